print("a start")
from circ import b
A = "A"
print("a end", b.B)
