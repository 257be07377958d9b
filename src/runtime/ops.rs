//! Operators: binary and unary arithmetic, rich comparison, truth, hashing, `repr`/`str`,
//! `len`, and item access. Each operation tries the builtin payloads in Rust first, then
//! dispatches to dunder methods of user classes with CPython's rules (reflected operands,
//! subclass priority, `NotImplemented`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::call::{call_method_opt, lookup_user};
use super::{PyErr, PyResult};
use crate::bytecode::{BinOp, CmpOp};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, int, list, types, Payload, Value};
use crate::vm::Vm;

fn dunder(op: BinOp) -> (&'static str, &'static str) {
    use BinOp::*;
    match op.base() {
        Add => ("__add__", "__radd__"),
        And => ("__and__", "__rand__"),
        FloorDivide => ("__floordiv__", "__rfloordiv__"),
        Lshift => ("__lshift__", "__rlshift__"),
        MatrixMultiply => ("__matmul__", "__rmatmul__"),
        Multiply => ("__mul__", "__rmul__"),
        Remainder => ("__mod__", "__rmod__"),
        Or => ("__or__", "__ror__"),
        Power => ("__pow__", "__rpow__"),
        Rshift => ("__rshift__", "__rrshift__"),
        Subtract => ("__sub__", "__rsub__"),
        TrueDivide => ("__truediv__", "__rtruediv__"),
        Xor => ("__xor__", "__rxor__"),
        _ => ("", ""),
    }
}

fn inplace_dunder(op: BinOp) -> &'static str {
    use BinOp::*;
    match op {
        InplaceAdd => "__iadd__",
        InplaceAnd => "__iand__",
        InplaceFloorDivide => "__ifloordiv__",
        InplaceLshift => "__ilshift__",
        InplaceMatrixMultiply => "__imatmul__",
        InplaceMultiply => "__imul__",
        InplaceRemainder => "__imod__",
        InplaceOr => "__ior__",
        InplacePower => "__ipow__",
        InplaceRshift => "__irshift__",
        InplaceSubtract => "__isub__",
        InplaceTrueDivide => "__itruediv__",
        InplaceXor => "__ixor__",
        _ => "",
    }
}

/// `a op b` (also the in-place forms).
pub fn binary_op(vm: &Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    // Fast path: both operands of builtin types.
    if let Some(r) = native_binop(a, b, op.base()) {
        if op.is_inplace() {
            if let Some(r2) = native_inplace(a, b, op) {
                return r2;
            }
        }
        if lookup_user(a.class(), dunder(op).0).is_none() && lookup_user(b.class(), dunder(op).1).is_none() {
            return r;
        }
    }
    if op.is_inplace() {
        if let Some(r) = native_inplace(a, b, op) {
            return r;
        }
        if let Some(r) = call_method_opt(vm, a, inplace_dunder(op), &[b.clone()])? {
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    let (fwd, rev) = dunder(op);
    let a_cls = a.class().clone();
    let b_cls = b.class().clone();
    let b_first = !a_cls.is(&b_cls) && typeobj::is_subtype(&b_cls, &a_cls) && lookup_user(&b_cls, rev).is_some();
    if b_first {
        if let Some(r) = call_method_opt(vm, b, rev, &[a.clone()])? {
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    if lookup_user(&a_cls, fwd).is_some() {
        if let Some(r) = call_method_opt(vm, a, fwd, &[b.clone()])? {
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    } else if let Some(r) = native_binop(a, b, op.base()) {
        return r;
    } else if let Some(r) = builtin_binop_vm(vm, a, b, op.base()) {
        return r;
    }
    if !a_cls.is(&b_cls) && !b_first && lookup_user(&b_cls, rev).is_some() {
        if let Some(r) = call_method_opt(vm, b, rev, &[a.clone()])? {
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    let sym = op.symbol();
    if op.base() == BinOp::Power && !op.is_inplace() {
        return Err(PyErr::type_error(format!("unsupported operand type(s) for ** or pow(): '{}' and '{}'", type_name(a), type_name(b))));
    }
    if op.base() == BinOp::Add && (a.as_str().is_some() || b.as_str().is_some()) && !op.is_inplace() {
        if a.as_str().is_some() {
            return Err(PyErr::type_error(format!("can only concatenate str (not \"{}\") to str", type_name(b))));
        }
    }
    if op.base() == BinOp::Add && !op.is_inplace() {
        match a.payload() {
            Some(Payload::List(_)) => {
                return Err(PyErr::type_error(format!("can only concatenate list (not \"{}\") to list", type_name(b))))
            }
            Some(Payload::Tuple(_)) => {
                return Err(PyErr::type_error(format!("can only concatenate tuple (not \"{}\") to tuple", type_name(b))))
            }
            Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => {
                return Err(PyErr::type_error(format!("can't concat {} to {}", type_name(b), type_name(a))))
            }
            _ => {}
        }
    }
    if op.base() == BinOp::Multiply {
        let is_seq = |v: &Value| matches!(v.payload(), Some(p) if is_seq(p) || matches!(p, Payload::ByteArray(_)));
        if is_seq(a) && !int::is_int(b) {
            return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(b))));
        }
        if is_seq(b) && !int::is_int(a) {
            return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(a))));
        }
    }
    Err(PyErr::type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", type_name(a), type_name(b))))
}

/// The common small-int and float cases of `BinaryOp`, without dispatch; `None` means
/// "take the general path" (overflow, division, other types).
#[inline(always)]
pub fn binop_fast(a: &Value, b: &Value, op: BinOp) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let r = match op {
                BinOp::Add | BinOp::InplaceAdd => x.checked_add(*y),
                BinOp::Subtract | BinOp::InplaceSubtract => x.checked_sub(*y),
                BinOp::Multiply | BinOp::InplaceMultiply => x.checked_mul(*y),
                BinOp::And | BinOp::InplaceAnd => Some(x & y),
                BinOp::Or | BinOp::InplaceOr => Some(x | y),
                BinOp::Xor | BinOp::InplaceXor => Some(x ^ y),
                BinOp::Remainder | BinOp::InplaceRemainder if *y > 0 && *x >= 0 => Some(x % y),
                BinOp::FloorDivide | BinOp::InplaceFloorDivide if *y > 0 && *x >= 0 => Some(x / y),
                _ => None,
            };
            r.map(Value::Int)
        }
        (Value::Float(x), Value::Float(y)) => match op {
            BinOp::Add | BinOp::InplaceAdd => Some(Value::Float(x + y)),
            BinOp::Subtract | BinOp::InplaceSubtract => Some(Value::Float(x - y)),
            BinOp::Multiply | BinOp::InplaceMultiply => Some(Value::Float(x * y)),
            BinOp::TrueDivide | BinOp::InplaceTrueDivide if *y != 0.0 => Some(Value::Float(x / y)),
            _ => None,
        },
        _ => None,
    }
}

