# Dicts around the small-table boundary (no index table up to 8 entries): insertion
# order, deletion holes, re-insertion, growth past the boundary, equal hashes with
# __eq__ calls, popitem, clear, and copies.
import random

class K:
    """Keys with a chosen hash, comparing by name (so lookups call __eq__)."""
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        print("  eq", self.name, other.name if isinstance(other, K) else other)
        return isinstance(other, K) and self.name == other.name
    def __repr__(self):
        return self.name

d = {}
for i in range(12):
    d[f"k{i}"] = i
    if i in (3, 7, 8, 9):
        print(i, list(d.items())[-2:], len(d))
for i in range(0, 12, 2):
    del d[f"k{i}"]
print(d)
for i in range(0, 12, 3):
    d[f"k{i}"] = -i
print(d, len(d))

small = {"a": 1, "b": 2, "c": 3}
del small["b"]
small["d"] = 4
small["b"] = 5
print(small, list(small), small.get("b"), "b" in small, "z" in small)
for n in range(20):
    small[n] = n
    if n % 5 == 0:
        del small[n]
print(small)
print(small.popitem(), small.popitem(), len(small))
small.clear()
small["x"] = 1
print(small)

print("collisions:")
a, b, c = K("a", 1), K("b", 1), K("c", 2)
e = {a: 1, b: 2, c: 3}
print("lookup b")
print(e[K("b", 1)])
print("lookup missing")
print(K("z", 1) in e)
del e[K("a", 1)]
print(e)

random.seed(5)
ref = {}
model = []
for step in range(3000):
    k = random.randrange(30)
    if random.random() < 0.4 and k in ref:
        del ref[k]
        model = [(x, y) for x, y in model if x != k]
    else:
        if k not in ref:
            model.append((k, step))
        else:
            model = [(x, step if x == k else y) for x, y in model]
        ref[k] = step
    assert list(ref.items()) == model, step
print("random ops agree", len(ref))

ns = {}
exec("x = 1\ny = x + 1\ndef f(): return y * 2\nz = f()", ns)
print(ns["z"], sorted(k for k in ns if k != "__builtins__"))

class P:
    pass
p = P()
for i in range(10):
    setattr(p, f"a{i}", i)
del p.a0, p.a5
p.a0 = 100
print(vars(p))
print(dict.fromkeys("abcdefghij"), {**{"a": 1}, **{"b": 2}}, dict(zip("abc", range(3))).copy())
