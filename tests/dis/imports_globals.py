import a.b.c
import a.b.c as d
from . import x
from ..m import y as z, w
from os import *
def f():
    global G
    G = 1
    import q
    return q
G = 2
assert G, "msg"
