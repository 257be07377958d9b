# deque: ends, maxlen, rotate, indexing, iteration errors, repr, comparisons
from collections import deque

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.rotate(1); print(d)
d.rotate(-2); print(d)
d.rotate(10); print(d)
d.extend("ab"); d.extendleft("xy"); print(d)
print(d.count("a"), d.index("a"), d.index(2, 0, 5) if 2 in d else None)
d.insert(2, "ins"); print(d)
d.remove("ins"); print(d)
del d[1]; print(d)
d[0] = "first"; print(d)
d.reverse(); print(d)
print(list(reversed(d)), "a" in d, "zz" in d)
d.clear(); print(d, bool(d))

b = deque(range(5), maxlen=3)
print(b, b.maxlen)
b.append(9); print(b)
b.appendleft(-1); print(b)
b.extend([7, 8]); print(b)
print(deque(maxlen=3), deque([1], maxlen=0))
print(deque("abc") + deque("de"), deque([1, 2]) * 2, 3 * deque([0]))
c = deque([1]); c += [2, 3]; c *= 2; print(c)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1, 2]) < deque([1, 3]), deque([2]) >= deque([1, 9]))
print(d.copy() is not d, deque([1, 2]).copy())
r = deque(); r.append(r); print(r)

class MyDeque(deque):
    pass
m = MyDeque([1, 2]); print(m, type(m.copy()).__name__)
print(deque.__name__, deque.__module__, deque.__hash__)

def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

err(lambda: deque([], -1))
err(lambda: deque([], "a"))
err(lambda: deque([1])[1])
err(lambda: deque().pop())
err(lambda: deque().popleft())
err(lambda: deque([1]).remove(2))
err(lambda: deque([1]).index(2))
err(lambda: deque([1], 1).insert(0, 2))
err(lambda: deque([1])["a"])
err(lambda: deque([1])[0:1])
err(lambda: deque() + [1])
err(lambda: setattr(deque(), "maxlen", 3))
err(lambda: deque(1))

d = deque([1, 2, 3])
def mutate():
    for x in d:
        d.append(x)
err(mutate)
it = iter(deque([1, 2]))
print(next(it), next(it))
err(lambda: next(it))
