"""JSON encoding for gild's `json` package: `JSONEncoder` and the string escaping
helpers, written from the documented behaviour of Python 3.11's `json`.
"""

INFINITY = float("inf")

_SHORT_ESCAPES = {
    '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f",
}


def py_encode_basestring(s):
    """`s` as a JSON string literal, keeping non-ASCII characters."""
    out = ['"']
    for c in s:
        esc = _SHORT_ESCAPES.get(c)
        if esc is not None:
            out.append(esc)
        elif c < " ":
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def py_encode_basestring_ascii(s):
    """`s` as a JSON string literal using only ASCII (\\uXXXX escapes, surrogate pairs)."""
    out = ['"']
    for c in s:
        esc = _SHORT_ESCAPES.get(c)
        if esc is not None:
            out.append(esc)
            continue
        n = ord(c)
        if " " <= c <= "~":
            out.append(c)
        elif n < 0x10000:
            out.append(f"\\u{n:04x}")
        else:
            n -= 0x10000
            out.append(f"\\u{0xd800 | (n >> 10):04x}\\u{0xdc00 | (n & 0x3ff):04x}")
    out.append('"')
    return "".join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Turns Python data into JSON text; override `default()` for other types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return "".join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        markers = {} if self.check_circular else None
        encode_str = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        return _Emitter(self, markers, encode_str, indent).emit(o, 0)

    def _float_text(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text


class _Emitter:
    def __init__(self, encoder, markers, encode_str, indent):
        self.enc = encoder
        self.markers = markers
        self.encode_str = encode_str
        self.indent = indent

    def _enter(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[key] = o
            return key
        return None

    def _leave(self, key):
        if key is not None:
            del self.markers[key]

    def emit(self, o, level):
        if isinstance(o, str):
            yield self.encode_str(o)
        elif o is None:
            yield "null"
        elif o is True:
            yield "true"
        elif o is False:
            yield "false"
        elif isinstance(o, int):
            yield int.__repr__(o)
        elif isinstance(o, float):
            yield self.enc._float_text(o)
        elif isinstance(o, (list, tuple)):
            yield from self.emit_list(o, level)
        elif isinstance(o, dict):
            yield from self.emit_dict(o, level)
        else:
            key = self._enter(o)
            o = self.enc.default(o)
            yield from self.emit(o, level)
            self._leave(key)

    def _newline(self, level):
        if self.indent is None:
            return None
        return "\n" + self.indent * level

    def emit_list(self, lst, level):
        if not lst:
            yield "[]"
            return
        key = self._enter(lst)
        inner = self._newline(level + 1)
        sep = self.enc.item_separator + (inner or "")
        yield "[" + (inner or "")
        first = True
        for value in lst:
            if not first:
                yield sep
            first = False
            yield from self.emit(value, level + 1)
        closing = self._newline(level)
        if closing is not None:
            yield closing
        yield "]"
        self._leave(key)

    def _key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.enc._float_text(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.enc.skipkeys:
            return None
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")

    def emit_dict(self, dct, level):
        if not dct:
            yield "{}"
            return
        key_id = self._enter(dct)
        inner = self._newline(level + 1)
        sep = self.enc.item_separator + (inner or "")
        yield "{" + (inner or "")
        items = sorted(dct.items()) if self.enc.sort_keys else dct.items()
        first = True
        for key, value in items:
            text = self._key_text(key)
            if text is None:
                continue
            if not first:
                yield sep
            first = False
            yield self.encode_str(text)
            yield self.enc.key_separator
            yield from self.emit(value, level + 1)
        closing = self._newline(level)
        if closing is not None:
            yield closing
        yield "}"
        self._leave(key_id)
