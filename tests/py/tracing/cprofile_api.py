# cProfile.Profile: context manager, runcall, getstats-based create_stats, clear,
# profiling builtins and methods, exceptions leaving profiled calls.
import sys

import cProfile
import pstats
from _mask import Masked


class Shape:
    def __init__(self, n):
        self.n = n

    def area(self):
        return self.n * self.n


def make(k):
    return [Shape(i).area() for i in range(k)]


def fails():
    return int("nope")


def guarded():
    try:
        fails()
    except ValueError:
        return "caught"


def counts(prof):
    prof.create_stats()
    rows = []
    for (file, line, name), (cc, nc, tt, ct, callers) in prof.stats.items():
        if file == "~" or file.endswith("cprofile_api.py"):
            rows.append((name, line, nc, cc))
    return sorted(rows)


with cProfile.Profile() as p:
    make(3)
    guarded()
    " ".join(["a", "b"]).upper()
for row in counts(p):
    print(*row)

p2 = cProfile.Profile()
print(p2.runcall(make, 2))
for row in counts(p2):
    print(*row)
p2.clear()
print(counts(p2))
print(isinstance(p2, cProfile.Profile), sys.getprofile())

sys.stdout = Masked(sys.__stdout__)
p3 = cProfile.Profile()
p3.runctx("make(2)", globals(), {})
p3.print_stats("stdname")

# Saved statistics load back into pstats.
import os

p3.dump_stats("_saved.prof")
loaded = pstats.Stats("_saved.prof", stream=sys.stdout)
os.remove("_saved.prof")
print(loaded.files[0].endswith("    _saved.prof"), loaded.total_calls, loaded.prim_calls)
print(sorted(loaded.strip_dirs().stats) == sorted(pstats.Stats(p3).strip_dirs().stats))
