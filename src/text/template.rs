//! The `str.format` template grammar (`"a{0.x[1]!r:>{w}}b"`): splitting a template into
//! literal text and replacement fields, and a field name into its first part and the
//! chain of `.attr` / `[key]` accesses, with CPython 3.11's error messages. Formatting
//! the values is the object layer's job (with [`super::spec`] for the specs).
//! See "Format String Syntax" in the Python documentation.

use super::unicode::decimal_value;
use crate::num::{PyErrSpec, SpecResult};

/// A replacement field `{name!conversion:spec}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateField {
    /// The field name as written (`""` for automatic numbering).
    pub name: String,
    /// The character after `!`, if any (validity is checked when formatting, see
    /// [`unknown_conversion`]).
    pub conversion: Option<char>,
    /// The format spec, still holding nested `{...}` fields.
    pub spec: String,
    /// The spec contains `{` and must itself be formatted first.
    pub spec_needs_expanding: bool,
}

/// One step of the template: literal text, then optionally a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplatePiece {
    pub literal: String,
    pub field: Option<TemplateField>,
}

/// Split a template into pieces. Like CPython's lazy parser, everything before the first
/// error is returned along with the error, which the caller raises after formatting the
/// earlier pieces. A piece whose field is malformed is not returned at all.
pub fn parse_template(s: &str) -> (Vec<TemplatePiece>, Option<PyErrSpec>) {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut pos = 0;
    while pos < n {
        let start = pos;
        let mut brace = None;
        while pos < n {
            let c = chars[pos];
            pos += 1;
            if c == '{' || c == '}' {
                brace = Some(c);
                break;
            }
        }
        let at_end = pos >= n;
        let mut lit_end = pos;
        let mut field_follows = brace.is_some();
        if brace == Some('}') && (at_end || chars[pos] != '}') {
            return (pieces, Some(PyErrSpec::value("Single '}' encountered in format string")));
        }
        if at_end && brace == Some('{') {
            return (pieces, Some(PyErrSpec::value("Single '{' encountered in format string")));
        }
        if !at_end && brace.is_some() {
            if Some(chars[pos]) == brace {
                // A doubled brace: keep one as literal text.
                pos += 1;
                field_follows = false;
            } else {
                lit_end -= 1;
            }
        }
        let literal: String = chars[start..lit_end].iter().collect();
        if !field_follows {
            pieces.push(TemplatePiece { literal, field: None });
            continue;
        }
        match parse_field(&chars, &mut pos) {
            Ok(field) => pieces.push(TemplatePiece { literal, field: Some(field) }),
            Err(e) => return (pieces, Some(e)),
        }
    }
    (pieces, None)
}

/// Parse a field after its `{`, consuming through the closing `}`.
fn parse_field(chars: &[char], pos: &mut usize) -> SpecResult<TemplateField> {
    let n = chars.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < n {
        c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err(PyErrSpec::value("unexpected '{' in field name")),
            '[' => {
                while *pos < n && chars[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name_end = if *pos > name_start { *pos - 1 } else { *pos };
    let mut field = TemplateField {
        name: chars[name_start..name_end.max(name_start)].iter().collect(),
        conversion: None,
        spec: String::new(),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= n {
                return Err(PyErrSpec::value("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(chars[*pos]);
            *pos += 1;
            if *pos < n {
                let next = chars[*pos];
                *pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(PyErrSpec::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut depth = 1;
        while *pos < n {
            let c = chars[*pos];
            *pos += 1;
            match c {
                '{' => {
                    field.spec_needs_expanding = true;
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = chars[spec_start..*pos - 1].iter().collect();
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(PyErrSpec::value("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(PyErrSpec::value("expected '}' before end of string"));
    }
    Ok(field)
}

/// `ValueError: Unknown conversion specifier x` for a conversion other than `r s a`.
pub fn unknown_conversion(c: char) -> PyErrSpec {
    if (c as u32) > 32 && (c as u32) < 127 {
        PyErrSpec::value(format!("Unknown conversion specifier {c}"))
    } else {
        PyErrSpec::value(format!("Unknown conversion specifier \\x{:x}", c as u32))
    }
}

/// The first part of a field name, or a `[key]`: a non-negative decimal integer or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKey {
    Index(usize),
    /// Text (`""` as the first part means automatic numbering).
    Name(String),
}

/// One access after the first part of a field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldAccess {
    /// `.name`
    Attr(String),
    /// `[key]`
    Item(FieldKey),
}

/// A decimal integer (Unicode digits allowed) or `None` if `s` is empty or has a
/// non-digit.
fn field_integer(s: &[char]) -> SpecResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| PyErrSpec::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

fn key_of(s: &[char]) -> SpecResult<FieldKey> {
    Ok(match field_integer(s)? {
        Some(i) => FieldKey::Index(i),
        None => FieldKey::Name(s.iter().collect()),
    })
}

/// Split a field name into its first part and the accesses after it
/// (`"a.b[0]"` → `a`, `[.b, [0]]`).
pub fn split_field_name(name: &str) -> SpecResult<(FieldKey, Vec<FieldAccess>)> {
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    let first_end = chars.iter().position(|&c| c == '.' || c == '[').unwrap_or(n);
    let first = key_of(&chars[..first_end])?;
    let mut rest = Vec::new();
    let mut pos = first_end;
    let empty = || PyErrSpec::value("Empty attribute in format string");
    while pos < n {
        let c = chars[pos];
        pos += 1;
        match c {
            '.' => {
                let start = pos;
                while pos < n && chars[pos] != '.' && chars[pos] != '[' {
                    pos += 1;
                }
                if pos == start {
                    return Err(empty());
                }
                rest.push(FieldAccess::Attr(chars[start..pos].iter().collect()));
            }
            '[' => {
                let start = pos;
                while pos < n && chars[pos] != ']' {
                    pos += 1;
                }
                if pos >= n {
                    return Err(PyErrSpec::value("Missing ']' in format string"));
                }
                let key = &chars[start..pos];
                pos += 1;
                if key.is_empty() {
                    return Err(empty());
                }
                rest.push(FieldAccess::Item(key_of(key)?));
            }
            _ => return Err(PyErrSpec::value("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok((first, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template() {
        let (p, e) = parse_template("a{0!r:>{1}}b{{");
        assert!(e.is_none());
        assert_eq!(p[0].literal, "a");
        let f = p[0].field.as_ref().unwrap();
        assert_eq!((f.name.as_str(), f.conversion, f.spec.as_str()), ("0", Some('r'), ">{1}"));
        assert!(f.spec_needs_expanding);
        // An escaped brace ends a literal piece and stays in it.
        assert_eq!(p[1].literal, "b{");
        assert_eq!(p.len(), 2);
        let (_, e) = parse_template("}");
        assert_eq!(e.unwrap().msg, "Single '}' encountered in format string");
        let (first, rest) = split_field_name("a.b[0]").unwrap();
        assert_eq!(first, FieldKey::Name("a".into()));
        assert_eq!(rest, vec![FieldAccess::Attr("b".into()), FieldAccess::Item(FieldKey::Index(0))]);
    }
}
