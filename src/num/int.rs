//! Integer semantics over `num_bigint::BigInt`: `int(str, base)` with CPython 3.11's digit
//! limit, int → text in bases, correctly rounded int → float and int / int, `round(int,
//! -n)`, `bit_length`/`bit_count`, `to_bytes`/`from_bytes`, and three-argument `pow`.

use super::error::{PyErrSpec, SpecResult};
use super::float::{ascii_number_text, is_c_space};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

extern "C" {
    fn ldexp(x: f64, e: i32) -> f64;
}

/// `x × 2**e`, correctly rounded (C `ldexp`).
pub(crate) fn c_ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: `ldexp` from the C math library is a pure function of its arguments.
    unsafe { ldexp(x, e) }
}

/// `int(s, base)` with CPython's default digit limit.
pub fn parse_int(s: &str, base: u32) -> SpecResult<BigInt> {
    parse_int_with_limit(s, base, INT_MAX_STR_DIGITS)
}

/// `int(s, base)` where `max_str_digits` is `sys.get_int_max_str_digits()` (0 = no limit):
/// whitespace around, a sign, `0x`/`0o`/`0b` prefixes (required by base 0, optional for a
/// matching base), single `_` between digits, Unicode decimal digits.
pub fn parse_int_with_limit(s: &str, base: u32, max_str_digits: usize) -> SpecResult<BigInt> {
    check_base(base)?;
    parse_int_ascii(&ascii_number_text(s), base, max_str_digits)
        .map_err(|e| e.unwrap_or_else(|| invalid_literal(base, &crate::text::str_repr(s))))
}

/// `int(b, base)` for bytes.
pub fn parse_int_bytes(b: &[u8], base: u32, max_str_digits: usize) -> SpecResult<BigInt> {
    check_base(base)?;
    parse_int_ascii(b, base, max_str_digits).map_err(|e| e.unwrap_or_else(|| invalid_literal(base, &crate::text::bytes_repr(b))))
}

fn check_base(base: u32) -> SpecResult<()> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyErrSpec::value("int() base must be >= 2 and <= 36, or 0"));
    }
    Ok(())
}

fn invalid_literal(base: u32, repr: &str) -> PyErrSpec {
    // CPython formats the repr with `%.200R`: at most 200 characters of it.
    let shown: String = repr.chars().take(200).collect();
    PyErrSpec::value(format!("invalid literal for int() with base {base}: {shown}"))
}

/// The ASCII grammar of `PyLong_FromString`. `Err(None)` means "invalid literal".
fn parse_int_ascii(s: &[u8], base: u32, limit: usize) -> Result<BigInt, Option<PyErrSpec>> {
    let mut i = 0;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let negative = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // A C-style octal literal: only zero is allowed.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' && matches!((base, at(i + 1)), (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(None);
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            if prev == b'_' {
                return Err(None);
            }
        } else if (c as char).is_digit(base) {
            digits.push(c);
        } else {
            break;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(None);
    }
    if !base.is_power_of_two() && limit > 0 && digits.len() > limit {
        return Err(Some(PyErrSpec::value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} \
             digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ))));
    }
    if digits.is_empty() {
        return Err(None);
    }
    let mut value = BigInt::parse_bytes(&digits, base).ok_or(None)?;
    if error_if_nonzero && !value.is_zero() {
        return Err(None);
    }
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(None);
    }
    if negative {
        value = -value;
    }
    Ok(value)
}

