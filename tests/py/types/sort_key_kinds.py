# list.sort/sorted over keys of one kind (ints, floats, strs, tuples), which are compared
# without the general protocol, must order exactly as the protocol would.
import random

rng = random.Random(7)
ints = [rng.randrange(-50, 50) for _ in range(200)]
print(sorted(ints) == sorted(ints, key=lambda v: v), sorted(ints)[:10], sorted(ints, reverse=True)[:5])

floats = [rng.uniform(-5, 5) for _ in range(50)] + [0.0, -0.0, float("inf"), float("-inf")]
print(sorted(floats)[:3], sorted(floats)[-2:])
zeros = [0.0, -0.0, 0.0, -0.0]
print([str(z) for z in sorted(zeros)])
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]), sorted([nan, 2.0, 1.0]))

words = ["b", "a", "é", "ä", "z", "A", "", "ab", "aa", "\U0001f600", "\uffff", "ü"]
print(sorted(words))
print(sorted(words, key=str.lower))

pairs = [(rng.randrange(5), rng.choice("xyz"), i) for i in range(40)]
print(sorted(pairs)[:8])
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1,), (0, "a", 1), (0, "a")]))
print(sorted([("b", 2), ("a", 3), ("a", 1), ("", 0)]))
print(sorted([(1.5, 1), (0.5, 2), (1, 0)]))

# Stability: equal keys keep their order.
recs = [(k % 3, i) for i, k in enumerate(ints[:30])]
print(sorted(recs, key=lambda r: r[0]) == [r for k in range(3) for r in recs if r[0] == k])


class S(str):
    def __lt__(self, other):
        return len(self) < len(other)


print(sorted([S("ccc"), S("a"), S("bb")]))
print(sorted([True, 0, -1, False, 2]))
print(sorted([2**70, 1, -2**70, 0]))
try:
    sorted([(1, 2), (1, "x")])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError:", e)
