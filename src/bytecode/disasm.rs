//! The disassembler: a [`CodeObject`] as text in the layout of CPython 3.11's `dis.dis`
//! (line-number column, `>>` jump-target markers, instruction index where CPython shows a
//! byte offset, opcode name, argument, resolved argument in parentheses, the exception
//! table, then nested code objects). Code-object addresses are fake but stable, so the
//! output can be compared in golden tests.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::code::{CodeObject, Const};
use super::opcode::{make_function, Conversion, Instr, TableOperand};
use crate::syntax::ast::PyString;

/// Disassemble `code` and every code object nested in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut addrs = HashMap::new();
    number_codes(code, &mut addrs);
    let mut out = String::new();
    disassemble_recursive(code, &addrs, &mut out);
    out
}

fn number_codes(code: &CodeObject, addrs: &mut HashMap<*const CodeObject, usize>) {
    let n = addrs.len();
    addrs.insert(code as *const CodeObject, n);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            number_codes(inner, addrs);
        }
    }
}

fn disassemble_recursive(code: &CodeObject, addrs: &HashMap<*const CodeObject, usize>, out: &mut String) {
    disassemble_one(code, addrs, out);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(inner, addrs));
            disassemble_recursive(inner, addrs, out);
        }
    }
}

fn code_repr(code: &CodeObject, addrs: &HashMap<*const CodeObject, usize>) -> String {
    let n = addrs.get(&(code as *const CodeObject)).copied().unwrap_or(0);
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name,
        0x7f00_0000_0000usize + n * 0x100,
        code.filename,
        code.firstlineno
    )
}

/// `LoadConst` → `LOAD_CONST`.
pub fn opname(i: &Instr) -> String {
    let dbg = format!("{i:?}");
    snake_upper(dbg.split([' ', '{']).next().unwrap_or(""))
}

/// A variant name as an opcode name: `LoadConst` → `LOAD_CONST`.
pub fn snake_upper(name: &str) -> String {
    let mut s = String::new();
    for (k, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() && k > 0 {
            s.push('_');
        }
        s.push(ch.to_ascii_uppercase());
    }
    s
}

fn float_repr(f: f64) -> String {
    crate::compiler::codegen::float_repr(f)
}

fn str_repr(s: &PyString) -> String {
    crate::compiler::codegen::str_repr(s)
}

/// Python `repr()` of a constant.
pub fn const_repr(c: &Const, addrs: &HashMap<*const CodeObject, usize>) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex { real, imag } => {
            let im = float_repr(*imag);
            let im = im.strip_suffix(".0").unwrap_or(&im).to_string();
            if *real == 0.0 && real.is_sign_positive() {
                format!("{im}j")
            } else {
                let re = float_repr(*real);
                let re = re.strip_suffix(".0").unwrap_or(&re).to_string();
                let sign = if *imag < 0.0 || (imag.is_sign_negative() && *imag == 0.0) || imag.is_nan() { "" } else { "+" };
                format!("({re}{sign}{im}j)")
            }
        }
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => crate::compiler::codegen::bytes_repr(b),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(v) => {
            let items: Vec<String> = v.iter().map(|x| const_repr(x, addrs)).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Const::FrozenSet(v) => {
            if v.is_empty() {
                "frozenset()".into()
            } else {
                let items: Vec<String> = v.iter().map(|x| const_repr(x, addrs)).collect();
                format!("frozenset({{{}}})", items.join(", "))
            }
        }
        Const::Code(code) => code_repr(code, addrs),
    }
}

/// What an instruction's argument resolves to (`dis.Instruction.argval`): the runtime
/// turns `Const` into the constant's value.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgVal {
    None,
    Int(i64),
    /// Index into `co_consts`.
    Const(u32),
    /// A name from `co_names`, `co_varnames` or the cell/free variables.
    Name(String),
    /// A jump's target instruction index.
    Target(u32),
    /// An operator symbol (`COMPARE_OP`).
    Text(String),
}

/// One decoded instruction, the fields of CPython's `dis.Instruction`.
#[derive(Debug, Clone)]
pub struct InstrInfo {
    pub opname: String,
    pub opcode: u8,
    pub arg: Option<i64>,
    pub argval: ArgVal,
    pub argrepr: String,
    /// The instruction index (gild's equivalent of CPython's byte offset).
    pub offset: usize,
    pub starts_line: Option<u32>,
    pub is_jump_target: bool,
    pub position: super::code::Position,
}

