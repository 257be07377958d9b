class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, times=1): return (self.n + x) * times
a = Adder(2)
print(a(3), a(3, times=2), callable(a), callable(Adder), callable(1))
five = 5
try:
    five()
except TypeError as e:
    print(e)
s = "abc"
try:
    s()
except TypeError as e:
    print(e)
