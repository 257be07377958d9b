# obj.__dict__ = ... replaces the instance dict (type-checked); del leaves an empty one; modules refuse.
class P: pass
p = P()
p.x = 1
for v in (5, None, [1]):
    try:
        p.__dict__ = v
    except TypeError as e:
        print("TypeError:", e)
try:
    del p.__dict__
    print("deleted", p.__dict__)
except TypeError as e:
    print("TypeError:", e)
class D(dict): pass
p.__dict__ = D(z=3)
print(type(p.__dict__).__name__, p.z)
class S:
    __slots__ = ("a",)
s = S()
try:
    s.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
class S2:
    __slots__ = ("a", "__dict__")
s2 = S2()
s2.__dict__ = {"k": 1}
print(s2.k, s2.__dict__)
import types
m = types.ModuleType("m")
try:
    m.__dict__ = {}
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
def f(): pass
f.__dict__ = {"q": 1}
print(f.q)
try:
    f.__dict__ = 3
except TypeError as e:
    print("TypeError:", e)
