//! `set` and `frozenset` operations over [`SetTable`], following CPython's `setobject.c`
//! step for step (which table is iterated, which is probed, when the result is pre-sized)
//! so that results come out in CPython's order. Equality may run `__eq__`: no table is
//! borrowed while Python code runs, and a lookup whose table changed meanwhile restarts.

use std::cell::RefCell;

use super::{iter, mapping, ops, PyResult};
use crate::objects::set_table::{Probe, SetTable};
use crate::objects::{types, Payload, PyRef, Value};
use crate::vm::Vm;

/// A set table to read: a `set`'s cell or a `frozenset`'s table.
#[derive(Clone, Copy)]
pub enum TableRef<'a> {
    Cell(&'a RefCell<SetTable>),
    Frozen(&'a SetTable),
}

impl TableRef<'_> {
    pub fn with<R>(&self, f: impl FnOnce(&SetTable) -> R) -> R {
        match self {
            TableRef::Cell(c) => f(&c.borrow()),
            TableRef::Frozen(t) => f(t),
        }
    }
}

/// The table of a `set`/`frozenset` value.
pub fn table_ref(v: &Value) -> Option<TableRef<'_>> {
    match v.payload()? {
        Payload::Set(c) => Some(TableRef::Cell(c)),
        Payload::FrozenSet(t) => Some(TableRef::Frozen(t)),
        _ => None,
    }
}

/// A frozenset from compile-time constants (all hashable without running Python code).
pub fn new_frozenset_from_consts(items: Vec<Value>) -> Value {
    let mut t = SetTable::new();
    for it in items {
        let h = const_hash(&it);
        if let Probe::Absent(slot) = t.probe(h, &it, &[]) {
            t.insert_at(slot, h, it);
        }
    }
    Value::Obj(PyRef::new(&types().frozenset, Payload::FrozenSet(Box::new(t))))
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
    for (h, _) in d.iter() {
        hash ^= shuffle(h as u64);
    }
    hash ^= ((d.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    Ok(if h == -1 { 590923713 } else { h })
}

/// A snapshot of the table of a `set`/`frozenset` value.
pub fn table_snapshot(v: &Value) -> Option<SetTable> {
    table_ref(v).map(|t| t.with(|t| t.clone()))
}

/// Is `v` a `set` or `frozenset` (or an instance of a subclass)?
pub fn is_set_like(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Set(_)) | Some(Payload::FrozenSet(_)))
}

// ----- lookups that may run `__eq__` ------------------------------------------------------

/// Where `key` is (`Ok(Ok(slot))`) or would go (`Ok(Err(slot))`), with the table version
/// the answer is valid for.
fn locate(vm: &Vm, t: TableRef, h: i64, key: &Value) -> PyResult<(Result<usize, usize>, u64)> {
    let mut skip = Vec::new();
    loop {
        let (probe, version) = t.with(|t| (t.probe(h, key, &skip), t.version));
        match probe {
            Probe::Found(s) => return Ok((Ok(s), version)),
            Probe::Absent(s) => return Ok((Err(s), version)),
            Probe::Ask { slot, key: stored } => {
                let equal = ops::eq(vm, &stored, key)?;
                if t.with(|t| t.version) != version {
                    skip.clear();
                    continue;
                }
                if equal {
                    return Ok((Ok(slot), version));
                }
                skip.push(slot);
            }
        }
    }
}

/// `key in t` (hash `h`).
pub fn contains_hashed(vm: &Vm, t: TableRef, h: i64, key: &Value) -> PyResult<bool> {
    Ok(locate(vm, t, h, key)?.0.is_ok())
}

/// Add `key` (hash `h`) to `cell` if absent; true when added.
pub fn add_hashed(vm: &Vm, cell: &RefCell<SetTable>, h: i64, key: Value) -> PyResult<bool> {
    loop {
        let (place, version) = locate(vm, TableRef::Cell(cell), h, &key)?;
        let mut t = cell.borrow_mut();
        if t.version != version {
            continue;
        }
        return Ok(match place {
            Ok(_) => false,
            Err(slot) => {
                t.insert_at(slot, h, key);
                true
            }
        });
    }
}

/// Remove `key` (hash `h`) from `cell`; true when it was there.
pub fn discard_hashed(vm: &Vm, cell: &RefCell<SetTable>, h: i64, key: &Value) -> PyResult<bool> {
    loop {
        let (place, version) = locate(vm, TableRef::Cell(cell), h, key)?;
        let removed = {
            let mut t = cell.borrow_mut();
            if t.version != version {
                continue;
            }
            match place {
                Ok(slot) => t.remove_at(slot),
                Err(_) => return Ok(false),
            }
        };
        drop(removed);
        return Ok(true);
    }
}

