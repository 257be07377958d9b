# Capturing output in memory: print(file=...), contextlib.redirect_stdout/stderr.
import contextlib
import io
import sys

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 1)
    print("more", end="")
    sys.stdout.write("!")
print(repr(buf.getvalue()))

err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(repr(err.getvalue()))

out = io.StringIO()
for i in range(3):
    print(i, i * i, sep=":", file=out)
print(out.getvalue(), end="")
print(out.getvalue().splitlines())


def report(stream):
    print("report line", file=stream)
    stream.write("tail\n")


b = io.StringIO()
report(b)
b.seek(0)
print([line.rstrip() for line in b])
