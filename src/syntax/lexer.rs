//! The tokenizer: decoded source text → [`Token`]s, following CPython 3.11's tokenizer
//! (Parser/tokenizer.c) for INDENT/DEDENT (tabs to multiples of 8, checked against a tab
//! size of 1 for TabError), line continuations, bracket matching, number and string literal
//! boundaries, and the errors it reports. String *contents* are decoded later (`strings.rs`).
//!
//! The whole stream is produced up front. When the tokenizer fails, the stream ends with an
//! `ErrorToken` whose index is remembered with the error; the parser reports the error only
//! when it reaches that token, so an earlier parse error wins, as in CPython where tokens are
//! produced on demand.

use super::error::{RawError, SyntaxErrorKind};
use super::token::{Tok, Token};

/// CPython's MAXINDENT: deepest indentation stack.
const MAX_INDENT: usize = 100;
/// CPython's MAXLEVEL: deepest bracket nesting.
const MAX_LEVEL: usize = 200;
const TAB_SIZE: u32 = 8;

/// The result of tokenizing: the tokens and, if tokenizing failed, the error and the index of
/// the `ErrorToken` standing for it (always the last token).
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub error: Option<(usize, RawError)>,
}

struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token>,
    indents: Vec<u32>,
    alt_indents: Vec<u32>,
    /// Open brackets: (byte, line, col).
    parens: Vec<(u8, u32, u32)>,
    at_bol: bool,
    /// Line continuation seen since the start of the logical line (affects blank-line handling).
    cont_line: bool,
}

/// Tokenize `src` (decoded text whose newlines are `\n` only).
pub fn tokenize(src: &str) -> Lexed {
    let mut lx = Lexer {
        src: src.as_bytes(),
        pos: 0,
        line: 1,
        line_start: 0,
        tokens: Vec::with_capacity(src.len() / 4 + 16),
        indents: vec![0],
        alt_indents: vec![0],
        parens: Vec::new(),
        at_bol: true,
        cont_line: false,
    };
    match lx.run() {
        Ok(()) => Lexed { tokens: lx.tokens, error: None },
        Err(e) => {
            let (l, c) = (lx.line, (lx.pos - lx.line_start) as u32);
            lx.tokens.push(Token {
                kind: Tok::ErrorToken,
                start: lx.pos as u32,
                end: lx.pos as u32,
                lineno: l,
                col: c,
                end_lineno: l,
                end_col: c,
            });
            let idx = lx.tokens.len() - 1;
            Lexed { tokens: lx.tokens, error: Some((idx, e)) }
        }
    }
}

