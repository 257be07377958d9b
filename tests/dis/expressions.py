a = b + c * d - -e
x = not a and b or c
y = a if b else c
z = a < b < c
w = (x := 5) + x
s = a[1:2], a[::3], a[i]
del a[0], a.b, x
t = {1: 2, **d, 3: 4}
u = [1, 2, 3], {1, 2, 3}, (1, 2, 3), [*a, *b], (a, *b)
v = f"{a!r:>{w}} and {b}"
