# namedtuple: fields, defaults, rename, _make/_asdict/_replace, repr, errors
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._fields, p._asdict(), p._replace(x=5), Point._make([3, 4]))
print(Point.__name__, Point.__doc__, isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x + y, list(p), Point._field_defaults)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3(1, 2), P3._field_defaults, P3.__new__.__defaults__)
R = namedtuple("R", "abc def _x abc", rename=True)
print(R._fields)
M = namedtuple("M", "a", module="mymod")
print(M.__module__, Point.__module__, M(1))

def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

err(lambda: Point(1))
err(lambda: Point(1, 2, 3))
err(lambda: Point._make([1]))
err(lambda: p._replace(z=1))
err(lambda: namedtuple("A", "x x"))
err(lambda: namedtuple("A", "1x"))
err(lambda: namedtuple("A", "def"))
err(lambda: namedtuple("A", "_x"))
err(lambda: namedtuple("A", "x", defaults=[1, 2]))
err(lambda: setattr(p, "x", 3))

class Sub(namedtuple("Base", "a b")):
    def total(self):
        return self.a + self.b
s = Sub(2, 3)
print(s, s.total(), type(s).__mro__[1].__name__)
match p:
    case Point(a, b):
        print("matched", a, b)
