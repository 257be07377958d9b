class Grid:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return 0 if isinstance(k, slice) else self.d.get(k, 0)
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
g = Grid()
g[1, 2] = 5
print(g[1, 2])
print(g[::2])
del g[1, 2]
g[0] += 1
one = 1
try:
    one[0]
except TypeError as e:
    print(e)
try:
    del (1, 2)[0]
except TypeError as e:
    print(e)
try:
    (1, 2)[0] = 1
except TypeError as e:
    print(e)
class Miss(dict):
    def __missing__(self, k): return k * 2
print(Miss()["ab"])
