# Chained and grouped exceptions, notes (any sequence), failing str(), module-qualified
# names and generators, shown through sys.excepthook one after another.
import sys
def show(f):
    try:
        f()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
def a():
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError("x") from None
show(a)
def b():
    try:
        1/0
    except ZeroDivisionError as e:
        e2 = ValueError("y")
        e2.__suppress_context__ = False
        raise e2
show(b)
def c():
    e = ValueError("with cause")
    e.__cause__ = KeyError("k")
    e.__suppress_context__ = False
    raise e
show(c)
def d():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as eg:
        raise TypeError("from handler") from eg
show(d)
def e():
    eg = ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(1), KeyError(2)]), TypeError(3)])
    eg.exceptions[0].add_note("inner note")
    raise eg
show(e)
def f():
    try:
        raise ValueError("first")
    except ValueError as ex:
        raise ExceptionGroup("g", [ex, TypeError("t")])
show(f)
def g():
    x = ValueError("self-cycle")
    x.__context__ = x
    raise x
show(g)
def h():
    e1 = ValueError("a"); e2 = KeyError("b")
    e1.__context__ = e2; e2.__context__ = e1
    raise e1
show(h)
def i():
    raise ValueError("multi\nline\nmessage")
show(i)
def j():
    e = ValueError("notes")
    e.__notes__ = "not a list"
    raise e
show(j)
def k():
    e = ValueError("notes")
    e.__notes__ = ["ok", 5]
    raise e
show(k)
class BadStr(Exception):
    def __str__(self): raise RuntimeError("no str")
show(lambda: (_ for _ in ()).throw(BadStr()))
def l():
    raise BadStr()
show(l)
class M(Exception): pass
M.__module__ = "some.mod"
show(lambda: (_ for _ in ()).throw(M("m")))
def gen():
    yield 1
    raise ValueError("in gen")
show(lambda: list(gen()))
def deep(n):
    if n == 0: raise RecursionError("manual")
    return deep(n - 1)
show(lambda: deep(30))
def g2():
    yield 1
gen = g2()
show(lambda: gen.throw(ValueError("thrown into a new generator")))
try:
    g2().throw(KeyError)
except KeyError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, tb.tb_lasti, tb.tb_frame.f_code.co_name)
