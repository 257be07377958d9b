# Weak references to cyclic garbage are cleared before teardown; their callbacks run
# unless the weak reference itself is garbage.
import gc, weakref

gc.collect()

class Node:
    pass

a = Node(); b = Node(); a.peer = b; b.peer = a
log = []
ra = weakref.ref(a, lambda r: log.append('a died'))
rb = weakref.ref(b)
del a, b
print(ra() is not None, rb() is not None)
gc.collect()
print(ra(), rb(), log)

# A weak reference stored inside the garbage does not call back.
c = Node(); c.me = c
c.selfref = weakref.ref(c, lambda r: print('never printed'))
del c
gc.collect()

# WeakValueDictionary entries vanish when the values are cyclic garbage.
wvd = weakref.WeakValueDictionary()
for i in range(5):
    n = Node(); n.me = n
    wvd[i] = n
del n
print(len(wvd))
gc.collect()
print(len(wvd))
