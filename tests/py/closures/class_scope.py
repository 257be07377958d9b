x = "global"
class C:
    x = "class"
    y = x
    z = [x for _ in range(1)]
    def m(self):
        return x
    w = (lambda: x)()
print(C.y, C.z, C().m(), C.w)
def outer():
    v = "outer"
    class D:
        v = "D"
        def get(self):
            return v
        u = v
    return D
D = outer()
print(D().get(), D.u)
def outer2():
    q = 1
    class E:
        r = q
        q = 2
        s = q
    return E
try:
    E = outer2()
except NameError as e:
    print(e)
