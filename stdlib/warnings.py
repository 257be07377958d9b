"""Warning control (Python 3.11's `warnings`), written for gild: `warn`, the filter
list, `simplefilter`/`filterwarnings`, `catch_warnings`, and CPython's default filters
and message format (`file:line: Category: message` followed by the source line).

Filter patterns are matched by a small regular-expression matcher (gild has no `re`
module yet): literals, `.`, `[...]`, `*`, `+`, `?`, `^`, `$`, `\\Z` and escapes.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]


class _Pattern:
    """A compiled filter pattern answering `match(text)` like `re.match`."""

    def __init__(self, pattern, ignore_case=False):
        self.pattern = pattern
        self.ignore_case = ignore_case
        self._items = self._parse(pattern)

    def __repr__(self):
        flags = ", re.IGNORECASE" if self.ignore_case else ""
        return f"re.compile({self.pattern!r}{flags})"

    def __eq__(self, other):
        return isinstance(other, _Pattern) and (self.pattern, self.ignore_case) == (other.pattern, other.ignore_case)

    def __hash__(self):
        return hash((self.pattern, self.ignore_case))

    @staticmethod
    def _parse(p):
        items = []
        i = 0
        while i < len(p):
            c = p[i]
            if c == "\\" and i + 1 < len(p):
                nxt = p[i + 1]
                if nxt == "Z":
                    items.append(("end", None))
                elif nxt == "d":
                    items.append(("set", (False, [("0", "9")])))
                elif nxt == "s":
                    items.append(("set", (False, [(" ", " "), ("\t", "\r")])))
                elif nxt == "w":
                    items.append(("word", None))
                else:
                    items.append(("lit", nxt))
                i += 2
            elif c == ".":
                items.append(("any", None))
                i += 1
            elif c == "^" and i == 0:
                i += 1
            elif c == "$":
                items.append(("end", "$"))
                i += 1
            elif c == "[":
                j = i + 1
                negate = j < len(p) and p[j] == "^"
                if negate:
                    j += 1
                ranges = []
                first = True
                while j < len(p) and (p[j] != "]" or first):
                    first = False
                    ch = p[j]
                    if ch == "\\" and j + 1 < len(p):
                        j += 1
                        ch = p[j]
                    if j + 2 < len(p) and p[j + 1] == "-" and p[j + 2] != "]":
                        ranges.append((ch, p[j + 2]))
                        j += 3
                    else:
                        ranges.append((ch, ch))
                        j += 1
                items.append(("set", (negate, ranges)))
                i = j + 1
            elif c in "*+?" and items:
                kind, arg = items.pop()
                low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
                items.append(("rep", (kind, arg, low, high)))
                i += 1
            else:
                items.append(("lit", c))
                i += 1
        return items

    def _one(self, kind, arg, ch):
        if kind == "any":
            return ch != "\n"
        if kind == "lit":
            if self.ignore_case:
                return ch.lower() == arg.lower()
            return ch == arg
        if kind == "word":
            return ch.isalnum() or ch == "_"
        if kind == "set":
            negate, ranges = arg
            test = [ch, ch.lower(), ch.upper()] if self.ignore_case else [ch]
            hit = any(lo <= t <= hi for t in test for lo, hi in ranges)
            return hit != negate
        return False

    def _match_at(self, k, text, i):
        items = self._items
        if k == len(items):
            return True
        kind, arg = items[k]
        if kind == "end":
            if arg == "$":
                return (i == len(text) or (i == len(text) - 1 and text[i] == "\n")) and self._match_at(k + 1, text, i)
            return i == len(text) and self._match_at(k + 1, text, i)
        if kind == "rep":
            inner_kind, inner_arg, low, high = arg
            count = 0
            j = i
            positions = [i]
            while j < len(text) and (high is None or count < high) and self._one(inner_kind, inner_arg, text[j]):
                j += 1
                count += 1
                positions.append(j)
            for n in range(len(positions) - 1, low - 1, -1):
                if self._match_at(k + 1, text, positions[n]):
                    return True
            return False
        if i < len(text) and self._one(kind, arg, text[i]):
            return self._match_at(k + 1, text, i + 1)
        return False

    def match(self, text):
        return self._match_at(0, text, 0)


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to `file` (default sys.stderr)."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """The text of a warning as printed: `file:line: Category: message` + source line."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        try:
            import linecache
            line = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    else:
        line = msg.line
    if line:
        s += f"  {line.strip()}\n"
    return s


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    """Route through a user-replaced `showwarning`, else print."""
    sw = showwarning
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    if formatwarning is not _formatwarning_orig:
        return formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Add a filter: `action` for warnings whose text matches `message` (a regular
    expression, case-insensitive), of class `category`, from modules matching `module`."""
    assert action in ("error", "ignore", "always", "default", "module", "once"), f"invalid action: {action!r}"
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    message = _Pattern(message, True) if message else None
    module = _Pattern(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Add a filter matching every message and module."""
    assert action in ("error", "ignore", "always", "default", "module", "once"), f"invalid action: {action!r}"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Remove every filter."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    pass


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    parts = arg.split(":")
    if len(parts) > 5:
        raise _OptionError(f"too many fields (max 5): {arg!r}")
    while len(parts) < 5:
        parts.append("")
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError(f"invalid lineno {lineno!r}") from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"
    for a in ("default", "always", "ignore", "module", "once", "error"):
        if a.startswith(action):
            return a
    raise _OptionError(f"invalid action: {action!r}")


def _getcategory(category):
    if not category:
        return Warning
    if "." not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition(".")
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError(f"invalid module name: {module!r}") from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError(f"unknown warning category: {category!r}") from None
    if not issubclass(cat, Warning):
        raise _OptionError(f"invalid warning category: {category!r}")
    return cat


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception (per the filters)."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    try:
        frame = sys._getframe(stacklevel)
    except ValueError:
        globals_ = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals_ = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals_.get("__name__", "<string>") if "__name__" in globals_ else "<string>"
    registry = globals_.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry, globals_, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issue a warning attributed to `filename:lineno`."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return
    for item in filters:
        action, msg, cat, mod, ln = item
        if ((msg is None or msg.match(text)) and issubclass(category, cat)
                and (mod is None or (mod == module if isinstance(mod, str) else mod.match(module)))
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError(f"Unrecognized action ({action!r}) in warnings.filters:\n {item}")
    msg = WarningMessage(message, category, filename, lineno, source=source)
    _showwarnmsg(msg)


class WarningMessage:
    """One recorded warning (what `catch_warnings(record=True)` collects)."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self._category_name!r}, "
                f"filename : {self.filename!r}, lineno : {self.lineno}, "
                f"line : {self.line!r}}}")


class catch_warnings:
    """Save the warning filters and `showwarning` on entry and restore them on exit;
    with `record=True`, `as` binds a list collecting the warnings instead of printing."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules["warnings"]:
            args.append(f"module={self._module!r}")
        return f"{type(self).__name__}({', '.join(args)})"

    def __enter__(self):
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


defaultaction = "default"
onceregistry = {}

# CPython 3.11's default filters (release build).
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]

_warnoptions = getattr(sys, "warnoptions", [])
if _warnoptions:
    _processoptions(_warnoptions)
del _warnoptions
