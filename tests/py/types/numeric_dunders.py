# The numeric dunder methods of int/float/complex called directly, and the builtins
# that rely on them (round, divmod, pow with a modulus, format).
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print('-- __round__')
for f in [lambda: (5).__round__(), lambda: (5).__round__(-1), lambda: (15).__round__(-1),
          lambda: (1250).__round__(-2), lambda: (-1250).__round__(-2), lambda: (5).__round__(None),
          lambda: (5).__round__(10**30), lambda: (5).__round__(1.5),
          lambda: (5).__round__(1, 2), lambda: (2.5).__round__(), lambda: (3.5).__round__(),
          lambda: (2.675).__round__(2), lambda: (1234.5678).__round__(-2), lambda: (2.5).__round__(None),
          lambda: (1.5).__round__(10**30), lambda: (2.5).__round__(1.0),
          lambda: float('inf').__round__(), lambda: float('nan').__round__(2)]:
    show(f)
print('-- round()')
for f in [lambda: round(2.5), lambda: round(number=2.5), lambda: round(2.567, ndigits=1),
          lambda: round(1.5, 10**20), lambda: round(10**30 + 5, -1), lambda: round(True),
          lambda: round('a'), lambda: round('a', 1.5), lambda: round(1, 1.5), lambda: round(x=1),
          lambda: round(), lambda: round(1, 2, 3)]:
    show(f)

class R:
    def __round__(self, n=None):
        return ('rounded', n)

show(lambda: round(R()))
show(lambda: round(R(), 3))
print('-- floor/ceil/trunc')
for x in [2.5, -2.5, 1e20, -0.0]:
    print(x.__floor__(), x.__ceil__(), x.__trunc__())
show(lambda: float('inf').__floor__())
show(lambda: float('nan').__trunc__())
show(lambda: (2.5).__floor__(1))
print((7).__floor__(), (7).__ceil__(), (-7).__trunc__())
print('-- divmod')
for a, b in [(7, 2), (-7, 2), (7, -2), (7.5, 2), (-7.5, 2), (10**30, 7), (-0.0, 1), (True, 2), (7, 0.5)]:
    print(a, b, divmod(a, b), type(a).__divmod__(a, b), type(b).__rdivmod__(b, a))
for f in [lambda: divmod(7, 0), lambda: divmod(7.0, 0), lambda: divmod(7, 0.0), lambda: divmod(1 + 2j, 1),
          lambda: divmod('a', 1), lambda: (2).__divmod__('a'), lambda: (2.0).__divmod__(0)]:
    show(f)
print('-- pow')
for f in [lambda: pow(2, 10, 1000), lambda: pow(3, -1, 7), lambda: pow(2, -1, 4), lambda: pow(2, 10, 0),
          lambda: pow(2.0, 10, 3), lambda: pow(2, 3, 1.5), lambda: pow(1j, 2, 3), lambda: pow('a', 2, 3),
          lambda: pow(2, 3, None), lambda: pow(base=2, exp=3), lambda: pow(2, exp=3, mod=5),
          lambda: pow(2, 3, modulo=5), lambda: pow(base=2), lambda: pow(), lambda: pow(1, 2, 3, 4),
          lambda: pow(10**20, 10**20, 13), lambda: pow(-8, 1/3), lambda: pow(-2, 0.5), lambda: (-1) ** 0.5,
          lambda: (-8.0) ** 0.5, lambda: (-2) ** -1, lambda: 2 ** -2, lambda: 0 ** -1, lambda: 0.0 ** -1,
          lambda: (2).__pow__(3, 5), lambda: (2).__rpow__(3, 5), lambda: (2.0).__pow__(2, 3),
          lambda: (1j).__pow__(2, 3), lambda: (2).__pow__(), lambda: (2).__pow__(1, 2, 3),
          lambda: (2).__pow__(3, None), lambda: (2).__pow__('a', 5)]:
    show(f)

class P:
    def __pow__(self, other, mod=None):
        return ('pow', other, mod)
    def __rpow__(self, other, mod=None):
        return ('rpow', other, mod)

show(lambda: pow(P(), 2, 3))
show(lambda: pow(2, P()))
show(lambda: pow(2, P(), 3))
print('-- modulo by zero')
for f in [lambda: 7 % 0, lambda: 7 // 0, lambda: 10**30 % 0, lambda: 10**30 // 0, lambda: 7.0 % 0, lambda: 7.0 // 0]:
    show(f)
print('-- __format__')
for f in [lambda: (5).__format__('x'), lambda: (5).__format__(''), lambda: True.__format__(''),
          lambda: True.__format__('d'), lambda: (1.5).__format__('.3f'), lambda: 'ab'.__format__('>4'),
          lambda: int.__format__(5, 1), lambda: (5).__format__('q'), lambda: 'a'.__format__('x'),
          lambda: (1.5).__format__('x'), lambda: (5).__format__()]:
    show(f)

class MyInt(int):
    pass

print(format(MyInt(255), '#x'), MyInt(7).__round__(-1), divmod(MyInt(7), 2))
