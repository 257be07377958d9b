import weakref, sys
class C:
    def __init__(self, n): self.n = n
    def m(self): return self.n
    def __repr__(self): return 'C(%d)' % self.n
objs = [C(i) for i in range(5)]
d = weakref.WeakValueDictionary()
for o in objs: d[o.n] = o
print(len(d), sorted(d.keys()), d[2])
del objs[1]
print(len(d), 1 in d, sorted(d))
k = weakref.WeakKeyDictionary()
for o in objs: k[o] = o.n * 10
print(len(k), k[objs[0]])
x = objs.pop()
print(len(k), x in k)
del x
print(len(k), sorted(k.values()))
s = weakref.WeakSet(objs)
print(len(s), objs[0] in s)
objs.pop()
print(len(s))
c = C(7)
wm = weakref.WeakMethod(c.m, lambda r: print('method died'))
print(wm()(), wm() == c.m)
del c
print(wm())
def bye(*a, **k): print('finalized', a, k)
c = C(8)
f = weakref.finalize(c, bye, 1, x=2)
print(f.alive, f.peek()[1] is bye, f.atexit)
del c
print(f.alive)
c2 = C(9)
f2 = weakref.finalize(c2, bye, 'atexit2')
f3 = weakref.finalize(c2, bye, 'atexit3')
f4 = weakref.finalize(c2, bye, 'noexit')
f4.atexit = False
g = weakref.finalize(c2, bye, 'detached')
print(g.detach()[2], g.alive)
print(f2() , f2.alive)
print('end')
