import sys
print(sys.flags)
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags[4], len(sys.flags), sys.flags.hash_randomization, sys.flags.dont_write_bytecode)
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit)
print(sys.maxunicode, sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.platlibdir, sys.float_repr_style)
print(isinstance(sys.prefix, str), sys.prefix == sys.base_prefix == sys.exec_prefix, isinstance(sys.orig_argv, list), len(sys.orig_argv) >= 2, sys.orig_argv[-1] == sys.argv[-1])
print(sys.getswitchinterval(), sys.setswitchinterval(0.01), sys.getswitchinterval(), sys.setswitchinterval(1), sys.getswitchinterval())
print(sys.get_int_max_str_digits(), sys.set_int_max_str_digits(1000), sys.get_int_max_str_digits(), sys.set_int_max_str_digits(maxdigits=0), sys.get_int_max_str_digits())
print([sys.getsizeof(x) for x in [0, 1, 2**30, 2**100, -5, True, False, 1.5, '', 'a', 'ab', 'é', '€', '😀', b'', b'ab', [], [1, 2], [0] * 4, (), (1,), {}, {1: 2}, {'a': 1}, {i: i for i in range(6)}, {i: i for i in range(11)}, set(), set(range(5)), set(range(19)), None, object(), 1j, range(3)]])
class A:
    pass
class S:
    def __sizeof__(self):
        return 100
print(sys.getsizeof(A()), sys.getsizeof(A), sys.getsizeof(lambda: 0), sys.getsizeof(S()), sys.getsizeof(int))
x = object()
base = sys.getrefcount(x)
y = [x, x]
print(sys.getrefcount(x) - base, isinstance(sys.getrefcount(None), int))
for bad in [lambda: sys.setswitchinterval(0), lambda: sys.setswitchinterval(-1.0), lambda: sys.setswitchinterval("a"), lambda: sys.set_int_max_str_digits(5), lambda: sys.getsizeof(), lambda: sys.getsizeof(1, 2, 3), lambda: sys.getrefcount()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(1, "dflt"), sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.__stdin__ is sys.stdin, sys.stdin.fileno(), sys.stdin.readable())
