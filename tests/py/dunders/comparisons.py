class N:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq", self.v)
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        print("lt", self.v)
        return self.v < o.v
    __hash__ = None
print(N(1) == N(1), N(1) != N(2))
print(N(1) < N(2), N(2) > N(1))
class Eq:
    pass
e = Eq()
print(e == e, e != e, e == Eq())
class R:
    def __gt__(self, o):
        print("R.gt")
        return True
print(1 < R())
try:
    N(1) <= N(2)
except TypeError as e:
    print(e)
print(sorted([N(3), N(1), N(2)], key=lambda n: n.v)[0].v)
print(1 < 2 < 3, 1 < 3 < 2)