/// The small-int and float cases of `CompareOp` as a Rust bool; `None` for other types.
#[inline(always)]
pub fn compare_fast(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(ord_result(x, y, op)),
        (Value::Float(x), Value::Float(y)) => Some(ord_result(x, y, op)),
        _ => None,
    }
}

/// Builtin binary operations that may run Python code (`str % args` calls `__str__`,
/// `__getitem__`, ...); `None` when the operand types are not handled here.
pub fn builtin_binop_vm(vm: &Vm, a: &Value, b: &Value, op: BinOp) -> Option<PyResult<Value>> {
    match (op, a.payload()) {
        (BinOp::Remainder, Some(Payload::Str(s))) => return Some(crate::modules::str_format::percent_format(vm, s.as_str(), b)),
        (BinOp::Remainder, Some(Payload::Bytes(_) | Payload::ByteArray(_))) => {
            let fmt = crate::objects::bytes::data(a)?;
            let array = matches!(a.payload(), Some(Payload::ByteArray(_)));
            return Some(crate::modules::bytes_methods::bytes_percent_format(vm, &fmt, b).map(|out| {
                if array {
                    crate::objects::bytes::new_bytearray(out)
                } else {
                    crate::objects::str::new_bytes(out)
                }
            }));
        }
        (BinOp::Or, Some(Payload::Dict(_))) if matches!(b.payload(), Some(Payload::Dict(_))) => {
            return Some((|| {
                let out = Value::Obj(crate::objects::dict::copy_dict_obj(a.as_obj().ok_or_else(|| PyErr::type_error("dict expected"))?));
                crate::vm::instr::dict_update(vm, &out, b, false)?;
                Ok(out)
            })())
        }
        // `proxy | x` and `x | proxy` are the operation on the mapping(s) behind (a dict).
        (BinOp::Or, _)
            if matches!(a.payload(), Some(Payload::MappingProxy(_))) || matches!(b.payload(), Some(Payload::MappingProxy(_))) =>
        {
            let unwrap = |v: &Value| crate::objects::mappingproxy::mapping(v).unwrap_or(v).clone();
            return Some(binary_op(vm, &unwrap(a), &unwrap(b), BinOp::Or));
        }
        (BinOp::Or, _) if matches!(a.payload(), Some(Payload::Type(_))) || matches!(b.payload(), Some(Payload::Type(_))) => {
            match crate::modules::object_methods::type_union(vm, a, b) {
                Ok(v) if v.is_not_implemented() => {}
                r => return Some(r),
            }
        }
        _ => {}
    }
    if matches!(op, BinOp::Or | BinOp::And | BinOp::Subtract | BinOp::Xor) {
        return set_binop(vm, a, b, op);
    }
    None
}

/// `| & - ^` of sets and frozensets (the result has the left operand's kind) and of the
/// set-like dict views (any iterable on the other side; the result is a `set`).
fn set_binop(vm: &Vm, a: &Value, b: &Value, op: BinOp) -> Option<PyResult<Value>> {
    use super::set as s;
    use crate::objects::dict_view as dv;
    if s::is_set_like(a) && s::is_set_like(b) {
        let frozen = matches!(a.payload(), Some(Payload::FrozenSet(_)));
        return Some((|| {
            let t = match op {
                BinOp::Or => {
                    let cell = std::cell::RefCell::new(s::table_snapshot(a).unwrap_or_default().copy());
                    if !a.is(b) {
                        s::update_from(vm, &cell, b)?;
                    }
                    cell.into_inner()
                }
                BinOp::And => s::intersection(vm, a, b)?,
                BinOp::Subtract => s::difference(vm, a, b)?,
                _ => s::symmetric_difference(vm, a, b)?,
            };
            Ok(s::new_set_value(t, frozen))
        })());
    }
    if !(dv::is_set_like_view(a) || dv::is_set_like_view(b)) {
        return None;
    }
    match dv::set_op(vm, a, b, op) {
        Err(e) if e.is("TypeError") && !(super::iter::iter(vm, a).is_ok() && super::iter::iter(vm, b).is_ok()) => None,
        r => Some(r),
    }
}

/// In-place operations that mutate builtin containers (`list += iterable`).
fn native_inplace(a: &Value, b: &Value, op: BinOp) -> Option<PyResult<Value>> {
    match (op, a.payload()) {
        (BinOp::InplaceAdd, Some(Payload::ByteArray(buf))) if lookup_user(a.class(), "__iadd__").is_none() => {
            let more = crate::objects::bytes::data(b)?;
            buf.borrow_mut().extend_from_slice(&more);
            Some(Ok(a.clone()))
        }
        (BinOp::InplaceMultiply, Some(Payload::ByteArray(buf))) if lookup_user(a.class(), "__imul__").is_none() && int::is_int(b) => {
            let n = match int::as_bigint(b).and_then(|c| c.to_i64()) {
                Some(c) => c.max(0) as usize,
                None => return Some(Err(PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))),
            };
            let mut v = buf.borrow_mut();
            if v.len().saturating_mul(n) > isize::MAX as usize / 2 {
                return Some(Err(PyErr::new("MemoryError", "")));
            }
            let rep = v.repeat(n);
            *v = rep;
            drop(v);
            Some(Ok(a.clone()))
        }
        (BinOp::InplaceAdd, Some(Payload::List(l))) if lookup_user(a.class(), "__iadd__").is_none() => {
            let items = match b.payload() {
                Some(Payload::List(other)) => other.borrow().clone(),
                Some(Payload::Tuple(t)) => t.to_vec(),
                _ => return None,
            };
            l.borrow_mut().extend(items);
            Some(Ok(a.clone()))
        }
        (BinOp::InplaceMultiply, Some(Payload::List(l))) if lookup_user(a.class(), "__imul__").is_none() && int::is_int(b) => {
            let n = match int::as_bigint(b).and_then(|c| c.to_i64()) {
                Some(c) => c.max(0) as usize,
                None => return Some(Err(PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))),
            };
            let old = {
                let mut items = l.borrow_mut();
                if n == 0 {
                    std::mem::take(&mut *items)
                } else {
                    let one = items.clone();
                    for _ in 1..n {
                        items.extend(one.iter().cloned());
                    }
                    Vec::new()
                }
            };
            drop(old);
            Some(Ok(a.clone()))
        }
        _ => None,
    }
}

