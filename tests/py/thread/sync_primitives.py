# Semaphore, BoundedSemaphore, Event, Barrier (action, abort, reset, timeout), Timer.
import threading
import time


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(blocking=False), s._value)
show(lambda: threading.Semaphore(-1))
show(lambda: s.acquire(False, 1))
show(lambda: s.release(0))
with s:
    print("in semaphore", s._value)

b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
show(b.release)
print(repr(b).split(" at ")[0], repr(b).split(": ")[1])

# Semaphore limits concurrency.
sem = threading.Semaphore(3)
state = {"now": 0, "max": 0}
guard = threading.Lock()


def limited():
    with sem:
        with guard:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.005)
        with guard:
            state["now"] -= 1


ts = [threading.Thread(target=limited) for _ in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("max concurrent <= 3:", state["max"] <= 3, state["now"])

e = threading.Event()
print(e.is_set(), e.wait(0.01))
t = threading.Thread(target=e.set)
t.start()
print(e.wait(5))
t.join()
e.clear()
print(e.is_set(), repr(e).split(": ")[1])

# Barrier: indices, action runs once per cycle, reuse.
calls = []
bar = threading.Barrier(3, action=lambda: calls.append("action"))
idx = []


def arrive():
    for _ in range(2):
        idx.append(bar.wait())


ts = [threading.Thread(target=arrive) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(idx), calls, bar.parties, bar.n_waiting, bar.broken)

# Timeout breaks the barrier for everyone.
bar = threading.Barrier(2, timeout=0.02)
try:
    bar.wait()
except threading.BrokenBarrierError as e:
    print("broken:", type(e).__name__, bar.broken, isinstance(e, RuntimeError))
try:
    bar.wait()
except threading.BrokenBarrierError:
    print("still broken")
bar.reset()
print("after reset", bar.broken)

# abort() wakes waiters with BrokenBarrierError.
bar = threading.Barrier(3)
errs = []


def w():
    try:
        bar.wait()
    except threading.BrokenBarrierError:
        errs.append("broken")


ts = [threading.Thread(target=w) for _ in range(2)]
for t in ts:
    t.start()
while bar.n_waiting < 2:
    time.sleep(0.001)
bar.abort()
for t in ts:
    t.join()
print(errs)

# Timer fires once; a cancelled timer never fires.
fired = []
t = threading.Timer(0.01, fired.append, args=["fired"])
t.start()
t.join()
c = threading.Timer(10, fired.append, args=["never"])
c.start()
c.cancel()
c.join()
print(fired, t.finished.is_set())
