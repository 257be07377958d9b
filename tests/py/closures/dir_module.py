alpha = 1
def beta(): pass
print([n for n in dir() if not n.startswith("__")])
class P:
    x = 1
    def m(self): pass
print([n for n in dir(P) if not n.startswith("__")])
p = P(); p.y = 2
print([n for n in dir(p) if not n.startswith("__")])
