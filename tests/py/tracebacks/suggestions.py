# 'Did you mean' suggestions for NameError, AttributeError and ImportError through
# sys.excepthook.
import sys
def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
class A:
    def __init__(self):
        self.value = 1
        self.values_list = []
    def method(self): pass
a = A()
show(lambda: a.valeu)
show(lambda: a.methd)
show(lambda: a.vlaues_list)
show(lambda: A.metod)
show(lambda: a.x)
show(lambda: A().__class__.__nme__)
import math
show(lambda: math.sqr)
show(lambda: math.pii)
show(lambda: [].apend)
show(lambda: "".uper)
show(lambda: {}.itmes)
def f():
    lenght = 1
    return lengt
show(f)
show(lambda: prnt)
show(lambda: Tru)
show(lambda: abss)
show(lambda: xyzzy_unknown)
def g():
    import os
    return pathh
show(g)
show(lambda: exec("import mth"))
class B:
    def __getattr__(self, n):
        raise AttributeError(n)
show(lambda: B().foo)
class C:
    __slots__ = ("alpha",)
show(lambda: C().alpha)
show(lambda: C().alpah)
x = 1
show(lambda: exec("del xx"))
def h():
    y = y + 1
show(h)
def k():
    print(zz)
    zz = 1
show(k)
def outer():
    val = 1
    def inner():
        return vall
    return inner()
show(outer)
class D:
    attr1 = 1
    def m(self):
        return attr1
show(lambda: D().m())
def self_missing():
    class E:
        def __init__(self):
            self.name = 1
        def m(self):
            return name
    return E().m()
show(self_missing)
