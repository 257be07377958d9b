class A:
    def __eq__(self, other): return True
print(A.__hash__)
try:
    hash(A())
except TypeError as e:
    print(e)
try:
    {A()}
except TypeError as e:
    print(e)
class B(A):
    def __hash__(self): return 7
print(hash(B()))
class C:
    def __eq__(self, o): return False
    __hash__ = object.__hash__
print(type(hash(C())).__name__)
class D:
    pass
print(D.__hash__ is object.__hash__)
