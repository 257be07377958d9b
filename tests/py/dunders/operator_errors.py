# Errors and fallbacks of operator dunders, truth, len, hash, repr/str, __index__ and
# __format__ (messages word for word).
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class A: pass
class B: pass
t(lambda: A() + B())
t(lambda: A() - 1)
t(lambda: 1 * A())
t(lambda: A() @ A())
t(lambda: A() ** 2)
t(lambda: pow(A(), 2, 3))
t(lambda: -A())
t(lambda: ~A())
t(lambda: abs(A()))
t(lambda: A() < B())
t(lambda: A() <= 1)
t(lambda: A() > "x")
t(lambda: A() == B())
t(lambda: divmod(A(), 1))
t(lambda: A() // 1)
t(lambda: A() % 1)
t(lambda: A() << 1)
t(lambda: A() & 1)
t(lambda: A() ^ 1)
t(lambda: A() | 1)
def iadd():
    x = A(); x += 1
t(iadd)
def imatmul():
    x = A(); x @= 1
t(imatmul)
def ipow():
    x = A(); x **= 1
t(ipow)
def ilshift():
    x = 1; x <<= A()
t(ilshift)
class N:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
    def __iadd__(self, o): return NotImplemented
t(lambda: N() + N())
def niadd():
    x = N(); x += 1
    return x
t(niadd)
class R:
    def __radd__(self, o): return "radd"
    def __rsub__(self, o): return "rsub"
    def __rpow__(self, o, m=None): return ("rpow", m)
t(lambda: 1 + R())
t(lambda: [1] + R())
t(lambda: 1 - R())
t(lambda: 2 ** R())
t(lambda: pow(2, R(), 5))
class Sub(int):
    def __radd__(self, o): return "sub radd"
t(lambda: 1 + Sub(2))
class C:
    def __eq__(self, o): return NotImplemented
t(lambda: C() == C())
t(lambda: C() != C())
c = C()
t(lambda: c == c)
t(lambda: [c] == [c])
t(lambda: c in [c])
class NaNLike:
    def __eq__(self, o): return False
n = NaNLike()
t(lambda: n in [n])
t(lambda: [n] == [n])
t(lambda: (n,) == (n,))
t(lambda: {1: n} == {1: n})
t(lambda: [n].count(n))
t(lambda: [n].index(n))
class BadBool:
    def __bool__(self): return 1
t(lambda: bool(BadBool()))
t(lambda: not BadBool())
class BadLen:
    def __len__(self): return -1
t(lambda: bool(BadLen()))
t(lambda: len(BadLen()))
class BigLen:
    def __len__(self): return 2**70
t(lambda: len(BigLen()))
class FLen:
    def __len__(self): return 1.5
t(lambda: len(FLen()))
class NoHash:
    __hash__ = None
t(lambda: hash(NoHash()))
t(lambda: {NoHash()})
t(lambda: {NoHash(): 1})
class EqOnly:
    def __eq__(self, o): return True
t(lambda: hash(EqOnly()))
print(EqOnly.__hash__)
class BadHash:
    def __hash__(self): return "x"
t(lambda: hash(BadHash()))
class BigHash:
    def __hash__(self): return 2**70
t(lambda: hash(BigHash()) == hash(2**70))
class BadRepr:
    def __repr__(self): return 5
t(lambda: repr(BadRepr()))
t(lambda: str(BadRepr()))
t(lambda: [BadRepr()])
class BadStr:
    def __str__(self): return 5
t(lambda: str(BadStr()))
t(lambda: print(BadStr()))
t(lambda: f"{BadStr()}")
class Idx:
    def __index__(self): return 3
t(lambda: [1,2,3,4,5][Idx()])
t(lambda: "abcdef"[Idx():])
t(lambda: bin(Idx()))
t(lambda: range(Idx()))
t(lambda: hex(Idx()))
t(lambda: [0]*Idx())
class BadIdx:
    def __index__(self): return 1.5
t(lambda: [1][BadIdx()])
KEY_S, KEY_F, KEY_N = "a", 1.5, None
t(lambda: [1][KEY_S])
t(lambda: (1,)[KEY_F])
t(lambda: "a"[KEY_N])
t(lambda: {}[[]])
t(lambda: [][0])
t(lambda: ()[0])
t(lambda: ""[0])
t(lambda: range(3)[5])
class Fmt:
    def __format__(self, spec): return "F" + spec
t(lambda: format(Fmt(), "xyz"))
t(lambda: f"{Fmt():>10}")
t(lambda: format(A(), "x"))
t(lambda: format(A(), "").startswith("<__main__.A object"))
class BadFmt:
    def __format__(self, spec): return 1
t(lambda: format(BadFmt()))
t(lambda: format(1, "q"))
t(lambda: format("s", "d"))
t(lambda: format(1.5, "d"))
t(lambda: format([], "x"))
