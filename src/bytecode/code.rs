//! The compiled form of one function, class body, module or comprehension: instructions,
//! constants, names, source positions and the exception table. Pure data (no Python
//! objects), so it is `Send`, can be cached as `.pyc`, and the compiler does not depend on
//! the object model; the VM materialises constants into values once per code object.

use num_bigint::BigInt;

use super::opcode::Instr;

/// `co_flags` bits (CPython's values, so `inspect`-style checks read the same).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// A constant in `co_consts`.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    /// A `str` given as code points when it holds lone surrogates, else UTF-8.
    Str(crate::syntax::ast::PyString),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    FrozenSet(Vec<Const>),
    /// Shared, so the runtime code object made from it (`function::const_value`) needs no copy.
    Code(std::sync::Arc<CodeObject>),
}

/// Source range of one instruction (CPython's `co_positions()`): 1-based lines, 0-based
/// UTF-8 byte columns. Zero line means "no position" (synthetic instructions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub lineno: u32,
    pub end_lineno: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One exception-table entry: an exception raised by an instruction in `start..end` jumps
/// to `target` after the value stack is cut to `depth` items; with `lasti`, the offset of
/// the raising instruction is pushed first (used by `with` and `finally` re-raise paths).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// An identifier held by code objects (`co_names`, `co_varnames`, ...) and the file name:
/// shared, so the many code objects of one `.pyc` file that use a name hold one copy
/// (`marshal` writes each such string once per file).
pub type Name = std::sync::Arc<str>;

/// A code object (`types.CodeType`).
#[derive(Debug, Clone, PartialEq)]
pub struct CodeObject {
    pub instrs: Vec<Instr>,
    /// One per instruction.
    pub positions: Vec<Position>,
    /// Sorted by `start`, non-overlapping (a flat table, as CPython 3.11 emits).
    pub exception_table: Vec<ExceptionEntry>,
    pub consts: Vec<Const>,
    pub names: Vec<Name>,
    /// Fast locals: parameters first (positional, keyword-only, `*args`, `**kwargs`).
    pub varnames: Vec<Name>,
    /// Locals captured by inner functions.
    pub cellvars: Vec<Name>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<Name>,
    /// For each cell variable that is also a parameter, the parameter's index in
    /// `varnames` (the frame copies the argument into the cell on entry).
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub name: String,
    pub qualname: String,
    pub filename: Name,
    pub firstlineno: u32,
    /// Maximum value-stack depth (from `Instr::stack_effect`).
    pub max_stack: u32,
}

/// The instruction index a traceback entry records for a frame that had not started (an
/// exception thrown into a new generator): CPython shows it at the `def` line, without
/// markers.
pub const NOT_STARTED: u32 = u32::MAX;

impl CodeObject {
    /// The line of the instruction at `index` (`None` for synthetic instructions).
    pub fn line_of(&self, index: usize) -> Option<u32> {
        if index == NOT_STARTED as usize {
            return Some(self.firstlineno);
        }
        self.positions.get(index).map(|p| p.lineno).filter(|&l| l != 0)
    }

    /// The source range of the instruction at `index` as tracebacks show it.
    pub fn position_of(&self, index: usize) -> Position {
        if index == NOT_STARTED as usize {
            return Position { lineno: self.firstlineno, end_lineno: self.firstlineno, col: u32::MAX, end_col: u32::MAX };
        }
        self.positions.get(index).copied().unwrap_or_default()
    }

    /// The exception handler covering instruction `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        self.exception_table.iter().find(|e| e.start <= index && index < e.end)
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// Total number of parameters, counting `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        // In `usize`: the counts of a `.pyc` are not trusted yet when this is checked.
        let mut n = self.argcount as usize + self.kwonlyargcount as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}
