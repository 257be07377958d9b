"""String constants, `Template` ($-substitution) and `Formatter` (the `str.format`
machinery as overridable methods) — Python 3.11's `string`, written for gild.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace",
           "Formatter", "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split `s` on `sep`, capitalize each word, and join with `sep` (or one space)."""
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


_IDENT_START = set("_" + ascii_letters)
_IDENT_REST = _IDENT_START | set(digits)


class _TemplateMeta(type):
    pass


class Template(metaclass=_TemplateMeta):
    """A string with `$name` / `${name}` placeholders; `$$` is a literal `$`.

    Subclasses may change `delimiter`. (gild scans the template by hand; a custom
    `pattern` or `idpattern` attribute is not supported without the `re` module.)"""

    delimiter = "$"
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield ('text', s) and ('named'|'braced'|'escaped'|'invalid', name, start)."""
        t = self.template
        delim = self.delimiter
        n = len(t)
        i = 0
        text_start = 0
        while True:
            j = t.find(delim, i)
            if j < 0:
                break
            k = j + len(delim)
            if t.startswith(delim, k):
                yield ("text", t[text_start:j])
                yield ("escaped", delim, j)
                i = text_start = k + len(delim)
                continue
            if k < n and t[k] == "{":
                end = k + 1
                if end < n and t[end] in _IDENT_START and t[end].isascii():
                    end += 1
                    while end < n and t[end] in _IDENT_REST:
                        end += 1
                    if end < n and t[end] == "}":
                        yield ("text", t[text_start:j])
                        yield ("braced", t[k + 1:end], j)
                        i = text_start = end + 1
                        continue
                yield ("text", t[text_start:j])
                yield ("invalid", None, j)
                i = text_start = k
                continue
            if k < n and t[k] in _IDENT_START:
                end = k + 1
                while end < n and t[end] in _IDENT_REST:
                    end += 1
                yield ("text", t[text_start:j])
                yield ("named", t[k:end], j)
                i = text_start = end
                continue
            yield ("text", t[text_start:j])
            yield ("invalid", None, j)
            i = text_start = k
        yield ("text", t[text_start:])

    def _invalid(self, index):
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = index - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def _render(self, mapping, kws, safe):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        out = []
        for part in self._scan():
            kind = part[0]
            if kind == "text":
                out.append(part[1])
            elif kind == "escaped":
                out.append(self.delimiter)
            elif kind == "invalid":
                if not safe:
                    self._invalid(part[2] + len(self.delimiter))
                out.append(self.delimiter)
            elif not safe:
                out.append(str(mapping[part[1]]))
            else:
                name = part[1]
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    if kind == "braced":
                        out.append(f"{self.delimiter}{{{name}}}")
                    else:
                        out.append(self.delimiter + name)
        return "".join(out)

    def substitute(self, mapping=None, /, **kws):
        """Replace every placeholder; a missing name raises KeyError."""
        return self._render(mapping, kws, False)

    def safe_substitute(self, mapping=None, /, **kws):
        """Like substitute, but leaves unknown or malformed placeholders as they are."""
        return self._render(mapping, kws, True)

    def is_valid(self):
        return all(part[0] != "invalid" for part in self._scan())

    def get_identifiers(self):
        ids = []
        for part in self._scan():
            if part[0] in ("named", "braced") and part[1] not in ids:
                ids.append(part[1])
        return ids


class _ChainLookup:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


def _parse_format(format_string):
    """Split a format string into (literal, field_name, format_spec, conversion) tuples,
    like `str.format` reads it."""
    s = format_string
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == "{":
            if i + 1 < n and s[i + 1] == "{":
                literal.append("{")
                yield ("".join(literal), None, None, None)
                literal = []
                i += 2
                continue
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            # A replacement field: find the matching '}' (nested braces in the spec).
            depth = 1
            j = i + 1
            while j < n and depth:
                if s[j] == "{":
                    depth += 1
                elif s[j] == "}":
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j - 1]
            name, conversion, spec = field, None, ""
            # The name ends at the first '!' or ':' outside brackets.
            k = 0
            in_bracket = False
            while k < len(field):
                ch = field[k]
                if ch == "[":
                    in_bracket = True
                elif ch == "]":
                    in_bracket = False
                elif not in_bracket and ch in "!:":
                    break
                k += 1
            name = field[:k]
            rest = field[k:]
            if rest.startswith("!"):
                if len(rest) < 2:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(":"):
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(":"):
                spec = rest[1:]
            yield ("".join(literal), name, spec, conversion)
            literal = []
            i = j
        elif c == "}":
            if i + 1 < n and s[i + 1] == "}":
                literal.append("}")
                yield ("".join(literal), None, None, None)
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield ("".join(literal), None, None, None)


def _split_field_name(name):
    """`a.b[0]` -> ('a', [(True, 'b'), (False, 0)])."""
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif name[i] == "[":
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """The `str.format` algorithm, split into methods a subclass can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError("cannot switch from automatic field numbering to manual field specification")
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1, auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion}")

    def parse(self, format_string):
        return list(_parse_format(format_string))

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
