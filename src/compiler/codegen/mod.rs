//! Code generation driver: compilation units (one per code object), instruction emission
//! with labels and pseudo-instructions, the frame-block stack used to unwind `return` /
//! `break` / `continue` through `finally` and `with`, and the assembler that turns a unit
//! into a [`CodeObject`] (basic blocks, jump threading, dead-code removal, stack depth,
//! CPython 3.11's flat exception table, line-number propagation).
//!
//! Statements live in `stmt.rs`, expressions in `expr.rs`, `match` in `pattern.rs`, constant
//! folding in `fold.rs`.

mod expr;
pub mod fold;
mod pattern;
mod stmt;

pub(crate) use expr::{repr_bytes as bytes_repr, repr_float as float_repr, repr_str as str_repr};

use std::collections::HashMap;

use super::symtable::{mangle, NameScope, ScopeKind, SymbolTable};
use super::{CompileError, Future, CO_FUTURE_ANNOTATIONS};
use crate::bytecode::code::flags;
use crate::bytecode::{CodeObject, Const, ExceptionEntry, Instr, Position};
use crate::syntax::ast::{self, ExprContext, Loc, PyString, Stmt};
use crate::syntax::Mode;

pub(crate) type Label = u32;
type R<T = ()> = Result<T, CompileError>;

/// An instruction before assembly: real instructions (jump targets hold label ids), label
/// definitions, and the exception-block pseudo-instructions (CPython's `SETUP_*`/`POP_BLOCK`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    I(Instr),
    Label(Label),
    /// Push a handler that jumps to the label (stack cut to the current depth).
    SetupFinally(Label),
    /// Like `SetupFinally`, but the handler also gets `lasti`.
    SetupCleanup(Label),
    /// `with` handler: cut to one below the current depth (the `__enter__` result goes),
    /// with `lasti`.
    SetupWith(Label),
    PopBlock,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    op: Op,
    pos: Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// CPython's frame blocks (`fblockinfo`).
#[derive(Debug, Clone)]
pub(crate) enum FbKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With(Loc),
    AsyncWith(Loc),
    HandlerCleanup(Option<&'a str>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Debug, Clone)]
pub(crate) struct FBlock<'a> {
    pub kind: FbKind<'a>,
    /// Loop start (for `continue`).
    pub block: Label,
    /// Loop exit (for `break`).
    pub exit: Label,
}

/// Constant-table key: distinguishes `1`, `1.0`, `True` and `-0.0` like CPython's
/// `_PyCode_ConstantKey`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(num_bigint::BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Vec<u32>),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Code(usize),
}

fn const_key(c: &Const, serial: usize) -> ConstKey {
    match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Int(i) => ConstKey::Int(i.clone()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Const::Str(s) => ConstKey::Str(s.code_points()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Tuple(v) => ConstKey::Tuple(v.iter().map(|x| const_key(x, serial)).collect()),
        Const::FrozenSet(v) => ConstKey::FrozenSet(v.iter().map(|x| const_key(x, serial)).collect()),
        Const::Code(_) => ConstKey::Code(serial),
    }
}

/// One code object being compiled.
pub(crate) struct Unit<'a> {
    pub scope: usize,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    code: Vec<Entry>,
    nlabels: u32,
    pub consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub private: Option<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    /// Position given to emitted instructions.
    pub pos: Position,
}

pub(crate) struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub filename: String,
    pub optimize: u32,
    pub future: Future,
    pub interactive: bool,
    pub units: Vec<Unit<'a>>,
}

pub(crate) fn pos_of(loc: Loc) -> Position {
    Position { lineno: loc.lineno, end_lineno: loc.end_lineno, col: loc.col_offset, end_col: loc.end_col_offset }
}

