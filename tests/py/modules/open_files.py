import io
import os
import sys

base = "/tmp/gild_io_test_" + str(os.getpid())
os.mkdir(base)
os.chdir(base)
TARGET = "target.txt"
SCRATCH = "scratch.txt"

# Text round trip: encodings, newline translation, seek/tell.
f = open(TARGET, "w")
print(repr(f), f.mode, f.encoding, f.errors, f.closed, f.name, f.newlines, f.line_buffering)
print(repr(f.buffer), repr(f.buffer.raw), f.buffer.mode, f.buffer.raw.mode, f.buffer.raw.closefd)
print(f.write("héllo\nwörld\r\nthird\rfourth"), f.tell(), f.writable(), f.readable(), f.seekable())
f.close()
print(f.closed, f.buffer.closed, f.close())
with open(TARGET) as f:
    print(repr(f.read()))
with open(TARGET, newline="") as f:
    print(repr(f.read()), f.tell())
with open(TARGET, newline="") as f:
    print(f.readlines())
with open(TARGET, newline="\r") as f:
    print(f.readlines())
with open(TARGET, "rb") as f:
    print(repr(f), f.read(3), f.read(), f.tell(), f.read())
with open(TARGET) as f:
    print(repr(f.readline()), repr(f.readline(2)), f.readlines())
with open(TARGET) as f:
    print([line for line in f], f.tell())
with open(TARGET) as f:
    print(repr(f.read(2)), repr(f.read(3)), f.tell(), f.seek(0), repr(f.read(1)), f.seek(0, 2), repr(f.read()))
with open(TARGET, "rb") as f:
    print(f.readline(), f.readline(3), list(f), f.seek(-3, 2), f.read(), f.seek(1), f.tell(), f.peek()[:2], f.read1(2))
with open(TARGET, "rb", buffering=0) as f:
    print(repr(f), f.read(2), f.readline(), f.readall())

# Writing: append, +, x, writelines, print(file=), newline on output.
with open(SCRATCH, "w", newline="\r\n") as f:
    f.writelines(["a\n", "b\n"])
    print("c", 1, file=f)
with open(SCRATCH, "rb") as f:
    print(f.read())
with open(SCRATCH, "a") as f:
    print(f.tell(), f.write("tail"))
with open(SCRATCH, "r+") as f:
    print(repr(f.read(2)), f.write("X"), f.seek(0), repr(f.read()))
with open(SCRATCH, "w+") as f:
    f.write("new")
    f.seek(0)
    print(repr(f.read()), f.truncate(1), f.seek(0), repr(f.read()))
with open(SCRATCH, "wb") as f:
    print(f.write(b"\x00\xff"), f.write(b"ab"), f.tell())
with open(SCRATCH, "rb") as f:
    print(f.read(3), f.read())
try:
    open(SCRATCH, "x")
except FileExistsError as e:
    print(type(e).__name__, e)
os.remove(SCRATCH)
with open(SCRATCH, "x") as f:
    f.write("created")
print(open(SCRATCH).read())

# Encodings and errors.
with open(SCRATCH, "w", encoding="latin-1") as f:
    f.write("café")
print(open(SCRATCH, "rb").read(), open(SCRATCH, encoding="latin-1").read(), open(SCRATCH, encoding="ascii", errors="replace").read())
try:
    open(SCRATCH).read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    open(SCRATCH, encoding="ascii").read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    with open(SCRATCH, "w", encoding="ascii") as f:
        f.write("naïve €")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
with open(SCRATCH, "w", encoding="ascii", errors="backslashreplace") as f:
    f.write("naïve €")
print(open(SCRATCH).read())
with open(SCRATCH, "w", encoding="utf-8-sig") as f:
    f.write("bom")
print(open(SCRATCH, "rb").read(), open(SCRATCH, encoding="utf-8-sig").read(), repr(open(SCRATCH, encoding="utf-8").read()))
try:
    open(SCRATCH, encoding="nope")
except LookupError as e:
    print("LookupError", e)
try:
    open(SCRATCH, newline="x")
except ValueError as e:
    print("ValueError", e)

# The file is closed when the object goes away.
fd = open(TARGET).fileno()
f = open(TARGET)
print(f.fileno() == fd)
del f
g = open(TARGET)
print(g.fileno() == fd, isinstance(g, io.TextIOWrapper), io.DEFAULT_BUFFER_SIZE, io.SEEK_END)
g.close()
w = open(SCRATCH, "w")
w.write("buffered until freed")
del w
print(open(SCRATCH).read())


