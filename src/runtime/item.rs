//! Subscription and membership: `x[k]`, `x[k] = v`, `del x[k]` (integer indices and slices
//! of the builtin sequences, dict keys, `__getitem__` & co. of user classes,
//! `__class_getitem__` of classes) and `in`.

use super::call::{call_bound, lookup_user};
use super::{mapping, ops, Args, PyErr, PyResult};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{list, types, Payload, PyRef, Value};
use crate::vm::Vm;

/// Resolved slice bounds for a sequence of length `len` (`slice.indices`).
pub fn slice_indices(start: &Value, stop: &Value, step: &Value, len: usize) -> PyResult<(isize, isize, isize)> {
    let len = len as isize;
    let get = |v: &Value| -> PyResult<Option<isize>> {
        if v.is_none() {
            return Ok(None);
        }
        match ops::index_bigint_novm(v)? {
            Some(b) => Ok(Some(num_traits::ToPrimitive::to_isize(&b).unwrap_or(if num_traits::Signed::is_negative(&b) {
                isize::MIN
            } else {
                isize::MAX
            }))),
            None => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
        }
    };
    let step = get(step)?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<isize>, default: isize| -> isize {
        match v {
            None => default,
            Some(i) if i < 0 => (i.saturating_add(len)).max(lo),
            Some(i) => i.min(hi),
        }
    };
    let start = clamp(get(start)?, if step < 0 { hi } else { lo });
    let stop = clamp(get(stop)?, if step < 0 { lo } else { hi });
    Ok((start, stop, step))
}

/// The positions a slice selects.
pub fn slice_positions(start: isize, stop: isize, step: isize) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
            Some(r)
        } else {
            None
        }
    })
}

