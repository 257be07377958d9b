# sys.setprofile: call/return of Python frames, c_call/c_return/c_exception of builtins.
import sys

log = []

def prof(frame, event, arg):
    if event.startswith("c_"):
        log.append((event, getattr(arg, "__name__", None)))
    else:
        log.append((event, frame.f_code.co_name, frame.f_lineno, arg if event == "return" else None))

def f(x):
    l = []
    l.append(x)
    return len(l) + abs(-x)

def boom():
    return int("zz")

def g():
    try:
        boom()
    except ValueError:
        return "caught"

def gen():
    yield 1
    yield 2

class C:
    def m(self):
        return sorted([3, 1, 2], key=lambda v: -v)

sys.setprofile(prof)
f(3)
g()
for v in gen():
    pass
C().m()
sys.setprofile(None)
for e in log:
    print(*e)
print(sys.getprofile())