/// Decode `code`'s instructions; `const_repr(i)` gives the `repr` of `co_consts[i]`.
pub fn instructions(code: &CodeObject, const_repr: &dyn Fn(usize) -> String) -> Vec<InstrInfo> {
    let mut targets: HashSet<u32> = code.instrs.iter().filter_map(|i| i.jump_target()).collect();
    targets.extend(code.exception_table.iter().map(|e| e.target));
    let mut last_line = 0;
    let mut out = Vec::with_capacity(code.instrs.len());
    for (k, i) in code.instrs.iter().enumerate() {
        let position = code.positions.get(k).copied().unwrap_or_default();
        let line = position.lineno;
        let starts = line != 0 && line != last_line;
        if line != 0 {
            last_line = line;
        }
        let (arg, argval, argrepr) = arg_of(i, code, const_repr);
        out.push(InstrInfo {
            opname: opname(i),
            opcode: super::numbering::encode(i).0,
            arg,
            argval,
            argrepr,
            offset: k,
            starts_line: starts.then_some(line),
            is_jump_target: targets.contains(&(k as u32)),
            position,
        });
    }
    out
}

/// The numeric argument, its resolved value and its text, as `dis` shows them.
fn arg_of(i: &Instr, code: &CodeObject, const_repr: &dyn Fn(usize) -> String) -> (Option<i64>, ArgVal, String) {
    use Instr::*;
    let name = |n: u32| code.names.get(n as usize).map_or_else(|| "<?>".into(), |s| s.to_string());
    let var = |n: u32| code.varnames.get(n as usize).map_or_else(|| "<?>".into(), |s| s.to_string());
    let cell = |n: u32| code.cellvars.iter().chain(&code.freevars).nth(n as usize).map_or_else(|| "<?>".into(), |s| s.to_string());
    let int = |a: i64| (Some(a), ArgVal::Int(a), String::new());
    let named = |a: u32, n: String| (Some(a as i64), ArgVal::Name(n.clone()), n);
    match *i {
        Nop | PopTop | BinarySubscr | StoreSubscr | DeleteSubscr | UnaryNegative | UnaryPositive | UnaryNot | UnaryInvert | GetIter
        | ListToTuple | LoadBuildClass | ReturnValue | YieldValue | GetYieldFromIter | GetAiter | GetAnext | EndAsyncFor
        | BeforeAsyncWith | BeforeWith | WithExceptStart | PushExcInfo | PopExcept | CheckExcMatch | CheckEgMatch | PrepReraiseStar
        | LoadAssertionError | ImportStar | SetupAnnotations | PrintExpr | GetLen | MatchMapping | MatchSequence | MatchKeys => {
            return (None, ArgVal::None, String::new());
        }
        Copy { n } | Swap { n } => int(n as i64),
        LoadConst { .. }
        | LoadFast { .. }
        | StoreFast { .. }
        | DeleteFast { .. }
        | LoadName { .. }
        | StoreName { .. }
        | DeleteName { .. }
        | LoadGlobal { .. }
        | StoreGlobal { .. }
        | DeleteGlobal { .. }
        | LoadAttr { .. }
        | StoreAttr { .. }
        | DeleteAttr { .. }
        | LoadMethod { .. }
        | ImportName { .. }
        | ImportFrom { .. }
        | LoadDeref { .. }
        | StoreDeref { .. }
        | DeleteDeref { .. }
        | LoadClassDeref { .. }
        | LoadClosure { .. } => match i.table_operand() {
            Some(TableOperand::Const(k)) => (Some(k as i64), ArgVal::Const(k), const_repr(k as usize)),
            Some(TableOperand::Local(k)) => named(k, var(k)),
            Some(TableOperand::Name(k)) => named(k, name(k)),
            Some(TableOperand::Cell(k)) => named(k, cell(k)),
            None => (None, ArgVal::None, String::new()),
        },
        BuildSlice { argc } | RaiseVarargs { argc } => int(argc as i64),
        BinaryOp { op } => (Some(op as u8 as i64), ArgVal::Int(op as u8 as i64), op.symbol().to_string()),
        CompareOp { op } => (Some(op as u8 as i64), ArgVal::Text(op.symbol().to_string()), op.symbol().to_string()),
        IsOp { invert } | ContainsOp { invert } => int(invert as i64),
        JumpForward { target }
        | JumpBackward { target }
        | PopJumpIfFalse { target }
        | PopJumpIfTrue { target }
        | PopJumpIfNone { target }
        | PopJumpIfNotNone { target }
        | JumpIfFalseOrPop { target }
        | JumpIfTrueOrPop { target }
        | ForIter { target }
        | Send { target } => (Some(target as i64), ArgVal::Target(target), format!("to {target}")),
        BuildTuple { count }
        | BuildList { count }
        | BuildSet { count }
        | BuildMap { count }
        | BuildConstKeyMap { count }
        | BuildString { count }
        | UnpackSequence { count }
        | MatchClass { count } => int(count as i64),
        ListAppend { i } | SetAdd { i } | MapAdd { i } | ListExtend { i } | SetUpdate { i } | DictUpdate { i } | DictMerge { i } => {
            int(i as i64)
        }
        UnpackEx { before, after } => int((before | (after << 8)) as i64),
        FormatValue { conv, has_spec } => {
            let c = match conv {
                Conversion::None => 0,
                Conversion::Str => 1,
                Conversion::Repr => 2,
                Conversion::Ascii => 3,
            };
            let mut parts = Vec::new();
            match conv {
                Conversion::Str => parts.push("str"),
                Conversion::Repr => parts.push("repr"),
                Conversion::Ascii => parts.push("ascii"),
                Conversion::None => {}
            }
            if has_spec {
                parts.push("with format");
            }
            let a = c | ((has_spec as i64) << 2);
            (Some(a), ArgVal::Int(a), parts.join(", "))
        }
        Call { argc } | CallKw { argc } | CallMethod { argc } | CallMethodKw { argc } => int(argc as i64),
        CallFunctionEx { has_kwargs } => int(has_kwargs as i64),
        MakeFunction { flags } => {
            let mut parts = Vec::new();
            for (bit, n) in [
                (make_function::DEFAULTS, "defaults"),
                (make_function::KWDEFAULTS, "kwdefaults"),
                (make_function::ANNOTATIONS, "annotations"),
                (make_function::CLOSURE, "closure"),
            ] {
                if flags & bit != 0 {
                    parts.push(n);
                }
            }
            (Some(flags as i64), ArgVal::Int(flags as i64), parts.join(", "))
        }
        GetAwaitable { where_ } => int(where_ as i64),
        Reraise { set_lasti } => int(set_lasti as i64),
    }
}

