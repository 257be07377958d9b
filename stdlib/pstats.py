"""Reports on profiler statistics (gild's own implementation of the pstats interface).

A Stats object holds, for each function key (filename, lineno, name), the tuple
(primitive calls, calls, internal time, cumulative time, callers) where callers maps
each calling function key to (calls, primitive calls, internal time, cumulative time).
"""

import os
import sys

__all__ = ["Stats", "SortKey", "func_std_string", "f8"]


class SortKey(str):
    """Names accepted by Stats.sort_stats (a str subclass so both spellings work)."""


for _name, _value in (("CALLS", "calls"), ("CUMULATIVE", "cumulative"), ("FILENAME", "filename"),
                      ("LINE", "line"), ("NAME", "name"), ("NFL", "nfl"), ("PCALLS", "pcalls"),
                      ("STDNAME", "stdname"), ("TIME", "time")):
    setattr(SortKey, _name, SortKey(_value))

# Sort name -> (fields with direction, description). Field numbers index the rows built
# in Stats.sort_stats: 0 primitive calls, 1 calls, 2 internal time, 3 cumulative time,
# 4 file, 5 line, 6 function name, 7 the printed name.
_SORTS = {
    "calls": (((1, -1),), "call count"),
    "ncalls": (((1, -1),), "call count"),
    "cumtime": (((3, -1),), "cumulative time"),
    "cumulative": (((3, -1),), "cumulative time"),
    "filename": (((4, 1),), "file name"),
    "module": (((4, 1),), "file name"),
    "line": (((5, 1),), "line number"),
    "name": (((6, 1),), "function name"),
    "nfl": (((6, 1), (4, 1), (5, 1)), "name/file/line"),
    "pcalls": (((0, -1),), "primitive call count"),
    "stdname": (((7, 1),), "standard name"),
    "time": (((2, -1),), "internal time"),
    "tottime": (((2, -1),), "internal time"),
}
_NUMERIC_SORTS = {-1: "stdname", 0: "calls", 1: "time", 2: "cumulative"}


def f8(x):
    return "%8.3f" % x


def func_std_string(func):
    """How a function key is printed: builtins as {...}, others as file:line(name)."""
    filename, line, name = func
    if filename == "~" and line == 0:
        if name.startswith("<") and name.endswith(">"):
            return "{%s}" % name[1:-1]
        return name
    return "%s:%d(%s)" % (filename, line, name)


def func_strip_path(func):
    filename, line, name = func
    return os.path.basename(filename), line, name


def _add_callers(target, source):
    merged = dict(target)
    for func, value in source.items():
        if func in merged:
            old = merged[func]
            if isinstance(value, tuple):
                merged[func] = tuple(a + b for a, b in zip(old, value))
            else:
                merged[func] = old + value
        else:
            merged[func] = value
    return merged


def _add_row(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], _add_callers(a[4], b[4]))


