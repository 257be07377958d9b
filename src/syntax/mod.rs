//! The front end: source bytes → tokens → AST (`ast.rs` mirrors CPython 3.11's `ast`).
//! Owns tokenizing, parsing, `ast.dump`-compatible output and `SyntaxError` values.
