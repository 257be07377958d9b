//! `repr()` and `ascii()` of str and bytes, with CPython's quote choice and escapes.

use super::unicode::is_printable;
use std::fmt::Write;

/// The quote CPython picks: `'` unless the text holds `'` and no `"`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escaped_char(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if c.is_ascii() => out.push(c),
        c if !ascii_only && is_printable(c) => out.push(c),
        c => {
            let cp = c as u32;
            let _ = if cp <= 0xff {
                write!(out, "\\x{cp:02x}")
            } else if cp <= 0xffff {
                write!(out, "\\u{cp:04x}")
            } else {
                write!(out, "\\U{cp:08x}")
            };
        }
    }
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_escaped_char(&mut out, c, quote, ascii_only);
    }
    out.push(quote);
    out
}

/// `repr(s)`: quoted, with `\\`, `\t`, `\n`, `\r`, the quote and non-printable characters
/// escaped (`\xNN`, `\uNNNN`, `\UNNNNNNNN`); printable non-ASCII text is kept.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)`: like `repr(s)` but every non-ASCII character is escaped.
pub fn str_ascii(s: &str) -> String {
    repr_impl(s, true)
}

/// `repr(b)` for bytes: `b'...'`, non-ASCII and control bytes as `\xNN`.
pub fn bytes_repr(b: &[u8]) -> String {
    bytes_repr_with_prefix(b, "b", "")
}

/// The repr body of a bytes-like value wrapped in `prefix`/`suffix`, as `bytearray(b'..')`
/// uses it: `bytes_repr_with_prefix(b, "bytearray(b", ")")`.
pub fn bytes_repr_with_prefix(b: &[u8], prefix: &str, suffix: &str) -> String {
    bytes_repr_impl(b, prefix, suffix, false)
}

/// The repr of a `bytearray` whose class is called `name`: like `bytes`, except that a
/// single quote is escaped even inside double quotes (CPython's `bytearray_repr`).
pub fn bytearray_repr(b: &[u8], name: &str) -> String {
    bytes_repr_impl(b, &format!("{name}(b"), ")", true)
}

fn bytes_repr_impl(b: &[u8], prefix: &str, suffix: &str, always_escape_single: bool) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"')) as u8;
    let mut out = String::with_capacity(b.len() + prefix.len() + suffix.len() + 2);
    out.push_str(prefix);
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out.push_str(suffix);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_quotes_and_escapes() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("it's \"x\""), "'it\\'s \"x\"'");
        assert_eq!(str_repr("a\tb\n\x00\x7f"), "'a\\tb\\n\\x00\\x7f'");
        assert_eq!(str_repr("é\u{a0}\u{2028}😀"), "'é\\xa0\\u2028😀'");
        assert_eq!(str_ascii("é😀"), "'\\xe9\\U0001f600'");
    }

    #[test]
    fn bytes_quotes_and_escapes() {
        assert_eq!(bytes_repr(b"abc"), "b'abc'");
        assert_eq!(bytes_repr(b"'"), "b\"'\"");
        assert_eq!(bytes_repr(b"\x00\xff\\"), "b'\\x00\\xff\\\\'");
    }
}
