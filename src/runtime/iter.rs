//! Iteration: `iter()`, `next()` and collecting an iterable, with Rust fast paths for the
//! builtin containers and the `__iter__`/`__next__`/`__getitem__` protocols for the rest.

use std::cell::Cell;

use super::call::{call_method_opt, lookup_user};
use super::{PyErr, PyResult};
use crate::objects::typeobj::type_name;
use crate::objects::{types, Payload, PyRef, Value};
use crate::vm::Vm;

/// An iterator implemented in Rust (`zip`, `map`, `enumerate`, ...).
pub trait NativeIterator {
    /// The next item, or `None` when exhausted.
    fn next(&mut self, vm: &Vm) -> PyResult<Option<Value>>;
}

/// `iter(v)`.
pub fn iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = types();
    if lookup_user(v.class(), "__iter__").is_none() {
        let seq_iter = |seq: &Value| {
            Value::Obj(PyRef::new(&t.seq_iterator, Payload::SeqIter { seq: seq.clone(), index: Cell::new(0), done: Cell::new(false) }))
        };
        match v.payload() {
            Some(Payload::List(_)) | Some(Payload::Tuple(_)) | Some(Payload::Str(_)) | Some(Payload::Bytes(_)) => return Ok(seq_iter(v)),
            Some(Payload::Range { start, step, .. }) => {
                let (a, s) = (super::ops::index_value(start)?, super::ops::index_value(step)?);
                let n = super::ops::range_len(v)? as i64;
                return Ok(Value::Obj(PyRef::new(
                    &t.range_iterator,
                    Payload::RangeIter { next: Cell::new(a), stop: a.saturating_add(n.saturating_mul(s)), step: s },
                )));
            }
            Some(Payload::Dict(_)) => {
                let d = v.as_obj().cloned().ok_or_else(|| PyErr::type_error("dict expected"))?;
                let len = crate::objects::dict::len(&d);
                return Ok(Value::Obj(PyRef::new(&t.dict_keyiterator, Payload::DictIter { dict: d, pos: Cell::new(0), len, kind: 0 })));
            }
            Some(Payload::SeqIter { .. })
            | Some(Payload::RangeIter { .. })
            | Some(Payload::DictIter { .. })
            | Some(Payload::NativeIter(_))
            | Some(Payload::Generator(_)) => return Ok(v.clone()),
            _ => {}
        }
    }
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

fn is_native_iter(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(Payload::SeqIter { .. }) | Some(Payload::RangeIter { .. }) | Some(Payload::DictIter { .. }) | Some(Payload::NativeIter(_))
    )
}

/// `next(it)`, with exhaustion as `Ok(None)` instead of `StopIteration`.
pub fn next(vm: &Vm, it: &Value) -> PyResult<Option<Value>> {
    match it.payload() {
        Some(Payload::RangeIter { next, stop, step }) => {
            let n = next.get();
            if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                next.set(n + step);
                return Ok(Some(Value::Int(n)));
            }
            return Ok(None);
        }
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
        Some(Payload::DictIter { dict, pos, len, kind }) => {
            let Payload::Dict(cell) = &dict.payload else {
                return Ok(None);
            };
            let d = cell.borrow();
            if d.len() != *len {
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
        Some(Payload::NativeIter(n)) => n.borrow_mut().next(vm),
        _ => match crate::objects::typeobj::lookup(it.class(), "__next__") {
            Some(f) => match super::call::call_bound(vm, &f, it, super::Args::new(&[])) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is("StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(PyErr::type_error(format!("'{}' object is not an iterator", type_name(it)))),
        },
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
