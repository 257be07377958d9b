"""JSON decoding for gild's `json` package: `JSONDecoder` and `JSONDecodeError`, a
hand-written scanner following the JSON grammar and CPython 3.11's error messages.
"""

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")


class JSONDecodeError(ValueError):
    """Raised for malformed JSON; `msg`, `doc`, `pos`, `lineno` and `colno` say where."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = f"{msg}: line {lineno} column {colno} (char {pos})"
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WS = " \t\n\r"
_DIGITS = "0123456789"


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and all(c in "0123456789abcdefABCDEF" for c in esc) and esc[1] not in "xX":
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def scanstring(s, end, strict=True):
    """Decode the JSON string whose opening quote is at `end - 1`; returns (text, end)."""
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        i = end
        while i < n and s[i] != '"' and s[i] != "\\":
            if strict and s[i] < " ":
                raise JSONDecodeError("Invalid control character at", s, i)
            i += 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        chunks.append(s[end:i])
        if s[i] == '"':
            return "".join(chunks), i + 1
        # A backslash escape.
        if i + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[i + 1]
        if esc != "u":
            try:
                chunks.append(_ESCAPES[esc])
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, i) from None
            end = i + 2
            continue
        uni = _hex4(s, i + 1)
        end = i + 6
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == "\\u":
            uni2 = _hex4(s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni) if not 0xd800 <= uni <= 0xdfff else "\ufffd")


py_scanstring = scanstring


class _Scanner:
    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        self.memo = {}

    def value(self, s, idx):
        n = len(s)
        if idx >= n:
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == "{":
            return self.object(s, idx + 1)
        if c == "[":
            return self.array(s, idx + 1)
        if c == "n" and s.startswith("null", idx):
            return None, idx + 4
        if c == "t" and s.startswith("true", idx):
            return True, idx + 4
        if c == "f" and s.startswith("false", idx):
            return False, idx + 5
        number = self.number(s, idx)
        if number is not None:
            return number
        if c == "N" and s.startswith("NaN", idx):
            return self.parse_constant("NaN"), idx + 3
        if c == "I" and s.startswith("Infinity", idx):
            return self.parse_constant("Infinity"), idx + 8
        if c == "-" and s.startswith("-Infinity", idx):
            return self.parse_constant("-Infinity"), idx + 9
        raise StopIteration(idx)

    def number(self, s, idx):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
        n = len(s)
        i = idx
        if i < n and s[i] == "-":
            i += 1
        if i < n and s[i] == "0":
            i += 1
        elif i < n and s[i] in "123456789":
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            return None
        int_end = i
        frac = exp = False
        if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
            frac = True
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and s[j] in _DIGITS:
                j += 1
                while j < n and s[j] in _DIGITS:
                    j += 1
                i = j
                exp = True
        if frac or exp:
            return self.parse_float(s[idx:i]), i
        return self.parse_int(s[idx:int_end]), int_end

    def object(self, s, end):
        pairs = []
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == "}":
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                result = {}
                if self.object_hook is not None:
                    result = self.object_hook(result)
                return result, end + 1
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = scanstring(s, end, self.strict)
            key = self.memo.setdefault(key, key)
            end = _skip_ws(s, end)
            if s[end:end + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1)
            try:
                value, end = self.value(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            pairs.append((key, value))
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "}":
                break
            if nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, end

    def array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        if s[end:end + 1] == "]":
            return values, end + 1
        while True:
            try:
                value, end = self.value(s, end)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            values.append(value)
            end = _skip_ws(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == "]":
                break
            if nextchar != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


class JSONDecoder:
    """Turns JSON text into Python data (objects become dicts, arrays lists, ...)."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Scanner(self).value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
