# _lsprof.Profiler honours timer/timeunit, subcalls and builtins (constructor and enable);
# getstats() gives profiler_entry / profiler_subentry struct sequences.
import _lsprof


def leaf():
    return 1


def middle():
    return leaf() + len("ab")


ticks = [0]


def int_timer():
    ticks[0] += 1
    return ticks[0]


def float_timer():
    ticks[0] += 1
    return ticks[0] * 0.25


def name(code):
    return code if isinstance(code, str) else code.co_name


def show(p, times):
    for e in sorted(p.getstats(), key=lambda e: name(e.code)):
        calls = e.calls if e.calls is None else sorted(
            (name(c.code), c.callcount, c.reccallcount) + ((c.totaltime, c.inlinetime) if times else ())
            for c in e.calls)
        extra = (e.totaltime, e.inlinetime) if times else ()
        print("   ", name(e.code), e.callcount, e.reccallcount, *extra, calls)


for options in [{}, {"subcalls": False}, {"builtins": False}, {"subcalls": 0, "builtins": 0},
                {"timer": int_timer}, {"timer": int_timer, "timeunit": 0.5}, {"timer": float_timer}]:
    ticks[0] = 0
    p = _lsprof.Profiler(**options)
    p.enable()
    middle()
    p.disable()
    print(sorted(options))
    show(p, "timer" in options)

# enable() overrides only the flags it is given
p = _lsprof.Profiler(builtins=False)
p.enable(builtins=True)
len("x")
p.disable()
print(sorted(e.code for e in p.getstats() if isinstance(e.code, str)))
p = _lsprof.Profiler(builtins=False)
p.enable()
len("x")
p.disable()
print(sorted(e.code for e in p.getstats() if isinstance(e.code, str)))
p = _lsprof.Profiler()
p.enable(subcalls=False)
middle()
p.disable()
print(sorted(str(e.calls) for e in p.getstats()))
p.clear()
p.enable()
middle()
p.disable()
print(sorted(str(e.calls is None) for e in p.getstats()))

entry = [e for e in p.getstats() if name(e.code) == "middle"][0]
print(type(entry).__name__, type(entry.calls[0]).__name__, len(entry), len(entry.calls[0]))
print(entry.code is middle.__code__, entry[0] is entry.code, entry[1] == entry.callcount)
print(_lsprof.profiler_entry.n_fields, _lsprof.profiler_subentry.n_fields)


def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: _lsprof.Profiler(1, 2, 3, 4, 5))
attempt(lambda: _lsprof.Profiler(timeunit="x"))
attempt(lambda: _lsprof.Profiler(foo=1))
attempt(lambda: _lsprof.Profiler(subcalls="x"))
attempt(lambda: _lsprof.Profiler().enable(1, 2, 3))
attempt(lambda: _lsprof.Profiler().enable(foo=3))
