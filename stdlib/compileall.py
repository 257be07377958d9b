"""Byte-compile every Python source file in folder trees (gild's compileall).

The folder walk, option handling and messages are here; the compiling itself is done
by gild's native batch compiler (`_pycache.compile_many`), which compiles the collected
files on several threads at once (`workers`, `-j N`). Messages appear in the same order
as CPython's: with one worker, each folder's "Listing" line comes before its files; with
several, every "Listing" line comes first.
"""

import os
import sys
import importlib.util
import _pycache

__all__ = ["compile_dir", "compile_file", "compile_path"]


def _walk(dir, ddir, maxlevels, quiet, events):
    # Collect ('listing', dir), ('cant-list', dir) and ('file', path, ddir) events
    # in the order CPython's walk produces them.
    dir = os.fspath(dir)
    if not quiet:
        events.append(('listing', dir))
    try:
        names = os.listdir(dir)
    except OSError:
        if quiet < 2:
            events.append(('cant-list', dir))
        names = []
    names.sort()
    for name in names:
        if name == '__pycache__':
            continue
        fullname = os.path.join(dir, name)
        subddir = os.path.join(ddir, name) if ddir is not None else None
        if not os.path.isdir(fullname):
            events.append(('file', fullname, ddir))
        elif (maxlevels > 0 and name != os.curdir and name != os.pardir
              and not os.path.islink(fullname)):
            _walk(fullname, subddir, maxlevels - 1, quiet, events)


def _cache_file(fullname, legacy, optimize):
    if legacy:
        return fullname + 'c'
    level = optimize if optimize >= 1 else ''
    return importlib.util.cache_from_source(fullname, optimization=level)


def _mode(invalidation_mode):
    # The PycInvalidationMode value: 1 timestamp, 2 checked hash, 3 unchecked hash.
    if invalidation_mode is None:
        return 2 if os.environ.get('SOURCE_DATE_EPOCH') else 1
    return getattr(invalidation_mode, 'value', invalidation_mode)


def _report(fullname, status, text, quiet):
    # One file's messages; returns False when the file failed.
    if status == 0:
        return True
    if not quiet:
        print('Compiling {!r}...'.format(fullname))
    if status == 1:
        return True
    if quiet >= 2:
        return False
    if quiet:
        print('*** Error compiling {!r}...'.format(fullname))
    else:
        print('*** ', end='')
    if status == 2:
        print(text)
    else:
        print('OSError:', text)
    return False


def _compile_events(events, force, rx, quiet, legacy, optimize, workers,
                    invalidation_mode):
    jobs = []
    names = []
    for event in events:
        if event[0] != 'file':
            continue
        fullname, ddir = event[1], event[2]
        if rx is not None and rx.search(fullname):
            continue
        if not (os.path.isfile(fullname) and fullname.endswith('.py')):
            continue
        dfile = None
        if ddir is not None:
            dfile = os.path.join(ddir, os.path.basename(fullname))
        jobs.append((fullname, _cache_file(fullname, legacy, optimize), dfile))
        names.append(fullname)
    results = _pycache.compile_many(jobs, workers, force, max(optimize, 0),
                                    _mode(invalidation_mode))
    outcome = dict(zip(names, results))
    success = True
    # With several workers CPython lists every folder before any file's messages.
    if workers != 1:
        for event in events:
            if event[0] == 'listing':
                print('Listing {!r}...'.format(event[1]))
            elif event[0] == 'cant-list':
                print("Can't list {!r}".format(event[1]))
    for event in events:
        if event[0] == 'file':
            if event[1] in outcome:
                status, text = outcome[event[1]]
                if not _report(event[1], status, text, quiet):
                    success = False
        elif workers == 1:
            if event[0] == 'listing':
                print('Listing {!r}...'.format(event[1]))
            else:
                print("Can't list {!r}".format(event[1]))
    return success


def compile_dir(dir, maxlevels=None, ddir=None, force=False, rx=None, quiet=0,
                legacy=False, optimize=-1, workers=1, invalidation_mode=None):
    """Byte-compile every .py file under `dir` (down to `maxlevels` folders deep);
    return True when all of them compiled.

    force: compile even files whose cache is up to date. rx: skip paths it matches.
    quiet: 1 prints only errors, 2 nothing. legacy: write FILE.pyc next to the source.
    workers: threads to compile on (0: one per core).
    """
    if workers < 0:
        raise ValueError('workers must be greater or equal to 0')
    if maxlevels is None:
        maxlevels = sys.getrecursionlimit()
    events = []
    _walk(dir, ddir, maxlevels, quiet, events)
    return _compile_events(events, force, rx, quiet, legacy, optimize, workers,
                           invalidation_mode)


