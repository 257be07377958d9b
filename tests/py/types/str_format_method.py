# str.format and str.format_map.
class P:
    x = 3

    def __format__(self, spec):
        return "P<" + spec + ">"


print("{} {} {}".format(1, "a", 2.5))
print("{1}{0}{1}".format("a", "b"))
print("{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[k]} {1.x} {1}".format({1: "one", "k": "kay"}, P()))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "s"))
print("{:d} {:05d} {:x} {:#b} {:,} {:_}".format(42, 42, 255, 5, 1234567, 1234567))
print("{:.3f} {:e} {:g} {:%} {:10.2f}".format(3.14159, 12345.678, 0.0001, 0.25, 2.5))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{0:{1}}|{0:>{w}}".format("v", 5, w=4))
print("{{}} {{{}}}".format(7))
print("{:{}}{}".format("a", 3, "b"))
print("{0!r:>10}".format("q"))
print("{[0]}".format([9]))
print("{0.real}".format(5))
print("{x[a]}".format_map({"x": {"a": 1}}))


class D(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{a} {b}".format_map(D(a=1)))
for bad in ["{", "}", "{0", "{!}", "{0!x}", "{0:}}", "{a.}", "{0[}", "{}{1}", "{1}{}", "{2}", "{z}", "{0.nope}", "{:d}", "{0]x}"]:
    try:
        print(repr(bad.format("s")))
    except Exception as e:
        print(repr(bad), type(e).__name__, e)
try:
    "{0}".format_map({0: 1})
except Exception as e:
    print(type(e).__name__, e)
