"""Time small pieces of Python code.

As a library:
    timeit.timeit(stmt='pass', setup='pass', timer=default_timer, number=1000000,
                  globals=None)                       -> seconds for `number` runs
    timeit.repeat(..., repeat=5, number=1000000)       -> a list of such timings
    Timer(stmt, setup, timer, globals) with .timeit(), .repeat(), .autorange()
    and .print_exc(). stmt and setup may be strings of code or callables.

From the command line:
    gild -m timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [statement ...]

    -n N, --number=N   run the statement N times per measurement (default: the
                       smallest 1, 2, 5, 10, 20, 50, ... taking at least 0.2 s)
    -r N, --repeat=N   take N measurements (default 5) and report the best
    -s S, --setup=S    code run once before each measurement (may be repeated)
    -p, --process      time CPU time of the process instead of wall-clock time
    -u U, --unit=U     report times in nsec, usec, msec or sec
    -v, --verbose      also print the raw timings (twice: more digits)
    -h, --help         print this text and exit

Several statement arguments are joined as separate lines. The report reads
"N loops, best of R: T per loop"; a warning follows when the slowest measurement
took more than four times as long as the fastest.
"""

import sys
import time

try:
    import gc
except ImportError:
    gc = None

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals

# The generated function: setup once, then the statement in a loop between two
# timer readings. The statement is on line 6 and the setup on line 3, which is
# where tracebacks point.
template = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    """Indent every line after the first by `indent` spaces."""
    return src.replace("\n", "\n" + " " * indent)


class Timer:
    """Times a statement. stmt and setup are code strings (checked for syntax
    errors right away) or argument-less callables; timer is the clock; the code
    runs in `globals` (default: this module's namespace)."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        init = ''
        if isinstance(setup, str):
            compile(setup, dummy_src_name, "exec")
            stmtprefix = setup + '\n'
            setup = reindent(setup, 4)
        elif callable(setup):
            local_ns['_setup'] = setup
            init += ', _setup=_setup'
            stmtprefix = ''
            setup = '_setup()'
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            # Checked together with the setup so that a statement relying on a name
            # the setup defines (e.g. in a nested function) compiles the same way.
            compile(stmtprefix + stmt, dummy_src_name, "exec")
            stmt = reindent(stmt, 8)
        elif callable(stmt):
            local_ns['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = template.format(stmt=stmt, setup=setup, init=init)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled, showing the lines of
        the generated timing code. Call it from an except clause."""
        if self.src is not None:
            import _linecache
            _linecache.register(dummy_src_name, self.src)
        if file is None or file is sys.stderr:
            sys.excepthook(*sys.exc_info())
            return
        try:
            import traceback
        except ImportError:
            old = sys.stderr
            sys.stderr = file
            try:
                sys.excepthook(*sys.exc_info())
            finally:
                sys.stderr = old
        else:
            traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken by `number` runs of the statement (after one setup run).
        The garbage collector is off while it runs."""
        # range, not itertools.repeat: gild's ints are unboxed, so iterating a range
        # allocates nothing, and it is native where itertools may be Python code.
        it = range(number)
        gc_was_on = gc is not None and gc.isenabled()
        if gc_was_on:
            gc.disable()
        try:
            return self.inner(it, self.timer)
        finally:
            if gc_was_on:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` timeit(number) results. The minimum is the figure to
        look at: larger values mostly measure other load on the machine."""
        timings = []
        for _ in range(repeat):
            timings.append(self.timeit(number))
        return timings

    def autorange(self, callback=None):
        """Find a loop count taking at least 0.2 seconds, trying 1, 2, 5, 10, 20,
        50, ...; returns (number, time_taken). callback(number, time_taken) is
        called after each try."""
        base = 1
        while True:
            for step in (1, 2, 5):
                number = base * step
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            base *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number,
           globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)"""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)"""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


class _OptionError(Exception):
    pass


_SHORT = {'n': True, 'u': True, 's': True, 'r': True, 't': False, 'c': False,
          'p': False, 'v': False, 'h': False}
_LONG = {'number': True, 'setup': True, 'repeat': True, 'time': False, 'clock': False,
         'process': False, 'verbose': False, 'unit': True, 'help': False}


