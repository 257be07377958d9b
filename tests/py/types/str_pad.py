# center/ljust/rjust/zfill/expandtabs/replace.
for w in [0, 3, 6, 7, -1]:
    print(repr("abc".center(w)), repr("abc".center(w, "*")), repr("ab".center(w, "-")), repr("abc".ljust(w, ".")), repr("abc".rjust(w)))
for s in ["42", "-42", "+42", "", "abc", "-"]:
    print(repr(s.zfill(5)), repr(s.zfill(0)))
for s in ["a\tb", "\t", "ab\tc\nx\ty", "a\r\tb", "日本\tx"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)), repr(s.expandtabs(tabsize=1)))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"), "aaa".replace("a", "", -1))
print("日本語".center(7, "中"))
for bad in [lambda: "a".center(), lambda: "a".center(5, "ab"), lambda: "a".center(5, 1), lambda: "a".center("5"),
            lambda: "a".zfill(), lambda: "a".replace("a"), lambda: "a".replace(1, "b"), lambda: "a".replace("a", 2),
            lambda: "a".ljust(1, 2, 3), lambda: "a".center(width=3), lambda: "a".expandtabs("x"), lambda: "a".center(10**30)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
