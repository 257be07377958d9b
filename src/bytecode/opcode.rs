//! The instruction set: the single source of truth for what each instruction does and how it
//! moves the value stack. Names follow CPython 3.11 where the meaning matches, so `dis`
//! output looks familiar.
//!
//! Notation on each variant: `(inputs -- outputs)`, top of stack rightmost. Jump targets are
//! instruction indices into `CodeObject::instrs`. `namei` indexes `co_names`, `consti`
//! `co_consts`, `var` `co_varnames` (fast locals), and `cell` the frame's cells
//! (`co_cellvars` then `co_freevars`).
//!
//! [`Instr::stack_io`] (each variant's note as counts) is exhaustive; codegen sizes frames
//! with it (through `stack_effect`), and the `.pyc` verifier (`bytecode::verify`) checks
//! untrusted code against it.

/// Binary operators of `BinaryOp` (CPython's `NB_*` order, in-place forms after).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinOp {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
    InplaceAdd,
    InplaceAnd,
    InplaceFloorDivide,
    InplaceLshift,
    InplaceMatrixMultiply,
    InplaceMultiply,
    InplaceRemainder,
    InplaceOr,
    InplacePower,
    InplaceRshift,
    InplaceSubtract,
    InplaceTrueDivide,
    InplaceXor,
}

impl BinOp {
    /// The operator as written in source (`+`, `+=`), as CPython's `dis` shows it.
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
            InplaceAdd => "+=",
            InplaceAnd => "&=",
            InplaceFloorDivide => "//=",
            InplaceLshift => "<<=",
            InplaceMatrixMultiply => "@=",
            InplaceMultiply => "*=",
            InplaceRemainder => "%=",
            InplaceOr => "|=",
            InplacePower => "**=",
            InplaceRshift => ">>=",
            InplaceSubtract => "-=",
            InplaceTrueDivide => "/=",
            InplaceXor => "^=",
        }
    }

    /// For an in-place operator, the plain operator it falls back to.
    pub fn base(self) -> BinOp {
        use BinOp::*;
        match self {
            InplaceAdd => Add,
            InplaceAnd => And,
            InplaceFloorDivide => FloorDivide,
            InplaceLshift => Lshift,
            InplaceMatrixMultiply => MatrixMultiply,
            InplaceMultiply => Multiply,
            InplaceRemainder => Remainder,
            InplaceOr => Or,
            InplacePower => Power,
            InplaceRshift => Rshift,
            InplaceSubtract => Subtract,
            InplaceTrueDivide => TrueDivide,
            InplaceXor => Xor,
            other => other,
        }
    }

    pub fn is_inplace(self) -> bool {
        self.base() != self
    }
}

/// Rich comparison operators of `CompareOp` (CPython's `Py_LT` … order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    /// The operator with operands swapped (`a < b` ⇔ `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// Conversion of `FormatValue` (`!s`, `!r`, `!a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// Which optional values `MakeFunction` pops (bit flags, CPython's order).
pub mod make_function {
    pub const DEFAULTS: u8 = 0x01;
    pub const KWDEFAULTS: u8 = 0x02;
    pub const ANNOTATIONS: u8 = 0x04;
    pub const CLOSURE: u8 = 0x08;
}

