# Timeouts of Condition.wait and Queue.get/put that are NaN, zero, huge or of the wrong
# type: NaN and zero only poll (CPython's `timeout > 0` test), huge ones are refused.
import queue
import threading

c = threading.Condition(threading.Lock())
with c:
    for t in (float("nan"), 0, -1, 0.0, 1e-9):
        print("wait", t, c.wait(t))
    for t in (1e300, float("inf"), "x"):
        try:
            c.wait(t)
        except (OverflowError, TypeError, ValueError) as e:
            print("wait", t, type(e).__name__, e)

q = queue.Queue(maxsize=1)
for t in (0, 1e-6):
    try:
        q.get(timeout=t)
    except queue.Empty:
        print("get", t, "Empty")
q.put(1)
for t in (0, 1e-6):
    try:
        q.put(2, timeout=t)
    except queue.Full:
        print("put", t, "Full")
for t in (-1, "x"):
    try:
        q.get(timeout=t)
    except (TypeError, ValueError) as e:
        print("get", t, type(e).__name__, e)
print(q.get(timeout=float("nan")), q.qsize())
q.put(3)
try:
    q.put(4, timeout=1e300)
except OverflowError as e:
    print("put", "1e300", type(e).__name__, e)
