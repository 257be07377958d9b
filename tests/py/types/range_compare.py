# Equality, hashing, repr, len overflow, bool and reversed of ranges.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(range(0) == range(2, 2), range(0) == range(5, 1), range(1, 2) == range(1, 5, 10), range(0, 3) == range(0, 4))
print(range(0, 10, 2) == range(0, 9, 2), range(0, 10, 2) == range(0, 10, 3), range(3) != range(3), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 3, 5)), hash(range(3)) == hash(range(0, 3, 1)))
print(hash(range(0, 10, 2)) == hash(range(0, 9, 2)), {range(4): 'a'}[range(0, 4)])
t(lambda: range(3) < range(4))
t(lambda: range(3) <= range(3))
print(repr(range(5)), repr(range(1, 5)), repr(range(1, 5, 2)), str(range(-3, 3, -1)), range(10**20))
print(len(range(10)), len(range(10, 0, -3)), len(range(0)), len(range(5, 0)), len(range(-10**18, 10**18, 10**9)))
t(lambda: len(range(2**63)))
t(lambda: len(range(-2**63, 2**63)))
print(bool(range(0)), bool(range(1)), bool(range(2**100)), bool(range(5, 1)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(5, 0, -2))))
print(list(reversed(range(2**64, 2**64 + 3))), list(range(2**64, 2**64 + 6, 2)))
print(range(5).start, range(1, 5, 2).stop, range(1, 5, 2).step, range(2**70).stop)
print(sum(range(10**6)), list(range(-5, 5, 3)), list(range(10, -5, -4)))
t(lambda: range(1, 2, 0))
t(lambda: range('a'))
t(lambda: range())
t(lambda: range(1, 2, 3, 4))
print(type(iter(range(3))).__name__, type(reversed(range(3))).__name__)
