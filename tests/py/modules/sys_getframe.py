# sys._getframe: the caller's frame and outer frames reached through Python calls
import sys

def inner():
    f0 = sys._getframe()
    f1 = sys._getframe(1)
    here = sys._getframe().f_lineno
    print(f0.f_code.co_name, f1.f_code.co_name, f1.f_globals["__name__"], here, f1.f_lineno)
    return sys._getframe(2).f_code.co_name

def outer():
    return inner()

print(outer())
for bad in (10**6, "x"):
    try:
        sys._getframe(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
