class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = value
class Model:
    x = Field()
    y = Field()
m = Model()
print(m.x)
m.x = 5
print(m.x, m.y, Model.x.name)
