# types.MappingProxyType: a read-only view of a mapping.
import types
from collections.abc import Mapping

M = types.MappingProxyType
print(M is type(type.__dict__), M.__name__, M.__module__)
base = {'a': 1, 'b': 2}
m = M(base)
print(m)
print(str(m), repr(m), len(m), 'a' in m, 'z' in m, m['a'])
print(m.get('a'), m.get('z'), m.get('z', 5))
print(list(m), list(reversed(m)), list(iter(m)))
print(m.keys(), m.values(), m.items())
cp = m.copy()
print(cp, type(cp).__name__, cp is base)
print(m == base, base == m, m != {}, m == M(dict(base)))
print(m | {'c': 3}, type(m | {}).__name__, {'c': 3} | m, m | m)
print(bool(m), bool(M({})))
print(isinstance(m, Mapping), M[int])

# The view is live.
base['c'] = 3
print(m, len(m))

# It delegates to any mapping.
class Mine(Mapping):
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
    def __repr__(self):
        return f'Mine({self.d!r})'
    def copy(self):
        return Mine(dict(self.d))
p = M(Mine({'x': 9}))
print(p, p['x'], p.get('y', 0), list(p), len(p), 'x' in p, p.copy(), list(p.items()))
print(M('abc'), M('abc')[1])

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: hash(m))
show(lambda: M([1]))
show(lambda: M((1, 2)))
show(lambda: M(1))
show(lambda: M(int))
show(lambda: M())
show(lambda: M(mapping={'x': 1}))
show(lambda: M({}, {}))
show(lambda: m.get())
show(lambda: m.get(1, 2, 3))
show(lambda: m.keys(1))
show(lambda: m < base)
show(lambda: m <= 1)
show(lambda: m | 1)
show(lambda: p.__reversed__())

def assign():
    m['a'] = 5
def assign_int():
    m[0] = 5
def delete():
    del m['a']
def delete_int():
    del m[0]
def ior():
    global m
    m |= {}
def setattr_():
    m.x = 1
def settype():
    M.x = 1
def subclass():
    class D(M):
        pass
for f in (assign, assign_int, delete, delete_int, ior, setattr_, settype, subclass):
    show(f)
print(m, base)
print(sorted(k for k in M.__dict__ if k not in ('__doc__', '__getattribute__')))

# Arity errors of the methods.
show(lambda: m.__len__(1))
show(lambda: m.__str__(1))
show(lambda: m.__reversed__(1))
show(lambda: m.copy(1))
show(lambda: m.__ior__())
show(lambda: m.get(1, x=2))
show(lambda: M.keys(1))
