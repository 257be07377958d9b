//! Float → decimal text with CPython's layout: `repr(float)`, `repr(complex)` and the
//! engine behind `format(x, 'e'/'f'/'g'/...)` and `'%f' % x`.
//!
//! The digits come from Rust's float formatting, which is correctly rounded on the exact
//! binary value (round-half-even on exact ties) for a fixed precision and shortest
//! round-trip without one — the same digits CPython gets from David Gay's dtoa. This file
//! only decides where the point and exponent go and how much zero padding is shown.

/// Flags for [`double_to_string`], mirroring the `Py_DTSF_*` options of CPython's
/// `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtsFlags {
    /// Always print a sign (`+` for non-negative values and for nan).
    pub sign: bool,
    /// Append `.0` when the text would otherwise look like an integer (no exponent).
    pub add_dot_0: bool,
    /// Alternate form (`#`): always a decimal point; `g` keeps trailing zeros.
    pub alt: bool,
    /// The `z` option: a negative value that rounds to zero loses its sign.
    pub no_neg_zero: bool,
}

/// Decimal digits (no leading zeros except a lone "0", trailing zeros removed) and the
/// position of the decimal point: value = 0.DIGITS × 10**decpt.
fn split_sci(s: &str) -> (Vec<u8>, i32) {
    // `s` is Rust's `{:e}` output for a non-negative finite value: "d[.ddd]e[-]N".
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(|&b| b != b'.').collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits == b"0" {
        return (digits, 1);
    }
    (digits, exp + 1)
}

/// Shortest digits that round-trip (dtoa mode 0).
pub(crate) fn digits_shortest(ax: f64) -> (Vec<u8>, i32) {
    split_sci(&format!("{:e}", ax))
}

/// `ndigits` (≥ 1) significant digits, correctly rounded (dtoa mode 2).
pub(crate) fn digits_significant(ax: f64, ndigits: usize) -> (Vec<u8>, i32) {
    split_sci(&format!("{:.*e}", ndigits - 1, ax))
}

/// Digits rounded to `ndigits` places after the point (dtoa mode 3). A value that
/// rounds to zero gives `("0", 1)`.
pub(crate) fn digits_fixed(ax: f64, ndigits: usize) -> (Vec<u8>, i32) {
    let s = format!("{:.*}", ndigits, ax);
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let mut digits: Vec<u8> = Vec::with_capacity(s.len());
    let mut decpt = int_part.len() as i32;
    digits.extend_from_slice(int_part.as_bytes());
    digits.extend_from_slice(frac_part.as_bytes());
    let lead = digits.iter().take_while(|&&b| b == b'0').count();
    if lead == digits.len() {
        return (vec![b'0'], 1);
    }
    digits.drain(..lead);
    decpt -= lead as i32;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}

/// Format `x` as CPython's `PyOS_double_to_string(x, code, precision, flags)` does.
///
/// `code` is one of `e E f F g G r` (`r` = repr: shortest digits, exponent outside
/// 1e-4 <= |x| < 1e16, and `precision` is ignored).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtsFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    let negative = x.is_sign_negative() && !x.is_nan();
    if x.is_nan() || x.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper { word.to_ascii_uppercase() } else { word.to_string() });
        return out;
    }
    let ax = x.abs();
    // The precision as each mode reads it; `g` treats 0 as 1.
    let (digits, mut decpt) = match code {
        'e' => digits_significant(ax, precision + 1),
        'f' => digits_fixed(ax, precision),
        'g' => digits_significant(ax, precision.max(1)),
        _ => digits_shortest(ax),
    };
    let n = digits.len() as i64;
    let all_zero = digits == b"0";
    let mut use_exp = false;
    // How many digit positions (from the first significant one) must be shown.
    let mut vend: i64 = n;
    let p = precision as i64;
    match code {
        'e' => {
            use_exp = true;
            vend = p + 1;
        }
        'f' => vend = decpt as i64 + p,
        'g' => {
            let p = p.max(1);
            let limit = if flags.add_dot_0 { p - 1 } else { p };
            if decpt <= -4 || decpt as i64 > limit {
                use_exp = true;
            }
            if flags.alt {
                vend = p;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let decpt64 = decpt as i64;
    let vstart = if decpt64 <= 0 { decpt64 - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vend = vend.max(n).max(decpt64 + 1);
    } else {
        vend = vend.max(n).max(decpt64);
    }
    let sign_negative = negative && !(flags.no_neg_zero && all_zero);
    if sign_negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let digit_at = |i: i64| -> char {
        if i >= 0 && i < n {
            digits[i as usize] as char
        } else {
            '0'
        }
    };
    for i in vstart..decpt64 {
        out.push(digit_at(i));
    }
    if decpt64 < vend || flags.alt {
        out.push('.');
    }
    for i in decpt64..vend {
        out.push(digit_at(i));
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// `repr(x)` (and `str(x)`) for a float: `1.0`, `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let flags = DtsFlags { add_dot_0: true, ..Default::default() };
    double_to_string(x, 'r', 0, flags)
}

/// `repr(complex(re, im))`: `1j`, `(1+2j)`, `(-0-0j)`, `infj`, `(nan+nanj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let plain = DtsFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        let mut s = double_to_string(im, 'r', 0, plain);
        s.push('j');
        return s;
    }
    let signed = DtsFlags { sign: true, ..plain };
    format!("({}{}j)", double_to_string(re, 'r', 0, plain), double_to_string(im, 'r', 0, signed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_layout() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (123456789.125, "123456789.125"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:e}");
        }
    }

    #[test]
    fn complex_layout() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, -0.0), "(-0-0j)");
        assert_eq!(complex_repr(0.0, f64::INFINITY), "infj");
        assert_eq!(complex_repr(f64::NAN, f64::NAN), "(nan+nanj)");
        assert_eq!(complex_repr(1.5, -2.25), "(1.5-2.25j)");
    }
}
