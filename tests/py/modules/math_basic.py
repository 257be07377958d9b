import math

print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.lgamma(10.5), math.cbrt(27))
print(math.atan2(1, 2), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 2), math.pow(2, 0.5))
print(math.copysign(3, -0.0), math.fabs(-2), math.degrees(math.pi), math.radians(180))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1))
print(math.frexp(8), math.frexp(0.0), math.modf(-3.25), math.ldexp(0.5, 4))
print(math.nextafter(1, 2), math.ulp(1.0), math.ulp(0.0))
print(math.log(100), math.log(8, 2), math.log2(1024), math.log10(1000), math.log(10 ** 400), math.log2(2 ** 2000))
print(math.hypot(3, 4), math.hypot(), math.hypot(1, 2, 3), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]), math.prod(["ab"], start=3))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(a=0, b=1e-10, abs_tol=1e-9))

# Integer-valued functions return ints, big ones included.
for v in [math.floor(2.5), math.ceil(2.5), math.trunc(-2.5), math.floor(-2.5), math.ceil(-2.5), math.floor(1e30), math.floor(7), math.ceil(True)]:
    print(type(v).__name__, v)
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.comb(10, 3), math.comb(100, 50), math.comb(3, 5), math.perm(5), math.perm(5, 2), math.perm(30, 20))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, 0), math.gcd(-4, 6, 10), math.gcd(2 ** 100, 2 ** 60 * 3))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 3), math.lcm(2 ** 70, 3))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40))


class Num:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


class F:
    def __float__(self):
        return 2.25


class I:
    def __index__(self):
        return 6


print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()))
print(math.sqrt(F()), math.floor(F()), math.sqrt(I()), math.factorial(I()), math.gcd(I(), 4))

def check(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


check("math.sqrt()", lambda: math.sqrt())
check("math.sqrt(1, 2)", lambda: math.sqrt(1, 2))
check("math.sqrt(x=1)", lambda: math.sqrt(x=1))
check("math.sqrt('a')", lambda: math.sqrt('a'))
check("math.sqrt(-1)", lambda: math.sqrt(-1))
check("math.sqrt(10 ** 400)", lambda: math.sqrt(10 ** 400))
check("math.atan2(1)", lambda: math.atan2(1))
check("math.floor('a')", lambda: math.floor('a'))
check("math.trunc('a')", lambda: math.trunc('a'))
check("math.ceil(None)", lambda: math.ceil(None))
check("math.floor(math.inf)", lambda: math.floor(math.inf))
check("math.floor(math.nan)", lambda: math.floor(math.nan))
check("math.factorial(5.0)", lambda: math.factorial(5.0))
check("math.factorial(-1)", lambda: math.factorial(-1))
check("math.factorial(10 ** 20)", lambda: math.factorial(10 ** 20))
check("math.gcd(1.5)", lambda: math.gcd(1.5))
check("math.isqrt(-1)", lambda: math.isqrt(-1))
check("math.comb(1)", lambda: math.comb(1))
check("math.comb(-1, 2)", lambda: math.comb(-1, 2))
check("math.comb(1, -2)", lambda: math.comb(1, -2))
check("math.perm()", lambda: math.perm())
check("math.perm(1, 2, 3)", lambda: math.perm(1, 2, 3))
check("math.perm(5, k=2)", lambda: math.perm(5, k=2))
check("math.log(0)", lambda: math.log(0))
check("math.log(-1.5)", lambda: math.log(-1.5))
check("math.log(10, 1)", lambda: math.log(10, 1))
check("math.log()", lambda: math.log())
check("math.log('a')", lambda: math.log('a'))
check("math.ldexp(1.0, 2.0)", lambda: math.ldexp(1.0, 2.0))
check("math.ldexp(1.0, 10 ** 30)", lambda: math.ldexp(1.0, 10 ** 30))
check("math.exp(1000)", lambda: math.exp(1000))
check("math.pow(0, -1)", lambda: math.pow(0, -1))
check("math.fmod(1, 0)", lambda: math.fmod(1, 0))
check("math.gamma(0)", lambda: math.gamma(0))
check("math.fsum([1, 'a'])", lambda: math.fsum([1, 'a']))
check("math.fsum(1)", lambda: math.fsum(1))
check("math.fsum([math.inf, -math.inf])", lambda: math.fsum([math.inf, -math.inf]))
check("math.prod(1)", lambda: math.prod(1))
check("math.prod([1, 2], 3)", lambda: math.prod([1, 2], 3))
check("math.prod()", lambda: math.prod())
check("math.prod([1], begin=2)", lambda: math.prod([1], begin=2))
check("math.dist([1], [1, 2])", lambda: math.dist([1], [1, 2]))
check("math.dist(1, 2)", lambda: math.dist(1, 2))
check("math.hypot('a')", lambda: math.hypot('a'))
check("math.hypot(x=1)", lambda: math.hypot(x=1))
check("math.isclose(1)", lambda: math.isclose(1))
check("math.isclose(1, 2, 3)", lambda: math.isclose(1, 2, 3))
check("math.isclose(1, 2, rel_tol=-1)", lambda: math.isclose(1, 2, rel_tol=-1))
check("math.isclose(1, 2, tol=1)", lambda: math.isclose(1, 2, tol=1))