fn norm_index(key: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => match ops::index_bigint_novm(key)? {
            Some(b) => num_traits::ToPrimitive::to_i64(&b)
                .ok_or_else(|| PyErr::index_error(format!("cannot fit '{}' into an index-sized integer", type_name(key))))?,
            // `str` words its message differently from the other sequences.
            None if what == "string" => {
                return Err(PyErr::type_error(format!("string indices must be integers, not '{}'", type_name(key))))
            }
            None => return Err(PyErr::type_error(format!("{what} indices must be integers or slices, not {}", type_name(key)))),
        },
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(PyErr::index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

fn slice_parts(key: &Value) -> Option<(&Value, &Value, &Value)> {
    match key.payload() {
        Some(Payload::Slice { start, stop, step }) => Some((start, stop, step)),
        _ => None,
    }
}

/// `container[key]`.
/// `list[i]` / `tuple[i]` with an in-range small int on an exact list or tuple: the
/// value without any protocol dispatch; `None` for everything else (including errors,
/// which the general path reports).
#[inline]
pub fn getitem_fast(container: &Value, key: &Value) -> Option<Value> {
    let (Value::Obj(o), Value::Int(i)) = (container, key) else { return None };
    let t = crate::objects::types();
    match &o.payload {
        Payload::List(l) if o.class().is(&t.list) => {
            // SAFETY: the borrow lives only for reading one item and counting it (no
            // Python code runs, so nothing can mutate the list meanwhile); a list being
            // mutated (a mutable borrow active) makes this `Err` and the general path runs.
            let items = unsafe { l.try_borrow_unguarded() }.ok()?;
            let j = if *i < 0 { i.checked_add(items.len() as i64)? } else { *i };
            items.get(usize::try_from(j).ok()?).cloned()
        }
        Payload::Tuple(items) if o.class().is(&t.tuple) => {
            let j = if *i < 0 { i.checked_add(items.len() as i64)? } else { *i };
            items.get(usize::try_from(j).ok()?).cloned()
        }
        _ => None,
    }
}

/// `list[i] = v` with an in-range small int on an exact list; gives `v` back when the
/// general path must handle the store.
#[inline]
pub fn setitem_fast(container: &Value, key: &Value, value: Value) -> Result<(), Value> {
    let (Value::Obj(o), Value::Int(i)) = (container, key) else { return Err(value) };
    match &o.payload {
        Payload::List(l) if o.class().is(&crate::objects::types().list) => {
            let old = {
                let mut items = l.borrow_mut();
                let j = if *i < 0 { i.checked_add(items.len() as i64) } else { Some(*i) };
                match j.and_then(|j| usize::try_from(j).ok()).and_then(|j| items.get_mut(j)) {
                    Some(slot) => std::mem::replace(slot, value),
                    None => return Err(value),
                }
            };
            // Dropped after the borrow ends: a `__del__` may touch the list.
            drop(old);
            Ok(())
        }
        _ => Err(value),
    }
}

pub fn getitem(vm: &Vm, container: &Value, key: &Value) -> PyResult<Value> {
    if let Some(f) = lookup_user(container.class(), "__getitem__") {
        return call_bound(vm, &f, container, Args::new(&[key.clone()]));
    }
    getitem_impl(vm, container, key, false)
}

/// `container[key]` by the builtin payload, ignoring `__getitem__` overrides (the
/// `__getitem__` of the builtin types).
pub fn getitem_builtin(vm: &Vm, container: &Value, key: &Value) -> PyResult<Value> {
    getitem_impl(vm, container, key, true)
}

fn getitem_impl(vm: &Vm, container: &Value, key: &Value, slot_only: bool) -> PyResult<Value> {
    match container.payload() {
        Some(Payload::List(l)) => {
            if let Some((a, b, c)) = slice_parts(key) {
                let items = l.borrow();
                let (s, e, st) = slice_indices(a, b, c, items.len())?;
                return Ok(Value::new_list(slice_positions(s, e, st).map(|i| items[i].clone()).collect()));
            }
            let items = l.borrow();
            let i = norm_index(key, items.len(), "list")?;
            Ok(items[i].clone())
        }
        Some(Payload::Tuple(t)) => {
            if let Some((a, b, c)) = slice_parts(key) {
                let (s, e, st) = slice_indices(a, b, c, t.len())?;
                return Ok(Value::new_tuple(slice_positions(s, e, st).map(|i| t[i].clone()).collect()));
            }
            Ok(t[norm_index(key, t.len(), "tuple")?].clone())
        }
        Some(Payload::Str(s)) => {
            if let Some((a, b, c)) = slice_parts(key) {
                let (st, en, stp) = slice_indices(a, b, c, s.char_len())?;
                if stp == 1 {
                    return Ok(Value::new_str(if en > st { s.substring(st as usize, en as usize) } else { "" }));
                }
                let chars: Vec<char> = s.as_str().chars().collect();
                return Ok(Value::new_str(slice_positions(st, en, stp).map(|i| chars[i]).collect::<String>()));
            }
            let i = norm_index(key, s.char_len(), "string")?;
            Ok(Value::new_str(s.char_at(i).map(String::from).unwrap_or_default()))
        }
        Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => {
            crate::objects::bytes::getitem(vm, container, key).unwrap_or_else(|| Err(PyErr::type_error("bytes expected")))
        }
        Some(Payload::Dict(d)) => match mapping::get(vm, d, key)? {
            Some(v) => Ok(v),
            None => {
                if let Some(missing) = lookup_user(container.class(), "__missing__") {
                    return call_bound(vm, &missing, container, Args::new(&[key.clone()]));
                }
                Err(PyErr::key_error(key.clone()))
            }
        },
        Some(Payload::Range { .. }) => {
            crate::objects::range::getitem(vm, container, key).unwrap_or_else(|| Err(PyErr::type_error("range expected")))
        }
        Some(Payload::MappingProxy(m)) => getitem(vm, m, key),
        Some(Payload::Type(_)) => {
            let cls = container.as_obj().cloned().ok_or_else(|| PyErr::type_error("type expected"))?;
            // A metaclass `__getitem__` (e.g. `Color["RED"]` on an enum) comes first.
            if let Some(f) = lookup_user(cls.class(), "__getitem__") {
                return call_bound(vm, &f, container, Args::new(&[key.clone()]));
            }
            if let Some(f) = typeobj::lookup(&cls, "__class_getitem__") {
                let f = match f.payload() {
                    Some(Payload::ClassMethod(inner)) => inner.clone(),
                    _ => f,
                };
                return super::call::call(vm, &f, Args::new(&[container.clone(), key.clone()]));
            }
            Err(PyErr::type_error(format!("type '{}' is not subscriptable", typeobj::name_of(&cls))))
        }
        _ => match typeobj::lookup(container.class(), "__getitem__").filter(|_| !slot_only) {
            Some(f) => call_bound(vm, &f, container, Args::new(&[key.clone()])),
            None => Err(PyErr::type_error(format!("'{}' object is not subscriptable", type_name(container)))),
        },
    }
}

/// `container[key] = value`.
pub fn setitem(vm: &Vm, container: &Value, key: &Value, value: Value) -> PyResult<()> {
    if let Some(f) = lookup_user(container.class(), "__setitem__") {
        call_bound(vm, &f, container, Args::new(&[key.clone(), value]))?;
        return Ok(());
    }
    setitem_impl(vm, container, key, value, false)
}

/// `container[key] = value` by the builtin payload (the builtin types' `__setitem__`).
pub fn setitem_builtin(vm: &Vm, container: &Value, key: &Value, value: Value) -> PyResult<()> {
    setitem_impl(vm, container, key, value, true)
}

fn setitem_impl(vm: &Vm, container: &Value, key: &Value, value: Value, slot_only: bool) -> PyResult<()> {
    match container.payload() {
        Some(Payload::List(l)) => {
            if let Some((a, b, c)) = slice_parts(key) {
                if super::iter::iter(vm, &value).is_err() {
                    return Err(PyErr::type_error("can only assign an iterable"));
                }
                let new_items = super::iter::collect(vm, &value)?;
                let mut items = l.borrow_mut();
                let (s, e, st) = slice_indices(a, b, c, items.len())?;
                if st == 1 {
                    let e = e.max(s);
                    let removed: Vec<Value> = items.splice(s as usize..e as usize, new_items).collect();
                    drop(items);
                    drop(removed);
                    return Ok(());
                }
                let positions: Vec<usize> = slice_positions(s, e, st).collect();
                if positions.len() != new_items.len() {
                    return Err(PyErr::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        positions.len()
                    )));
                }
                for (p, v) in positions.into_iter().zip(new_items) {
                    items[p] = v;
                }
                return Ok(());
            }
            let old = {
                let mut items = l.borrow_mut();
                let i = norm_index(key, items.len(), "list assignment")?;
                std::mem::replace(&mut items[i], value)
            };
            drop(old);
            Ok(())
        }
        Some(Payload::Dict(d)) => mapping::set(vm, d, key.clone(), value),
        Some(Payload::ByteArray(_)) => crate::objects::bytes::setitem(vm, container, key, Some(&value)).unwrap_or(Ok(())),
        _ => match typeobj::lookup(container.class(), "__setitem__").filter(|_| !slot_only) {
            Some(f) => call_bound(vm, &f, container, Args::new(&[key.clone(), value])).map(|_| ()),
            None => Err(PyErr::type_error(format!("'{}' object does not support item assignment", type_name(container)))),
        },
    }
}

