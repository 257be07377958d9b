# find/rfind/index/rindex/count/startswith/endswith with start and end arguments.
s = "abcabcabc"
for args in [("b",), ("b", 2), ("b", 2, 4), ("b", -4), ("b", -100, 100), ("", 3), ("", 10), ("", 9), ("x",), ("abc", 1, None), ("c", None, -1)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args))
print("ünïcödé".find("cö"), "ünïcödé".rfind("é"), "ünïcödé".count("ï"))
for f in (s.index, s.rindex):
    try:
        print(f("c", 1, 3))
    except ValueError as e:
        print("ValueError", e)
print(s.index("c"), s.rindex("a"))
print(s.startswith("ab"), s.startswith("bc", 1), s.startswith(("x", "abc")), s.startswith("c", 2, 3), s.startswith("", 9), s.startswith("", 10))
print(s.endswith("bc"), s.endswith("ab", 0, 2), s.endswith(("x", "y")), s.endswith("abc", -3), s.endswith(""))
print("abc".removeprefix("ab"), "abc".removeprefix("x"), "abc".removesuffix("bc"), "abc".removesuffix(""))
print("a" in "cat", "" in "", "at" in "cat", "ta" in "cat")


class Idx:
    def __index__(self):
        return 1


print(s.find("a", Idx()), s.count("a", None, Idx()))
for bad in [lambda: s.find(1), lambda: s.find("a", "x"), lambda: s.startswith(1), lambda: s.startswith((1,)),
            lambda: s.count(), lambda: s.find("a", 1, 2, 3), lambda: s.index("zz"), lambda: 1 in s,
            lambda: s.removeprefix(1), lambda: s.find(sub="a")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
