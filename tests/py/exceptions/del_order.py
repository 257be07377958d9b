class D:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
a = D("a")
b = D("b")
del a
print("after del a")
b = None
print("after rebinding b")
def f():
    local = D("local")
    print("in f")
f()
print("after f")
keep = D("kept until exit")