/// One instruction. 8 bytes: a tag and at most two small operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Instr {
    // ----- stack manipulation -----
    /// ( -- ) Do nothing (a line-number anchor).
    Nop,
    /// (value -- ) Discard the top of stack.
    PopTop,
    /// (a[n] ... a[1] -- a[n] ... a[1] a[n]) Push a copy of the n-th item (1 = top).
    Copy { n: u32 },
    /// (a[n] ... a[1] -- a[1] ... a[n]) Swap the top with the n-th item (n >= 2).
    Swap { n: u32 },

    // ----- constants and names -----
    /// ( -- value) Push `co_consts[consti]`.
    LoadConst { consti: u32 },
    /// ( -- value) Push fast local `var`; `UnboundLocalError` if unbound.
    LoadFast { var: u32 },
    /// (value -- ) Store into fast local `var`.
    StoreFast { var: u32 },
    /// ( -- ) Unbind fast local `var`; `UnboundLocalError` if unbound.
    DeleteFast { var: u32 },
    /// ( -- value) Look `co_names[namei]` up in locals, globals, then builtins (module and
    /// class bodies).
    LoadName { namei: u32 },
    /// (value -- ) Bind `co_names[namei]` in the frame's locals mapping.
    StoreName { namei: u32 },
    /// ( -- ) Unbind `co_names[namei]` from the locals mapping; `NameError` if unbound.
    DeleteName { namei: u32 },
    /// ( -- value) Look `co_names[namei]` up in globals, then builtins.
    LoadGlobal { namei: u32 },
    /// (value -- ) Bind `co_names[namei]` in globals.
    StoreGlobal { namei: u32 },
    /// ( -- ) Unbind `co_names[namei]` from globals; `NameError` if unbound.
    DeleteGlobal { namei: u32 },
    /// ( -- value) Push the contents of cell `cell`; `NameError`/`UnboundLocalError` if empty.
    LoadDeref { cell: u32 },
    /// (value -- ) Store into cell `cell`.
    StoreDeref { cell: u32 },
    /// ( -- ) Empty cell `cell`.
    DeleteDeref { cell: u32 },
    /// ( -- value) In a class body: look the free variable's name up in the locals mapping
    /// first, then fall back to cell `cell`.
    LoadClassDeref { cell: u32 },
    /// ( -- cell) Push the cell object `cell` itself (to build a closure).
    LoadClosure { cell: u32 },

    // ----- attributes and items -----
    /// (obj -- value) `obj.name` with `name = co_names[namei]`.
    LoadAttr { namei: u32 },
    /// (value, obj -- ) `obj.name = value`.
    StoreAttr { namei: u32 },
    /// (obj -- ) `del obj.name`.
    DeleteAttr { namei: u32 },
    /// (obj -- method, self_or_marker) Look a method up for an immediate call: pushes the
    /// unbound function and `obj` when the attribute is a plain method on the type, else the
    /// attribute and the no-self marker. Always followed by `CallMethod`/`CallMethodKw`.
    LoadMethod { namei: u32 },
    /// (container, key -- value) `container[key]`.
    BinarySubscr,
    /// (value, container, key -- ) `container[key] = value`.
    StoreSubscr,
    /// (container, key -- ) `del container[key]`.
    DeleteSubscr,
    /// (start, stop -- slice) or (start, stop, step -- slice) for `argc` 2 or 3.
    BuildSlice { argc: u32 },

    // ----- operators -----
    /// (left, right -- result) Apply the binary operator `op`.
    BinaryOp { op: BinOp },
    /// (value -- result) `-value`
    UnaryNegative,
    /// (value -- result) `+value`
    UnaryPositive,
    /// (value -- result) `not value`
    UnaryNot,
    /// (value -- result) `~value`
    UnaryInvert,
    /// (left, right -- result) Rich comparison `left op right`.
    CompareOp { op: CmpOp },
    /// (left, right -- bool) `left is right` (`is not` when `invert`).
    IsOp { invert: bool },
    /// (left, right -- bool) `left in right` (`not in` when `invert`).
    ContainsOp { invert: bool },

    // ----- control flow -----
    /// ( -- ) Jump forward to `target`.
    JumpForward { target: u32 },
    /// ( -- ) Jump backward to `target`; checks the eval breaker (GIL drop requests,
    /// signals).
    JumpBackward { target: u32 },
    /// (value -- ) Jump to `target` if `value` is false.
    PopJumpIfFalse { target: u32 },
    /// (value -- ) Jump to `target` if `value` is true.
    PopJumpIfTrue { target: u32 },
    /// (value -- ) Jump to `target` if `value` is `None`.
    PopJumpIfNone { target: u32 },
    /// (value -- ) Jump to `target` if `value` is not `None`.
    PopJumpIfNotNone { target: u32 },
    /// (value -- value?) If `value` is false jump to `target` keeping it, else pop it.
    JumpIfFalseOrPop { target: u32 },
    /// (value -- value?) If `value` is true jump to `target` keeping it, else pop it.
    JumpIfTrueOrPop { target: u32 },
    /// (iterable -- iterator) `iter(iterable)`.
    GetIter,
    /// (iterator -- iterator, next) Push the next item; when exhausted pop the iterator and
    /// jump to `target`.
    ForIter { target: u32 },

    // ----- building -----
    /// (items[count] -- tuple)
    BuildTuple { count: u32 },
    /// (items[count] -- list)
    BuildList { count: u32 },
    /// (items[count] -- set)
    BuildSet { count: u32 },
    /// (k1, v1, ..., k[count], v[count] -- dict)
    BuildMap { count: u32 },
    /// (values[count], keys_tuple -- dict)
    BuildConstKeyMap { count: u32 },
    /// (pieces[count] -- str) Concatenate `count` strings.
    BuildString { count: u32 },
    /// (list, ..., item -- list, ...) Append `item` to the list `i` slots below it.
    ListAppend { i: u32 },
    /// (set, ..., item -- set, ...) Add `item` to the set `i` slots below it.
    SetAdd { i: u32 },
    /// (dict, ..., key, value -- dict, ...) `dict[key] = value`, `dict` `i` slots below.
    MapAdd { i: u32 },
    /// (list, ..., iterable -- list, ...) `list.extend(iterable)`.
    ListExtend { i: u32 },
    /// (set, ..., iterable -- set, ...) `set.update(iterable)`.
    SetUpdate { i: u32 },
    /// (dict, ..., mapping -- dict, ...) `dict.update(mapping)` (`{**m}`).
    DictUpdate { i: u32 },
    /// (dict, ..., mapping -- dict, ...) Like `DictUpdate` but a repeated key is a
    /// `TypeError` (`f(**a, **b)`).
    DictMerge { i: u32 },
    /// (list -- tuple)
    ListToTuple,
    /// (seq -- items[count]) Unpack exactly `count` items, first item on top.
    UnpackSequence { count: u32 },
    /// (seq -- items[before + 1 + after]) Unpack with a starred target in the middle.
    UnpackEx { before: u32, after: u32 },
    /// (value -- str) or (value, spec -- str) with `has_spec`: `format(conv(value), spec)`.
    FormatValue { conv: Conversion, has_spec: bool },

    // ----- functions and calls -----
    /// (callable, args[argc] -- result) Call with positional arguments.
    Call { argc: u32 },
    /// (callable, args[argc], kwnames -- result) The last `len(kwnames)` of the `argc`
    /// arguments are keyword arguments named by the `kwnames` tuple.
    CallKw { argc: u32 },
    /// (method, self_or_marker, args[argc] -- result) Call after `LoadMethod`.
    CallMethod { argc: u32 },
    /// (method, self_or_marker, args[argc], kwnames -- result) Keyword form of `CallMethod`.
    CallMethodKw { argc: u32 },
    /// (callable, args_tuple -- result) or (callable, args_tuple, kwargs_dict -- result)
    /// with `has_kwargs`: `callable(*args, **kwargs)`.
    CallFunctionEx { has_kwargs: bool },
    /// ([defaults_tuple], [kwdefaults_dict], [annotations_tuple], [closure_tuple], code --
    /// function) Which optional values are present is given by `flags`
    /// (see [`make_function`]).
    MakeFunction { flags: u8 },
    /// ( -- build_class) Push `builtins.__build_class__`.
    LoadBuildClass,
    /// (value -- ) Return `value` to the caller.
    ReturnValue,
    /// (value -- sent) Suspend the generator yielding `value`; resumes with the sent value.
    YieldValue,
    /// (iterable -- iterator) `iter()` for `yield from` (coroutines pass through).
    GetYieldFromIter,
    /// (receiver, value -- receiver, result) Send `value` into `receiver` (`yield from`,
    /// `await`); when it returns, pop the receiver, push the return value and jump to
    /// `target`.
    Send { target: u32 },
    /// (value -- awaitable_iterator) `await` support: get the iterator of an awaitable.
    /// `where_` is 0 for a plain await, 1 after `__aenter__`, 2 after `__aexit__`.
    GetAwaitable { where_: u32 },
    /// (aiterable -- aiterator) `aiter()`.
    GetAiter,
    /// (aiterator -- aiterator, awaitable) `anext()`.
    GetAnext,
    /// (aiterator, exc -- ) Finish an `async for`: `StopAsyncIteration` ends the loop,
    /// anything else is re-raised.
    EndAsyncFor,
    /// (mgr -- exit, enter_result_awaitable) `async with` entry.
    BeforeAsyncWith,
    /// (mgr -- exit, enter_result) `with` entry: push the bound `__exit__` and the result of
    /// `__enter__()`.
    BeforeWith,
    /// (exit, lasti, prev_exc, exc -- exit, lasti, prev_exc, exc, result) Call
    /// `exit(type(exc), exc, exc.__traceback__)` inside a `with`'s exception handler.
    WithExceptStart,

    // ----- exceptions -----
    /// (exc? cause? -- ) `raise` with `argc` operands: 0 re-raises the handled exception.
    RaiseVarargs { argc: u32 },
    /// ([lasti,] exc -- ) Re-raise `exc`; with `set_lasti`, the saved offset below it is
    /// popped too.
    Reraise { set_lasti: bool },
    /// (exc -- prev_exc, exc) Enter an exception handler: save the handled exception and
    /// make `exc` the one `sys.exc_info()` reports.
    PushExcInfo,
    /// (prev_exc -- ) Leave a handler: restore the previously handled exception.
    PopExcept,
    /// (exc, type -- exc, bool) `isinstance(exc, type)` for `except type:` (validates that
    /// `type` is an exception class or a tuple of them).
    CheckExcMatch,
    /// (eg, type -- rest, match) `except*`: split the exception group.
    CheckEgMatch,
    /// (orig, list -- exc_or_none) `except*`: combine what the handlers raised.
    PrepReraiseStar,
    /// ( -- AssertionError) Push the `AssertionError` class.
    LoadAssertionError,

    // ----- imports -----
    /// (level, fromlist -- module) `__import__(co_names[namei], globals, None, fromlist,
    /// level)`.
    ImportName { namei: u32 },
    /// (module -- module, value) `from module import name`.
    ImportFrom { namei: u32 },
    /// (module -- ) `from module import *`.
    ImportStar,

    // ----- misc -----
    /// ( -- ) Create `__annotations__` in the locals mapping if absent.
    SetupAnnotations,
    /// (value -- ) REPL: print the repr of a non-`None` value and bind it to `builtins._`.
    PrintExpr,
    /// (obj -- obj, len) Push `len(obj)` (pattern matching).
    GetLen,
    /// (subject -- subject, bool) Is `subject` a mapping (pattern matching).
    MatchMapping,
    /// (subject -- subject, bool) Is `subject` a sequence (pattern matching).
    MatchSequence,
    /// (subject, keys -- subject, keys, values_or_none) Look the keys up in the mapping.
    MatchKeys,
    /// (subject, cls, names -- attrs_or_none) Class pattern with `count` positional
    /// sub-patterns.
    MatchClass { count: u32 },
}

