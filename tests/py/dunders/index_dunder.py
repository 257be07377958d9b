class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
l = list(range(10))
print(l[I(2)], l[I(1):I(4)], hex(I(255)), bin(I(5)), "ab" * I(2), range(I(3)))
try:
    l["x"]
except TypeError as e:
    print(e)
class NoIndex: pass
try:
    l[NoIndex()]
except TypeError as e:
    print(e)
