# Argument handling of int/float methods and of list/tuple index and str.maketrans (in
# CPython's order and words) (to_bytes/from_bytes keywords, qualified names
# in "takes no arguments"), bool's numeric attributes, int() base range.
def show(src):
    try:
        print(src, '->', repr(eval(src)))
    except Exception as e:
        print(src, '!!', type(e).__name__ + ":", e)

for src in [
    "(1).bit_length(1)", "(1).bit_count(x=1)", "(1).as_integer_ratio(2)", "(1.5).hex(1)",
    "(1.5).is_integer(1)", "(1.5).as_integer_ratio(1)", "(1.5).conjugate(1)",
    "(1).to_bytes(2, 'big', True)", "(1).to_bytes(2, byteorder='big', signed=1)",
    "(1).to_bytes(length=2, byteorder='little')", "(1).to_bytes(2, 'big', length=2)",
    "(1).to_bytes(foo=1)", "(1).to_bytes(2, 5)", "(-129).to_bytes(1, 'big', signed=True)",
    "int.from_bytes(b'\\x80', signed=True)", "int.from_bytes(bytes=b'\\x01')",
    "int.from_bytes(b'\\x01', 'big', True)", "int.from_bytes(5)", "int.from_bytes('ab')",
    "int.from_bytes(iter([1, 2]))", "int.from_bytes([256])", "int.from_bytes()",
    "int.from_bytes(b'\\x01\\x00', byteorder='little')", "int.from_bytes(b'', 'middle')",
    "float.fromhex(1)", "float.fromhex('0x1.8p1')",
    "True.real", "True.imag", "False.numerator", "True.denominator",
    "int('10', 2**70)", "int('10', -2**70)", "int('10', 37)", "int('10', 0)", "int('10', True)",
]:
    show(src)
for src in [  # list/tuple index, str.maketrans
    "[1].index(1, 'a')", "[1].index(1, None)", "[1].index(1, 0, 'b')", "[1, 2, 1].index(1, -1)",
    "(1,).index(1, 'a')", "(1, 2, 1).index(1, 1)", "[1].index(1, 0, 10**30)", "[1].index(1, -10**30)",
    "str.maketrans(1, 'a')", "str.maketrans('a', 1)", "str.maketrans(1, 2, 3)", "str.maketrans('a', 'b', 1)",
    "str.maketrans(1, 'a', 'b')", "str.maketrans('ab', 'cd', 'e')", "str.maketrans('a', 'bc')",
]:
    show(src)
