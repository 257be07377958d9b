x = "outer"
r = [x for x in range(3)]
print(x, r)
print({k: v for k, v in zip("ab", [1, 2])})
print(len({c for c in "hello"}))
g = (y * 2 for y in range(3))
print(list(g))
def f():
    n = 5
    return [i * n for i in range(3)]
print(f())
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print([(a, b) for a in range(3) if a for b in range(a)])
