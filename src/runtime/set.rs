//! `set` and `frozenset` operations over the shared hash table (`objects::dict::DictData`
//! with `None` values).

use super::PyResult;
use crate::objects::dict::{DictData, Find};
use crate::objects::{types, Payload, PyRef, Value};
use crate::vm::Vm;

/// A frozenset from compile-time constants (all hashable without running Python code).
pub fn new_frozenset_from_consts(items: Vec<Value>) -> Value {
    let mut d = DictData::new();
    for it in items {
        let h = const_hash(&it);
        if let Find::Absent = d.find(h, &it) {
            d.insert_new(h, it, Value::None);
        }
    }
    Value::Obj(PyRef::new(&types().frozenset, Payload::FrozenSet(Box::new(d))))
}

fn const_hash(v: &Value) -> i64 {
    match v {
        Value::None => 0xfca86420,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => crate::objects::int::hash_i64(*i),
        Value::Float(f) => super::ops::hash_float(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.hash(),
            Payload::Int(b) => crate::objects::int::hash_int(b),
            Payload::Bytes(b) => crate::objects::str::hash_bytes(b),
            _ => (o.addr() >> 4) as i64,
        },
    }
}

/// `hash(frozenset)`: order-independent combination of the element hashes (CPython's
/// shuffle-and-xor scheme).
pub fn frozenset_hash(_vm: &Vm, v: &Value) -> PyResult<i64> {
    let Some(Payload::FrozenSet(d)) = v.payload() else {
        return Ok(0);
    };
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    for e in d.iter() {
        hash ^= shuffle(e.hash as u64);
    }
    hash ^= ((d.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    Ok(if h == -1 { 590923713 } else { h })
}

// ----- set algebra over hash tables (may run `__hash__`/`__eq__`) ------------------------

use super::{iter, mapping, ops};
use std::cell::RefCell;

/// A snapshot of the table of a `set`/`frozenset` value (or of a dict's keys).
pub fn table_snapshot(v: &Value) -> Option<DictData> {
    match v.payload()? {
        Payload::Set(d) | Payload::Dict(d) => Some(d.borrow().clone()),
        Payload::FrozenSet(d) => Some((**d).clone()),
        Payload::DictView { dict, kind: 0 } => table_snapshot(&Value::Obj(dict.clone())),
        _ => None,
    }
}

/// Is `v` a `set` or `frozenset` (or an instance of a subclass)?
pub fn is_set_like(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Set(_)) | Some(Payload::FrozenSet(_)))
}

/// Add `key` (hash `h`) to `cell` if absent.
pub fn add_hashed(vm: &Vm, cell: &RefCell<DictData>, h: i64, key: Value) -> PyResult<()> {
    if mapping::find(vm, cell, h, &key)?.is_none() {
        cell.borrow_mut().insert_new(h, key, Value::None);
    }
    Ok(())
}

/// The elements of any iterable as a table (sets are copied without re-hashing).
pub fn table_from_iterable(vm: &Vm, v: &Value) -> PyResult<DictData> {
    if is_set_like(v) {
        if let Some(d) = table_snapshot(v) {
            return Ok(d);
        }
    }
    if let Some(Payload::Dict(d)) = v.payload() {
        if super::call::lookup_user(v.class(), "__iter__").is_none() {
            let mut out = DictData::new();
            for e in d.borrow().iter() {
                out.insert_new(e.hash, e.key.clone(), Value::None);
            }
            return Ok(out);
        }
    }
    let cell = RefCell::new(DictData::new());
    let it = iter::iter(vm, v)?;
    while let Some(x) = iter::next(vm, &it)? {
        let h = ops::hash(vm, &x)?;
        add_hashed(vm, &cell, h, x)?;
    }
    Ok(cell.into_inner())
}

fn contains_entry(vm: &Vm, cell: &RefCell<DictData>, h: i64, key: &Value) -> PyResult<bool> {
    Ok(mapping::find(vm, cell, h, key)?.is_some())
}

fn entries(d: &DictData) -> Vec<(i64, Value)> {
    d.iter().map(|e| (e.hash, e.key.clone())).collect()
}

