class C: pass
r = repr(C())
print(r.startswith("<__main__.C object at 0x"), r.endswith(">"))
class D:
    def __repr__(self): return "D()"
print(D(), [D()], str(D()), f"{D()}", f"{D()!r}")
class E:
    def __str__(self): return "E-str"
print(E(), repr(E()).startswith("<__main__.E object"))
print(repr(int), repr(type), repr(object))
