class Singleton:
    _inst = None
    def __new__(cls, *args):
        print("new", args)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print(e)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)
