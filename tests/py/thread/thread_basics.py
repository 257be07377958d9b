# Thread: default names, target/args/kwargs, subclassing, ident, is_alive, join, errors.
import _thread
import threading

results = []

def work(a, b=0):
    results.append(a + b)

threads = [threading.Thread(target=work, args=(i,), kwargs={'b': 100}) for i in range(3)]
print([t.name for t in threads])
print(repr(threads[0]))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), [t.is_alive() for t in threads])
print(all(isinstance(t.ident, int) and isinstance(t.native_id, int) for t in threads))
print(len({t.ident for t in threads}) >= 1, threads[0].ident != threading.get_ident())


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
        self.seen = None

    def run(self):
        self.seen = (threading.current_thread() is self, self.name, self.n * 2)


w = Worker(7)
w.start()
w.join()
print(w.seen, repr(w).startswith("<Worker(worker-7, stopped"))

named = threading.Thread(target=lambda: None, name=42)
print(named.name, threading.Thread().name.startswith("Thread-"))
print(threading.Thread(target=print).name.endswith("(print)"))

for action in ("start twice", "join before start", "join self", "daemon after start"):
    t = threading.Thread(target=lambda: None)
    try:
        if action == "start twice":
            t.start()
            t.start()
        elif action == "join before start":
            t.join()
        elif action == "join self":
            threading.current_thread().join()
        else:
            t.start()
            t.daemon = True
    except RuntimeError as e:
        print(action, "->", e)
    if t.is_alive() or t.ident is not None:
        t.join()


class NoInit(threading.Thread):
    def __init__(self):
        pass


try:
    NoInit().start()
except RuntimeError as e:
    print(e)

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.active_count(), [t.name for t in threading.enumerate()])
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon)
print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, threading.ThreadError is RuntimeError)
