# The io base classes: generic iteration, readlines, writelines, close/closed on subclasses.
import io


class Lines(io.TextIOBase):
    def __init__(self, lines):
        self.lines = list(lines)
        self.written = []

    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ""

    def write(self, s):
        self.written.append(s)
        return len(s)

    def readable(self):
        return True


f = Lines(["a\n", "b\n", "c"])
print(f.closed, f.readable(), f.writable(), f.seekable(), f.isatty(), f.encoding)
print(next(f), f.readlines())
f.writelines(["x", "y"])
print(f.written)
with f as g:
    print(g is f, g.closed)
print(f.closed, f.__dict__.get("_Lines__IOBase_closed"), "__IOBase_closed" in f.__dict__)
for action in (lambda: iter(f), lambda: f.writelines([]), lambda: f.flush(), lambda: f.isatty()):
    try:
        action()
    except ValueError as e:
        print("ValueError", e)
f.close()

try:
    io.IOBase().fileno()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
for name in ["read", "readline", "write", "detach"]:
    try:
        getattr(io.TextIOBase(), name)()
    except io.UnsupportedOperation as e:
        print("TextIOBase", name, e)
for name in ["read", "read1", "write", "detach"]:
    try:
        getattr(io.BufferedIOBase(), name)()
    except io.UnsupportedOperation as e:
        print("BufferedIOBase", name, e)


class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data

    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

    def readable(self):
        return True


r = Source(b"raw bytes\nsecond")
print(r.read(3), r.readline(), r.read(), r.read())
print(isinstance(open(__file__), io.TextIOBase), isinstance(open(__file__, "rb"), io.BufferedIOBase))
print(isinstance(open(__file__, "rb", buffering=0), io.RawIOBase))
