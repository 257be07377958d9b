# dict subclasses: __missing__, super() calls to the builtin dunders, iteration order.
class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()), c["zz"], "zz" in c, c.get("zz"))


class Logged(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value * 2)

    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

    def __delitem__(self, key):
        print("del", key)
        super().__delitem__(key)

    def __contains__(self, key):
        print("contains", key)
        return super().__contains__(key)

    def __len__(self):
        return super().__len__() + 100


d = Logged()
d["x"] = 1
print(d["x"], "x" in d, len(d), dict.__len__(d))
del d["x"]
print(d)
order = {}
for key in [3, 1, 2, "b", "a"]:
    order[key] = key
print(list(order), list(order.values()))
del order[1]
order[1] = "again"
print(list(order.items()))
print(dict.__getitem__({"k": 5}, "k"), dict.__contains__({1: 2}, 1), int.__add__(2, 3), list.__len__([1, 2]))
print(str.__add__("a", "b"), tuple.__getitem__((1, 2), 1), int.__eq__(1, 1.0), int.__lt__(1, "x"))
