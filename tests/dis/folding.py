a = 1 + 2 * 3
b = "ab" * 3
c = 2 ** 200
d = -(5) + ~1
e = (1, 2) + (3,)
f = "abc"[1]
g = x in [1, 2, 3]
h = not True
i = __debug__
for q in [a, b]:
    pass
