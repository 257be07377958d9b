# io.BytesIO: reading, writing, padding, truncation, lines, readinto and errors.
import io


def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


b = io.BytesIO(b"abc")
print(b.read(), b.tell(), b.read(), b.write(b"de"), b.getvalue(), b.tell())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)
print(b.seek(0), b.read(2), b.read1(), b.read1(), b.seek(1), b.read1(2), b.read1(-1))
print(b.seek(0), b.read(-5), b.read(None), b.seek(-10, 1), b.seek(-10, 2), b.seek(2, 2), b.tell())
print(b.write(b"Z"), b.getvalue(), b.tell())
print(b.seek(9), b.write(b""), b.getvalue(), b.write(bytearray(b"!")), b.getvalue())
print(b.truncate(4), b.getvalue(), b.tell(), b.truncate(100), b.getvalue(), b.truncate())

b = io.BytesIO(b"one\ntwo\n\nthree")
print(b.readline(), b.readline(2), b.readline(-1), b.readline(None), b.readline(), b.readline())
b.seek(0)
print(b.readlines())
b.seek(0)
print(b.readlines(2), b.readlines(None), b.readlines(0))
b.seek(0)
print(list(b), list(b))
b.seek(0)
print([line for line in b if line.strip()])

buf = bytearray(4)
b = io.BytesIO(b"xyz")
print(b.readinto(buf), buf, b.readinto(buf), buf)

b = io.BytesIO()
b.writelines([b"a", bytearray(b"b"), b"\n"])
print(b.getvalue())
with io.BytesIO(initial_bytes=b"q") as f:
    print(f.read())
print(f.closed)

b = io.BytesIO(b"abc")
b.__init__(b"xy")
print(b.getvalue(), b.tell())
print(io.BytesIO(None).getvalue(), io.BytesIO(bytearray(b"zz")).getvalue())


class Counting(io.BytesIO):
    def readline(self, *args):
        return b"never used by iteration"


print(list(Counting(b"1\n2")))
print(isinstance(b, io.BufferedIOBase), isinstance(b, io.IOBase), isinstance(b, io.TextIOBase))

attempt("ctor str", lambda: io.BytesIO("x"))
attempt("ctor int", lambda: io.BytesIO(1))
attempt("ctor kw", lambda: io.BytesIO(foo=1))
attempt("ctor 2", lambda: io.BytesIO(b"", 1))
attempt("write str", lambda: b.write("x"))
attempt("write int", lambda: b.write(1))
attempt("write none", lambda: b.write())
attempt("writelines str", lambda: b.writelines([b"a", "b"]))
attempt("seek str", lambda: b.seek("a"))
attempt("seek negative", lambda: b.seek(-1))
attempt("seek whence 3", lambda: b.seek(0, 3))
attempt("seek big", lambda: b.seek(2**70))
attempt("seek float", lambda: b.seek(1.5))
attempt("read str", lambda: b.read("a"))
attempt("read big", lambda: b.read(2**70))
attempt("read kw", lambda: b.read(size=1))
attempt("readlines str", lambda: b.readlines("x"))
attempt("readinto bytes", lambda: b.readinto(b"xx"))
attempt("truncate negative", lambda: b.truncate(-1))
attempt("truncate str", lambda: b.truncate("a"))
attempt("fileno", lambda: b.fileno())
attempt("descriptor", lambda: io.BytesIO.read(1))

b.close()
for name in ["read", "read1", "readline", "readlines", "readinto", "write", "getvalue", "seek",
             "tell", "truncate", "readable", "writable", "seekable", "isatty", "__next__",
             "__enter__", "flush", "close", "writelines", "fileno"]:
    args = {"write": (b"x",), "seek": (0,), "writelines": ([],), "readinto": (bytearray(1),)}.get(name, ())
    attempt("closed " + name, lambda: getattr(b, name)(*args))
print(iter(b) is b, b.closed)
