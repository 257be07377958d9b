X = type("X", (), {"a": 1, "m": lambda self: self.a + 1})
print(X.__name__, X().m(), X.__module__, X.__qualname__)
Y = type("Y", (X,), {})
print(Y.__mro__)
print(type(1), type("s"), type(X()), type(type))
try:
    type("Z", 1, {})
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
