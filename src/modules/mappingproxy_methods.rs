//! Methods of `mappingproxy` (the object is `objects::mappingproxy`): the constructor and
//! the named methods, each asking the underlying mapping, as CPython 3.11's do. The
//! operator dunders (`__getitem__`, `__iter__`, `__contains__`, comparisons, `|`,
//! `__repr__`) are the shared slot wrappers of `slot_methods`.

use crate::objects::function::add_methods;
use crate::objects::mappingproxy;
use crate::objects::typeobj::type_name;
use crate::objects::{types, Value};
use crate::runtime::{call, ops, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn init() {
    add_methods(
        &types().mappingproxy,
        "mappingproxy",
        &[
            ("__new__", mp_new),
            ("__len__", mp_len),
            ("__str__", mp_str),
            ("__reversed__", mp_reversed),
            ("__ior__", mp_ior),
            ("get", mp_get),
            ("keys", mp_keys),
            ("values", mp_values),
            ("items", mp_items),
            ("copy", mp_copy),
        ],
    );
}

/// The mapping behind `self` (the first argument).
fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.args.first() {
        Some(v) => mappingproxy::mapping(v).ok_or_else(|| {
            PyErr::type_error(format!("descriptor '{name}' for 'mappingproxy' objects doesn't apply to a '{}' object", type_name(v)))
        }),
        None => Err(PyErr::type_error(format!("unbound method mappingproxy.{name}() needs an argument"))),
    }
}

/// `mappingproxy(mapping)`.
fn mp_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let [mapping] = args.keywords("mappingproxy", ["mapping"], 0, 1, 1)?;
    let mapping = mapping.ok_or_else(|| PyErr::type_error("mappingproxy() missing required argument 'mapping' (pos 1)"))?;
    mappingproxy::check_mapping(mapping)?;
    Ok(mappingproxy::new(mapping.clone()))
}

/// The wrapped mapping for `__len__` and `__str__`, slot wrappers in CPython: their
/// receiver messages are a `wrapper_descriptor`'s, and `slot_methods::this` checks their
/// arguments with that wording.
fn slot_this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let Some(v) = args.args.first() else {
        return Err(PyErr::type_error(format!("descriptor '{name}' of 'mappingproxy' object needs an argument")));
    };
    let m = mappingproxy::mapping(v).ok_or_else(|| {
        PyErr::type_error(format!("descriptor '{name}' requires a 'mappingproxy' object but received a '{}'", type_name(v)))
    })?;
    super::slot_methods::this(args, name)?;
    Ok(m)
}

fn mp_len(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = slot_this(&args, "__len__")?;
    Ok(Value::from(ops::len(vm, m)?))
}

/// `str(proxy)` is the mapping's `str`; only `repr` shows the wrapper.
fn mp_str(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = slot_this(&args, "__str__")?;
    Ok(Value::new_str(repr::str(vm, m)?))
}

/// `mapping.get(key[, default])`, called by name on the mapping.
fn mp_get(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = this(&args, "get")?;
    let pos = args.posonly("mappingproxy.get", "get", 1, 2)?;
    let default = pos.get(1).cloned().unwrap_or(Value::None);
    call::call_method(vm, m, "get", &[pos[0].clone(), default])
}

/// A method without arguments, forwarded by name to the mapping.
fn forward(vm: &Vm, args: Args, name: &str) -> PyResult<Value> {
    let m = this(&args, name)?;
    args.noargs(&format!("mappingproxy.{name}"))?;
    call::call_method(vm, m, name, &[])
}

fn mp_keys(vm: &Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "keys")
}

fn mp_values(vm: &Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "values")
}

fn mp_items(vm: &Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "items")
}

/// A copy of the underlying mapping (a `dict` for a class's `__dict__`).
fn mp_copy(vm: &Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "copy")
}

fn mp_reversed(vm: &Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "__reversed__")
}

/// `proxy |= other` would have to change the mapping: refused with CPython's message.
fn mp_ior(_vm: &Vm, args: Args) -> PyResult<Value> {
    this(&args, "__ior__")?;
    if args.rest().len() != 1 {
        return Err(PyErr::type_error(format!("expected 1 argument, got {}", args.rest().len())));
    }
    Err(PyErr::type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}
