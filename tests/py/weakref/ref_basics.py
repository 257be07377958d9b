import _weakref as weakref
class C: pass
c=C()
r1=weakref.ref(c, lambda r: print('cb1', r() is None))
r2=weakref.ref(c, lambda r: print('cb2'))
r0=weakref.ref(c)
r3=weakref.ref(c)
print(r0 is r3, weakref.getweakrefcount(c), r0() is c)
print(weakref.getweakrefs(c)[0] is r0, weakref.getweakrefs(c)[1] is r2)
p=weakref.proxy(c)
c.x = 5
print(p.x, type(p).__name__)
print(type(r0), weakref.ProxyType, weakref.CallableProxyType, weakref.ReferenceType)
del c
print(r0(), r1())
try: p.x
except ReferenceError as e: print('RE', e)
for t in [1, 'a', (), [], {}, object(), ValueError(), len, set(), property(), print, type, weakref.ref]:
  try: weakref.ref(t); print('ok', type(t).__name__)
  except TypeError as e: print(e)
class R(weakref.ref):
    def __new__(cls, ob, cb=None, key=None):
        return super().__new__(cls, ob, cb)
    def __init__(self, ob, cb=None, key=None):
        super().__init__(ob, cb)
        self.key = key
class D: pass
d = D()
r = R(d, None, 'k')
print(r.key, r() is d, isinstance(r, weakref.ref))
class S:
    __slots__ = ('a',)
class T:
    __slots__ = ('a', '__weakref__')
try: weakref.ref(S())
except TypeError as e: print(e)
t = T(); print(weakref.ref(t)() is t)
print(hash(weakref.ref(d)) == hash(d))
try: hash(weakref.ref(D()))
except TypeError as e: print(e)
def f(x): return x*2
pf = weakref.proxy(f)
print(pf(21), type(pf).__name__)
class N:
    def __init__(s, v): s.v = v
    def __add__(s, o): return s.v + o
    def __len__(s): return 3
n = N(4); pn = weakref.proxy(n)
print(pn + 1, len(pn))
class Bad(weakref.ref):
    def __init__(self, ob, cb=None, key=None):
        super().__init__(ob, cb)
try:
    Bad(d, None, 'k')
except TypeError as e:
    print(e)
