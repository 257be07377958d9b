//! Float semantics that are not formatting: `float(str)`, `//`, `%`, `divmod`, `**`,
//! `round()`, `float.hex()`/`fromhex()`, `as_integer_ratio()`, `is_integer()`, and the
//! float → int conversions behind `int(x)` and `round(x)`.

use super::error::{PyErrSpec, SpecResult};
use super::int::{biguint_ratio_to_f64, int_to_f64};
use crate::text::unicode::{decimal_value, is_space};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Zero};

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode whitespace becomes a
/// space, Unicode decimal digits become ASCII digits, and the first other non-ASCII
/// character becomes `?` (which no number grammar accepts) and ends the text.
pub(crate) fn ascii_number_text(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `Py_ISSPACE`: the ASCII whitespace the C-level number parsers skip.
pub(crate) fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// CPython's underscore rule for `float()`/`complex()` text: each `_` must sit between
/// two digits. Returns the text without underscores, or `None` if one is misplaced.
pub(crate) fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    if !s.contains(&b'_') {
        return Some(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// `inf`, `infinity` or `nan` in any case, after an optional sign.
pub(crate) fn parse_inf_or_nan(s: &[u8]) -> Option<f64> {
    let (negative, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => return None,
    };
    Some(if negative { -v } else { v })
}

/// The decimal float grammar of C `strtod` as CPython accepts it:
/// `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`, or inf/nan.
pub(crate) fn parse_decimal_float(s: &[u8]) -> Option<f64> {
    if let Some(v) = parse_inf_or_nan(s) {
        return Some(v);
    }
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        ndigits += i - frac_start;
    }
    if ndigits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != s.len() {
        return None;
    }
    // The text is plain ASCII and matches Rust's grammar too; Rust's parse is correctly
    // rounded for any length, like CPython's `_Py_dg_strtod`.
    std::str::from_utf8(s).ok()?.parse::<f64>().ok()
}

/// Strip `Py_ISSPACE` from both ends.
pub(crate) fn strip_c_space(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_c_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_c_space(b)).map_or(start, |e| e + 1);
    &s[start..end.max(start)]
}

/// `float(s)` for a str: whitespace around, `_` between digits, Unicode digits, inf/nan.
pub fn parse_float(s: &str) -> SpecResult<f64> {
    parse_float_ascii(&ascii_number_text(s)).ok_or_else(|| float_parse_error(&crate::text::str_repr(s)))
}

/// `float(b)` for bytes: the same grammar over ASCII.
pub fn parse_float_bytes(b: &[u8]) -> SpecResult<f64> {
    parse_float_ascii(b).ok_or_else(|| float_parse_error(&crate::text::bytes_repr(b)))
}

fn float_parse_error(repr: &str) -> PyErrSpec {
    PyErrSpec::value(format!("could not convert string to float: {repr}"))
}

fn parse_float_ascii(s: &[u8]) -> Option<f64> {
    let cleaned = remove_underscores(s)?;
    parse_decimal_float(strip_c_space(&cleaned))
}

/// The longest prefix of `s` that C `strtod` accepts as a float (CPython's
/// `PyOS_string_to_double` with an end pointer): its value and length.
fn parse_float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = match s.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &s[i..];
    let starts = |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let special = if starts(b"infinity") {
        Some((f64::INFINITY, 8))
    } else if starts(b"inf") {
        Some((f64::INFINITY, 3))
    } else if starts(b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((v, len)) = special {
        return Some((if negative { -v } else { v }, i + len));
    }
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        let mut j = i + 1;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        ndigits += j - i - 1;
        i = j;
    }
    if ndigits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let v = std::str::from_utf8(&s[..i]).ok()?.parse::<f64>().ok()?;
    Some((v, i))
}

