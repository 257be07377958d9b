#!/usr/bin/env python3
"""Run `gilbench` under gild (release build) and CPython in one go and print both tables
with the ratio gild/CPython for every figure.

Usage:  python3 benches/gilbench_compare.py [--quick] [--policy NAME ...] [--runs N] [--gild PATH]
Each interpreter runs N times (default 1) alternately; the median of each figure is shown.
CPython runs with -P, so that it uses its own `queue` and `threading` rather than the gild
modules next to gilbench.py in stdlib/. `--gild` runs another gild binary (e.g. an older build).
"""

import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GILD = os.path.join(ROOT, "target", "release", "gild")
SCRIPT = os.path.join(ROOT, "stdlib", "gilbench.py")


def run(argv):
    out = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        sys.exit("gilbench failed: %s\n%s" % (" ".join(argv), out.stderr))
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(results):
    keys = [k for k in results[0] if k != "interpreter"]
    m = {k: statistics.median(r[k] for r in results) for k in keys}
    m["interpreter"] = results[0]["interpreter"]
    return m


def main(argv):
    quick = ["--quick"] if "--quick" in argv else []
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 1
    gild_bin = argv[argv.index("--gild") + 1] if "--gild" in argv else GILD
    policies = [argv[i + 1] for i, a in enumerate(argv) if a == "--policy"] or ["interval"]
    cpy = []
    gild = {p: [] for p in policies}
    for _ in range(runs):
        cpy.append(run([sys.executable, "-P", SCRIPT, "--json"] + quick))
        for p in policies:
            gild[p].append(run([gild_bin, "-m", "gilbench", "--json", "--policy", p] + quick))
    c = median(cpy)
    keys = [k for k in c if k != "interpreter"]
    header = "%-28s %14s" % ("figure", "CPython")
    for p in policies:
        header += " %14s %8s" % ("gild " + p, "ratio")
    print(header)
    for k in keys:
        line = "%-28s %14.3f" % (k, c[k])
        for p in policies:
            g = median(gild[p])[k]
            line += " %14.3f %8.2f" % (g, g / c[k] if c[k] else float("nan"))
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
