import _thread
print(_thread._local, _thread._local.__module__, _thread._local.__name__)
import threading
print(threading.local is _thread._local)
try:
    _thread.nope
except AttributeError as e:
    print(e)
l = threading.local(); l.x = 1
t = threading.Thread(target=lambda: print(hasattr(l, "x"))); t.start(); t.join()
print(l.x, '_local' in dir(_thread))