def compile_file(fullname, ddir=None, force=False, rx=None, quiet=0, legacy=False,
                 optimize=-1, invalidation_mode=None):
    """Byte-compile one file; return True on success (see compile_dir)."""
    events = [('file', os.fspath(fullname), ddir)]
    return _compile_events(events, force, rx, quiet, legacy, optimize, 1,
                           invalidation_mode)


def compile_path(skip_curdir=1, maxlevels=0, force=False, quiet=0, legacy=False,
                 optimize=-1, invalidation_mode=None):
    """Byte-compile the folders on sys.path (the frozen library needs none)."""
    success = True
    for dir in sys.path:
        if dir.startswith('<'):
            continue
        if (not dir or dir == os.curdir) and skip_curdir:
            if quiet < 2:
                print('Skipping current directory')
        elif not compile_dir(dir, maxlevels, None, force, quiet=quiet,
                             legacy=legacy, optimize=optimize,
                             invalidation_mode=invalidation_mode):
            success = False
    return success


_USAGE = ('usage: compileall.py [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR]\n'
          '                     [-x REGEXP] [-j WORKERS] [-o OPT_LEVELS]\n'
          '                     [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]\n'
          '                     [FILE|DIR ...]\n')


def _usage_error(message):
    sys.stderr.write(_USAGE + 'compileall.py: error: ' + message + '\n')
    sys.exit(2)


def _int_option(flag, value):
    try:
        return int(value)
    except ValueError:
        _usage_error("argument %s: invalid int value: '%s'" % (flag, value))


def main():
    """`gild -m compileall [options] [FILE|DIR ...]`; returns True on success."""
    args = sys.argv[1:]
    maxlevels = None
    recursion = None
    force = False
    quiet = 0
    legacy = False
    ddir = None
    rx = None
    workers = 1
    optimize = -1
    invalidation_mode = None
    dests = []
    takes_value = {'-r', '-d', '-x', '-j', '-o', '--invalidation-mode'}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == '--':
            dests.extend(args[i:])
            break
        if not arg.startswith('-') or arg == '-':
            dests.append(arg)
            continue
        flag, value = arg, None
        if arg.startswith('--') and '=' in arg:
            flag, value = arg.split('=', 1)
        elif not arg.startswith('--') and len(arg) > 2:
            flag, value = arg[:2], arg[2:]
            if flag not in takes_value:
                # A cluster of single-letter flags such as -fq.
                args[i:i] = ['-' + c for c in arg[2:]]
                value = None
        if flag in takes_value and value is None:
            if i >= len(args):
                _usage_error('argument %s: expected one argument' % flag)
            value = args[i]
            i += 1
        if flag in ('-h', '--help'):
            sys.stdout.write(_USAGE)
            sys.exit(0)
        elif flag == '-l':
            maxlevels = 0
        elif flag == '-r':
            recursion = _int_option(flag, value)
        elif flag == '-f':
            force = True
        elif flag == '-q':
            quiet += 1
        elif flag == '-b':
            legacy = True
        elif flag == '-d':
            ddir = value
        elif flag == '-x':
            import re
            rx = re.compile(value)
        elif flag == '-j':
            workers = _int_option(flag, value)
        elif flag == '-o':
            optimize = _int_option(flag, value)
        elif flag == '--invalidation-mode':
            choices = {'timestamp': 1, 'checked-hash': 2, 'unchecked-hash': 3}
            if value not in choices:
                _usage_error("argument --invalidation-mode: invalid choice: '%s' "
                             "(choose from 'checked-hash', 'timestamp', "
                             "'unchecked-hash')" % value)
            invalidation_mode = choices[value]
        else:
            _usage_error('unrecognized arguments: ' + arg)
    if recursion is not None:
        maxlevels = recursion
    if workers < 0:
        _usage_error('-j WORKERS: workers must be greater or equal to 0')
    success = True
    try:
        if not dests:
            return compile_path(legacy=legacy, force=force, quiet=quiet,
                                invalidation_mode=invalidation_mode)
        for dest in dests:
            if os.path.isfile(dest):
                ok = compile_file(dest, ddir, force, rx, quiet, legacy, optimize,
                                  invalidation_mode)
            else:
                ok = compile_dir(dest, maxlevels, ddir, force, rx, quiet, legacy,
                                 optimize, workers, invalidation_mode)
            if not ok:
                success = False
        return success
    except KeyboardInterrupt:
        if quiet < 2:
            print("\n[interrupted]")
        return False


if __name__ == '__main__':
    sys.exit(int(not main()))
