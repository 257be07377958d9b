//! `SyntaxError` values (SyntaxError, IndentationError, TabError, and the parser's
//! RecursionError) with CPython's location conventions, and their rendering exactly as
//! CPython 3.11 prints an uncaught one (`print_error_text` in Python/pythonrun.c).

/// Which exception class the error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// `RecursionError: maximum recursion depth exceeded during parsing` (nesting too deep for
    /// the parser). Not a SyntaxError subclass in CPython: it has no location.
    Recursion,
    /// `MemoryError` (CPython 3.11's parser reports exhausting its stack this way).
    Memory,
}

impl SyntaxErrorKind {
    /// The Python class name.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
            SyntaxErrorKind::Recursion => "RecursionError",
            SyntaxErrorKind::Memory => "MemoryError",
        }
    }
}

/// A compile-time error with CPython's attributes: `lineno`/`end_lineno` are 1-based,
/// `offset`/`end_offset` are 1-based columns counted in characters; `text` is the source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: usize,
    pub offset: usize,
    pub end_lineno: usize,
    /// -1 when the error has no end (CPython's value for errors at dedents, indents and
    /// the end of input).
    pub end_offset: i64,
    pub text: Option<String>,
    /// Placed at the end of input (a dedent or the end marker there). CPython's file
    /// tokenizer (a script run from a file or stdin) has no column there: `offset` 0.
    pub at_eof: bool,
}

/// An error located by byte columns, before conversion to CPython's character offsets
/// (which needs the source text). Used inside the lexer and parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    /// 0-based byte column; `u32::MAX` means "no column" (offset 0 after conversion).
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
    /// Use this text instead of the source line (f-string sub-expressions).
    pub text: Option<String>,
    /// Report `end_offset` as given (already a character offset, possibly negative-ish
    /// conventions like CPython's -1/0 for tokenizer errors).
    pub raw_end: Option<i64>,
    /// See [`SyntaxError::at_eof`].
    pub at_eof: bool,
}

impl RawError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, lineno: u32, col: u32, end_lineno: u32, end_col: u32) -> RawError {
        RawError { kind, msg: msg.into(), lineno, col, end_lineno, end_col, text: None, raw_end: None, at_eof: false }
    }

    /// Convert to a [`SyntaxError`] against `source` (the decoded, newline-normalised text).
    pub fn finish(self, source: &str, filename: &str) -> SyntaxError {
        if matches!(self.kind, SyntaxErrorKind::Recursion | SyntaxErrorKind::Memory) {
            return SyntaxError {
                kind: self.kind,
                msg: self.msg,
                filename: filename.to_string(),
                lineno: 0,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                text: None,
                at_eof: false,
            };
        }
        let line = self.text.clone().or_else(|| source_line(source, self.lineno as usize));
        let to_chars = |col: u32| -> usize {
            match &line {
                Some(l) => {
                    let bytes = l.as_bytes();
                    let c = (col as usize).min(bytes.len());
                    // Count characters in the first `c` bytes (tolerating a cut inside a char).
                    bytes[..c].iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1 + (col as usize).saturating_sub(bytes.len())
                }
                None => col as usize + 1,
            }
        };
        let offset = if self.col == u32::MAX { 0 } else { to_chars(self.col) };
        let end_offset = match self.raw_end {
            Some(v) => v,
            None if self.end_col == u32::MAX => 0,
            None => to_chars(self.end_col) as i64,
        };
        SyntaxError {
            kind: self.kind,
            msg: self.msg,
            filename: filename.to_string(),
            lineno: self.lineno as usize,
            offset,
            end_lineno: self.end_lineno as usize,
            end_offset,
            text: line,
            at_eof: self.at_eof,
        }
    }
}

/// Line `lineno` (1-based) of `source`, with its trailing newline when it has one.
pub fn source_line(source: &str, lineno: usize) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    let mut start = 0usize;
    let bytes = source.as_bytes();
    for _ in 1..lineno {
        match memchr(b'\n', &bytes[start..]) {
            Some(i) => start += i + 1,
            None => return None,
        }
    }
    if start > bytes.len() || (start == bytes.len() && lineno > 1) {
        return None;
    }
    let end = match memchr(b'\n', &bytes[start..]) {
        Some(i) => start + i + 1,
        None => bytes.len(),
    };
    Some(source[start..end].to_string())
}

fn memchr(b: u8, s: &[u8]) -> Option<usize> {
    s.iter().position(|&c| c == b)
}

impl SyntaxError {
    /// The error as CPython's file tokenizer reports it (a script file or stdin): no
    /// column at the end of input.
    pub fn for_file_input(mut self) -> SyntaxError {
        if self.at_eof {
            self.offset = 0;
        }
        self
    }

    /// What CPython prints on stderr for this error left uncaught in a script.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if self.kind == SyntaxErrorKind::Memory {
            return "MemoryError\n".to_string();
        }
        if self.lineno == 0 {
            return format!("{}: {}\n", self.kind.class_name(), self.msg);
        }
        if self.kind == SyntaxErrorKind::Recursion {
            return format!("RecursionError: {}\n", self.msg);
        }
        out.push_str(&self.render_location(self.kind == SyntaxErrorKind::Syntax));
        out.push_str(self.kind.class_name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

impl SyntaxError {
    /// The `File "...", line N` line, then the source line and its carets. CPython 3.11
    /// underlines the range `offset..end_offset` only for `SyntaxError` itself (`ranged`);
    /// its subclasses (`IndentationError`, user classes) get one caret. A range running
    /// onto later lines is underlined to the end of the first, and never past it.
    pub fn render_location(&self, ranged: bool) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            let size = text.len() as i64;
            let mut end = if ranged { self.end_offset } else { -1 };
            if ranged && self.end_lineno > self.lineno {
                end = size;
            }
            end = end.min(size + 1);
            render_text(&mut out, text, self.offset as i64, end);
        }
        out
    }
}

/// The source line and caret line, following CPython 3.11's `print_error_text`: leading
/// blanks are stripped (shifting the caret), the caret run covers `offset..end_offset`
/// (at least one), and no caret is printed when it would fall left of the text.
fn render_text(out: &mut String, text: &str, offset: i64, end_offset: i64) {
    let reps = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text.strip_prefix([' ', '\t', '\x0c']) {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    loop {
        let Some(nl) = text.find('\n') else { break };
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if text.as_bytes().get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    for _ in 0..reps {
        out.push('^');
    }
    out.push('\n');
}
