# locals(), globals(), vars() and dir() called by native code (not directly by the
# bytecode) see the Python frame that is running, as in CPython.


def through_next():
    a = 1
    it = iter(locals, 0)
    print(sorted(next(it)))


through_next()


def through_map():
    b = 2
    return list(map(lambda _: "b" in globals(), [0]))


print(through_map())


def through_sorted():
    c = 3
    return sorted([2, 1], key=lambda v: sorted(vars()))


print(through_sorted())


def dir_through_next():
    d = 4
    return next(iter(dir, 0))


print(dir_through_next())


def make_class():
    # type(name, bases, ns) takes __module__ from the caller's globals.
    return type("Made", (), {})


print(make_class().__module__)


def recursion(n):
    if n == 0:
        return sorted(next(iter(locals, 0)))
    x = n
    return recursion(n - 1)


print(recursion(3))
