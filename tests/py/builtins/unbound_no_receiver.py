# An unbound builtin method called with no arguments at all has no receiver: a TypeError
# (before, some of gild's native methods indexed a missing receiver and crashed).
import sys

cases = [
    "BaseException.__init__()", "OSError.__init__()",
    "KeyError.__str__()", "SyntaxError.__init__()",
    "StopIteration.__init__()", "ImportError.__init__()",
    "AttributeError.__init__()", "NameError.__init__()", "memoryview.__enter__()",
    "memoryview.__exit__()", "memoryview.release()", "memoryview.tobytes()",
    "int.__round__()", "float.__round__()", "complex.__complex__()", "int.__format__()",
    "float.__divmod__()", "type(sys.stdout).fileno()", "type(sys.stdout).isatty()",
    "list.append()", "str.upper()", "dict.keys()", "int.__add__()", "object.__repr__()",
    "BaseException.with_traceback()", "int.bit_length()", "float.hex()",
]
for c in cases:
    try:
        eval(c)
        print(c, "ok")
    except TypeError as e:
        print(c, "TypeError:", e)

# A native property's accessors called with the wrong number of arguments are refused
# (CPython's getset descriptors have no `fget` at all).
for call in (lambda d: d.fget(), lambda d: d.fset(BlockingIOError()), lambda d: d.fdel()):
    try:
        call(OSError.characters_written)
        print("accessor ok")
    except (TypeError, AttributeError):
        print("accessor refused")
e = BlockingIOError(1, "x", 3)
e.characters_written = 5
print(e.characters_written)