impl Instr {
    /// Net effect on the stack depth when the instruction runs. For jumps, `jump` selects
    /// the effect when the branch is taken.
    pub fn stack_effect(&self, jump: bool) -> i32 {
        let (inputs, outputs) = self.stack_io(jump);
        outputs as i32 - inputs as i32
    }

    /// The instruction's `(inputs -- outputs)` note as counts: how many values at the top
    /// of the stack it uses (pops, or reads in place like `ListAppend`'s list) and how many
    /// stand there afterwards. For jumps, `jump` selects the branch taken. Counts saturate,
    /// so a crafted operand cannot overflow them (the `.pyc` verifier,
    /// `bytecode::verify`, relies on this; codegen only sees small operands).
    #[inline(always)]
    pub fn stack_io(&self, jump: bool) -> (u32, u32) {
        use Instr::*;
        let plus = u32::saturating_add;
        match *self {
            Nop | SetupAnnotations => (0, 0),
            DeleteFast { .. } | DeleteName { .. } | DeleteGlobal { .. } | DeleteDeref { .. } => (0, 0),
            PopTop => (1, 0),
            Copy { n } => (n, plus(n, 1)),
            Swap { n } => (n, n),
            LoadConst { .. } | LoadFast { .. } | LoadName { .. } | LoadGlobal { .. } => (0, 1),
            LoadDeref { .. } | LoadClassDeref { .. } | LoadClosure { .. } => (0, 1),
            LoadBuildClass | LoadAssertionError => (0, 1),
            StoreFast { .. } | StoreName { .. } | StoreGlobal { .. } | StoreDeref { .. } => (1, 0),
            LoadAttr { .. } => (1, 1),
            StoreAttr { .. } => (2, 0),
            DeleteAttr { .. } => (1, 0),
            LoadMethod { .. } => (1, 2),
            BinarySubscr => (2, 1),
            StoreSubscr => (3, 0),
            DeleteSubscr => (2, 0),
            BuildSlice { argc } => (argc, 1),
            BinaryOp { .. } | CompareOp { .. } | IsOp { .. } | ContainsOp { .. } => (2, 1),
            UnaryNegative | UnaryPositive | UnaryNot | UnaryInvert => (1, 1),
            JumpForward { .. } | JumpBackward { .. } => (0, 0),
            PopJumpIfFalse { .. } | PopJumpIfTrue { .. } | PopJumpIfNone { .. } | PopJumpIfNotNone { .. } => (1, 0),
            JumpIfFalseOrPop { .. } | JumpIfTrueOrPop { .. } => (1, jump as u32),
            GetIter | ListToTuple | GetYieldFromIter | GetAwaitable { .. } | GetAiter => (1, 1),
            ForIter { .. } => (1, if jump { 0 } else { 2 }),
            BuildTuple { count } | BuildList { count } | BuildSet { count } | BuildString { count } => (count, 1),
            BuildMap { count } => (count.saturating_mul(2), 1),
            BuildConstKeyMap { count } => (plus(count, 1), 1),
            ListAppend { i } | SetAdd { i } | ListExtend { i } | SetUpdate { i } | DictUpdate { i } | DictMerge { i } => (plus(i, 1), i),
            MapAdd { i } => (plus(i, 2), i),
            UnpackSequence { count } => (1, count),
            UnpackEx { before, after } => (1, plus(plus(before, after), 1)),
            FormatValue { has_spec, .. } => (1 + has_spec as u32, 1),
            Call { argc } => (plus(argc, 1), 1),
            CallKw { argc } | CallMethod { argc } => (plus(argc, 2), 1),
            CallMethodKw { argc } => (plus(argc, 3), 1),
            CallFunctionEx { has_kwargs } => (2 + has_kwargs as u32, 1),
            MakeFunction { flags } => (1 + flags.count_ones(), 1),
            ReturnValue => (1, 0),
            YieldValue => (1, 1),
            Send { .. } => (2, if jump { 1 } else { 2 }),
            GetAnext => (1, 2),
            EndAsyncFor => (2, 0),
            BeforeAsyncWith | BeforeWith => (1, 2),
            WithExceptStart => (4, 5),
            RaiseVarargs { argc } => (argc, 0),
            Reraise { set_lasti } => (1 + set_lasti as u32, 0),
            PushExcInfo => (1, 2),
            PopExcept => (1, 0),
            CheckExcMatch | CheckEgMatch => (2, 2),
            PrepReraiseStar => (2, 1),
            ImportName { .. } => (2, 1),
            ImportFrom { .. } => (1, 2),
            ImportStar | PrintExpr => (1, 0),
            GetLen | MatchMapping | MatchSequence => (1, 2),
            MatchKeys => (2, 3),
            MatchClass { .. } => (3, 1),
        }
    }