/// A number as seen by arithmetic: small int, big int, or float.
enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(match b.to_i64() {
                Some(i) => Num::I(i),
                None => Num::B(b.clone()),
            }),
            Payload::Float(f) => Some(Num::F(*f)),
            _ => None,
        },
        Value::None => None,
    }
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => b.clone(),
        Num::F(_) => BigInt::zero(),
    }
}

/// Convert an int to float for mixed arithmetic (`OverflowError` if too large).
pub fn int_to_f64(n: &BigInt) -> PyResult<f64> {
    match n.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow_error("int too large to convert to float")),
    }
}

fn to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::B(b) => int_to_f64(b),
        Num::F(f) => Ok(*f),
    }
}

/// Builtin binary operations; `None` when the operand types are not handled natively.
pub fn native_binop(a: &Value, b: &Value, op: BinOp) -> Option<PyResult<Value>> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Some(num_binop(x, y, op));
    }
    if let Some(r) = complex_binop(a, b, op) {
        return Some(r);
    }
    seq_binop(a, b, op)
}

/// A number as a complex pair (`OverflowError` for ints too large for a float).
fn as_complex(v: &Value) -> Option<PyResult<(f64, f64)>> {
    if let Some(p) = crate::objects::complex::parts(v) {
        return Some(Ok(p));
    }
    as_num(v).map(|n| to_f64(&n).map(|f| (f, 0.0)))
}

fn complex_binop(a: &Value, b: &Value, op: BinOp) -> Option<PyResult<Value>> {
    if crate::objects::complex::parts(a).is_none() && crate::objects::complex::parts(b).is_none() {
        return None;
    }
    let x = match as_complex(a)? {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let y = match as_complex(b)? {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    crate::objects::complex::binop(x, y, op)
}

fn num_binop(x: Num, y: Num, op: BinOp) -> PyResult<Value> {
    use BinOp::*;
    match (&x, &y) {
        (Num::I(a), Num::I(b)) => {
            let (a, b) = (*a, *b);
            let r = match op {
                Add => a.checked_add(b),
                Subtract => a.checked_sub(b),
                Multiply => a.checked_mul(b),
                FloorDivide => {
                    if b == 0 {
                        return Err(PyErr::zero_division("integer division or modulo by zero"));
                    }
                    int::floordiv_i64(a, b)
                }
                Remainder => {
                    if b == 0 {
                        return Err(PyErr::zero_division("integer modulo by zero"));
                    }
                    Some(int::mod_i64(a, b))
                }
                TrueDivide => {
                    if b == 0 {
                        return Err(PyErr::zero_division("division by zero"));
                    }
                    if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                        return Ok(Value::Float(a as f64 / b as f64));
                    }
                    return big_truediv(&BigInt::from(a), &BigInt::from(b));
                }
                And => Some(a & b),
                Or => Some(a | b),
                Xor => Some(a ^ b),
                Lshift => {
                    if b < 0 {
                        return Err(PyErr::value_error("negative shift count"));
                    }
                    if b < 63 && (a.unsigned_abs() >> (63 - b)) == 0 {
                        Some(a << b)
                    } else {
                        None
                    }
                }
                Rshift => {
                    if b < 0 {
                        return Err(PyErr::value_error("negative shift count"));
                    }
                    Some(if b >= 64 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> b
                    })
                }
                Power => {
                    if b < 0 {
                        return float_binop(a as f64, b as f64, Power);
                    }
                    u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
                }
                MatrixMultiply => return Err(unsupported(op, &x, &y)),
                _ => None,
            };
            match r {
                Some(v) => Ok(Value::Int(v)),
                None => big_binop(BigInt::from(a), BigInt::from(b), op),
            }
        }
        (Num::F(_), _) | (_, Num::F(_)) => {
            let (a, b) = (to_f64(&x)?, to_f64(&y)?);
            float_binop(a, b, op)
        }
        _ => big_binop(big(&x), big(&y), op),
    }
}

/// `divmod(a, b)` of two builtin reals (`None` for other operands): one operation with
/// its own error, as CPython's `int.__divmod__`/`float.__divmod__` (`float divmod()`).
pub fn native_divmod(a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (x, y) = (as_num(a)?, as_num(b)?);
    let r = match (&x, &y) {
        (Num::F(_), _) | (_, Num::F(_)) => match (to_f64(&x), to_f64(&y)) {
            (Ok(p), Ok(q)) => crate::num::float_divmod(p, q)
                .map(|(d, m)| Value::new_tuple(vec![Value::Float(d), Value::Float(m)]))
                .map_err(PyErr::from_spec),
            (Err(e), _) | (_, Err(e)) => Err(e),
        },
        _ => {
            let (p, q) = (big(&x), big(&y));
            if q.is_zero() {
                Err(PyErr::zero_division("integer division or modulo by zero"))
            } else {
                Ok(Value::new_tuple(vec![int::normalize(int::floordiv(&p, &q)), int::normalize(int::modulo(&p, &q))]))
            }
        }
    };
    Some(r)
}

