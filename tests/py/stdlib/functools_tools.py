# functools: partial, reduce, wraps, lru_cache, total_ordering, cached_property,
# singledispatch, cmp_to_key
import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cached_property, singledispatch, cmp_to_key

def f(a, b, c=3, *, d=4):
    return (a, b, c, d)

p = partial(f, 1, d=9)
print(p(2), p(2, 5, d=0), p.func is f, p.args, p.keywords)
pp = partial(p, 7); print(pp(), pp.args, pp.func is f)
print(repr(partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key="))
try:
    partial(1)
except TypeError as e:
    print("TypeError", e)
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(max, [])
except TypeError as e:
    print("TypeError", e)

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k)
    return inner

@deco
def documented(x):
    """The doc."""
    return x * 2
print(documented(4), documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented.__qualname__)

calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n)
    return n * n
print(sq(2), sq(3), sq(2), sq(4), sq(3), calls)
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info(), sq.__name__, sq.cache_parameters())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())

@cache
def ident(x, y=1):
    return (x, y)
print(ident(1), ident(1), ident(1, y=2), ident.cache_info())
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError", e)

@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2), V.__gt__.__name__)
try:
    @total_ordering
    class W:
        pass
except ValueError as e:
    print("ValueError", e)

class Data:
    def __init__(self):
        self.count = 0
    @cached_property
    def value(self):
        self.count += 1
        return 42
d = Data(); print(d.value, d.value, d.count, "value" in d.__dict__, type(Data.value).__name__)

@singledispatch
def show(x):
    return "object"
@show.register
def _(x: int):
    return "int"
@show.register(list)
def _(x):
    return "list"
@show.register(str)
def _(x):
    return "str"
class MyList(list):
    pass
print(show(1), show(True), show([1]), show(MyList()), show("s"), show(1.5), show.dispatch(int).__name__)

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(functools.WRAPPER_ASSIGNMENTS)
class C:
    def m(self, a, b):
        return a + b
    add5 = functools.partialmethod(m, 5)
print(C().add5(1))
