# contextlib: contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout
import sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout, redirect_stderr, AbstractContextManager

@contextmanager
def tag(name):
    print("enter", name)
    try:
        yield name.upper()
    except KeyError as e:
        print("handled", repr(e))
    finally:
        print("exit", name)

with tag("a") as t:
    print("body", t)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)

@tag("deco")
def decorated():
    print("in decorated")
decorated()

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

@contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("not suppressed")

class Res:
    def close(self):
        print("closed")
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print("null", v)

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(tag("stacked"))
    print("stack body")

def failing():
    with ExitStack() as stack:
        stack.callback(print, "cleanup ran")
        raise RuntimeError("boom")
try:
    failing()
except RuntimeError as e:
    print("caught", e)

with ExitStack() as outer:
    inner = ExitStack()
    inner.callback(print, "moved")
    outer.push(inner.pop_all())
    print("inner emptied")

class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def getvalue(self):
        return "".join(self.parts)

buf = Buf()
with redirect_stdout(buf):
    print("hidden")
print("captured:", buf.getvalue().strip())
eclass Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def getvalue(self):
        return "".join(self.parts)

buf = Buf()
with redirect_stderr(ebuf):
    sys.stderr.write("err text\n")
print("captured err:", ebuf.getvalue().strip())

class CM(AbstractContextManager):
    def __exit__(self, *a):
        print("CM exit")
with CM() as c:
    print(type(c).__name__)
print(issubclass(type(tag("x")), AbstractContextManager))
