class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(L(0)), bool(L(3)), len(L(2)), "yes" if L(1) else "no")
class B:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(B()), not B())
class Bad:
    def __bool__(self): return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self): return "x"
try:
    len(StrLen())
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
class Plain: pass
print(bool(Plain()))
