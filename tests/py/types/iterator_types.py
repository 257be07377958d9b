# Builtin iterators: their type names, the iterator protocol methods (__iter__/__next__),
# and enumerate/zip/map/filter/reversed as real, subclassable types.
import collections.abc as abc

its = [iter([]), iter(()), iter('ab'), iter('\xe9'), iter(b''), iter(bytearray()), iter({}),
       iter({}.values()), iter({}.items()), iter(set()), iter(frozenset()), iter(range(3)),
       reversed([]), reversed({}), reversed({}.values()), reversed({}.items()), reversed(range(2)),
       enumerate([]), zip(), map(abs, []), filter(None, []), reversed('ab'), iter(lambda: 1, 2)]
for it in its:
    print(type(it).__name__, isinstance(it, abc.Iterator), iter(it) is it, it.__iter__() is it,
          hasattr(it, '__next__'))

class Seq:
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError

print(type(iter(Seq())).__name__, list(iter(Seq())))
for t in (enumerate, zip, map, filter, reversed):
    print(t.__name__, type(t).__name__, isinstance(t, type))
print(isinstance(map(abs, [1]), map), isinstance(zip(), zip), isinstance(enumerate([]), map))
m = map(abs, [-1, -2])
print(m.__next__(), next(m))
try:
    m.__next__()
except StopIteration as e:
    print('stop', repr(e))
it = iter([1, 2])
print(it.__next__(), list(it), next(it, 'end'))
print(list(enumerate.__new__(enumerate, 'ab', 5)))
print(list(zip.__new__(zip, 'ab', 'cd')))
try:
    map.__new__(int, abs, [])
except TypeError as e:
    print(e)

class E(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v

e = E('ab', 1)
print(type(e).__name__, list(e), isinstance(e, enumerate))

class Z(zip):
    pass

z = Z('ab', 'cd')
z.tag = 1
print(list(z), z.tag, [c.__name__ for c in type(z).__mro__])

class F(filter):
    def __init__(self, f, xs):
        self.seen = 'init'

f = F(None, [0, 1, 2])
print(list(f), f.seen)
