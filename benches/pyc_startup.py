#!/usr/bin/env python3
"""Start-up time with a warm vs a cold bytecode cache, gild against CPython.

Generates a program that imports 20 modules of realistic size (about 400 lines each:
functions, classes with methods, constants, docstrings, comprehensions, try/except), then
times, for each interpreter:
  cold: every __pycache__ removed before each run (compile + write the cache),
  warm: the cache left from the previous run (read + decode only).
Reports the median of --runs runs and the ratios. Needs a release build of gild.

Usage: python3 benches/pyc_startup.py [--runs N] [--gild PATH]
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def module_source(k):
    lines = ['"""Generated module %d for the start-up benchmark."""' % k, '',
             'import sys', '', 'LIMIT = %d' % (k * 100), "NAMES = ('alpha', 'beta', 'gamma', 'delta')", '']
    for f in range(30):
        lines += [
            'def func_%d(items, scale=%d, *, key=None):' % (f, f + 1),
            '    """Scale the items and keep those above the limit."""',
            '    out = []',
            '    for i, item in enumerate(items):',
            '        value = (item * scale + i) %% (LIMIT + %d)' % f,
            '        if key is not None and key(value):',
            '            continue',
            "        out.append({'index': i, 'value': value, 'name': NAMES[i % 4]})",
            '    try:',
            '        total = sum(d["value"] for d in out) / len(out)',
            '    except ZeroDivisionError:',
            '        total = 0.0',
            "    return out, total, f'{scale}:{total:.2f}'",
            '',
        ]
    for c in range(6):
        lines += [
            'class Record%d:' % c,
            '    """A record with a few methods."""',
            '    kind = %r' % ('kind-%d' % c),
            '',
            '    def __init__(self, name, values=()):',
            '        self.name = name',
            '        self.values = list(values)',
            '',
            '    def __repr__(self):',
            "        return '%s(%r, %r)' % (type(self).__name__, self.name, self.values)",
            '',
            '    def total(self):',
            '        return sum(v for v in self.values if v > %d)' % c,
            '',
            '    @property',
            '    def size(self):',
            '        return len(self.values)',
            '',
            '    @classmethod',
            '    def build(cls, n):',
            "        return cls('r%d' % n, [i * i for i in range(n)])",
            '',
        ]
    lines.append('TABLE = {name: i for i, name in enumerate(NAMES)}')
    return '\n'.join(lines) + '\n'


def make_program(root):
    for k in range(20):
        with open(os.path.join(root, 'startup_mod%02d.py' % k), 'w') as f:
            f.write(module_source(k))
    main = ''.join('import startup_mod%02d\n' % k for k in range(20))
    main += 'print(sum(len(m.TABLE) for m in [%s]))\n' % ', '.join('startup_mod%02d' % k for k in range(20))
    with open(os.path.join(root, 'main.py'), 'w') as f:
        f.write(main)


def measure(exes, root, runs, env):
    """Alternate the interpreters run by run so load changes hit all of them alike."""
    cache = os.path.join(root, '__pycache__')
    times = {exe: ([], []) for exe in exes}
    for _ in range(runs):
        for exe in exes:
            shutil.rmtree(cache, ignore_errors=True)
            times[exe][0].append(cpu_and_wall([exe, 'main.py'], root, env))
            times[exe][1].append(cpu_and_wall([exe, 'main.py'], root, env))
    result = {}
    for exe, (cold, warm) in times.items():
        result[exe] = tuple(statistics.median(x[k] for x in runs_) for runs_ in (cold, warm) for k in (0, 1))
    return result


def cpu_and_wall(argv, cwd, env):
    """(wall seconds, CPU seconds of the child)."""
    # getrusage counts in microseconds (os.times() only in clock ticks, 10 ms here).
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0 or out.stdout != b'80\n':
        sys.exit('%s failed: %s' % (argv[0], out.stderr.decode()[-500:]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=15)
    ap.add_argument('--gild', default=os.path.join(ROOT, 'target', 'release', 'gild'))
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop('PYTHONDONTWRITEBYTECODE', None)
    env.pop('PYTHONPATH', None)
    root = tempfile.mkdtemp(prefix='gild_startup_')
    try:
        make_program(root)
        lines = sum(open(os.path.join(root, n)).read().count('\n') for n in os.listdir(root) if n.endswith('.py'))
        cpython = os.path.realpath(sys.executable)
        res = measure([args.gild, cpython], root, args.runs, env)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print('program: main.py importing 20 modules, %d lines in all; median of %d runs' % (lines, args.runs))
    print('%-8s %14s %14s %14s %14s' % ('', 'cold wall ms', 'cold CPU ms', 'warm wall ms', 'warm CPU ms'))
    for label, exe in [('gild', args.gild), ('CPython', cpython)]:
        print('%-8s %14.1f %14.1f %14.1f %14.1f' % ((label,) + tuple(x * 1e3 for x in res[exe])))
    g, c = res[args.gild], res[cpython]
    print('gild/CPython  cold: wall %.2f CPU %.2f   warm: wall %.2f CPU %.2f'
          % (g[0] / c[0], g[1] / c[1], g[2] / c[2], g[3] / c[3]))


if __name__ == '__main__':
    main()
