# The local trace protocol, f_trace_lines, errors from trace functions, settrace
# called inside a function.
import sys

# Local trace protocol: None from the global function means no local tracing.
out = []
def glob(frame, event, arg):
    out.append(("G", event, frame.f_code.co_name))
    if frame.f_code.co_name == "traced":
        return loc
    return None

def loc(frame, event, arg):
    out.append(("L", event, frame.f_code.co_name, frame.f_lineno))
    if event == "line" and frame.f_lineno == frame.f_code.co_firstlineno + 2:
        frame.f_trace_lines = False
    return loc

def untraced():
    a = 1
    return a

def traced():
    x = 1
    y = untraced()
    z = 3
    return x + y + z

sys.settrace(glob)
traced()
sys.settrace(None)
for e in out:
    print(*e)

# A trace function that raises: tracing stops, the error reaches the traced code.
def bad(frame, event, arg):
    if event == "line":
        raise RuntimeError("from tracer")
    return bad

def victim():
    return 1

sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e, sys.gettrace())

# settrace inside a function: the caller sees no call event, callees do.
seen = []
def t3(frame, event, arg):
    seen.append((event, frame.f_code.co_name))
    return t3

def leaf():
    return 0

def starter():
    sys.settrace(t3)
    leaf()
    return 1

starter()
leaf()
sys.settrace(None)
print(seen)

