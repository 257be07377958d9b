class Count:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), [x * 2 for x in Count(2)])
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq())
for a, b in zip(Seq(), "ab"):
    print(a, b)
class NotIter: pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
try:
    for x in 5: pass
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self): return 1
try:
    iter(BadIter())
except TypeError as e:
    print(e)
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
def gen():
    yield 1
print(iter(g := gen()) is g)
