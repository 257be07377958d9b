class C:
    """Doc of C."""
    count = 0
    def __init__(self):
        C.count += 1
C(); C()
print(C.count, C.__doc__, C.__name__, C.__qualname__, C.__module__)
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
def fn():
    class Local: pass
    return Local
print(fn().__qualname__)
print(repr(C), repr(Outer.Inner))
print(sorted(k for k in C.__dict__ if not k.startswith("__")))
c = C()
c.attr = 1
print(c.__dict__)
c.__dict__["other"] = 2
print(c.other)
