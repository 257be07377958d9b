# A threading.local's per-thread values die with the local (they were kept in the
# threads' dictionaries forever), and locals accept weak references, as in CPython.
import gc
import threading
import weakref

class Value:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

loc = threading.local()
loc.x = Value("main")

def worker():
    loc.x = Value("worker")   # freed when the worker ends

t = threading.Thread(target=worker)
t.start()
t.join()
print("deleting the local")
del loc
gc.collect()
print("after")
w = weakref.ref(threading.local())
gc.collect()
print(w() is None)
