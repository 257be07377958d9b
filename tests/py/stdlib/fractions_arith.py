# fractions: construction from ints/floats/strings, exact arithmetic, mixed float, hash, limit_denominator, errors
from fractions import Fraction as F
import numbers
print(F(3, 4), repr(F(6, -8)), F("3/4"), F(" -1.25e2 "), F(0.75), F("7"), F(F(1, 3)), F(1, 3) + F(1, 6), F(1, 2) * 4, F(1, 2) / F(3, 4), 1 - F(1, 3), F(1, 2) + 0.25, F(7, 2) // 2, F(7, 2) % 1, divmod(F(7, 2), F(1, 3)))
print(F(2, 3) ** 2, F(2, 3) ** -2, F(-2, 3) ** -3, F(4) ** F(1, 2), 2 ** F(2), abs(F(-1, 2)), -F(1, 2), int(F(-7, 2)), float(F(1, 3)), round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2), F(22, 7).limit_denominator(5), F("3.14159").limit_denominator(100))
print(F(1, 2) == 0.5, F(1, 2) < F(2, 3), F(1) == 1, F(1, 3) > 0.3, hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), F(1, 3).as_integer_ratio(), F(5, 10).numerator, F(5, 10).denominator)
print(isinstance(F(1), numbers.Rational), isinstance(3, numbers.Integral), isinstance(2.5, numbers.Real), isinstance(1j, numbers.Complex), sorted([F(1, 2), F(1, 3), 0.4]))
for bad in [lambda: F(1, 0), lambda: F("x"), lambda: F(1.5, 2), lambda: F(1) / 0]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
