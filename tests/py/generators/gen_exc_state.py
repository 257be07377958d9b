import sys
def g():
    yield sys.exception()
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exception()
    yield sys.exception()
it = g()
try:
    raise KeyError("outer")
except KeyError:
    print(repr(next(it)))
print(repr(next(it)))
print(repr(next(it)))
