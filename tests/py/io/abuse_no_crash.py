# Writes after a huge seek raise CPython's errors, and user readinto/read that resize the
# buffer they were given do not crash the interpreter (CPython's buffers are fixed-size
# exports, gild's are bytearrays: see DIVERGENCES).
import io
for cls, d in ((io.BytesIO, b'x'), (io.StringIO, 'x')):
    s = cls()
    s.seek(2**62)
    try:
        s.write(d)
    except (MemoryError, OverflowError) as e:
        print(cls.__name__, type(e).__name__, e)
class Shrinking(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, buf):
        try:
            buf.clear()
        except (AttributeError, BufferError):
            pass
        return 5
print(type(Shrinking().read(5)).__name__)
class Clearing(io.BufferedIOBase):
    def __init__(self, target):
        self.target = target
    def read(self, n):
        try:
            self.target.clear()
        except BufferError:
            pass
        return b"abc"
ba = bytearray(4)
try:
    Clearing(ba).readinto(ba)
except BufferError:
    pass
print("done")
# Sizes and positions too large for an index are OverflowError, as in CPython.
for call in (lambda: io.BytesIO(b"a\nb\n").readlines(2**70),
             lambda: io.StringIO().__setstate__(("x", "\n", 2**70, None)),
             lambda: io.BytesIO().__setstate__((b"x", 2**70, None))):
    try:
        call()
    except OverflowError as e:
        print("OverflowError", e)
