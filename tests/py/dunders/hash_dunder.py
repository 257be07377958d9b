class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
d = {K(1): "one"}
print(d[K(1)], K(2) in d, len({K(1), K(1), K(2)}))
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
try:
    hash([])
except TypeError as e:
    print(e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
