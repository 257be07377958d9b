//! Iteration: `iter()`, `next()` and collecting an iterable, with Rust fast paths for the
//! builtin containers and the `__iter__`/`__next__`/`__getitem__` protocols for the rest.

use std::cell::Cell;

use super::call::{call_method_opt, lookup_user};
use super::{PyErr, PyResult};
use crate::objects::typeobj::type_name;
use crate::objects::{types, Payload, PyRef, Value};
use crate::vm::Vm;

/// An iterator implemented in Rust (`zip`, `map`, `enumerate`, ...). `next` takes `&self`
/// and implementations keep their mutable state in cells, updated only between calls
/// into Python: the callback of `map(f, it)` may itself call `next` on the same
/// iterator, as CPython allows.
pub trait NativeIterator {
    /// The next item, or `None` when exhausted.
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>>;
}

/// `iter(v)`.
pub fn iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    if lookup_user(v.class(), "__iter__").is_none() {
        if let Some(r) = iter_builtin(vm, v) {
            return r;
        }
    }
    iter_protocol(vm, v)
}

/// `iter(v)` by the builtin payload, ignoring `__iter__` overrides; `None` when the
/// payload is not iterable by itself.
pub fn iter_builtin(vm: &Vm, v: &Value) -> Option<PyResult<Value>> {
    let t = types();
    let seq_iter = |cls: usize| {
        Value::Obj(PyRef::new(&t.seq_iterators[cls], Payload::SeqIter { seq: v.clone(), index: Cell::new(0), done: Cell::new(false) }))
    };
    Some(match v.payload()? {
        Payload::List(_) => Ok(seq_iter(0)),
        Payload::Tuple(_) => Ok(seq_iter(1)),
        Payload::Str(s) => Ok(seq_iter(if s.char_len() == s.as_str().len() { 2 } else { 3 })),
        Payload::Bytes(_) => Ok(seq_iter(4)),
        Payload::ByteArray(_) => Ok(seq_iter(5)),
        Payload::Range { .. } => crate::objects::range::iter(v).ok_or_else(|| PyErr::type_error("range expected")),
        Payload::Dict(_) => Ok(dict_iter(v.as_obj()?.clone(), 0)),
        Payload::DictView { dict, kind } => Ok(dict_iter(dict.clone(), *kind)),
        Payload::MappingProxy(m) => iter(vm, m),
        Payload::Set(_) | Payload::FrozenSet(_) => {
            let len = super::ops::len_builtin(v)?.unwrap_or(0);
            Ok(Value::Obj(PyRef::new(&t.set_iterator, Payload::DictIter { dict: v.as_obj()?.clone(), pos: Cell::new(0), len, kind: 3 })))
        }
        Payload::SeqIter { .. } | Payload::RangeIter { .. } | Payload::DictIter { .. } | Payload::NativeIter(_) | Payload::Generator(_) => {
            Ok(v.clone())
        }
        _ => return None,
    })
}

/// `iter(v)` through `__iter__` or the `__getitem__` sequence protocol.
fn iter_protocol(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = types();
    if let Some(it) = call_method_opt(vm, v, "__iter__", &[])? {
        if crate::objects::typeobj::lookup(it.class(), "__next__").is_none() && !is_native_iter(&it) {
            return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", type_name(&it))));
        }
        return Ok(it);
    }
    if crate::objects::typeobj::lookup(v.class(), "__getitem__").is_some() {
        return Ok(Value::Obj(PyRef::new(
            &t.seq_iterator,
            Payload::SeqIter { seq: v.clone(), index: Cell::new(0), done: Cell::new(false) },
        )));
    }
    Err(PyErr::type_error(format!("'{}' object is not iterable", type_name(v))))
}

/// A new iterator over `dict`'s keys, values or items (`kind` 0, 1, 2).
pub fn dict_iter(dict: PyRef, kind: u8) -> Value {
    let t = types();
    let len = crate::objects::dict::len(&dict);
    let cls = match kind {
        0 => &t.dict_keyiterator,
        1 => &t.dict_valueiterator,
        _ => &t.dict_itemiterator,
    };
    Value::Obj(PyRef::new(cls, Payload::DictIter { dict, pos: Cell::new(0), len, kind }))
}

fn is_native_iter(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(Payload::SeqIter { .. }) | Some(Payload::RangeIter { .. }) | Some(Payload::DictIter { .. }) | Some(Payload::NativeIter(_))
    )
}

/// [`next`] for the `ForIter` instruction: a range iterator (the `for i in range(n)`
/// loop) and a list iterator are stepped here, inlined into the dispatch loop; everything
/// else (and a list iterator at its end) goes through [`next`].
#[inline(always)]
pub fn for_iter_next(vm: &Vm, it: &Value) -> PyResult<Option<Value>> {
    if let Value::Obj(o) = it {
        match &o.payload {
            Payload::RangeIter { next, stop, step } => return Ok(range_step(next, *stop, *step)),
            Payload::SeqIter { seq: Value::Obj(s), index, done } if !done.get() => {
                if let Payload::List(l) = &s.payload {
                    let i = index.get();
                    if let Some(v) = l.borrow().get(i) {
                        index.set(i + 1);
                        return Ok(Some(v.clone()));
                    }
                }
            }
            _ => {}
        }
    }
    next(vm, it)
}

