"""Read lines of source files, with a cache (Python 3.11's `linecache`), written for gild.
Used by `warnings` (and tracebacks printed from Python code).
"""

import sys
import os

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (1-based) of `filename`, with its newline; '' if unavailable."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drop cache entries whose file changed on disk."""
    filenames = list(cache) if filename is None else ([filename] if filename in cache else [])
    for name in filenames:
        entry = cache[name]
        if len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            stat = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(name, None)


def _read(path):
    with open(path, "rb") as f:
        data = f.read()
    for encoding in ("utf-8", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return text.splitlines(True)


def updatecache(filename, module_globals=None):
    """Read `filename` into the cache and return its lines ([] if it cannot be read)."""
    cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    fullname = filename
    try:
        stat = os.stat(fullname)
    except OSError:
        stat = None
        for dirname in sys.path:
            if not isinstance(dirname, str) or os.path.isabs(filename):
                continue
            candidate = os.path.join(dirname, filename)
            try:
                stat = os.stat(candidate)
                fullname = candidate
                break
            except (OSError, TypeError, ValueError):
                continue
        if stat is None:
            return []
    try:
        lines = _read(fullname)
    except (OSError, UnicodeDecodeError):
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = stat.st_size, stat.st_mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Remember how to load `filename` later (gild reads files directly, so: False)."""
    return False
