import circ.a
from circ.b import get_a
print(get_a())
