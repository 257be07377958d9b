# Slicing and indexing a range gives ranges and ints computed without iterating.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

r = range(10)
print(r[2:8:2], r[::-1], r[::2], r[-3:], r[5:2], r[:100], r[-100:3])
print(range(1, 20, 3)[1:5], range(20, 0, -3)[::2], range(0, -10, -1)[2:5], range(5)[::-2])
print(r[0], r[-1], r[5], range(3, 30, 7)[2], range(10, 0, -2)[-1])
print(list(range(2, 30, 4)[1::3]), list(range(30, 2, -4)[::-2]))
big = range(0, 10**30, 10**10)
print(big[10**19], big[-1], big[10**19:10**19 + 5:2], len(big[:5]))
t(lambda: r[10])
t(lambda: r[-11])
t(lambda: r['a'])
t(lambda: r[1.5])
t(lambda: r[::0])
t(lambda: r['a':])
t(lambda: big[10**25])
class I:
    def __index__(self):
        return 3
print(r[I()], r[I():], r[:I()])
