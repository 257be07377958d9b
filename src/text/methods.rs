//! `str` method algorithms with Python semantics on `&str`: positions and lengths are in
//! characters (code points), not bytes; whitespace, line boundaries, character classes
//! and case mappings follow CPython 3.11's Unicode 14.0 database ([`super::unicode`]).
//! Substring search works on the UTF-8 bytes (a match of valid UTF-8 is always on
//! character boundaries) and converts offsets back to character indices.

use super::unicode as u;
use crate::num::{PyErrSpec, SpecResult};

/// Slice-style normalisation of `start`/`end` against `len` (CPython's ADJUST_INDICES):
/// negative values count from the end; `end` is clamped to `len`, `start` is not.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of character `idx` (0 ≤ idx ≤ length).
fn byte_at(s: &str, idx: i64) -> usize {
    if s.is_ascii() {
        return (idx as usize).min(s.len());
    }
    s.char_indices().nth(idx as usize).map_or(s.len(), |(b, _)| b)
}

/// The searched window of `s` as (byte start, byte end, char start), or `None` when the
/// window is shorter than `sub`.
fn window(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize, i64)> {
    let (st, en) = adjust_indices(start, end, char_len(s));
    if en - st < char_len(sub) as i64 {
        return None;
    }
    Some((byte_at(s, st), byte_at(s, en), st))
}

/// `s.find(sub, start, end)`: the lowest character index of `sub`, or -1.
pub fn str_find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((bs, be, st)) = window(s, sub, start, end) else {
        return -1;
    };
    match s[bs..be].find(sub) {
        Some(b) => st + char_len(&s[bs..bs + b]) as i64,
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: the highest character index of `sub`, or -1.
pub fn str_rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((bs, be, st)) = window(s, sub, start, end) else {
        return -1;
    };
    match s[bs..be].rfind(sub) {
        Some(b) => st + char_len(&s[bs..bs + b]) as i64,
        None => -1,
    }
}

/// `s.index(sub, start, end)`.
pub fn str_index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> SpecResult<i64> {
    match str_find(s, sub, start, end) {
        -1 => Err(PyErrSpec::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn str_rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> SpecResult<i64> {
    match str_rfind(s, sub, start, end) {
        -1 => Err(PyErrSpec::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
pub fn str_count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let Some((bs, be, _)) = window(s, sub, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return char_len(&s[bs..be]) + 1;
    }
    s[bs..be].matches(sub).count()
}

/// `s.replace(old, new, count)` (`count` < 0: all).
pub fn str_replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len() * (char_len(s) + 1).min(limit));
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, limit)
    }
}

fn empty_separator() -> PyErrSpec {
    PyErrSpec::value("empty separator")
}

/// `s.split(sep, maxsplit)` (`maxsplit` < 0: no limit; `sep` None: runs of whitespace).
pub fn str_split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> SpecResult<Vec<&'a str>> {
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(s.splitn(limit.saturating_add(1), sep).collect()),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(u::is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest);
                    break;
                }
                let end = rest.find(u::is_space).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start_matches(u::is_space);
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn str_rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> SpecResult<Vec<&'a str>> {
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out: Vec<&str> = match sep {
        Some("") => return Err(empty_separator()),
        Some(sep) => s.rsplitn(limit.saturating_add(1), sep).collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(u::is_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest);
                    break;
                }
                let start = rest.char_indices().rev().find(|&(_, c)| u::is_space(c)).map_or(0, |(i, c)| i + c.len_utf8());
                out.push(&rest[start..]);
                rest = rest[..start].trim_end_matches(u::is_space);
            }
            out
        }
    };
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`: splits at `\n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`.
pub fn str_splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !u::is_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                eol += 1;
            }
        }
        out.push(&s[line_start..if keepends { eol } else { i }]);
        line_start = eol;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}

/// `s.strip(chars)` (`chars` None: whitespace).
pub fn str_strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    str_rstrip(str_lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn str_lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(u::is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn str_rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(u::is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `s.partition(sep)`.
pub fn str_partition<'a>(s: &'a str, sep: &str) -> SpecResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`.
pub fn str_rpartition<'a>(s: &'a str, sep: &str) -> SpecResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

/// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`; tabsize ≤ 0 drops tabs.
pub fn str_expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fill)` (CPython puts the odd extra character on the left when
/// `width` is odd).
pub fn str_center(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    let marg = width - len;
    if marg <= 0 {
        return s.to_string();
    }
    let left = marg / 2 + (marg & width & 1);
    pad(s, left as usize, (marg - left) as usize, fill)
}

/// `s.ljust(width, fill)`.
pub fn str_ljust(s: &str, width: i64, fill: char) -> String {
    let marg = width - char_len(s) as i64;
    pad(s, 0, marg.max(0) as usize, fill)
}

/// `s.rjust(width, fill)`.
pub fn str_rjust(s: &str, width: i64, fill: char) -> String {
    let marg = width - char_len(s) as i64;
    pad(s, marg.max(0) as usize, 0, fill)
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn str_zfill(s: &str, width: i64) -> String {
    let marg = width - char_len(s) as i64;
    if marg <= 0 {
        return s.to_string();
    }
    let zeros = "0".repeat(marg as usize);
    match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    }
}

// ---- case mapping ----

/// Whether the capital sigma at `i` is word-final: a cased letter before it and none
/// after it, skipping case-ignorable characters both ways.
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| !u::is_case_ignorable(c));
    if !before.is_some_and(|&c| u::is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !u::is_case_ignorable(c));
    !after.is_some_and(|&c| u::is_cased(c))
}

fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    if chars[i] == '\u{3a3}' {
        out.push(if is_final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        u::push_lower(out, chars[i]);
    }
}

/// `s.lower()`: full lowercase mapping with the final-sigma rule.
pub fn str_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&mut out, &chars, i);
    }
    out
}

/// `s.upper()`: full uppercase mapping (`'ß'` → `'SS'`).
pub fn str_upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        u::push_upper(&mut out, c);
    }
    out
}

/// `s.casefold()`.
pub fn str_casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        u::push_fold(&mut out, c);
    }
    out
}

/// `s.swapcase()`: uppercase characters lowered (with the final-sigma rule), lowercase
/// ones uppered.
pub fn str_swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if u::is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if u::is_lower(c) {
            u::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.capitalize()`: the first character titlecased, the rest lowered (3.8+).
pub fn str_capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            u::push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a cased one.
pub fn str_title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            u::push_title(&mut out, c);
        }
        prev_cased = u::is_cased(c);
    }
    out
}

// ---- predicates ----

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isalpha()`.
pub fn str_isalpha(s: &str) -> bool {
    all_nonempty(s, u::is_alpha)
}
/// `s.isdecimal()`.
pub fn str_isdecimal(s: &str) -> bool {
    all_nonempty(s, u::is_decimal)
}
/// `s.isdigit()`.
pub fn str_isdigit(s: &str) -> bool {
    all_nonempty(s, u::is_digit)
}
/// `s.isnumeric()`.
pub fn str_isnumeric(s: &str) -> bool {
    all_nonempty(s, u::is_numeric)
}
/// `s.isalnum()`.
pub fn str_isalnum(s: &str) -> bool {
    all_nonempty(s, u::is_alnum)
}
/// `s.isspace()`.
pub fn str_isspace(s: &str) -> bool {
    all_nonempty(s, u::is_space)
}
/// `s.isprintable()` (true for the empty string).
pub fn str_isprintable(s: &str) -> bool {
    s.chars().all(u::is_printable)
}
/// `s.isascii()` (true for the empty string).
pub fn str_isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.islower()`: at least one cased character and no uppercase or titlecase ones.
pub fn str_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_upper(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_lower(c);
    }
    cased
}

/// `s.isupper()`: at least one cased character and no lowercase or titlecase ones.
pub fn str_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if u::is_lower(c) || u::is_title(c) {
            return false;
        }
        cased |= u::is_upper(c);
    }
    cased
}

/// `s.istitle()`: uppercase/titlecase only after uncased characters, lowercase only
/// after cased ones, and at least one cased character.
pub fn str_istitle(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if u::is_upper(c) || u::is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if u::is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: XID_Start or `_`, then XID_Continue.
pub fn str_isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || u::is_xid_start(c) => chars.all(u::is_xid_continue),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_and_split() {
        assert_eq!(str_find("héllo", "l", None, None), 2);
        assert_eq!(str_find("abc", "", Some(4), None), -1);
        assert_eq!(str_count("aaa", "", None, None), 4);
        assert_eq!(str_replace("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(str_split("  a b  c  ", None, 1).unwrap(), vec!["a", "b  c  "]);
        assert_eq!(str_rsplit("  a b  c  ", None, 1).unwrap(), vec!["  a b", "c"]);
        assert_eq!(str_splitlines("a\r\nb\x1cc", true), vec!["a\r\n", "b\x1c", "c"]);
        assert_eq!(str_center("a", 4, '*'), "*a**");
        assert_eq!(str_zfill("-42", 5), "-0042");
    }

    #[test]
    fn case() {
        assert_eq!(str_upper("ß"), "SS");
        assert_eq!(str_lower("ΟΔΟΣ ΣΑ"), "οδος σα");
        assert_eq!(str_title("hello wORLD"), "Hello World");
        assert_eq!(str_capitalize("ǆx"), "ǅx");
        assert!(str_istitle("Hello World") && !str_istitle("HEllo"));
    }
}
