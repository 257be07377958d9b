# Every list method, with CPython's errors.
a = [3, 1, 2]
a.append(4)
a.extend((5, 6))
a.extend(x for x in [7])
a.insert(0, 0)
a.insert(-1, 99)
a.insert(100, 100)
a.insert(-100, -100)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(99)
print(a, a.index(2), a.index(2, 1), a.index(5, -3), a.count(1), a.count(42))
b = a.copy()
b.reverse()
print(b, a)
b.clear()
print(b, len(b))
s = ["b", "A", "c", "B"]
s.sort()
print(s)
s.sort(key=str.lower)
print(s)
s.sort(key=str.lower, reverse=True)
print(s)
pairs = [(1, "x"), (0, "y"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
nums = [5, 2, 9, 1, 5, 6]
nums.sort(reverse=True)
print(nums, sorted(nums), sorted("hello"), sorted({3: 1, 1: 2}), sorted([3, 1], reverse=True))


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other


l = [E(1), E(2), E(3)]
print(l.index(2), l.count(3))
l.remove(3)
print(len(l), 2 in l)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [].remove(1), lambda: [1].index(2), lambda: [1, 2].index(1, 1),
            lambda: [].append(), lambda: [].append(1, 2), lambda: [].insert(1), lambda: [].sort(1), lambda: [].sort(cmp=1),
            lambda: [3, "a"].sort(), lambda: [].extend(1), lambda: [].pop("x"), lambda: [].index(), lambda: [].count(),
            lambda: [].copy(1), lambda: [].insert("a", 1), lambda: [1].pop(10**30)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
