//! `range` and `slice` objects: the arithmetic CPython's `rangeobject.c` does without
//! iterating (length, item, membership, slicing, equality and hash, reversal) over
//! arbitrary-precision bounds, and `slice.indices` over arbitrary lengths. Small ranges
//! iterate with the `RangeIter` payload; ranges beyond `i64` with a native iterator.

use std::cell::Cell;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::typeobj::type_name;
use super::{int, types, Payload, PyRef, Value};
use crate::runtime::call::lookup_user;
use crate::runtime::iter::NativeIterator;
use crate::runtime::{argparse, ops, PyErr, PyResult};
use crate::vm::Vm;

/// `(start, stop, step)` of a range object.
pub fn parts(v: &Value) -> Option<(BigInt, BigInt, BigInt)> {
    match v.payload()? {
        Payload::Range { start, stop, step } => Some((int::as_bigint(start)?, int::as_bigint(stop)?, int::as_bigint(step)?)),
        _ => None,
    }
}

/// The number of items of `range(start, stop, step)` (`step` is never zero).
pub fn length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32) / step + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

fn new_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    Value::Obj(PyRef::new(
        &types().range,
        Payload::Range { start: int::normalize(start), stop: int::normalize(stop), step: int::normalize(step) },
    ))
}

/// `len(r)`: CPython's `OverflowError` when the length does not fit a `ssize_t`.
pub fn len(v: &Value) -> PyResult<usize> {
    let Some((a, b, s)) = parts(v) else { return Ok(0) };
    length(&a, &b, &s).to_i64().map(|n| n as usize).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// `bool(r)` (no overflow for huge ranges).
pub fn is_nonempty(v: &Value) -> bool {
    parts(v).is_some_and(|(a, b, s)| !length(&a, &b, &s).is_zero())
}

/// `r[key]` (`None` when `container` is not a range).
pub fn getitem(vm: &Vm, container: &Value, key: &Value) -> Option<PyResult<Value>> {
    let (start, stop, step) = parts(container)?;
    Some((|| {
        let n = length(&start, &stop, &step);
        if let Some(Payload::Slice { start: sa, stop: sb, step: sc }) = key.payload() {
            let (i, j, k) = slice_indices_big(vm, sa, sb, sc, &n)?;
            return Ok(new_range(&start + &i * &step, &start + &j * &step, &k * &step));
        }
        if !int::is_int(key) && lookup_user(key.class(), "__index__").is_none() {
            return Err(PyErr::type_error(format!("range indices must be integers or slices, not {}", type_name(key))));
        }
        let mut i = argparse::index_bigint(vm, key)?;
        if i.is_negative() {
            i += &n;
        }
        if i.is_negative() || i >= n {
            return Err(PyErr::index_error("range object index out of range"));
        }
        Ok(int::normalize(start + i * step))
    })())
}

/// Is the integer `x` one of the range's items?
fn contains_int(start: &BigInt, stop: &BigInt, step: &BigInt, x: &BigInt) -> bool {
    let inside = if step.is_positive() { start <= x && x < stop } else { stop < x && x <= start };
    inside && ((x - start) % step).is_zero()
}

/// An exact `int` or `bool` (the values membership tests by arithmetic).
fn exact_int(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(_) | Value::Bool(_) => int::as_bigint(v),
        Value::Obj(o) if o.class().is(&types().int) => int::as_bigint(v),
        _ => None,
    }
}

