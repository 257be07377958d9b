//! The compiler: AST → [`CodeObject`]. Two passes, as CPython 3.11: [`symtable`] resolves
//! every name's scope, then [`codegen`] emits instructions per scope and assembles them
//! (labels, stack depth, exception table, positions). Constant folding happens on demand
//! during codegen (`codegen/fold.rs`), matching CPython's AST optimiser.
//!
//! Errors are compile-time `SyntaxError`s with CPython's wording, located at an AST range;
//! the caller renders them with the source text.

pub mod codegen;
pub mod symtable;

use crate::bytecode::CodeObject;
use crate::syntax::ast::{self, Constant, ExprKind, Loc, StmtKind};
use crate::syntax::Mode;

/// A compile-time `SyntaxError`: message and the AST range it points at (1-based lines,
/// 0-based UTF-8 byte columns, like [`ast::Loc`]; add 1 to columns for CPython's offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (line {})", self.msg, self.loc.lineno)
    }
}

impl std::error::Error for CompileError {}

/// `co_flags` bit for `from __future__ import annotations` (CPython's `CO_FUTURE_ANNOTATIONS`).
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;

/// `from __future__` features found at the top of a module.
#[derive(Debug, Clone, Copy, Default)]
pub struct Future {
    pub annotations: bool,
    /// Line of the last `from __future__ import` of the leading block (0 if none).
    pub lineno: u32,
}

const KNOWN_FUTURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Scan the leading `from __future__ import` statements (after an optional docstring), as
/// CPython's `future.c`.
fn parse_future(m: &ast::Mod) -> Result<Future, CompileError> {
    let mut fut = Future::default();
    let body = match m {
        ast::Mod::Module { body, .. } | ast::Mod::Interactive { body } => body,
        _ => return Ok(fut),
    };
    for (i, s) in body.iter().enumerate() {
        match &s.node {
            StmtKind::Expr { value } if i == 0 => {
                if !matches!(value.node, ExprKind::Constant { value: Constant::Str(_), .. }) {
                    break;
                }
            }
            StmtKind::ImportFrom { module: Some(m), names, .. } if m == "__future__" => {
                for a in names {
                    if a.name == "annotations" {
                        fut.annotations = true;
                    } else if a.name == "braces" {
                        return Err(CompileError { msg: "not a chance".into(), loc: a.loc });
                    } else if !KNOWN_FUTURES.contains(&a.name.as_str()) {
                        return Err(CompileError { msg: format!("future feature {} is not defined", a.name), loc: a.loc });
                    }
                }
                fut.lineno = s.loc.lineno;
            }
            _ => break,
        }
    }
    Ok(fut)
}

/// Compile a parsed module (`Exec`), expression (`Eval`) or interactive statement
/// (`Single`) into the code object of `<module>`. `optimize` is `-O` (1 drops asserts,
/// 2 also docstrings).
pub fn compile(m: &ast::Mod, filename: &str, mode: Mode, optimize: u32) -> Result<CodeObject, CompileError> {
    let future = parse_future(m)?;
    let st = symtable::build(m, future.annotations)?;
    codegen::compile_module(m, &st, filename, mode, optimize, future)
}

/// Render a compile error as the `SyntaxError` CPython prints, against the source text.
pub fn to_syntax_error(e: &CompileError, source: &str, filename: &str) -> crate::syntax::SyntaxError {
    let text = source.replace("\r\n", "\n");
    // A range spanning lines is underlined to the end of its first line, as CPython prints
    // it. (The end column is then relative to the first line: `end_offset` differs from
    // CPython's attribute for such errors, the printed caret line does not.)
    let mut end_col = e.loc.end_col_offset;
    if e.loc.end_lineno > e.loc.lineno {
        let line = text.split('\n').nth(e.loc.lineno.saturating_sub(1) as usize).unwrap_or("");
        end_col = line.trim_end().len() as u32;
    }
    crate::syntax::error::RawError::new(
        crate::syntax::SyntaxErrorKind::Syntax,
        e.msg.clone(),
        e.loc.lineno,
        e.loc.col_offset,
        e.loc.lineno,
        end_col,
    )
    .finish(&text, filename)
}

/// Parse and compile source bytes as a script file (`python FILE`), returning the rendered
/// `SyntaxError` text on failure.
pub fn compile_file_source(source: &[u8], filename: &str, optimize: u32) -> Result<CodeObject, String> {
    let m = crate::syntax::parse_script(source, filename).map_err(|e| e.render())?;
    compile(&m, filename, Mode::Exec, optimize).map_err(|e| to_syntax_error(&e, &String::from_utf8_lossy(source), filename).render())
}
