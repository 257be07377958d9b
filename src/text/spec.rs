//! The format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`, `str.format`):
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed with
//! CPython 3.11's rules and error messages, and the formatters for str, int, float and
//! complex that share one number layout (sign, prefix, zero padding, digit grouping).
//! See "Format Specification Mini-Language" in the Python documentation.

use super::unicode::decimal_value;
use crate::num::{double_to_string, float_repr, int_to_f64, DtsFlags, PyErrSpec, SpecResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Which digit-group separator the spec asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (decimal types).
    Underscore,
    /// `_` every four digits (`b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed format spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `< > = ^` (the caller's default when none was given).
    pub align: char,
    /// `+`, `-`, ` ` or `None`.
    pub sign: Option<char>,
    /// The `z` flag: coerce negative zero to zero (floats only).
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type (the caller's default when none was given).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// A run of (Unicode) decimal digits at `pos` as an integer; the bool says whether any
/// digit was read.
fn read_integer(chars: &[char], pos: &mut usize) -> SpecResult<(usize, bool)> {
    let mut acc: usize = 0;
    let mut any = false;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| PyErrSpec::value("Too many decimal digits in format string"))?;
        any = true;
        *pos += 1;
    }
    Ok((acc, any))
}

/// The "Unknown format code" error for `ty` on an object of type `type_name`.
pub fn unknown_format_code(ty: char, type_name: &str) -> PyErrSpec {
    let code = if (ty as u32) > 32 && (ty as u32) < 128 { ty.to_string() } else { format!("\\x{:x}", ty as u32) };
    PyErrSpec::value(format!("Unknown format code '{code}' for object of type '{type_name}'"))
}