/// `complex(s)` for a str: `<float>`, `<float>j`, `<float><signed-float>j`, and the
/// legacy `<float><sign>j`, `<sign>j`, `j`, optionally in parentheses, with whitespace
/// around and `_` between digits. Returns `(real, imag)`.
pub fn parse_complex(s: &str) -> SpecResult<(f64, f64)> {
    let malformed = || PyErrSpec::value("complex() arg is a malformed string");
    let text = ascii_number_text(s);
    let text = remove_underscores(&text)
        .ok_or_else(|| PyErrSpec::value(format!("could not convert string to complex: {}", crate::text::str_repr(s))))?;
    let b = text.as_slice();
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < b.len() && is_c_space(b[*i]) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, len)) = parse_float_prefix(&b[i..]) {
        i += len;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            x = z;
            match parse_float_prefix(&b[i..]) {
                Some((v, len)) => {
                    y = v;
                    i += len;
                }
                None => {
                    y = if b[i] == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
            }
            if !is_j(b.get(i)) {
                return Err(malformed());
            }
            i += 1;
        } else if is_j(b.get(i)) {
            i += 1;
            y = z;
        } else {
            x = z;
        }
    } else {
        match b.get(i) {
            Some(b'+') => {
                y = 1.0;
                i += 1;
            }
            Some(b'-') => {
                y = -1.0;
                i += 1;
            }
            _ => y = 1.0,
        }
        if !is_j(b.get(i)) {
            return Err(malformed());
        }
        i += 1;
    }
    skip_space(&mut i);
    if bracket {
        if b.get(i) != Some(&b')') {
            return Err(malformed());
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != b.len() {
        return Err(malformed());
    }
    Ok((x, y))
}

/// The floor quotient and modulo of two floats with Python's sign rules (the modulo has
/// the divisor's sign), computed as CPython's `float_divmod` does.
fn divmod_core(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> SpecResult<f64> {
    if b == 0.0 {
        return Err(PyErrSpec::zero_division("float floor division by zero"));
    }
    Ok(divmod_core(a, b).0)
}

/// `a % b` for floats (result has the sign of `b`).
pub fn float_mod(a: f64, b: f64) -> SpecResult<f64> {
    if b == 0.0 {
        return Err(PyErrSpec::zero_division("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> SpecResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyErrSpec::zero_division("float divmod()"));
    }
    Ok(divmod_core(a, b))
}

/// `a / b` for floats.
pub fn float_truediv(a: f64, b: f64) -> SpecResult<f64> {
    if b == 0.0 {
        return Err(PyErrSpec::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// The outcome of `float ** float`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FloatPow {
    Real(f64),
    /// A negative base with a non-integer exponent: Python computes a complex power.
    NeedsComplex,
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `a ** b` for floats with CPython's special cases and errors.
pub fn float_pow(iv: f64, iw: f64) -> SpecResult<FloatPow> {
    use FloatPow::Real;
    if iw == 0.0 {
        return Ok(Real(1.0));
    }
    if iv.is_nan() {
        return Ok(Real(iv));
    }
    if iw.is_nan() {
        return Ok(Real(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(Real(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Real(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PyErrSpec::zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Real(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(FloatPow::NeedsComplex);
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(Real(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(PyErrSpec::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Real(if negate { -r } else { r }))
}

/// `int(x)` for a float: truncate toward zero.
pub fn float_to_bigint(x: f64) -> SpecResult<BigInt> {
    if x.is_nan() {
        return Err(PyErrSpec::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErrSpec::overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (m, e) = decompose(t);
    let v = BigInt::from(m) << (e as usize);
    Ok(if t < 0.0 { -v } else { v })
}

/// `|x|` = m × 2**e with an integer `m` < 2**53 (x finite).
pub(crate) fn decompose(x: f64) -> (u64, i32) {
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `round(x)`: round half to even, to an int.
pub fn float_round_to_int(x: f64) -> SpecResult<BigInt> {
    let mut r = x.round();
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    float_to_bigint(r)
}

/// `round(x, ndigits)`: the float nearest to `x` correctly rounded (half to even on the
/// exact binary value) to `ndigits` decimal places.
pub fn float_round(x: f64, ndigits: i64) -> SpecResult<f64> {
    // Beyond these, rounding is the identity or gives zero (CPython's NDIGITS_MAX/MIN).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let too_large = || PyErrSpec::overflow("rounded value too large to represent");
    let r = if ndigits >= 0 {
        let text = format!("{:.*}", ndigits as usize, x.abs());
        text.parse::<f64>().map_err(|_| too_large())?
    } else {
        // Round to a multiple of q = 10**-ndigits exactly in integers.
        let q = BigUint::from(10u32).pow((-ndigits) as u32);
        let (m, e) = decompose(x);
        let (num, den) =
            if e >= 0 { (BigUint::from(m) << (e as usize), q.clone()) } else { (BigUint::from(m), q.clone() << ((-e) as usize)) };
        let n = round_half_even_div(&num, &den);
        int_to_f64(&BigInt::from_biguint(Sign::Plus, n * q)).map_err(|_| too_large())?
    };
    if r.is_infinite() {
        return Err(too_large());
    }
    Ok(r.copysign(x))
}

/// `num / den` rounded to the nearest integer, ties to even.
pub(crate) fn round_half_even_div(num: &BigUint, den: &BigUint) -> BigUint {
    let (q, r) = num.div_rem(den);
    let twice = &r << 1usize;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

/// `float.as_integer_ratio()`: the exact value as a reduced fraction with positive
/// denominator.
pub fn float_as_integer_ratio(x: f64) -> SpecResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(PyErrSpec::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyErrSpec::overflow("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros() as i32;
    m >>= tz;
    e += tz;
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if x < 0.0 {
        num = -num;
    }
    Ok((num, den))
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// `float.hex()`: `0x1.8000000000000p+1`, `0x0.0p+0`, `-inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() || x.is_infinite() {
        return super::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        let e = exp - 1023;
        let esign = if e < 0 { '-' } else { '+' };
        format!("{sign}0x1.{frac:013x}p{esign}{}", e.unsigned_abs())
    }
}

/// `float.fromhex(s)`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits]`
/// (or inf/nan), with surrounding whitespace, correctly rounded.
pub fn float_fromhex(s: &str) -> SpecResult<f64> {
    let invalid = || PyErrSpec::value("invalid hexadecimal floating-point string");
    let b = strip_c_space(s.as_bytes());
    if let Some(v) = parse_inf_or_nan(b) {
        return Ok(v);
    }
    let mut i = 0;
    let negative = match b.first() {
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
    if b.len() >= i + 2 && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X') {
        i += 2;
    }
    let mut mant = BigUint::zero();
    let mut ndigits = 0usize;
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4usize) + d;
            ndigits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let eneg = match b.get(i) {
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
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = (exp * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(invalid());
    }
    let e = exp - 4 * frac_digits;
    let v = if mant.is_zero() {
        0.0
    } else if e + (mant.bits() as i64) > 1025 {
        return Err(PyErrSpec::overflow("hexadecimal value too large to represent as a float"));
    } else if e + (mant.bits() as i64) < -1080 {
        0.0
    } else if e >= 0 {
        biguint_ratio_to_f64(&(mant << (e as usize)), &BigUint::one())
            .ok_or_else(|| PyErrSpec::overflow("hexadecimal value too large to represent as a float"))?
    } else {
        biguint_ratio_to_f64(&mant, &(BigUint::one() << ((-e) as usize)))
            .ok_or_else(|| PyErrSpec::overflow("hexadecimal value too large to represent as a float"))?
    };
    Ok(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        assert_eq!(parse_float(" 1_0.5e1_0 ").unwrap(), 10.5e10);
        assert_eq!(parse_float("-InFiNiTy").unwrap(), f64::NEG_INFINITY);
        assert_eq!(parse_float("１２").unwrap(), 12.0);
        assert!(parse_float("1__0").is_err());
        assert_eq!(parse_float("x").unwrap_err().msg, "could not convert string to float: 'x'");
    }

    #[test]
    fn division_and_rounding() {
        assert_eq!(float_mod(-1.0, 3.0).unwrap(), 2.0);
        assert_eq!(float_floordiv(-1.0, 3.0).unwrap(), -1.0);
        assert_eq!(float_round(2.675, 2).unwrap(), 2.67);
        assert_eq!(float_round(1234.5, -1).unwrap(), 1230.0);
        assert_eq!(float_round_to_int(2.5).unwrap(), BigInt::from(2));
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_fromhex("0x1.8p1").unwrap(), 3.0);
    }
}
