# threading.excepthook: custom hooks receive ExceptHookArgs; SystemExit is silent; the
# default hook prints "Exception in thread NAME:" (traceback left out here: see DIVERGENCES).
import _thread
import sys
import threading

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None))


threading.excepthook = hook


def fail():
    raise ValueError("boom")


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
print(seen)


def short_default(args):
    exc = args.exc_value
    exc.__traceback__ = None
    threading.__excepthook__(threading.ExceptHookArgs((args.exc_type, exc, None, args.thread)))


threading.excepthook = short_default
t = threading.Thread(target=fail)
t.start()
t.join()
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=sys.exit)
t.start()
t.join()
print("done", threading.ExceptHookArgs is _thread._ExceptHookArgs)
a = threading.ExceptHookArgs((1, 2, 3, 4))
print(a, a.thread)
