# super() forms and errors (unbound super, reprs), descriptor precedence, __getattr__ after
# an AttributeError from a property, attribute/call/iteration/context-manager/compare errors.
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
class A:
    def f(self): return "A.f"
class B(A):
    def f(self): return "B.f+" + super().f()
    @classmethod
    def c(cls): return super().f
    @staticmethod
    def s(): return super().f()
print(B().f())
t(lambda: B.c().__qualname__)
t(lambda: B.s())
t(lambda: super())
t(lambda: super(B))
t(lambda: super(B).f)
t(lambda: super(1, B()))
t(lambda: super(B, 1))
t(lambda: super(B, A()).f())
t(lambda: super(A, B()).f())
t(lambda: repr(super(B, B())).startswith("<super: <class 'B'>, <B object>>"))
print(repr(super(B)))
t(lambda: super(B, B()).nope)
def outside():
    return super().f()
t(outside)
class C:
    def m(self):
        del __class__
def noargs_fn():
    class D:
        def m():
            return super().x
    return D.m()
t(noargs_fn)
class E(A):
    def f(self):
        self = 5
        return super().f()
t(lambda: E().f())
# descriptors precedence
class Data:
    def __get__(self, o, t=None): return "data"
    def __set__(self, o, v): print("set", v)
class NonData:
    def __get__(self, o, t=None): return "nondata"
class P:
    d = Data()
    n = NonData()
p = P()
p.__dict__["d"] = "inst"
p.__dict__["n"] = "inst"
print(p.d, p.n)
p.d = 3
class GA:
    @property
    def prop(self): raise AttributeError("inner")
    def __getattr__(self, name): return "getattr:" + name
print(GA().prop, GA().missing)
class GA2:
    @property
    def prop(self): raise AttributeError("inner")
t(lambda: GA2().prop)
class GA3:
    def __getattribute__(self, n): raise AttributeError(n)
    def __getattr__(self, n): return "fallback " + n
print(GA3().x)
class RO:
    @property
    def p(self): return 1
def setro(): RO().p = 2
t(setro)
def delro(): del RO().p
t(delro)
class RO2:
    p = property(lambda s: 1, doc="d")
def setro2(): RO2().p = 5
t(setro2)
t(lambda: RO.p.__doc__)
t(lambda: setattr(object(), "x", 1))
t(lambda: setattr(1, "x", 1))
t(lambda: setattr(int, "x", 1))
t(lambda: delattr(A(), "zz"))
t(lambda: object().__dict__)
t(lambda: getattr(A(), "zz"))
t(lambda: getattr(A, "zz"))
import math
t(lambda: math.zz)
t(lambda: A.f(1))
t(lambda: A().f(1))
t(lambda: A.f())
class WithCall:
    def __call__(self, x): return x
t(lambda: WithCall()())
t(lambda: WithCall()(1, 2))
t(lambda: WithCall()(y=1))
t(lambda: len(1, 2))
t(lambda: A()())
S_ABC = "abc"
t(lambda: S_ABC())
t(lambda: iter(A()))
t(lambda: next(A()))
t(lambda: list(A()))
class GI:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError
print(list(GI()), 20 in GI(), 25 in GI())
class Ctx:
    pass
def withctx():
    with Ctx(): pass
t(withctx)
class Ctx2:
    def __enter__(self): return 1
def withctx2():
    with Ctx2(): pass
t(withctx2)
async def awithctx():
    async with Ctx(): pass
def run_aw():
    c = awithctx()
    try:
        c.send(None)
    finally:
        c.close()
t(run_aw)
t(lambda: hash([]))
t(lambda: {[]: 1})
t(lambda: {{}})
t(lambda: [] < {})
t(lambda: None < None)
t(lambda: 1 < "a")
t(lambda: [1] < [1, "a"] < 1)
t(lambda: sorted([1, "a"]))
t(lambda: max(1, "a"))
t(lambda: 1 in 1)
t(lambda: "a" in ["a"] in 1)
t(lambda: 1 in "abc")
t(lambda: None in {})
t(lambda: [] in {})
t(lambda: [] in set())
