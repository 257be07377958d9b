# threading.Event over the native `_thread._Event`: return values, timeout checks (as
# CPython's Condition.wait makes them), argument errors, subclassing, repr, notify-then-
# clear, many waiters, and KeyboardInterrupt while the main thread waits.
import _thread
import threading
import time

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(-1), e.wait(0.01), e.wait(timeout=0.0))
print(repr(e).split(' at ')[0], repr(e).split(': ')[1])
e.set()
print(e.is_set(), e.wait(), e.wait("not checked when set"), e._flag, repr(e).split(': ')[1])
e.clear()
print(e.is_set(), e._flag)
for bad in ("x", [], 1e300, float("nan"), 0, False, -0.5):
    try:
        print(repr(bad), e.wait(bad))
    except Exception as ex:
        print(repr(bad), type(ex).__name__, ex)
for call in (lambda: threading.Event(1), lambda: e.wait(1, 2), lambda: e.wait(tmo=1),
             lambda: e.wait(1, timeout=2), lambda: e.set(1), lambda: e.clear(x=1),
             lambda: e.is_set(None)):
    try:
        call()
    except TypeError as ex:
        print("TypeError:", ex)


class Tagged(threading.Event):
    def __init__(self, tag):
        super().__init__()
        self.tag = tag


x = Tagged("t")
print(x.tag, x.is_set(), isinstance(x, threading.Event), repr(x).split(' at ')[0])

# A waiter that was notified returns True even if the flag is cleared before it wakes.
r = []
t = threading.Thread(target=lambda: r.append(x.wait(5)))
t.start()
time.sleep(0.05)
x.set()
x.clear()
t.join()
print(r, x.is_set())

t0 = time.monotonic()
print(threading.Event().wait(0.05), time.monotonic() - t0 >= 0.04)

ev = threading.Event()
res = []
ts = [threading.Thread(target=lambda: res.append(ev.wait(10))) for _ in range(8)]
for t in ts:
    t.start()
time.sleep(0.05)
ev.set()
for t in ts:
    t.join()
print(res)


def interrupter():
    time.sleep(0.05)
    _thread.interrupt_main()


for timeout in (10,):
    t = threading.Thread(target=interrupter)
    t.start()
    try:
        threading.Event().wait(timeout)
        print("not interrupted")
    except KeyboardInterrupt:
        print("KeyboardInterrupt while waiting on an Event, timeout", timeout)
    t.join()
