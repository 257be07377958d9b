# list operators: comparison, +, *, +=, *=, slicing, slice assignment and deletion, repr.
a = [1, 2, 3]
print(a + [4], a * 2, 2 * a, a * 0, a * -1, [] * 3)
b = a
b += (4, 5)
print(a, b is a)
b *= 2
print(a, b is a)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1.0], [] <= [], [1, [2]] == [1, [2]])
x = list(range(10))
print(x[2:5], x[::2], x[::-1], x[-3:], x[:-7], x[8:2:-2], x[100:], x[-100:2], x[5:2])
x[2:5] = ["a"]
print(x)
x[:0] = [-1, -2]
print(x)
x[::2] = "ABCDE"
print(x)
x[1:3] = []
print(x)
del x[::3]
print(x)
del x[1]
print(x)
del x[-2:]
print(x)
y = [1, 2, 3]
y[1:2] = y
print(y)
y[3:] = iter([7, 8])
print(y)
r = [1]
r.append(r)
print(r, repr(r))
d = {"k": r}
print(d)
print(str([1, "a", None, 2.5]), list("abc"), list(range(3)), list((1, 2)), list({1: 2}), list())
for bad in [lambda: [1] + (2,), lambda: [1] * "a", lambda: [1] * 1.5, lambda: [1] < ["a"], lambda: [1][5], lambda: [1][int("0") + 3],
            lambda: [1].__setitem__(5, 0), lambda: [].__delitem__(0), lambda: list(1), lambda: list([], []),
            lambda: [1, 2, 3].__setitem__(slice(None, None, 2), [1]), lambda: [1][::0]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
c = [1, 2]
try:
    c += 1
except TypeError as e:
    print(e)
try:
    c[0:1] = 5
except TypeError as e:
    print(e)
