# Weak proxies forward __index__, __int__, __float__, abs(), bytes(), reversed() and the
# in-place operators to the referent; frames cannot be weakly referenced.
import operator
import sys
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v + 1

    def __float__(self):
        return self.v + 0.5

    def __abs__(self):
        return "abs called"

    def __iadd__(self, other):
        self.v += other
        return self

    def __imul__(self, other):
        self.v *= other
        return self

    def __bytes__(self):
        return b"as bytes"

    def __reversed__(self):
        return iter([3, 2, 1])


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


n = Num(3)
p = weakref.proxy(n)
attempt("index", lambda: operator.index(p))
attempt("subscript", lambda: [10, 20, 30, 40][p])
attempt("slice", lambda: "abcdef"[p:])
attempt("int", lambda: int(p))
attempt("float", lambda: float(p))
attempt("abs", lambda: abs(p))
attempt("bytes", lambda: bytes(p))
attempt("reversed", lambda: list(reversed(p)))
attempt("hex", lambda: hex(p))
attempt("range", lambda: list(range(p)))

# In place: the referent's result replaces the proxy in the name.
q = p
q += 2
print(type(q).__name__, n.v, q is n)
q = p
q *= 2
print(type(q).__name__, n.v)


class L(list):
    pass


lst = L([1])
pl = weakref.proxy(lst)
alias = pl
alias += [2]
print(type(alias).__name__, lst, alias is lst)

x = weakref.proxy(n)
for op in ["-=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="]:
    try:
        y = x
        exec(f"y {op} 1")
    except TypeError as e:
        print(op, e)

plain = weakref.proxy(L([5, 6]))
attempt("dead index", lambda: operator.index(plain))
attempt("dead iadd", lambda: operator.iadd(plain, [1]))
attempt("int of list proxy", lambda: int(weakref.proxy(lst)))

attempt("frame ref", lambda: weakref.ref(sys._getframe()))
attempt("frame proxy", lambda: weakref.proxy(sys._getframe()))


def gen():
    yield 1


attempt("generator ref", lambda: type(weakref.ref(gen())).__name__)
