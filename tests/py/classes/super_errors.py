def f():
    super()
try:
    f()
except RuntimeError as e:
    print(e)
class A:
    def m(self): return super().missing
try:
    A().m()
except AttributeError as e:
    print(e)
try:
    super(int, "x")
except TypeError as e:
    print(e)
