//! gild: a Python 3.11 runtime with an observable GIL.
//!
//! Module map (see ARCHITECTURE.md for the "where is X" table):
//! - [`syntax`]: source bytes → tokens → AST, and `SyntaxError` reporting.
//! - [`bytecode`]: the instruction set and code objects.
//! - [`objects`]: values, heap objects, builtin types (one type per file).
//! - [`runtime`]: abstract operations (operators, attributes, calls, iteration), the GIL,
//!   and object allocation/reference counting (`runtime::heap`).
//! - [`vm`]: per-thread interpreter state; the dispatch loop lands here.
//! - [`num`], [`text`]: pure algorithms with Python semantics (float repr, formatting,
//!   string methods) shared by the front end and the object types.
//!
//! The embedding API is [`run`] with a [`Config`]; `src/main.rs` only builds the config.

pub mod bytecode;
pub mod compiler;
pub mod modules;
pub mod num;
pub mod objects;
pub mod runtime;
pub mod syntax;
pub mod text;
pub mod vm;

mod driver;
pub mod repl;

pub use driver::{install_panic_hook, run, Config, RunTarget};

/// The CPython version whose behaviour gild reproduces.
pub const PYTHON_VERSION: (u32, u32, u32) = (3, 11, 7);
/// gild's own version.
pub const GILD_VERSION: &str = env!("CARGO_PKG_VERSION");
