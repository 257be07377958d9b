# Indexing of lists and tuples by small ints (gild has a fast path for exact types) keeps
# every edge of the general protocol: negatives, bounds, bools, subclasses, errors.
lst = [10, 20, 30]
tup = (1, 2, 3)
print(lst[0], lst[-1], lst[-3], tup[1], tup[-2], lst[True], tup[False])
for bad in (3, -4, 2**63, -2**63):
    for seq in (lst, tup):
        try:
            seq[bad]
        except IndexError as e:
            print(type(seq).__name__, bad, "IndexError:", e)
lst[-1] = 99
lst[0] = "a"
print(lst)
try:
    lst[3] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    lst[-2**63] = 1
except IndexError as e:
    print("IndexError:", e)

class L(list):
    def __getitem__(self, i):
        return ("L", i)

    def __setitem__(self, i, v):
        print("set", i, v)

class T(tuple):
    def __getitem__(self, i):
        return ("T", i)

l, t = L([1, 2]), T((1, 2))
print(l[0], t[1])
l[0] = 5
print(list(l))

class Del:
    def __del__(self):
        print("del runs after the store, list is", holder)

holder = [Del(), 1]
holder[0] = "replaced"
print(holder)

a, b = (1, 2)
c, d = [3, 4]
print(a, b, c, d)
try:
    x, y = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)

class TT(tuple):
    def __iter__(self):
        return iter(("it", "er"))

p, q = TT((1, 2))
print(p, q)
