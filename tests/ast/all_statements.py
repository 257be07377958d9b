import os, sys as s
from . import (a, b as c,)
x: int = 5
@dec
async def f(a, /, b=1, *c, d, e=2, **g) -> int:
    """doc"""
    return [i async for i in y if i] + {k: v for k, v in z} + (x for x in y)
class A(B, metaclass=M):
    pass
match p:
    case [1, *rest] | {"a": 1, **kw} if rest:
        pass
    case Point(x=0, y=_) as pt:
        pass
    case -1 + 2j | None | "s" | a.b:
        pass
with (open(x) as f, open(y) as g):
    del a[1:2, ::3], b.c
try:
    pass
except* (A, B) as e:
    raise X from e
finally:
    pass
print(f"{x!r:>{w}} {y=}", b'\x00' b"a", 0x_ff, 1_0.5e3, 3j, ..., lambda *a, k=1, **kw: (yield))
global q
x = y = *a, b
a[1] += 2; b @= 3
assert x, "m"
for x, *y in z: continue
else: break
while not a is not b <= c: pass
if a: pass
elif b: pass
else: pass