/// `pow(base, exp, mod)` with a modulus that is not `None`: `base.__pow__(exp, mod)`
/// (three-argument power never tries `__rpow__` of a Python class), natively for ints.
pub fn ternary_pow(vm: &Vm, base: &Value, exp: &Value, modulus: &Value) -> PyResult<Value> {
    if let Some(f) = lookup_user(base.class(), "__pow__") {
        let r = super::call::call_bound(vm, &f, base, super::Args::new(&[exp.clone(), modulus.clone()]))?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if let Some(r) = native_ternary_pow(base, exp, modulus) {
        return r;
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name(base),
        type_name(exp),
        type_name(modulus)
    )))
}

/// Three-argument power of builtin numbers; `None` when an operand is not one.
pub fn native_ternary_pow(base: &Value, exp: &Value, modulus: &Value) -> Option<PyResult<Value>> {
    let is_complex = |v: &Value| crate::objects::complex::parts(v).is_some();
    if [base, exp, modulus].iter().any(|v| is_complex(v)) {
        if [base, exp, modulus].iter().all(|v| is_complex(v) || as_num(v).is_some()) {
            return Some(Err(PyErr::value_error("complex modulo")));
        }
        return None;
    }
    let (x, y, m) = (as_num(base)?, as_num(exp)?, as_num(modulus)?);
    if [&x, &y, &m].iter().any(|n| matches!(n, Num::F(_))) {
        return Some(Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers")));
    }
    Some(crate::num::int_pow_mod(&big(&x), &big(&y), &big(&m)).map(int::normalize).map_err(PyErr::from_spec))
}

fn unsupported(op: BinOp, x: &Num, y: &Num) -> PyErr {
    let n = |v: &Num| {
        if matches!(v, Num::F(_)) {
            "float"
        } else {
            "int"
        }
    };
    PyErr::type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), n(x), n(y)))
}

/// `a / b` for ints beyond the exactly representable range: the correctly rounded
/// quotient (converting each operand to a float first would round twice).
fn big_truediv(a: &BigInt, b: &BigInt) -> PyResult<Value> {
    crate::num::int::int_truediv(a, b).map(Value::Float).map_err(PyErr::from_spec)
}

fn big_binop(a: BigInt, b: BigInt, op: BinOp) -> PyResult<Value> {
    use BinOp::*;
    let r = match op {
        Add => a + b,
        Subtract => a - b,
        Multiply => a * b,
        FloorDivide | Remainder => {
            if b.is_zero() {
                let what = if op == FloorDivide { "integer division or modulo by zero" } else { "integer modulo by zero" };
                return Err(PyErr::zero_division(what));
            }
            if op == FloorDivide {
                int::floordiv(&a, &b)
            } else {
                int::modulo(&a, &b)
            }
        }
        TrueDivide => return big_truediv(&a, &b),
        And => a & b,
        Or => a | b,
        Xor => a ^ b,
        Lshift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            let n = b.to_u64().filter(|n| *n < (1 << 40)).ok_or_else(|| PyErr::overflow_error("too many digits in integer"))?;
            a << n
        }
        Rshift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match b.to_u64() {
                Some(n) => a >> n,
                None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
            }
        }
        Power => {
            if b.is_negative() {
                let (x, y) = (int_to_f64(&a)?, int_to_f64(&b)?);
                return float_binop(x, y, Power);
            }
            int::pow_big(&a, b.to_u64().unwrap_or(u64::MAX))
        }
        _ => return Err(PyErr::type_error("unsupported operand type(s) for @: 'int' and 'int'")),
    };
    Ok(int::normalize(r))
}

fn float_binop(a: f64, b: f64, op: BinOp) -> PyResult<Value> {
    use crate::num::{self, FloatPow};
    use BinOp::*;
    let r = match op {
        Add => Ok(a + b),
        Subtract => Ok(a - b),
        Multiply => Ok(a * b),
        TrueDivide => num::float_truediv(a, b),
        FloorDivide => num::float_floordiv(a, b),
        Remainder => num::float_mod(a, b),
        Power => match num::float_pow(a, b).map_err(PyErr::from_spec)? {
            FloatPow::Real(r) => Ok(r),
            // A negative base with a fractional exponent: CPython hands over to complex.
            FloatPow::NeedsComplex => {
                return crate::objects::complex::pow((a, 0.0), (b, 0.0)).map(|(re, im)| crate::objects::complex::new_complex(re, im))
            }
        },
        _ => return Err(PyErr::type_error(format!("unsupported operand type(s) for {}: 'float' and 'float'", op.symbol()))),
    };
    r.map(Value::Float).map_err(PyErr::from_spec)
}

fn seq_binop(a: &Value, b: &Value, op: BinOp) -> Option<PyResult<Value>> {
    let (pa, pb) = (a.payload(), b.payload());
    match op {
        BinOp::Add => match (pa?, pb?) {
            (Payload::Str(x), Payload::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Ok(Value::new_str(s)))
            }
            (Payload::List(x), Payload::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Some(Ok(Value::new_list(v)))
            }
            (Payload::Tuple(x), Payload::Tuple(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Some(Ok(Value::new_tuple(v)))
            }
            (Payload::Bytes(_) | Payload::ByteArray(_), Payload::Bytes(_) | Payload::ByteArray(_)) => {
                let (x, y) = (crate::objects::bytes::data(a)?, crate::objects::bytes::data(b)?);
                let mut v = x.into_owned();
                v.extend_from_slice(&y);
                Some(Ok(if matches!(pa?, Payload::ByteArray(_)) {
                    crate::objects::bytes::new_bytearray(v)
                } else {
                    crate::objects::str::new_bytes(v)
                }))
            }
            _ => None,
        },
        BinOp::Multiply => {
            let (seq, n) = match (pa, pb) {
                (Some(p), _) if is_seq(p) && has_index(b) => (a, b),
                (_, Some(p)) if is_seq(p) && has_index(a) => (b, a),
                (Some(p), _) if is_seq(p) && lookup_user(b.class(), "__rmul__").is_none() => {
                    return Some(Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(b)))))
                }
                (_, Some(p)) if is_seq(p) && lookup_user(a.class(), "__mul__").is_none() => {
                    return Some(Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(a)))))
                }
                _ => return None,
            };
            let n = match index_bigint_novm(n) {
                Ok(Some(b)) => b,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            let count = match n.to_i64() {
                Some(c) => c.max(0) as usize,
                None => return Some(Err(PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))),
            };
            Some(repeat_seq(seq, count))
        }
        _ => None,
    }
}

