"""Deterministic profiling of Python programs, over gild's native _lsprof profiler.

    cProfile.run("main()")                 profile a statement, print the report
    with cProfile.Profile() as p: ...      profile a block; p.print_stats("calls")
    gild -m cProfile [-o out] [-s sort] script.py [args]
"""

import sys

import _lsprof
import profile

__all__ = ["run", "runctx", "Profile"]


def _label(code):
    """pstats' key of a profiled function: (file, first line, name); builtins are ('~', 0, label)."""
    if isinstance(code, str):
        return ("~", 0, code)
    return (code.co_filename, code.co_firstlineno, code.co_name)


class Profile(_lsprof.Profiler, profile._Reports):
    """A profiler: enable()/disable() (or use it as a context manager), then report.

    The statistics (create_stats) use pstats' layout: {(file, line, name):
    (primitive calls, calls, internal time, cumulative time, {caller: (...)})}.
    """

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        stats = {}
        callers_of = {}
        for entry in self.getstats():
            func = _label(entry.code)
            stats[func] = [entry.callcount - entry.reccallcount, entry.callcount, entry.inlinetime, entry.totaltime]
            callers_of.setdefault(func, {})
            for sub in entry.calls or ():
                calls, rec = sub.callcount, sub.reccallcount
                callers_of.setdefault(_label(sub.code), {})[func] = (calls, calls - rec, sub.inlinetime, sub.totaltime)
        self.stats = {}
        for func, (cc, nc, tt, ct) in stats.items():
            self.stats[func] = (cc, nc, tt, ct, callers_of.get(func, {}))

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def run(statement, filename=None, sort=-1):
    """Profile `statement` in __main__'s namespace; print (or save) the statistics."""
    profile._run(Profile, statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Profile `statement` with the given namespaces; print (or save) the statistics."""
    profile._runctx(Profile, statement, globals, locals, filename, sort)


def main():
    profile._main(Profile, "cProfile.py")


if __name__ == "__main__":
    main()
