# isinstance/issubclass with unions (members tried in order), tuples and the ABCs of the
# builtin types; float.__getformat__.
import collections.abc as cabc


def show(src):
    try:
        print(src, '->', repr(eval(src)))
    except Exception as e:
        print(src, '!!', type(e).__name__ + ":", e)


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
