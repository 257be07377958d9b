//! Literal values: number tokens → `Constant`, and string tokens → `Constant`/`JoinedStr`:
//! prefixes, escape sequences (with CPython's `(unicode error)` messages), implicit
//! concatenation, and 3.11 f-strings (replacement fields, `!r/!s/!a`, nested format specs,
//! the `=` form), whose expressions are parsed by a sub-parser over `(expr)`.

use super::{ex, PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::error::RawError;
use crate::syntax::token::{Tok, Token};
use num_bigint::BigInt;

/// One piece of an f-string under construction.
enum Part {
    Lit(Vec<u32>),
    Expr(Expr),
}

impl<'a> Parser<'a> {
    /// NUMBER → Constant (int, float or imaginary).
    pub fn number(&self, t: Token) -> PResult<Constant> {
        let text = self.text(t);
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let b = clean.as_bytes();
        if b.len() > 2 && b[0] == b'0' && matches!(b[1] | 0x20, b'x' | b'o' | b'b') {
            let radix = match b[1] | 0x20 {
                b'x' => 16,
                b'o' => 8,
                _ => 2,
            };
            return BigInt::parse_bytes(&b[2..], radix).map(Constant::Int).ok_or_else(|| self.error_tok("invalid number literal", t));
        }
        if let Some(im) = clean.strip_suffix(['j', 'J']) {
            let v: f64 = parse_float(im).ok_or_else(|| self.error_tok("invalid imaginary literal", t))?;
            return Ok(Constant::Complex { real: 0.0, imag: v });
        }
        if clean.contains(['.', 'e', 'E']) {
            let v = parse_float(&clean).ok_or_else(|| self.error_tok("invalid decimal literal", t))?;
            return Ok(Constant::Float(v));
        }
        BigInt::parse_bytes(b, 10).map(Constant::Int).ok_or_else(|| self.error_tok("invalid decimal literal", t))
    }

    /// strings: STRING+ (implicit concatenation of plain, bytes and f-string literals)
    pub fn strings(&mut self) -> PResult<Expr> {
        let first = self.tok();
        let mut toks = Vec::new();
        while self.at(Tok::String) {
            toks.push(self.bump());
        }
        let last = *toks.last().unwrap_or(&first);
        let loc = Loc { lineno: first.lineno, col_offset: first.col, end_lineno: last.end_lineno, end_col_offset: last.end_col };
        let end_err = |_p: &Parser, msg: &str| {
            RawError::new(crate::syntax::error::SyntaxErrorKind::Syntax, msg, last.end_lineno, last.end_col, last.end_lineno, last.end_col)
        };
        let mut bytes: Option<bool> = None;
        let mut any_f = false;
        let mut parts: Vec<Part> = Vec::new();
        let mut bytes_val: Vec<u8> = Vec::new();
        let kind = if self.text(first).starts_with('u') { Some("u".to_string()) } else { None };
        for &t in &toks {
            let text = self.text(t);
            let qpos = text.find(['\'', '"']).unwrap_or(0);
            let prefix = text[..qpos].to_ascii_lowercase();
            let is_bytes = prefix.contains('b');
            let raw = prefix.contains('r');
            let is_f = prefix.contains('f');
            if *bytes.get_or_insert(is_bytes) != is_bytes {
                return Err(end_err(self, "cannot mix bytes and nonbytes literals"));
            }
            let q = &text[qpos..];
            let ql = if q.len() >= 6 && (q.starts_with("\"\"\"") || q.starts_with("'''")) { 3 } else { 1 };
            let body = &q[ql..q.len() - ql];
            let body_off = t.start as usize + qpos + ql;
            if is_bytes {
                if !body.is_ascii() {
                    // CPython's end offset counts the token's bytes, not characters.
                    let mut e = self.error_at("bytes can only contain ASCII literal characters", Self::tok_loc(t));
                    let ls = self.src[..t.start as usize].rfind('\n').map(|p| p + 1).unwrap_or(0);
                    let before = self.src[ls..t.start as usize].chars().count() as i64;
                    e.raw_end = Some(before + 1 + (t.end - t.start) as i64);
                    return Err(e);
                }
                if raw {
                    bytes_val.extend_from_slice(body.as_bytes());
                } else {
                    let cps = decode_escapes(body, true).map_err(|m| end_err(self, &m))?;
                    bytes_val.extend(cps.into_iter().map(|c| c as u8));
                }
            } else if is_f {
                any_f = true;
                self.fstring_body(body, body_off, raw, 0, &mut parts).map_err(|e| self.fix_fstring_error(e, last))?;
            } else {
                let cps = if raw {
                    body.chars().map(|c| c as u32).collect()
                } else {
                    decode_escapes(body, false).map_err(|m| end_err(self, &m))?
                };
                push_lit(&mut parts, cps);
            }
        }
        if bytes == Some(true) {
            return Ok(ex(ExprKind::Constant { value: Constant::Bytes(bytes_val), kind: None }, loc));
        }
        if !any_f {
            let cps = match parts.pop() {
                Some(Part::Lit(v)) => v,
                _ => Vec::new(),
            };
            return Ok(ex(ExprKind::Constant { value: Constant::Str(PyString::from_code_points(cps)), kind }, loc));
        }
        Ok(joined(parts, loc))
    }

    /// Turn an f-string error without a position into one at the end of the last token.
    fn fix_fstring_error(&self, mut e: RawError, last: Token) -> RawError {
        if e.lineno == 0 {
            e.lineno = last.end_lineno;
            e.end_lineno = last.end_lineno;
            e.col = last.end_col;
            e.end_col = last.end_col;
        }
        e
    }

    /// Parse the body of one f-string literal (or a format spec at `level` > 0) into `parts`.
    /// Returns the number of bytes of `body` consumed (up to the closing `}` of a spec).
    fn fstring_body(&mut self, body: &str, body_off: usize, raw: bool, level: u32, parts: &mut Vec<Part>) -> PResult<usize> {
        let b = body.as_bytes();
        let mut i = 0;
        let mut lit_start = 0;
        let flush = |parts: &mut Vec<Part>, s: &str| -> PResult<()> {
            if s.is_empty() {
                return Ok(());
            }
            let cps = if raw { s.chars().map(|c| c as u32).collect() } else { decode_escapes(s, false).map_err(fs_err)? };
            push_lit(parts, cps);
            Ok(())
        };
        while i < b.len() {
            let c = b[i];
            if c == b'\\' && !raw && i + 1 < b.len() {
                // `\N{...}` braces belong to the escape.
                if b[i + 1] == b'N' && b.get(i + 2) == Some(&b'{') {
                    match body[i..].find('}') {
                        Some(j) => i += j + 1,
                        None => i += 2,
                    }
                } else {
                    i += 2;
                }
                continue;
            }
            if c == b'{' {
                if level == 0 && b.get(i + 1) == Some(&b'{') {
                    flush(parts, &body[lit_start..i + 1])?;
                    i += 2;
                    lit_start = i;
                    continue;
                }
                flush(parts, &body[lit_start..i])?;
                i = self.fstring_field(body, body_off, i + 1, raw, level, parts)?;
                lit_start = i;
                continue;
            }
            if c == b'}' {
                if level > 0 {
                    flush(parts, &body[lit_start..i])?;
                    return Ok(i);
                }
                if b.get(i + 1) == Some(&b'}') {
                    flush(parts, &body[lit_start..i + 1])?;
                    i += 2;
                    lit_start = i;
                    continue;
                }
                return Err(fs_err("f-string: single '}' is not allowed".into()));
            }
            i += 1;
        }
        if level > 0 {
            return Err(fs_err("f-string: expecting '}'".into()));
        }
        flush(parts, &body[lit_start..])?;
        Ok(i)
    }

    /// One replacement field starting just after `{` at byte `i` of `body`; returns the index
    /// just past its closing `}`.
    fn fstring_field(&mut self, body: &str, body_off: usize, start: usize, raw: bool, level: u32, parts: &mut Vec<Part>) -> PResult<usize> {
        if level >= 2 {
            return Err(fs_err("f-string: expressions nested too deeply".into()));
        }
        let b = body.as_bytes();
        let mut i = start;
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        let mut equal = false;
        // Find the end of the expression.
        while i < b.len() {
            let c = b[i];
            if c == b'\\' {
                return Err(fs_err("f-string expression part cannot include a backslash".into()));
            }
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) {
                    i += if triple { 3 } else { 1 };
                    quote = None;
                } else {
                    i += 1;
                }
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                    quote = Some((c, triple));
                    i += if triple { 3 } else { 1 };
                    continue;
                }
                b'[' | b'(' | b'{' => {
                    if stack.len() >= 200 {
                        return Err(fs_err("f-string: too many nested parenthesis".into()));
                    }
                    stack.push(c);
                }
                b']' | b')' | b'}' if !stack.is_empty() => {
                    let open = stack.pop().unwrap_or(b'(');
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if want != c {
                        return Err(fs_err(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )));
                    }
                }
                b']' | b')' => return Err(fs_err(format!("f-string: unmatched '{}'", c as char))),
                b'#' => return Err(fs_err("f-string expression part cannot include '#'".into())),
                b'}' | b':' if stack.is_empty() => break,
                b'!' if stack.is_empty() && b.get(i + 1) != Some(&b'=') => break,
                b'=' if stack.is_empty() => {
                    let next = b.get(i + 1).copied();
                    let prev = if i > start { b[i - 1] } else { 0 };
                    if next != Some(b'=') && !matches!(prev, b'=' | b'!' | b'<' | b'>') {
                        equal = true;
                        i += 1;
                        break;
                    }
                    if next == Some(b'=') {
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if quote.is_some() {
            return Err(fs_err("f-string: unterminated string".into()));
        }
        if i >= b.len() {
            return Err(fs_err("f-string: expecting '}'".into()));
        }
        if !stack.is_empty() {
            return Err(fs_err("f-string: expecting '}'".into()));
        }
        let expr_end = if equal { i - 1 } else { i };
        let expr_text = &body[start..expr_end];
        if expr_text.trim_matches([' ', '\t', '\n', '\x0c', '\r']).is_empty() {
            let m = match b[i] {
                b'!' if !equal => "f-string: expression required before '!'",
                b':' if !equal => "f-string: expression required before ':'",
                _ => "f-string: empty expression not allowed",
            };
            let _ = m;
            return Err(fs_err(if b[i] == b'!' || b[i] == b':' { m.into() } else { "f-string: empty expression not allowed".into() }));
        }
        let value = self.fstring_expr(expr_text, body_off + start)?;
        // After `=`, whitespace is part of the self-documenting text.
        if equal {
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\x0c') {
                i += 1;
            }
            let doc = &body[start..i];
            push_lit(parts, doc.chars().map(|c| c as u32).collect());
        }
        let mut conversion = -1;
        if i < b.len() && b[i] == b'!' {
            i += 1;
            match b.get(i) {
                Some(&c @ (b's' | b'r' | b'a')) => {
                    conversion = c as i32;
                    i += 1;
                }
                _ => return Err(fs_err("f-string: invalid conversion character: expected 's', 'r', or 'a'".into())),
            }
            if i >= b.len() || !matches!(b[i], b':' | b'}') {
                return Err(fs_err("f-string: expecting '}'".into()));
            }
        }
        let mut format_spec = None;
        if i < b.len() && b[i] == b':' {
            i += 1;
            let mut spec_parts = Vec::new();
            let used = self.fstring_body(&body[i..], body_off + i, raw, level + 1, &mut spec_parts)?;
            i += used;
            format_spec = Some(spec_parts);
        }
        if i >= b.len() || b[i] != b'}' {
            return Err(fs_err("f-string: expecting '}'".into()));
        }
        i += 1;
        if equal && conversion == -1 && format_spec.is_none() {
            conversion = b'r' as i32;
        }
        let spec = format_spec.map(|p| Box::new(joined(p, Loc::default())));
        parts.push(Part::Expr(ex(ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec: spec }, Loc::default())));
        Ok(i)
    }

    /// Parse an f-string replacement-field expression (CPython parses `(text)`).
    fn fstring_expr(&mut self, text: &str, abs_off: usize) -> PResult<Expr> {
        let wrapped = format!("({text})");
        let lexed = crate::syntax::lexer::tokenize(&wrapped);
        // Position of the expression start in the real source.
        let before = &self.src[..abs_off.min(self.src.len())];
        let line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map(|p| p + 1).unwrap_or(0);
        let col = (abs_off - line_start) as u32;
        let mut lexed = lexed;
        for t in lexed.tokens.iter_mut() {
            if t.lineno == 1 {
                t.col = (t.col + col).saturating_sub(1);
            }
            if t.end_lineno == 1 {
                t.end_col = (t.end_col + col).saturating_sub(1);
            }
            t.lineno += line - 1;
            t.end_lineno += line - 1;
        }
        let lex_err = lexed.error.clone();
        let mut sub = Parser::new(&wrapped, lexed);
        // Token byte ranges index `wrapped`; positions are shifted into the real source.
        sub.in_fstring = true;
        sub.depth = self.depth + super::EXPR_COST;
        let r = (|| {
            let e = sub.atom()?;
            let _ = sub.primary_trailers_none();
            if !matches!(sub.peek(), Tok::Newline | Tok::EndMarker) {
                return Err(sub.invalid_syntax());
            }
            Ok(e)
        })();
        match r {
            Ok(e) => Ok(e),
            Err(e) => {
                let e = sub.prefer_lex_error(e);
                let _ = lex_err;
                if e.kind == crate::syntax::error::SyntaxErrorKind::Memory {
                    return Err(e);
                }
                // Report against the `(expr)` text, as CPython 3.11 does.
                let unshift_col = |l: u32, c: u32| if l == line { c + 1 - col.min(c + 1) } else { c };
                let mut out = e.clone();
                out.msg = if e.msg.starts_with("f-string") { e.msg.clone() } else { format!("f-string: {}", e.msg) };
                out.col = unshift_col(e.lineno, e.col);
                out.end_col = unshift_col(e.end_lineno, e.end_col);
                out.lineno = e.lineno.saturating_sub(line - 1).max(1) + line - 1;
                out.end_lineno = e.end_lineno.saturating_sub(line - 1).max(1) + line - 1;
                out.text = Some(format!("{wrapped}\n"));
                Err(out)
            }
        }
    }

    /// Unused hook kept for symmetry with `primary` (the wrapped atom is complete).
    fn primary_trailers_none(&mut self) {}
}

