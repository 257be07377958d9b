//! The abstract syntax tree, mirroring CPython 3.11's `ast` module (Parser/Python.asdl):
//! same node names, same field names, same optional/sequence shapes. Every node CPython gives
//! `lineno/col_offset/end_lineno/end_col_offset` carries a [`Loc`] (columns are UTF-8 byte
//! offsets, as CPython). Nodes CPython gives no position (`comprehension`, `arguments`,
//! `withitem`, `match_case`) have none here either.
//!
//! Shape: each location-carrying node is a struct `{ node: XxxKind, loc: Loc }` whose `node`
//! is an enum with one variant per ASDL constructor, e.g.
//! `StmtKind::FunctionDef { name, args, body, decorator_list, returns, type_comment }`.

use num_bigint::BigInt;

/// Source range of a node: 1-based lines, 0-based UTF-8 byte columns (CPython's convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    pub lineno: u32,
    pub col_offset: u32,
    pub end_lineno: u32,
    pub end_col_offset: u32,
}

impl Loc {
    /// The range from the start of `self` to the end of `other`.
    pub fn to(self, other: Loc) -> Loc {
        Loc { lineno: self.lineno, col_offset: self.col_offset, end_lineno: other.end_lineno, end_col_offset: other.end_col_offset }
    }
}

/// An identifier, NFKC-normalised as CPython does for non-ASCII names.
pub type Identifier = String;

/// `mod`: the root of a parse, one variant per `compile()` mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Mod {
    /// `Module(stmt* body, type_ignore* type_ignores)` — mode `exec`.
    Module { body: Vec<Stmt>, type_ignores: Vec<TypeIgnore> },
    /// `Interactive(stmt* body)` — mode `single`.
    Interactive { body: Vec<Stmt> },
    /// `Expression(expr body)` — mode `eval`.
    Expression { body: Box<Expr> },
    /// `FunctionType(expr* argtypes, expr returns)` — mode `func_type` (never produced by gild).
    FunctionType { argtypes: Vec<Expr>, returns: Box<Expr> },
}

/// `type_ignore = TypeIgnore(int lineno, string tag)` (never produced: gild has no type comments).
#[derive(Debug, Clone, PartialEq)]
pub struct TypeIgnore {
    pub lineno: u32,
    pub tag: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub node: StmtKind,
    pub loc: Loc,
}

/// `stmt` constructors. `type_comment` fields are always `None` (gild does not parse type comments).
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    FunctionDef {
        name: Identifier,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
        type_comment: Option<String>,
    },
    AsyncFunctionDef {
        name: Identifier,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
        type_comment: Option<String>,
    },
    ClassDef {
        name: Identifier,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    },
    Return {
        value: Option<Box<Expr>>,
    },
    Delete {
        targets: Vec<Expr>,
    },
    Assign {
        targets: Vec<Expr>,
        value: Box<Expr>,
        type_comment: Option<String>,
    },
    AugAssign {
        target: Box<Expr>,
        op: Operator,
        value: Box<Expr>,
    },
    /// `simple` is true for a bare name target not in parentheses.
    AnnAssign {
        target: Box<Expr>,
        annotation: Box<Expr>,
        value: Option<Box<Expr>>,
        simple: bool,
    },
    For {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        type_comment: Option<String>,
    },
    AsyncFor {
        target: Box<Expr>,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        type_comment: Option<String>,
    },
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        type_comment: Option<String>,
    },
    AsyncWith {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        type_comment: Option<String>,
    },
    Match {
        subject: Box<Expr>,
        cases: Vec<MatchCase>,
    },
    Raise {
        exc: Option<Box<Expr>>,
        cause: Option<Box<Expr>>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    TryStar {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Box<Expr>,
        msg: Option<Box<Expr>>,
    },
    Import {
        names: Vec<Alias>,
    },
    /// `level` is the number of leading dots (CPython's `int? level`, always present after parsing).
    ImportFrom {
        module: Option<Identifier>,
        names: Vec<Alias>,
        level: u32,
    },
    Global {
        names: Vec<Identifier>,
    },
    Nonlocal {
        names: Vec<Identifier>,
    },
    Expr {
        value: Box<Expr>,
    },
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub node: ExprKind,
    pub loc: Loc,
}