/// Parse `spec` for an object of type `type_name`, with the type's default presentation
/// type and alignment (`str`: none/`<`, numbers: none/`>`).
pub fn parse_format_spec(spec: &str, default_type: Option<char>, default_align: char, type_name: &str) -> SpecResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: default_type,
    };
    let mut fill_given = false;
    let mut align_given = false;
    if end >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.align = chars[1];
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = chars[0];
        align_given = true;
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_given && pos < end && chars[pos] == '0' {
        f.fill = '0';
        if !align_given && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    let (width, any) = read_integer(&chars, &mut pos)?;
    if any {
        f.width = Some(width);
    }
    let both = || PyErrSpec::value("Cannot specify both ',' and '_'.");
    if pos < end && chars[pos] == ',' {
        f.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping != Grouping::None {
            return Err(both());
        }
        f.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Grouping::Underscore {
        return Err(both());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        let (precision, any) = read_integer(&chars, &mut pos)?;
        if !any {
            return Err(PyErrSpec::value("Format specifier missing precision"));
        }
        f.precision = Some(precision);
    }
    if end - pos > 1 {
        return Err(PyErrSpec::value(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if f.grouping != Grouping::None {
        match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if f.grouping == Grouping::Underscore => {
                f.grouping = Grouping::UnderscoreFour;
            }
            Some(t) => {
                let sep = if f.grouping == Grouping::Comma { ',' } else { '_' };
                let code = if (t as u32) > 32 && (t as u32) < 128 { t.to_string() } else { format!("\\x{:x}", t as u32) };
                return Err(PyErrSpec::value(format!("Cannot specify '{sep}' with '{code}'.")));
            }
        }
    }
    Ok(f)
}

/// Left and right padding for `len` characters in `width` with `align`.
fn padding(len: usize, width: Option<usize>, align: char) -> (usize, usize) {
    let total = width.map_or(len, |w| w.max(len));
    let extra = total - len;
    let left = match align {
        '>' => extra,
        '^' => extra / 2,
        _ => 0,
    };
    (left, extra - left)
}

fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> SpecResult<String> {
    format_str_typed(s, spec, "str")
}

/// `format(s, spec)` for a str (subclass) whose type is named `type_name`.
pub fn format_str_typed(s: &str, spec: &str, type_name: &str) -> SpecResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_format_spec(spec, Some('s'), '<', type_name)?;
    match f.ty {
        Some('s') => format_str_with(s, &f),
        Some(t) => Err(unknown_format_code(t, type_name)),
        None => format_str_with(s, &f),
    }
}

/// Lay out a str with an already parsed spec (type `s`).
pub fn format_str_with(s: &str, f: &FormatSpec) -> SpecResult<String> {
    match f.sign {
        Some(' ') => return Err(PyErrSpec::value("Space not allowed in string format specifier")),
        Some(_) => return Err(PyErrSpec::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.no_neg_zero {
        return Err(PyErrSpec::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alternate {
        return Err(PyErrSpec::value("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == '=' {
        return Err(PyErrSpec::value("'=' alignment not allowed in string format specifier"));
    }
    let mut len = s.chars().count();
    let text: &str = match f.precision {
        Some(p) if p < len => {
            len = p;
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            &s[..cut]
        }
        _ => s,
    };
    let (left, right) = padding(len, f.width, f.align);
    let mut out = String::with_capacity(text.len() + left + right);
    push_n(&mut out, f.fill, left);
    out.push_str(text);
    push_n(&mut out, f.fill, right);
    Ok(out)
}

/// The pieces of a formatted number before padding: `[sign][prefix][digits][.][rest]`.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    decimal: bool,
    remainder: &'a str,
}

/// Insert the group separator into `digits`, padding with zeros up to `min_width`
/// characters (separators included) as CPython's `_PyUnicode_InsertThousandsGrouping` does.
fn group_digits(digits: &str, min_width: i64, grouping: Grouping) -> String {
    let (size, sep) = match grouping {
        Grouping::None => (0i64, '\0'),
        Grouping::Comma => (3, ','),
        Grouping::Underscore => (3, '_'),
        Grouping::UnderscoreFour => (4, '_'),
    };
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut chunks: Vec<String> = Vec::new();
    let mut finished = false;
    let take = |l: i64, remaining: &mut i64, chunks: &mut Vec<String>| {
        let zeros = (l - *remaining).max(0);
        let n = (*remaining).min(l).max(0);
        let mut chunk = "0".repeat(zeros as usize);
        chunk.push_str(&digits[(*remaining - n) as usize..*remaining as usize]);
        chunks.push(chunk);
        *remaining -= n;
    };
    if size > 0 {
        loop {
            let l = size.min(remaining.max(min_width).max(1));
            take(l, &mut remaining, &mut chunks);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let l = remaining.max(min_width).max(1);
        take(l, &mut remaining, &mut chunks);
    }
    chunks.reverse();
    let mut out = String::new();
    for (i, c) in chunks.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(c);
    }
    out
}

/// Lay out a number with the spec's sign, fill, alignment, width and grouping.
fn layout_number(n: &Number, f: &FormatSpec) -> String {
    let sign = match (n.negative, f.sign) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        _ => None,
    };
    let fixed = sign.is_some() as i64 + n.prefix.len() as i64 + n.decimal as i64 + n.remainder.chars().count() as i64;
    let width = f.width.map_or(-1, |w| w as i64);
    let min_width = if f.fill == '0' && f.align == '=' { width - fixed } else { 0 };
    let grouped = if n.digits.is_empty() { String::new() } else { group_digits(n.digits, min_width, f.grouping) };
    let pad = (width - fixed - grouped.len() as i64).max(0) as usize;
    let (left, inner, right) = match f.align {
        '<' => (0, 0, pad),
        '^' => (pad / 2, 0, pad - pad / 2),
        '=' => (0, pad, 0),
        _ => (pad, 0, 0),
    };
    let mut out = String::new();
    push_n(&mut out, f.fill, left);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(n.prefix);
    push_n(&mut out, f.fill, inner);
    out.push_str(&grouped);
    if n.decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    push_n(&mut out, f.fill, right);
    out
}

/// Split formatted float text (`-123.45e+06`, `inf`) into layout pieces.
fn split_float_text(text: &str) -> Number<'_> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(ndig);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    Number { negative, prefix: "", digits, decimal, remainder }
}

/// `format(n, spec)` for an int.
pub fn format_int(n: &BigInt, spec: &str) -> SpecResult<String> {
    format_int_typed(n, spec, "int", crate::num::INT_MAX_STR_DIGITS)
}

/// `format(n, spec)` for an int (subclass, e.g. bool) named `type_name`, with the
/// interpreter's `sys.get_int_max_str_digits()` (0 = no limit).
pub fn format_int_typed(n: &BigInt, spec: &str, type_name: &str, max_str_digits: usize) -> SpecResult<String> {
    if spec.is_empty() {
        return crate::num::int_to_decimal(n, max_str_digits);
    }
    let f = parse_format_spec(spec, Some('d'), '>', type_name)?;
    format_int_with(n, &f, type_name, max_str_digits)
}

/// Format an int with an already parsed spec.
pub fn format_int_with(n: &BigInt, f: &FormatSpec, type_name: &str, max_str_digits: usize) -> SpecResult<String> {
    match f.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') | None => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_with(int_to_f64(n)?, f);
        }
        Some(t) => return Err(unknown_format_code(t, type_name)),
    }
    if f.precision.is_some() {
        return Err(PyErrSpec::value("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_zero {
        return Err(PyErrSpec::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let ty = f.ty.unwrap_or('d');
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(PyErrSpec::value("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(PyErrSpec::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let cp = n.to_i64().ok_or_else(|| PyErrSpec::overflow("Python int too large to convert to C long"))?;
        let c = u32::try_from(cp).ok().filter(|&v| v <= 0x10ffff).ok_or_else(|| PyErrSpec::overflow("%c arg not in range(0x110000)"))?;
        // Surrogates cannot live in a Rust string; U+FFFD stands in for them.
        let ch = char::from_u32(c).unwrap_or('\u{fffd}').to_string();
        let num = Number { negative: false, prefix: "", digits: "", decimal: false, remainder: &ch };
        return Ok(layout_number(&num, f));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if base == 10 {
        let s = crate::num::int_to_decimal(n, max_str_digits)?;
        s.trim_start_matches('-').to_string()
    } else {
        n.magnitude().to_str_radix(base)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let num =
        Number { negative: n.is_negative(), prefix: if f.alternate { prefix } else { "" }, digits: &digits, decimal: false, remainder: "" };
    Ok(layout_number(&num, f))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> SpecResult<String> {
    format_float_typed(x, spec, "float")
}

/// `format(x, spec)` for a float (subclass) named `type_name`.
pub fn format_float_typed(x: f64, spec: &str, type_name: &str) -> SpecResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let f = parse_format_spec(spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_with(x, &f),
        Some(t) => Err(unknown_format_code(t, type_name)),
    }
}

/// CPython keeps float precisions in a C int.
fn check_precision(f: &FormatSpec) -> SpecResult<()> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(PyErrSpec::value("precision too big"));
    }
    Ok(())
}

/// The `PyOS_double_to_string` call for one float under a spec: (code, precision, flags,
/// append `%`).
fn float_conversion(f: &FormatSpec, complex: bool) -> (char, usize, DtsFlags, bool) {
    let mut flags = DtsFlags { alt: f.alternate, no_neg_zero: f.no_neg_zero, ..Default::default() };
    let mut default_precision = 6;
    let mut code = match f.ty {
        None => {
            // No type: like repr without a precision, else like 'g' (plus, for floats,
            // at least one digit after the point).
            if !complex {
                flags.add_dot_0 = true;
            }
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(t) => t,
    };
    let percent = code == '%';
    if percent {
        code = 'f';
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    (code, precision, flags, percent)
}

/// Format a float with an already parsed spec (types `e E f F g G n %` or none).
pub fn format_float_with(x: f64, f: &FormatSpec) -> SpecResult<String> {
    check_precision(f)?;
    let (code, precision, flags, percent) = float_conversion(f, false);
    let v = if percent { x * 100.0 } else { x };
    let mut text = double_to_string(v, code, precision, flags);
    if percent {
        text.push('%');
    }
    let num = split_float_text(&text);
    Ok(layout_number(&num, f))
}

/// `format(complex(re, im), spec)`.
pub fn format_complex(re: f64, im: f64, spec: &str) -> SpecResult<String> {
    format_complex_typed(re, im, spec, "complex")
}

/// `format(complex(re, im), spec)` for a complex (subclass) named `type_name`.
pub fn format_complex_typed(re: f64, im: f64, spec: &str, type_name: &str) -> SpecResult<String> {
    if spec.is_empty() {
        return Ok(crate::num::complex_repr(re, im));
    }
    let f = parse_format_spec(spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_format_code(t, type_name)),
    }
    if f.fill == '0' {
        return Err(PyErrSpec::value("Zero padding is not allowed in complex format specifier"));
    }
    if f.align == '=' {
        return Err(PyErrSpec::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    check_precision(&f)?;
    let (code, precision, flags, _) = float_conversion(&f, true);
    let (mut skip_re, mut parens) = (false, false);
    if f.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let re_text = double_to_string(re, code, precision, flags);
    let im_text = double_to_string(im, code, precision, flags);
    // Each part is laid out without padding; the whole is padded afterwards.
    let part_spec = FormatSpec { fill: ' ', align: '<', width: None, ..f.clone() };
    let re_part = layout_number(&split_float_text(&re_text), &part_spec);
    let im_spec = FormatSpec { sign: if skip_re { f.sign } else { Some('+') }, ..part_spec };
    let im_part = layout_number(&split_float_text(&im_text), &im_spec);
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&re_part);
    }
    body.push_str(&im_part);
    body.push('j');
    if parens {
        body.push(')');
    }
    let (left, right) = padding(body.chars().count(), f.width, f.align);
    let mut out = String::new();
    push_n(&mut out, f.fill, left);
    out.push_str(&body);
    push_n(&mut out, f.fill, right);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(format_float(2.675, ".2f").unwrap(), "2.67");
        assert_eq!(format_float(0.5, ".0f").unwrap(), "0");
        assert_eq!(format_float(1e22, "f").unwrap(), "10000000000000000000000.000000");
        assert_eq!(format_float(f64::INFINITY, "010").unwrap(), "0000000inf");
        assert_eq!(format_int(&BigInt::from(1234), "010,").unwrap(), "00,001,234");
        assert_eq!(format_int(&BigInt::from(255), "#x").unwrap(), "0xff");
        assert_eq!(format_str("ab", "^6").unwrap(), "  ab  ");
        assert_eq!(format_complex(1.0, -2.0, "").unwrap(), "(1-2j)");
        assert_eq!(format_str("a", ",").unwrap_err().msg, "Cannot specify ',' with 's'.");
    }
}
