"""A deterministic profiler written in Python over sys.setprofile (gild's own code).

Same interface as cProfile (run, runctx, Profile, `gild -m profile`), slower, and the
statistics name builtins the way CPython's pure-Python profiler does (":0(len)"). The
time spent inside the profiler's own callback is left out of the figures.

The command-line handling and run/runctx helpers shared with cProfile live here too.
"""

import sys
import time

__all__ = ["run", "runctx", "Profile"]


class _Reports:
    """Reporting shared by profile.Profile and cProfile.Profile (needs create_stats)."""

    def print_stats(self, sort=-1):
        import pstats
        pstats.Stats(self).strip_dirs().sort_stats(sort).print_stats()

    def dump_stats(self, file):
        self.create_stats()
        with open(file, "w") as f:
            f.write(repr(self.stats))


class Profile(_Reports):
    """Profiler driven by sys.setprofile; statistics in pstats' layout."""

    def __init__(self, timer=None, bias=None):
        self.timer = timer or time.process_time
        self.bias = bias or 0
        self.stats = {}
        self._rows = {}       # func -> [calls, recursive calls, inline, total, active]
        self._pairs = {}      # (caller, callee) -> same counters
        self._stack = []      # [func, start, time in callees]
        self._clock = 0.0     # profiled time: advances only outside the callback
        self._last = None
        self.cmd = ""

    # -- the callback ------------------------------------------------------------
    def _now(self):
        t = self.timer()
        if self._last is not None:
            self._clock += t - self._last - self.bias
        self._last = t
        return self._clock

    def dispatcher(self, frame, event, arg):
        now = self._now()
        if event == "call":
            code = frame.f_code
            self._enter((code.co_filename, code.co_firstlineno, code.co_name), now)
        elif event == "c_call":
            self._enter(("", 0, getattr(arg, "__name__", repr(arg))), now)
        elif event in ("return", "c_return", "c_exception"):
            self._leave(now)
        self._last = self.timer()

    @staticmethod
    def _counters(table, key):
        row = table.get(key)
        if row is None:
            row = table[key] = [0, 0, 0.0, 0.0, 0]
        return row

    def _enter(self, func, now):
        self._counters(self._rows, func)[4] += 1
        if self._stack:
            self._counters(self._pairs, (self._stack[-1][0], func))[4] += 1
        self._stack.append([func, now, 0.0])

    @staticmethod
    def _stop(row, total, inline):
        row[4] -= 1
        if row[4] == 0:
            row[3] += total
        else:
            row[1] += 1
        row[2] += inline
        row[0] += 1

    def _leave(self, now):
        if not self._stack:
            return
        func, start, sub = self._stack.pop()
        total = now - start
        self._stop(self._rows[func], total, total - sub)
        if self._stack:
            caller = self._stack[-1]
            caller[2] += total
            self._stop(self._pairs[(caller[0], func)], total, total - sub)

    # -- running -----------------------------------------------------------------
    def _start(self, label):
        self.cmd = label
        self._last = None
        # The fake frames CPython's profiler reports: the profiler itself (never
        # finished) and the profiled command.
        self._enter(("profile", 0, "profiler"), self._now())
        self._enter(("profile", 0, label), self._now())
        # The caller then calls sys.setprofile itself: a return from here would be seen.

    def _finish(self):
        # Called after sys.setprofile(None), which the caller makes itself so that no
        # frame of the profiler shows in the statistics.
        now = self._now()
        while len(self._stack) > 1:
            self._leave(now)

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self._start(cmd if isinstance(cmd, str) else repr(cmd))
        sys.setprofile(self.dispatcher)
        try:
            exec(cmd, globals, locals)
        finally:
            sys.setprofile(None)
            self._finish()
        return self

    def runcall(self, func, /, *args, **kw):
        self._start(repr(func))
        sys.setprofile(self.dispatcher)
        try:
            return func(*args, **kw)
        finally:
            sys.setprofile(None)
            self._finish()

    # -- results -------------------------------------------------------------------
    def create_stats(self):
        sys.setprofile(None)
        self._finish()
        self.snapshot_stats()

    def snapshot_stats(self):
        # As CPython's profiler: callers map to plain call counts.
        callers = {}
        for (caller, callee), (nc, rec, inline, total, _) in self._pairs.items():
            if nc:
                callers.setdefault(callee, {})[caller] = nc
        self.stats = {}
        for func, (nc, rec, inline, total, _) in self._rows.items():
            self.stats[func] = (nc - rec, nc, inline, total, callers.get(func, {}))


# -- helpers shared with cProfile ------------------------------------------------


def _report(prof, filename, sort):
    if filename is not None:
        prof.dump_stats(filename)
    else:
        prof.print_stats(sort)


def _run(profiler, statement, filename, sort):
    prof = profiler()
    try:
        prof.run(statement)
    except SystemExit:
        pass
    finally:
        _report(prof, filename, sort)


def _runctx(profiler, statement, globals, locals, filename, sort):
    prof = profiler()
    try:
        prof.runctx(statement, globals, locals)
    except SystemExit:
        pass
    finally:
        _report(prof, filename, sort)


def run(statement, filename=None, sort=-1):
    """Profile `statement` in __main__'s namespace; print (or save) the statistics."""
    _run(Profile, statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Profile `statement` with the given namespaces; print (or save) the statistics."""
    _runctx(Profile, statement, globals, locals, filename, sort)


def _main(profiler, prog):
    """`gild -m <prog> [-o file] [-s sort] [-m module | script] [args]`."""
    import os
    usage = "%s [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ..." % prog

    def fail(message):
        sys.stderr.write("Usage: %s\n\n%s: error: %s\n" % (usage, prog, message))
        sys.exit(2)

    args = sys.argv[1:]
    outfile = None
    sort = 2 if prog == "cProfile.py" else -1
    module = None
    while args and args[0].startswith("-") and args[0] != "-":
        opt = args.pop(0)
        if opt in ("-o", "--outfile", "-s", "--sort"):
            if not args:
                fail("%s option requires 1 argument" % opt)
            if opt in ("-o", "--outfile"):
                outfile = args.pop(0)
            else:
                sort = args.pop(0)
        elif opt[:2] in ("-o", "-s"):
            if opt[1] == "o":
                outfile = opt[2:]
            else:
                sort = opt[2:]
        elif opt == "-m":
            if not args:
                fail("-m option requires 1 argument")
            module = args.pop(0)
            break
        elif opt in ("-h", "--help"):
            print("Usage: " + usage + "\n")
            return
        else:
            fail("no such option: %s" % opt)
    if module is None and not args:
        print("Usage: " + usage + "\n")
        sys.exit(2)
    import pstats
    if isinstance(sort, str) and sort not in pstats._SORTS:
        fail("option -s: invalid choice: %r (choose from %s)" % (
            sort, ", ".join(repr(k) for k in sorted(pstats._SORTS))))
    if module is not None:
        import runpy
        sys.argv[:] = [module] + args
        code = "run_module(modname, run_name='__main__', alter_sys=True)"
        globs = {"run_module": runpy.run_module, "modname": module}
    else:
        script = args[0]
        sys.argv[:] = args
        sys.path.insert(0, os.path.dirname(script))
        with open(script, "rb") as f:
            code = compile(f.read(), script, "exec")
        globs = {"__file__": script, "__name__": "__main__", "__package__": None, "__cached__": None}
    _runctx(profiler, code, globs, None, outfile, sort)


if __name__ == "__main__":
    _main(Profile, "profile.py")
