//! `%`-formatting (`'%5.2f' % x`, printf-style): the parser that splits a format string
//! into literal text and conversion specs, and the per-conversion formatters the object
//! layer calls once it has fetched each argument. See "printf-style String Formatting" in
//! the Python documentation.
//!
//! CPython interleaves parsing with fetching arguments, so errors surface in a fixed order.
//! For each [`ConvSpec`] the caller does, in order: the mapping check if
//! [`ConvSpec::needs_mapping`] (`TypeError: format requires a mapping`), the key lookup if
//! [`ConvSpec::key`] is set, fetching `*` width/precision arguments, raising
//! [`ConvSpec::error`] if set, fetching the value (`not enough arguments for format
//! string`), and finally dispatching on [`ConvSpec::conv`] (unknown ones raise
//! [`unsupported_format_character`]).

use crate::num::{double_to_string, int_to_decimal, DtsFlags, PyErrSpec, SpecResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// The flag characters `-+ #0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub sign: bool,
    /// ` `: a space before non-negative numbers.
    pub blank: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding for numbers.
    pub zero: bool,
}

/// A width or precision: absent, `*` (taken from the arguments) or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentCount {
    None,
    Star,
    Fixed(usize),
}

/// One conversion: `%(key)flags width .precision conv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvSpec {
    /// The spec started with `(`: the arguments must be a mapping.
    pub needs_mapping: bool,
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: PercentCount,
    pub precision: PercentCount,
    /// The conversion character (`'\0'` when `error` is set).
    pub conv: char,
    /// Index (in characters) of `conv` in the format string, for error messages.
    pub index: usize,
    /// A format error to raise after the key lookup and `*` arguments.
    pub error: Option<PyErrSpec>,
}

/// A piece of a parsed `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentItem {
    /// Text copied as is (`%%` already turned into `%`).
    Literal(String),
    Conv(ConvSpec),
}

/// `ValueError: unsupported format character 'y' (0x79) at index 1`.
pub fn unsupported_format_character(conv: char, index: usize) -> PyErrSpec {
    let shown = if (32..127).contains(&(conv as u32)) { conv } else { '?' };
    PyErrSpec::value(format!("unsupported format character '{shown}' (0x{:x}) at index {index}", conv as u32))
}

/// Split a `%` format string into literals and conversions. Parsing stops after the first
/// conversion that carries an error.
pub fn parse_percent_format(fmt: &str) -> Vec<PercentItem> {
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut items = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < n {
        if chars[i] != '%' {
            literal.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < n && chars[i] == '%' {
            literal.push('%');
            i += 1;
            continue;
        }
        if !literal.is_empty() {
            items.push(PercentItem::Literal(std::mem::take(&mut literal)));
        }
        let spec = parse_conv(&chars, &mut i);
        let stop = spec.error.is_some();
        items.push(PercentItem::Conv(spec));
        if stop {
            return items;
        }
    }
    if !literal.is_empty() {
        items.push(PercentItem::Literal(literal));
    }
    items
}

/// Parse one conversion; `*i` is just past its `%`.
fn parse_conv(chars: &[char], i: &mut usize) -> ConvSpec {
    let n = chars.len();
    let mut spec = ConvSpec {
        needs_mapping: false,
        key: None,
        flags: PercentFlags::default(),
        width: PercentCount::None,
        precision: PercentCount::None,
        conv: '\0',
        index: 0,
        error: None,
    };
    let incomplete = || Some(PyErrSpec::value("incomplete format"));
    if *i < n && chars[*i] == '(' {
        spec.needs_mapping = true;
        *i += 1;
        let start = *i;
        let mut depth = 1;
        while depth > 0 && *i < n {
            match chars[*i] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *i += 1;
        }
        if depth > 0 {
            spec.error = Some(PyErrSpec::value("incomplete format key"));
            return spec;
        }
        spec.key = Some(chars[start..*i - 1].iter().collect());
    }
    let next = |i: &mut usize| -> Option<char> {
        let c = chars.get(*i).copied();
        if c.is_some() {
            *i += 1;
        }
        c
    };
    let mut ch = None;
    while let Some(c) = next(i) {
        match c {
            '-' => spec.flags.left = true,
            '+' => spec.flags.sign = true,
            ' ' => spec.flags.blank = true,
            '#' => spec.flags.alt = true,
            '0' => spec.flags.zero = true,
            _ => {
                ch = Some(c);
                break;
            }
        }
    }
    if ch == Some('*') {
        spec.width = PercentCount::Star;
        ch = next(i);
    } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
        let mut w = d as usize;
        loop {
            ch = next(i);
            let Some(d) = ch.and_then(|c| c.to_digit(10)) else {
                break;
            };
            match w.checked_mul(10).and_then(|v| v.checked_add(d as usize)) {
                Some(v) if v <= isize::MAX as usize => w = v,
                _ => {
                    spec.error = Some(PyErrSpec::value("width too big"));
                    return spec;
                }
            }
        }
        spec.width = PercentCount::Fixed(w);
    }
    if ch == Some('.') {
        spec.precision = PercentCount::Fixed(0);
        ch = next(i);
        if ch == Some('*') {
            spec.precision = PercentCount::Star;
            ch = next(i);
        } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
            let mut p = d as usize;
            loop {
                ch = next(i);
                let Some(d) = ch.and_then(|c| c.to_digit(10)) else {
                    break;
                };
                p = p * 10 + d as usize;
                if p > i32::MAX as usize {
                    spec.error = Some(PyErrSpec::value("precision too big"));
                    return spec;
                }
            }
            spec.precision = PercentCount::Fixed(p);
        }
    }
    if matches!(ch, Some('h' | 'l' | 'L')) {
        ch = next(i);
    }
    // A conversion character is only complete if it was actually read.
    match ch {
        Some(c) if *i <= n => {
            spec.conv = c;
            spec.index = *i - 1;
        }
        _ => spec.error = incomplete(),
    }
    spec
}

