# test: stdin=stdin_data.txt
import sys

print(repr(input()))
print(repr(input("prompt> ")))
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(3)))
for line in sys.stdin:
    print("line:", repr(line))
    if line.startswith("fifth"):
        break
print(repr(sys.stdin.read()))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    input("last? ")
except EOFError as e:
    print("EOFError", e)
