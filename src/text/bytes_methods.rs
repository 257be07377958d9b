//! `bytes`/`bytearray` method algorithms where they differ from `str`: positions are byte
//! offsets, whitespace is ASCII (`Py_ISSPACE`: space, `\t \n \r \v \f`), `splitlines`
//! knows only `\n`, `\r` and `\r\n`, and case mapping and the `is*` predicates are ASCII.

use super::methods::adjust_indices;
use crate::num::{PyErrSpec, SpecResult};

/// `Py_ISSPACE`.
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn find_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    (0..=hay.len() - needle.len()).find(|&i| hay[i] == first && &hay[i..i + needle.len()] == needle)
}

fn rfind_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

fn window(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let (st, en) = adjust_indices(start, end, b.len());
    if en - st < sub.len() as i64 {
        return None;
    }
    Some((st as usize, en as usize))
}

/// `b.find(sub, start, end)`.
pub fn bytes_find(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    window(b, sub, start, end).and_then(|(s, e)| find_at(&b[s..e], sub).map(|i| (s + i) as i64)).unwrap_or(-1)
}

/// `b.rfind(sub, start, end)`.
pub fn bytes_rfind(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    window(b, sub, start, end).and_then(|(s, e)| rfind_at(&b[s..e], sub).map(|i| (s + i) as i64)).unwrap_or(-1)
}

/// `b.index(sub, start, end)`.
pub fn bytes_index(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> SpecResult<i64> {
    match bytes_find(b, sub, start, end) {
        -1 => Err(PyErrSpec::value("subsection not found")),
        i => Ok(i),
    }
}

/// `b.rindex(sub, start, end)`.
pub fn bytes_rindex(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> SpecResult<i64> {
    match bytes_rfind(b, sub, start, end) {
        -1 => Err(PyErrSpec::value("subsection not found")),
        i => Ok(i),
    }
}

/// `b.count(sub, start, end)`: non-overlapping occurrences.
pub fn bytes_count(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    let Some((s, e)) = window(b, sub, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return e - s + 1;
    }
    let mut hay = &b[s..e];
    let mut n = 0;
    while let Some(i) = find_at(hay, sub) {
        n += 1;
        hay = &hay[i + sub.len()..];
    }
    n
}

/// `b.replace(old, new, count)` (`count` < 0: all).
pub fn bytes_replace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(b.len());
    let mut done = 0;
    if old.is_empty() {
        for &c in b {
            if done < limit {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut rest = b;
    while done < limit {
        let Some(i) = find_at(rest, old) else { break };
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(new);
        rest = &rest[i + old.len()..];
        done += 1;
    }
    out.extend_from_slice(rest);
    out
}

fn empty_separator() -> PyErrSpec {
    PyErrSpec::value("empty separator")
}

fn trim_start(b: &[u8]) -> &[u8] {
    let i = b.iter().position(|&c| !is_ascii_space(c)).unwrap_or(b.len());
    &b[i..]
}

fn trim_end(b: &[u8]) -> &[u8] {
    let i = b.iter().rposition(|&c| !is_ascii_space(c)).map_or(0, |i| i + 1);
    &b[..i]
}

/// `b.split(sep, maxsplit)`.
pub fn bytes_split<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: i64) -> SpecResult<Vec<&'a [u8]>> {
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = b;
            while out.len() < limit {
                let Some(i) = find_at(rest, sep) else { break };
                out.push(&rest[..i]);
                rest = &rest[i + sep.len()..];
            }
            out.push(rest);
        }
        None => {
            let mut rest = trim_start(b);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest);
                    break;
                }
                let end = rest.iter().position(|&c| is_ascii_space(c)).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = trim_start(&rest[end..]);
            }
        }
    }
    Ok(out)
}

/// `b.rsplit(sep, maxsplit)`.
pub fn bytes_rsplit<'a>(b: &'a [u8], sep: Option<&[u8]>, maxsplit: i64) -> SpecResult<Vec<&'a [u8]>> {
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_separator()),
        Some(sep) => {
            let mut rest = b;
            while out.len() < limit {
                let Some(i) = rfind_at(rest, sep) else { break };
                out.push(&rest[i + sep.len()..]);
                rest = &rest[..i];
            }
            out.push(rest);
        }
        None => {
            let mut rest = trim_end(b);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(rest);
                    break;
                }
                let start = rest.iter().rposition(|&c| is_ascii_space(c)).map_or(0, |i| i + 1);
                out.push(&rest[start..]);
                rest = trim_end(&rest[..start]);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `b.splitlines(keepends)`: only `\n`, `\r` and `\r\n` end lines.
