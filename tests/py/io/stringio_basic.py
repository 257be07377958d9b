# io.StringIO: writing, reading, positions, truncation, iteration, context manager.
import io

s = io.StringIO()
print(s.write("hello"), s.write(" world\n"), s.tell())
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty())
print(s.closed, s.line_buffering, s.encoding, s.errors, repr(s.newlines))

# reading from the start
s = io.StringIO("line one\nline two\nlast")
print(s.tell(), repr(s.read(4)), s.tell())
print(repr(s.readline()), repr(s.readline(4)), repr(s.readline(-1)))
print(repr(s.readline()), repr(s.read()), repr(s.read(3)), s.tell())
print(s.seek(0), s.readlines())
print(s.seek(0), s.readlines(1), s.readlines(9), s.readlines(0))
s.seek(0)
print(list(s), list(s))
s.seek(0)
for i, line in enumerate(s):
    print(i, repr(line))
print(s.seek(5), repr(s.read(None)), s.seek(0, 2), s.seek(0, 1), s.tell())

# overwriting in the middle, writing past the end (padding with NULs)
s = io.StringIO("abcdef")
s.seek(2)
print(s.write("XY"), s.getvalue(), s.tell())
s.seek(4)
print(s.write("1234"), s.getvalue(), s.tell())
s.seek(12)
print(repr(s.read()), s.tell(), s.write("Z"), repr(s.getvalue()), s.tell())
print(s.write(""), s.tell())

# truncate keeps the position
s = io.StringIO("0123456789")
s.seek(7)
print(s.truncate(4), repr(s.getvalue()), s.tell())
print(s.truncate(), repr(s.getvalue()), s.tell(), s.truncate(100), repr(s.getvalue()))
print(s.write("!"), repr(s.getvalue()))
s.seek(2)
print(s.truncate(None), repr(s.getvalue()))

# non-ASCII text: positions count characters
s = io.StringIO()
print(s.write("ñé€𝄞"), s.tell(), s.seek(2), repr(s.read()), s.seek(1), s.write("x"), repr(s.getvalue()))
s = io.StringIO("héllo\nwörld\n")
print(repr(s.read(2)), s.tell(), repr(s.readline()), s.tell(), s.seek(0, 2))
s.seek(10)
s.write("é")
print(repr(s.getvalue()), s.tell(), len(s.getvalue()))
s.seek(3)
print(repr(s.readline(2)), repr(s.read(4)), s.truncate(8), repr(s.getvalue()), repr(s.read()))
s.seek(0)
print(s.readlines())

# writelines, print(file=...), context manager
s = io.StringIO()
s.writelines(["a", "b\n", "c"])
s.writelines(x for x in "de")
print(repr(s.getvalue()))
with io.StringIO() as f:
    print("hi", 1, 2.5, file=f, sep="-", end="!\n")
    print(file=f)
    print(repr(f.getvalue()))
print(f.closed)

# initial value, re-initialisation, None
s = io.StringIO(None)
print(repr(s.getvalue()), s.tell())
s = io.StringIO(initial_value="abc")
print(s.tell(), s.read(), s.write("d"), s.getvalue())
s.__init__("xy")
print(repr(s.getvalue()), s.tell())
s.close()
print(s.closed)
s.close()
s.__init__("again")
print(s.closed, s.read())

# instances carry a __dict__; subclasses work
s = io.StringIO()
s.tag = "t"
print(s.tag, type(s).__name__, type(s).__module__)


class Upper(io.StringIO):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.writes = 0

    def write(self, text):
        self.writes += 1
        return super().write(text.upper())


u = Upper("q\nw")
print(list(u), u.writes)
u.writelines(["ab", "cd"])
print(repr(u.getvalue()), u.writes)
print(isinstance(u, io.StringIO), isinstance(u, io.TextIOBase), isinstance(u, io.IOBase))
