# object.__setattr__/__delattr__ refuse a class as receiver (type.__setattr__ owns class namespaces).
class C:
    def f(self): return 1
c = C()
print(c.f())
try:
    object.__setattr__(C, 'f', lambda self: 2)
except TypeError as e:
    print("TypeError", e)
print(c.f())
try:
    type.__setattr__(C, 'f', lambda self: 3)
except TypeError as e:
    print("TypeError", e)
print(c.f())
try:
    object.__delattr__(C, 'f')
except TypeError as e:
    print("TypeError", e)
print(c.f())

class Meta(type):
    def __setattr__(cls, name, value):
        print("Meta.__setattr__", name)
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        print("Meta.__delattr__", name)
        super().__delattr__(name)

class D(metaclass=Meta):
    x = 1
d = D()
D.x = 2
print(d.x)
D.y = 5
del D.x
print(hasattr(d, "x"), d.y)
for bad in (lambda: type.__setattr__(1, "a", 2), lambda: type.__delattr__(1, "a"),
            lambda: type.__setattr__(int, "a", 2), lambda: setattr(int, "a", 2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
