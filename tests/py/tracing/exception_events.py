# 'exception' events in each frame an exception passes through; re-raises send none.
import sys

# Exceptions through several frames.
ev = []
def t4(frame, event, arg):
    if event == "exception":
        ev.append((event, frame.f_code.co_name, arg[0].__name__, frame.f_lineno))
    elif event != "line":
        ev.append((event, frame.f_code.co_name))
    return t4

def lvl2():
    raise KeyError("k")

def lvl1():
    lvl2()

class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def top():
    try:
        lvl1()
    except KeyError:
        pass
    try:
        with CM():
            raise OSError("in with")
    except OSError:
        pass

sys.settrace(t4)
top()
sys.settrace(None)
for e in ev:
    print(*e)