fn is_seq(p: &Payload) -> bool {
    matches!(p, Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_))
}

fn repeat_seq(seq: &Value, n: usize) -> PyResult<Value> {
    match seq.payload() {
        Some(Payload::Str(s)) => {
            if s.as_str().len().saturating_mul(n) > isize::MAX as usize / 2 {
                return Err(PyErr::new("MemoryError", ""));
            }
            Ok(Value::new_str(s.as_str().repeat(n)))
        }
        Some(Payload::List(l)) => {
            let items = l.borrow();
            let mut v = Vec::with_capacity(items.len().saturating_mul(n).min(1 << 24));
            for _ in 0..n {
                v.extend(items.iter().cloned());
            }
            Ok(Value::new_list(v))
        }
        Some(Payload::Tuple(t)) => {
            let mut v = Vec::with_capacity(t.len().saturating_mul(n).min(1 << 24));
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Ok(Value::new_tuple(v))
        }
        Some(Payload::Bytes(b)) => {
            if b.len().saturating_mul(n) > isize::MAX as usize / 2 {
                return Err(PyErr::new("MemoryError", ""));
            }
            Ok(crate::objects::str::new_bytes(b.repeat(n)))
        }
        Some(Payload::ByteArray(b)) => {
            let b = b.borrow();
            if b.len().saturating_mul(n) > isize::MAX as usize / 2 {
                return Err(PyErr::new("MemoryError", ""));
            }
            Ok(crate::objects::bytes::new_bytearray(b.repeat(n)))
        }
        _ => Err(PyErr::type_error("can't multiply sequence by non-int")),
    }
}

/// `-v`, `+v`, `~v`.
pub fn unary_op(vm: &Vm, v: &Value, op: &str) -> PyResult<Value> {
    let dname = match op {
        "-" => "__neg__",
        "+" => "__pos__",
        _ => "__invert__",
    };
    if lookup_user(v.class(), dname).is_none() {
        if let Some(r) = unary_builtin(v, op) {
            return r;
        }
    }
    match call_method_opt(vm, v, dname, &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!("bad operand type for unary {op}: '{}'", type_name(v)))),
    }
}

/// `-v`, `+v`, `~v` of builtin numbers; `None` for other values.
pub fn unary_builtin(v: &Value, op: &str) -> Option<PyResult<Value>> {
    if let Some(Payload::Complex { re, im }) = v.payload() {
        return match op {
            "-" => Some(Ok(crate::objects::complex::new_complex(-re, -im))),
            "+" => Some(Ok(crate::objects::complex::new_complex(*re, *im))),
            _ => Some(Err(PyErr::type_error("bad operand type for unary ~: 'complex'"))),
        };
    }
    {
        if let Some(n) = as_num(v) {
            return Some(Ok(match (op, n) {
                ("-", Num::I(i)) => i.checked_neg().map(Value::Int).unwrap_or_else(|| int::normalize(-BigInt::from(i))),
                ("-", Num::B(b)) => int::normalize(-b),
                ("-", Num::F(f)) => Value::Float(-f),
                ("+", Num::I(i)) => Value::Int(i),
                ("+", Num::B(b)) => int::normalize(b),
                ("+", Num::F(f)) => Value::Float(f),
                ("~", Num::I(i)) => Value::Int(!i),
                ("~", Num::B(b)) => int::normalize(-b - 1),
                (_, Num::F(_)) => return Some(Err(PyErr::type_error("bad operand type for unary ~: 'float'"))),
                _ => unreachable_op(),
            }));
        }
    }
    None
}

fn unreachable_op() -> Value {
    Value::None
}

/// `bool(v)`.
pub fn truthy(vm: &Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::None => Ok(false),
        Value::Bool(b) => Ok(*b),
        Value::Int(i) => Ok(*i != 0),
        Value::Float(f) => Ok(*f != 0.0),
        Value::Obj(o) => {
            if let Some(r) = call_method_opt_if_user(vm, v, "__bool__")? {
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(PyErr::type_error(format!("__bool__ should return bool, returned {}", type_name(&other)))),
                };
            }
            if lookup_user(o.class(), "__len__").is_some() {
                return Ok(len(vm, v)? != 0);
            }
            Ok(match &o.payload {
                Payload::Str(s) => !s.as_str().is_empty(),
                Payload::List(l) => !l.borrow().is_empty(),
                Payload::Tuple(t) => !t.is_empty(),
                Payload::Dict(d) => !d.borrow().is_empty(),
                Payload::Set(d) => !d.borrow().is_empty(),
                Payload::FrozenSet(d) => !d.is_empty(),
                Payload::Int(b) => !b.is_zero(),
                Payload::Float(f) => *f != 0.0,
                Payload::Complex { re, im } => *re != 0.0 || *im != 0.0,
                Payload::Bytes(b) => !b.is_empty(),
                Payload::ByteArray(b) => !b.borrow().is_empty(),
                Payload::Range { .. } => crate::objects::range::is_nonempty(v),
                Payload::DictView { dict, .. } => crate::objects::dict::len(dict) != 0,
                Payload::MappingProxy(m) => len(vm, m)? != 0,
                _ => true,
            })
        }
    }
}

fn call_method_opt_if_user(vm: &Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    if lookup_user(v.class(), name).is_some() {
        call_method_opt(vm, v, name, &[])
    } else {
        Ok(None)
    }
}

/// `len(v)`.
pub fn len(vm: &Vm, v: &Value) -> PyResult<usize> {
    if let Some(o) = v.as_obj() {
        // Only a user class can define `__len__` over a builtin payload.
        if !typeobj::type_data(o.class()).is_some_and(|t| t.heap) || lookup_user(o.class(), "__len__").is_none() {
            if let Some(n) = len_builtin(v) {
                return n;
            }
        }
        if let Some(r) = call_method_opt(vm, v, "__len__", &[])? {
            let Some(big) = index_bigint(vm, &r)? else {
                return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&r))));
            };
            let n = big.to_i64().ok_or_else(|| PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))?;
            if n < 0 {
                return Err(PyErr::value_error("__len__() should return >= 0"));
            }
            return Ok(n as usize);
        }
    }
    Err(PyErr::type_error(format!("object of type '{}' has no len()", type_name(v))))
}

