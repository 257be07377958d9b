# Argument parsing of builtin functions: keywords accepted, and CPython's messages for
# the wrong ones.
S, F, L, B, BA, T = 'abc', 1.5, [1], b'a', bytearray(b'a'), (1,)


def show(src):
    try:
        print(src, '->', repr(eval(src)))
    except Exception as e:
        print(src, '!!', type(e).__name__ + ":", e)

for src in [
    "sum([1], start=2)", "sum(iterable=[1])", "sum()", "sum([1], 2, 3)",
    "sorted([1], cmp=None)", "sorted([2, 1], key=None, reverse=True)",
    "min([1], foo=1)", "min(a=1)", "max()", "min(1, 2, key=None)", "max(1, 2, default=0)",
    "int(x='1')", "int('11', base=2)", "int(base=2)", "str(foo=1)", "property(foo=1)",
    "print(foo=1)", "enumerate([], foo=1)", "enumerate()", "enumerate(1, 2, 3)",
    "list(enumerate(iterable='ab', start=1))", "zip([], foo=1)", "zip(1)", "zip([1], 2)",
    "reversed()", "reversed([], 1)", "reversed(x=[])", "exec()", "exec('1', foo=1)",
    "exec('x = 1', globals={})", "compile()", "compile(foo=1)",
    "compile('1', 'f', 'eval', flags=0).co_filename",
    "getattr(1, 5)", "getattr(1, 5, 2)", "setattr(1, 5, 1)", "hasattr(1, 5)", "delattr(1, 5)",
    "ord(bytearray(b'a'))", "ord(bytearray(b'ab'))", "ord(b'')", "ord(1)",
    "int(bytearray(b' 12 '))", "int(bytearray(b'ff'), 16)", "int(bytearray(b'x'))",
    "S[F]", "S['a']", "L[F]", "B[F]", "BA[F]", "T[S]",
    "hash('')", "hash(b'')", "hash('') == hash(b'')", "hash('a') == hash('a')",
]:
    show(src)
# A classmethod of a builtin type bound to its class, and what eval() puts in new globals.
print(repr(dict.fromkeys).split(' at ')[0], repr(int.from_bytes).split(' at ')[0], repr(float.fromhex).split(' at ')[0])
g = {}
eval('1', g)
print(type(g['__builtins__']).__name__, g['__builtins__'] is __builtins__.__dict__)
