//! `tuple`: an immutable sequence of values.

use super::{types, Payload, PyRef, Value};

pub fn new_tuple(items: Vec<Value>) -> PyRef {
    PyRef::new(&types().tuple, Payload::Tuple(items.into_boxed_slice()))
}

/// The items of a tuple value (including subclasses).
pub fn items(v: &Value) -> Option<&[Value]> {
    match v.payload() {
        Some(Payload::Tuple(t)) => Some(t),
        _ => None,
    }
}
