# The two wordings of the error for deleting an item from a type that does not allow it.
class C: pass
import sys
for obj in [(1,2), "abc", b"ab", range(3), C(), 5, None, frozenset(), {1}.__iter__()]:
    for k in (0, slice(0, 1), "x"):
        try:
            del obj[k]
        except TypeError as e:
            print(type(obj).__name__, type(k).__name__, e)
