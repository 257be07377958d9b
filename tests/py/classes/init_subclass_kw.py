class Base:
    registry = []
    def __init_subclass__(cls, /, prefix="", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.prefix = prefix
        Base.registry.append(cls.__name__)
class A(Base, prefix="a_"): pass
class B(A): pass
print(Base.registry, A.prefix, B.prefix)
try:
    class C(Base, unknown=1): pass
except TypeError as e:
    print(e)
