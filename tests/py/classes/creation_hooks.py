# Class creation hooks: metaclass __prepare__/__new__/__init__/__call__, __init_subclass__
# keywords, __set_name__ (and its 3.11 error wrapping), __class_getitem__, __slots__ rules.
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
# metaclass __prepare__ / __call__
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", a, k)
        return super().__call__(*a, **k)
class X(metaclass=Meta, flag=True):
    a = 1
print(X.injected)
X(1) if False else None
t(lambda: type(X()).__name__)
class BadPrep(type):
    @classmethod
    def __prepare__(m, *a, **k): return 5
def bad():
    class Y(metaclass=BadPrep): pass
t(bad)
# __init_subclass__
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        print("init_subclass", cls.__name__, tag, kw)
        super().__init_subclass__(**kw)
class D(Base, tag="t"): pass
def bad_isc():
    class E(Base, tag="t", other=1): pass
t(bad_isc)
def bad_isc2():
    class F(other=1): pass
t(bad_isc2)
# __set_name__
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class H:
    d1 = Desc()
    d2 = Desc()
class BadSN:
    def __set_name__(self, owner, name): raise ValueError("sn")
def bad_sn():
    class I:
        x = BadSN()
t(bad_sn)
# __class_getitem__
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int], G[1, 2])
t(lambda: G()[0])
t(lambda: int[0] if False else object[int])
t(lambda: list[int, str])
t(lambda: type[int])
# __slots__
class S:
    __slots__ = ("a", "b")
s = S()
t(lambda: s.a)
s.a = 1
t(lambda: setattr(s, "c", 3))
t(lambda: s.__dict__)
t(lambda: S.a)
def delb():
    del s.b
t(delb)
class S2(S):
    __slots__ = ("c",)
class S3:
    __slots__ = ("x", "__dict__")
s3 = S3(); s3.y = 2; print(s3.__dict__)
t(lambda: S3().__weakref__)
def dup_slots():
    class S4:
        __slots__ = ("a", "a")
t(dup_slots)
def conflict():
    class S5:
        __slots__ = ("a",)
        a = 1
t(conflict)
def bad_slot():
    class S6:
        __slots__ = ("1a",)
t(bad_slot)
def dict_twice():
    class S7(S3):
        __slots__ = ("__dict__",)
t(dict_twice)
def nonstr():
    class S8:
        __slots__ = (1,)
t(nonstr)
class S9:
    __slots__ = "single"
print(S9.__slots__, hasattr(S9(), "__dict__"))
import weakref
t(lambda: weakref.ref(S()))
def layout():
    class L1: __slots__ = ("a",)
    class L2: __slots__ = ("b",)
    class L3(L1, L2): pass
t(layout)
