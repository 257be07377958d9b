# test: timeout=60
# Condition.notify(n) counts n down while waiters remain: any n comparable with 0 works
# (1.5 wakes two, a huge int wakes all, <= 0 none), n is not looked at when nobody waits,
# and an n that cannot be compared raises only when someone waits. Both the native path
# (a _thread lock) and the Python one (a lock of another type) are checked.
import threading


class OtherLock:
    """A lock that is not a _thread lock (Condition falls back to its Python path)."""

    def __init__(self):
        self._l = threading.Lock()

    def acquire(self, *args):
        return self._l.acquire(*args)

    def release(self):
        self._l.release()

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()


def waiting(c, k, ready, woke):
    def run():
        with c:
            ready.append(1)
            woke.append(c.wait(30))
    ts = [threading.Thread(target=run) for _ in range(k)]
    for t in ts:
        t.start()
    while True:
        with c:
            if len(ready) == k:
                return ts


for make in (threading.Lock, threading.RLock, OtherLock):
    c = threading.Condition(make())
    with c:
        for n in (0, -1, 1.5, "x", None, True, 2 ** 70):
            c.notify(n)
    print(make.__name__, "no waiters: all accepted")
    for n in (1.5, 2 ** 70, -1, 0, True, "x"):
        ready, woke = [], []
        ts = waiting(c, 3, ready, woke)
        with c:
            try:
                c.notify(n)
            except TypeError as e:
                print("  notify(%r): TypeError: %s" % (n, e))
            left = len(c._waiters)
            c.notify_all()
        for t in ts:
            t.join()
        print("  notify(%r) left %d waiting; all returned %s" % (n, left, woke))
    try:
        c.notify("x")
    except RuntimeError as e:
        print("  unowned:", e)
