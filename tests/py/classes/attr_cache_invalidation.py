# Attribute lookups at one site stay correct while classes and instances change under them
# (gild caches lookups per code location; every change below must be seen).
class A:
    def m(self):
        return "A.m"

class B(A):
    pass

def call_m(o):
    return o.m()

def get_m(o):
    return o.m

def get_x(o):
    return o.x

def set_x(o, v):
    o.x = v

a, b = A(), B()
print([call_m(a) for _ in range(3)], call_m(b))
A.m = lambda self: "new A.m"
print(call_m(a), call_m(b))
B.m = lambda self: "B.m"
print(call_m(a), call_m(b))
del B.m
print(call_m(b))
b.m = lambda: "instance m"
print(call_m(b), call_m(a))
del b.m
print(call_m(b), get_m(b)())

# Instance attribute, then the class grows a data descriptor for the same name.
for _ in range(3):
    set_x(a, 1)
print(get_x(a), a.__dict__)
A.x = property(lambda self: "prop", lambda self, v: print("setter got", v))
print(get_x(a))
set_x(a, 5)
print(a.__dict__)
del A.x
print(get_x(a))

# A polymorphic site.
class P:
    def m(self):
        return "P.m"

objs = [A(), P(), B(), P()]
print([call_m(o) for o in objs])

# __getattr__ fallback and its addition later.
class G:
    pass

g = G()
try:
    get_x(g)
except AttributeError as e:
    print("AttributeError:", e)
G.__getattr__ = lambda self, name: "fallback " + name
print(get_x(g))
set_x(g, 3)
print(get_x(g))
del g.x
print(get_x(g))

# __setattr__ added after stores were cached.
class S:
    pass

s = S()
for i in range(3):
    set_x(s, i)
S.__setattr__ = lambda self, k, v: object.__setattr__(self, k, v * 10)
set_x(s, 4)
print(s.x)

# A class attribute that is not a function, replaced by one.
class C:
    m = 5

c = C()
print(get_m(c))
C.m = lambda self: "now a method"
print(call_m(c))

# Builtin receivers: modules, functions, builtin types and their subclasses at one site.
import math
def get_pi(m):
    return m.pi

print(get_pi(math) == 3.141592653589793)
math.pi = 3
print(get_pi(math))
del math.pi
try:
    get_pi(math)
except AttributeError as e:
    print("AttributeError:", e)

def fattr(f):
    return f.tag

def func():
    pass

func.tag = "t1"
print(fattr(func))
func.tag = "t2"
print(fattr(func))

def add(seq, x):
    seq.append(x)
    return seq

class L(list):
    def append(self, x):
        super().append(("wrapped", x))

print(add([], 1), add(L(), 2), add([3], 4), add(L([5]), 6))

def upper(s):
    return s.upper()

class U(str):
    def upper(self):
        return "U.upper"

print(upper("abc"), upper(U("x")), upper("def"))
meth = [1, 2].copy
print(meth(), [].copy.__name__)
