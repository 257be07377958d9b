//! The `math` module's functions as pure functions over `f64` and `BigInt`, with CPython
//! 3.11's special cases and errors (`ValueError: math domain error`, `OverflowError: math
//! range error`). Elementary functions come from the platform C library, as in CPython;
//! `gamma`/`lgamma` use CPython's Lanczos approximation, `fsum` Shewchuk's exact
//! partials, and `hypot`/`dist` the compensated vector norm of CPython 3.10+.

use super::error::{PyErrSpec, SpecResult};
use super::float::float_to_bigint;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub const PI: f64 = std::f64::consts::PI;
pub const E: f64 = std::f64::consts::E;
pub const TAU: f64 = std::f64::consts::TAU;
pub const INF: f64 = f64::INFINITY;
pub const NAN: f64 = f64::NAN;

mod libm {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn dlopen(filename: *const std::ffi::c_char, flag: i32) -> *mut std::ffi::c_void;
        pub fn dlsym(handle: *mut std::ffi::c_void, symbol: *const std::ffi::c_char) -> *mut std::ffi::c_void;
        pub fn sin(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn acos(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn frexp(x: f64, e: *mut i32) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
    }
}

/// The C library's elementary functions, called directly so results match CPython's
/// (Rust's own `f64` methods may use different implementations).
macro_rules! c_unary {
    ($($name:ident => $f:ident),*) => {
        $(
            fn $name(x: f64) -> f64 {
                // SAFETY: pure C math library function.
                unsafe { libm::$f(x) }
            }
        )*
    };
}

c_unary!(c_exp => exp, c_exp2 => exp2, c_expm1 => expm1, c_log1p => log1p,
    c_sin => sin, c_cos => cos, c_tan => tan, c_asin => asin, c_acos => acos, c_atan => atan,
    c_sinh => sinh, c_cosh => cosh, c_tanh => tanh, c_asinh => asinh, c_acosh => acosh,
    c_atanh => atanh, c_log => log, c_log2 => log2, c_log10 => log10);

/// The C library's `cbrt`, which CPython calls. Rust's runtime links its own (correctly
/// rounded) `cbrt` into the binary, shadowing glibc's, whose results differ in the last
/// bit for some inputs; so look glibc's up explicitly, falling back to Rust's.
fn c_cbrt(x: f64) -> f64 {
    type Cbrt = extern "C" fn(f64) -> f64;
    static CBRT: once_cell::sync::Lazy<Option<Cbrt>> = once_cell::sync::Lazy::new(|| {
        const RTLD_NOW: i32 = 2;
        // SAFETY: dlopen/dlsym with NUL-terminated names; a non-null result for "cbrt"
        // is the C library's `double cbrt(double)`.
        unsafe {
            let handle = libm::dlopen(c"libm.so.6".as_ptr(), RTLD_NOW);
            if handle.is_null() {
                return None;
            }
            let sym = libm::dlsym(handle, c"cbrt".as_ptr());
            if sym.is_null() {
                None
            } else {
                Some(std::mem::transmute::<*mut std::ffi::c_void, Cbrt>(sym))
            }
        }
    });
    match *CBRT {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

fn c_pow(x: f64, y: f64) -> f64 {
    // SAFETY: pure C math library function.
    unsafe { libm::pow(x, y) }
}
fn c_atan2(y: f64, x: f64) -> f64 {
    // SAFETY: pure C math library function.
    unsafe { libm::atan2(y, x) }
}

fn c_erf(x: f64) -> f64 {
    // SAFETY: pure C math library function.
    unsafe { libm::erf(x) }
}
fn c_erfc(x: f64) -> f64 {
    // SAFETY: pure C math library function.
    unsafe { libm::erfc(x) }
}
fn c_nextafter(x: f64, y: f64) -> f64 {
    // SAFETY: pure C math library function.
    unsafe { libm::nextafter(x, y) }
}
fn c_fmod(x: f64, y: f64) -> f64 {
    // SAFETY: pure C math library function.
    unsafe { libm::fmod(x, y) }
}

fn domain() -> PyErrSpec {
    PyErrSpec::value("math domain error")
}
fn range() -> PyErrSpec {
    PyErrSpec::overflow("math range error")
}

/// CPython's `math_1`: a nan from a non-nan argument is a domain error; an infinity from
/// a finite argument is a range error if the function `can_overflow`, else a domain error.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> SpecResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(r)
}

/// CPython's `math_2` for two-argument functions.
fn math_2(x: f64, y: f64, f: fn(f64, f64) -> f64, can_overflow: bool) -> SpecResult<f64> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(r)
}

macro_rules! unary {
    ($($(#[$doc:meta])* $name:ident = $f:expr, $overflow:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(x: f64) -> SpecResult<f64> {
                math_1(x, $f, $overflow)
            }
        )*
    };
}

unary! {
    /// `math.sqrt(x)`.
    math_sqrt = f64::sqrt, false;
    /// `math.exp(x)`.
    math_exp = c_exp, true;
    /// `math.exp2(x)`.
    math_exp2 = c_exp2, true;
    /// `math.expm1(x)`.
    math_expm1 = c_expm1, true;
    /// `math.log1p(x)`.
    math_log1p = c_log1p, false;
    /// `math.cbrt(x)`.
    math_cbrt = c_cbrt, false;
    /// `math.sin(x)`.
    math_sin = c_sin, false;
    /// `math.cos(x)`.
    math_cos = c_cos, false;
    /// `math.tan(x)`.
    math_tan = c_tan, false;
    /// `math.asin(x)`.
    math_asin = c_asin, false;
    /// `math.acos(x)`.
    math_acos = c_acos, false;
    /// `math.atan(x)`.
    math_atan = c_atan, false;
    /// `math.sinh(x)`.
    math_sinh = c_sinh, true;
    /// `math.cosh(x)`.
    math_cosh = c_cosh, true;
    /// `math.tanh(x)`.
    math_tanh = c_tanh, false;
    /// `math.asinh(x)`.
    math_asinh = c_asinh, false;
    /// `math.acosh(x)`.
    math_acosh = c_acosh, false;
    /// `math.atanh(x)`.
    math_atanh = c_atanh, false;
    /// `math.erf(x)`.
    math_erf = c_erf, false;
    /// `math.erfc(x)`.
    math_erfc = c_erfc, false;
    /// `math.fabs(x)`.
    math_fabs = f64::abs, false;
}

/// The natural, base-2 or base-10 logarithm (`math.log`, `math.log2`, `math.log10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Ln,
    Log2,
    Log10,
}