/// `len(v)` by the builtin payload; `None` when the payload has no length.
pub fn len_builtin(v: &Value) -> Option<PyResult<usize>> {
    let o = v.as_obj()?;
    match &o.payload {
        Payload::Str(s) => Some(Ok(s.char_len())),
        Payload::List(l) => Some(Ok(l.borrow().len())),
        Payload::Tuple(t) => Some(Ok(t.len())),
        Payload::Dict(d) => Some(Ok(d.borrow().len())),
        Payload::Set(d) => Some(Ok(d.borrow().len())),
        Payload::FrozenSet(d) => Some(Ok(d.len())),
        Payload::Bytes(b) => Some(Ok(b.len())),
        Payload::ByteArray(b) => Some(Ok(b.borrow().len())),
        Payload::Range { .. } => Some(range_len(v)),
        Payload::DictView { dict, .. } => Some(Ok(crate::objects::dict::len(dict))),
        _ => None,
    }
}

/// The length of a range object (`OverflowError` past `ssize_t`).
pub fn range_len(v: &Value) -> PyResult<usize> {
    crate::objects::range::len(v)
}

/// `operator.index(v)`: an int as a `BigInt`, calling a user class's `__index__`; `None`
/// when `v` has no integer meaning.
pub fn index_bigint(vm: &Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(b) = int::as_bigint(v) {
        return Ok(Some(b));
    }
    let Some(f) = lookup_user(v.class(), "__index__") else {
        return Ok(None);
    };
    let r = super::call::call_bound(vm, &f, v, super::Args::new(&[]))?;
    match int::as_bigint(&r) {
        Some(b) => Ok(Some(b)),
        None => Err(PyErr::type_error(format!("__index__ returned non-int (type {})", type_name(&r)))),
    }
}

/// [`index_bigint`] for callers without a thread state at hand (a user `__index__` runs in
/// a fresh one).
pub fn index_bigint_novm(v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(b) = int::as_bigint(v) {
        return Ok(Some(b));
    }
    if lookup_user(v.class(), "__index__").is_none() {
        return Ok(None);
    }
    index_bigint(&Vm::new(), v)
}

/// Can `v` serve as an index: an `int` (or bool, or int subclass) or an object whose
/// class defines `__index__` (CPython's `_PyIndex_Check`).
pub fn has_index(v: &Value) -> bool {
    int::is_int(v) || lookup_user(v.class(), "__index__").is_some()
}

/// An `int` (or `__index__`-less int subclass / bool) as `i64`; `OverflowError` if it
/// does not fit.
pub fn index_value(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => match int::as_bigint(v) {
            Some(b) => b.to_i64().ok_or_else(|| PyErr::new("IndexError", "cannot fit 'int' into an index-sized integer")),
            None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
        },
    }
}

/// Rich comparison `a op b` returning a value (user `__eq__` may return anything).
pub fn compare(vm: &Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    if let Some(r) = native_compare(a, b, op) {
        if lookup_user(a.class(), cmp_dunder(op)).is_none() && lookup_user(b.class(), cmp_dunder(op.swapped())).is_none() {
            return r.map(Value::Bool);
        }
    }
    let a_cls = a.class().clone();
    let b_cls = b.class().clone();
    let reflected_first = !a_cls.is(&b_cls) && typeobj::is_subtype(&b_cls, &a_cls) && has_user_cmp(&b_cls, op.swapped());
    if reflected_first {
        if let Some(r) = user_cmp(vm, b, a, op.swapped())? {
            return Ok(r);
        }
    }
    if has_user_cmp(&a_cls, op) {
        if let Some(r) = user_cmp(vm, a, b, op)? {
            return Ok(r);
        }
    } else if let Some(r) = native_compare(a, b, op) {
        return r.map(Value::Bool);
    } else if let Some(r) = seq_compare_vm(vm, a, b, op) {
        return r.map(Value::Bool);
    } else if let Some(r) = container_compare_vm(vm, a, b, op) {
        return r.map(Value::Bool);
    }
    if !reflected_first && has_user_cmp(&b_cls, op.swapped()) {
        if let Some(r) = user_cmp(vm, b, a, op.swapped())? {
            return Ok(r);
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(a.is(b))),
        CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ))),
    }
}

/// Does a user class define the comparison `op` (`!=` counts `__eq__`, which the default
/// `__ne__` inverts)?
fn has_user_cmp(cls: &crate::objects::PyRef, op: CmpOp) -> bool {
    lookup_user(cls, cmp_dunder(op)).is_some() || (op == CmpOp::Ne && lookup_user(cls, "__eq__").is_some())
}

