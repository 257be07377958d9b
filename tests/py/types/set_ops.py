# set and frozenset: methods, operators, comparisons, hashing, repr.
a, b = {1, 2, 3}, {3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, {3}), a.difference(b, [1]), a.symmetric_difference([3, 5]), a.union())
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > {1, 2, 3}, a == {3, 2, 1}, a != b, {1} == frozenset({1}))
print(a.issubset([1, 2, 3, 4]), a.issuperset((1,)), a.isdisjoint(b), a.isdisjoint([7]))
s = set()
s.add(1)
s.add(1)
s.update([2, 3], (4,))
print(s, len(s), 2 in s, 9 in s)
s.discard(9)
s.discard(1)
s.remove(2)
print(s)
s.intersection_update({3, 4, 5})
print(s)
s.difference_update([3])
print(s)
s.symmetric_difference_update({4, 6})
print(s)
s |= {7}
s &= {6, 7, 8}
s -= {8}
s ^= {9}
print(sorted(s), s.pop() in {6, 7, 9}, len(s))
s.clear()
print(s, repr(s), set(), frozenset(), frozenset([1, 1, 2]), set("aab") == {"a", "b"})
f = frozenset([1, 2])
print(f | {3}, sorted({3} | f), f & {1}, type(f | {3}).__name__, type({3} | f).__name__, f.union([5]), f.copy() is f)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(frozenset()) == hash(frozenset()), {f: "v"}[frozenset({1, 2})])
print({frozenset({1})} == {frozenset([1])}, frozenset({1}) in {frozenset({1})}, {1} in [frozenset({1})])
ff = frozenset([1])
ff |= {2}
print(ff)
print(sorted({(1, 2), (1, 2), (2, 1)}), {1, 1.0, True}, {0, False, 0.0})
for x in sorted({3, 1, 2}):
    print(x, end=" ")
print()
t = {1, 2}
try:
    for x in t:
        t.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
for bad in [lambda: set([[1]]), lambda: {1}.remove(2), lambda: set().pop(), lambda: {1} | [2], lambda: {1} < [1],
            lambda: hash({1}), lambda: {[1]}, lambda: {1}.add([]), lambda: {1}.union(1), lambda: [1] in {1},
            lambda: set(1), lambda: set([], []), lambda: frozenset(1), lambda: {1}.add(), lambda: {1} + {2}]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
u = {1}
try:
    u |= [2]
except TypeError as e:
    print(e)
