# sum() over ints, floats and mixtures: overflow past 64 bits, bools, start values,
# float rounding (plain left-to-right addition in 3.11), and types with __add__/__radd__.
print(sum(range(10)), sum([]), sum([], 5), sum([1, 2], start=10))
print(sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), type(sum([2**63 - 1, 1])).__name__)
print(sum([True, True, 3]), sum([True, False]), type(sum([True])).__name__)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([1, 2.5, 3]), sum([2.5, 1]))
print(sum([1.5, float("inf")]), sum([float("inf"), float("-inf")]))
print(sum(x * x for x in range(1000)), sum(iter([3, 4])))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum([1+2j, 3]), sum([], 0.0))

class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, other):
        return Money(self.c + (other.c if isinstance(other, Money) else other))
    __radd__ = __add__
    def __repr__(self):
        return f"Money({self.c})"
print(sum([Money(1), Money(2)]), sum([Money(5)], Money(1)))
for bad in (lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: sum(5), lambda: sum([b"a"], b""), lambda: sum([], bytearray())):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
