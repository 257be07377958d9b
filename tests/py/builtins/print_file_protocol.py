# print writes each argument, separator and end through file.write and then calls
# file.flush() when asked, on a replaced sys.stdout too; sys.stdout = None prints
# nothing, a deleted one raises; a failing __str__ leaves what came before written.
import sys, io
class W:
    def __init__(self): self.parts = []; self.flushes = 0
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): self.flushes += 1
w = W()
old = sys.stdout
sys.stdout = w
print("a", flush=True)
print("b")
sys.stdout = old
print(w.parts, w.flushes)
s = io.StringIO()
print("x", file=s, flush=True)
print(repr(s.getvalue()))
saved = sys.stdout
sys.stdout = None
print("nothing")
del sys.stdout
try:
    print("lost")
except RuntimeError as e:
    sys.stderr.write("RuntimeError: %s\n" % e)
sys.stdout = saved
class Bad:
    def __str__(self):
        raise ValueError("no str")
try:
    print("before", Bad(), "after")
except ValueError as e:
    print()
    print("ValueError:", e)
print("sep", "end", sep="-", end="!\n")
print(1, 2, sep=None, end=None)
# A str subclass as separator or argument reaches write() as an exact str.
class S(str): pass
class W:
    def write(self, s): print(type(s).__name__, repr(s), file=sys.stderr)
print('a', S('b'), 1, sep=S('-'), file=W())
