# _thread locks and threading.Lock/RLock: acquire(blocking, timeout), release errors,
# context managers, RLock ownership.
import _thread
import threading


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


lock = threading.Lock()
print(type(lock) is _thread.LockType, type(lock).__name__)
print(repr(lock).split(" object")[0])
print(lock.acquire(), lock.locked(), repr(lock).split(" object")[0])
print(lock.acquire(False), lock.acquire(timeout=0.01), lock.acquire(True, 0))
lock.release()
show(lock.release)
show(lambda: lock.acquire(False, 1))
show(lambda: lock.acquire(True, -2))
show(lambda: lock.acquire(timeout=None))
show(lambda: lock.acquire(1, 2, 3))
show(lambda: lock.acquire(foo=1))
show(lambda: lock.acquire(timeout=1e300))
show(lambda: lock.acquire(blocking=False, timeout=-1))
lock.release()
with lock:
    print("inside", lock.locked())
print("after", lock.locked())

# A lock may be released by another thread.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by other thread:", not lock.locked())

r = threading.RLock()
print(type(r).__name__, r.acquire(), r.acquire(), r._is_owned())
print(repr(r).split(" owner")[0])
r.release()
r.release()
show(r.release)
print(r._is_owned())

# Another thread cannot release an RLock it does not own.
r.acquire()
out = []
def try_release():
    try:
        r.release()
    except RuntimeError as e:
        out.append(str(e))
    out.append(r.acquire(timeout=0.01))
t = threading.Thread(target=try_release)
t.start()
t.join()
print(out)
r.release()

with r:
    with r:
        print("nested rlock ok")
show(_thread.LockType)
print(_thread.TIMEOUT_MAX, _thread.error)
show(lambda: _thread.stack_size(100))
print(_thread.stack_size(), _thread.stack_size(0))
show(lambda: _thread.start_new_thread(1, ()))
show(lambda: _thread.start_new_thread(print, []))
show(lambda: _thread.start_new_thread(print, (), []))