// ----- bulk operations (CPython's set_update_internal, set_merge, ...) --------------------

/// `set_merge`: add every element of `other` (a snapshot) to `cell`.
pub fn merge(vm: &Vm, cell: &RefCell<SetTable>, other: &SetTable) -> PyResult<()> {
    if other.is_empty() {
        return Ok(());
    }
    {
        let mut t = cell.borrow_mut();
        t.presize_for(other.len());
        if t.merge_into_empty(other) {
            return Ok(());
        }
    }
    for (h, k) in other.entries() {
        add_hashed(vm, cell, h, k)?;
    }
    Ok(())
}

/// `set_update_internal`: add the elements of any iterable (sets merge table to table,
/// exact dicts add their keys with the stored hashes).
pub fn update_from(vm: &Vm, cell: &RefCell<SetTable>, other: &Value) -> PyResult<()> {
    if let Some(t) = table_snapshot(other) {
        return merge(vm, cell, &t);
    }
    if let Some(Payload::Dict(d)) = other.payload() {
        if other.class().is(&types().dict) {
            let items: Vec<(i64, Value)> = d.borrow().iter().map(|e| (e.hash, e.key.clone())).collect();
            cell.borrow_mut().presize_for(items.len());
            for (h, k) in items {
                add_hashed(vm, cell, h, k)?;
            }
            return Ok(());
        }
    }
    let it = iter::iter(vm, other)?;
    while let Some(x) = iter::next(vm, &it)? {
        let h = ops::hash(vm, &x)?;
        add_hashed(vm, cell, h, x)?;
    }
    Ok(())
}

/// The table `set(v)` builds.
pub fn table_from_iterable(vm: &Vm, v: &Value) -> PyResult<SetTable> {
    let cell = RefCell::new(SetTable::new());
    update_from(vm, &cell, v)?;
    Ok(cell.into_inner())
}

/// `set_intersection(so, other)`.
pub fn intersection(vm: &Vm, so: &Value, other: &Value) -> PyResult<SetTable> {
    let mine = table_snapshot(so).unwrap_or_default();
    if so.is(other) {
        return Ok(mine.copy());
    }
    let out = RefCell::new(SetTable::new());
    if let Some(theirs) = table_snapshot(other) {
        // Iterate the smaller table, probe the larger one.
        let (big, small) = if theirs.len() > mine.len() { (theirs, mine) } else { (mine, theirs) };
        for (h, k) in small.entries() {
            if contains_hashed(vm, TableRef::Frozen(&big), h, &k)? {
                add_hashed(vm, &out, h, k)?;
            }
        }
        return Ok(out.into_inner());
    }
    let it = iter::iter(vm, other)?;
    while let Some(k) = iter::next(vm, &it)? {
        let h = ops::hash(vm, &k)?;
        if contains_hashed(vm, TableRef::Frozen(&mine), h, &k)? {
            add_hashed(vm, &out, h, k)?;
        }
    }
    Ok(out.into_inner())
}

/// `set_difference_update_internal`: remove the elements of `other` from `cell` (`same`:
/// `other` is the set itself).
pub fn difference_update(vm: &Vm, cell: &RefCell<SetTable>, other: &Value, same: bool) -> PyResult<()> {
    if same {
        let old = cell.borrow_mut().clear();
        drop(old);
        return Ok(());
    }
    if let Some(theirs) = table_snapshot(other) {
        for (h, k) in theirs.entries() {
            discard_hashed(vm, cell, h, &k)?;
        }
    } else {
        let it = iter::iter(vm, other)?;
        while let Some(k) = iter::next(vm, &it)? {
            let h = ops::hash(vm, &k)?;
            discard_hashed(vm, cell, h, &k)?;
        }
    }
    cell.borrow_mut().shrink_dummies();
    Ok(())
}

/// `set_difference(so, other)`.
pub fn difference(vm: &Vm, so: &Value, other: &Value) -> PyResult<SetTable> {
    let mine = table_snapshot(so).unwrap_or_default();
    let exact_dict = matches!(other.payload(), Some(Payload::Dict(_))) && other.class().is(&types().dict);
    let other_size = match table_ref(other) {
        Some(t) => Some(t.with(|t| t.len())),
        None if exact_dict => Some(crate::objects::dict::len(other.as_obj().expect("dict object"))),
        None => None,
    };
    let copy_and_difference = |vm: &Vm| -> PyResult<SetTable> {
        let cell = RefCell::new(mine.copy());
        difference_update(vm, &cell, other, so.is(other))?;
        Ok(cell.into_inner())
    };
    let Some(other_size) = other_size else {
        return copy_and_difference(vm);
    };
    if (mine.len() >> 2) > other_size {
        return copy_and_difference(vm);
    }
    let out = RefCell::new(SetTable::new());
    if exact_dict {
        let Some(Payload::Dict(d)) = other.payload() else { unreachable!("checked above") };
        for (h, k) in mine.entries() {
            if mapping::find(vm, d, h, &k)?.is_none() {
                add_hashed(vm, &out, h, k)?;
            }
        }
        return Ok(out.into_inner());
    }
    let theirs = table_snapshot(other).unwrap_or_default();
    for (h, k) in mine.entries() {
        if !contains_hashed(vm, TableRef::Frozen(&theirs), h, &k)? {
            add_hashed(vm, &out, h, k)?;
        }
    }
    Ok(out.into_inner())
}