/// `a | b`.
pub fn union(vm: &Vm, a: DictData, b: &DictData) -> PyResult<DictData> {
    let cell = RefCell::new(a);
    for (h, k) in entries(b) {
        add_hashed(vm, &cell, h, k)?;
    }
    Ok(cell.into_inner())
}

/// `a & b`.
pub fn intersection(vm: &Vm, a: &DictData, b: DictData) -> PyResult<DictData> {
    let (small, big) = if a.len() <= b.len() { (a.clone(), b) } else { (b, a.clone()) };
    let big = RefCell::new(big);
    let out = RefCell::new(DictData::new());
    for (h, k) in entries(&small) {
        if contains_entry(vm, &big, h, &k)? {
            add_hashed(vm, &out, h, k)?;
        }
    }
    Ok(out.into_inner())
}

/// `a - b`.
pub fn difference(vm: &Vm, a: &DictData, b: DictData) -> PyResult<DictData> {
    let b = RefCell::new(b);
    let out = RefCell::new(DictData::new());
    for (h, k) in entries(a) {
        if !contains_entry(vm, &b, h, &k)? {
            out.borrow_mut().insert_new(h, k, Value::None);
        }
    }
    Ok(out.into_inner())
}

/// `a ^ b`.
pub fn symmetric_difference(vm: &Vm, a: &DictData, b: DictData) -> PyResult<DictData> {
    let a_cell = RefCell::new(a.clone());
    let out = RefCell::new(a.clone());
    for (h, k) in entries(&b) {
        if contains_entry(vm, &a_cell, h, &k)? {
            if let Some(ix) = mapping::find(vm, &out, h, &k)? {
                let removed = out.borrow_mut().remove_at(ix);
                drop(removed);
            }
        } else {
            add_hashed(vm, &out, h, k)?;
        }
    }
    Ok(out.into_inner())
}

/// Is every element of `a` in `b`?
pub fn is_subset(vm: &Vm, a: &DictData, b: DictData) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    let b = RefCell::new(b);
    for (h, k) in entries(a) {
        if !contains_entry(vm, &b, h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Do `a` and `b` share no element?
pub fn is_disjoint(vm: &Vm, a: &DictData, b: DictData) -> PyResult<bool> {
    let (small, big) = if a.len() <= b.len() { (a.clone(), b) } else { (b, a.clone()) };
    let big = RefCell::new(big);
    for (h, k) in entries(&small) {
        if contains_entry(vm, &big, h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Rich comparison of two set-like tables (`<=` is "subset of").
pub fn compare_tables(vm: &Vm, a: &DictData, b: DictData, op: crate::bytecode::CmpOp) -> PyResult<bool> {
    use crate::bytecode::CmpOp::*;
    let (la, lb) = (a.len(), b.len());
    Ok(match op {
        Eq => la == lb && is_subset(vm, a, b)?,
        Ne => !(la == lb && is_subset(vm, a, b)?),
        Le => is_subset(vm, a, b)?,
        Lt => la < lb && is_subset(vm, a, b)?,
        Ge => {
            let b_cell = b;
            is_subset(vm, &b_cell, a.clone())?
        }
        Gt => la > lb && is_subset(vm, &b, a.clone())?,
    })
}

/// A new `set` (or `frozenset` when `frozen`) holding `d`.
pub fn new_set_value(d: DictData, frozen: bool) -> Value {
    let t = types();
    if frozen {
        Value::Obj(PyRef::new(&t.frozenset, Payload::FrozenSet(Box::new(d))))
    } else {
        Value::Obj(PyRef::new(&t.set, Payload::Set(Box::new(RefCell::new(d)))))
    }
}

/// `key in frozenset` without copying the table.
pub fn frozen_contains(vm: &Vm, d: &DictData, key: &Value) -> PyResult<bool> {
    let h = ops::hash(vm, key)?;
    match d.find(h, key) {
        Find::Found(_) => Ok(true),
        Find::Absent => Ok(false),
        Find::Unknown(cands) => {
            for ix in cands {
                if let Some(e) = d.entry(ix) {
                    if ops::eq(vm, &e.key.clone(), key)? {
                        return Ok(true);
                    }
                }
            }
            Ok(false)
        }
    }
}
