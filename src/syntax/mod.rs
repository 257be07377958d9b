//! The front end: source bytes → tokens → AST (`ast.rs` mirrors CPython 3.11's `ast`).
//! Owns source decoding (BOM, coding cookie), tokenizing (`lexer.rs`), parsing (`parser/`),
//! `ast.dump`-compatible output (`dump.rs`) and `SyntaxError` values (`error.rs`).
//! Compile-time checks done later by CPython's symtable/compiler ('return' outside function,
//! `nonlocal` at module level, 'break' outside loop, ...) are not done here.

pub mod ast;
pub mod dump;
pub mod error;
pub mod lexer;
mod parser;
pub mod token;
mod unicode_data;

pub use dump::dump;
pub use error::{SyntaxError, SyntaxErrorKind};

use error::RawError;

/// The `compile()` modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module.
    Exec,
    /// `eval`: a single expression.
    Eval,
    /// `single`: one interactive (REPL) statement.
    Single,
}

/// Parse source bytes as read from a file: handles a UTF-8 BOM and a PEP 263 coding cookie
/// (utf-8, latin-1/iso-8859-1 and aliases, ascii).
pub fn parse_bytes(source: &[u8], mode: Mode, filename: &str) -> Result<ast::Mod, SyntaxError> {
    let text = decode_source(source, filename)?;
    parse_str(&text, mode, filename)
}

/// Parse a script file as `python FILE` does: like [`parse_bytes`], but an unknown coding
/// cookie is reported as CPython's startup does ("encoding problem: X", without location).
pub fn parse_script(source: &[u8], filename: &str) -> Result<ast::Mod, SyntaxError> {
    parse_bytes(source, Mode::Exec, filename).map_err(|mut e| {
        if let Some(name) = e.msg.strip_prefix("unknown encoding: ") {
            e.msg = format!("encoding problem: {name}");
            e.lineno = 0;
        } else if let Some(rest) = e.msg.strip_prefix("(unicode error) 'utf-8' codec can't decode byte 0x") {
            let byte = &rest[..2.min(rest.len())];
            e.msg = format!(
                "Non-UTF-8 code starting with '\\x{byte}' in file {filename} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                e.lineno
            );
            e.lineno = 0;
        }
        e
    })
}

/// Parse source text (as `compile(str)`: any coding cookie is ignored).
pub fn parse_str(source: &str, mode: Mode, filename: &str) -> Result<ast::Mod, SyntaxError> {
    let normalized;
    let src = if source.contains('\r') {
        normalized = source.replace("\r\n", "\n").replace('\r', "\n");
        &normalized
    } else {
        source
    };
    if src.contains('\0') {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: "source code cannot contain null bytes".into(),
            filename: filename.to_string(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
            at_eof: false,
        });
    }
    let lexed = lexer::tokenize(src);
    let mut p = parser::Parser::new(src, lexed);
    p.parse(mode).map_err(|e| e.finish(src, filename))
}

/// A debug listing of the token stream (`-X dump-tokens`): one token per line as
/// `line,col-end_line,end_col:  KIND  'text'`, like `python -m tokenize`.
pub fn tokenize(source: &str) -> String {
    let src = source.replace("\r\n", "\n");
    let lexed = lexer::tokenize(&src);
    let mut out = String::new();
    for t in &lexed.tokens {
        let text = &src[t.start as usize..t.end as usize];
        out.push_str(&format!("{},{}-{},{}:\t{}\t{:?}\n", t.lineno, t.col, t.end_lineno, t.end_col, t.kind.name(), text));
    }
    if let Some((_, e)) = lexed.error {
        out.push_str(&format!("error: {} (line {})\n", e.msg, e.lineno));
    }
    out
}

