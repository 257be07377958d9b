eg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(eg).__name__)
eg2 = BaseExceptionGroup("c", [ValueError()])
print(type(eg2).__name__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyboardInterrupt))))
print(eg.derive([TypeError()]))
class MyEG(ExceptionGroup):
    pass
x = MyEG("m", [ValueError(1)])
print(repr(x.split(ValueError)))
print(repr(x.subgroup(TypeError)))
print(str(x), x.message, x.exceptions)
try:
    ExceptionGroup("x", [])
except Exception as e: print(type(e).__name__, e)
try:
    ExceptionGroup("x", [1])
except Exception as e: print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except Exception as e: print(type(e).__name__, e)
try:
    ExceptionGroup(1, [ValueError()])
except Exception as e: print(type(e).__name__, e)
try:
    ExceptionGroup("x")
except Exception as e: print(type(e).__name__, e)
try:
    ExceptionGroup("x", ValueError())
except Exception as e: print(type(e).__name__, e)
print(ExceptionGroup("x", (ValueError(),)).exceptions)
print(eg.split((KeyboardInterrupt, ValueError)))
eg3 = ExceptionGroup("x", [ValueError(1)])
eg3.__cause__ = KeyError(); eg3.__context__ = TypeError(); eg3.__notes__ = ["n"]
s, r = eg3.split(ValueError)
print(s is eg3, s.__cause__, s.__notes__)
s, r = ExceptionGroup("y", [eg3, TypeError()]).split(ValueError)
print(repr(s), s.exceptions[0] is eg3)
print(s.__traceback__)