fn fs_err(msg: String) -> RawError {
    RawError::new(crate::syntax::error::SyntaxErrorKind::Syntax, msg, 0, 0, 0, 0)
}

fn push_lit(parts: &mut Vec<Part>, cps: Vec<u32>) {
    if cps.is_empty() {
        return;
    }
    if let Some(Part::Lit(v)) = parts.last_mut() {
        v.extend(cps);
    } else {
        parts.push(Part::Lit(cps));
    }
}

/// Build a JoinedStr from parts; every piece gets the location of the whole literal, as in
/// CPython 3.11.
fn joined(parts: Vec<Part>, loc: Loc) -> Expr {
    let values = parts
        .into_iter()
        .map(|p| match p {
            Part::Lit(v) => ex(ExprKind::Constant { value: Constant::Str(PyString::from_code_points(v)), kind: None }, loc),
            Part::Expr(mut e) => {
                e.loc = loc;
                if let ExprKind::FormattedValue { format_spec: Some(spec), .. } = &mut e.node {
                    relocate(spec, loc);
                }
                e
            }
        })
        .collect();
    ex(ExprKind::JoinedStr { values }, loc)
}

fn relocate(e: &mut Expr, loc: Loc) {
    e.loc = loc;
    if let ExprKind::JoinedStr { values } = &mut e.node {
        for v in values {
            v.loc = loc;
            if let ExprKind::FormattedValue { format_spec: Some(spec), .. } = &mut v.node {
                relocate(spec, loc);
            }
        }
    }
}