impl LogKind {
    fn apply(self, x: f64) -> f64 {
        // CPython's m_log family: only positive arguments (and +inf, nan) are valid.
        if x.is_nan() || (x.is_infinite() && x > 0.0) {
            return x;
        }
        if x <= 0.0 {
            return if x == 0.0 { f64::NEG_INFINITY } else { f64::NAN };
        }
        match self {
            LogKind::Ln => c_log(x),
            LogKind::Log2 => c_log2(x),
            LogKind::Log10 => c_log10(x),
        }
    }
}

/// `math.log(x)`, `math.log2(x)`, `math.log10(x)` for a float.
pub fn math_log(x: f64, kind: LogKind) -> SpecResult<f64> {
    let r = kind.apply(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) || x == f64::NEG_INFINITY {
        return Err(domain());
    }
    Ok(r)
}

/// The logarithm of an int of any size (too large for a float: via its binary exponent).
pub fn math_log_int(n: &BigInt, kind: LogKind) -> SpecResult<f64> {
    if !n.is_positive() {
        return Err(domain());
    }
    match super::int::int_to_f64(n) {
        Ok(x) => math_log(x, kind),
        Err(_) => {
            // n = m × 2**e with 0.5 <= m < 1.
            let e = n.bits() as i64;
            let top = n >> (e - 60) as usize;
            let m = top.to_u64().unwrap_or(0) as f64 / (1u64 << 60) as f64;
            let ln2 = kind.apply(2.0);
            Ok(kind.apply(m) + e as f64 * ln2)
        }
    }
}

/// `math.log(x, base)` given the logarithms of both (each from [`math_log`] or
/// [`math_log_int`]).
pub fn math_log_ratio(num: f64, den: f64) -> SpecResult<f64> {
    if den == 0.0 {
        return Err(PyErrSpec::zero_division("float division by zero"));
    }
    Ok(num / den)
}

/// `math.atan2(y, x)`.
pub fn math_atan2(y: f64, x: f64) -> SpecResult<f64> {
    math_2(y, x, c_atan2, false)
}

