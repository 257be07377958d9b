# tuple: methods, operators, hashing, slicing, repr.
t = (1, 2, 3, 2)
print(t.index(2), t.index(2, 2), t.count(2), t.count(9), len(t), 2 in t)
print(t + (4,), t * 2, 0 * t, t[1:3], t[::-1], t[-1], (1,), (), ((1,),))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), (2,) >= (1, 5))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "x"}[(1, 2)])
print(tuple("ab"), tuple([1]), tuple(range(2)), tuple(), tuple(x for x in "xy"))
u = (1, [2])
u[1].append(3)
print(u)
for bad in [lambda: t.index(9), lambda: (1,) + [2], lambda: hash((1, [2])), lambda: t[10], lambda: t.count(),
            lambda: t.__setitem__(0, 1), lambda: tuple(1), lambda: t.index()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    t[0] = 1
except TypeError as e:
    print(e)
try:
    del t[0]
except TypeError as e:
    print(e)
