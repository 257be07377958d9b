# split, rsplit, splitlines, partition, rpartition, strip, join.
for s in ["a,b,,c", ",a,", "", "  a  b\tc\n d  ", "a b c d"]:
    print(repr(s), s.split(","), s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(",", 1), s.rsplit(",", 1), s.split(maxsplit=2))
print("a\u2003b\x1cc\x85d".split())
print("aXXbXXc".split("XX"), "aXXbXXc".rsplit("XX", 1), "abc".split(sep="b"))
for s in ["a\nb\r\nc\rd", "x\n", "", "\n\n", "a\x0bb\x0cc\x1cd\u2028e\x85f"]:
    print(repr(s), s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
for s in ["a=b=c", "abc", "=", ""]:
    print(s.partition("="), s.rpartition("="))
for s in ["  hi  ", "\t\nhi\x0b\x1c", "xxhixx", ""]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip(None)), repr(s.rstrip("xi")))
print("-".join("abc"), "".join([]), ", ".join(("x", "y")), "+".join(iter(["1", "2"])), "-".join({"k": 1}))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".partition(""), lambda: "a".partition(1),
            lambda: "a".join(1), lambda: ",".join(["a", 2]), lambda: "a".strip(1), lambda: "a".split(x=1),
            lambda: "a".split(",", 1, 2), lambda: "a".rpartition(None), lambda: "a".splitlines(1, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