/// `x.__op__(y)` for a user comparison; `None` for `NotImplemented`. Without a user
/// `__ne__`, `!=` is the negation of `__eq__` (object.__ne__).
fn user_cmp(vm: &Vm, x: &Value, y: &Value, op: CmpOp) -> PyResult<Option<Value>> {
    if op == CmpOp::Ne && lookup_user(x.class(), "__ne__").is_none() {
        return match call_method_opt(vm, x, "__eq__", &[y.clone()])? {
            Some(r) if !r.is_not_implemented() => Ok(Some(Value::Bool(!truthy(vm, &r)?))),
            _ => Ok(None),
        };
    }
    match call_method_opt(vm, x, cmp_dunder(op), &[y.clone()])? {
        Some(r) if !r.is_not_implemented() => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// `a op b` as a Rust bool (`bool()` of the comparison's result).
pub fn compare_bool(vm: &Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    if let Some(r) = native_compare(a, b, op) {
        if !a.as_obj().is_some_and(|o| typeobj::type_data(o.class()).is_some_and(|t| t.heap))
            && !b.as_obj().is_some_and(|o| typeobj::type_data(o.class()).is_some_and(|t| t.heap))
        {
            return r;
        }
    }
    let v = compare(vm, a, b, op)?;
    truthy(vm, &v)
}

/// `a == b` as a Rust bool, with the identity shortcut containers use.
pub fn eq(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    compare_bool(vm, a, b, CmpOp::Eq)
}

fn cmp_dunder(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    }
}

fn ord_result<T: PartialOrd>(a: T, b: T, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// Comparison of builtin values without running Python code; `None` when the types are
/// not handled here (or element comparison needs Python code).
pub fn native_compare(a: &Value, b: &Value, op: CmpOp) -> Option<PyResult<bool>> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Some(Ok(match (x, y) {
            (Num::I(p), Num::I(q)) => ord_result(p, q, op),
            (Num::F(p), Num::F(q)) => ord_result(p, q, op),
            (Num::F(p), q) => cmp_float_int(p, &big(&q), op),
            (p, Num::F(q)) => cmp_float_int(q, &big(&p), op.swapped()),
            (p, q) => ord_result(big(&p), big(&q), op),
        }));
    }
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && (crate::objects::complex::parts(a).is_some() || crate::objects::complex::parts(b).is_some()) {
        let to = |v: &Value| -> Option<(f64, Option<BigInt>, f64)> {
            if let Some((re, im)) = crate::objects::complex::parts(v) {
                return Some((re, None, im));
            }
            match as_num(v)? {
                Num::F(f) => Some((f, None, 0.0)),
                n => Some((0.0, Some(big(&n)), 0.0)),
            }
        };
        if let (Some(x), Some(y)) = (to(a), to(b)) {
            let equal = x.2 == y.2
                && match (&x.1, &y.1) {
                    (None, None) => x.0 == y.0,
                    (Some(i), None) => cmp_float_int(y.0, i, CmpOp::Eq),
                    (None, Some(i)) => cmp_float_int(x.0, i, CmpOp::Eq),
                    (Some(i), Some(j)) => i == j,
                };
            return Some(Ok(equal == (op == CmpOp::Eq)));
        }
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Str(x)), Some(Payload::Str(y))) => Some(Ok(ord_result(x.as_str(), y.as_str(), op))),
        (Some(Payload::Bytes(x)), Some(Payload::ByteArray(y))) => Some(Ok(ord_result(&x[..], &y.borrow()[..], op))),
        (Some(Payload::ByteArray(x)), Some(Payload::Bytes(y))) => Some(Ok(ord_result(&x.borrow()[..], &y[..], op))),
        (Some(Payload::ByteArray(x)), Some(Payload::ByteArray(y))) => Some(Ok(ord_result(&x.borrow()[..], &y.borrow()[..], op))),
        (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => Some(Ok(ord_result(&x[..], &y[..], op))),
        (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => seq_compare(x, y, op),
        (Some(Payload::List(x)), Some(Payload::List(y))) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_compare(&x, &y, op)
        }
        (Some(Payload::BoundMethod { func: f1, self_: s1 }), Some(Payload::BoundMethod { func: f2, self_: s2 }))
            if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
        {
            Some(Ok((op == CmpOp::Eq) == (f1.is(f2) && s1.is(s2))))
        }
        _ => match op {
            CmpOp::Eq | CmpOp::Ne if a.is_none() || b.is_none() => Some(Ok((op == CmpOp::Eq) == a.is(b))),
            _ => None,
        },
    }
}

fn cmp_float_int(f: f64, i: &BigInt, op: CmpOp) -> bool {
    if f.is_nan() {
        return op == CmpOp::Ne;
    }
    if f.is_infinite() {
        return ord_result(f, 0.0, op);
    }
    // Compare exactly: floor(f) against i, then the fractional part.
    let fl = f.floor();
    let fi = BigInt::from(fl as i128);
    if fi != *i {
        return ord_result(&fi, i, op);
    }
    ord_result(f - fl, 0.0, op)
}

fn seq_compare(x: &[Value], y: &[Value], op: CmpOp) -> Option<PyResult<bool>> {
    for (p, q) in x.iter().zip(y.iter()) {
        match dict::fast_eq(p, q) {
            Some(true) => continue,
            Some(false) => {
                return match op {
                    CmpOp::Eq => Some(Ok(false)),
                    CmpOp::Ne => Some(Ok(true)),
                    _ => native_compare(p, q, op),
                }
            }
            None => return None,
        }
    }
    Some(Ok(ord_result(x.len(), y.len(), op)))
}

/// Lexicographic comparison of two lists or two tuples whose items need Python code to
/// compare: the first unequal pair decides (CPython's `list_richcompare`).
pub fn seq_compare_vm(vm: &Vm, a: &Value, b: &Value, op: CmpOp) -> Option<PyResult<bool>> {
    let (x, y): (Vec<Value>, Vec<Value>) = match (a.payload()?, b.payload()?) {
        (Payload::List(x), Payload::List(y)) => (x.borrow().clone(), y.borrow().clone()),
        (Payload::Tuple(x), Payload::Tuple(y)) => (x.to_vec(), y.to_vec()),
        _ => return None,
    };
    Some((|| {
        if x.len() != y.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(op == CmpOp::Ne);
        }
        let mut i = 0;
        while i < x.len() && i < y.len() {
            if !eq(vm, &x[i], &y[i])? {
                break;
            }
            i += 1;
        }
        if i >= x.len() || i >= y.len() {
            return Ok(ord_result(x.len(), y.len(), op));
        }
        match op {
            CmpOp::Eq => Ok(false),
            CmpOp::Ne => Ok(true),
            _ => compare_bool(vm, &x[i], &y[i], op),
        }
    })())
}

