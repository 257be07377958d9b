# test: timeout=60
# concurrent.futures: Future states, ThreadPoolExecutor submit/map/shutdown/initializer,
# as_completed, wait(FIRST_COMPLETED/FIRST_EXCEPTION/ALL_COMPLETED), errors.
import concurrent.futures as cf
import threading
import time


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


f = cf.Future()
print(f.done(), f.running(), f.cancelled(), repr(f).split(" state=")[1])
seen = []
f.add_done_callback(lambda fut: seen.append(fut.result()))
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result(42)
print(f.result(), f.exception(), seen, repr(f).split(" state=")[1])
try:
    f.set_result(1)
except cf.InvalidStateError as e:
    print("InvalidStateError:", str(e).split(" at ")[0], str(e).split(" state=")[1])
f.add_done_callback(lambda fut: seen.append("late"))
print(seen)
g = cf.Future()
show(lambda: g.result(timeout=0.01))
print(g.cancel(), g.cancelled(), g.done(), repr(g).split(" state=")[1])
show(g.result)
show(g.exception)
h = cf.Future()
h.set_exception(ValueError("bad"))
show(h.result)
print(repr(h.exception()), repr(h).split(" state=")[1])
print(issubclass(cf.CancelledError, Exception), cf.TimeoutError is TimeoutError)


def square(x):
    time.sleep(0.002 * (x % 3))
    return x * x


with cf.ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as ex:
    futs = [ex.submit(square, i) for i in range(12)]
    print(sorted(fu.result() for fu in cf.as_completed(futs)))
    print(list(ex.map(square, range(6))))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    names = set(ex.submit(lambda: threading.current_thread().name).result() for _ in range(5))
    print(all(n.startswith("pool_") for n in names), len(ex._threads) <= 3)
    done, not_done = cf.wait(futs)
    print(len(done), len(not_done))

show(lambda: ex.submit(square, 1))
show(lambda: cf.ThreadPoolExecutor(max_workers=0))
show(lambda: cf.ThreadPoolExecutor(initializer=5))

gate = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=1)
slow = ex.submit(gate.wait, 5)
fast_fail = cf.Future()
fast_fail.set_exception(KeyError("k"))
done, not_done = cf.wait([slow, fast_fail], return_when=cf.FIRST_EXCEPTION)
print(len(done), len(not_done))
done, not_done = cf.wait([slow], timeout=0.01, return_when=cf.FIRST_COMPLETED)
print(len(done), len(not_done))
queued = [ex.submit(square, i) for i in range(3)]
it = ex.map(square, [1, 2], timeout=0.01)
show(lambda: next(it))
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print(slow.result(), [q.cancelled() for q in queued])
ex.shutdown(wait=True)
print(len(cf.wait([slow], return_when="nonsense").done))

try:
    for fu in cf.as_completed([cf.Future()], timeout=0.01):
        pass
except cf.TimeoutError as e:
    print("as_completed:", e)

inits = []
with cf.ThreadPoolExecutor(2, initializer=inits.append, initargs=("init",)) as ex:
    print(ex.submit(square, 4).result())
print(set(inits))
print(cf.ALL_COMPLETED, cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION)
