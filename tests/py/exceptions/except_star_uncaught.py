def f():
    raise ExceptionGroup("outer", [ValueError("a"), TypeError("b")])
try:
    f()
except* ValueError:
    print("handled values")
