"""A small subset of importlib for gild: import_module and invalidate_caches.

gild's import system is native (src/vm/import.rs); this package exposes the pieces
of CPython's importlib API that programs commonly call.
"""

import sys


def _resolve(name, package, level):
    # Strip `level - 1` trailing components from the package, then append the name.
    parts = package.rsplit('.', level - 1)
    if len(parts) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = parts[0]
    return base + '.' + name if name else base


def import_module(name, package=None):
    """Import a module by name; a leading dot makes the name relative to `package`."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        while level < len(name) and name[level] == '.':
            level += 1
        name = _resolve(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """gild keeps no finder caches, so there is nothing to clear."""