/// `set_symmetric_difference_update(cell, other)` (`same`: `other` is the set itself).
pub fn symmetric_difference_update(vm: &Vm, cell: &RefCell<SetTable>, other: &Value, same: bool) -> PyResult<()> {
    if same {
        let old = cell.borrow_mut().clear();
        drop(old);
        return Ok(());
    }
    let entries: Vec<(i64, Value)> = match other.payload() {
        Some(Payload::Dict(d)) if other.class().is(&types().dict) => d.borrow().iter().map(|e| (e.hash, e.key.clone())).collect(),
        _ => match table_snapshot(other) {
            Some(t) => t.entries(),
            None => table_from_iterable(vm, other)?.entries(),
        },
    };
    for (h, k) in entries {
        if !discard_hashed(vm, cell, h, &k)? {
            add_hashed(vm, cell, h, k)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference(so, other)`: a copy of `other` updated with `so`.
pub fn symmetric_difference(vm: &Vm, so: &Value, other: &Value) -> PyResult<SetTable> {
    let cell = RefCell::new(table_from_iterable(vm, other)?);
    symmetric_difference_update(vm, &cell, so, false)?;
    Ok(cell.into_inner())
}

/// Is every element of `a` in `b`?
pub fn is_subset(vm: &Vm, a: &SetTable, b: &SetTable) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k) in a.entries() {
        if !contains_hashed(vm, TableRef::Frozen(b), h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `so.isdisjoint(other)`.
pub fn is_disjoint(vm: &Vm, so: &Value, other: &Value) -> PyResult<bool> {
    let mine = table_snapshot(so).unwrap_or_default();
    if so.is(other) {
        return Ok(mine.is_empty());
    }
    if let Some(theirs) = table_snapshot(other) {
        let (big, small) = if theirs.len() > mine.len() { (theirs, mine) } else { (mine, theirs) };
        for (h, k) in small.entries() {
            if contains_hashed(vm, TableRef::Frozen(&big), h, &k)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = iter::iter(vm, other)?;
    while let Some(k) = iter::next(vm, &it)? {
        let h = ops::hash(vm, &k)?;
        if contains_hashed(vm, TableRef::Frozen(&mine), h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Rich comparison of two set-like tables (`<=` is "subset of").
pub fn compare_tables(vm: &Vm, a: &SetTable, b: &SetTable, op: crate::bytecode::CmpOp) -> PyResult<bool> {
    use crate::bytecode::CmpOp::*;
    let (la, lb) = (a.len(), b.len());
    Ok(match op {
        Eq => la == lb && is_subset(vm, a, b)?,
        Ne => !(la == lb && is_subset(vm, a, b)?),
        Le => is_subset(vm, a, b)?,
        Lt => la < lb && is_subset(vm, a, b)?,
        Ge => is_subset(vm, b, a)?,
        Gt => la > lb && is_subset(vm, b, a)?,
    })
}

/// A new `set` (or `frozenset` when `frozen`) holding `t`.
pub fn new_set_value(t: SetTable, frozen: bool) -> Value {
    let ty = types();
    if frozen {
        Value::Obj(PyRef::new(&ty.frozenset, Payload::FrozenSet(Box::new(t))))
    } else {
        Value::Obj(PyRef::new(&ty.set, Payload::Set(Box::new(RefCell::new(t)))))
    }
}

/// The hash of a set element; a `set` is looked up as the equal frozenset (as CPython's
/// `set_contains`/`remove`/`discard` retry an unhashable set key).
pub fn element_hash(vm: &Vm, key: &Value) -> PyResult<(i64, Value)> {
    if let Some(Payload::Set(d)) = key.payload() {
        let frozen = new_set_value(d.borrow().copy(), true);
        return Ok((ops::hash(vm, &frozen)?, frozen));
    }
    Ok((ops::hash(vm, key)?, key.clone()))
}

/// `key in s` for a set or frozenset value.
pub fn contains(vm: &Vm, s: &Value, key: &Value) -> PyResult<bool> {
    let Some(t) = table_ref(s) else { return Ok(false) };
    let (h, key) = element_hash(vm, key)?;
    contains_hashed(vm, t, h, &key)
}
