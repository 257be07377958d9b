class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return isinstance(obj, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return sub is bool
class AnyInt(metaclass=Meta): pass
print(isinstance(3, AnyInt), isinstance("x", AnyInt))
print(issubclass(bool, AnyInt), issubclass(str, AnyInt))
print(isinstance(3, (str, AnyInt)))
print(isinstance(AnyInt(), AnyInt))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
