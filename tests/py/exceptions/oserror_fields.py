# OSError's constructor: errno → subclass, filename/filename2 (None counts as absent),
# and BlockingIOError's characters_written (a number in third place).
def show(e):
    print(type(e).__name__, e.args, repr(str(e)), e.errno, e.strerror, e.filename, e.filename2)

show(OSError(2, "No such file", "a.txt"))
show(OSError(2, "x", None, None, "y"))
show(OSError(2, "x", "a", None, "b"))
show(OSError(2, "x", None))
show(OSError(13, "denied", "f", 99))
show(OSError(1, 2, 3, 4, 5, 6))
show(OSError("just a message"))
for errno in [1, 2, 4, 10, 11, 13, 17, 20, 21, 32, 104, 110, 111, 3, 35, 114, 115, 103, 9999]:
    print(errno, type(OSError(errno, "s")).__name__)

b = BlockingIOError(11, "busy", 5)
print(b.args, str(b), b.characters_written, b.filename)
b.characters_written = 7
print(b.characters_written)
del b.characters_written
for action in ("get", "del"):
    try:
        b.characters_written if action == "get" else delattr(b, "characters_written")
    except AttributeError as e:
        print(action, "AttributeError:", e)
b = BlockingIOError(11, "busy", "file.txt")
print(b.args, str(b), b.filename)
try:
    b.characters_written
except AttributeError as e:
    print("AttributeError:", e)
try:
    BlockingIOError(11, "busy", 1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    OSError(11, "x").characters_written = "a"
except TypeError as e:
    print("TypeError:", e)
e = OSError(11, "x")
e.characters_written = 3
print(e.characters_written)
class Sub(BlockingIOError):
    pass
s = Sub(11, "x", 5)
print(s.args, s.filename)
