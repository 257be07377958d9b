"""Deterministic profiling of Python programs, over gild's native _lsprof profiler.

    cProfile.run("main()")                 profile a statement, print the report
    with cProfile.Profile() as p: ...      profile a block; p.print_stats("calls")
    gild -m cProfile [-o out] [-s sort] script.py [args]
"""

import sys

import _lsprof

__all__ = ["run", "runctx", "Profile"]


class Profile(_lsprof.Profiler):
    """A profiler: enable()/disable() (or use it as a context manager), then report.

    The statistics (create_stats) use pstats' layout: {(file, line, name):
    (primitive calls, calls, internal time, cumulative time, {caller: (...)})}.
    """

    def print_stats(self, sort=-1):
        import pstats
        pstats.Stats(self).strip_dirs().sort_stats(sort).print_stats()

    def dump_stats(self, file):
        self.create_stats()
        with open(file, "w") as f:
            f.write(repr(self.stats))

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        stats = {}
        callers_of = {}
        for file, line, name, calls, rec, inline, total, callees in self.getstats():
            func = (file, line, name)
            stats[func] = [calls - rec, calls, inline, total]
            callers_of.setdefault(func, {})
            for cfile, cline, cname, ccalls, crec, cinline, ctotal in callees:
                callers_of.setdefault((cfile, cline, cname), {})[func] = (ccalls, ccalls - crec, cinline, ctotal)
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


def _report(prof, filename, sort):
    if filename is not None:
        prof.dump_stats(filename)
    else:
        prof.print_stats(sort)


def run(statement, filename=None, sort=-1):
    """Profile `statement` in __main__'s namespace; print (or save) the statistics."""
    prof = Profile()
    try:
        prof.run(statement)
    except SystemExit:
        pass
    finally:
        _report(prof, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Profile `statement` with the given namespaces; print (or save) the statistics."""
    prof = Profile()
    try:
        prof.runctx(statement, globals, locals)
    except SystemExit:
        pass
    finally:
        _report(prof, filename, sort)


_USAGE = "cProfile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ..."


def _fail(message):
    sys.stderr.write("Usage: %s\n\n%s: error: %s\n" % (_USAGE, "cProfile.py", message))
    sys.exit(2)


def main():
    import os
    args = sys.argv[1:]
    outfile = None
    sort = 2
    module = None
    while args and args[0].startswith("-") and args[0] != "-":
        opt = args.pop(0)
        if opt in ("-o", "--outfile", "-s", "--sort"):
            if not args:
                _fail("%s option requires 1 argument" % opt)
            value = args.pop(0)
            if opt in ("-o", "--outfile"):
                outfile = value
            else:
                sort = value
        elif opt.startswith("-o") or opt.startswith("-s"):
            if opt[1] == "o":
                outfile = opt[2:]
            else:
                sort = opt[2:]
        elif opt == "-m":
            if not args:
                _fail("-m option requires 1 argument")
            module = args.pop(0)
            break
        elif opt in ("-h", "--help"):
            print("Usage: " + _USAGE)
            return
        else:
            _fail("no such option: %s" % opt)
    if module is None and not args:
        print("Usage: " + _USAGE)
        sys.exit(2)
    import pstats
    if sort != 2 and str(sort) not in pstats._SORTS:
        _fail("option -s: invalid choice: %r" % (sort,))
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
    runctx(code, globs, None, outfile, sort)


if __name__ == "__main__":
    main()