/// `x in r`: arithmetic for ints, a search by `==` for anything else.
pub fn contains(vm: &Vm, container: &Value, x: &Value) -> PyResult<bool> {
    let Some((a, b, s)) = parts(container) else { return Ok(false) };
    if let Some(x) = exact_int(x) {
        return Ok(contains_int(&a, &b, &s, &x));
    }
    let it = crate::runtime::iter::iter(vm, container)?;
    while let Some(y) = crate::runtime::iter::next(vm, &it)? {
        if ops::eq(vm, &y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `r.index(x)`.
pub fn index(vm: &Vm, container: &Value, x: &Value) -> PyResult<Value> {
    let Some((a, b, s)) = parts(container) else { return Err(PyErr::type_error("range expected")) };
    if let Some(xi) = exact_int(x) {
        if contains_int(&a, &b, &s, &xi) {
            return Ok(int::normalize((xi - a) / s));
        }
        return Err(PyErr::value_error(format!("{} is not in range", crate::runtime::repr::repr(vm, x)?)));
    }
    let it = crate::runtime::iter::iter(vm, container)?;
    let mut i = 0usize;
    while let Some(y) = crate::runtime::iter::next(vm, &it)? {
        if ops::eq(vm, &y, x)? {
            return Ok(Value::from(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

/// `r.count(x)`.
pub fn count(vm: &Vm, container: &Value, x: &Value) -> PyResult<Value> {
    let Some((a, b, s)) = parts(container) else { return Err(PyErr::type_error("range expected")) };
    if let Some(xi) = exact_int(x) {
        return Ok(Value::Int(contains_int(&a, &b, &s, &xi) as i64));
    }
    let it = crate::runtime::iter::iter(vm, container)?;
    let mut n = 0usize;
    while let Some(y) = crate::runtime::iter::next(vm, &it)? {
        if ops::eq(vm, &y, x)? {
            n += 1;
        }
    }
    Ok(Value::from(n))
}

/// `r1 == r2`: equal as sequences (same length, first item and, past one item, step).
pub fn equal(a: &Value, b: &Value) -> Option<bool> {
    let ((a0, a1, a2), (b0, b1, b2)) = (parts(a)?, parts(b)?);
    let (na, nb) = (length(&a0, &a1, &a2), length(&b0, &b1, &b2));
    Some(if na != nb {
        false
    } else if na.is_zero() {
        true
    } else if a0 != b0 {
        false
    } else {
        na.is_one() || a2 == b2
    })
}

/// `hash(r)`: the hash of `(len, start, step)`, with `start`/`step` `None` where they do
/// not affect equality (as CPython's `range_hash`).
pub fn hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let Some((a, b, s)) = parts(v) else { return Ok(0) };
    let n = length(&a, &b, &s);
    let (start, step) = if n.is_zero() {
        (Value::None, Value::None)
    } else if n.is_one() {
        (int::normalize(a), Value::None)
    } else {
        (int::normalize(a), int::normalize(s))
    };
    ops::hash(vm, &Value::new_tuple(vec![int::normalize(n), start, step]))
}

/// An iterator over `count` items from `first` by `step`.
fn iterator(first: BigInt, step: BigInt, count: BigInt) -> Value {
    let t = types();
    if let (Some(a), Some(s), Some(n)) = (first.to_i64(), step.to_i64(), count.to_i64()) {
        if let Some(stop) = n.checked_mul(s).and_then(|d| a.checked_add(d)) {
            return Value::Obj(PyRef::new(&t.range_iterator, Payload::RangeIter { next: Cell::new(a), stop, step: s }));
        }
    }
    crate::modules::iterators::wrap(BigRangeIter { next: std::cell::RefCell::new(first), step, left: std::cell::RefCell::new(count) })
}

/// `iter(r)`.
pub fn iter(v: &Value) -> Option<Value> {
    let (a, b, s) = parts(v)?;
    let n = length(&a, &b, &s);
    Some(iterator(a, s, n))
}

/// `reversed(r)`: from the last item backwards.
pub fn reversed(v: &Value) -> Option<Value> {
    let (a, b, s) = parts(v)?;
    let n = length(&a, &b, &s);
    if n.is_zero() {
        return Some(iterator(a, -s, n));
    }
    let last = &a + (&n - 1u32) * &s;
    Some(iterator(last, -s, n))
}

/// Iteration over a range whose items do not fit `i64`.
struct BigRangeIter {
    next: std::cell::RefCell<BigInt>,
    step: BigInt,
    left: std::cell::RefCell<BigInt>,
}

impl NativeIterator for BigRangeIter {
    fn next(&self, _vm: &Vm) -> PyResult<Option<Value>> {
        let mut left = self.left.borrow_mut();
        if !left.is_positive() {
            return Ok(None);
        }
        *left -= 1u32;
        let mut next = self.next.borrow_mut();
        let v = next.clone();
        *next += &self.step;
        Ok(Some(int::normalize(v)))
    }
}

// ----- slices ---------------------------------------------------------------------------

/// A slice bound as an integer (`None` stays `None`).
fn slice_bound(vm: &Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    if !int::is_int(v) && lookup_user(v.class(), "__index__").is_none() {
        return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
    }
    argparse::index_bigint(vm, v).map(Some)
}

/// `slice(start, stop, step).indices(length)` over arbitrary-precision integers.
pub fn slice_indices_big(vm: &Vm, start: &Value, stop: &Value, step: &Value, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = slice_bound(vm, step)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let back = step.is_negative();
    let (lower, upper) = if back { (BigInt::from(-1), length - 1u32) } else { (BigInt::zero(), length.clone()) };
    let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut i) => {
                if i.is_negative() {
                    i += length;
                    if i < lower {
                        i = lower.clone();
                    }
                } else if i > upper {
                    i = upper.clone();
                }
                i
            }
        }
    };
    let start = clamp(slice_bound(vm, start)?, if back { &upper } else { &lower });
    let stop = clamp(slice_bound(vm, stop)?, if back { &lower } else { &upper });
    Ok((start, stop, step))
}

/// `s.indices(length)`.
pub fn slice_indices_method(vm: &Vm, s: &Value, length: &Value) -> PyResult<Value> {
    let Some(Payload::Slice { start, stop, step }) = s.payload() else {
        return Err(PyErr::type_error("slice expected"));
    };
    let n = argparse::index_bigint(vm, length)?;
    if n.is_negative() {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (a, b, c) = slice_indices_big(vm, start, stop, step, &n)?;
    Ok(Value::new_tuple(vec![int::normalize(a), int::normalize(b), int::normalize(c)]))
}

/// A slice as the tuple `(start, stop, step)` (slices compare like these tuples).
pub fn slice_tuple(v: &Value) -> Option<Value> {
    match v.payload()? {
        Payload::Slice { start, stop, step } => Some(Value::new_tuple(vec![start.clone(), stop.clone(), step.clone()])),
        _ => None,
    }
}
