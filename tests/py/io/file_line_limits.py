# Text and binary files: readline limits inside a \r\n pair, readlines hints at a line end.
import os

path = "/tmp/gild_io_lines_" + str(os.getpid()) + ".txt"
with open(path, "wb") as f:
    f.write(b"ab\r\ncd\r\nline three\nfour\n")

for nl in [None, "", "\r\n", "\n"]:
    with open(path, newline=nl) as f:
        print(repr(nl), repr(f.readline(3)), repr(f.readline()), repr(f.readline(2)), repr(f.readline()))

# the hint is a total length: reading stops once the total is larger than the hint
with open(path, newline="") as f:
    print(f.readlines(4), f.readlines(4), f.readlines(0))
with open(path, "rb") as f:
    print(f.readlines(4), f.readlines(5), f.readlines())
with open(path) as f:
    for hint in (1, 3, 4, 5):
        f.seek(0)
        print(hint, f.readlines(hint))
with open(path) as f:
    try:
        f.readlines("x")
    except TypeError as e:
        print("TypeError", e)
    try:
        f.read(2**70)
    except OverflowError as e:
        print("OverflowError", e)
os.remove(path)
