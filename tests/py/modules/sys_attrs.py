# sys attributes and functions: version_info/flags/implementation as struct sequences,
# argument errors, exc_info/exception, _getframe, getsizeof, stream methods, hooks.
import sys
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
for n in ["argv", "byteorder", "maxsize", "platform", "version_info", "hexversion", "float_info", "int_info", "hash_info", "maxunicode", "float_repr_style", "api_version", "copyright" if False else "byteorder", "dont_write_bytecode", "flags", "orig_argv" if False else "byteorder", "stdlib_module_names" if False else "byteorder", "path_hooks" if False else "byteorder"]:
    t(lambda: getattr(sys, n))
t(lambda: sys.version_info[:2])
t(lambda: sys.version_info.major)
t(lambda: sys.version_info >= (3, 11))
t(lambda: type(sys.version_info).__name__)
t(lambda: sys.flags.optimize)
t(lambda: sys.flags[0])
t(lambda: len(sys.flags))
t(lambda: type(sys.flags).__name__)
t(lambda: sys.implementation.version[:2])
t(lambda: sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str))
t(lambda: sys.getrecursionlimit())
t(lambda: sys.setrecursionlimit(0))
t(lambda: sys.setrecursionlimit(-5))
t(lambda: sys.setrecursionlimit(1.5))
t(lambda: sys.setrecursionlimit(10**30))
t(lambda: sys.intern("abc") is sys.intern("ab" + "c"))
t(lambda: sys.intern(1))
class S(str): pass
t(lambda: sys.intern(S("x")))
t(lambda: sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]), type(sys.exc_info()[2]).__name__)
    print(repr(sys.exception()))
print(sys.exception())
t(lambda: sys._getframe().f_code.co_name)
t(lambda: sys._getframe(1).f_code.co_name)
t(lambda: sys._getframe(100))
t(lambda: sys._getframe("x"))
t(lambda: sys.getsizeof(1) > 0)
t(lambda: sys.getsizeof(1, 2, 3))
class Sz:
    def __sizeof__(self): return 100
t(lambda: sys.getsizeof(Sz()))
class BadSz:
    def __sizeof__(self): return -1
t(lambda: sys.getsizeof(BadSz()))
class StrSz:
    def __sizeof__(self): return "x"
t(lambda: sys.getsizeof(StrSz()))
t(lambda: sys.getsizeof(BadSz(), 5))
t(lambda: sys.exit.__name__)
t(lambda: sys.stdout.write(5))
t(lambda: sys.stdout.write("w\n"))
t(lambda: sys.stderr.fileno())
t(lambda: sys.stdout.encoding)
t(lambda: sys.stdin.readable())
t(lambda: sys.stdout.isatty())
t(lambda: sys.getdefaultencoding())
t(lambda: sys.getfilesystemencoding())
t(lambda: sys.getrefcount([]) >= 1)
t(lambda: sys.is_finalizing())
t(lambda: sys.modules["sys"] is sys)
t(lambda: sys.path[0] == __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
t(lambda: isinstance(sys.executable, str) and len(sys.executable) > 0)
t(lambda: sys.prefix == sys.base_prefix)
t(lambda: callable(sys.displayhook) and callable(sys.excepthook))
t(lambda: sys.__stdout__ is sys.stdout)
t(lambda: sys.warnoptions)
t(lambda: sys._xoptions)
t(lambda: sys.getswitchinterval())
t(lambda: sys.setswitchinterval(0))
t(lambda: sys.platlibdir)
t(lambda: sys.getdlopenflags() if hasattr(sys, "getdlopenflags") else 2)
t(lambda: sys.float_info.max)
t(lambda: sys.float_info.epsilon)
t(lambda: sys.float_info.dig)
t(lambda: sys.int_info.bits_per_digit)
t(lambda: sys.get_int_max_str_digits())
t(lambda: sys.set_int_max_str_digits(100))
t(lambda: sys.set_int_max_str_digits(1))
