def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
class K:
    p = 1
    q = sorted(k for k in locals() if not k.startswith("__"))
print(K.q)
print(type(vars()) is dict, "__name__" in vars())