/// `del container[key]`.
pub fn delitem(vm: &Vm, container: &Value, key: &Value) -> PyResult<()> {
    if let Some(f) = lookup_user(container.class(), "__delitem__") {
        call_bound(vm, &f, container, Args::new(&[key.clone()]))?;
        return Ok(());
    }
    delitem_impl(vm, container, key, false)
}

/// `del container[key]` by the builtin payload (the builtin types' `__delitem__`).
pub fn delitem_builtin(vm: &Vm, container: &Value, key: &Value) -> PyResult<()> {
    delitem_impl(vm, container, key, true)
}

fn delitem_impl(vm: &Vm, container: &Value, key: &Value, slot_only: bool) -> PyResult<()> {
    match container.payload() {
        Some(Payload::List(l)) => {
            if let Some((a, b, c)) = slice_parts(key) {
                let removed: Vec<Value> = {
                    let mut items = l.borrow_mut();
                    let (s, e, st) = slice_indices(a, b, c, items.len())?;
                    if st == 1 {
                        // One contiguous run: a single move of the tail. The removed
                        // items are released last to first, as CPython does.
                        if s < e {
                            items.drain(s as usize..e as usize).rev().collect()
                        } else {
                            Vec::new()
                        }
                    } else {
                        // One pass that keeps the items not selected, so deleting k items
                        // costs O(len), not O(k * len) (removing one at a time). The removed
                        // items are released in index order, as CPython does.
                        let mut positions: Vec<usize> = slice_positions(s, e, st).collect();
                        positions.sort_unstable();
                        let mut out = Vec::with_capacity(positions.len());
                        let mut kept = Vec::with_capacity(items.len() - positions.len());
                        let mut next = positions.iter().peekable();
                        for (i, v) in items.drain(..).enumerate() {
                            if next.peek() == Some(&&i) {
                                next.next();
                                out.push(v);
                            } else {
                                kept.push(v);
                            }
                        }
                        *items = kept;
                        out
                    }
                };
                drop(removed);
                return Ok(());
            }
            let old = {
                let mut items = l.borrow_mut();
                let i = norm_index(key, items.len(), "list assignment")?;
                items.remove(i)
            };
            drop(old);
            Ok(())
        }
        Some(Payload::Dict(d)) => match mapping::remove(vm, d, key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.clone())),
        },
        Some(Payload::ByteArray(_)) => crate::objects::bytes::setitem(vm, container, key, None).unwrap_or(Ok(())),
        _ => match typeobj::lookup(container.class(), "__delitem__").filter(|_| !slot_only) {
            Some(f) => call_bound(vm, &f, container, Args::new(&[key.clone()])).map(|_| ()),
            None => Err(no_item_deletion(container, key)),
        },
    }
}

