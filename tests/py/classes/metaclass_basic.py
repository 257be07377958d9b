class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        print("Meta.__new__", name, sorted(kw))
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", a)
        return super().__call__(*a, **k)
class A(metaclass=Meta, flag=1):
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
    def __init__(self, v):
        self.v = v
class B(A, flag=2):
    pass
print(A.tag, B.tag, type(B).__name__)
b = B(3)
print(b.v)
