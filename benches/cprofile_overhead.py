#!/usr/bin/env python3
"""cProfile overhead on the core benchmarks, gild against CPython.

For each benchmark, and for each interpreter, times the plain run (`exe script`) and the
profiled run (`exe -m cProfile -s cumulative script`). The overhead of an interpreter is
median(profiled) / median(plain); the reported ratio is gild's overhead / CPython's
overhead (target: <= 1.00 on every benchmark). The four runs of a round alternate, so
load changes on the machine hit every column alike. The profiled output is checked to
start with the benchmark's own output.

Usage: python3 benches/cprofile_overhead.py [--runs N] [--gild PATH] [NAME ...]
Needs a release build of gild (cargo build --release).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "benches", "py")
CORE = ["closures", "dict_list", "fib", "generators", "int_loop", "method_calls", "nbody", "str_build"]


def run(argv):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    t0 = time.perf_counter()
    p = subprocess.run(argv, cwd=BENCH_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    secs = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("%s failed (exit %d):\n%s" % (" ".join(argv), p.returncode, p.stderr.decode(errors="replace")[-800:]))
    return secs, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--gild", default=os.path.join(ROOT, "target", "release", "gild"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or CORE
    cpython = os.path.realpath(sys.executable)
    exes = [("gild", args.gild), ("CPython", cpython)]
    print("median of %d runs; overhead = profiled / plain; ratio = gild overhead / CPython overhead" % args.runs)
    print("%-13s %9s %9s %9s %9s %9s %9s %7s" % ("", "gild s", "gild prof", "overhead", "CPy s", "CPy prof", "overhead", "ratio"))
    ratios = []
    for name in names:
        script = name + ".py"
        times = {(label, prof): [] for label, _ in exes for prof in (False, True)}
        for _ in range(args.runs):
            for label, exe in exes:
                secs, plain_out = run([exe, script])
                times[(label, False)].append(secs)
                secs, prof_out = run([exe, "-m", "cProfile", "-s", "cumulative", script])
                times[(label, True)].append(secs)
                if not prof_out.startswith(plain_out) or b"function calls" not in prof_out:
                    sys.exit("%s: %s -m cProfile output is not the script's output followed by stats" % (name, label))
        med = {k: statistics.median(v) for k, v in times.items()}
        over = {label: med[(label, True)] / med[(label, False)] for label, _ in exes}
        ratio = over["gild"] / over["CPython"]
        ratios.append(ratio)
        print("%-13s %9.3f %9.3f %9.2f %9.3f %9.3f %9.2f %7.2f  %s" % (
            name, med[("gild", False)], med[("gild", True)], over["gild"],
            med[("CPython", False)], med[("CPython", True)], over["CPython"], ratio,
            "met" if ratio <= 1.0 else "MISSED"))
    met = sum(r <= 1.0 for r in ratios)
    print("target (ratio <= 1.00) met on %d of %d; worst ratio %.2f" % (met, len(ratios), max(ratios)))


if __name__ == "__main__":
    main()
