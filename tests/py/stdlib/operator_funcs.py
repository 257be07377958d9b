# operator: functions, in-place forms, itemgetter/attrgetter/methodcaller with reprs
import operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(3), op.pos(-3), op.abs(-4), op.inv(5), op.invert(0), op.not_(1), op.truth([]), op.index(7))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.rshift(16, 2), op.concat([1], [2]), op.contains("abc", "b"))
print(op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem([1, 2], 1), op.length_hint([1, 2]), op.length_hint(object(), 5))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iconcat([1], [3]), op.imul(2, 3), op.ipow(2, 3), op.ior(1, 2))
print(op.call(max, 1, 5))
g = op.itemgetter(1); print(g([1, 2]), g, op.itemgetter(0, -1)("abc"), op.itemgetter("k")({"k": 1}))
class P:
    def __init__(self):
        self.a = self
        self.b = 5
    def m(self, x, k=0):
        return x + k
a = op.attrgetter("a.a.b", "b"); print(a(P()), a)
mc = op.methodcaller("m", 1, k=2); print(mc(P()), mc)
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=op.itemgetter(1, 0)))
for f in [lambda: op.index("a"), lambda: op.attrgetter(1), lambda: op.indexOf([1], 2), lambda: op.concat(1, 2), lambda: op.methodcaller(3)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(op.__add__ is op.add, op.__lt__(1, 2))
