# sys.settrace: call, line, return and exception events with the local trace function.
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "exception":
        arg = arg[0].__name__
    elif event == "return" or event == "call":
        arg = repr(arg)
    events.append((event, name, frame.f_lineno, arg))
    return tracer

def add(a, b):
    c = a + b
    return c

def loop(n):
    total = 0
    for i in range(n):
        total = add(total, i)
    while n > 0:
        n -= 1
    return total

def raiser():
    raise ValueError("x")

def catcher():
    try:
        raiser()
    except ValueError:
        pass
    return 1

def gen():
    yield 1
    yield 2

sys.settrace(tracer)
loop(2)
catcher()
list(gen())
sys.settrace(None)
for e in events:
    print(*e)
print(sys.gettrace())

# Opcode events, a generator resumed under tracing, a class body, a lambda.
ops = []


def optrace(frame, event, arg):
    if frame.f_code.co_name == "tiny":
        frame.f_trace_opcodes = True
        ops.append(event)
    return optrace


def tiny():
    return 1


sys.settrace(optrace)
tiny()
sys.settrace(None)
print(ops[0], ops[-1], "opcode" in ops)

names = []


def lines(frame, event, arg):
    names.append((event, frame.f_code.co_name, frame.f_lineno))
    return lines


def counter():
    n = 0
    while True:
        n += 1
        if n > 2:
            return n
        yield n


it = counter()
next(it)
sys.settrace(lines)
for v in it:
    pass


class Body:
    a = 1
    b = (lambda: 2)()


sys.settrace(None)
for n in names:
    print(*n)