class Stats:
    """Statistics of one or more profiles: Stats(profile_or_file, ..., stream=None)."""

    def __init__(self, *args, stream=None):
        self.stream = stream or sys.stdout
        self.stats = {}
        self.files = []
        self.fcn_list = None
        self.sort_type = ""
        self.total_calls = 0
        self.prim_calls = 0
        self.total_tt = 0.0
        self.max_name_len = 0
        self.top_level = set()
        self.all_callees = None
        if args:
            self.add(*args)

    def _load(self, source):
        if isinstance(source, Stats):
            return dict(source.stats), list(source.files)
        if isinstance(source, str):
            with open(source) as f:
                text = f.read()
            try:
                stats = eval(text, {"__builtins__": {}})
            except Exception:
                raise TypeError("Cannot create or construct a %r object from %r" % (self.__class__, source))
            import time
            stamp = time.ctime(os.stat(source).st_mtime)
            return stats, [stamp + "    " + source]
        if hasattr(source, "create_stats"):
            source.create_stats()
            return dict(source.stats), []
        raise TypeError("Cannot create or construct a %r object from %r" % (self.__class__, source))

    def add(self, *sources):
        for source in sources:
            stats, files = self._load(source)
            self.files.extend(files)
            for func, row in stats.items():
                self.stats[func] = _add_row(self.stats[func], row) if func in self.stats else row
        self._totals()
        self.fcn_list = None
        return self

    def _totals(self):
        self.total_calls = self.prim_calls = 0
        self.total_tt = 0.0
        self.max_name_len = 0
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            self.total_calls += nc
            self.prim_calls += cc
            self.total_tt += tt
            self.max_name_len = max(self.max_name_len, len(func_std_string(func)))

    def dump_stats(self, filename):
        with open(filename, "w") as f:
            f.write(repr(self.stats))

    def get_stats_profile(self):
        raise NotImplementedError("Stats.get_stats_profile is not supported by gild")

    def strip_dirs(self):
        stripped = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            new_callers = {}
            for caller, value in callers.items():
                key = func_strip_path(caller)
                new_callers = _add_callers(new_callers, {key: value})
            key = func_strip_path(func)
            row = (cc, nc, tt, ct, new_callers)
            stripped[key] = _add_row(stripped[key], row) if key in stripped else row
        self.stats = stripped
        self._totals()
        self.fcn_list = None
        self.all_callees = None
        return self

    def sort_stats(self, *field):
        if not field:
            self.fcn_list = None
            return self
        if len(field) == 1 and isinstance(field[0], int):
            if field[0] not in _NUMERIC_SORTS:
                raise KeyError(field[0])
            field = (_NUMERIC_SORTS[field[0]],)
        keys = []
        names = []
        for f in field:
            f = str(f)
            if f not in _SORTS:
                matches = [k for k in _SORTS if k.startswith(f)]
                if len(matches) != 1:
                    raise KeyError(f)
                f = matches[0]
            fields, desc = _SORTS[f]
            keys.extend(fields)
            names.append(desc)
        self.sort_type = ", ".join(names)
        rows = []
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            rows.append(((cc, nc, tt, ct) + func + (func_std_string(func),), func))
        # Stable sorts from the last key to the first give the combined order.
        for index, direction in reversed(keys):
            rows.sort(key=lambda r: r[0][index], reverse=direction < 0)
        self.fcn_list = [func for _, func in rows]
        return self

    def reverse_order(self):
        if self.fcn_list:
            self.fcn_list.reverse()
        return self

    def _restrict(self, funcs, amount):
        msg = ""
        for sel in amount:
            before = len(funcs)
            if isinstance(sel, str):
                try:
                    import re
                    pattern = re.compile(sel)
                    funcs = [f for f in funcs if pattern.search(func_std_string(f))]
                except ImportError:
                    funcs = [f for f in funcs if sel in func_std_string(f)]
            elif isinstance(sel, float) and 0.0 <= sel < 1.0:
                funcs = funcs[:int(len(funcs) * sel + 0.5)]
            elif isinstance(sel, int) and 0 <= sel < len(funcs):
                funcs = funcs[:sel]
            if len(funcs) != before:
                msg += "   List reduced from %d to %d due to restriction <%r>\n" % (before, len(funcs), sel)
        return funcs, msg

    def _print_list(self, amount):
        if self.fcn_list:
            funcs = list(self.fcn_list)
            msg = "   Ordered by: " + self.sort_type + "\n"
        else:
            funcs = list(self.stats)
            msg = "   Random listing order was used\n"
        funcs, reduced = self._restrict(funcs, amount)
        if not funcs:
            return 0, funcs
        print(msg + reduced, file=self.stream)
        width = self.max_name_len
        if len(funcs) < len(self.stats):
            width = max(len(func_std_string(func)) for func in funcs)
        return width + 2, funcs

    def print_stats(self, *amount):
        out = self.stream
        for filename in self.files:
            print(filename, file=out)
        if self.files:
            print(file=out)
        line = "         %d function calls" % self.total_calls
        if self.total_calls != self.prim_calls:
            line += " (%d primitive calls)" % self.prim_calls
        print(line + " in %.3f seconds" % self.total_tt, file=out)
        print(file=out)
        width, funcs = self._print_list(amount)
        if funcs:
            print("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)", file=out)
            for func in funcs:
                self._print_line(func)
            print(file=out)
            print(file=out)
        return self

    def _print_line(self, func):
        cc, nc, tt, ct, callers = self.stats[func]
        calls = str(nc) if nc == cc else "%d/%d" % (nc, cc)
        cols = [calls.rjust(9), f8(tt), f8(tt / nc) if nc else " " * 8, f8(ct), f8(ct / cc) if cc else " " * 8]
        print(" ".join(cols), func_std_string(func), file=self.stream)

    def _callees(self):
        if self.all_callees is None:
            self.all_callees = {}
            for func, (cc, nc, tt, ct, callers) in self.stats.items():
                self.all_callees.setdefault(func, {})
                for caller, value in callers.items():
                    self.all_callees.setdefault(caller, {})[func] = value
        return self.all_callees

    def _call_heading(self, width, title):
        print("Function ".ljust(width) + title, file=self.stream)
        for cc, nc, tt, ct, callers in self.stats.values():
            if callers:
                if isinstance(next(iter(callers.values())), tuple):
                    print(" " * width + "    ncalls  tottime  cumtime", file=self.stream)
                break

    def _call_line(self, width, source, calls, arrow):
        head = func_std_string(source).ljust(width) + arrow
        if not calls:
            print(head + " ", file=self.stream)
            return
        first = True
        for func in sorted(calls):
            name = func_std_string(func)
            value = calls[func]
            if isinstance(value, tuple):
                nc, cc, tt, ct = value
                counts = "%d" % nc if nc == cc else "%d/%d" % (nc, cc)
                text = "%s %s %s  %s" % (counts.rjust(7 if first else 9), f8(tt), f8(ct), name)
                pad = width + 1
            else:
                text = "%s(%r) %s" % (name, value, f8(self.stats[func][3]))
                pad = width + 3
            if first:
                print(head + " " + text, file=self.stream)
            else:
                print(" " * pad + text, file=self.stream)
            first = False

    def print_callees(self, *amount):
        width, funcs = self._print_list(amount)
        if funcs:
            callees = self._callees()
            self._call_heading(width, "called...")
            for func in funcs:
                self._call_line(width, func, callees.get(func, {}), "->")
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_callers(self, *amount):
        width, funcs = self._print_list(amount)
        if funcs:
            self._call_heading(width, "was called by...")
            for func in funcs:
                self._call_line(width, func, self.stats[func][4], "<-")
            print(file=self.stream)
            print(file=self.stream)
        return self