/// Decode file bytes to text per PEP 263 (CPython's tokenizer rules).
fn decode_source(source: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let mk = |msg: String, lineno: usize| SyntaxError {
        kind: SyntaxErrorKind::Syntax,
        msg,
        filename: filename.to_string(),
        lineno,
        offset: 0,
        end_lineno: lineno,
        end_offset: 0,
        text: None,
        at_eof: false,
    };
    let (bom, body) = match source.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    // The cookie may be on line 1, or on line 2 if line 1 is a comment/blank.
    let mut encoding: Option<String> = None;
    let mut start = 0;
    for lineno in 1..=2 {
        let end = body[start..].iter().position(|&b| b == b'\n').map(|p| start + p + 1).unwrap_or(body.len());
        let line = &body[start..end];
        if let Some(enc) = find_cookie(line) {
            encoding = Some(enc);
            let _ = lineno;
            break;
        }
        let trimmed: Vec<u8> = line.iter().copied().skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c')).collect();
        if !(trimmed.is_empty() || trimmed[0] == b'#' || trimmed[0] == b'\n' || trimmed[0] == b'\r') {
            break;
        }
        start = end;
        if start >= body.len() {
            break;
        }
    }
    if bom {
        if let Some(name) = &encoding {
            // CPython only accepts the exact name utf-8 (or utf-8-*) next to a BOM.
            let l = name.to_ascii_lowercase().replace('_', "-");
            if !(l == "utf-8" || l.starts_with("utf-8-")) {
                return Err(mk(format!("encoding problem: {name} with BOM"), 0));
            }
        }
    }
    let enc = encoding.map(|e| normalize_encoding(&e));
    match enc.as_deref() {
        None | Some("utf-8") => {
            if bom && enc.is_some() && enc.as_deref() != Some("utf-8") {
                return Err(mk("encoding problem: utf-8".into(), 1));
            }
            match std::str::from_utf8(body) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => {
                    let upto = e.valid_up_to();
                    let lineno = body[..upto].iter().filter(|&&b| b == b'\n').count() + 1;
                    let bad = body[upto];
                    let line_start = body[..upto].iter().rposition(|&b| b == b'\n').map(|p| p + 1).unwrap_or(0);
                    let upto = upto - line_start;
                    Err(mk(
                        format!("(unicode error) 'utf-8' codec can't decode byte 0x{bad:02x} in position {}: invalid start byte", upto),
                        lineno,
                    ))
                }
            }
        }
        Some("latin-1") => {
            if bom {
                return Err(mk("encoding problem: latin-1 with BOM".into(), 1));
            }
            Ok(body.iter().map(|&b| b as char).collect())
        }
        Some("ascii") => {
            if let Some(p) = body.iter().position(|&b| b >= 0x80) {
                let lineno = body[..p].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(mk(
                    format!("(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)", body[p]),
                    lineno,
                ));
            }
            Ok(String::from_utf8_lossy(body).into_owned())
        }
        Some(other) => {
            let _ = &mk;
            // Other codecs (cp1252, koi8-r, ...) through the WHATWG decoders.
            match encoding_rs::Encoding::for_label(other.as_bytes()) {
                Some(enc) if !bom => {
                    let (text, _) = enc.decode_without_bom_handling(body);
                    Ok(text.into_owned())
                }
                Some(_) => Err(mk(format!("encoding problem: {other} with BOM"), 1)),
                None => Err(mk(format!("unknown encoding: {other}"), 1)),
            }
        }
    }
}

/// The encoding named by a `coding[:=]\s*([-\w.]+)` comment on `line`, if any.
fn find_cookie(line: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(line).ok()?;
    let t = s.trim_start_matches([' ', '\t', '\x0c']);
    if !t.starts_with('#') {
        return None;
    }
    let idx = t.find("coding")?;
    let rest = &t[idx + 6..];
    let rest = rest.strip_prefix([':', '='])?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    if name.is_empty() {
        None
    } else {
        Some(name)
    }
}

/// CPython's `get_normal_name` plus the aliases gild accepts; others are returned as given.
fn normalize_encoding(e: &str) -> String {
    let l = e.to_ascii_lowercase().replace('_', "-");
    if l == "utf-8" || l.starts_with("utf-8-") || l == "utf8" {
        return "utf-8".into();
    }
    if matches!(l.as_str(), "latin-1" | "iso-8859-1" | "iso-latin-1" | "latin1" | "l1" | "iso8859-1" | "8859" | "cp819" | "latin")
        || l.starts_with("latin-1-")
        || l.starts_with("iso-8859-1-")
        || l.starts_with("iso-latin-1-")
    {
        return "latin-1".into();
    }
    if matches!(l.as_str(), "ascii" | "us-ascii" | "646") {
        return "ascii".into();
    }
    e.to_string()
}

#[allow(dead_code)]
fn _raw(_: RawError) {}
