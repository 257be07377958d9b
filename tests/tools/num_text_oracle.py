"""CPython oracle for tests/num_text_diff.rs.

Reads one case per line on stdin: an operation name, then tab-separated tagged arguments
(`f:<ieee bits>`, `i:<decimal>`, `s:<utf-8 hex>`, `b:<bytes hex>`, `B:0|1`, `n`), and
prints one tagged result per line in the same encoding (`t:` joins a tuple's items with
`,`; an exception is `E:<type name>:<message utf-8 hex>`).
"""
import math
import struct
import sys

sys.set_int_max_str_digits(0)


def dec(a):
    tag, _, v = a.partition(":")
    if tag == "f":
        return struct.unpack("<d", int(v).to_bytes(8, "little"))[0]
    if tag == "i":
        return int(v)
    if tag == "s":
        return bytes.fromhex(v).decode("utf-8", "surrogatepass")
    if tag == "b":
        return bytes.fromhex(v)
    if tag == "B":
        return v == "1"
    if tag == "n":
        return None
    raise ValueError(a)


def enc(x):
    if isinstance(x, bool):
        return "B:" + ("1" if x else "0")
    if isinstance(x, int):
        return "i:" + str(x)
    if isinstance(x, float):
        if x != x:
            return "f:nan"
        return "f:" + str(int.from_bytes(struct.pack("<d", x), "little"))
    if isinstance(x, str):
        return "s:" + x.encode("utf-8", "surrogatepass").hex()
    if isinstance(x, (bytes, bytearray)):
        return "b:" + bytes(x).hex()
    if x is None:
        return "n"
    if isinstance(x, (tuple, list)):
        return "t:" + ",".join(enc(y) for y in x)
    raise TypeError(type(x))


def limited_int(s, base):
    sys.set_int_max_str_digits(4300)
    try:
        return int(s, base)
    finally:
        sys.set_int_max_str_digits(0)


def float_pow(a, b):
    # A complex result (or a complex overflow) only tells that CPython went complex.
    try:
        r = a ** b
    except OverflowError as e:
        if str(e) == "complex exponentiation":
            return "COMPLEX"
        raise
    return "COMPLEX" if isinstance(r, complex) else r


def template(s):
    import _string
    out = []
    try:
        for lit, name, spec, conv in _string.formatter_parser(s):
            out += [lit, name, spec, conv]
    except ValueError as e:
        out.append("ERR:" + str(e))
    return out


def field_name(s):
    import _string
    first, rest = _string.formatter_field_name_split(s)
    out = [first]
    for is_attr, key in rest:
        out += [is_attr, key]
    return out


def pct(fmt, arg):
    return fmt % arg


OPS = {
    "float_repr": repr,
    "complex_repr": lambda re, im: repr(complex(re, im)),
    "str_repr": repr,
    "str_ascii": ascii,
    "bytes_repr": repr,
    "format": format,
    "format_complex": lambda re, im, spec: format(complex(re, im), spec),
    "parse_float": float,
    "parse_complex": lambda s: (complex(s).real, complex(s).imag),
    "parse_int": limited_int,
    "int_to_base": lambda i, b: {2: bin, 8: oct, 16: hex}[b](i),
    "float_floordiv": lambda a, b: a // b,
    "float_mod": lambda a, b: a % b,
    "float_divmod": divmod,
    "float_pow": float_pow,
    "int_truediv": lambda a, b: a / b,
    "int_to_float": float,
    "round_float": round,
    "round_int": round,
    "float_hex": float.hex,
    "float_fromhex": float.fromhex,
    "as_integer_ratio": float.as_integer_ratio,
    "hash": hash,
    "hash_complex": lambda re, im: hash(complex(re, im)),
    "to_bytes": lambda i, n, big, signed: i.to_bytes(n, "big" if big else "little", signed=signed),
    "from_bytes": lambda b, big, signed: int.from_bytes(b, "big" if big else "little", signed=signed),
    "pow_mod": pow,
    "percent": pct,
    "math": lambda name, *args: (math.fsum(args) if name == "fsum_args"
                                 else getattr(math, name)(*args)),
    "math_dist": lambda *v: math.dist(v[: len(v) // 2], v[len(v) // 2 :]),
    "template": template,
    "field_name": field_name,
    "str_method": lambda name, s, *args: getattr(s, name)(*args),
    "bytes_method": lambda name, s, *args: getattr(s, name)(*args),
    "per_char": lambda name, s: "".join("1" if getattr(c, name)() else "0" for c in s),
    "per_char_map": lambda name, s: "\x00".join(getattr(c, name)() for c in s),
}


def main():
    out = []
    for line in sys.stdin:
        parts = line.rstrip("\n").split("\t")
        args = [dec(a) for a in parts[1:]]
        try:
            r = enc(OPS[parts[0]](*args))
        except Exception as e:  # the case's expected outcome
            r = "E:" + type(e).__name__ + ":" + str(e).encode("utf-8", "surrogatepass").hex()
        out.append(r)
    sys.stdout.write("\n".join(out) + "\n")


main()
