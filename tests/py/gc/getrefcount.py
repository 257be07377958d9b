import sys
class C: pass
x = C()
print(sys.getrefcount(x))
l = [x]
print(sys.getrefcount(x))
d = {'a': x, 'b': x}
print(sys.getrefcount(x))
t = (x, x, x)
print(sys.getrefcount(x))
del l, d, t
print(sys.getrefcount(x))
def f(a):
    return sys.getrefcount(a)
print(f(x))
y = x
print(sys.getrefcount(x))
s = 'some string not interned' + str(len('abc'))
print(sys.getrefcount(s))
lst = []
print(sys.getrefcount(lst))
print(sys.getrefcount([]))
class K:
    def m(self): return sys.getrefcount(self)
k = K()
print(k.m())
print(sys.getrefcount(C()))