/// Comparison of sets/frozensets and set-like dict views (subset order), and equality
/// of dicts; `None` when the operands are not such a pair (`NotImplemented`).
pub fn container_compare_vm(vm: &Vm, a: &Value, b: &Value, op: CmpOp) -> Option<PyResult<bool>> {
    use super::set as s;
    use crate::objects::dict_view as dv;
    use crate::objects::mappingproxy::mapping;
    // A mapping proxy compares as its mapping (the other side reflected when it is the proxy).
    if let Some(m) = mapping(a) {
        return Some(compare_bool(vm, m, b, op));
    }
    if let Some(m) = mapping(b) {
        return Some(compare_bool(vm, m, a, op.swapped()));
    }
    if s::is_set_like(a) && s::is_set_like(b) {
        let (x, y) = (s::table_snapshot(a)?, s::table_snapshot(b)?);
        return Some(s::compare_tables(vm, &x, &y, op));
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Range { .. }), Some(Payload::Range { .. })) => {
            return match op {
                CmpOp::Eq => crate::objects::range::equal(a, b).map(Ok),
                CmpOp::Ne => crate::objects::range::equal(a, b).map(|e| Ok(!e)),
                _ => None,
            }
        }
        (Some(Payload::Slice { .. }), Some(Payload::Slice { .. })) => {
            let (x, y) = (crate::objects::range::slice_tuple(a)?, crate::objects::range::slice_tuple(b)?);
            return seq_compare_vm(vm, &x, &y, op);
        }
        _ => {}
    }
    let view_or_set = |v: &Value| dv::is_set_like_view(v) || s::is_set_like(v);
    if (dv::is_set_like_view(a) && view_or_set(b)) || (dv::is_set_like_view(b) && view_or_set(a)) {
        return Some((|| {
            let table = |v: &Value| -> PyResult<crate::objects::set_table::SetTable> {
                Ok(match dv::table(vm, v)? {
                    Some(t) => t,
                    None => s::table_snapshot(v).unwrap_or_default(),
                })
            };
            let (x, y) = (table(a)?, table(b)?);
            s::compare_tables(vm, &x, &y, op)
        })());
    }
    if let (Some(Payload::Dict(x)), Some(Payload::Dict(y)), CmpOp::Eq | CmpOp::Ne) = (a.payload(), b.payload(), op) {
        return Some((|| {
            if x.borrow().len() != y.borrow().len() {
                return Ok(op == CmpOp::Ne);
            }
            let items: Vec<(i64, Value, Value)> = x.borrow().iter().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect();
            for (h, k, v) in items {
                let found = match super::mapping::find(vm, y, h, &k)? {
                    Some(ix) => y.borrow().value_at(ix),
                    None => None,
                };
                match found {
                    Some(w) if eq(vm, &v, &w)? => {}
                    _ => return Ok(op == CmpOp::Ne),
                }
            }
            Ok(op == CmpOp::Eq)
        })());
    }
    None
}

/// `hash(v)`.
#[inline]
pub fn hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    // The common keys (small ints, exact strs with their cached hash) without a call.
    match v {
        Value::Int(i) => return Ok(int::hash_i64(*i)),
        Value::Obj(o) => {
            if let Payload::Str(s) = &o.payload {
                if o.class().is(&types().str) {
                    return Ok(s.hash());
                }
            }
        }
        _ => {}
    }
    hash_general(vm, v)
}

fn hash_general(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::None => Ok(0xfca86420),
        Value::Bool(b) => Ok(*b as i64),
        Value::Int(i) => Ok(int::hash_i64(*i)),
        Value::Float(f) => Ok(hash_float(*f)),
        Value::Obj(o) => {
            let cls = o.class();
            if typeobj::type_data(cls).is_some_and(|t| t.heap) {
                if let Some(h) = typeobj::lookup(cls, "__hash__") {
                    if h.is_none() {
                        return Err(PyErr::type_error(format!("unhashable type: '{}'", type_name(v))));
                    }
                    if lookup_user(cls, "__hash__").is_some() {
                        let r = super::call::call(vm, &h, super::Args::new(&[v.clone()]))?;
                        // A result that fits a machine word is the hash itself (-1 is
                        // reserved, as in CPython); only bigger ints are hashed again.
                        if let Value::Int(i) = r {
                            return Ok(if i == -1 { -2 } else { i });
                        }
                        return match int::as_bigint(&r) {
                            Some(b) => Ok(int::hash_int(&b)),
                            None => Err(PyErr::type_error("__hash__ method should return an integer")),
                        };
                    }
                }
            }
            hash_builtin(vm, v)
        }
    }
}

/// `hash(v)` by the builtin payload, ignoring `__hash__` overrides.
pub fn hash_builtin(vm: &Vm, v: &Value) -> PyResult<i64> {
    let Value::Obj(o) = v else { return hash(vm, v) };
    match &o.payload {
        Payload::Str(s) => Ok(s.hash()),
        Payload::Int(b) => Ok(int::hash_int(b)),
        Payload::Float(f) => Ok(hash_float(*f)),
        Payload::Bytes(b) => Ok(crate::objects::str::hash_bytes(b)),
        Payload::Tuple(items) => {
            // CPython's xxHash-based tuple hash.
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc: u64 = P5;
            for it in items.iter() {
                let lane = hash(vm, it)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
            let h = acc as i64;
            Ok(if h == -1 { 1546275796 } else { h })
        }
        Payload::FrozenSet(_) => Ok(super::set::frozenset_hash(vm, v)?),
        Payload::Range { .. } => crate::objects::range::hash(vm, v),
        Payload::Slice { .. } => Err(PyErr::type_error("unhashable type: 'slice'")),
        Payload::DictView { kind, .. } if *kind != crate::objects::dict_view::VALUES => {
            Err(PyErr::type_error(format!("unhashable type: '{}'", type_name(v))))
        }
        Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::ByteArray(_) | Payload::MappingProxy(_) => {
            Err(PyErr::type_error(format!("unhashable type: '{}'", type_name(v))))
        }
        Payload::Complex { re, im } => {
            let h = hash_float(*re).wrapping_add(1000003i64.wrapping_mul(hash_float(*im)));
            Ok(if h == -1 { -2 } else { h })
        }
        _ => Ok((o.addr() >> 4) as i64),
    }
}

/// Python's hash of a float (equal to the int's hash for integral values).
pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return int::hash_i64(f as i64);
    }
    // Exact rational reduction modulo 2**61-1 (CPython's algorithm).
    const BITS: i32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & MODULUS) | x >> (BITS - e);
    let h = if f < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `frexp`: `f = m * 2**e` with `0.5 <= m < 1`.
pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `list.append` on a list value (used by comprehensions).
pub fn list_append(l: &Value, item: Value) {
    if let Some(cell) = list::cell(l) {
        cell.borrow_mut().push(item);
    }
}

/// Is `v` a type object?
pub fn is_type(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Type(_)))
}

/// `types().str` check for exact str.
pub fn is_exact_str(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.class().is(&types().str))
}
