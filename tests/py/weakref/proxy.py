# Proxies forward operations to the referent and raise ReferenceError once it died.
import weakref

class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __iter__(self):
        return iter(self.xs)
    def __contains__(self, x):
        return x in self.xs
    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs
    def __lt__(self, other):
        return self.xs < other.xs
    def __str__(self):
        return 'Vec%s' % (tuple(self.xs),)
    def __bool__(self):
        return bool(self.xs)
    def norm(self):
        return sum(x * x for x in self.xs)

v = Vec(1, 2, 3)
p = weakref.proxy(v)
print(type(p) is weakref.ProxyType, isinstance(p, weakref.ProxyTypes))
print(len(p), p[1], 2 in p, list(p), str(p), bool(p), p.norm())
print((p + v).xs, (v + p).xs, p == Vec(1, 2, 3), p < Vec(9))
p[0] = 10
p.extra = 'x'
print(v.xs, v.extra)
del p.extra
print(hasattr(v, 'extra'))
try:
    hash(p)
except TypeError as e:
    print(e)
print(weakref.proxy(v) is p)

def double(x):
    return 2 * x
cp = weakref.proxy(double)
print(type(cp) is weakref.CallableProxyType, cp(21))

calls = []
q = weakref.proxy(v, lambda pr: calls.append(type(pr).__name__))
del v
print(calls)
for action in (lambda: p.xs, lambda: len(p), lambda: p + p, lambda: str(p)):
    try:
        action()
    except ReferenceError as e:
        print('ReferenceError:', e)
try:
    weakref.proxy(3)
except TypeError as e:
    print(e)
