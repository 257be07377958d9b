# Callback order (newest first), __del__ before callbacks, dead refs, exceptions in callbacks.
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)

class Loud:
    def __init__(self, tag):
        self.tag = tag
    def __call__(self, r):
        print('callback', self.tag, r() is None)
    def __repr__(self):
        return '<Loud %s>' % self.tag

o = Obj('a')
refs = [weakref.ref(o, Loud(i)) for i in range(4)]
print(weakref.getweakrefcount(o))
del o
print('after del')

# A weak reference that dies first never calls back.
o = Obj('b')
r = weakref.ref(o, Loud('never'))
del r
del o

# Callback exceptions are reported and do not stop the other callbacks.
class Boom:
    def __call__(self, r):
        raise ValueError('boom')
    def __repr__(self):
        return '<Boom>'

o = Obj('c')
r1 = weakref.ref(o, Loud('first'))
r2 = weakref.ref(o, Boom())
del o
print('survived')

# The callback receives the weak reference object itself.
class Holder:
    pass
h = Holder()
seen = []
r = weakref.ref(h, seen.append)
del h
print(seen[0] is r, r(), r.__callback__)

# A resurrecting __del__ keeps weak references alive.
keep = []
class Phoenix:
    def __del__(self):
        print('phoenix __del__')
        keep.append(self)
p = Phoenix()
rp = weakref.ref(p, Loud('phoenix'))
del p
print('resurrected', rp() is keep[0])
keep.clear()
print('gone', rp())

# Weak references in a dict key survive equality/hash by referent.
class K:
    pass
k = K()
a = weakref.ref(k)
b = weakref.ref(k, lambda r: None)
print(a == b, hash(a) == hash(b), a is not b)
d = {a: 1}
print(d[b])
del k
print(a == b, a == a)
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
try:
    weakref.ref()
except TypeError as e:
    print('no args', type(e).__name__)