def check(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


check("open('/tmp/x_nope')", lambda: (open('/tmp/x_nope')))
check("open('/tmp', 'r')", lambda: (open('/tmp', 'r')))
check("open('/tmp/a', 'rz')", lambda: (open('/tmp/a', 'rz')))
check("open('/tmp/a', 'rw')", lambda: (open('/tmp/a', 'rw')))
check("open('/tmp/a', 'tb')", lambda: (open('/tmp/a', 'tb')))
check("open('/tmp/a', 'rb', encoding='utf-8')", lambda: (open('/tmp/a', 'rb', encoding='utf-8')))
check("open('/tmp/a', 'rb', errors='x')", lambda: (open('/tmp/a', 'rb', errors='x')))
check("open('/tmp/a','rb',newline='')", lambda: (open('/tmp/a','rb',newline='')))
check("open('/tmp/a','r',buffering=0)", lambda: (open('/tmp/a','r',buffering=0)))
check("open('/tmp/a','r',newline='x')", lambda: (open('/tmp/a','r',newline='x')))
check('open([])', lambda: (open([])))
check("open('/tmp/a', 'r', encoding='nope')", lambda: (open('/tmp/a', 'r', encoding='nope')))
check("open('/tmp/a', 'U')", lambda: (open('/tmp/a', 'U')))
check("open('/tmp/a', '')", lambda: (open('/tmp/a', '')))
check("open('/tmp/a', 1)", lambda: (open('/tmp/a', 1)))
check("open(SCRATCH, 'w+b', buffering=0)", lambda: (open(SCRATCH, 'w+b', buffering=0)))
check('open(1.5)', lambda: (open(1.5)))
check('open(TARGET, encoding=5)', lambda: (open(TARGET, encoding=5)))
check("open(SCRATCH, 'w').read()", lambda: (open(SCRATCH, 'w').read()))
check("open(TARGET).write('x')", lambda: (open(TARGET).write('x')))
check("open(TARGET, 'rb').write(b'x')", lambda: (open(TARGET, 'rb').write(b'x')))
check("open(SCRATCH, 'wb').read()", lambda: (open(SCRATCH, 'wb').read()))
check("open(TARGET, 'ab').tell() > 0", lambda: (open(TARGET, 'ab').tell() > 0))
check("open(TARGET, 'rb', buffering=0)", lambda: (open(TARGET, 'rb', buffering=0)))
check("open(TARGET, 'a+b')", lambda: (open(TARGET, 'a+b')))
check("open(TARGET, 'x')", lambda: (open(TARGET, 'x')))
check('io.UnsupportedOperation.__mro__', lambda: (io.UnsupportedOperation.__mro__))
check('open(TARGET).seek(1, 1)', lambda: (open(TARGET).seek(1, 1)))
check('open(TARGET).seek(-1)', lambda: (open(TARGET).seek(-1)))
check('open(TARGET).seek(0, 3)', lambda: (open(TARGET).seek(0, 3)))
check('open(TARGET).seek(1, 2)', lambda: (open(TARGET).seek(1, 2)))
check("open(TARGET, 'rb').seek(-1)", lambda: (open(TARGET, 'rb').seek(-1)))
f = open(TARGET)
f.close()
check('f.read()', lambda: (f.read()))
check('f.readline()', lambda: (f.readline()))
check('next(f)', lambda: (next(f)))
check("f.write('x')", lambda: (f.write('x')))
check('f.seek(0)', lambda: (f.seek(0)))
check('f.tell()', lambda: (f.tell()))
check('f.fileno()', lambda: (f.fileno()))
check('f.readable()', lambda: (f.readable()))
check('f.__enter__()', lambda: (f.__enter__()))
check('f.flush()', lambda: (f.flush()))
check('f.close()', lambda: (f.close()))
check('f.closed', lambda: (f.closed))
check('repr(f)', lambda: (repr(f)))
check('f.buffer.read()', lambda: (f.buffer.read()))
check('f.isatty()', lambda: (f.isatty()))
check('iter(f)', lambda: (iter(f)))

os.remove(SCRATCH)
os.remove(TARGET)
os.chdir("/")
os.rmdir(base)
print(os.path.exists(base))
