class C:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
c = C()
print(1 in c, 2 in c, 3 not in c)
class It:
    def __iter__(self): return iter([4, 5])
print(5 in It(), 6 in It())
try:
    1 in 5
except TypeError as e:
    print(e)
class R:
    def __contains__(self, x): return [1]
print(2 in R())