    /// Are the operands in the range the VM's stack handling assumes? Codegen emits no
    /// others; the `.pyc` verifier rejects code with any (e.g. `Copy { n: 0 }` would read
    /// above the top of the stack).
    pub fn operands_valid(&self) -> bool {
        use Instr::*;
        match *self {
            Copy { n } => n >= 1,
            Swap { n } => n >= 2,
            ListAppend { i } | SetAdd { i } | MapAdd { i } | ListExtend { i } | SetUpdate { i } | DictUpdate { i } | DictMerge { i } => {
                i >= 1
            }
            BuildSlice { argc } => argc == 2 || argc == 3,
            RaiseVarargs { argc } => argc <= 2,
            MakeFunction { flags } => flags < 0x10,
            GetAwaitable { where_ } => where_ <= 2,
            _ => true,
        }
    }

    /// The jump target operand, for instructions that can jump (the one list of jumping
    /// instructions: codegen, the disassembler and the VM's analyses all go through it).
    pub fn jump_target_mut(&mut self) -> Option<&mut u32> {
        use Instr::*;
        match self {
            JumpForward { target }
            | JumpBackward { target }
            | PopJumpIfFalse { target }
            | PopJumpIfTrue { target }
            | PopJumpIfNone { target }
            | PopJumpIfNotNone { target }
            | JumpIfFalseOrPop { target }
            | JumpIfTrueOrPop { target }
            | ForIter { target }
            | Send { target } => Some(target),
            _ => None,
        }
    }

