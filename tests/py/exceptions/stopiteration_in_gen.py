def g():
    yield 1
    raise StopIteration("inner")
try:
    list(g())
except RuntimeError as e:
    print(e, repr(e.__cause__))
def g2():
    yield 1
    next(iter([]))
for x in g2():
    print(x)