/// Entry point used by [`super::compile`].
pub fn compile_module(
    m: &ast::Mod,
    st: &SymbolTable,
    filename: &str,
    mode: Mode,
    optimize: u32,
    future: Future,
) -> Result<CodeObject, CompileError> {
    let mut c = Compiler { st, filename: filename.to_string(), optimize, future, interactive: false, units: Vec::new() };
    c.enter_unit(0, UnitKind::Module, "<module>", 1);
    match (m, mode) {
        (ast::Mod::Expression { body }, _) => {
            c.visit_expr(body)?;
            c.emit(Instr::ReturnValue);
            return Ok(c.exit_unit());
        }
        (ast::Mod::Interactive { body }, _) => {
            c.interactive = true;
            if let Some(first) = body.first() {
                c.set_loc(first.loc);
            }
            if stmt::find_ann(body) {
                c.emit(Instr::SetupAnnotations);
            }
            for s in body {
                c.visit_stmt(s)?;
            }
        }
        (ast::Mod::Module { body, .. }, _) => c.body(body, true)?,
        (ast::Mod::FunctionType { .. }, _) => {}
    }
    c.unset_loc();
    c.load_const(Const::None);
    c.emit(Instr::ReturnValue);
    Ok(c.exit_unit())
}

impl<'a> Compiler<'a> {
    // ----- units -----

    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no compilation unit")
    }

    pub(crate) fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("no compilation unit")
    }

    pub(crate) fn scope(&self) -> &'a super::symtable::Scope {
        let st: &'a SymbolTable = self.st;
        &st.scopes[self.ur().scope]
    }

    pub(crate) fn enter_unit(&mut self, scope: usize, kind: UnitKind, name: &str, firstlineno: u32) {
        let ste = &self.st.scopes[scope];
        let mut cellvars = ste.sorted_names(NameScope::Cell, 0);
        if ste.needs_class_closure {
            cellvars.insert(0, "__class__".to_string());
        }
        let freevars = ste.sorted_names(NameScope::Free, super::symtable::def::FREE_CLASS);
        let private = match kind {
            UnitKind::Class => Some(ste.name.clone()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = self.qualname_for(scope, kind, name);
        let pos = Position { lineno: firstlineno, end_lineno: firstlineno, col: 0, end_col: 0 };
        self.units.push(Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            code: Vec::new(),
            nlabels: 0,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            varnames: ste.params.clone(),
            cellvars,
            freevars,
            private,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            fblocks: Vec::new(),
            pos,
        });
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, scope: usize, kind: UnitKind, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let pste = &self.st.scopes[parent.scope];
            let mangled = mangle(parent.private.as_deref(), name);
            if pste.scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.to_string();
            }
        }
        let _ = scope;
        match parent.kind {
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda => {
                format!("{}.<locals>.{}", parent.qualname, name)
            }
            _ => format!("{}.{}", parent.qualname, name),
        }
    }

    pub(crate) fn exit_unit(&mut self) -> CodeObject {
        let u = self.units.pop().expect("no compilation unit");
        let ste = &self.st.scopes[u.scope];
        let mut fl = 0;
        if ste.kind == ScopeKind::Function {
            fl |= flags::OPTIMIZED | flags::NEWLOCALS;
            if ste.nested {
                fl |= flags::NESTED;
            }
            match (ste.generator, ste.coroutine) {
                (true, false) => fl |= flags::GENERATOR,
                (false, true) => fl |= flags::COROUTINE,
                (true, true) => fl |= flags::ASYNC_GENERATOR,
                _ => {}
            }
            if ste.varargs {
                fl |= flags::VARARGS;
            }
            if ste.varkeywords {
                fl |= flags::VARKEYWORDS;
            }
        }
        if self.future.annotations {
            fl |= CO_FUTURE_ANNOTATIONS;
        }
        assemble(u, &self.filename, fl)
    }

    // ----- emission -----

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.u();
        u.nlabels += 1;
        u.nlabels - 1
    }

    pub(crate) fn bind(&mut self, l: Label) {
        let pos = self.ur().pos;
        self.u().code.push(Entry { op: Op::Label(l), pos });
    }

    pub(crate) fn emit(&mut self, i: Instr) {
        let pos = self.ur().pos;
        self.u().code.push(Entry { op: Op::I(i), pos });
    }

    pub(crate) fn emit_op(&mut self, op: Op) {
        let pos = self.ur().pos;
        self.u().code.push(Entry { op, pos });
    }

    /// Unconditional jump (direction decided at assembly).
    pub(crate) fn jump(&mut self, l: Label) {
        self.emit(Instr::JumpForward { target: l });
    }

    pub(crate) fn set_loc(&mut self, loc: Loc) {
        self.u().pos = pos_of(loc);
    }

    /// Mark following instructions as artificial (they inherit a neighbour's line).
    pub(crate) fn unset_loc(&mut self) {
        self.u().pos = Position::default();
    }

    pub(crate) fn add_const(&mut self, c: Const) -> u32 {
        let u = self.u();
        let serial = u.consts.len();
        let key = const_key(&c, serial);
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_index.insert(key, i);
        i
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst { consti: i });
    }

    pub(crate) fn str_const(s: &str) -> Const {
        Const::Str(PyString::Utf8(s.to_string()))
    }

    /// Index of `name` in `co_names` (not mangled).
    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.names.iter().position(|n| n == name) {
            return i as u32;
        }
        u.names.push(name.to_string());
        (u.names.len() - 1) as u32
    }

    /// Index of the mangled form of `name` in `co_names` (attributes, imports).
    pub(crate) fn mangled_name_index(&mut self, name: &str) -> u32 {
        let m = mangle(self.ur().private.as_deref(), name);
        self.name_index(&m)
    }

    pub(crate) fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|n| n == name) {
            return i as u32;
        }
        u.varnames.push(name.to_string());
        (u.varnames.len() - 1) as u32
    }

    /// Cell index (cells then free variables) of `name`, for closures and `LoadDeref`.
    pub(crate) fn deref_index(&self, name: &str, prefer_cell: bool) -> u32 {
        let u = self.ur();
        if prefer_cell {
            if let Some(i) = u.cellvars.iter().position(|n| n == name) {
                return i as u32;
            }
        }
        if let Some(i) = u.freevars.iter().position(|n| n == name) {
            return (u.cellvars.len() + i) as u32;
        }
        u.cellvars.iter().position(|n| n == name).unwrap_or(0) as u32
    }

    pub(crate) fn is_function_scope(&self) -> bool {
        self.scope().kind == ScopeKind::Function
    }

    /// Load, store or delete a name according to its resolved scope (`compiler_nameop`).
    pub(crate) fn name_op(&mut self, name: &str, ctx: ExprContext, loc: Loc) -> R {
        if name == "__debug__" && ctx != ExprContext::Load {
            let what = if ctx == ExprContext::Store { "assign to" } else { "delete" };
            return Err(CompileError { msg: format!("cannot {what} __debug__"), loc });
        }
        let mangled = mangle(self.ur().private.as_deref(), name);
        let ste = self.scope();
        let is_func = ste.kind == ScopeKind::Function;
        let is_class = ste.kind == ScopeKind::Class;
        enum T {
            Deref(bool),
            Fast,
            Global,
            Name,
        }
        let t = match ste.scope_of(&mangled) {
            NameScope::Free => T::Deref(false),
            NameScope::Cell => T::Deref(true),
            NameScope::Local if is_func => T::Fast,
            NameScope::GlobalImplicit if is_func => T::Global,
            NameScope::GlobalExplicit => T::Global,
            _ => T::Name,
        };
        let instr = match t {
            T::Deref(cell) => {
                let i = self.deref_index(&mangled, cell);
                match ctx {
                    ExprContext::Load if is_class => Instr::LoadClassDeref { cell: i },
                    ExprContext::Load => Instr::LoadDeref { cell: i },
                    ExprContext::Store => Instr::StoreDeref { cell: i },
                    ExprContext::Del => Instr::DeleteDeref { cell: i },
                }
            }
            T::Fast => {
                let i = self.varname_index(&mangled);
                match ctx {
                    ExprContext::Load => Instr::LoadFast { var: i },
                    ExprContext::Store => Instr::StoreFast { var: i },
                    ExprContext::Del => Instr::DeleteFast { var: i },
                }
            }
            T::Global => {
                let i = self.name_index(&mangled);
                match ctx {
                    ExprContext::Load => Instr::LoadGlobal { namei: i },
                    ExprContext::Store => Instr::StoreGlobal { namei: i },
                    ExprContext::Del => Instr::DeleteGlobal { namei: i },
                }
            }
            T::Name => {
                let i = self.name_index(&mangled);
                match ctx {
                    ExprContext::Load => Instr::LoadName { namei: i },
                    ExprContext::Store => Instr::StoreName { namei: i },
                    ExprContext::Del => Instr::DeleteName { namei: i },
                }
            }
        };
        self.emit(instr);
        Ok(())
    }

    pub(crate) fn error(&self, msg: impl Into<String>) -> CompileError {
        let p = self.ur().pos;
        CompileError {
            msg: msg.into(),
            loc: Loc { lineno: p.lineno, col_offset: p.col, end_lineno: p.end_lineno, end_col_offset: p.end_col },
        }
    }

    // ----- frame blocks -----

    pub(crate) fn push_fblock(&mut self, kind: FbKind<'a>, block: Label, exit: Label) -> R {
        if self.ur().fblocks.len() >= 20 {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock { kind, block, exit });
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Emit the code that leaves frame block `fb` early (`compiler_unwind_fblock`).
    pub(crate) fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> R {
        match &fb.kind {
            FbKind::WhileLoop | FbKind::ExceptionHandler | FbKind::ExceptionGroupHandler | FbKind::AsyncComprehensionGenerator => {}
            FbKind::ForLoop => {
                if preserve_tos {
                    self.emit(Instr::Swap { n: 2 });
                }
                self.emit(Instr::PopTop);
            }
            FbKind::TryExcept => self.emit_op(Op::PopBlock),
            FbKind::FinallyTry(body) => {
                self.emit_op(Op::PopBlock);
                if preserve_tos {
                    let l = self.new_label();
                    self.push_fblock(FbKind::PopValue, l, l)?;
                }
                for s in body.iter() {
                    self.visit_stmt(s)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FbKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Swap { n: 2 });
                }
                self.emit(Instr::PopTop);
                if preserve_tos {
                    self.emit(Instr::Swap { n: 2 });
                }
                self.emit_op(Op::PopBlock);
                self.emit(Instr::PopExcept);
            }
            FbKind::With(loc) | FbKind::AsyncWith(loc) => {
                self.set_loc(*loc);
                self.emit_op(Op::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap { n: 2 });
                }
                self.call_exit_with_nones();
                if matches!(fb.kind, FbKind::AsyncWith(_)) {
                    self.emit(Instr::GetAwaitable { where_: 2 });
                    self.load_const(Const::None);
                    self.yield_from();
                }
                self.emit(Instr::PopTop);
                self.unset_loc();
            }
            FbKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_op(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit(Instr::Swap { n: 2 });
                }
                self.emit_op(Op::PopBlock);
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.load_const(Const::None);
                    self.name_op(n, ExprContext::Store, Loc::default())?;
                    self.name_op(n, ExprContext::Del, Loc::default())?;
                }
            }
            FbKind::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Swap { n: 2 });
                }
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    /// Unwind all frame blocks (for `return`), or up to the innermost loop (for `break` /
    /// `continue`, returned).
    pub(crate) fn unwind_fblock_stack(&mut self, preserve_tos: bool, stop_at_loop: bool) -> R<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().cloned() else {
            return Ok(None);
        };
        if matches!(top.kind, FbKind::ExceptionGroupHandler) {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if stop_at_loop && matches!(top.kind, FbKind::WhileLoop | FbKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    /// `__exit__(None, None, None)` with the bound exit below the top.
    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Instr::Call { argc: 3 });
    }

    /// The `SEND`/`YIELD_VALUE` loop of `yield from` and `await` (receiver and value on the
    /// stack; leaves the result).
    pub(crate) fn yield_from(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit(Instr::Send { target: exit });
        self.emit(Instr::YieldValue);
        self.emit(Instr::JumpBackward { target: start });
        self.bind(exit);
    }

    /// Module or class body: annotations setup, docstring, statements (`compiler_body`).
    pub(crate) fn body(&mut self, body: &'a [Stmt], is_module: bool) -> R {
        if is_module {
            if let Some(first) = body.first() {
                self.set_loc(first.loc);
            }
        }
        if stmt::find_ann(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let mut start = 0;
        if self.optimize < 2 {
            if let Some(doc) = stmt::docstring(body) {
                let s0 = &body[0];
                self.set_loc(s0.loc);
                if let ast::StmtKind::Expr { value } = &s0.node {
                    self.set_loc(value.loc);
                }
                self.load_const(Const::Str(doc.clone()));
                self.unset_loc();
                self.name_op("__doc__", ExprContext::Store, s0.loc)?;
                start = 1;
            }
        }
        for s in &body[start..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }
}

// ----- assembly -----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Handler {
    target: Label,
    depth: u32,
    lasti: bool,
}

