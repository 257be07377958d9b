# enable() flags are ints ("|ii"): None and floats are refused, negative keeps the current one.
import _lsprof
p = _lsprof.Profiler()
for a in (None, 1.5, 1, -1, True):
    try:
        p.enable(a)
        p.disable()
        print("ok", a)
    except TypeError as e:
        print("TypeError", e)