/// Python float literal text (underscores removed) → f64.
fn parse_float(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

/// Decode backslash escapes of a (non-raw) literal body into code points; `bytes` limits the
/// escapes to those of bytes literals. Errors carry CPython's `(unicode error)` text.
pub fn decode_escapes(s: &str, bytes: bool) -> Result<Vec<u32>, String> {
    let mut out = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    // CPython decodes a buffer where each non-ASCII character became a 10-byte `\U........`.
    let pos_of = |i: usize| -> usize { s[..i].chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum() };
    let codec = if bytes { "unicodeescape" } else { "unicodeescape" };
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            if c < 0x80 {
                out.push(c as u32);
                i += 1;
            } else {
                let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
                out.push(ch as u32);
                i += ch.len_utf8();
            }
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = b.get(i) else {
            return Err(format!(
                "(unicode error) '{codec}' codec can't decode byte 0x5c in position {}: \\ at end of string",
                pos_of(start)
            ));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\' as u32),
            b'\'' => out.push(b'\'' as u32),
            b'"' => out.push(b'"' as u32),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(if bytes { v & 0xFF } else { v });
            }
            b'x' | b'u' | b'U' if !bytes || e == b'x' => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                let mut k = 0;
                while k < n && i < b.len() && b[i].is_ascii_hexdigit() {
                    v = v * 16 + (b[i] as char).to_digit(16).unwrap_or(0);
                    i += 1;
                    k += 1;
                }
                if k < n {
                    let what = match e {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    if bytes {
                        return Err(format!("(value error) invalid \\x escape at position {}", pos_of(start)));
                    }
                    return Err(format!(
                        "(unicode error) '{codec}' codec can't decode bytes in position {}-{}: {what}",
                        pos_of(start),
                        pos_of(i) - 1
                    ));
                }
                if v > 0x10FFFF {
                    return Err(format!(
                        "(unicode error) '{codec}' codec can't decode bytes in position {}-{}: illegal Unicode character",
                        pos_of(start),
                        pos_of(i) - 1
                    ));
                }
                out.push(v);
            }
            b'N' if !bytes => {
                let malformed = |i: usize| {
                    format!(
                        "(unicode error) '{codec}' codec can't decode bytes in position {}-{}: malformed \\N character escape",
                        pos_of(start),
                        pos_of(i) - 1
                    )
                };
                if b.get(i) != Some(&b'{') {
                    return Err(malformed(i));
                }
                let Some(close) = s[i..].find('}') else {
                    return Err(malformed(i));
                };
                let name = &s[i + 1..i + close];
                if name.is_empty() {
                    return Err(malformed(i + close + 1));
                }
                i += close + 1;
                match unicode_names2::character(name) {
                    Some(ch) => out.push(ch as u32),
                    None => {
                        return Err(format!(
                            "(unicode error) '{codec}' codec can't decode bytes in position {}-{}: unknown Unicode character name",
                            pos_of(start),
                            pos_of(i) - 1
                        ))
                    }
                }
            }
            _ => {
                // Invalid escape: kept as is (CPython also emits a DeprecationWarning).
                out.push(b'\\' as u32);
                if e < 0x80 {
                    out.push(e as u32);
                } else {
                    i -= 1;
                }
            }
        }
    }
    Ok(out)
}