impl ConvSpec {
    /// This spec with `*` values filled in from the arguments: a negative width means
    /// left-justify, a negative precision means 0.
    pub fn with_stars(&self, width: Option<i64>, precision: Option<i64>) -> ConvSpec {
        let mut s = self.clone();
        if let (PercentCount::Star, Some(w)) = (s.width, width) {
            if w < 0 {
                s.flags.left = true;
            }
            s.width = PercentCount::Fixed(w.unsigned_abs() as usize);
        }
        if let (PercentCount::Star, Some(p)) = (s.precision, precision) {
            s.precision = PercentCount::Fixed(p.max(0) as usize);
        }
        s
    }

    fn width(&self) -> usize {
        match self.width {
            PercentCount::Fixed(w) => w,
            _ => 0,
        }
    }

    fn precision(&self) -> Option<usize> {
        match self.precision {
            PercentCount::Fixed(p) => Some(p),
            _ => None,
        }
    }
}

/// Pad a number's text (sign and `0x`/`0o` prefix included) to the spec's width.
fn output_number(text: &str, spec: &ConvSpec) -> String {
    let zero = spec.flags.zero;
    let fill = if zero { '0' } else { ' ' };
    let (sign, body) = match text.chars().next() {
        Some(c @ ('-' | '+')) => (Some(c), &text[1..]),
        _ if spec.flags.sign => (Some('+'), text),
        _ if spec.flags.blank => (Some(' '), text),
        _ => (None, text),
    };
    let has_prefix = spec.flags.alt && matches!(spec.conv, 'x' | 'X' | 'o');
    let (prefix, digits) = if has_prefix && body.len() >= 2 { body.split_at(2) } else { ("", body) };
    let len = digits.chars().count();
    let mut width = spec.width().max(body.chars().count());
    let mut out = String::new();
    if let Some(c) = sign {
        if zero {
            out.push(c);
        }
        width = width.saturating_sub(1).max(body.chars().count());
    }
    if zero {
        out.push_str(prefix);
    }
    width = width.saturating_sub(prefix.len());
    if width > len && !spec.flags.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if !zero {
        if let Some(c) = sign {
            out.push(c);
        }
        out.push_str(prefix);
    }
    out.push_str(digits);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    out
}

/// `%d %i %u %o %x %X` of an int (the caller converts floats and `__index__` objects);
/// `max_str_digits` is `sys.get_int_max_str_digits()` (0 = no limit).
pub fn percent_int(n: &BigInt, spec: &ConvSpec, max_str_digits: usize) -> SpecResult<String> {
    let (base, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if base == 10 { int_to_decimal(&n.abs(), max_str_digits)? } else { n.magnitude().to_str_radix(base) };
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut text = String::new();
    if n.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    if let Some(p) = spec.precision() {
        if p > digits.len() {
            text.extend(std::iter::repeat_n('0', p - digits.len()));
        }
    }
    text.push_str(&digits);
    Ok(output_number(&text, spec))
}

/// `%e %E %f %F %g %G` of a float.
pub fn percent_float(x: f64, spec: &ConvSpec) -> String {
    let flags = DtsFlags { alt: spec.flags.alt, ..Default::default() };
    let text = double_to_string(x, spec.conv, spec.precision().unwrap_or(6), flags);
    output_number(&text, spec)
}

/// `%s %r %a` (given the already converted text) and `%c` (given the character as text):
/// precision truncates (`s r a` only), width pads with spaces.
pub fn percent_str(s: &str, spec: &ConvSpec) -> String {
    let mut text = s;
    let mut len = s.chars().count();
    if let (Some(p), 's' | 'r' | 'a') = (spec.precision(), spec.conv) {
        if len > p {
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            text = &s[..cut];
            len = p;
        }
    }
    let pad = spec.width().saturating_sub(len);
    let mut out = String::with_capacity(text.len() + pad);
    if !spec.flags.left {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out.push_str(text);
    if spec.flags.left {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out
}

/// The character `%c` prints for an int argument.
pub fn percent_char_from_int(n: &BigInt) -> SpecResult<char> {
    let err = || PyErrSpec::overflow("%c arg not in range(0x110000)");
    let cp = n.to_u32().filter(|&c| c <= 0x10ffff).ok_or_else(err)?;
    // Surrogates cannot live in a Rust string; U+FFFD stands in for them.
    Ok(char::from_u32(cp).unwrap_or('\u{fffd}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(fmt: &str) -> ConvSpec {
        match parse_percent_format(fmt).pop() {
            Some(PercentItem::Conv(c)) => c,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parse_and_format() {
        assert_eq!(parse_percent_format("a%%b"), vec![PercentItem::Literal("a%b".into())]);
        let c = conv("%(name)-10.3f");
        assert_eq!(c.key.as_deref(), Some("name"));
        assert_eq!(percent_float(3.14159, &c), "3.142     ");
        assert_eq!(conv("%").error.unwrap().msg, "incomplete format");
        assert_eq!(percent_int(&BigInt::from(255), &conv("%#08x"), 4300).unwrap(), "0x0000ff");
        assert_eq!(percent_int(&BigInt::from(-3), &conv("%05d"), 4300).unwrap(), "-0003");
        assert_eq!(percent_str("abc", &conv("%5.2s")), "   ab");
        let y = conv("%y");
        assert_eq!(unsupported_format_character(y.conv, y.index).msg, "unsupported format character 'y' (0x79) at index 1");
    }
}
