# Sets iterate in CPython's table order: literals, add, constructors, repr, subclasses.
print({3, 1, 2}, {10, 2, 33, 4}, {-1, -2, 7, 15}, {100, 8, 16, 0})
s = set()
for x in [8, 16, 0, 24, 32, 5, 13]:
    s.add(x)
print(s, list(s), len(s))
print(set(range(20, 0, -1)), set([9, 17, 1, 25]), frozenset([64, 0, 128, 7]))
print(set((2**40, 2**61 - 1, 2**61, -(2**61), 12345678901234567890)))
print({True, 2, 0, False, 1.0}, {1.5, 2.5, 0.5, -0.0}, {(1, 2), (3, 4), (0, 0), (2, 1)})
print({b'x', b'x'}, {'only'}, set('a'), frozenset())
print(set({5: 'a', 3: 'b', 1: 'c', 17: 'd'}), set({5: 'a', 3: 'b'}.keys()))
print(sorted({5, 3, 1}) == [1, 3, 5], [x * 2 for x in {9, 1, 17}], {x % 7 for x in range(30)})

class MySet(set):
    pass

class MyFrozen(frozenset):
    pass

print(MySet([3, 1, 2]), MySet(), MyFrozen([5, 4]), MyFrozen())
r = set([1])
r.add(r and 2)
print(r, repr(set()), str({7, 8}))
big = set(range(0, 10000, 7))
print(len(big), list(big)[:10], list(big)[-5:])
print(set([0.5 * i for i in range(10)]))
