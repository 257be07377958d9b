# sys.setprofile event order in loops with calls, generators, hooks set and removed
# while frames run, and a trace function added while profiling.
import sys

log = []

def prof(frame, event, arg):
    if event.startswith("c_"):
        log.append((event, getattr(arg, "__name__", None), frame.f_lineno))
    else:
        log.append((event, frame.f_code.co_name, frame.f_lineno, arg if event == "return" else None))

def square(x):
    return x * x

def loop(n):
    total = 0
    for i in range(n):
        total += square(i) + abs(-i)
        if i == 1:
            try:
                int("bad")
            except ValueError:
                total += 100
    return total

def inner():
    yield 1
    x = yield 2
    return x

def outer():
    r = yield from inner()
    yield len([r])

def starts_with_call():
    return len("abc")

def turn_on_midway():
    a = len("x")
    sys.setprofile(prof)
    b = len("yy")
    return square(a + b)

def turn_off_midway():
    a = len("x")
    sys.setprofile(None)
    b = len("yy")
    return square(a + b)

def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)

turn_on_midway()
loop(3)
g = outer()
next(g)
next(g)
g.send(7)
sorted([2, 1], key=square)
starts_with_call()
recurse(2)
[square(v) for v in (1, 2)]
turn_off_midway()
for e in log:
    print(*e)
log.clear()

def tracer(frame, event, arg):
    log.append(("trace", event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def add_trace():
    a = len("x")
    sys.settrace(tracer)
    b = len("yy")
    return square(a + b)

sys.setprofile(prof)
add_trace()
sys.settrace(None)
sys.setprofile(None)
for e in log:
    print(*e)
