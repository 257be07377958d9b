class Verbose:
    def __get__(self, obj, objtype=None):
        print("get", obj is None, objtype.__name__)
        return 10
    def __set__(self, obj, value):
        print("set", value)
    def __delete__(self, obj):
        print("delete")
class C:
    a = Verbose()
c = C()
print(c.a)
print(C.a)
c.a = 3
del c.a
c.__dict__["a"] = "inst"
print(c.a)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class D:
    b = NonData()
d = D()
print(d.b)
d.b = "shadow"
print(d.b, D.b)
