# printf-style formatting with %.
print("%s %r %a" % ("é", "é", "é"))
print("%d %i %u %o %x %X %#o %#x" % (42, -42, 7, 8, 255, 255, 8, 255))
print("%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5))
print("%.2f %10.3e %g %G %E %%" % (3.14159, 1234.5, 0.00001, 1e20, 2.0))
print("%c%c" % ("x", 65))
print("%(a)s-%(b)d" % {"a": "A", "b": 2})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),))
print("%d" % 3.9)
print("%s%%" % 50)
print("%r" % {"k": [1]})
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%d" % True, "%s" % None, "%.3s" % None)
print("%(x)s %(x)r" % {"x": "y"})
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(a)s", (1,)), ("%c", "ab"), ("%c", 0x110000),
                  ("%x", 3.0), ("%f", "x"), ("%", 1), ("%(a", {"a": 1}), ("%*d", ("x", 1)), ("%d", None), ("%c", None)]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
