"""Compile one Python source file to its bytecode cache file (gild's .pyc format).

compile(file) writes __pycache__/NAME.<cache_tag>.pyc next to the source, the file an
import of that module would read. `gild -m py_compile FILE...` does the same from the
command line.
"""

import os
import sys
import importlib.util
import _pycache

__all__ = ["compile", "main", "PyCompileError", "PycInvalidationMode"]


class PyCompileError(Exception):
    """Compiling a file failed; str() of the exception is the message to show."""

    def __init__(self, exc_type, exc_value, file, msg=''):
        type_name = exc_type.__name__
        if not msg:
            if exc_type is SyntaxError:
                msg = _describe_syntax_error(exc_value, file)
            else:
                msg = "Sorry: %s: %s" % (type_name, exc_value)
        Exception.__init__(self, msg, type_name, exc_value, file)
        self.exc_type_name = type_name
        self.exc_value = exc_value
        self.file = file
        self.msg = msg

    def __str__(self):
        return self.msg


def _describe_syntax_error(exc, file):
    text = '  File "%s", line %s\n' % (file, exc.lineno)
    return text + '%s: %s\n' % (type(exc).__name__, exc.msg)


class PycInvalidationMode:
    """How a cache file is checked against its source: by the source's modification
    time and size (TIMESTAMP), or by a hash of its text that the importer checks
    (CHECKED_HASH) or trusts without looking at the source (UNCHECKED_HASH)."""
    TIMESTAMP = 1
    CHECKED_HASH = 2
    UNCHECKED_HASH = 3


def _get_default_invalidation_mode():
    if os.environ.get('SOURCE_DATE_EPOCH'):
        return PycInvalidationMode.CHECKED_HASH
    return PycInvalidationMode.TIMESTAMP


def compile(file, cfile=None, dfile=None, doraise=False, optimize=-1,
            invalidation_mode=None, quiet=0):
    """Byte-compile `file`; return the cache file's path, or None after an error.

    cfile: where to write (default: importlib.util.cache_from_source(file)).
    dfile: the file name recorded in the code (tracebacks) instead of `file`.
    doraise: raise PyCompileError on a syntax error instead of printing it to
    stderr (quiet=2 silences both).
    """
    if invalidation_mode is None:
        invalidation_mode = _get_default_invalidation_mode()
    if cfile is None:
        level = optimize if optimize >= 1 else ''
        cfile = importlib.util.cache_from_source(file, optimization=level)
    if os.path.islink(cfile):
        raise FileExistsError(cfile + ' is a symlink and will be changed into a '
                              'regular file if import writes a byte-compiled file '
                              'to it')
    if os.path.exists(cfile) and not os.path.isfile(cfile):
        raise FileExistsError(cfile + ' is a non-regular file and will be changed '
                              'into a regular one if import writes a byte-compiled '
                              'file to it')
    mode = getattr(invalidation_mode, 'value', invalidation_mode)
    failed = _pycache.compile_file(os.fspath(file), os.fspath(cfile), dfile,
                                   max(optimize, 0), mode)
    if failed is None:
        return cfile
    exc, text = failed
    error = PyCompileError(type(exc), exc, dfile or file, text)
    if quiet < 2:
        if doraise:
            raise error
        sys.stderr.write(error.msg + '\n')
    return None


def _leave(status, message=None):
    if message:
        sys.stderr.write(message)
    sys.exit(status)


def main():
    """`gild -m py_compile [-q] FILE...` (`-` reads the file names from stdin)."""
    prog = os.path.basename(sys.argv[0])
    usage = 'usage: %s [-h] [-q] filenames [filenames ...]\n' % prog
    quiet = False
    names = []
    for arg in sys.argv[1:]:
        if arg in ('-h', '--help'):
            sys.stdout.write(usage + '\nA simple command-line interface for '
                             'py_compile module.\n\npositional arguments:\n'
                             '  filenames    Files to compile\n\noptions:\n'
                             '  -h, --help   show this help message and exit\n'
                             '  -q, --quiet  Suppress error output\n')
            sys.exit(0)
        elif arg in ('-q', '--quiet'):
            quiet = True
        elif arg.startswith('-') and arg != '-':
            _leave(2, usage + '%s: error: unrecognized arguments: %s\n' % (prog, arg))
        else:
            names.append(arg)
    if not names:
        _leave(2, usage + '%s: error: the following arguments are required: '
               'filenames\n' % prog)
    if names == ['-']:
        names = sys.stdin.readlines()
    for name in names:
        name = name.rstrip('\n')
        try:
            compile(name, doraise=True)
        except PyCompileError as error:
            _leave(1, None if quiet else error.msg)
        except OSError as error:
            _leave(1, None if quiet else str(error))


if __name__ == "__main__":
    main()
