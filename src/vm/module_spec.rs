//! Module specs: the `__spec__` of imported modules (a subset of CPython's
//! `importlib.machinery.ModuleSpec`: `name`, `loader`, `origin`,
//! `submodule_search_locations`, `loader_state`, `cached`, `has_location`, `parent`, and
//! the `_initializing` flag that tells a circular import from a missing name). gild has no
//! loader objects: `loader` is `None`.

use once_cell::sync::OnceCell;

use crate::objects::function::{add_methods, native};
use crate::objects::{dict, typeobj, types, Payload, PropertyData, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{attr, repr, set_attr_raw, Args, PyResult};
use crate::vm::Vm;

static SPEC_CLASS: OnceCell<GilShared<PyRef>> = OnceCell::new();

/// The `ModuleSpec` class (made on first use).
fn spec_class() -> &'static PyRef {
    SPEC_CLASS.get_or_init(|| GilShared::new(make_class())).get()
}

fn make_class() -> PyRef {
    let cls = typeobj::native_class("_frozen_importlib", "ModuleSpec", None, None);
    add_methods(&cls, "ModuleSpec", &[("__repr__", spec_repr)]);
    if let Some(ns) = cls.dict.borrow().as_ref() {
        let prop = PyRef::new(
            &types().property,
            Payload::Property(Box::new(PropertyData {
                fget: native("parent", spec_parent),
                fset: Value::None,
                fdel: Value::None,
                doc: Value::None,
                name: std::cell::RefCell::new(Value::new_str("parent")),
            })),
        );
        dict::set_str(ns, "parent", Value::Obj(prop));
    }
    cls
}

/// A spec for module `name`: `origin` is its file (or `"built-in"`), `search` the
/// package's `__path__` entries when it is a package.
pub fn new_spec(name: &str, origin: Option<&str>, has_location: bool, search: Option<Vec<Value>>) -> Value {
    let spec = crate::modules::object_methods::alloc_instance(spec_class(), Payload::Instance);
    if let Some(o) = spec.as_obj() {
        set_attr_raw(o, "name", Value::new_str(name));
        set_attr_raw(o, "loader", Value::None);
        set_attr_raw(o, "origin", origin.map(Value::new_str).unwrap_or(Value::None));
        set_attr_raw(o, "loader_state", Value::None);
        set_attr_raw(o, "submodule_search_locations", search.map(Value::new_list).unwrap_or(Value::None));
        set_attr_raw(o, "cached", Value::None);
        set_attr_raw(o, "has_location", Value::Bool(has_location));
    }
    spec
}

/// Mark `spec` as running its module's code (or done).
pub fn set_initializing(spec: &Value, on: bool) {
    if let Some(o) = spec.as_obj() {
        set_attr_raw(o, "_initializing", Value::Bool(on));
    }
}

/// Is `module` still running its code (its spec's `_initializing` is true)?
pub fn is_initializing(vm: &Vm, module: &Value) -> bool {
    let Ok(Some(spec)) = attr::getattr_opt(vm, module, "__spec__") else { return false };
    matches!(attr::getattr_opt(vm, &spec, "_initializing"), Ok(Some(Value::Bool(true))))
}

fn get(vm: &Vm, spec: &Value, name: &str) -> PyResult<Value> {
    Ok(attr::getattr_opt(vm, spec, name)?.unwrap_or(Value::None))
}

/// `spec.parent`: the package for a package, else the name up to its last dot.
fn spec_parent(vm: &Vm, args: Args) -> PyResult<Value> {
    let spec = &args.args[0];
    let name = get(vm, spec, "name")?;
    let Some(n) = name.as_str().map(|s| s.as_str().to_string()) else { return Ok(Value::None) };
    if !get(vm, spec, "submodule_search_locations")?.is_none() {
        return Ok(name);
    }
    Ok(Value::new_str(n.rfind('.').map(|i| &n[..i]).unwrap_or("")))
}

/// `ModuleSpec(name='m', loader=None, origin='...')`, with the search locations of a
/// package, as CPython shows them.
fn spec_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let spec = &args.args[0];
    let mut parts = vec![
        format!("name={}", repr::repr(vm, &get(vm, spec, "name")?)?),
        format!("loader={}", repr::repr(vm, &get(vm, spec, "loader")?)?),
    ];
    let origin = get(vm, spec, "origin")?;
    if !origin.is_none() {
        parts.push(format!("origin={}", repr::repr(vm, &origin)?));
    }
    let search = get(vm, spec, "submodule_search_locations")?;
    if !search.is_none() {
        parts.push(format!("submodule_search_locations={}", repr::repr(vm, &search)?));
    }
    Ok(Value::new_str(format!("ModuleSpec({})", parts.join(", "))))
}