/// One step of a range iterator (`None`: exhausted).
#[inline(always)]
fn range_step(next: &Cell<i64>, stop: i64, step: i64) -> Option<Value> {
    let n = next.get();
    if (step > 0 && n < stop) || (step < 0 && n > stop) {
        next.set(n + step);
        return Some(Value::Int(n));
    }
    None
}

/// `next(it)`, with exhaustion as `Ok(None)` instead of `StopIteration`.
pub fn next(vm: &Vm, it: &Value) -> PyResult<Option<Value>> {
    match it.payload() {
        Some(Payload::RangeIter { next, stop, step }) => return Ok(range_step(next, *stop, *step)),
        Some(Payload::SeqIter { seq, index, done }) => {
            if done.get() {
                return Ok(None);
            }
            let i = index.get();
            let item = match seq.payload() {
                Some(Payload::List(l)) => l.borrow().get(i).cloned(),
                Some(Payload::Tuple(t)) => t.get(i).cloned(),
                Some(Payload::Str(s)) => s.char_at(i).map(|c| Value::new_str(c.to_string())),
                Some(Payload::Bytes(b)) => b.get(i).map(|&x| Value::Int(x as i64)),
                Some(Payload::ByteArray(b)) => b.borrow().get(i).map(|&x| Value::Int(x as i64)),
                _ => match call_method_opt(vm, seq, "__getitem__", &[Value::Int(i as i64)]) {
                    Ok(v) => v,
                    Err(e) if e.is("IndexError") || e.is("StopIteration") => None,
                    Err(e) => return Err(e),
                },
            };
            match item {
                Some(v) => {
                    index.set(i + 1);
                    Ok(Some(v))
                }
                None => {
                    done.set(true);
                    Ok(None)
                }
            }
        }
        Some(Payload::DictIter { dict, pos, len, kind: 3 }) => {
            let Some(t) = super::set::table_ref(&Value::Obj(dict.clone())).map(|t| t.with(|t| (t.len(), t.next_from(pos.get())))) else {
                return Ok(None);
            };
            if t.0 != *len {
                pos.set(usize::MAX / 2);
                return Err(PyErr::runtime_error("Set changed size during iteration"));
            }
            match t.1 {
                Some((next, key)) => {
                    pos.set(next);
                    Ok(Some(key))
                }
                None => {
                    pos.set(usize::MAX / 2);
                    Ok(None)
                }
            }
        }
        Some(Payload::DictIter { dict, pos, len, kind }) => {
            let guard;
            let d: &crate::objects::DictData = match &dict.payload {
                Payload::Dict(cell) => {
                    guard = cell.borrow();
                    &guard
                }
                _ => return Ok(None),
            };
            if d.len() != *len {
                pos.set(usize::MAX / 2);
                return Err(PyErr::runtime_error("dictionary changed size during iteration"));
            }
            let mut p = pos.get();
            while let Some(slot) = d.slot(p) {
                p += 1;
                if let Some(e) = slot {
                    pos.set(p);
                    return Ok(Some(match kind {
                        0 => e.key.clone(),
                        1 => e.value.clone(),
                        _ => Value::new_tuple(vec![e.key.clone(), e.value.clone()]),
                    }));
                }
            }
            pos.set(p);
            Ok(None)
        }
        // A Python subclass of `map`, `enumerate`, ... may override `__next__`.
        Some(Payload::NativeIter(_)) if lookup_user(it.class(), "__next__").is_some() => next_by_method(vm, it),
        Some(Payload::NativeIter(_)) => next_builtin(vm, it),
        Some(Payload::Generator(_)) => crate::vm::generator::next(vm, it),
        _ => next_by_method(vm, it),
    }
}

/// `next` through the type's `__next__` method.
fn next_by_method(vm: &Vm, it: &Value) -> PyResult<Option<Value>> {
    match crate::objects::typeobj::lookup(it.class(), "__next__") {
        Some(f) => match super::call::call_bound(vm, &f, it, super::Args::new(&[])) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is("StopIteration") => Ok(None),
            Err(e) => Err(e),
        },
        None => Err(PyErr::type_error(format!("'{}' object is not an iterator", type_name(it)))),
    }
}

/// [`next`] by the builtin payload, ignoring a subclass's `__next__` (what the builtin
/// iterators' own `__next__` method runs).
pub fn next_builtin(vm: &Vm, it: &Value) -> PyResult<Option<Value>> {
    match it.payload() {
        // As in CPython, a `StopIteration` escaping a native iterator (raised by a callback
        // such as `map`'s function) ends the iteration.
        Some(Payload::NativeIter(n)) => match n.next(vm) {
            Err(e) if e.is("StopIteration") => Ok(None),
            r => r,
        },
        _ => next(vm, it),
    }
}

/// All items of an iterable.
pub fn collect(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.payload() {
        Some(Payload::List(l)) if lookup_user(v.class(), "__iter__").is_none() => return Ok(l.borrow().clone()),
        Some(Payload::Tuple(t)) if lookup_user(v.class(), "__iter__").is_none() => return Ok(t.to_vec()),
        _ => {}
    }
    let it = iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
    }
    Ok(out)
}