fn is_id_start_ascii(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_id_continue_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Lexer<'a> {
    fn col(&self) -> u32 {
        (self.pos - self.line_start) as u32
    }

    fn col_at(&self, pos: usize) -> u32 {
        (pos - self.line_start) as u32
    }

    fn peek(&self) -> u8 {
        self.src.get(self.pos).copied().unwrap_or(0)
    }

    fn peek_at(&self, k: usize) -> u8 {
        self.src.get(self.pos + k).copied().unwrap_or(0)
    }

    fn eof(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn push(&mut self, kind: Tok, start: usize, line: u32, col: u32) {
        self.tokens.push(Token {
            kind,
            start: start as u32,
            end: self.pos as u32,
            lineno: line,
            col,
            end_lineno: self.line,
            end_col: self.col(),
        });
    }

    fn err(&self, msg: impl Into<String>, line: u32, col: u32, end_col: u32) -> RawError {
        RawError::new(SyntaxErrorKind::Syntax, msg, line, col, line, end_col)
    }

    fn newline_here(&mut self) {
        // Called with self.pos just past a '\n'.
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(&mut self) -> Result<(), RawError> {
        loop {
            if self.at_bol {
                self.at_bol = false;
                if self.indentation()? {
                    continue;
                }
            }
            // Skip blanks.
            while matches!(self.peek(), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            if self.eof() {
                return self.finish();
            }
            let start = self.pos;
            let (line, col) = (self.line, self.col());
            let c = self.peek();
            match c {
                b'#' => {
                    while !self.eof() && self.peek() != b'\n' {
                        self.pos += 1;
                    }
                    continue;
                }
                b'\n' => {
                    self.pos += 1;
                    let blank = self.parens.is_empty() && !self.last_is_newline_or_start();
                    if blank {
                        // Zero width, as CPython's NEWLINE token (its text leaves the '\n' out).
                        self.tokens.push(Token {
                            kind: Tok::Newline,
                            start: start as u32,
                            end: self.pos as u32,
                            lineno: line,
                            col,
                            end_lineno: line,
                            end_col: col,
                        });
                    }
                    self.newline_here();
                    if self.parens.is_empty() {
                        self.at_bol = true;
                        self.cont_line = false;
                    }
                    continue;
                }
                b'\\' => {
                    self.pos += 1;
                    if self.eof() {
                        let (l, c2) = (line, col + 1);
                        return Err(RawError { raw_end: Some(-1), ..self.err("unexpected EOF while parsing", l, c2, c2) });
                    }
                    if self.peek() != b'\n' {
                        let l = self.line;
                        return Err(RawError {
                            raw_end: Some(0),
                            ..self.err("unexpected character after line continuation character", l, self.col(), self.col())
                        });
                    }
                    self.pos += 1;
                    self.newline_here();
                    self.cont_line = true;
                    if self.eof() {
                        let (l, c2) = (line, col + 1);
                        return Err(RawError { raw_end: Some(-1), ..self.err("unexpected EOF while parsing", l, c2, c2) });
                    }
                    continue;
                }
                _ => {}
            }
            if is_id_start_ascii(c) || c >= 0x80 {
                // String prefix?
                if let Some(q) = self.string_prefix_len() {
                    self.pos += q;
                    self.string(start, line, col)?;
                    continue;
                }
                self.name(start, line, col)?;
                continue;
            }
            if c.is_ascii_digit() || (c == b'.' && self.peek_at(1).is_ascii_digit()) {
                self.number(start, line, col)?;
                continue;
            }
            if c == b'"' || c == b'\'' {
                self.string(start, line, col)?;
                continue;
            }
            self.operator(start, line, col)?;
        }
    }

    /// True when the last token is a NEWLINE (or there is none yet), i.e. the current line
    /// is blank so far and a newline here ends no logical line.
    fn last_is_newline_or_start(&self) -> bool {
        match self.tokens.last() {
            None => true,
            Some(t) => matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent),
        }
    }

    fn finish(&mut self) -> Result<(), RawError> {
        if let Some(&(b, l, c)) = self.parens.last() {
            return Err(RawError { raw_end: Some(0), ..self.err(format!("'{}' was never closed", b as char), l, c, c) });
        }
        let (line, col) = (self.line, self.col());
        if !self.last_is_newline_or_start() {
            // Implicit NEWLINE at end of input without a trailing newline.
            self.tokens.push(Token {
                kind: Tok::Newline,
                start: self.pos as u32,
                end: self.pos as u32,
                lineno: line,
                col,
                end_lineno: line,
                end_col: col,
            });
        }
        // CPython's tokenizer gives the DEDENTs and the ENDMARKER at end of input no column;
        // errors there are placed after the last line read (its '\n', implicit or not,
        // included): `Tok::Dedent`/`Tok::EndMarker` carry that line and byte length.
        let (l, c) = if self.col() == 0 {
            if self.line > 1 {
                let prev_start = self.src[..self.line_start - 1].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                (self.line - 1, (self.line_start - prev_start) as u32)
            } else {
                (1, 0)
            }
        } else {
            (self.line, self.col() + 1)
        };
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token {
                kind: Tok::Dedent,
                start: self.pos as u32,
                end: self.pos as u32,
                lineno: l,
                col: c,
                end_lineno: l,
                end_col: c,
            });
        }
        self.tokens.push(Token {
            kind: Tok::EndMarker,
            start: self.pos as u32,
            end: self.pos as u32,
            lineno: l,
            col: c,
            end_lineno: l,
            end_col: c,
        });
        Ok(())
    }

    /// Measure the indentation of a new line and emit INDENT/DEDENT. Returns true when the
    /// line was blank or a comment (consumed up to, not including, its newline... or at EOF).
    fn indentation(&mut self) -> Result<bool, RawError> {
        let mut col = 0u32;
        let mut altcol = 0u32;
        let start = self.pos;
        loop {
            match self.peek() {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.peek();
        if c == b'#' || c == b'\n' || self.eof() {
            // Blank line: no indentation change. Comments and newline handled by the caller.
            // A blank line only ever emits no NEWLINE (last token is already NEWLINE).
            if c == b'\n' && self.last_is_newline_or_start() {
                self.pos += 1;
                self.newline_here();
                self.at_bol = true;
                return Ok(true);
            }
            return Ok(false);
        }
        if c == b'\\' && self.peek_at(1) == b'\n' {
            // A continuation at the start of a line: CPython measures the indentation of the
            // first real character but then treats the line normally. Good enough: no change.
        }
        let _ = start;
        let top = *self.indents.last().unwrap_or(&0);
        let alttop = *self.alt_indents.last().unwrap_or(&0);
        let line = self.line;
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(RawError {
                    raw_end: Some(-1),
                    ..RawError::new(SyntaxErrorKind::Indentation, "too many levels of indentation", line, u32::MAX, line, u32::MAX)
                });
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.indents.push(col);
            self.alt_indents.push(altcol);
            let c0 = self.col();
            self.tokens.push(Token {
                kind: Tok::Indent,
                start: self.line_start as u32,
                end: self.pos as u32,
                lineno: line,
                col: 0,
                end_lineno: line,
                end_col: c0,
            });
        } else {
            // A column matching no enclosing level is an error before any DEDENT is produced.
            if !self.indents.contains(&col) {
                let eol = self.src[self.pos..].iter().position(|&b| b == b'\n').map(|p| self.pos + p).unwrap_or(self.src.len());
                let c0 = self.col_at(eol);
                return Err(RawError {
                    raw_end: Some(-1),
                    ..RawError::new(SyntaxErrorKind::Indentation, "unindent does not match any outer indentation level", line, c0, line, c0)
                });
            }
            while self.indents.len() > 1 && col < *self.indents.last().unwrap_or(&0) {
                self.indents.pop();
                self.alt_indents.pop();
                let c0 = self.col();
                self.tokens.push(Token {
                    kind: Tok::Dedent,
                    start: self.pos as u32,
                    end: self.pos as u32,
                    lineno: line,
                    col: c0,
                    end_lineno: line,
                    end_col: c0,
                });
            }
            if altcol != *self.alt_indents.last().unwrap_or(&0) {
                return Err(self.tab_error());
            }
        }
        Ok(false)
    }

    fn tab_error(&self) -> RawError {
        RawError {
            raw_end: Some(0),
            ..RawError::new(SyntaxErrorKind::Tab, "inconsistent use of tabs and spaces in indentation", self.line, 0, self.line, 0)
        }
    }

    /// If a string literal starts here with a prefix, the prefix length (quote not included).
    fn string_prefix_len(&self) -> Option<usize> {
        let mut n = 0;
        let mut seen = [false; 4]; // r, b, u, f
        while n < 3 {
            let c = self.peek_at(n).to_ascii_lowercase();
            let i = match c {
                b'r' => 0,
                b'b' => 1,
                b'u' => 2,
                b'f' => 3,
                b'"' | b'\'' => break,
                _ => return None,
            };
            if seen[i] {
                return None;
            }
            seen[i] = true;
            n += 1;
        }
        let q = self.peek_at(n);
        if n == 0 || (q != b'"' && q != b'\'') {
            return None;
        }
        // Valid combinations: r, b, u, f, rb/br, rf/fr.
        let ok = match n {
            1 => true,
            2 => (seen[0] && seen[1]) || (seen[0] && seen[3]),
            _ => false,
        };
        if ok {
            Some(n)
        } else {
            None
        }
    }

    fn name(&mut self, start: usize, line: u32, col: u32) -> Result<(), RawError> {
        let mut ascii = true;
        loop {
            let b = self.peek();
            if is_id_continue_ascii(b) {
                self.pos += 1;
            } else if b >= 0x80 {
                ascii = false;
                let s = std::str::from_utf8(&self.src[self.pos..]).unwrap_or("");
                let ch = s.chars().next().unwrap_or('\0');
                let first = self.pos == start;
                let ok = if first { is_xid_start(ch) } else { is_xid_continue(ch) };
                if !ok {
                    if first || !is_potential_identifier_char(ch) {
                        if first {
                            return Err(self.bad_char(ch, line));
                        }
                        break;
                    }
                    return Err(self.bad_char(ch, line));
                }
                self.pos += ch.len_utf8();
            } else {
                break;
            }
        }
        let text = &self.src[start..self.pos];
        let kind = if ascii { Tok::keyword(text).unwrap_or(Tok::Name) } else { Tok::Name };
        self.push(kind, start, line, col);
        Ok(())
    }

    fn bad_char(&self, ch: char, line: u32) -> RawError {
        let col = self.col();
        let cp = ch as u32;
        let msg = if is_printable(ch) {
            format!("invalid character '{ch}' (U+{cp:04X})")
        } else {
            format!("invalid non-printable character U+{cp:04X}")
        };
        RawError { raw_end: None, ..self.err(msg, line, col, col) }
    }

    fn operator(&mut self, start: usize, line: u32, col: u32) -> Result<(), RawError> {
        let c = self.peek();
        let c1 = self.peek_at(1);
        let c2 = self.peek_at(2);
        let (kind, len) = match (c, c1, c2) {
            (b'(', _, _) => (Tok::LPar, 1),
            (b')', _, _) => (Tok::RPar, 1),
            (b'[', _, _) => (Tok::LSqb, 1),
            (b']', _, _) => (Tok::RSqb, 1),
            (b'{', _, _) => (Tok::LBrace, 1),
            (b'}', _, _) => (Tok::RBrace, 1),
            (b':', b'=', _) => (Tok::ColonEqual, 2),
            (b':', _, _) => (Tok::Colon, 1),
            (b',', _, _) => (Tok::Comma, 1),
            (b';', _, _) => (Tok::Semi, 1),
            (b'+', b'=', _) => (Tok::PlusEqual, 2),
            (b'+', _, _) => (Tok::Plus, 1),
            (b'-', b'=', _) => (Tok::MinEqual, 2),
            (b'-', b'>', _) => (Tok::RArrow, 2),
            (b'-', _, _) => (Tok::Minus, 1),
            (b'*', b'*', b'=') => (Tok::DoubleStarEqual, 3),
            (b'*', b'*', _) => (Tok::DoubleStar, 2),
            (b'*', b'=', _) => (Tok::StarEqual, 2),
            (b'*', _, _) => (Tok::Star, 1),
            (b'/', b'/', b'=') => (Tok::DoubleSlashEqual, 3),
            (b'/', b'/', _) => (Tok::DoubleSlash, 2),
            (b'/', b'=', _) => (Tok::SlashEqual, 2),
            (b'/', _, _) => (Tok::Slash, 1),
            (b'|', b'=', _) => (Tok::VBarEqual, 2),
            (b'|', _, _) => (Tok::VBar, 1),
            (b'&', b'=', _) => (Tok::AmperEqual, 2),
            (b'&', _, _) => (Tok::Amper, 1),
            (b'<', b'<', b'=') => (Tok::LeftShiftEqual, 3),
            (b'<', b'<', _) => (Tok::LeftShift, 2),
            (b'<', b'=', _) => (Tok::LessEqual, 2),
            (b'<', b'>', _) => (Tok::ErrorToken, 2),
            (b'<', _, _) => (Tok::Less, 1),
            (b'>', b'>', b'=') => (Tok::RightShiftEqual, 3),
            (b'>', b'>', _) => (Tok::RightShift, 2),
            (b'>', b'=', _) => (Tok::GreaterEqual, 2),
            (b'>', _, _) => (Tok::Greater, 1),
            (b'=', b'=', _) => (Tok::EqEqual, 2),
            (b'=', _, _) => (Tok::Equal, 1),
            (b'!', b'=', _) => (Tok::NotEqual, 2),
            (b'.', b'.', b'.') => (Tok::Ellipsis, 3),
            (b'.', _, _) => (Tok::Dot, 1),
            (b'%', b'=', _) => (Tok::PercentEqual, 2),
            (b'%', _, _) => (Tok::Percent, 1),
            (b'~', _, _) => (Tok::Tilde, 1),
            (b'^', b'=', _) => (Tok::CircumflexEqual, 2),
            (b'^', _, _) => (Tok::Circumflex, 1),
            (b'@', b'=', _) => (Tok::AtEqual, 2),
            (b'@', _, _) => (Tok::At, 1),
            _ => {
                if c < 0x20 && c != b'\t' && c != b'\x0c' {
                    let col = self.col();
                    return Err(self.err(format!("invalid non-printable character U+{:04X}", c), line, col, col));
                }
                (Tok::ErrorToken, 1)
            }
        };
        match kind {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.parens.len() >= MAX_LEVEL {
                    return Err(self.err("too many nested parentheses", line, col, col + 1));
                }
                self.parens.push((c, line, col));
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => match self.parens.pop() {
                None => return Err(self.err(format!("unmatched '{}'", c as char), line, col, col)),
                Some((open, oline, _)) => {
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if want != c {
                        let msg = if oline != line {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, open as char, oline
                            )
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open as char)
                        };
                        return Err(self.err(msg, line, col, col));
                    }
                }
            },
            _ => {}
        }
        self.pos += len;
        self.push(kind, start, line, col);
        Ok(())
    }

    /// Scan a number literal (CPython's `tok_get` number branch and `verify_end_of_number`).
    fn number(&mut self, start: usize, line: u32, col: u32) -> Result<(), RawError> {
        let c = self.peek();
        if c == b'0' && matches!(self.peek_at(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let (kind, name): (u32, &str) = match self.peek_at(1) | 0x20 {
                b'x' => (16, "hexadecimal"),
                b'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            self.pos += 2;
            let mut any = false;
            loop {
                if self.peek() == b'_' {
                    self.pos += 1;
                }
                let d = self.peek();
                let is_digit = (d as char).to_digit(kind).is_some();
                if !is_digit {
                    if !any || self.src[self.pos - 1] == b'_' {
                        if kind != 16 && d.is_ascii_digit() {
                            let cc = self.col();
                            return Err(self.err(format!("invalid digit '{}' in {} literal", d as char, name), line, cc, cc));
                        }
                        let cc = self.col() - 1;
                        return Err(self.err(format!("invalid {name} literal"), line, cc, cc));
                    }
                    break;
                }
                any = true;
                while (self.peek() as char).to_digit(kind).is_some() {
                    self.pos += 1;
                }
                if self.peek() != b'_' {
                    break;
                }
            }
            let d = self.peek();
            if kind != 16 && d.is_ascii_digit() {
                let cc = self.col();
                return Err(self.err(format!("invalid digit '{}' in {} literal", d as char, name), line, cc, cc));
            }
            self.verify_end(name)?;
            self.push(Tok::Number, start, line, col);
            return Ok(());
        }
        // Decimal: integer part.
        let mut is_float = false;
        if c != b'.' {
            let leading_zero = c == b'0';
            self.digits()?;
            if leading_zero {
                // Only zeros allowed unless it turns out to be a float/imaginary.
                let all_zero = self.src[start..self.pos].iter().all(|&b| b == b'0' || b == b'_');
                let nc = self.peek();
                if !all_zero && !matches!(nc, b'.' | b'e' | b'E' | b'j' | b'J') {
                    let zeros = self.src[start..self.pos].iter().take_while(|&&b| b == b'0' || b == b'_').count();
                    let cend = self.col_at(start + zeros);
                    return Err(self.err(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        line,
                        col,
                        cend,
                    ));
                }
            }
        }
        if self.peek() == b'.' {
            is_float = true;
            self.pos += 1;
            if self.peek().is_ascii_digit() {
                self.digits()?;
            } else if self.peek() == b'_' {
                let cc = self.col() - 1;
                return Err(self.err("invalid decimal literal", line, cc, cc));
            }
        }
        let _ = is_float;
        if matches!(self.peek(), b'e' | b'E') {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), b'+' | b'-') {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    let cc = self.col() - 1;
                    return Err(self.err("invalid decimal literal", line, cc, cc));
                }
            } else if !self.peek().is_ascii_digit() {
                // `1e` followed by something that is not a digit: "1else" is allowed with a warning.
                self.pos = save;
                self.verify_end("decimal")?;
                self.push(Tok::Number, start, line, col);
                return Ok(());
            }
            self.digits()?;
        }
        if matches!(self.peek(), b'j' | b'J') {
            self.pos += 1;
            self.verify_end("imaginary")?;
        } else {
            self.verify_end("decimal")?;
        }
        self.push(Tok::Number, start, line, col);
        Ok(())
    }

    /// Decimal digits with single `_` separators.
    fn digits(&mut self) -> Result<(), RawError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                let cc = self.col() - 1;
                let l = self.line;
                return Err(self.err("invalid decimal literal", l, cc, cc));
            }
        }
    }

    /// After a number: a following identifier character is an error, except for the keywords
    /// CPython tolerates (with a warning) — `and else for if in is not or`.
    fn verify_end(&mut self, kind: &str) -> Result<(), RawError> {
        let c = self.peek();
        let rest = &self.src[self.pos..];
        let kw = |w: &[u8]| rest.starts_with(w);
        let tolerated = match c {
            b'a' => kw(b"and"),
            b'e' => kw(b"else"),
            b'f' => kw(b"for"),
            b'i' => kw(b"if") || kw(b"in") || kw(b"is"),
            b'n' => kw(b"not"),
            b'o' => kw(b"or"),
            _ => false,
        };
        if tolerated {
            return Ok(());
        }
        if is_id_continue_ascii(c) || c >= 0x80 {
            if c >= 0x80 {
                let s = std::str::from_utf8(rest).unwrap_or("");
                let ch = s.chars().next().unwrap_or('\0');
                if !is_xid_continue(ch) {
                    return Ok(());
                }
            }
            let l = self.line;
            // CPython's offset is the number of characters before the offending one, so the
            // caret lands on the character before it.
            let cc = self.col().saturating_sub(1);
            return Err(self.err(format!("invalid {kind} literal"), l, cc, cc));
        }
        Ok(())
    }

    /// Scan a string literal whose opening quote is at `self.pos` (prefix already consumed).
    fn string(&mut self, start: usize, line: u32, col: u32) -> Result<(), RawError> {
        let q = self.peek();
        let triple = self.peek_at(1) == q && self.peek_at(2) == q;
        let qlen = if triple { 3 } else { 1 };
        self.pos += qlen;
        loop {
            if self.eof() {
                let at = if self.src.last() == Some(&b'\n') { self.line - 1 } else { self.line };
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {})", at)
                } else {
                    format!("unterminated string literal (detected at line {})", at)
                };
                return Err(RawError { raw_end: None, ..self.err(msg, line, col, col) });
            }
            let c = self.src[self.pos];
            if c == q {
                if !triple {
                    self.pos += 1;
                    break;
                }
                if self.peek_at(1) == q && self.peek_at(2) == q {
                    self.pos += 3;
                    break;
                }
                self.pos += 1;
            } else if c == b'\\' {
                self.pos += 1;
                if self.eof() {
                    continue;
                }
                if self.src[self.pos] == b'\n' {
                    self.pos += 1;
                    self.newline_here();
                } else {
                    self.pos += 1;
                }
            } else if c == b'\n' {
                if !triple {
                    let msg = format!("unterminated string literal (detected at line {})", self.line);
                    return Err(RawError { raw_end: None, ..self.err(msg, line, col, col) });
                }
                self.pos += 1;
                self.newline_here();
            } else {
                self.pos += 1;
            }
        }
        self.push(Tok::String, start, line, col);
        Ok(())
    }
}

