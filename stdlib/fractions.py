"""Rational numbers (Python 3.11's `fractions.Fraction`), written for gild from the
documented behaviour: exact arithmetic with ints, mixed arithmetic with float and
complex, CPython's hash (so `hash(Fraction(1, 2)) == hash(0.5)`), `limit_denominator`.
"""

import math
import numbers
import operator
import sys

__all__ = ["Fraction"]

_PyHASH_MODULUS = sys.hash_info.modulus if hasattr(sys, "hash_info") else (1 << 61) - 1
_PyHASH_INF = sys.hash_info.inf if hasattr(sys, "hash_info") else 314159


def _parse(text):
    """(numerator, denominator) from '3/4', '-1.25e2', ' 7 ' (None when malformed)."""
    s = text.strip().replace("_", "") if "__" not in text else None
    if not s:
        return None
    sign = 1
    if s[0] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if "/" in s:
        num, _, den = s.partition("/")
        if not (num.isdigit() and den.strip().isdigit()) or den != den.strip():
            return None
        return sign * int(num), int(den)
    mantissa, exp = s, 0
    for marker in "eE":
        if marker in s:
            mantissa, _, exp_text = s.partition(marker)
            body = exp_text[1:] if exp_text[:1] in "+-" else exp_text
            if not body.isdigit():
                return None
            exp = int(exp_text)
            break
    whole, dot, frac = mantissa.partition(".")
    if not (whole or frac) or (whole and not whole.isdigit()) or (frac and not frac.isdigit()):
        return None
    numerator = int(whole or "0") * 10 ** len(frac) + int(frac or "0")
    denominator = 10 ** len(frac)
    if exp >= 0:
        numerator *= 10 ** exp
    else:
        denominator *= 10 ** -exp
    return sign * numerator, denominator


class Fraction(numbers.Rational if hasattr(numbers, "Rational") else object):
    """An exact rational number `numerator/denominator` (denominator > 0, reduced)."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, (float,)) or type(numerator).__name__ == "Decimal":
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError(f"Invalid literal for Fraction: {numerator!r}")
                numerator, denominator = parsed
            elif isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            elif hasattr(numerator, "numerator") and hasattr(numerator, "denominator"):
                numerator, denominator = numerator.numerator, numerator.denominator
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            numerator, denominator = (
                Fraction(numerator)._numerator * Fraction(denominator)._denominator,
                Fraction(denominator)._numerator * Fraction(numerator)._denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError(f"Fraction({numerator}, 0)")
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(f"{cls.__name__}.from_float() only takes floats, not {f!r} ({type(f).__name__})")
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most `max_denominator`."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return f"{self.__class__.__name__}({self._numerator}, {self._denominator})"

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return f"{self._numerator}/{self._denominator}"

    # Arithmetic: exact with ints and Fractions, float/complex otherwise.
    def _operands(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def _binary(self, other, exact, inexact, reflected=False):
        b = self._operands(other)
        if b is not None:
            return exact(b, self) if reflected else exact(self, b)
        if isinstance(other, (float, complex)):
            a = float(self) if isinstance(other, float) else complex(float(self))
            return inexact(other, a) if reflected else inexact(a, other)
        return NotImplemented

    @staticmethod
    def _add(a, b):
        return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                        a._denominator * b._denominator)

    @staticmethod
    def _sub(a, b):
        return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                        a._denominator * b._denominator)

    @staticmethod
    def _mul(a, b):
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    @staticmethod
    def _div(a, b):
        if b._numerator == 0:
            raise ZeroDivisionError(f"Fraction({a._numerator * b._denominator}, 0)")
        return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)

    @staticmethod
    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    @staticmethod
    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    @staticmethod
    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    def __add__(a, b):
        return a._binary(b, Fraction._add, operator.add)

    def __radd__(a, b):
        return a._binary(b, Fraction._add, operator.add, True)

    def __sub__(a, b):
        return a._binary(b, Fraction._sub, operator.sub)

    def __rsub__(a, b):
        return a._binary(b, Fraction._sub, operator.sub, True)

    def __mul__(a, b):
        return a._binary(b, Fraction._mul, operator.mul)

    def __rmul__(a, b):
        return a._binary(b, Fraction._mul, operator.mul, True)

    def __truediv__(a, b):
        return a._binary(b, Fraction._div, operator.truediv)

    def __rtruediv__(a, b):
        return a._binary(b, Fraction._div, operator.truediv, True)

    def __floordiv__(a, b):
        return a._binary(b, Fraction._floordiv, operator.floordiv)

    def __rfloordiv__(a, b):
        return a._binary(b, Fraction._floordiv, operator.floordiv, True)

    def __divmod__(a, b):
        return a._binary(b, Fraction._divmod, divmod)

    def __rdivmod__(a, b):
        return a._binary(b, Fraction._divmod, divmod, True)

    def __mod__(a, b):
        return a._binary(b, Fraction._mod, operator.mod)

    def __rmod__(a, b):
        return a._binary(b, Fraction._mod, operator.mod, True)

    def __pow__(a, b):
        if isinstance(b, Fraction) and b._denominator == 1:
            b = b._numerator
        if isinstance(b, int):
            if b >= 0:
                return Fraction(a._numerator ** b, a._denominator ** b, _normalize=False)
            if a._numerator == 0:
                raise ZeroDivisionError(f"Fraction({a._denominator ** -b}, 0)")
            if a._numerator > 0:
                return Fraction(a._denominator ** -b, a._numerator ** -b, _normalize=False)
            return Fraction((-a._denominator) ** -b, (-a._numerator) ** -b, _normalize=False)
        if isinstance(b, (float, complex, Fraction)):
            return float(a) ** (float(b) if isinstance(b, Fraction) else b)
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, (int, Fraction)):
            return Fraction(a) ** b if isinstance(a, Fraction) else a ** float(b)
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __float__(a):
        return a._numerator / a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            other = Fraction(other)
            return op(self._numerator * other._denominator, self._denominator * other._numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
