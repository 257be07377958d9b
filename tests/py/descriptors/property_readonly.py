class C:
    @property
    def ro(self): return 1
c = C()
try:
    c.ro = 2
except AttributeError as e:
    print(e)
try:
    del c.ro
except AttributeError as e:
    print(e)
p = property()
class D:
    x = p
try:
    D().x
except AttributeError as e:
    print(e)
