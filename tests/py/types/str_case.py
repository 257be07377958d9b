# Case mapping and character-class predicates of str.
words = ["hello world", "HELLO", "Hello World", "hELLO wORLD", "straße", "ǅungla", "ΣΑΣ ΟΔΟΣ", "ﬁne", "123abc", "", "a1_b", "İstanbul"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.casefold(), w.swapcase(), w.title(), w.capitalize())
    print(" ", w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum(), w.isascii(), w.isidentifier(), w.isprintable())
for s in ["123", "١٢٣", "½", "²", "12.5", " ", "\t\n", "", "abc", "x\x00"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isprintable())
for s in ["class", "_x", "x1", "1x", "α", "a-b", ""]:
    print(repr(s), s.isidentifier())
for bad in [lambda: "a".upper(1), lambda: "a".lower(x=1), lambda: str.upper(1), lambda: "a".isdigit(None)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