/// `str(n)` with the digit limit (`max_str_digits` = 0 means none).
pub fn int_to_decimal(n: &BigInt, max_str_digits: usize) -> SpecResult<String> {
    let too_long = || {
        PyErrSpec::value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    // A number of `b` bits has at least `(b - 1) * log10(2)` digits: refuse huge values
    // before the (quadratic) conversion, as CPython does.
    if max_str_digits > 0 && (n.bits().saturating_sub(1) as f64) * std::f64::consts::LOG10_2 > max_str_digits as f64 + 1.0 {
        return Err(too_long());
    }
    let s = n.to_string();
    let ndigits = s.len() - usize::from(n.is_negative());
    if max_str_digits > 0 && ndigits > max_str_digits {
        return Err(too_long());
    }
    Ok(s)
}

/// `bin(n)`, `oct(n)`, `hex(n)` (base 2, 8, 16): `-0x1f`.
pub fn int_to_base(n: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = n.magnitude().to_str_radix(base);
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `n / d` for non-negative integers, correctly rounded (ties to even), `None` if the
/// result overflows a float. `d` must be non-zero.
pub(crate) fn biguint_ratio_to_f64(n: &BigUint, d: &BigUint) -> Option<f64> {
    if n.is_zero() {
        return Some(0.0);
    }
    let (nb, db) = (n.bits() as i64, d.bits() as i64);
    // Scale so that the integer quotient has 55 or 56 bits; the remainder is a sticky bit.
    let s = 55 - (nb - db);
    let (q, r) = if s >= 0 { (n << (s as usize)).div_rem(d) } else { n.div_rem(&(d << ((-s) as usize))) };
    let sticky = !r.is_zero();
    let q = q.to_u64()?;
    let qb = 64 - q.leading_zeros() as i64;
    let p = qb - 1 - s;
    if p > 1023 {
        return None;
    }
    let lsb = (p - 52).max(-1074);
    let drop = lsb + s;
    if drop >= 57 {
        return Some(0.0);
    }
    let mut m = q >> drop;
    let rest = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rest > half || (rest == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let v = c_ldexp(m as f64, lsb as i32);
    if v.is_infinite() {
        None
    } else {
        Some(v)
    }
}

/// `float(n)`: correctly rounded (ties to even).
pub fn int_to_f64(n: &BigInt) -> SpecResult<f64> {
    if let Some(v) = n.to_i64() {
        return Ok(v as f64);
    }
    let v = biguint_ratio_to_f64(n.magnitude(), &BigUint::one()).ok_or_else(|| PyErrSpec::overflow("int too large to convert to float"))?;
    Ok(if n.is_negative() { -v } else { v })
}

/// `a / b` for ints: the correctly rounded quotient.
pub fn int_truediv(a: &BigInt, b: &BigInt) -> SpecResult<f64> {
    if b.is_zero() {
        return Err(PyErrSpec::zero_division("division by zero"));
    }
    const EXACT: i64 = 1 << 53;
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= EXACT as u64 && y.unsigned_abs() <= EXACT as u64 {
            return Ok(x as f64 / y as f64);
        }
    }
    let v = biguint_ratio_to_f64(a.magnitude(), b.magnitude())
        .ok_or_else(|| PyErrSpec::overflow("integer division result too large for a float"))?;
    Ok(if a.is_negative() != b.is_negative() { -v } else { v })
}

/// `round(n, ndigits)` for an int: a multiple of 10**-ndigits, ties to even.
pub fn int_round(n: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return n.clone();
    }
    let k = ndigits.unsigned_abs();
    // 10**k > 2|n| rounds to zero; avoid building an enormous power.
    if (k as f64) * std::f64::consts::LOG2_10 > n.bits() as f64 + 2.0 {
        return BigInt::zero();
    }
    let q = BigInt::from(10u32).pow(k as u32);
    let (mut d, r) = n.div_mod_floor(&q);
    let twice: BigInt = &r * 2;
    if twice > q || (twice == q && d.is_odd()) {
        d += 1;
    }
    d * q
}

/// `n.bit_length()`.
pub fn int_bit_length(n: &BigInt) -> u64 {
    n.bits()
}

/// `n.bit_count()`: ones in the binary representation of `abs(n)`.
pub fn int_bit_count(n: &BigInt) -> u64 {
    n.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum()
}

/// `n.to_bytes(length, byteorder, signed=signed)`.
pub fn int_to_bytes(n: &BigInt, length: i64, big_endian: bool, signed: bool) -> SpecResult<Vec<u8>> {
    if length < 0 {
        return Err(PyErrSpec::value("length argument must be non-negative"));
    }
    if !signed && n.is_negative() {
        return Err(PyErrSpec::overflow("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = if n.is_zero() {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.magnitude().to_bytes_le()
    };
    if bytes.len() > length {
        return Err(PyErrSpec::overflow("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed=signed)`.
pub fn int_from_bytes(bytes: &[u8], big_endian: bool, signed: bool) -> BigInt {
    match (big_endian, signed) {
        (true, true) => BigInt::from_signed_bytes_be(bytes),
        (false, true) => BigInt::from_signed_bytes_le(bytes),
        (true, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
    }
}

/// The inverse of `a` modulo `m` (m > 0), if `gcd(a, m) == 1`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.mod_floor(m).extended_gcd(m);
    if e.gcd.is_one() {
        Some(e.x.mod_floor(m))
    } else {
        None
    }
}

/// `pow(a, b, m)` for ints: negative `b` uses the modular inverse; the result has the
/// sign of `m`, like `%`.
pub fn int_pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> SpecResult<BigInt> {
    if m.is_zero() {
        return Err(PyErrSpec::value("pow() 3rd argument cannot be 0"));
    }
    let negative_output = m.is_negative();
    let m = m.abs();
    let (base, exp) = if b.is_negative() {
        let inv = mod_inverse(a, &m).ok_or_else(|| PyErrSpec::value("base is not invertible for the given modulus"))?;
        (inv, -b)
    } else {
        (a.mod_floor(&m), b.clone())
    };
    if m.is_one() {
        return Ok(BigInt::zero());
    }
    let r = base.modpow(&exp, &m);
    Ok(if negative_output && !r.is_zero() { r - m } else { r })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        assert_eq!(parse_int(" 0x_1f ", 0).unwrap(), BigInt::from(31));
        assert_eq!(parse_int("1_000", 10).unwrap(), BigInt::from(1000));
        assert_eq!(parse_int("00", 0).unwrap(), BigInt::from(0));
        assert_eq!(parse_int("07", 0).unwrap_err().msg, "invalid literal for int() with base 0: '07'");
        assert_eq!(parse_int("z", 36).unwrap(), BigInt::from(35));
    }

    #[test]
    fn conversions() {
        let big = BigInt::from(1u64 << 60) + 1;
        assert_eq!(int_to_f64(&big).unwrap(), (1u64 << 60) as f64);
        assert_eq!(int_truediv(&BigInt::from(1), &BigInt::from(3)).unwrap(), 1.0 / 3.0);
        assert_eq!(int_round(&BigInt::from(25), -1), BigInt::from(20));
        assert_eq!(int_round(&BigInt::from(-35), -1), BigInt::from(-40));
        assert_eq!(int_to_bytes(&BigInt::from(-1), 2, true, true).unwrap(), vec![0xff, 0xff]);
        assert_eq!(int_pow_mod(&BigInt::from(3), &BigInt::from(-1), &BigInt::from(7)).unwrap(), BigInt::from(5));
        assert_eq!(int_to_base(&BigInt::from(-31), 16), "-0x1f");
    }
}
