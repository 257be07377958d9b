# Membership, index and count of ranges: arithmetic for ints, == search otherwise.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

r = range(3, 30, 3)
print(3 in r, 30 in r, 27 in r, 4 in r, -3 in r, True in range(2), 3.0 in r, 'x' in r)
print(10**20 in range(10**21), 10**20 + 1 in range(0, 10**21, 2), 10**40 in range(10**39))
print(5 in range(10, 0, -1), 10 in range(10, 0, -1), 0 in range(10, 0, -1), 2 in range(10, 0, -4))
print(r.index(3), r.index(27), r.index(6.0), range(10, 0, -2).index(4), range(10**20).index(10**19))
print(r.count(9), r.count(10), r.count(9.0), r.count('a'), range(5).count(True))
t(lambda: r.index(4))
t(lambda: r.index('a'))
t(lambda: range(0).index(0))
t(lambda: r.index())
t(lambda: r.count(1, 2))
class Eq:
    def __eq__(self, other):
        return other == 12
    __hash__ = None
print(Eq() in r, r.index(Eq()), r.count(Eq()))
