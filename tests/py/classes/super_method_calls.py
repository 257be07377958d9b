# super().name(...) for every kind of class attribute, from instance and class methods.
class Desc:
    def __get__(self, obj, owner):
        return lambda *a: ("desc", type(obj).__name__, a)

class Base:
    def f(self, x, y=2):
        return ("Base.f", type(self).__name__, x, y)

    @classmethod
    def cm(cls, x):
        return ("Base.cm", cls.__name__, x)

    @staticmethod
    def sm(x):
        return ("Base.sm", x)

    @property
    def p(self):
        return "Base.p"

    d = Desc()
    value = 42

class Mid(Base):
    def f(self, x, y=3):
        return ("Mid.f",) + super().f(x, y=y)

class Leaf(Mid):
    def f(self, x):
        return ("Leaf.f",) + super().f(x)

    def calls(self):
        return [super().cm(1), super().sm(2), super().p, super().d(3), super().value, super().f(4, 5)]

    @classmethod
    def from_class(cls):
        return [super().cm(6), super().sm(7), super().f]

leaf = Leaf()
leaf.f = "instance attribute does not hide super() lookups"
print(Leaf.f(leaf, 1))
for r in leaf.calls():
    print(r)
out = Leaf.from_class()
print(out[:2], out[2].__qualname__)
try:
    class Bad(Base):
        def g(self):
            return super().missing()
    Bad().g()
except AttributeError as e:
    print("AttributeError:", e)
for _ in range(3):
    print(Leaf.f(leaf, 9)[0:3])
