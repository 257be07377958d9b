//! `exec`, `eval` and `compile`: compile source text (or take a code object) and run it in
//! given namespaces, or the caller's when none are given.

use crate::objects::typeobj::type_name;
use crate::objects::{dict, Payload, PyRef, Value};
use crate::runtime::{Args, PyErr, PyResult};
use crate::syntax::Mode;
use crate::vm::Vm;

/// Turn `compile()`/`exec()`/`eval()`'s source argument into a code object.
fn to_code(source: &Value, filename: &str, mode: Mode, fname: &str) -> PyResult<PyRef> {
    match source.payload() {
        Some(Payload::Code(_)) => source.as_obj().cloned().ok_or_else(|| PyErr::type_error("bad code object")),
        Some(Payload::Str(s)) => {
            // `eval` ignores leading spaces and tabs, as CPython does.
            let text = if mode == Mode::Eval { s.as_str().trim_start_matches([' ', '\t']) } else { s.as_str() };
            crate::vm::import::compile_text_to_code(text, filename, mode, 0)
        }
        Some(Payload::Bytes(b)) => crate::vm::import::compile_to_code(b, filename, mode, 0),
        _ => Err(PyErr::type_error(match fname {
            "compile" => "compile() arg 1 must be a string, bytes or AST object".to_string(),
            _ => format!("{fname}() arg 1 must be a string, bytes or code object"),
        })),
    }
}

/// The globals and locals to run in: the given ones, or the calling frame's.
fn namespaces(vm: &Vm, globals: Option<&Value>, locals: Option<&Value>, fname: &str) -> PyResult<(PyRef, PyRef)> {
    let globals = globals.filter(|g| !g.is_none());
    let locals = locals.filter(|l| !l.is_none());
    let g = match globals {
        Some(g) => match g.payload() {
            Some(Payload::Dict(_)) => g.as_obj().cloned().ok_or_else(|| PyErr::type_error("globals must be a dict"))?,
            _ => {
                return Err(PyErr::type_error(if fname == "exec" {
                    format!("exec() globals must be a dict, not {}", type_name(g))
                } else {
                    "globals must be a dict".to_string()
                }))
            }
        },
        None => {
            let view = vm.caller_view().ok_or_else(|| PyErr::new("SystemError", format!("{fname}(): no current frame")))?;
            let l = match locals {
                Some(l) => l.as_obj().cloned().ok_or_else(|| PyErr::type_error("locals must be a mapping"))?,
                None => view.locals,
            };
            return Ok((view.globals, l));
        }
    };
    let l = match locals {
        Some(l) => l.as_obj().cloned().ok_or_else(|| PyErr::type_error("locals must be a mapping"))?,
        None => g.clone(),
    };
    // CPython inserts the builtins module's dictionary (not the module) into given globals.
    if dict::get_str(&g, "__builtins__").is_none() {
        dict::set_str(&g, "__builtins__", Value::Obj(crate::vm::interp().builtins.clone()));
    }
    Ok((g, l))
}

/// `exec(source, globals=None, locals=None)`.
pub fn builtin_exec(vm: &Vm, args: Args) -> PyResult<Value> {
    let [source, globals, locals, closure] = args.fn_keywords("exec", ["source", "globals", "locals", "closure"], 3, 3, 1)?;
    if closure.is_some_and(|c| !c.is_none()) {
        return Err(PyErr::new("NotImplementedError", "exec() with closure= is not supported by gild yet"));
    }
    let code = to_code(source.unwrap_or(&Value::None), "<string>", Mode::Exec, "exec")?;
    let (g, l) = namespaces(vm, globals, locals, "exec")?;
    vm.run_code_in(code, &g, &l)?;
    Ok(Value::None)
}

/// `eval(source, globals=None, locals=None)`.
pub fn builtin_eval(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("eval")?;
    let pos = args.check_count("eval", 1, 3)?;
    let code = to_code(&pos[0], "<string>", Mode::Eval, "eval")?;
    let (g, l) = namespaces(vm, pos.get(1), pos.get(2), "eval")?;
    vm.run_code_in(code, &g, &l)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn builtin_compile(_vm: &Vm, args: Args) -> PyResult<Value> {
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let given = args.fn_keywords("compile", NAMES, 0, 6, 3)?;
    let get = |i: usize| given[i];
    let (Some(source), Some(filename), Some(mode)) = (get(0), get(1), get(2)) else {
        return Err(PyErr::type_error("compile() missing required argument"));
    };
    let filename = match filename.payload() {
        Some(Payload::Str(s)) => s.as_str().to_string(),
        Some(Payload::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        _ => return Err(PyErr::type_error(format!("compile() argument 'filename' must be str, not {}", type_name(filename)))),
    };
    let mode = match mode.as_str().map(|m| m.as_str()) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some(_) => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => return Err(PyErr::type_error(format!("compile() argument 'mode' must be str, not {}", type_name(mode)))),
    };
    if let Some(flags) = get(3) {
        if crate::runtime::ops::index_value(flags)? & 0x400 != 0 {
            return Err(PyErr::value_error("compile() with PyCF_ONLY_AST is not supported by gild yet"));
        }
    }
    to_code(source, &filename, mode, "compile").map(Value::Obj)
}