struct Block {
    ops: Vec<Entry>,
    /// The exception handler in effect at each op (parallel to `ops`).
    handlers: Vec<Option<Handler>>,
    labels: Vec<Label>,
    reachable: bool,
    preds: u32,
}

fn is_uncond(op: &Op) -> bool {
    matches!(op, Op::I(i) if i.is_terminator())
}

fn jump_of(op: &Op) -> Option<Label> {
    match op {
        Op::I(i) => i.jump_target(),
        _ => None,
    }
}

/// The code object's form of the unit's name lists.
fn names(v: Vec<String>) -> Vec<crate::bytecode::Name> {
    v.into_iter().map(Into::into).collect()
}

fn assemble(u: Unit<'_>, filename: &str, code_flags: u32) -> CodeObject {
    // 1. Basic blocks.
    let mut blocks: Vec<Block> = vec![Block { ops: Vec::new(), handlers: Vec::new(), labels: Vec::new(), reachable: false, preds: 0 }];
    for e in u.code {
        match e.op {
            Op::Label(l) => {
                if !blocks.last().is_some_and(|b| b.ops.is_empty()) {
                    blocks.push(Block { ops: Vec::new(), handlers: Vec::new(), labels: Vec::new(), reachable: false, preds: 0 });
                }
                blocks.last_mut().unwrap().labels.push(l);
            }
            op => {
                let ends = jump_of(&op).is_some() || is_uncond(&op);
                blocks.last_mut().unwrap().ops.push(e);
                if ends {
                    blocks.push(Block { ops: Vec::new(), handlers: Vec::new(), labels: Vec::new(), reachable: false, preds: 0 });
                }
            }
        }
    }
    let mut label_block = vec![usize::MAX; u.nlabels as usize];
    for (i, b) in blocks.iter().enumerate() {
        for &l in &b.labels {
            label_block[l as usize] = i;
        }
    }
    // A label bound to an empty block means "the next non-empty block".
    let first_nonempty = |mut i: usize, blocks: &Vec<Block>| {
        while i < blocks.len() && blocks[i].ops.is_empty() {
            i += 1;
        }
        i
    };
    for lb in label_block.iter_mut() {
        if *lb != usize::MAX {
            *lb = first_nonempty(*lb, &blocks);
        }
    }

    // 2. Jump threading: a jump to an unconditional jump goes straight to its target.
    for bi in 0..blocks.len() {
        let Some(last) = blocks[bi].ops.last().map(|e| e.op) else {
            continue;
        };
        let Op::I(mut instr) = last else { continue };
        let Some(mut t) = instr.jump_target() else {
            continue;
        };
        if matches!(instr, Instr::ForIter { .. } | Instr::Send { .. }) {
            continue;
        }
        let conditional = !matches!(instr, Instr::JumpForward { .. } | Instr::JumpBackward { .. });
        for _ in 0..100 {
            let tb = label_block[t as usize];
            let Some(first) = blocks.get(tb).and_then(|b| b.ops.first()) else {
                break;
            };
            match first.op {
                // A conditional jump must not become a backward jump: the VM checks its eval
                // breaker only on `JumpBackward`.
                Op::I(Instr::JumpForward { target }) if target != t && !(conditional && label_block[target as usize] <= bi) => t = target,
                _ => break,
            }
        }
        instr.set_jump_target(t);
        blocks[bi].ops.last_mut().unwrap().op = Op::I(instr);
    }

    // 3. Reachability, stack depth and the exception handler of every instruction.
    let n = blocks.len();
    let mut start_depth: Vec<Option<i32>> = vec![None; n];
    let mut entry_exc: Vec<Vec<Handler>> = vec![Vec::new(); n];
    let mut work: Vec<usize> = Vec::new();
    let mut max_depth: i32 = 0;
    let visit = |b: usize,
                 d: i32,
                 exc: &Vec<Handler>,
                 start_depth: &mut Vec<Option<i32>>,
                 entry_exc: &mut Vec<Vec<Handler>>,
                 work: &mut Vec<usize>,
                 max_depth: &mut i32| {
        if b >= start_depth.len() {
            return;
        }
        if start_depth[b].is_none() {
            start_depth[b] = Some(d);
            entry_exc[b] = exc.clone();
            work.push(b);
            *max_depth = (*max_depth).max(d);
        }
    };
    let b0 = first_nonempty(0, &blocks);
    visit(b0, 0, &Vec::new(), &mut start_depth, &mut entry_exc, &mut work, &mut max_depth);
    while let Some(b) = work.pop() {
        blocks[b].reachable = true;
        let mut depth = start_depth[b].unwrap_or(0);
        let mut exc = entry_exc[b].clone();
        let mut handlers = Vec::with_capacity(blocks[b].ops.len());
        let mut falls = true;
        let ops: Vec<Op> = blocks[b].ops.iter().map(|e| e.op).collect();
        for op in &ops {
            handlers.push(exc.last().copied());
            match *op {
                Op::SetupFinally(l) | Op::SetupCleanup(l) | Op::SetupWith(l) => {
                    let (pops, lasti) = match op {
                        Op::SetupFinally(_) => (0, false),
                        Op::SetupCleanup(_) => (0, true),
                        _ => (1, true),
                    };
                    let hdepth = (depth - pops).max(0);
                    let target = label_block[l as usize];
                    visit(target, hdepth + lasti as i32 + 1, &exc, &mut start_depth, &mut entry_exc, &mut work, &mut max_depth);
                    exc.push(Handler { target: l, depth: hdepth as u32, lasti });
                }
                Op::PopBlock => {
                    exc.pop();
                }
                Op::I(i) => {
                    if let Some(t) = i.jump_target() {
                        let target = label_block[t as usize];
                        visit(target, depth + i.stack_effect(true), &exc, &mut start_depth, &mut entry_exc, &mut work, &mut max_depth);
                    }
                    depth += i.stack_effect(false);
                    max_depth = max_depth.max(depth);
                    if i.is_terminator() {
                        falls = false;
                    }
                }
                Op::Label(_) => {}
            }
        }
        blocks[b].handlers = handlers;
        if falls {
            let next = first_nonempty(b + 1, &blocks);
            visit(next, depth, &exc, &mut start_depth, &mut entry_exc, &mut work, &mut max_depth);
        }
    }

    // 4. Predecessor counts (for line-number propagation).
    for bi in 0..n {
        if !blocks[bi].reachable || blocks[bi].ops.is_empty() {
            continue;
        }
        let last = blocks[bi].ops.last().unwrap().op;
        let targets: Vec<Label> = blocks[bi]
            .ops
            .iter()
            .filter_map(|e| match e.op {
                Op::SetupFinally(l) | Op::SetupCleanup(l) | Op::SetupWith(l) => Some(l),
                op => jump_of(&op),
            })
            .collect();
        for l in targets {
            let t = label_block[l as usize];
            if t < n {
                blocks[t].preds += 1;
            }
        }
        if !is_uncond(&last) {
            let next = first_nonempty(bi + 1, &blocks);
            if next < n {
                blocks[next].preds += 1;
            }
        }
    }

    // 5. Propagate line numbers to artificial instructions.
    for bi in 0..n {
        if !blocks[bi].reachable || blocks[bi].ops.is_empty() {
            continue;
        }
        let mut prev = Position::default();
        for e in blocks[bi].ops.iter_mut() {
            if e.pos.lineno == 0 {
                e.pos = prev;
            } else {
                prev = e.pos;
            }
        }
        let last = blocks[bi].ops.last().unwrap().op;
        let mut succ = Vec::new();
        if !is_uncond(&last) {
            succ.push(first_nonempty(bi + 1, &blocks));
        }
        if let Some(l) = jump_of(&last) {
            succ.push(label_block[l as usize]);
        }
        for t in succ {
            if t < n && blocks[t].preds == 1 {
                if let Some(f) = blocks[t].ops.first_mut() {
                    if f.pos.lineno == 0 {
                        f.pos = prev;
                    }
                }
            }
        }
    }

    // 6. A jump to the very next block is dropped; pseudo-instructions become NOPs; NOPs
    // that carry no needed line go.
    for bi in 0..n {
        if !blocks[bi].reachable {
            continue;
        }
        let Some(Op::I(Instr::JumpForward { target })) = blocks[bi].ops.last().map(|e| e.op) else { continue };
        let mut next = bi + 1;
        while next < n && (!blocks[next].reachable || blocks[next].ops.is_empty()) {
            next += 1;
        }
        let mut t = label_block[target as usize];
        while t < n && (!blocks[t].reachable || blocks[t].ops.is_empty()) {
            t += 1;
        }
        if t == next {
            let last = blocks[bi].ops.last_mut().unwrap();
            last.op = Op::I(Instr::Nop);
            last.pos = Position::default();
        }
    }
    for bi in 0..n {
        if !blocks[bi].reachable {
            continue;
        }
        let next_first_line = {
            let mut j = bi + 1;
            while j < n && (!blocks[j].reachable || blocks[j].ops.is_empty()) {
                j += 1;
            }
            blocks.get(j).and_then(|b| b.ops.first()).map(|e| e.pos.lineno)
        };
        let b = &mut blocks[bi];
        let mut ops = Vec::with_capacity(b.ops.len());
        let mut hs = Vec::with_capacity(b.ops.len());
        let mut prev_line: Option<u32> = None;
        let len = b.ops.len();
        for k in 0..len {
            let e = b.ops[k];
            let is_nop = !matches!(e.op, Op::I(ref i) if !matches!(i, Instr::Nop));
            if is_nop {
                let line = e.pos.lineno;
                if line == 0 || prev_line == Some(line) {
                    continue;
                }
                // Drop it if the next instruction is on the same line (or has none: it then
                // takes this position), or if it ends the block and the next block starts on
                // the same line.
                if k + 1 < len {
                    let l2 = b.ops[k + 1].pos.lineno;
                    if l2 == line || l2 == 0 {
                        if l2 == 0 {
                            b.ops[k + 1].pos = e.pos;
                        }
                        continue;
                    }
                } else if next_first_line == Some(line) {
                    continue;
                }
                prev_line = Some(line);
                ops.push(Entry { op: Op::I(Instr::Nop), pos: e.pos });
                // A NOP left by a pseudo-instruction only carries a line; it cannot raise.
                hs.push(if matches!(e.op, Op::I(_)) { b.handlers[k] } else { None });
            } else {
                prev_line = Some(e.pos.lineno);
                ops.push(e);
                hs.push(b.handlers[k]);
            }
        }
        b.ops = ops;
        b.handlers = hs;
    }

    // 7. Layout: final indices.
    let mut block_start = vec![0u32; n];
    let mut idx = 0u32;
    for (bi, b) in blocks.iter().enumerate() {
        block_start[bi] = idx;
        if b.reachable {
            idx += b.ops.len() as u32;
        }
    }
    let resolve = |l: Label, blocks: &Vec<Block>| -> u32 {
        let mut b = label_block[l as usize];
        while b < blocks.len() && (!blocks[b].reachable || blocks[b].ops.is_empty()) {
            b += 1;
        }
        if b >= blocks.len() {
            idx
        } else {
            block_start[b]
        }
    };
    let mut instrs = Vec::with_capacity(idx as usize);
    let mut positions = Vec::with_capacity(idx as usize);
    let mut handlers: Vec<Option<(u32, u32, bool)>> = Vec::with_capacity(idx as usize);
    for b in blocks.iter() {
        if !b.reachable {
            continue;
        }
        for (k, e) in b.ops.iter().enumerate() {
            let Op::I(mut i) = e.op else { continue };
            let here = instrs.len() as u32;
            if let Some(t) = i.jump_target() {
                let target = resolve(t, &blocks);
                if let Instr::JumpForward { .. } | Instr::JumpBackward { .. } = i {
                    i = if target <= here { Instr::JumpBackward { target } } else { Instr::JumpForward { target } };
                } else {
                    i.set_jump_target(target);
                }
            }
            instrs.push(i);
            positions.push(e.pos);
            handlers.push(b.handlers[k].map(|h| (resolve(h.target, &blocks), h.depth, h.lasti)));
        }
    }

    // 8. The flat exception table.
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut k = 0;
    while k < handlers.len() {
        if let Some((target, depth, lasti)) = handlers[k] {
            let start = k;
            while k < handlers.len() && handlers[k] == Some((target, depth, lasti)) {
                k += 1;
            }
            table.push(ExceptionEntry { start: start as u32, end: k as u32, target, depth, lasti });
        } else {
            k += 1;
        }
    }

    let total_params = u.varnames.len().min(
        u.argcount as usize
            + u.kwonlyargcount as usize
            + ((code_flags & flags::VARARGS != 0) as usize)
            + ((code_flags & flags::VARKEYWORDS != 0) as usize),
    );
    let cell2arg = u.cellvars.iter().map(|c| u.varnames[..total_params].iter().position(|v| v == c).map(|i| i as u32)).collect();
    let code = CodeObject {
        instrs,
        positions,
        exception_table: table,
        consts: u.consts,
        names: names(u.names),
        varnames: names(u.varnames),
        cellvars: names(u.cellvars),
        freevars: names(u.freevars),
        cell2arg,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: code_flags,
        name: u.name,
        qualname: u.qualname,
        filename: filename.into(),
        firstlineno: u.firstlineno,
        max_stack: max_depth.max(0) as u32,
    };
    // Debug builds (the test-suite) hold every compiled code object to the rules the
    // `.pyc` verifier enforces, so codegen's depth analysis and `Instr::stack_io` (the one
    // stack-effect table) cannot drift apart (DESIGN §4).
    #[cfg(debug_assertions)]
    if let Err(why) = crate::bytecode::verify::check_stack(&code) {
        panic!("codegen produced code the verifier rejects ({why}): {} in {filename}", code.qualname);
    }
    code
}
