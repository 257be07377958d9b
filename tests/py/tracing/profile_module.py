# The pure-Python `profile` module: run, runctx, Profile.runcall, the same report layout
# (builtins named ":0(name)", the fake "profile:0(...)" entries), timings masked.
import sys

import profile
from _mask import Masked


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    out = []
    for i in range(3):
        out.append(fib(5))
    return len(out)


sys.stdout = Masked(sys.__stdout__)
profile.run("work()", sort="stdname")
profile.runctx("fib(k)", {"fib": fib}, {"k": 4}, sort="stdname")
p = profile.Profile()
print(p.runcall(work))
p.create_stats()


def short(func):
    return func[0].rsplit("/", 1)[-1], func[1], func[2].split(" at ")[0]


for func in sorted(p.stats):
    cc, nc, tt, ct, callers = p.stats[func]
    print(short(func), cc, nc, sorted((short(k), v) for k, v in callers.items()))
import pstats
pstats.Stats(p).strip_dirs().sort_stats("stdname").print_callers("fib")
