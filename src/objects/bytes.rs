//! `bytes` and `bytearray` objects: creation, reading the bytes of any bytes-like value,
//! building a byte string from an arbitrary object (the constructors' rules), and the
//! sequence protocol (indexing, slicing, `in`, item and slice assignment and deletion of
//! `bytearray`). The methods are in `modules::bytes_methods`, the byte-string algorithms in
//! `text::bytes_methods`.

use std::borrow::Cow;
use std::cell::RefCell;

use num_traits::{Signed, ToPrimitive};

use super::typeobj::type_name;
use super::{int, types, Payload, PyRef, Value};
use crate::runtime::call::lookup_user;
use crate::runtime::item::{slice_indices, slice_positions};
use crate::runtime::{argparse, iter, PyErr, PyResult};
use crate::vm::Vm;

/// A new `bytes` object.
pub fn new_bytes(b: Vec<u8>) -> Value {
    super::str::new_bytes(b)
}

/// A new `bytearray` object.
pub fn new_bytearray(b: Vec<u8>) -> Value {
    Value::Obj(PyRef::new(&types().bytearray, Payload::ByteArray(RefCell::new(b))))
}

/// The bytes of a bytes-like value (`bytes`, `bytearray`, their subclasses and a live
/// `memoryview`); a `bytearray` is copied so that no borrow outlives the call.
pub fn data(v: &Value) -> Option<Cow<'_, [u8]>> {
    match v.payload()? {
        Payload::Bytes(b) => Some(Cow::Borrowed(b)),
        Payload::ByteArray(b) => Some(Cow::Owned(b.borrow().clone())),
        Payload::Native(_) => super::memoryview::view(v).filter(|m| !m.released.get()).map(|m| Cow::Owned(m.bytes())),
        _ => None,
    }
}

pub fn is_bytes_like(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => true,
        Some(Payload::Native(_)) => super::memoryview::view(v).is_some(),
        _ => false,
    }
}

/// `"a bytes-like object is required, not 'str'"` argument conversion.
pub fn bytes_arg(v: &Value) -> PyResult<Cow<'_, [u8]>> {
    data(v).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

/// A byte value: an integer in `range(256)` (`_getbytevalue`); `range_msg` is the
/// `ValueError` message (`bytes()` says "bytes must be ...", everything else "byte must").
pub fn byte_value(vm: &Vm, v: &Value, range_msg: &str) -> PyResult<u8> {
    let n = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => {
            let b = argparse::index_bigint(vm, v)?;
            b.to_i64().unwrap_or(i64::MAX)
        }
    };
    u8::try_from(n).map_err(|_| PyErr::value_error(range_msg.to_string()))
}

const BYTE_RANGE: &str = "byte must be in range(0, 256)";

/// The contents `bytes(x)` / `bytearray(x)` build from `x` once `__bytes__` and `str` are
/// handled: a copy of a bytes-like value, `n` zero bytes for an integer `n`, or the items
/// of an iterable of integers. `tname` is the type being built, for messages.
pub fn from_object(vm: &Vm, v: &Value, tname: &str) -> PyResult<Vec<u8>> {
    if let Some(d) = data(v) {
        return Ok(d.into_owned());
    }
    let range_msg = if tname == "bytes" { "bytes must be in range(0, 256)" } else { BYTE_RANGE };
    if crate::runtime::ops::has_index(v) {
        let n = argparse::index_bigint(vm, v)?;
        if n.is_negative() {
            return Err(PyErr::value_error("negative count"));
        }
        let n = n
            .to_usize()
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| PyErr::overflow_error(format!("cannot fit '{}' into an index-sized integer", type_name(v))))?;
        if n > (1 << 40) {
            return Err(PyErr::new("MemoryError", ""));
        }
        return Ok(vec![0; n]);
    }
    let items: Vec<Value> = match v.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => {
            let it = iter::iter(vm, v).map_err(|e| {
                if e.is("TypeError") {
                    PyErr::type_error(format!("cannot convert '{}' object to {tname}", type_name(v)))
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = iter::next(vm, &it)? {
                out.push(byte_value(vm, &x, range_msg)?);
            }
            return Ok(out);
        }
    };
    items.iter().map(|x| byte_value(vm, x, range_msg)).collect()
}

/// `bytes(x)` for an object that may define `__bytes__`: `Some(bytes)` when it does.
pub fn call_dunder_bytes(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(f) = lookup_user(v.class(), "__bytes__") else {
        return Ok(None);
    };
    let r = crate::runtime::call::call_bound(vm, &f, v, crate::runtime::Args::new(&[]))?;
    if !matches!(r.payload(), Some(Payload::Bytes(_))) {
        return Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", type_name(&r))));
    }
    Ok(Some(r))
}

/// An integer index (before the bounds check); `indices_what` names the type in the
/// "indices must be integers" message.
fn raw_index(vm: &Vm, key: &Value, indices_what: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => {
            if !int::is_int(key) && lookup_user(key.class(), "__index__").is_none() {
                return Err(PyErr::type_error(format!("{indices_what} indices must be integers or slices, not {}", type_name(key))));
            }
            let b = argparse::index_bigint(vm, key)?;
            b.to_i64().ok_or_else(|| PyErr::index_error(format!("cannot fit '{}' into an index-sized integer", type_name(key))))
        }
    }
}

