# Condition: wait/notify/notify_all/wait_for with a plain lock and the default RLock.
import threading
import time

cond = threading.Condition()
items = []
log = []


def consumer(n):
    with cond:
        cond.wait_for(lambda: len(items) > 0)
        log.append(("got", items.pop(0)))


threads = [threading.Thread(target=consumer, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for i in range(4):
    with cond:
        items.append(i)
        cond.notify()
for t in threads:
    t.join()
print(sorted(log))

# notify_all wakes everyone.
flag = []
ready = threading.Semaphore(0)


def waiter():
    with cond:
        ready.release()
        while not flag:
            cond.wait()


threads = [threading.Thread(target=waiter) for _ in range(5)]
for t in threads:
    t.start()
for _ in threads:
    ready.acquire()
with cond:
    flag.append(1)
    cond.notify_all()
for t in threads:
    t.join()
print("all woken", not any(t.is_alive() for t in threads))

# Timeouts.
with cond:
    t0 = time.monotonic()
    print(cond.wait(0.02), cond.wait_for(lambda: False, 0.02), cond.wait(0))
    print(time.monotonic() - t0 >= 0.035)

# Errors: waiting/notifying without the lock.
for f in (cond.wait, cond.notify, cond.notify_all):
    try:
        f()
    except RuntimeError as e:
        print(e)

plain = threading.Condition(threading.Lock())
with plain:
    print(plain.wait(0.01), plain._is_owned())
print(plain._is_owned())
print(repr(plain).startswith("<Condition(<unlocked _thread.lock object"), repr(plain).endswith(", 0)>"))

# An RLock held twice is fully released while waiting and restored after.
rc = threading.Condition(threading.RLock())
def notifier():
    with rc:
        rc.notify()
with rc:
    with rc:
        t = threading.Thread(target=notifier)
        t.start()
        print("rlock wait", rc.wait(5))
        t.join()
    print("still owned", rc._is_owned())
print("released", not rc._is_owned())
