class C:
    n = 1
    @classmethod
    def make(cls, v): return (cls.__name__, v)
    @staticmethod
    def util(a, b): return a + b
class D(C): pass
print(C.make(1), D.make(2), D().make(3))
print(C.util(1, 2), C().util(3, 4))
print(type(C.__dict__["make"]).__name__, type(C.__dict__["util"]).__name__)
print(C.__dict__["util"].__func__(5, 6))
m = C.make
print(m.__self__ is C, m.__func__.__name__)
