# Argument parsing of builtin functions: keywords accepted, and CPython's messages for
# the wrong ones; isinstance/issubclass with unions and ABCs; float.__getformat__.
import collections.abc as cabc

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
# isinstance/issubclass with unions (members tried in order), the ABCs of builtin types.
for src in [
    "isinstance(1, int | list[int])", "isinstance([], int | list[int])", "isinstance(1, list[int] | int)",
    "issubclass(int, int | list[int])", "issubclass(str, int | list[int])", "isinstance(1, (int, 5))",
    "isinstance(1, (5, int))", "issubclass(int, (str, 5))", "isinstance(None, type(None) | int)",
    "isinstance([], list | tuple)", "issubclass(bool, int | None)",
    "isinstance(iter([]), cabc.Iterator)", "isinstance(map(abs, []), cabc.Iterator)",
    "isinstance(zip(), cabc.Iterator)", "isinstance(enumerate([]), cabc.Iterable)",
    "isinstance(reversed([]), cabc.Iterator)", "isinstance(iter({}.items()), cabc.Iterator)",
    "isinstance(memoryview(b''), cabc.Sequence)", "isinstance({}.keys(), cabc.Set)",
    "issubclass(type({}.items()), cabc.Set)", "issubclass(bytearray, cabc.MutableSequence)",
    "float.__getformat__('double')", "float.__getformat__('float')", "float.__getformat__('x')",
    "float.__getformat__(1)", "float.__getformat__()", "(1.5).__getformat__('double')",
]:
    show(src)
