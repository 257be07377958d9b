eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), eg.message, eg.exceptions)
m, rest = eg.split(ValueError)
print(repr(m), repr(rest))
print(repr(eg.subgroup(TypeError)))
print(isinstance(eg, Exception), type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
d = eg.derive([KeyError("k")])
print(repr(d))
