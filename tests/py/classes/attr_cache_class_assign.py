# A cached method lookup follows `obj.__class__ = Other`.
class A:
    def m(self):
        return "A.m"

class P:
    def m(self):
        return "P.m"

def call_m(o):
    return o.m()

o = A()
print([call_m(o) for _ in range(3)])
o.__class__ = P
print([call_m(o) for _ in range(3)])
