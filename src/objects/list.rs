//! `list`: a mutable sequence of values. Methods never hold the list's borrow while they
//! call back into Python (comparisons in `sort`, `index`, `remove`, ...).

use std::cell::RefCell;

use super::{types, Payload, PyRef, Value};

pub fn new_list(items: Vec<Value>) -> PyRef {
    PyRef::new(&types().list, Payload::List(RefCell::new(items)))
}

/// The storage of a list value (including subclasses).
pub fn cell(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(l)) => Some(l),
        _ => None,
    }
}
