# __get__ of functions, classmethod, staticmethod and property called by hand;
# a function's __qualname__ names it in argument errors
class C:
    def m(self):
        return "m"
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm():
        return "sm"
    @property
    def p(self):
        return "p"

c = C()
f = C.__dict__["m"]
print(f.__get__(c, C)(), f.__get__(None, C) is f, type(f.__get__(c)).__name__)
print(C.__dict__["cm"].__get__(None, C)(), C.__dict__["cm"].__get__(c)())
print(C.__dict__["sm"].__get__(c, C)())
print(C.__dict__["p"].__get__(c, C), C.__dict__["p"].__get__(None, C) is C.__dict__["p"])
try:
    f.__get__(None, None)
except TypeError as e:
    print("TypeError", e)

def h(a, b):
    pass
h.__qualname__ = "Renamed.h"
for call in (lambda: h(1), lambda: h(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
