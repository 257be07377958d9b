# complex(): numbers, strings, keywords, __complex__, signed zeros, and its errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: complex())
show(lambda: complex(1, 2))
show(lambda: complex(-0.0, -0.0))
show(lambda: complex(1, -0.0))
show(lambda: complex(0, 1))
show(lambda: complex(1, float('nan')))
show(lambda: complex(float('inf'), -0.0))
show(lambda: complex(real=1, imag=2))
show(lambda: complex(imag=3))
show(lambda: complex(1j, 1j))
show(lambda: complex(1 + 2j, 3))
show(lambda: complex(2, 1 + 1j))
show(lambda: complex(True, False))
show(lambda: complex(10**20))
for s in ['1+2j', '(1+2j)', ' ( 1+2j ) ', '1 + 2j', 'j', '-j', '+1.5e3j', '1e3', 'nanj', '-infj',
          '1_0+2_0j', '1+', '', '()', 'jj', '1+2', '1__0j']:
    show(lambda: complex(s))
show(lambda: complex('1', 2))
show(lambda: complex('1', imag=1))
show(lambda: complex(1, '1'))
show(lambda: complex(None))
show(lambda: complex([]))
show(lambda: complex(1, []))
show(lambda: complex(x=1))
show(lambda: complex(1, 2, 3))

class C:
    def __complex__(self):
        return 3 + 4j

class Bad:
    def __complex__(self):
        return 1

class F:
    def __float__(self):
        return 2.5

class I:
    def __index__(self):
        return 7

show(lambda: complex(C()))
show(lambda: complex(C(), 1))
show(lambda: complex(Bad()))
show(lambda: complex(F(), I()))

class MyComplex(complex):
    pass

m = MyComplex(1, 2)
print(type(m).__name__, m, m.real, m.imag)
z = 1 + 2j
print(complex(z) is z, complex(m) is m, type(complex(m)).__name__)
show(lambda: complex.__new__(int))
print(z.conjugate(), z.__complex__(), z.__getnewargs__(), (1j).conjugate())
show(lambda: complex.conjugate(1))
print(hash(complex(1, 0)) == hash(1), hash(complex(0, 1)), hash(complex(2, -3)))
print(format(complex(1, 2), '.2f'), (1.5 + 2j).__format__('>12'), complex(1, 2).__format__(''))
show(lambda: (1j).__format__('d'))
# Every builtin type's __new__ checks its class argument.
show(lambda: int.__new__(str))
show(lambda: float.__new__(int))
show(lambda: str.__new__(int))
show(lambda: list.__new__(dict))
show(lambda: set.__new__(frozenset))
show(lambda: frozenset.__new__(set))
show(lambda: bytes.__new__(bytearray))
show(lambda: complex.__new__(MyComplex, 5).imag)