def _parse_options(args):
    # getopt-style: options first, then the statement arguments (getopt's messages).
    opts = []
    args = list(args)
    while args and args[0].startswith('-') and args[0] != '-':
        arg = args.pop(0)
        if arg == '--':
            break
        if arg.startswith('--'):
            name, eq, value = arg[2:].partition('=')
            if name in _LONG:
                matches = [name]
            else:
                matches = [o for o in _LONG if o.startswith(name)]
            if not matches:
                raise _OptionError('option --%s not recognized' % name)
            if len(matches) > 1:
                raise _OptionError('option --%s not a unique prefix' % name)
            full = matches[0]
            if _LONG[full]:
                if not eq:
                    if not args:
                        raise _OptionError('option --%s requires argument' % full)
                    value = args.pop(0)
            elif eq:
                raise _OptionError("option --%s must not have an argument" % full)
            opts.append(('--' + full, value))
            continue
        letters = arg[1:]
        while letters:
            letter, letters = letters[0], letters[1:]
            if letter not in _SHORT:
                raise _OptionError('option -%s not recognized' % letter)
            if _SHORT[letter]:
                if not letters:
                    if not args:
                        raise _OptionError('option -%s requires argument' % letter)
                    letters = args.pop(0)
                opts.append(('-' + letter, letters))
                letters = ''
            else:
                opts.append(('-' + letter, ''))
    return opts, args


def main(args=None, *, _wrap_timer=None):
    """The command line (see the module help). Returns the exit status: None on
    success, 1 when the timed code raised (its traceback is printed), 2 for bad
    options. _wrap_timer(timer) may replace the clock (for tests)."""
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = _parse_options(args)
    except _OptionError as err:
        print(err)
        print("use -h/--help for command line help")
        return 2
    timer = default_timer
    stmt = "\n".join(args) or "pass"
    number = 0
    setup = []
    repeat = default_repeat
    verbose = 0
    time_unit = None
    units = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}
    precision = 3
    for opt, value in opts:
        if opt in ("-n", "--number"):
            number = int(value)
        if opt in ("-s", "--setup"):
            setup.append(value)
        if opt in ("-u", "--unit"):
            if value not in units:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.",
                      file=sys.stderr)
                return 2
            time_unit = value
        if opt in ("-r", "--repeat"):
            repeat = max(int(value), 1)
        if opt in ("-p", "--process"):
            timer = time.process_time
        if opt in ("-v", "--verbose"):
            if verbose:
                precision += 1
            verbose += 1
        if opt in ("-h", "--help"):
            print(__doc__, end=' ')
            return 0
    setup = "\n".join(setup) or "pass"

    # Statements may import modules from the current folder.
    import os
    sys.path.insert(0, os.curdir)
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)

    t = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                print("{n} loop{s} -> {secs:.{prec}g} secs".format(
                    n=number, s='s' if number != 1 else '', secs=time_taken,
                    prec=precision))
        try:
            number, _ = t.autorange(callback)
        except BaseException:
            t.print_exc()
            return 1
        if verbose:
            print()
    try:
        raw_timings = t.repeat(repeat, number)
    except BaseException:
        t.print_exc()
        return 1

    def format_time(dt):
        if time_unit is not None:
            unit, scale = time_unit, units[time_unit]
        else:
            # The largest unit the time reaches (nsec for anything smaller).
            for unit, scale in sorted(units.items(), key=lambda kv: -kv[1]):
                if dt >= scale:
                    break
        return "%.*g %s" % (precision, dt / scale, unit)

    if verbose:
        print("raw times: %s" % ", ".join(map(format_time, raw_timings)))
        print()
    timings = [dt / number for dt in raw_timings]
    best = min(timings)
    worst = max(timings)
    print("%d loop%s, best of %d: %s per loop"
          % (number, 's' if number != 1 else '', repeat, format_time(best)))
    if worst >= best * 4:
        message = ("The test results are likely unreliable. The worst time (%s) "
                   "was more than four times slower than the best time (%s)."
                   % (format_time(worst), format_time(best)))
        try:
            import warnings
        except ImportError:
            sys.stderr.write(":0: UserWarning: %s\n" % message)
        else:
            warnings.warn_explicit(message, UserWarning, '', 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
