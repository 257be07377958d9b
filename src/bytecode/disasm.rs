//! The disassembler: a [`CodeObject`] as text in the layout of CPython 3.11's `dis.dis`
//! (line-number column, `>>` jump-target markers, instruction index where CPython shows a
//! byte offset, opcode name, argument, resolved argument in parentheses, the exception
//! table, then nested code objects). Code-object addresses are fake but stable, so the
//! output can be compared in golden tests.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::code::{CodeObject, Const};
use super::opcode::{make_function, Conversion, Instr};
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
    let name = dbg.split([' ', '{']).next().unwrap_or("");
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

/// The numeric argument and its resolved form, as `dis` shows them.
fn arg_of(i: &Instr, code: &CodeObject, addrs: &HashMap<*const CodeObject, usize>) -> (Option<i64>, String) {
    use Instr::*;
    let name = |n: u32| code.names.get(n as usize).cloned().unwrap_or_else(|| "<?>".into());
    let var = |n: u32| code.varnames.get(n as usize).cloned().unwrap_or_else(|| "<?>".into());
    let cell = |n: u32| code.cellvars.iter().chain(&code.freevars).nth(n as usize).cloned().unwrap_or_else(|| "<?>".into());
    match *i {
        Nop | PopTop | BinarySubscr | StoreSubscr | DeleteSubscr | UnaryNegative | UnaryPositive | UnaryNot | UnaryInvert | GetIter
        | ListToTuple | LoadBuildClass | ReturnValue | YieldValue | GetYieldFromIter | GetAiter | GetAnext | EndAsyncFor
        | BeforeAsyncWith | BeforeWith | WithExceptStart | PushExcInfo | PopExcept | CheckExcMatch | CheckEgMatch | PrepReraiseStar
        | LoadAssertionError | ImportStar | SetupAnnotations | PrintExpr | GetLen | MatchMapping | MatchSequence | MatchKeys => {
            (None, String::new())
        }
        Copy { n } | Swap { n } => (Some(n as i64), String::new()),
        LoadConst { consti } => (Some(consti as i64), code.consts.get(consti as usize).map_or("<?>".into(), |c| const_repr(c, addrs))),
        LoadFast { var: v } | StoreFast { var: v } | DeleteFast { var: v } => (Some(v as i64), var(v)),
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
        | ImportFrom { namei } => (Some(namei as i64), name(namei)),
        LoadDeref { cell: c } | StoreDeref { cell: c } | DeleteDeref { cell: c } | LoadClassDeref { cell: c } | LoadClosure { cell: c } => {
            (Some(c as i64), cell(c))
        }
        BuildSlice { argc } | RaiseVarargs { argc } => (Some(argc as i64), String::new()),
        BinaryOp { op } => (Some(op as u8 as i64), op.symbol().to_string()),
        CompareOp { op } => (Some(op as u8 as i64), op.symbol().to_string()),
        IsOp { invert } | ContainsOp { invert } => (Some(invert as i64), String::new()),
        JumpForward { target }
        | JumpBackward { target }
        | PopJumpIfFalse { target }
        | PopJumpIfTrue { target }
        | PopJumpIfNone { target }
        | PopJumpIfNotNone { target }
        | JumpIfFalseOrPop { target }
        | JumpIfTrueOrPop { target }
        | ForIter { target }
        | Send { target } => (Some(target as i64), format!("to {target}")),
        BuildTuple { count }
        | BuildList { count }
        | BuildSet { count }
        | BuildMap { count }
        | BuildConstKeyMap { count }
        | BuildString { count }
        | UnpackSequence { count }
        | MatchClass { count } => (Some(count as i64), String::new()),
        ListAppend { i } | SetAdd { i } | MapAdd { i } | ListExtend { i } | SetUpdate { i } | DictUpdate { i } | DictMerge { i } => {
            (Some(i as i64), String::new())
        }
        UnpackEx { before, after } => (Some((before | (after << 8)) as i64), String::new()),
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
            (Some(c | ((has_spec as i64) << 2)), parts.join(", "))
        }
        Call { argc } | CallKw { argc } | CallMethod { argc } | CallMethodKw { argc } => (Some(argc as i64), String::new()),
        CallFunctionEx { has_kwargs } => (Some(has_kwargs as i64), String::new()),
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
            (Some(flags as i64), parts.join(", "))
        }
        GetAwaitable { where_ } => (Some(where_ as i64), String::new()),
        Reraise { set_lasti } => (Some(set_lasti as i64), String::new()),
    }
}

fn disassemble_one(code: &CodeObject, addrs: &HashMap<*const CodeObject, usize>, out: &mut String) {
    let mut targets: HashSet<u32> = code.instrs.iter().filter_map(|i| i.jump_target()).collect();
    targets.extend(code.exception_table.iter().map(|e| e.target));
    let max_line = code.positions.iter().map(|p| p.lineno).max().unwrap_or(0);
    let lineno_width = if max_line >= 1000 { max_line.to_string().len() } else { 3 };
    let n = code.instrs.len();
    let offset_width = if n >= 10000 { (n - 1).to_string().len() } else { 4 };
    let mut last_line = 0;
    for (k, i) in code.instrs.iter().enumerate() {
        let line = code.positions.get(k).map_or(0, |p| p.lineno);
        let starts = line != 0 && line != last_line;
        if line != 0 {
            last_line = line;
        }
        if starts && k > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(if starts { format!("{line:>lineno_width$}") } else { " ".repeat(lineno_width) });
        fields.push("   ".into());
        fields.push(if targets.contains(&(k as u32)) { ">>".into() } else { "  ".into() });
        fields.push(format!("{k:>offset_width$}"));
        let (arg, argrepr) = arg_of(i, code, addrs);
        fields.push(format!("{:<20}", opname(i)));
        if let Some(a) = arg {
            fields.push(format!("{a:>5}"));
            if !argrepr.is_empty() {
                fields.push(format!("({argrepr})"));
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
}
