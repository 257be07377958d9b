//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a mapping
//! (`Payload::MappingProxy`). A class's `__dict__` is one over the class namespace, so
//! the namespace only changes through `type.__setattr__`/`__delattr__`, which keep the
//! attribute caches (keyed by the type epoch) true. Reads are delegated to the mapping;
//! the methods are in `modules::mappingproxy_methods`, the operator arms in `runtime`.

use super::{types, Payload, PyRef, Value};
use crate::objects::typeobj::{self, type_name};
use crate::runtime::{PyErr, PyResult};

/// A new proxy over `mapping` (not checked: see [`check_mapping`]).
pub fn new(mapping: Value) -> Value {
    Value::Obj(PyRef::new(&types().mappingproxy, Payload::MappingProxy(mapping)))
}

/// The mapping behind a proxy value; `None` when `v` is not a proxy.
pub fn mapping(v: &Value) -> Option<&Value> {
    match v.payload() {
        Some(Payload::MappingProxy(m)) => Some(m),
        _ => None,
    }
}

/// `cls.__dict__`: a proxy over the namespace of the type `cls` (`None` if it has none).
pub fn of_type(cls: &PyRef) -> Option<Value> {
    let ns = cls.dict.borrow().clone()?;
    Some(new(Value::Obj(ns)))
}

/// `mappingproxy(mapping)` accepts anything subscriptable except lists and tuples (and
/// their subclasses), as CPython's mapping check does (a class counts only when its
/// metaclass defines `__getitem__`; `__class_getitem__` does not).
pub fn check_mapping(v: &Value) -> PyResult<()> {
    let refused = match v.payload() {
        Some(Payload::List(_) | Payload::Tuple(_)) => true,
        Some(_) => typeobj::lookup(v.class(), "__getitem__").is_none(),
        None => true,
    };
    if refused {
        return Err(PyErr::type_error(format!("mappingproxy() argument must be a mapping, not {}", type_name(v))));
    }
    Ok(())
}
