class Obj:
    child = None
o = Obj()
print(o.child.name)
