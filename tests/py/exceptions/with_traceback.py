import sys
def f():
    raise ValueError("orig")
try:
    f()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    e2 = RuntimeError("new").with_traceback(tb)
    print(e2.__traceback__ is tb)