/// `math.copysign(x, y)`.
pub fn math_copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.fmod(x, y)`.
pub fn math_fmod(x: f64, y: f64) -> SpecResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = c_fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(r)
}

fn remainder_core(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = c_fmod(ax, ay);
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Exactly half way: pick the even quotient.
            m - 2.0 * c_fmod(0.5 * (ax - m), ay)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `math.remainder(x, y)`: IEEE 754 remainder (quotient rounded to even).
pub fn math_remainder(x: f64, y: f64) -> SpecResult<f64> {
    math_2(x, y, remainder_core, false)
}

/// `math.pow(x, y)`.
pub fn math_pow(x: f64, y: f64) -> SpecResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd = y.is_finite() && c_fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = c_pow(x, y);
    if r.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain() } else { range() });
    }
    Ok(r)
}

/// `math.degrees(x)`.
pub fn math_degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn math_radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.floor(x)` for a float, as an int.
pub fn math_floor(x: f64) -> SpecResult<BigInt> {
    float_to_bigint(x.floor())
}

/// `math.ceil(x)` for a float, as an int.
pub fn math_ceil(x: f64) -> SpecResult<BigInt> {
    float_to_bigint(x.ceil())
}

/// `math.trunc(x)` for a float, as an int.
pub fn math_trunc(x: f64) -> SpecResult<BigInt> {
    float_to_bigint(x)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e` and 0.5 <= |m| < 1.
pub fn math_frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let mut e = 0;
    // SAFETY: pure C math library function writing to a local.
    let m = unsafe { libm::frexp(x, &mut e) };
    (m, e)
}

/// `math.ldexp(x, i)` (the caller saturates a huge `i` into the `i64` range).
pub fn math_ldexp(x: f64, i: i64) -> SpecResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    if i > i32::MAX as i64 {
        return Err(range());
    }
    if i < i32::MIN as i64 {
        return Ok(0.0f64.copysign(x));
    }
    let r = super::int::c_ldexp(x, i as i32);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of `x`.
pub fn math_modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    (x.fract().copysign(x), x.trunc())
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)`.
pub fn math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> SpecResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErrSpec::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.nextafter(x, y)`.
pub fn math_nextafter(x: f64, y: f64) -> f64 {
    c_nextafter(x, y)
}

/// `math.ulp(x)`.
pub fn math_ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = c_nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return x - c_nextafter(x, f64::NEG_INFINITY);
    }
    up - x
}

/// `math.fsum(values)`: the correctly rounded sum (Shewchuk's exact partials, with a
/// final half-even fix-up across partials).
pub fn math_fsum(values: impl IntoIterator<Item = f64>) -> SpecResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for xsave in values {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or nan from a finite input is an intermediate overflow.
                if xsave.is_finite() {
                    return Err(PyErrSpec::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErrSpec::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `(hi, lo)` with `hi + lo == a + b` exactly (requires |a| >= |b|).
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let hi = a + b;
    (hi, (a - hi) + b)
}

/// `(hi, lo)` with `hi + lo == a * b` exactly.
fn two_product(a: f64, b: f64) -> (f64, f64) {
    let hi = a * b;
    (hi, a.mul_add(b, -hi))
}

/// The Euclidean norm of `vec` (absolute values), CPython's `vector_norm`.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = math_frexp(max);
    if max_e < -1023 {
        // Scale subnormals up first: 2**-max_e would overflow.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = super::int::c_ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let (phi, plo) = two_product(x, x);
        let (shi, slo) = fast_two_sum(csum, phi);
        csum = shi;
        frac1 += plo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (phi, plo) = two_product(-h, h);
    let (shi, slo) = fast_two_sum(csum, phi);
    csum = shi;
    frac1 += plo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `math.hypot(*coordinates)`.
pub fn math_hypot(coords: &[f64]) -> f64 {
    let mut v: Vec<f64> = coords.iter().map(|x| x.abs()).collect();
    let found_nan = v.iter().any(|x| x.is_nan());
    let max = v.iter().fold(0.0f64, |m, &x| if x > m { x } else { m });
    vector_norm(&mut v, max, found_nan)
}

/// `math.dist(p, q)`.
pub fn math_dist(p: &[f64], q: &[f64]) -> SpecResult<f64> {
    if p.len() != q.len() {
        return Err(PyErrSpec::value("both points must have the same number of dimensions"));
    }
    let d: Vec<f64> = p.iter().zip(q).map(|(a, b)| a - b).collect();
    Ok(math_hypot(&d))
}

// ---- gamma and lgamma (Lanczos approximation, as in CPython) ----

// The constants are written with all the digits of their source (Boost's lanczos13m53).
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] =
    [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    // For large x, evaluate as a rational function of 1/x to avoid overflow.
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), accurate for finite `x`.
fn sinpi(x: f64) -> f64 {
    let y = c_fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => c_sin(PI * y),
        1 => c_cos(PI * (y - 0.5)),
        2 => c_sin(PI * (1.0 - y)),
        3 => -c_cos(PI * (y - 1.5)),
        _ => c_sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// `math.gamma(x)`.
pub fn math_gamma(x: f64) -> SpecResult<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain());
    }
    if x == 0.0 {
        return Err(domain());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain());
        }
        if x <= 23.0 {
            // (x-1)!, correctly rounded like CPython's table of exact literals.
            return super::int::int_to_f64(&range_product(2, x as u64));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(range()) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(range());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -PI / sinpi(absx) / absx * c_exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= c_pow(y, absx - 0.5);
        } else {
            let sqrtpow = c_pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / c_exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= c_pow(y, absx - 0.5);
        } else {
            let sqrtpow = c_pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
        r
    };
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.lgamma(x)`.
pub fn math_lgamma(x: f64) -> SpecResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-c_log(absx));
    }
    let mut r = c_log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (c_log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - c_log(sinpi(absx).abs()) - c_log(absx) - r;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

// ---- integer functions ----

/// The product of the integers in `lo..hi`, by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut p = BigInt::one();
        for k in lo..hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// `math.factorial(n)`.
pub fn math_factorial(n: &BigInt) -> SpecResult<BigInt> {
    if n.is_negative() {
        return Err(PyErrSpec::value("factorial() not defined for negative values"));
    }
    let n = n
        .to_u64()
        .filter(|&v| v <= i64::MAX as u64)
        .ok_or_else(|| PyErrSpec::overflow("factorial() argument should not exceed 9223372036854775807"))?;
    Ok(range_product(2, n + 1))
}

fn check_nonneg(n: &BigInt, k: &BigInt) -> SpecResult<()> {
    if n.is_negative() {
        return Err(PyErrSpec::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErrSpec::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `math.perm(n, k)` (`k` None: `n!`).
pub fn math_perm(n: &BigInt, k: Option<&BigInt>) -> SpecResult<BigInt> {
    let Some(k) = k else {
        if n.is_negative() {
            return Err(PyErrSpec::value("n must be a non-negative integer"));
        }
        return math_factorial(n);
    };
    check_nonneg(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = k.to_u64().ok_or_else(|| PyErrSpec::overflow("k must not exceed 9223372036854775807"))?;
    let mut p = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        p *= &f;
        f -= 1;
    }
    Ok(p)
}

/// `math.comb(n, k)`.
pub fn math_comb(n: &BigInt, k: &BigInt) -> SpecResult<BigInt> {
    check_nonneg(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let other = n - k;
    let k = if &other < k { other } else { k.clone() };
    let k = k.to_u64().ok_or_else(|| PyErrSpec::overflow("min(n - k, k) must not exceed 9223372036854775807"))?;
    let mut c = BigInt::one();
    for i in 0..k {
        c = c * (n - i) / (i + 1);
    }
    Ok(c)
}

/// `math.isqrt(n)`.
pub fn math_isqrt(n: &BigInt) -> SpecResult<BigInt> {
    if n.is_negative() {
        return Err(PyErrSpec::value("isqrt() argument must be nonnegative"));
    }
    Ok(n.sqrt())
}

/// `math.gcd(*integers)` (0 for no arguments).
pub fn math_gcd(values: &[BigInt]) -> BigInt {
    values.iter().fold(BigInt::zero(), |g, v| g.gcd(v))
}

/// `math.lcm(*integers)` (1 for no arguments).
pub fn math_lcm(values: &[BigInt]) -> BigInt {
    values.iter().fold(BigInt::one(), |l, v| if l.is_zero() || v.is_zero() { BigInt::zero() } else { l.lcm(v) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(math_sqrt(-1.0).unwrap_err().msg, "math domain error");
        assert_eq!(math_exp(1000.0).unwrap_err().kind, super::super::ErrKind::OverflowError);
        assert_eq!(math_fsum([0.1; 10]).unwrap(), 1.0);
        assert_eq!(math_fsum([1e-16, 1.0, 1e16]).unwrap(), 10000000000000002.0);
        assert_eq!(math_hypot(&[3.0, 4.0]), 5.0);
        assert_eq!(math_gamma(5.0).unwrap(), 24.0);
        assert_eq!(math_comb(&BigInt::from(10), &BigInt::from(3)).unwrap(), BigInt::from(120));
        assert_eq!(math_remainder(5.0, 2.0).unwrap(), 1.0);
        assert_eq!(math_remainder(7.0, 2.0).unwrap(), -1.0);
    }
}
