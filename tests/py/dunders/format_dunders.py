class F:
    def __format__(self, spec): return f"F<{spec}>"
    def __str__(self): return "F-str"
    def __repr__(self): return "F-repr"
f = F()
print(f"{f}", f"{f:abc}", format(f, "x"), "{:>5}".format(f), str(f), repr(f), f"{f!s}", f"{f!r:>8}")
class Bad:
    def __format__(self, spec): return 1
try:
    format(Bad())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self): return 3
try:
    str(BadStr())
except TypeError as e:
    print(e)
try:
    format(object(), "x")
except TypeError as e:
    print(e)
print(format(3.14159, ".2f"), format(42, "08b"), format("s", "^5"))
