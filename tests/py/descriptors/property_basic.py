class C:
    def __init__(self): self._x = 0
    @property
    def x(self):
        """The x value."""
        return self._x
    @x.setter
    def x(self, v):
        print("set", v)
        self._x = v
    @x.deleter
    def x(self):
        print("del")
        self._x = None
c = C()
c.x = 5
print(c.x)
del c.x
print(c.x, C.x.__doc__, type(C.x).__name__)
print(C.x.fget.__name__, C.x.fset is not None)
