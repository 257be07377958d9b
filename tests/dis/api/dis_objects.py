# dis.dis over each kind of object: function (with nested code), method, class,
# generator, code object, source string (expression and statements), depth limit.
import dis


class Out:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def outer(n, *args, scale=2, **kw):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i * scale
    def inner(x):
        return x + total
    try:
        return inner(len(args))
    except (TypeError, ValueError) as e:
        raise RuntimeError('bad') from e
    finally:
        kw.clear()


class Shape:
    sides = 0

    def area(self):
        return self.w * self.h

    @classmethod
    def unit(cls):
        return cls()

    @staticmethod
    def describe(name):
        return f'shape {name!r}'


def gen(items):
    yield from items
    yield len(items)


print('== function')
dis.dis(outer)
print('== depth=0')
dis.dis(outer, depth=0)
print('== method')
dis.dis(Shape().area)
print('== class')
dis.dis(Shape)
print('== generator object')
dis.dis(gen([1]))
print('== code object')
dis.dis(gen.__code__)
print('== expression string')
dis.dis('a[1:2] if b else not c')
print('== statement string')
dis.dis('import os.path as p\nwith open(p) as f:\n    del f\n')
print('== file=')
out = Out()
dis.dis('x = 1', file=out)
print(''.join(out.parts), end='')
print('== errors')
for bad in [42, None.__class__]:
    try:
        dis.dis(bad)
    except TypeError as e:
        print('TypeError:', e)