/// `expr` constructors.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// A `None` key stands for a `**mapping` unpacking, as in CPython.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `conversion` is -1 (none) or the code point of `s`, `r` or `a`, as in CPython.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    JoinedStr {
        values: Vec<Expr>,
    },
    /// `kind` is `Some("u")` for a string literal written with a `u` prefix.
    Constant {
        value: Constant,
        kind: Option<String>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Identifier,
        ctx: ExprContext,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: ExprContext,
    },
    Starred {
        value: Box<Expr>,
        ctx: ExprContext,
    },
    Name {
        id: Identifier,
        ctx: ExprContext,
    },
    List {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: ExprContext,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// The value of a `Constant` node.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// An imaginary literal `4j` is `Complex { real: 0.0, imag: 4.0 }`.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyString),
    Bytes(Vec<u8>),
    Ellipsis,
}

/// A Python `str` value. Python strings may hold lone surrogates (`"\ud800"`), which Rust's
/// `String` cannot; such (rare) literals use the code-point form.
#[derive(Debug, Clone, PartialEq)]
pub enum PyString {
    /// Every code point is a Unicode scalar value (the common case).
    Utf8(String),
    /// The string contains at least one lone surrogate: the code points, in order.
    CodePoints(Vec<u32>),
}

impl PyString {
    /// The code points of the string, in order.
    pub fn code_points(&self) -> Vec<u32> {
        match self {
            PyString::Utf8(s) => s.chars().map(|c| c as u32).collect(),
            PyString::CodePoints(v) => v.clone(),
        }
    }

    /// True for the empty string.
    pub fn is_empty(&self) -> bool {
        match self {
            PyString::Utf8(s) => s.is_empty(),
            PyString::CodePoints(v) => v.is_empty(),
        }
    }

    /// Build from code points, choosing the `Utf8` form when possible.
    pub fn from_code_points(cps: Vec<u32>) -> PyString {
        if cps.iter().all(|&c| char::from_u32(c).is_some()) {
            PyString::Utf8(cps.into_iter().filter_map(char::from_u32).collect())
        } else {
            PyString::CodePoints(cps)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `comprehension = (expr target, expr iter, expr* ifs, int is_async)` (no position).
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// `excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Box<Expr>>,
    pub name: Option<Identifier>,
    pub body: Vec<Stmt>,
    pub loc: Loc,
}

/// `arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults,
/// arg? kwarg, expr* defaults)` (no position). `kw_defaults` has one entry per `kwonlyargs`
/// entry, `None` where that parameter has no default.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    pub defaults: Vec<Expr>,
}

/// `arg = (identifier arg, expr? annotation, string? type_comment)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub arg: Identifier,
    pub annotation: Option<Box<Expr>>,
    pub type_comment: Option<String>,
    pub loc: Loc,
}

/// `keyword = (identifier? arg, expr value)`; `arg` is `None` for `**mapping`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Option<Identifier>,
    pub value: Expr,
    pub loc: Loc,
}

/// `alias = (identifier name, identifier? asname)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: Identifier,
    pub asname: Option<Identifier>,
    pub loc: Loc,
}

/// `withitem = (expr context_expr, expr? optional_vars)` (no position).
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

/// `match_case = (pattern pattern, expr? guard, stmt* body)` (no position).
#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub node: PatternKind,
    pub loc: Loc,
}

/// `pattern` constructors.
#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    MatchValue {
        value: Box<Expr>,
    },
    /// `value` is `None`, `True` or `False`.
    MatchSingleton {
        value: Constant,
    },
    MatchSequence {
        patterns: Vec<Pattern>,
    },
    MatchMapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Identifier>,
    },
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Identifier>,
        kwd_patterns: Vec<Pattern>,
    },
    MatchStar {
        name: Option<Identifier>,
    },
    MatchAs {
        pattern: Option<Box<Pattern>>,
        name: Option<Identifier>,
    },
    MatchOr {
        patterns: Vec<Pattern>,
    },
}
