"""Time gild's parser against CPython's ast.parse on the same corpus and print the ratio.

Usage: python3 benches/parse_corpus.py [DIR]   (default: CPython's stdlib, site-packages
excluded). Needs `cargo build --release` first. Both sides read every file before timing and
time parsing only (source bytes -> AST, including decoding).
"""
import ast
import os
import subprocess
import sys
import sysconfig
import time
import warnings

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
gild = os.path.join(root, "target", "release", "gild")
corpus = sys.argv[1] if len(sys.argv) > 1 else sysconfig.get_paths()["stdlib"]

files = []
for d, dirs, names in os.walk(corpus):
    dirs[:] = sorted(x for x in dirs if x != "site-packages")
    files += [os.path.join(d, n) for n in sorted(names) if n.endswith(".py")]
sources = []
for f in files:
    with open(f, "rb") as fh:
        sources.append(fh.read())

warnings.simplefilter("ignore")
best_cpython = None
for _ in range(3):
    t0 = time.perf_counter()
    ok = 0
    for src in sources:
        try:
            ast.parse(src)
            ok += 1
        except (SyntaxError, ValueError):
            pass
    dt = time.perf_counter() - t0
    best_cpython = dt if best_cpython is None else min(best_cpython, dt)

best_gild = None
for _ in range(3):
    out = subprocess.run([gild, "-X", "parse-bench=" + corpus], capture_output=True, text=True, check=True).stdout
    fields = dict(kv.split("=") for kv in out.split())
    dt = float(fields["seconds"])
    best_gild = dt if best_gild is None else min(best_gild, dt)

print(f"files: {len(sources)} ({sum(map(len, sources)) / 1e6:.1f} MB), CPython parsed {ok}, gild parsed {fields['parsed']}")
print(f"CPython ast.parse: {best_cpython:.3f} s")
print(f"gild parser:       {best_gild:.3f} s")
print(f"ratio (CPython / gild): {best_cpython / best_gild:.2f}x")
