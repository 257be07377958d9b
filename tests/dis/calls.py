f(1, 2)
f(a, k=1, j=2)
f(*args)
f(a, *args, k=1, **kw)
o.m(1)
o.m(1, k=2)
o.a.b.m(*x)
import os
os.getcwd()
