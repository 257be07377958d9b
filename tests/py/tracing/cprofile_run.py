# cProfile.run / runctx and pstats reports (timings masked): call counts, primitive
# calls of recursive functions, builtin names, sort orders, callers and callees.
import sys

import cProfile
import pstats
from _mask import Masked


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    items = []
    for i in range(4):
        items.append(fib(6))
    return len(items), sorted(items, key=abs)


sys.stdout = Masked(sys.__stdout__)
cProfile.run("work()", sort="stdname")
cProfile.runctx("fib(n)", {"fib": fib}, {"n": 3}, sort="stdname")

prof = cProfile.Profile()
prof.enable()
work()
prof.disable()
stats = pstats.Stats(prof, stream=sys.stdout)
stats.strip_dirs().sort_stats("nfl").print_stats()
stats.sort_stats("pcalls", "name").print_stats(3)
stats.sort_stats("stdname").print_callers()
stats.print_callees("fib")
print(stats.total_calls, stats.prim_calls)
for func in sorted(stats.stats):
    cc, nc, tt, ct, callers = stats.stats[func]
    print(func, cc, nc, sorted((k, v[0], v[1]) for k, v in callers.items()))
