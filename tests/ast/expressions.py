x = a if b else c or d and not e
y = [*a, *b], {**a, 'b': 1}, {1, *s}, (yield), await_ if 0 else 1
z = a[1:2:3, ...], a[:, ::], a[*b], a[b:=1]
w = lambda a, /, b=2, *c, d, e=4, **f: (a, b, c, d, e, f)
v = (x := 10) + f(*args, key=1, **kw)(g for g in h)
u = 1 < 2 <= 3 != 4 is not 5 not in 6 in 7
t = -x ** -y, ~a, +b, a @ b // c % d << e >> f & g ^ h | i
s = 0x_FF + 0o17 + 0b1_0 + 1_000_000 + 1e-5 + 1.5e+300 + 3.14j + .5 + 5. + 10**100
async def f():
    return [i async for i in y], await z
del a, (b, c), [d]
a, *b = c = d
x += 1; x **= 2; x //= 3; x @= 4
global g
def g():
    nonlocal q
