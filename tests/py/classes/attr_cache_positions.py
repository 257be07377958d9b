# One attribute site reading instances whose dicts hold the name at different positions,
# after deletions, after __dict__ replacement, and a method site whose class is changed.
class P:
    def __init__(self, order):
        for name, value in order:
            setattr(self, name, value)

objs = [
    P([("x", 1), ("y", 2)]),
    P([("y", 20), ("x", 10)]),
    P([("z", 0), ("w", 0), ("x", 100)]),
    P([("x", 1000)]),
]

def read_x(seq):
    return [o.x for o in seq]

print(read_x(objs))
print(read_x(objs[::-1]))
del objs[0].x
objs[0].x = 5          # re-added at the end of the dict
print(read_x(objs))
objs[1].__dict__ = {"a": 1, "b": 2, "x": -1}
print(read_x(objs))
try:
    read_x([P([("y", 1)])])
except AttributeError as e:
    print("AttributeError:", e)

def write_x(seq, v):
    for o in seq:
        o.x = v
    return [o.__dict__ for o in seq]

print(write_x(objs, 7))
print(write_x([P([]), P([("q", 1)])], 8))

# Method loads through the cache, then the class changes under the same site.
class A:
    def m(self):
        return "A.m"

class B(A):
    pass

def call_m(seq):
    return [o.m() for o in seq]

items = [A(), B(), A(), B()]
print(call_m(items))
A.m = lambda self: "new A.m"
print(call_m(items))
B.m = lambda self: "B.m"
print(call_m(items))
del B.m
print(call_m(items))
items[0].m = lambda: "instance m"
print(call_m(items))

# Builtin methods at one site, with a list subclass overriding one of them.
class L(list):
    def append(self, v):
        super().append(v * 10)

def fill(seq):
    for l in seq:
        l.append(1)
    return seq

print(fill([[], L(), [], L()]))