/// `i` made absolute and checked against `len`.
fn bound(i: i64, len: usize, range_msg: &str) -> PyResult<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(PyErr::index_error(range_msg.to_string()));
    }
    Ok(j as usize)
}

fn slice_of(key: &Value) -> Option<(&Value, &Value, &Value)> {
    match key.payload() {
        Some(Payload::Slice { start, stop, step }) => Some((start, stop, step)),
        _ => None,
    }
}

/// `b[key]` for a `bytes` or `bytearray` (`None` for other payloads).
pub fn getitem(vm: &Vm, container: &Value, key: &Value) -> Option<PyResult<Value>> {
    let array = match container.payload()? {
        Payload::Bytes(_) => false,
        Payload::ByteArray(_) => true,
        _ => return None,
    };
    let d = data(container)?;
    Some((|| {
        if let Some((a, b, c)) = slice_of(key) {
            let (s, e, st) = slice_indices(a, b, c, d.len())?;
            let out: Vec<u8> = if st == 1 {
                if e > s {
                    d[s as usize..e as usize].to_vec()
                } else {
                    Vec::new()
                }
            } else {
                slice_positions(s, e, st).map(|i| d[i]).collect()
            };
            return Ok(if array { new_bytearray(out) } else { new_bytes(out) });
        }
        let i = if array {
            bound(raw_index(vm, key, "bytearray")?, d.len(), "bytearray index out of range")?
        } else {
            bound(raw_index(vm, key, "byte")?, d.len(), "index out of range")?
        };
        Ok(Value::Int(d[i] as i64))
    })())
}

/// The bytes a slice assignment stores: bytes-like values, or an iterable of integers.
fn assigned_bytes(vm: &Vm, value: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data(value) {
        return Ok(d.into_owned());
    }
    if crate::runtime::ops::has_index(value) || value.as_str().is_some() {
        return Err(PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    from_object(vm, value, "bytearray")
}

/// `ba[key] = value` (`value` `None`: `del ba[key]`).
pub fn setitem(vm: &Vm, container: &Value, key: &Value, value: Option<&Value>) -> Option<PyResult<()>> {
    let Payload::ByteArray(cell) = container.payload()? else {
        return None;
    };
    Some((|| {
        if let Some((a, b, c)) = slice_of(key) {
            let new = match value {
                Some(v) => Some(assigned_bytes(vm, v)?),
                None => None,
            };
            let mut buf = cell.borrow_mut();
            let (s, e, st) = slice_indices(a, b, c, buf.len())?;
            if st == 1 {
                let e = e.max(s) as usize;
                buf.splice(s as usize..e, new.unwrap_or_default());
                return Ok(());
            }
            let positions: Vec<usize> = slice_positions(s, e, st).collect();
            match new {
                Some(new) => {
                    if new.len() != positions.len() {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign bytes of size {} to extended slice of size {}",
                            new.len(),
                            positions.len()
                        )));
                    }
                    for (p, v) in positions.into_iter().zip(new) {
                        buf[p] = v;
                    }
                }
                None => {
                    let mut drop_at = vec![false; buf.len()];
                    for p in positions {
                        drop_at[p] = true;
                    }
                    let mut i = 0;
                    buf.retain(|_| {
                        i += 1;
                        !drop_at[i - 1]
                    });
                }
            }
            return Ok(());
        }
        // CPython converts the index, then the value, then checks the bounds.
        let i = raw_index(vm, key, "bytearray")?;
        let byte = match value {
            Some(v) => Some(byte_value(vm, v, BYTE_RANGE)?),
            None => None,
        };
        let mut buf = cell.borrow_mut();
        let i = bound(i, buf.len(), "bytearray index out of range")?;
        match byte {
            Some(b) => buf[i] = b,
            None => {
                buf.remove(i);
            }
        }
        Ok(())
    })())
}

/// `item in b` for a `bytes` or `bytearray` (`None` for other payloads).
pub fn contains(vm: &Vm, container: &Value, item: &Value) -> Option<PyResult<bool>> {
    let d = data(container)?;
    Some((|| {
        if let Some(sub) = data(item) {
            return Ok(crate::text::bytes_methods::bytes_find(&d, &sub, None, None) >= 0);
        }
        if crate::runtime::ops::has_index(item) {
            let b = byte_value(vm, item, BYTE_RANGE)?;
            return Ok(d.contains(&b));
        }
        Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(item))))
    })())
}
