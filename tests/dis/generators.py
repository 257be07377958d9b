def gen(x):
    y = yield x
    yield from y
    return 1
