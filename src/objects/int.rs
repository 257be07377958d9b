//! `int`: arbitrary precision, with values in the `i64` range kept as immediates
//! (`Value::Int`). Arithmetic tries the machine-word path first and falls back to `BigInt`
//! on overflow; results are normalised back to immediates when they fit.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{types, Payload, PyRef, Value};

/// Build an int value from a `BigInt`, using the immediate form when it fits.
pub fn normalize(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Obj(PyRef::new(&types().int, Payload::Int(b))),
    }
}

/// The integer value of an `int` or `bool` (including subclasses), as a `BigInt`.
pub fn as_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Is `v` an int (or bool, or an int subclass instance)?
pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::Int(_)))
}

/// Floor division with Python's rounding toward negative infinity. `b` is non-zero.
pub fn floordiv(a: &BigInt, b: &BigInt) -> BigInt {
    a.div_floor(b)
}

/// Modulo with the sign of the divisor. `b` is non-zero.
pub fn modulo(a: &BigInt, b: &BigInt) -> BigInt {
    a.mod_floor(b)
}

/// `i64` floor division; `None` on overflow (`i64::MIN // -1`). `b` is non-zero.
#[inline]
pub fn floordiv_i64(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `i64` modulo with the sign of the divisor. `b` is non-zero.
#[inline]
pub fn mod_i64(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// `a ** b` for a non-negative exponent.
pub fn pow_big(a: &BigInt, b: u64) -> BigInt {
    if b <= u32::MAX as u64 {
        num_traits::pow::Pow::pow(a, b as u32)
    } else {
        // Only 0, 1 and -1 can be raised this far without exhausting memory.
        if a.is_zero() || *a == BigInt::from(1) {
            a.clone()
        } else if *a == BigInt::from(-1) {
            if b % 2 == 0 {
                BigInt::from(1)
            } else {
                a.clone()
            }
        } else {
            num_traits::pow::Pow::pow(a, u32::MAX)
        }
    }
}

/// `abs()` of a big int.
pub fn abs_big(a: &BigInt) -> BigInt {
    a.abs()
}

/// Python's `hash()` of an int: the value modulo 2**61 - 1, with CPython's sign rules.
pub fn hash_int(v: &BigInt) -> i64 {
    const MODULUS: i64 = (1 << 61) - 1;
    let m = BigInt::from(MODULUS);
    let r = v.abs().mod_floor(&m).to_i64().unwrap_or(0);
    let h = if v.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash()` of an `i64` int.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    const MODULUS: i64 = (1 << 61) - 1;
    // Below the modulus (every int a program counts with) the hash is the value itself.
    if i > -MODULUS && i < MODULUS {
        return if i == -1 { -2 } else { i };
    }
    let r = (i.unsigned_abs() % MODULUS as u64) as i64;
    let h = if i < 0 { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}
