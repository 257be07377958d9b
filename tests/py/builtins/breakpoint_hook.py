# breakpoint() calls sys.breakpointhook with its arguments and returns its result; a
# lost hook is a RuntimeError. (The default hook starts pdb in CPython: see DIVERGENCES.)
import sys

print(sys.breakpointhook is sys.__breakpointhook__, callable(sys.breakpointhook))


def hook(*args, **kws):
    print("hook called with", args, kws)
    return "result"


sys.breakpointhook = hook
print(breakpoint(1, 2, key="v"))
print(breakpoint())
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError:", e)
sys.breakpointhook = sys.__breakpointhook__