fn disassemble_one(code: &CodeObject, addrs: &HashMap<*const CodeObject, usize>, out: &mut String) {
    let repr = |k: usize| code.consts.get(k).map_or("<?>".into(), |c| const_repr(c, addrs));
    out.push_str(&format_code(code, &instructions(code, &repr)));
}

/// The text of one code object's disassembly (no nested code objects): CPython 3.11's
/// columns, then the exception table.
pub fn format_code(code: &CodeObject, instrs: &[InstrInfo]) -> String {
    let mut out = String::new();
    let max_line = code.positions.iter().map(|p| p.lineno).max().unwrap_or(0);
    let lineno_width = if max_line >= 1000 { max_line.to_string().len() } else { 3 };
    let n = code.instrs.len();
    let offset_width = if n >= 10000 { (n - 1).to_string().len() } else { 4 };
    for info in instrs {
        if info.starts_line.is_some() && info.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(match info.starts_line {
            Some(line) => format!("{line:>lineno_width$}"),
            None => " ".repeat(lineno_width),
        });
        fields.push("   ".into());
        fields.push(if info.is_jump_target { ">>".into() } else { "  ".into() });
        fields.push(format!("{:>offset_width$}", info.offset));
        fields.push(format!("{:<20}", info.opname));
        if let Some(a) = info.arg {
            fields.push(format!("{a:>5}"));
            if !info.argrepr.is_empty() {
                fields.push(format!("({})", info.argrepr));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end.saturating_sub(1),
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    out
}
