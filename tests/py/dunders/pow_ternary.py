# pow() with a modulus: which type's power slot runs (never __rpow__), int/float/complex
# refusals, keyword arguments; str() of an object whose __repr__ returns a non-string.
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
class P:
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o, m=None): return ("rpow", o, m)
t(lambda: pow(P(), 2, 3))
t(lambda: pow(2, P(), 3))
t(lambda: pow(2, 3, P()))
t(lambda: pow(2.0, 2, 3))
t(lambda: pow(2, 2.0, 3))
t(lambda: pow(2, 2, 3.0))
t(lambda: pow(2j, 2, 3))
t(lambda: pow(2, 2j, 3))
t(lambda: pow(True, 2, 3))
t(lambda: pow(2, -1, 7))
t(lambda: pow(2, 2, 0))
t(lambda: pow("a", 2, 3))
t(lambda: pow(2, 3, None))
t(lambda: pow(base=2, exp=3, mod=5))
class I(int): pass
t(lambda: pow(I(2), 3, 5))
class S:
    def __repr__(self): return 7
t(lambda: str(S()))
t(lambda: "%s" % S())
t(lambda: format(S()))
t(lambda: f"{S()}")
t(lambda: f"{S()!r}")
t(lambda: pow(2))
t(lambda: pow(2, exp=3, foo=1))
t(lambda: pow(2, 3, 4, 5))
t(lambda: pow(2, 3, base=4))
t(lambda: pow(exp=2))
t(lambda: pow(2, exp=10))
