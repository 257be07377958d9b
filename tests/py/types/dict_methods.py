# Every dict method, with CPython's errors.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d.setdefault("n"), d)
print(d.pop("n"), d.pop("zz", "default"), d)
d.update({"x": 1}, y=2)
d.update([("p", 1), ["q", 2]])
d.update(k=0)
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c)
c.clear()
print(c, len(c))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys(range(2), []))


class Sub(dict):
    pass


f = Sub.fromkeys([1])
print(type(f).__name__, f)
print(dict(a=1), dict([(1, 2)]), dict({1: 2}, b=3), dict(), dict(zip("ab", range(2))))
print({1: "a"} | {2: "b"}, {1: "a", 2: "x"} | {2: "b"})
e = {1: 1}
e |= {2: 2}
e |= [(3, 3)]
print(e)
print(list(reversed({1: 1, 2: 2, 3: 3})), list(reversed({})))
print({1: 2} == {1: 2}, {1: [1]} == {1: [1]}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {})
for bad in [lambda: {}.pop(1), lambda: {}.popitem(), lambda: {}["x"], lambda: {}.get(), lambda: {}.pop(),
            lambda: {}.update(1), lambda: {}.update([1]), lambda: {}.update([(1, 2, 3)]), lambda: {}.update({}, {}),
            lambda: dict.fromkeys(), lambda: {} | [], lambda: {}.setdefault(), lambda: {[]: 1}, lambda: {}.get([]),
            lambda: dict(1), lambda: dict([1]), lambda: {}.keys(1), lambda: {} < {}]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
g = {1: 1}
try:
    g |= 5
except TypeError as e:
    print(e)
