import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("a")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v)
    try:
        raise ValueError("b")
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info())
def g():
    try:
        raise TypeError("in gen")
    except TypeError:
        yield repr(sys.exception())
        yield repr(sys.exception())
it = g()
print(next(it))
print(sys.exception())
print(next(it))
