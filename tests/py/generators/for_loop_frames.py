# A for loop over a generator: states, frames, exceptions and handled-exception state as
# seen from both sides, across breaks, re-entry and errors.
import sys


def gen(n):
    for i in range(n):
        yield i
    return "done"


# A break leaves the generator suspended; next() resumes where the loop stopped.
g = gen(5)
for x in g:
    if x == 2:
        break
print(x, next(g), list(g))


def watch():
    me = yield "start"
    while True:
        frame = sys._getframe()
        me = yield (frame.f_back.f_code.co_name, me)


def loop_body():
    w = watch()
    out = []
    for item in w:
        out.append((item, w.gi_running, w.gi_frame.f_lineno))
        if len(out) == 3:
            break
    return out


print(loop_body())


def running_inside():
    yield g2.gi_running
    yield g2.gi_frame is sys._getframe()


g2 = running_inside()
print([v for v in g2], [v for v in running_inside.__code__.co_varnames])
g2 = running_inside()
for v in g2:
    print("inside", v)


def reenter():
    for v in me:
        yield v
    yield 1


me = reenter()
try:
    for v in me:
        pass
except ValueError as e:
    print("ValueError:", e)


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for v in stops():
        print("got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__), e.__context__ is e.__cause__)


def fails():
    yield 1
    {}["missing"]


try:
    for v in fails():
        pass
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("KeyError:", e, names)


def yields_in_except():
    try:
        raise ValueError("handled inside")
    except ValueError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())


for v in yields_in_except():
    print("outside sees", repr(sys.exception()), "| inside saw", v)

try:
    raise KeyError("outer")
except KeyError:
    for v in yields_in_except():
        print("outer handler:", repr(sys.exception()), "| inside saw", v)


def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


log = []
for v in with_finally(log):
    break
print(log)
g3 = with_finally(log)
for v in g3:
    break
g3.close()
print(log, g3.gi_frame)


def tree(n):
    if n:
        for v in tree(n - 1):
            yield v
        yield n


print(sum(tree(60)), list(tree(4)))


def outer():
    yield from gen(3)
    for v in gen(2):
        yield v * 10


print(list(outer()), [v for v in outer()])


def returns_value():
    yield 1
    return 99


for v in returns_value():
    pass
print("after return", v)

g4 = gen(2)
for v in g4:
    pass
print(g4.gi_frame, g4.gi_running, next(g4, "exhausted"))


def body_raises():
    for v in gen(3):
        if v == 1:
            raise IndexError("from the body")


try:
    body_raises()
except IndexError as e:
    print("IndexError:", e)


def deep(n):
    if n == 0:
        yield 0
        return
    for v in deep(n - 1):
        yield v + 1


try:
    for v in deep(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)

events = []


def prof(frame, event, arg):
    if frame.f_code.co_name == "gen" and event in ("call", "return"):
        events.append(event)


sys.setprofile(prof)
for v in gen(2):
    pass
sys.setprofile(None)
print(events)