/// The error for `del container[key]` on a type without item deletion. CPython words it
/// two ways: "doesn't" when the type has sequence methods and the key is an index (the
/// sequence path refused), "does not" otherwise.
#[cold]
fn no_item_deletion(container: &Value, key: &Value) -> PyErr {
    let class = container.class();
    let sequence_like = typeobj::type_data(class).is_some_and(|t| t.heap)
        || ["__len__", "__contains__", "__getitem__"].iter().any(|m| typeobj::lookup(class, m).is_some());
    let index_key = super::ops::has_index(key);
    let verb = if sequence_like && index_key { "doesn't" } else { "does not" };
    PyErr::type_error(format!("'{}' object {verb} support item deletion", type_name(container)))
}

/// `item in container`.
pub fn contains(vm: &Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(f) = lookup_user(container.class(), "__contains__") {
        let r = call_bound(vm, &f, container, Args::new(&[item.clone()]))?;
        return ops::truthy(vm, &r);
    }
    contains_impl(vm, container, item, false)
}

/// `item in container` by the builtin payload (the builtin types' `__contains__`).
pub fn contains_builtin(vm: &Vm, container: &Value, item: &Value) -> PyResult<bool> {
    contains_impl(vm, container, item, true)
}

fn contains_impl(vm: &Vm, container: &Value, item: &Value, slot_only: bool) -> PyResult<bool> {
    match container.payload() {
        Some(Payload::Str(s)) => match item.as_str() {
            Some(sub) => Ok(s.as_str().contains(sub.as_str())),
            None => Err(PyErr::type_error(format!("'in <string>' requires string as left operand, not {}", type_name(item)))),
        },
        Some(Payload::Dict(d)) => mapping::contains(vm, d, item),
        Some(Payload::Set(_)) | Some(Payload::FrozenSet(_)) => super::set::contains(vm, container, item),
        Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => crate::objects::bytes::contains(vm, container, item).unwrap_or(Ok(false)),
        Some(Payload::DictView { dict, kind }) => crate::objects::dict_view::contains(vm, dict, *kind, item),
        Some(Payload::MappingProxy(m)) => contains(vm, m, item),
        Some(Payload::List(l)) => {
            let items = l.borrow().clone();
            for x in &items {
                if ops::eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(Payload::Tuple(t)) => {
            for x in t.iter() {
                if ops::eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(Payload::Range { .. }) => crate::objects::range::contains(vm, container, item),
        _ => {
            if let Some(f) = typeobj::lookup(container.class(), "__contains__").filter(|_| !slot_only) {
                let r = call_bound(vm, &f, container, Args::new(&[item.clone()]))?;
                return ops::truthy(vm, &r);
            }
            let it = super::iter::iter(vm, container).map_err(|e| {
                if e.is("TypeError") {
                    PyErr::type_error(format!("argument of type '{}' is not iterable", type_name(container)))
                } else {
                    e
                }
            })?;
            while let Some(x) = super::iter::next(vm, &it)? {
                if ops::eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// A new slice object.
pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    Value::Obj(PyRef::new(&types().slice, Payload::Slice { start, stop, step }))
}

/// `list(iterable)` as a new list value.
pub fn to_list(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Obj(list::new_list(super::iter::collect(vm, v)?)))
}
