fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make():
    out = []
    for k in "abc":
        def f():
            return k
        out.append(f)
    return out
print([f() for f in make()])
