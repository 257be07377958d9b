def inner():
    return 5
    yield
def outer():
    v = yield from inner()
    yield v
print(list(outer()))
def raises():
    raise StopIteration
    yield
try:
    next(raises())
except RuntimeError as e:
    print(type(e).__name__, e)
