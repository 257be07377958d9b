# copy/deepcopy: builtins, memo and cycles, __copy__/__deepcopy__, __reduce__, slots
import copy

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]["k"] is a[2]["k"], c)
t = (1, 2); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is (1, [2])[1])
cyc = [1]; cyc.append(cyc)
d = copy.deepcopy(cyc); print(d[1] is d, d is not cyc)
print(copy.copy({1, 2}), copy.deepcopy({"a": {1: 2}}), copy.copy(bytearray(b"x")))

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, [2])
q = copy.copy(p); r = copy.deepcopy(p)
print(q, r, q.y is p.y, r.y is p.y, type(r).__name__)

class Custom:
    def __init__(self):
        self.log = []
    def __copy__(self):
        print("__copy__ called")
        return "shallow"
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return "deep"
print(copy.copy(Custom()), copy.deepcopy(Custom()))

class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduced, (self.v * 10,))
print(copy.copy(Reduced(2)).v, copy.deepcopy(Reduced(3)).v)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
s2 = copy.deepcopy(Slotted()); print(s2.a, hasattr(s2, "b"))

class MyList(list):
    pass
ml = MyList([1, [2]]); ml.tag = "t"
ml2 = copy.deepcopy(ml); print(ml2, type(ml2).__name__, ml2.tag, ml2[1] is ml[1])
class MyDict(dict):
    pass
print(copy.copy(MyDict(a=1)), type(copy.copy(MyDict(a=1))).__name__)

class State:
    def __init__(self):
        self.a = 1
    def __getstate__(self):
        return {"a": self.a + 100}
    def __setstate__(self, st):
        self.a = st["a"] * 2
print(copy.copy(State()).a)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair); print(pc[0] is pc[1])
memo = {}
x = [1]; copy.deepcopy(x, memo); print(id(x) in memo)
def fn():
    pass
print(copy.deepcopy(fn) is fn, copy.copy(int) is int)
try:
    copy.copy(iter([]) if False else (i for i in []))
except TypeError as e:
    print("TypeError", e)
