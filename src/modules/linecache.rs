//! `_linecache`: the native half of source-line lookup for tracebacks, the cache the
//! traceback printer reads (`vm::traceback::source_line`).
//!
//! * `register(filename, text)`: show `text` as the source of `filename` in tracebacks
//!   (for code compiled from strings under made-up names, as `timeit` does).
//! * `getline(filename, lineno)`: the line without its newline, `''` when unknown.

use crate::objects::function::native;
use crate::objects::{dict, module, PyRef, Value};
use crate::runtime::{Args, PyErr, PyResult};
use crate::vm::Vm;

fn register(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("register", 2, 2)?;
    let (Some(name), Some(text)) = (pos[0].as_str(), pos[1].as_str()) else {
        return Err(PyErr::type_error("register() arguments must be str"));
    };
    crate::vm::traceback::register_source(name.as_str(), text.as_str());
    Ok(Value::None)
}

fn getline(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("getline", 2, 2)?;
    let (Some(name), Value::Int(line)) = (pos[0].as_str(), &pos[1]) else {
        return Err(PyErr::type_error("getline(filename: str, lineno: int)"));
    };
    let line = u32::try_from(*line).ok().and_then(|l| crate::vm::traceback::source_line(name.as_str(), l));
    Ok(Value::new_str(line.unwrap_or_default()))
}

pub fn create(_name: &str) -> PyRef {
    let m = module::new_module("_linecache");
    if let Some(d) = module::globals(&m) {
        dict::set_str(&d, "register", native("register", register));
        dict::set_str(&d, "getline", native("getline", getline));
    }
    m
}
