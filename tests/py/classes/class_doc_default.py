# every class has __doc__ (None without a docstring), except when __doc__ is a slot
class A:
    pass
class B:
    "text"
class C(B):
    pass
class D:
    __slots__ = ("__doc__",)
    def __init__(self):
        self.__doc__ = "per instance"
print(A.__doc__, "__doc__" in A.__dict__, B.__doc__, C.__doc__, D().__doc__, type(D.__dict__["__doc__"]).__name__)
