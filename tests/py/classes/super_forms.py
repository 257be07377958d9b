class A:
    def who(self): return "A"
    @classmethod
    def cm(cls): return "A.cm " + cls.__name__
class B(A):
    def who(self): return "B>" + super().who()
    @classmethod
    def cm(cls): return "B.cm>" + super().cm()
class C(A):
    def who(self): return "C>" + super(C, self).who()
class D(B, C):
    def who(self): return "D>" + super().who()
print(D().who())
print(D.cm())
print(super(B, D()).who())
s = super(D, D())
print(type(s).__name__)
class E(A):
    def __init__(self):
        super().__init__()
        self.ok = True
print(E().ok)
