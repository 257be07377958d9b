//! Character classification and case mapping with CPython 3.11's Unicode 14.0 database:
//! the per-character predicates behind `str.isalpha()`, `str.isprintable()`, `str.split()`
//! and friends, decimal digit values for `int()`/`float()`, and the full case mappings.
//! The tables live in the generated `unicode_tables.rs` / `unicode_case_tables.rs`.

use super::unicode_case_tables::{FOLD_MAP, LOWER_MAP, TITLE_MAP, UPPER_MAP};
use super::unicode_tables as t;

fn lookup_flags(cp: u32) -> u16 {
    let idx = t::FLAG_RUNS.partition_point(|&(start, _)| start <= cp);
    t::FLAG_RUNS[idx - 1].1
}

/// The flags of the Latin-1 range, looked up once (the common case in real text).
static LATIN1_FLAGS: once_cell::sync::Lazy<[u16; 256]> = once_cell::sync::Lazy::new(|| {
    let mut table = [0u16; 256];
    for (cp, slot) in table.iter_mut().enumerate() {
        *slot = lookup_flags(cp as u32);
    }
    table
});

/// The flag bits of `c` (see the constants in `unicode_tables`).
fn flags(c: char) -> u16 {
    let cp = c as u32;
    if cp < 256 {
        LATIN1_FLAGS[cp as usize]
    } else {
        lookup_flags(cp)
    }
}

macro_rules! predicate {
    ($(#[$doc:meta])* $name:ident, $flag:ident) => {
        $(#[$doc])*
        #[inline]
        pub fn $name(c: char) -> bool {
            flags(c) & t::$flag != 0
        }
    };
}

predicate!(
    /// `c.isalpha()`: general category L*.
    is_alpha, ALPHA
);
predicate!(
    /// `c.isdecimal()`: has a decimal digit value (category Nd).
    is_decimal, DECIMAL
);
predicate!(
    /// `c.isdigit()`: has a digit value (Nd and superscripts, circled digits, ...).
    is_digit, DIGIT
);
predicate!(
    /// `c.isnumeric()`: has a numeric value (digits, fractions, Roman numerals, CJK numerals).
    is_numeric, NUMERIC
);
predicate!(
    /// `c.isspace()`: bidirectional class WS, B or S, or category Zs.
    is_space, SPACE
);
predicate!(
    /// `c.islower()` for one character: the Lowercase property.
    is_lower, LOWER
);
predicate!(
    /// `c.isupper()` for one character: the Uppercase property.
    is_upper, UPPER
);
predicate!(
    /// Titlecase letter (category Lt).
    is_title, TITLE
);
predicate!(
    /// `c.isprintable()`: not in categories C* or Z*, except the space itself.
    is_printable, PRINTABLE
);
predicate!(
    /// XID_Start: may begin an identifier (`_` is allowed separately).
    is_xid_start, XID_START
);
predicate!(
    /// XID_Continue: may continue an identifier.
    is_xid_continue, XID_CONTINUE
);
predicate!(
    /// Cased: Lowercase, Uppercase or Lt.
    is_cased, CASED
);
predicate!(
    /// Case_Ignorable (used by the final-sigma rule of `str.lower()`).
    is_case_ignorable, CASE_IGNORABLE
);

/// `c.isalnum()`: alphabetic, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    flags(c) & (t::ALPHA | t::DECIMAL | t::DIGIT | t::NUMERIC) != 0
}

/// A line boundary for `str.splitlines()`: `\n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`.
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The decimal value of `c` if it is a Unicode decimal digit (`'٣'` → 3).
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - '0' as u32);
    }
    let idx = t::DECIMAL_RUNS.partition_point(|&(start, _, _)| start <= cp);
    if idx == 0 {
        return None;
    }
    let (start, value, len) = t::DECIMAL_RUNS[idx - 1];
    if cp < start + len as u32 {
        Some(value as u32 + (cp - start))
    } else {
        None
    }
}

fn lookup(map: &'static [(u32, [u32; 3])], c: char) -> Option<&'static [u32; 3]> {
    map.binary_search_by_key(&(c as u32), |&(cp, _)| cp).ok().map(|i| &map[i].1)
}

fn push_mapping(out: &mut String, map: &'static [(u32, [u32; 3])], c: char) {
    match lookup(map, c) {
        None => out.push(c),
        Some(m) => {
            for &cp in m.iter().take_while(|&&cp| cp != 0) {
                out.push(char::from_u32(cp).unwrap_or(c));
            }
        }
    }
}

/// Append the full lowercase mapping of `c` (without the final-sigma rule).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapping(out, &LOWER_MAP, c);
    }
}

/// Append the full uppercase mapping of `c` (`'ß'` → `"SS"`).
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapping(out, &UPPER_MAP, c);
    }
}

/// Append the full titlecase mapping of `c` (`'ǆ'` → `"ǅ"`).
pub fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapping(out, &TITLE_MAP, c);
    }
}

/// Append the full case folding of `c` (`'ß'` → `"ss"`).
pub fn push_fold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapping(out, &FOLD_MAP, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_alpha('a') && is_alpha('é') && !is_alpha('1'));
        assert!(is_space(' ') && is_space('\u{85}') && is_space('\x1c') && !is_space('\u{200b}'));
        assert!(is_printable(' ') && !is_printable('\u{a0}') && !is_printable('\n'));
        assert!(is_decimal('٣') && decimal_value('٣') == Some(3));
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('½'));
        assert_eq!(decimal_value('x'), None);
        let mut s = String::new();
        push_upper(&mut s, 'ß');
        push_lower(&mut s, 'İ');
        assert_eq!(s, "SSi\u{307}");
    }
}
