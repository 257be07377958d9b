def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    "docstring"
    return a


def outer(x):
    y = 1
    def inner(z):
        nonlocal y
        y += z
        return x + y
    return inner


@dec1
@dec2(arg)
def decorated(p: int, *, q: str = "q"):
    pass

g = lambda a, *b: (a, b)
