//! `complex`: a pair of floats (`Payload::Complex`), its arithmetic with CPython's
//! algorithms (Smith's division, integer powers by repeated squaring) and errors.

use super::{types, Payload, PyRef, Value};
use crate::runtime::{PyErr, PyResult};

/// A new exact `complex`.
pub fn new_complex(re: f64, im: f64) -> Value {
    Value::Obj(PyRef::new(&types().complex, Payload::Complex { re, im }))
}

/// The parts of a complex value (including subclasses).
pub fn parts(v: &Value) -> Option<(f64, f64)> {
    match v.payload() {
        Some(Payload::Complex { re, im }) => Some((*re, *im)),
        _ => None,
    }
}

/// `a / b` (CPython's `_Py_c_quot`: scaled to avoid overflow).
pub fn div(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let (ar, ai) = a;
    let (br, bi) = b;
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(PyErr::zero_division("complex division by zero"));
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Ok(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Ok(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

fn mul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn pow_int(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1i64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    r
}

/// `a ** b` (CPython's `complex_pow`).
pub fn pow(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let r = if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            pow_int(a, n)
        } else if n == 0 {
            (1.0, 0.0)
        } else {
            if a == (0.0, 0.0) {
                return Err(PyErr::zero_division("0.0 to a negative or complex power"));
            }
            div((1.0, 0.0), pow_int(a, -n))?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PyErr::zero_division("0.0 to a negative or complex power"));
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if !(r.0.is_finite() && r.1.is_finite()) && a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite() {
        return Err(PyErr::overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// A binary operation where at least one operand is complex and the other a number;
/// `None` if an operand is not a number.
pub fn binop(a: (f64, f64), b: (f64, f64), op: crate::bytecode::BinOp) -> Option<PyResult<Value>> {
    use crate::bytecode::BinOp::*;
    let r = match op {
        Add => Ok((a.0 + b.0, a.1 + b.1)),
        Subtract => Ok((a.0 - b.0, a.1 - b.1)),
        Multiply => Ok(mul(a, b)),
        TrueDivide => div(a, b),
        Power => pow(a, b),
        _ => return None,
    };
    Some(r.map(|(re, im)| new_complex(re, im)))
}
