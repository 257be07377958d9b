//! `_dis`: the native half of `stdlib/dis.py`, a view of gild's own instruction set
//! through the one disassembler (`bytecode::disasm`).
//!
//! * `opcodes()`: `[(number, NAME), ...]` for `dis.opname`/`dis.opmap`.
//! * `instructions(code)`: one tuple per instruction, the fields of `dis.Instruction`
//!   (`opname, opcode, arg, argval, argrepr, offset, starts_line, is_jump_target,
//!   (lineno, end_lineno, col_offset, end_col_offset)`).
//! * `disassemble(code)`: the text `dis.dis` prints for one code object (nested code
//!   objects are walked by `dis.py`, so each is shown with its real `repr`).
//! * `exception_table(code)`: `[(start, end, target, depth, lasti), ...]`.

use crate::bytecode::disasm::{self, ArgVal};
use crate::bytecode::numbering;
use crate::objects::function::{code_of, native, Code};
use crate::objects::{dict, module, PyRef, Value};
use crate::runtime::{repr, Args, PyErr, PyResult};
use crate::vm::Vm;

fn code_arg<'a>(args: &Args<'a>, fname: &str) -> PyResult<&'a Code> {
    let pos = args.check_count(fname, 1, 1)?;
    pos[0].as_obj().and_then(code_of).ok_or_else(|| PyErr::type_error(format!("{fname}() argument must be a code object")))
}

/// The `repr` of each constant (as `dis` shows it), computed once.
fn const_reprs(vm: &Vm, c: &Code) -> PyResult<Vec<String>> {
    c.tables().consts.iter().map(|v| repr::repr(vm, v)).collect()
}

fn instructions_of(vm: &Vm, c: &Code) -> PyResult<Vec<disasm::InstrInfo>> {
    let reprs = const_reprs(vm, c)?;
    Ok(disasm::instructions(&c.code, &|k| reprs.get(k).cloned().unwrap_or_else(|| "<?>".into())))
}

fn opt_int(v: Option<u32>) -> Value {
    v.map_or(Value::None, |x| Value::Int(x as i64))
}

fn dis_instructions(vm: &Vm, args: Args) -> PyResult<Value> {
    let c = code_arg(&args, "instructions")?;
    let items = instructions_of(vm, c)?
        .into_iter()
        .map(|i| {
            let argval = match &i.argval {
                ArgVal::None => Value::None,
                ArgVal::Int(a) => Value::Int(*a),
                ArgVal::Const(k) => c.tables().consts.get(*k as usize).cloned().unwrap_or(Value::None),
                ArgVal::Name(n) | ArgVal::Text(n) => Value::new_str(n.as_str()),
                ArgVal::Target(t) => Value::Int(*t as i64),
            };
            let p = i.position;
            let known = p.lineno != 0;
            let pos = |v: u32| if known { Value::Int(v as i64) } else { Value::None };
            Value::new_tuple(vec![
                Value::new_str(i.opname.as_str()),
                Value::Int(i.opcode as i64),
                i.arg.map_or(Value::None, Value::Int),
                argval,
                Value::new_str(i.argrepr.as_str()),
                Value::Int(i.offset as i64),
                opt_int(i.starts_line),
                Value::Bool(i.is_jump_target),
                Value::new_tuple(vec![pos(p.lineno), pos(p.end_lineno), pos(p.col), pos(p.end_col)]),
            ])
        })
        .collect();
    Ok(Value::new_list(items))
}

fn dis_disassemble(vm: &Vm, args: Args) -> PyResult<Value> {
    let c = code_arg(&args, "disassemble")?;
    let instrs = instructions_of(vm, c)?;
    Ok(Value::new_str(disasm::format_code(&c.code, &instrs)))
}

fn dis_exception_table(_vm: &Vm, args: Args) -> PyResult<Value> {
    let c = code_arg(&args, "exception_table")?;
    let rows = c
        .code
        .exception_table
        .iter()
        .map(|e| {
            Value::new_tuple(vec![
                Value::Int(e.start as i64),
                Value::Int(e.end as i64),
                Value::Int(e.target as i64),
                Value::Int(e.depth as i64),
                Value::Bool(e.lasti),
            ])
        })
        .collect();
    Ok(Value::new_list(rows))
}

fn dis_opcodes(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("opcodes", 0, 0)?;
    let rows = numbering::OPCODES
        .iter()
        .map(|(num, name)| Value::new_tuple(vec![Value::Int(*num as i64), Value::new_str(disasm::snake_upper(name))]))
        .collect();
    Ok(Value::new_list(rows))
}

pub fn create(_name: &str) -> PyRef {
    let m = module::new_module("_dis");
    if let Some(d) = module::globals(&m) {
        for (name, f) in [
            ("instructions", dis_instructions as crate::objects::NativeFn),
            ("disassemble", dis_disassemble),
            ("exception_table", dis_exception_table),
            ("opcodes", dis_opcodes),
        ] {
            dict::set_str(&d, name, native(name, f));
        }
    }
    m
}
