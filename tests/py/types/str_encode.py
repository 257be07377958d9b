# str.encode with the builtin codecs and error handlers; str(bytes, encoding).
s = "aé€😀b"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "Latin1", "iso-8859-1", "ascii", "US-ASCII"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e, e.encoding, e.start, e.end, e.reason)
print("abc".encode(), "é".encode(encoding="latin-1"), "é".encode(errors="strict"))
print("abc".encode("ascii", "bogus"))
for bad in [lambda: "é".encode("ascii", "bogus"), lambda: "a".encode("nope"), lambda: "a".encode(1), lambda: "a".encode("utf-8", 1),
            lambda: "a".encode("utf-8", "strict", 1), lambda: "aéé".encode("ascii")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", "latin-1"), str(b"a\xffb", "utf-8", "replace"), str(b"abc", encoding="ascii"))
for b in [b"a\xffb", b"a\xc3", b"a\xe2\x82", b"\xed\xa0\x80"]:
    try:
        print(str(b, "utf-8"))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e, e.start, e.end)
