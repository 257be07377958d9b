//! The `atexit` module: functions registered to run at interpreter exit, last registered
//! first (`register`, `unregister`, `_run_exitfuncs`, `_clear`, `_ncallbacks`). The driver
//! runs them through [`run_exitfuncs`] at the start of `vm::finalize`.

use std::cell::RefCell;

use crate::objects::function::native;
use crate::objects::{dict, module, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{call, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

/// A registered call: the function, its positional and keyword argument values, and the
/// keyword names (the `Args` layout).
struct ExitCall {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

static CALLS: GilShared<RefCell<Vec<ExitCall>>> = GilShared::new(RefCell::new(Vec::new()));

pub fn create(name: &str) -> PyRef {
    let md = module::new_module(name);
    let Some(d) = module::globals(&md) else { return md };
    let table: &[(&'static str, crate::objects::NativeFn)] = &[
        ("register", atexit_register),
        ("unregister", atexit_unregister),
        ("_run_exitfuncs", atexit_run_exitfuncs),
        ("_clear", atexit_clear),
        ("_ncallbacks", atexit_ncallbacks),
    ];
    for (n, f) in table {
        dict::set_str(&d, n, native(n, *f));
    }
    md
}

/// `register(func, *args, **kwargs)`: returns `func` (so it works as a decorator).
fn atexit_register(_vm: &Vm, args: Args) -> PyResult<Value> {
    let Some(func) = args.pos().first() else {
        return Err(PyErr::type_error("register() takes at least 1 argument (0 given)"));
    };
    if !super::builtins::is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    CALLS.get().borrow_mut().push(ExitCall { func: func.clone(), args: args.args[1..].to_vec(), kwnames: args.kwnames.to_vec() });
    Ok(func.clone())
}

/// `unregister(func)`: drop every registration of a function equal to `func`.
fn atexit_unregister(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("unregister", 1, 1)?;
    let funcs: Vec<Value> = CALLS.get().borrow().iter().map(|c| c.func.clone()).collect();
    let mut keep = Vec::with_capacity(funcs.len());
    for f in &funcs {
        keep.push(!ops::compare_bool(vm, f, &args.args[0], crate::bytecode::CmpOp::Eq)?);
    }
    let mut calls = CALLS.get().borrow_mut();
    let mut i = 0;
    calls.retain(|_| {
        let k = keep.get(i).copied().unwrap_or(true);
        i += 1;
        k
    });
    Ok(Value::None)
}

fn atexit_run_exitfuncs(vm: &Vm, _args: Args) -> PyResult<Value> {
    run_all(vm);
    Ok(Value::None)
}

fn atexit_clear(_vm: &Vm, _args: Args) -> PyResult<Value> {
    let old = std::mem::take(&mut *CALLS.get().borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn atexit_ncallbacks(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::from(CALLS.get().borrow().len()))
}

/// Run the functions registered when the run starts, newest first, then forget every
/// registration (also those made during the run, as CPython does: a callback that
/// registers itself again runs once). An exception is reported as CPython's "Exception
/// ignored in atexit callback" and the others still run.
fn run_all(vm: &Vm) {
    let n = CALLS.get().borrow().len();
    for i in (0..n).rev() {
        let call = CALLS.get().borrow().get(i).map(|c| ExitCall { func: c.func.clone(), args: c.args.clone(), kwnames: c.kwnames.clone() });
        let Some(c) = call else { continue };
        if let Err(e) = call::call(vm, &c.func, Args { args: &c.args, kwnames: &c.kwnames }) {
            let text = crate::runtime::repr::repr(vm, &c.func).unwrap_or_default();
            crate::vm::traceback::print_unraisable(vm, &format!("Exception ignored in atexit callback: {text}"), &e);
        }
    }
    let registered = std::mem::take(&mut *CALLS.get().borrow_mut());
    drop(registered);
}

/// Interpreter exit: run the registered functions.
pub fn run_exitfuncs(vm: &Vm) {
    run_all(vm);
}
