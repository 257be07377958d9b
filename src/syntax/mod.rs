//! The front end: source bytes → tokens → AST (`ast.rs` mirrors CPython 3.11's `ast`).
//! Owns tokenizing, parsing, `ast.dump`-compatible output and `SyntaxError` values.

pub mod ast;

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
