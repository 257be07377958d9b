//! Methods of `range` (`count`, `index`, `__reversed__`, `__bool__`) and `slice`
//! (`indices`); the arithmetic is `objects::range`.

use crate::objects::function::add_methods;
use crate::objects::range;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, types, Payload, Value};
use crate::runtime::{Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn init() {
    let t = types();
    add_methods(
        &t.range,
        "range",
        &[("count", range_count), ("index", range_index), ("__reversed__", range_reversed), ("__bool__", range_bool)],
    );
    add_methods(&t.slice, "slice", &[("indices", slice_indices)]);
    let ns = t.slice.dict.borrow().clone();
    if let Some(ns) = ns {
        dict::set_str(&ns, "__hash__", Value::None);
    }
}

fn this_range<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.args.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Range { .. })) => Ok(v),
        Some(v) => Err(PyErr::type_error(format!("descriptor '{name}' for 'range' objects doesn't apply to a '{}' object", type_name(v)))),
        None => Err(PyErr::type_error(format!("unbound method range.{name}() needs an argument"))),
    }
}

fn range_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let r = this_range(&args, "count")?;
    range::count(vm, r, args.one("range.count")?)
}

fn range_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let r = this_range(&args, "index")?;
    range::index(vm, r, args.one("range.index")?)
}

fn range_reversed(_vm: &Vm, args: Args) -> PyResult<Value> {
    let r = this_range(&args, "__reversed__")?;
    args.noargs("range.__reversed__")?;
    range::reversed(r).ok_or_else(|| PyErr::type_error("range expected"))
}

fn range_bool(_vm: &Vm, args: Args) -> PyResult<Value> {
    let r = this_range(&args, "__bool__")?;
    args.noargs("range.__bool__")?;
    Ok(Value::Bool(range::is_nonempty(r)))
}

fn slice_indices(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = match args.args.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Slice { .. })) => v,
        Some(v) => {
            return Err(PyErr::type_error(format!("descriptor 'indices' for 'slice' objects doesn't apply to a '{}' object", type_name(v))))
        }
        None => return Err(PyErr::type_error("unbound method slice.indices() needs an argument")),
    };
    range::slice_indices_method(vm, s, args.one("slice.indices")?)
}