pub fn bytes_splitlines(b: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let c = b[i];
        if c == b'\n' || c == b'\r' {
            let mut eol = i + 1;
            if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                eol += 1;
            }
            out.push(&b[start..if keepends { eol } else { i }]);
            start = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    out
}

/// `b.strip(chars)` (`chars` None: ASCII whitespace).
pub fn bytes_strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    bytes_rstrip(bytes_lstrip(b, chars), chars)
}

/// `b.lstrip(chars)`.
pub fn bytes_lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let keep = |c: &u8| match chars {
        None => !is_ascii_space(*c),
        Some(set) => !set.contains(c),
    };
    &b[b.iter().position(keep).unwrap_or(b.len())..]
}

/// `b.rstrip(chars)`.
pub fn bytes_rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let keep = |c: &u8| match chars {
        None => !is_ascii_space(*c),
        Some(set) => !set.contains(c),
    };
    &b[..b.iter().rposition(keep).map_or(0, |i| i + 1)]
}

/// `b.partition(sep)`.
pub fn bytes_partition<'a>(b: &'a [u8], sep: &[u8]) -> SpecResult<(&'a [u8], &'a [u8], &'a [u8])> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match find_at(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (b, &b[..0], &b[..0]),
    })
}

/// `b.rpartition(sep)`.
pub fn bytes_rpartition<'a>(b: &'a [u8], sep: &[u8]) -> SpecResult<(&'a [u8], &'a [u8], &'a [u8])> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match rfind_at(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (&b[..0], &b[..0], b),
    })
}

/// `b.expandtabs(tabsize)`.
pub fn bytes_expandtabs(b: &[u8], tabsize: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut col: i64 = 0;
    for &c in b {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
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

fn pad(b: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(b);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `b.center(width, fill)`.
pub fn bytes_center(b: &[u8], width: i64, fill: u8) -> Vec<u8> {
    let marg = width - b.len() as i64;
    if marg <= 0 {
        return b.to_vec();
    }
    let left = marg / 2 + (marg & width & 1);
    pad(b, left as usize, (marg - left) as usize, fill)
}

/// `b.ljust(width, fill)`.
pub fn bytes_ljust(b: &[u8], width: i64, fill: u8) -> Vec<u8> {
    pad(b, 0, (width - b.len() as i64).max(0) as usize, fill)
}

/// `b.rjust(width, fill)`.
pub fn bytes_rjust(b: &[u8], width: i64, fill: u8) -> Vec<u8> {
    pad(b, (width - b.len() as i64).max(0) as usize, 0, fill)
}

/// `b.zfill(width)`.
pub fn bytes_zfill(b: &[u8], width: i64) -> Vec<u8> {
    let marg = width - b.len() as i64;
    if marg <= 0 {
        return b.to_vec();
    }
    let mut out = pad(b, marg as usize, 0, b'0');
    let m = marg as usize;
    if matches!(out.get(m), Some(b'+' | b'-')) {
        out[0] = out[m];
        out[m] = b'0';
    }
    out
}

/// `b.upper()`.
pub fn bytes_upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `b.lower()`.
pub fn bytes_lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `b.swapcase()`.
pub fn bytes_swapcase(b: &[u8]) -> Vec<u8> {
    b.iter().map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }).collect()
}

/// `b.capitalize()`.
pub fn bytes_capitalize(b: &[u8]) -> Vec<u8> {
    b.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
}

/// `b.title()`.
pub fn bytes_title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let out = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            prev_cased = c.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn all_nonempty(b: &[u8], f: impl Fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(f)
}

/// `b.isalpha()`.
pub fn bytes_isalpha(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphabetic)
}
/// `b.isdigit()`.
pub fn bytes_isdigit(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_digit)
}
/// `b.isalnum()`.
pub fn bytes_isalnum(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphanumeric)
}
/// `b.isspace()`.
pub fn bytes_isspace(b: &[u8]) -> bool {
    all_nonempty(b, |&c| is_ascii_space(c))
}
/// `b.isascii()`.
pub fn bytes_isascii(b: &[u8]) -> bool {
    b.is_ascii()
}
/// `b.islower()`.
pub fn bytes_islower(b: &[u8]) -> bool {
    !b.iter().any(u8::is_ascii_uppercase) && b.iter().any(u8::is_ascii_lowercase)
}
/// `b.isupper()`.
pub fn bytes_isupper(b: &[u8]) -> bool {
    !b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_uppercase)
}

