# test: timeout=60
# Threads started one after another (gild reuses their parked OS threads): each Python
# thread starts with empty thread-local data, its own Thread object, a fresh settrace
# state and its own exception state; threads alive at the same time have distinct idents.
import _thread
import sys
import threading

data = threading.local()
done = _thread.allocate_lock()
seen = []


def raw(i):
    # A raw _thread thread: nothing in threading cleans up after it.
    seen.append((i, getattr(data, "x", None), sys.exc_info()[0], sys.gettrace()))
    data.x = i
    sys.settrace(lambda *a: None)
    try:
        raise KeyError(i)
    except KeyError:
        done.release()
        # ends while handling an exception


for i in range(5):
    done.acquire()
    _thread.start_new_thread(raw, (i,))
    done.acquire()
    done.release()
    # wait until the thread is gone (its OS thread parked again)
    while _thread._count():
        pass
print(seen)


class Slot(threading.local):
    def __init__(self):
        self.owner = threading.current_thread().name


slot = Slot()
names = []


def use_slot():
    names.append((slot.owner, threading.current_thread().name, threading.current_thread() is t))


for i in range(4):
    t = threading.Thread(target=use_slot, name="seq-%d" % i)
    t.start()
    alive = t.is_alive() or t._is_stopped
    in_enum = t in threading.enumerate() or t._is_stopped
    t.join()
    print(alive, in_enum, t.is_alive(), t in threading.enumerate(), t.native_id is not None)
print(names, slot.owner)

# Threads alive together: distinct idents and native ids, all listed by enumerate().
gate = threading.Event()
ready = threading.Barrier(5)


def hold():
    ready.wait()
    gate.wait()


group = [threading.Thread(target=hold) for _ in range(4)]
for t in group:
    t.start()
ready.wait()
print(len({t.ident for t in group}), len({t.native_id for t in group}),
      all(t in threading.enumerate() for t in group), threading.active_count())
gate.set()
for t in group:
    t.join()
print(threading.active_count(), [t.is_alive() for t in group])

# A thread that fails reports through excepthook, and the next one is unaffected.
def fail():
    raise ValueError("boom")


def report(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = report
for name in ("bad", "good"):
    t = threading.Thread(target=fail if name == "bad" else lambda: print("fine", sys.exc_info()), name=name)
    t.start()
    t.join()
