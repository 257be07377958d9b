"""The numeric tower of abstract base classes (PEP 3141): Number, Complex, Real,
Rational, Integral — Python 3.11's `numbers`, written for gild.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """Root of the numeric hierarchy: `isinstance(x, Number)` for any number."""

    __slots__ = ()
    __hash__ = None


class Complex(Number):
    __slots__ = ()


Complex.register(complex)


class Real(Complex):
    __slots__ = ()


Real.register(float)


class Rational(Real):
    __slots__ = ()


class Integral(Rational):
    __slots__ = ()


Integral.register(int)
