class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "B wins"
print(A() + B())
class C:
    def __add__(self, o): return NotImplemented
try:
    C() + 1
except TypeError as e:
    print(e)
try:
    1 + C()
except TypeError as e:
    print(e)
try:
    C() < C()
except TypeError as e:
    print(e)
class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
print(Base() + Sub())
try:
    "a" - 1
except TypeError as e:
    print(e)
try:
    [] * 1.5
except TypeError as e:
    print(e)
