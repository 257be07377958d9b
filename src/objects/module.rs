//! `module`: a namespace object; its globals are the object's `__dict__`.

use super::{dict, types, Payload, PyRef, Value};

pub struct ModuleData {
    pub name: String,
}

/// A new module with `__name__` (and `__doc__`, `__package__`, `__loader__`, `__spec__`
/// set to `None` as CPython does for a fresh module).
pub fn new_module(name: &str) -> PyRef {
    let m = PyRef::new(&types().module, Payload::Module(ModuleData { name: name.to_string() }));
    let d = dict::new_dict();
    dict::set_str(&d, "__name__", Value::new_str(name));
    dict::set_str(&d, "__doc__", Value::None);
    dict::set_str(&d, "__package__", Value::None);
    dict::set_str(&d, "__loader__", Value::None);
    dict::set_str(&d, "__spec__", Value::None);
    *m.dict.borrow_mut() = Some(d);
    m
}

/// The module's globals dict.
pub fn globals(m: &PyRef) -> Option<PyRef> {
    m.dict.borrow().clone()
}
