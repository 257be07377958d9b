# sys._getframe: live frames, f_back chain, f_locals refreshed on access, depth errors.
import sys


def show(f):
    return (f.f_code.co_name, f.f_lineno)


def inner(x):
    y = x + 1
    f = sys._getframe()
    print(show(f), show(f.f_back), sorted(f.f_locals))
    z = 3
    print(sorted(f.f_locals), f.f_locals is f.f_locals)
    print(f.f_back.f_back.f_code.co_name)
    print(sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name)
    return f


def outer():
    a = 1
    return inner(a)


f = outer()
# After return the frame keeps its last state.
print(show(f), f.f_locals == {"x": 1, "y": 2, "z": 3, "f": f})
print(f.f_back.f_code.co_name, f.f_back.f_lineno, f.f_back.f_locals)
print(f.f_back.f_back is sys._getframe())
print(f.f_globals is globals(), f.f_builtins is __builtins__.__dict__)
mod = sys._getframe()
print(mod.f_locals is globals(), mod.f_back, mod.f_code.co_name, mod.f_lineno)
print(type(mod).__name__, type(mod.f_lasti).__name__)
for bad in (100, 4):
    try:
        sys._getframe(bad)
    except ValueError as e:
        print("ValueError", e)
print(sys._getframe(-3) is sys._getframe())
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
f.clear()
print(f.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)


def closure():
    c = 10

    def get():
        return sys._getframe().f_locals

    return get()


print(closure())


def line_moves():
    f = sys._getframe()
    first = f.f_lineno
    second = f.f_lineno
    return second - first


print(line_moves())


class K:
    here = sys._getframe()
    names = sorted(here.f_locals)


print(K.names, K.here.f_code.co_name)
