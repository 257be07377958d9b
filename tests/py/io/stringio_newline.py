# io.StringIO(newline=...): translation on write, line splitting on read, `newlines`.
import io

for nl in [None, "", "\n", "\r", "\r\n", "default"]:
    if nl == "default":
        s = io.StringIO("a\r\nb\rc\nd")
    else:
        s = io.StringIO("a\r\nb\rc\nd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines), s.tell())
    s.write("x\ny\r\nz\r")
    print("  ", repr(s.getvalue()), repr(s.newlines))
    s.seek(0)
    print("  ", list(s))
    s.seek(0)
    print("  ", repr(s.read(3)), repr(s.readline(2)), s.tell())

# `newlines` grows as kinds of line ending are written
s = io.StringIO(newline=None)
print(repr(s.newlines))
for chunk in ["a\n", "b\r", "c\r\n"]:
    s.write(chunk)
    print(repr(s.newlines))
for start in ["\r\n", "\r", "\n"]:
    s = io.StringIO(newline="")
    s.write("x" + start)
    print(repr(s.newlines), end=" ")
    s.write("y\r\n")
    print(repr(s.newlines))

# each write is translated on its own: a \r ending one write is a line end
s = io.StringIO(newline=None)
s.write("a\r")
s.write("\nb")
print(repr(s.getvalue()), repr(s.newlines))

# readline limits inside a \r\n pair
s = io.StringIO("ab\r\ncd", newline="\r\n")
print(repr(s.readline(3)), repr(s.readline()), repr(s.readline()))
s = io.StringIO("ab\r\ncd", newline="")
print(repr(s.readline(3)), repr(s.readline()), repr(s.readline()))
