# str.maketrans and str.translate.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()))
print("aabbcc".translate(t))
t2 = str.maketrans("ab", "AB", "c")
print(sorted(t2.items()), "abcabc".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, 99: "three", "d": 0x263a})
print(sorted(t3.items(), key=repr), "abcd".translate(t3))
print("hello".translate({104: "J", 108: None}))
print("hello".translate([None] * 105 + ["X"]))
print("".maketrans("x", "y"))


class Table:
    def __getitem__(self, k):
        if k == ord("e"):
            return "3"
        raise LookupError(k)


print("hello".translate(Table()))
for bad in [lambda: str.maketrans(1), lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
            lambda: str.maketrans("a", 1), lambda: str.maketrans(), lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: -1}),
            lambda: "a".translate(), lambda: str.maketrans("a", "b", 3)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
