class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print(e)
try:
    p.z = 3
except AttributeError as e:
    print(e)
print(hasattr(p, "__dict__"))
p.y = 2
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print(e)
print(type(P.x).__name__, P.__slots__)
class Q(P):
    pass
q = Q(5)
q.z = 1
print(q.z, q.__dict__)
class R(P):
    __slots__ = ["w"]
r = R(0)
r.w = 1
print(r.x, r.w, hasattr(r, "__dict__"))
class S:
    __slots__ = "only"
s = S(); s.only = 1; print(s.only)
class T:
    __slots__ = ("a", "__dict__")
t = T(); t.a = 1; t.b = 2; print(t.a, t.__dict__)
