# cls(...) with a Python __init__: the value, errors, frames and hooks seen from __init__.
import sys


class P:
    def __init__(self, x, y=10, *rest, k=1, **kw):
        self.x, self.y, self.rest, self.k, self.kw = x, y, rest, k, kw


p = P(1)
print(p.x, p.y, p.rest, p.k, p.kw)
p = P(1, 2, 3, 4, k=5, z=6)
print(p.x, p.y, p.rest, p.k, p.kw)


class Bad:
    def __init__(self):
        return 42


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, v):
        raise ValueError(v)


try:
    Raises("boom")
except ValueError as e:
    print("ValueError:", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)


class Back:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


def make():
    return Back()


print(make().caller)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
n = 0
while d.child is not None:
    d, n = d.child, n + 1
print("depth", n)


class Endless:
    def __init__(self):
        Endless()


try:
    Endless()
except RecursionError as e:
    print("RecursionError:", e)


class WithNew:
    def __new__(cls, *args):
        print("__new__", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("__init__", a)


WithNew(7)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(M(3).a)


class Other:
    pass


class Swap:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("not called")


print(type(Swap()).__name__)


class Later:
    pass


def late_init(self, v):
    self.v = v


Later.__init__ = late_init
print(Later(5).v)
del Later.__init__
try:
    Later(5)
except TypeError as e:
    print("TypeError:", e)


class SelfSwap:
    def __init__(self):
        self = None


print(type(SelfSwap()).__name__)

events = []


def prof(frame, event, arg):
    if frame.f_code.co_name in ("__init__", "<module>") and event in ("call", "return"):
        events.append((event, frame.f_code.co_name, arg if event == "return" else None))


class Q:
    def __init__(self):
        pass


sys.setprofile(prof)
Q()
sys.setprofile(None)
print(events[:2])


def trace(frame, event, arg):
    if frame.f_code.co_name == "__init__":
        print("trace", event, frame.f_lineno)
    return trace


sys.settrace(trace)
Q()
sys.settrace(None)


class Final:
    def __init__(self):
        raise KeyError("k")


Final()
