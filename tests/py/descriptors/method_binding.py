class C:
    def m(self, x): return (type(self).__name__, x)
c = C()
bm = c.m
print(bm(1), bm.__self__ is c, bm.__func__ is C.m, bm.__name__)
print(C.m(c, 2))
print(bm == c.m, bm is c.m)
f = lambda self: "lam"
C.l = f
print(c.l())
c.inst = f
print(c.inst(0))
print(repr(C.m).startswith("<function C.m at"), repr(bm).startswith("<bound method C.m of <__main__.C object"))