    /// The jump target, for instructions that can jump.
    pub fn jump_target(&self) -> Option<u32> {
        let mut copy = *self;
        copy.jump_target_mut().map(|t| *t)
    }

    /// Replace the jump target (used by codegen when resolving labels).
    pub fn set_jump_target(&mut self, new: u32) {
        if let Some(t) = self.jump_target_mut() {
            *t = new;
        }
    }

    /// The operand that indexes one of the code object's tables, for instructions that
    /// have one (the one list of them: the `.pyc` validator and the disassembler use it).
    pub fn table_operand(&self) -> Option<TableOperand> {
        use Instr::*;
        Some(match *self {
            LoadConst { consti } => TableOperand::Const(consti),
            LoadFast { var } | StoreFast { var } | DeleteFast { var } => TableOperand::Local(var),
            LoadName { namei }
            | StoreName { namei }
            | DeleteName { namei }
            | LoadGlobal { namei }
            | StoreGlobal { namei }
            | DeleteGlobal { namei }
            | LoadAttr { namei }
            | StoreAttr { namei }
            | DeleteAttr { namei }
            | LoadMethod { namei }
            | ImportName { namei }
            | ImportFrom { namei } => TableOperand::Name(namei),
            LoadDeref { cell } | StoreDeref { cell } | DeleteDeref { cell } | LoadClassDeref { cell } | LoadClosure { cell } => {
                TableOperand::Cell(cell)
            }
            _ => return None,
        })
    }

    /// True for instructions after which control never falls through.
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Instr::JumpForward { .. }
                | Instr::JumpBackward { .. }
                | Instr::ReturnValue
                | Instr::RaiseVarargs { .. }
                | Instr::Reraise { .. }
        )
    }
}

/// An operand that indexes a table of the code object (see [`Instr::table_operand`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableOperand {
    /// `co_consts`.
    Const(u32),
    /// `co_varnames` (the fast locals).
    Local(u32),
    /// `co_names`.
    Name(u32),
    /// Cell variables, then free variables.
    Cell(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stay_small() {
        assert!(std::mem::size_of::<Instr>() <= 12, "Instr grew to {} bytes", std::mem::size_of::<Instr>());
    }

    #[test]
    fn call_effects() {
        assert_eq!(Instr::Call { argc: 2 }.stack_effect(false), -2);
        assert_eq!(Instr::CallMethodKw { argc: 3 }.stack_effect(false), -5);
        assert_eq!(Instr::MakeFunction { flags: make_function::DEFAULTS | make_function::CLOSURE }.stack_effect(false), -2);
    }
}
