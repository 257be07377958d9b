# StringIO/BytesIO __getstate__/__setstate__: copy and deepcopy, and the errors of bad states.
import copy, io
def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
s = io.StringIO("abc\r\ndef", newline=None)
s.seek(2)
s.tag = 1
c = copy.copy(s)
print(type(c).__name__, repr(c.getvalue()), c.tell(), c.tag, repr(c.newlines))
c.write("X\r")
print(repr(c.getvalue()), repr(s.getvalue()))
for nl in ["", "\n", "\r", "\r\n"]:
    print(repr(nl), io.StringIO("a\nb", newline=nl).__getstate__())
b = io.BytesIO(b"xyz"); b.seek(1); b.attr = [1]
c = copy.deepcopy(b)
print(type(c).__name__, c.getvalue(), c.tell(), c.attr, c.attr is b.attr)
print(io.BytesIO(b"ab").__getstate__(), io.StringIO("q").__getstate__())
s = io.StringIO()
attempt("s set 3", lambda: s.__setstate__(("a", None, 0)))
attempt("s set list", lambda: s.__setstate__(["a", None, 0, None]))
attempt("s set pos str", lambda: s.__setstate__(("a", None, "0", None)))
attempt("s set pos neg", lambda: s.__setstate__(("a", None, -1, None)))
attempt("s set dict", lambda: s.__setstate__(("a", None, 0, 5)))
attempt("s set value", lambda: s.__setstate__((b"a", None, 0, None)))
attempt("s set newline", lambda: s.__setstate__(("a", 5, 0, None)))
attempt("s set ok", lambda: (s.__setstate__(("a\r\nb", "", 3, {"k": 2})), s.read(), s.k, s.tell()))
b = io.BytesIO()
attempt("b set 2", lambda: b.__setstate__((b"a", 0)))
attempt("b set pos", lambda: b.__setstate__((b"a", 1.5, None)))
attempt("b set neg", lambda: b.__setstate__((b"a", -1, None)))
attempt("b set dict", lambda: b.__setstate__((b"a", 0, [])))
attempt("b set str", lambda: b.__setstate__(("a", 0, None)))
attempt("b set ok", lambda: (b.__setstate__((b"abc", 5, None)), b.tell(), b.read(), b.getvalue()))
class Sub(io.StringIO): pass
attempt("sub set", lambda: Sub().__setstate__(1))
s.close(); b.close()
attempt("s closed", lambda: s.__getstate__())
attempt("b closed", lambda: b.__getstate__())
attempt("b closed set", lambda: b.__setstate__((b"", 0, None)))
attempt("s closed set", lambda: (s.__setstate__(("z", None, 0, None)), s.closed, s.read()))