fn is_xid_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c) || is_other_id_start(c)
}

fn is_xid_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
        || is_other_id_start(c)
        || c == '\u{00B7}'
        || c == '\u{0387}'
        || ('\u{1369}'..='\u{1371}').contains(&c)
        || c == '\u{19DA}'
}

/// Other_ID_Start characters (Python accepts them; they NFKC-normalise to ID_Start ones).
fn is_other_id_start(c: char) -> bool {
    matches!(c, '\u{1885}' | '\u{1886}' | '\u{2118}' | '\u{212E}' | '\u{309B}' | '\u{309C}')
}

/// Characters CPython's tokenizer keeps in an identifier before validating it (all
/// non-ASCII characters), so an invalid one is reported rather than ending the name.
fn is_potential_identifier_char(c: char) -> bool {
    (c as u32) >= 128
}

/// Python's `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    super::unicode_data::is_printable_cp(c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Tok> {
        tokenize(s).tokens.iter().map(|t| t.kind).collect()
    }

    fn error(s: &str) -> String {
        tokenize(s).error.map(|(_, e)| e.msg).unwrap_or_default()
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("0x_1f 1_000 1.5e-3 3j .5 0o17 0b1"),
            vec![Tok::Number; 7].into_iter().chain([Tok::Newline, Tok::EndMarker]).collect::<Vec<_>>()
        );
        assert_eq!(error("0777"), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        assert_eq!(error("1__0"), "invalid decimal literal");
        assert_eq!(error("1_"), "invalid decimal literal");
        assert_eq!(error("0b2"), "invalid digit '2' in binary literal");
        assert_eq!(error("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(error("0x"), "invalid hexadecimal literal");
        assert_eq!(error("1jx"), "invalid imaginary literal");
        assert_eq!(error("1if 1 else 2"), "");
        assert_eq!(error("00 + 0_0 + 09.5 + 012j"), "");
    }

    #[test]
    fn indentation() {
        assert_eq!(
            kinds("if x:\n  y\nz\n"),
            vec![
                Tok::If,
                Tok::Name,
                Tok::Colon,
                Tok::Newline,
                Tok::Indent,
                Tok::Name,
                Tok::Newline,
                Tok::Dedent,
                Tok::Name,
                Tok::Newline,
                Tok::EndMarker
            ]
        );
        assert_eq!(error("if x:\n  a\n b"), "unindent does not match any outer indentation level");
        assert_eq!(error("if x:\n\ta\n        b"), "inconsistent use of tabs and spaces in indentation");
    }
}