/// `b.istitle()`.
pub fn bytes_istitle(b: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
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

/// `b.startswith(sub, start, end)` (`at_end` false) / `b.endswith(...)` (CPython's
/// `tailmatch`).
pub fn bytes_tailmatch(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let len = b.len() as i64;
    let slen = sub.len() as i64;
    let (mut st, en) = adjust_indices(start, end, b.len());
    if at_end {
        if en - st < slen || st > len {
            return false;
        }
        if en - slen > st {
            st = en - slen;
        }
    } else if st > len - slen {
        return false;
    }
    if en - st < slen {
        return false;
    }
    &b[st as usize..(st + slen) as usize] == sub
}

/// `b.hex(sep, bytes_per_sep)`: two lowercase hex digits per byte, with `sep` between
/// groups of `|bytes_per_sep|` bytes counted from the right (positive) or left (negative).
pub fn bytes_hex(b: &[u8], sep: Option<u8>, bytes_per_sep: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = bytes_per_sep.unsigned_abs() as usize;
    let mut out = String::with_capacity(b.len() * 3);
    let n = b.len();
    for (i, &c) in b.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| group > 0 && i > 0) {
            let boundary = if bytes_per_sep > 0 { (n - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(sep as char);
            }
        }
        out.push(DIGITS[(c >> 4) as usize] as char);
        out.push(DIGITS[(c & 15) as usize] as char);
    }
    out
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed between pairs.
pub fn bytes_fromhex(s: &str) -> SpecResult<Vec<u8>> {
    let bad = |pos: usize| PyErrSpec::value(format!("non-hexadecimal number found in fromhex() arg at position {pos}"));
    if !s.is_ascii() {
        return Err(bad(s.chars().position(|c| !c.is_ascii()).unwrap_or(0)));
    }
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).and_then(|&c| (c as char).to_digit(16));
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    while i < b.len() {
        if is_ascii_space(b[i]) {
            i += 1;
            continue;
        }
        let hi = digit(i).ok_or_else(|| bad(i))?;
        let lo = digit(i + 1).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `bytes.maketrans(frm, to)`: the identity table with `frm[i]` mapped to `to[i]`.
pub fn bytes_maketrans(frm: &[u8], to: &[u8]) -> SpecResult<Vec<u8>> {
    if frm.len() != to.len() {
        return Err(PyErrSpec::value("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&f, &t) in frm.iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(table)
}

/// `b.translate(table, delete)`: drop the bytes in `delete`, map the rest through `table`
/// (a 256-byte table, or `None` for the identity).
pub fn bytes_translate(b: &[u8], table: Option<&[u8]>, delete: &[u8]) -> Vec<u8> {
    let mut drop = [false; 256];
    for &d in delete {
        drop[d as usize] = true;
    }
    b.iter().filter(|&&c| !drop[c as usize]).map(|&c| table.map_or(c, |t| t[c as usize])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        assert_eq!(bytes_split(b" a\x1cb ", None, -1).unwrap(), vec![&b"a\x1cb"[..]]);
        assert_eq!(bytes_splitlines(b"a\x0bb\r\nc", false), vec![&b"a\x0bb"[..], b"c"]);
        assert_eq!(bytes_find(b"abcabc", b"c", Some(3), None), 5);
        assert_eq!(bytes_title(b"hello wORLD"), b"Hello World");
        assert_eq!(bytes_zfill(b"-1", 4), b"-001");
        assert_eq!(bytes_hex(b"abc", Some(b':'), 2), "61:6263");
        assert_eq!(bytes_hex(b"abc", Some(b':'), -2), "6162:63");
        assert_eq!(bytes_fromhex("ab 0c").unwrap(), vec![0xab, 0x0c]);
        assert!(bytes_fromhex("ab c").is_err());
        assert!(bytes_tailmatch(b"abc", b"bc", None, None, true));
        assert!(!bytes_tailmatch(b"ab", b"", Some(3), None, false));
    }
}
