#!/usr/bin/env python3
"""Benchmark runner: times every benches/py/*.py under gild and CPython in one run.

Each benchmark runs alternately under both interpreters (--runs times each), and the
median wall time and the peak resident memory (from wait4's rusage) are reported together
with the ratio gild/CPython. A benchmark whose gild output differs from CPython's is
reported as "wrong output" instead of a time: a fast wrong answer is not a result.

Usage:  python3 benches/run.py [--runs N] [--no-build] [FILTER ...]
Writes: benches/results/latest.json (same numbers as the table).
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "benches", "py")
RESULTS = os.path.join(ROOT, "benches", "results", "latest.json")


def real_cpython():
    """The CPython binary itself, not a shim or wrapper script (pyenv, venv launchers)."""
    exe = os.path.realpath(sys.executable)
    with open(exe, "rb") as f:
        if f.read(2) == b"#!":
            sys.exit(f"benches: {exe} is a script, not the CPython binary")
    return exe


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run_once(argv, cwd):
    """Run argv; return (seconds, peak RSS in KiB or None, exit code, stdout, stderr).

    Peak memory comes from GNU time, which forks the program from its own small process:
    measuring the child of this runner directly would report this runner's memory
    (Linux carries the pre-exec high-water mark into the child's ru_maxrss).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    rss_file = os.path.join(os.path.dirname(RESULTS), ".maxrss")
    os.makedirs(os.path.dirname(rss_file), exist_ok=True)
    full = [GNU_TIME, "-f", "%M", "-o", rss_file] + argv if GNU_TIME else argv
    start = time.perf_counter()
    proc = subprocess.run(full, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    peak = None
    if GNU_TIME:
        try:
            with open(rss_file) as f:
                peak = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            peak = None
    return elapsed, peak, proc.returncode, proc.stdout, proc.stderr


def measure(name, path, gild, cpython, runs):
    times = {"gild": [], "cpython": []}
    peaks = {"gild": 0, "cpython": 0}
    outputs = {}
    failure = None
    for _ in range(runs):
        for label, exe in (("cpython", cpython), ("gild", gild)):
            secs, rss, code, out, err = run_once([exe, path], BENCH_DIR)
            if code != 0:
                if label == "cpython":
                    sys.exit(f"benches: {name} fails under CPython:\n{err.decode(errors='replace')}")
                last = err.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
                failure = f"exit {code}: {last[0][:60]}"
            outputs.setdefault(label, out)
            times[label].append(secs)
            if rss is not None:
                peaks[label] = max(peaks[label], rss)
        if failure:
            break
    if failure is None and outputs["gild"] != outputs["cpython"]:
        failure = "wrong output"
    result = {
        "benchmark": name,
        "cpython_s": statistics.median(times["cpython"]),
        "cpython_peak_kib": peaks["cpython"],
    }
    if failure:
        result["error"] = failure
    else:
        result["gild_s"] = statistics.median(times["gild"])
        result["gild_peak_kib"] = peaks["gild"]
        result["ratio"] = result["gild_s"] / result["cpython_s"]
        result["mem_ratio"] = peaks["gild"] / peaks["cpython"] if peaks["cpython"] else None
    return result


def fmt_time(s):
    return f"{s * 1000:9.1f} ms" if s < 10 else f"{s:9.2f} s "


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per interpreter (median is reported)")
    ap.add_argument("--no-build", action="store_true", help="use the existing target/release/gild")
    ap.add_argument("filters", nargs="*", help="only benchmarks whose name contains one of these")
    args = ap.parse_args()

    gild = os.path.join(ROOT, "target", "release", "gild")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    if not os.path.exists(gild):
        sys.exit(f"benches: {gild} not found (cargo build --release)")
    cpython = real_cpython()

    names = sorted(f[:-3] for f in os.listdir(BENCH_DIR) if f.endswith(".py") and not f.startswith("_"))
    if args.filters:
        names = [n for n in names if any(f in n for f in args.filters)]

    print(f"gild:    {gild}\nCPython: {cpython}\nruns:    {args.runs} each, alternating; median wall time")
    print("memory:  " + ("peak RSS via GNU time\n" if GNU_TIME else "unavailable (install GNU time: apt-get install time)\n"))
    header = f"{'benchmark':<22} {'gild':>12} {'CPython':>12} {'ratio':>7} {'gild peak':>11} {'CPy peak':>11} {'mem':>6}"
    print(header)
    print("-" * len(header))
    results = []
    for name in names:
        r = measure(name, os.path.join(BENCH_DIR, name + ".py"), gild, cpython, args.runs)
        results.append(r)
        if "error" in r:
            print(f"{name:<22} {'—':>12} {fmt_time(r['cpython_s']):>12} {'—':>7} {'—':>11} "
                  f"{r['cpython_peak_kib'] / 1024:9.1f} MB {'—':>6}  gild: {r['error']}")
        else:
            mem = f"{r['mem_ratio']:5.2f}x" if r["mem_ratio"] is not None else "    —"
            print(f"{name:<22} {fmt_time(r['gild_s']):>12} {fmt_time(r['cpython_s']):>12} {r['ratio']:6.2f}x "
                  f"{r['gild_peak_kib'] / 1024:8.1f} MB {r['cpython_peak_kib'] / 1024:8.1f} MB {mem}")
    ok = [r["ratio"] for r in results if "ratio" in r]
    geo = math.exp(sum(math.log(x) for x in ok) / len(ok)) if ok else None
    print("-" * len(header))
    if geo is not None:
        print(f"geometric mean ratio over {len(ok)} benchmark(s): {geo:.2f}x  (gild/CPython; lower is better)")
    failed = len(results) - len(ok)
    if failed:
        print(f"{failed} benchmark(s) did not run correctly under gild")

    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as f:
        json.dump({"gild": gild, "cpython": cpython, "runs": args.runs, "geomean_ratio": geo,
                   "results": results}, f, indent=2)
    print(f"\nwrote {os.path.relpath(RESULTS, ROOT)}")


if __name__ == "__main__":
    main()
