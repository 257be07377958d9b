class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"])
class Plain: pass
try:
    Plain[int]
except TypeError as e:
    print(e)
