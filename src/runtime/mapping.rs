//! Dict and set operations on arbitrary keys: hashing may call `__hash__` and equality may
//! call `__eq__`, so the table is never borrowed while Python code runs; a lookup that
//! raced with a mutation restarts, as CPython's does.

use super::{ops, PyErr, PyResult};
use crate::objects::dict::{DictData, Find};
use crate::objects::{Payload, PyRef, Value};
use crate::vm::Vm;
use std::cell::RefCell;

/// The table of a dict or set object.
pub fn table(obj: &PyRef) -> Option<&RefCell<DictData>> {
    match &obj.payload {
        Payload::Dict(d) => Some(d),
        _ => None,
    }
}

/// Find `key`'s entry index, running `__eq__` where needed.
pub fn find(vm: &Vm, cell: &RefCell<DictData>, hash: i64, key: &Value) -> PyResult<Option<usize>> {
    loop {
        let (candidates, version) = {
            let d = cell.borrow();
            match d.find(hash, key) {
                Find::Found(ix) => return Ok(Some(ix)),
                Find::Absent => return Ok(None),
                Find::Unknown(c) => {
                    let keys: Vec<(usize, Value)> = c.into_iter().filter_map(|ix| d.entry(ix).map(|e| (ix, e.key.clone()))).collect();
                    (keys, d.version)
                }
            }
        };
        let mut restart = false;
        for (ix, k) in candidates {
            let equal = ops::eq(vm, &k, key)?;
            if cell.borrow().version != version {
                restart = true;
                break;
            }
            if equal {
                return Ok(Some(ix));
            }
        }
        if !restart {
            return Ok(None);
        }
    }
}

/// `d.get(key)`.
pub fn get(vm: &Vm, cell: &RefCell<DictData>, key: &Value) -> PyResult<Option<Value>> {
    let h = ops::hash(vm, key)?;
    Ok(find(vm, cell, h, key)?.and_then(|ix| cell.borrow().value_at(ix)))
}

/// `d[key] = value`.
pub fn set(vm: &Vm, cell: &RefCell<DictData>, key: Value, value: Value) -> PyResult<()> {
    let h = ops::hash(vm, &key)?;
    set_hashed(vm, cell, h, key, value)
}

pub fn set_hashed(vm: &Vm, cell: &RefCell<DictData>, h: i64, key: Value, value: Value) -> PyResult<()> {
    let old = match find(vm, cell, h, &key)? {
        Some(ix) => cell.borrow_mut().set_value_at(ix, value),
        None => {
            cell.borrow_mut().insert_new(h, key, value);
            None
        }
    };
    drop(old);
    Ok(())
}

/// `del d[key]`; returns the removed value, `None` if absent.
pub fn remove(vm: &Vm, cell: &RefCell<DictData>, key: &Value) -> PyResult<Option<Value>> {
    let h = ops::hash(vm, key)?;
    let removed = match find(vm, cell, h, key)? {
        Some(ix) => cell.borrow_mut().remove_at(ix),
        None => None,
    };
    Ok(removed.map(|e| e.value))
}

/// `key in d`.
pub fn contains(vm: &Vm, cell: &RefCell<DictData>, key: &Value) -> PyResult<bool> {
    let h = ops::hash(vm, key)?;
    Ok(find(vm, cell, h, key)?.is_some())
}

/// `d[key]` raising `KeyError`.
pub fn getitem(vm: &Vm, cell: &RefCell<DictData>, key: &Value) -> PyResult<Value> {
    match get(vm, cell, key)? {
        Some(v) => Ok(v),
        None => Err(PyErr::key_error(key.clone())),
    }
}
