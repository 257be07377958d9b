g = (x * x for x in range(5) if x % 2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(sum(g), list(g))
def f():
    return (y for y in range(3))
print(f().__qualname__)
print(list(x for x in "ab"), tuple(i for i in range(3)), dict((i, i) for i in range(2)))
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print(e)
nested = ((a, b) for a in range(2) for b in range(2))
print(list(nested))
