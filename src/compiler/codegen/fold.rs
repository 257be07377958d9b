//! Constant folding, as CPython 3.11's AST optimiser (`Python/ast_opt.c`) does it: unary and
//! binary operators on constants (with the same size limits, so `2**1000` stays a runtime
//! computation), subscripts of constants, tuples of constants, and `__debug__`. Codegen asks
//! [`const_value`] for each expression it compiles; the AST itself is never rewritten.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::Const;
use crate::syntax::ast::{Constant, Expr, ExprContext, ExprKind, Operator, PyString, UnaryOp};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// Convert an AST constant to a code constant.
pub fn from_ast(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => Const::Int(i.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Complex { real, imag } => Const::Complex { real: *real, imag: *imag },
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
        Constant::Ellipsis => Const::Ellipsis,
    }
}

/// The value of `e` if it is a constant after folding, else `None`.
pub fn const_value(e: &Expr, optimize: u32) -> Option<Const> {
    match &e.node {
        ExprKind::Constant { value, .. } => Some(from_ast(value)),
        ExprKind::Name { id, ctx: ExprContext::Load } if id == "__debug__" => Some(Const::Bool(optimize == 0)),
        ExprKind::UnaryOp { op, operand } => unary(*op, &const_value(operand, optimize)?),
        ExprKind::BinOp { left, op, right } => {
            let l = const_value(left, optimize)?;
            let r = const_value(right, optimize)?;
            binary(*op, &l, &r)
        }
        ExprKind::Tuple { elts, ctx: ExprContext::Load } => {
            let mut v = Vec::with_capacity(elts.len());
            for x in elts {
                if matches!(x.node, ExprKind::Starred { .. }) {
                    return None;
                }
                v.push(const_value(x, optimize)?);
            }
            Some(Const::Tuple(v))
        }
        ExprKind::Subscript { value, slice, ctx: ExprContext::Load } => {
            let v = const_value(value, optimize)?;
            let i = const_value(slice, optimize)?;
            subscript(&v, &i)
        }
        _ => None,
    }
}

fn as_int(c: &Const) -> Option<BigInt> {
    match c {
        Const::Int(i) => Some(i.clone()),
        Const::Bool(b) => Some(BigInt::from(*b as u8)),
        _ => None,
    }
}

fn as_float(c: &Const) -> Option<f64> {
    match c {
        Const::Float(f) => Some(*f),
        Const::Int(_) | Const::Bool(_) => {
            let f = as_int(c)?.to_f64()?;
            f.is_finite().then_some(f)
        }
        _ => None,
    }
}

fn truthy(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => !i.is_zero(),
        Const::Float(f) => *f != 0.0,
        Const::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Ellipsis => true,
        Const::Tuple(v) | Const::FrozenSet(v) => !v.is_empty(),
        Const::Code(_) => return None,
    })
}

/// Truth value of a constant (for `if`/`while` tests on constants).
pub fn is_true(c: &Const) -> Option<bool> {
    truthy(c)
}

fn unary(op: UnaryOp, v: &Const) -> Option<Const> {
    match op {
        UnaryOp::Not => Some(Const::Bool(!truthy(v)?)),
        UnaryOp::UAdd => match v {
            Const::Bool(_) | Const::Int(_) => Some(Const::Int(as_int(v)?)),
            Const::Float(_) | Const::Complex { .. } => Some(v.clone()),
            _ => None,
        },
        UnaryOp::USub => match v {
            Const::Bool(_) | Const::Int(_) => Some(Const::Int(-as_int(v)?)),
            Const::Float(f) => Some(Const::Float(-f)),
            Const::Complex { real, imag } => Some(Const::Complex { real: -real, imag: -imag }),
            _ => None,
        },
        UnaryOp::Invert => match v {
            Const::Bool(_) | Const::Int(_) => Some(Const::Int(-as_int(v)? - 1)),
            _ => None,
        },
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn seq_len(c: &Const) -> Option<usize> {
    match c {
        Const::Str(s) => Some(match s {
            PyString::Utf8(s) => s.chars().count(),
            PyString::CodePoints(v) => v.len(),
        }),
        Const::Bytes(b) => Some(b.len()),
        Const::Tuple(v) => Some(v.len()),
        _ => None,
    }
}

fn total_items(c: &Const) -> usize {
    match c {
        Const::Tuple(v) | Const::FrozenSet(v) => v.len() + v.iter().map(total_items).sum::<usize>(),
        _ => 0,
    }
}

fn repeat(seq: &Const, n: &BigInt) -> Option<Const> {
    let size = seq_len(seq)?;
    let n = n.to_i64()?;
    if size > 0 {
        let limit = if matches!(seq, Const::Tuple(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
        if n < 0 || n as usize > limit / size {
            return None;
        }
        if n > 0 && matches!(seq, Const::Tuple(_)) && total_items(seq) > MAX_TOTAL_ITEMS / n as usize {
            return None;
        }
    }
    let n = n.max(0) as usize;
    Some(match seq {
        Const::Str(s) => Const::Str(PyString::from_code_points(s.code_points().repeat(n))),
        Const::Bytes(b) => Const::Bytes(b.repeat(n)),
        Const::Tuple(v) => Const::Tuple(v.iter().cloned().cycle().take(v.len() * n).collect()),
        _ => return None,
    })
}

fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b;
    if (a % b).is_zero() || (a.sign() == Sign::Minus) == (b.sign() == Sign::Minus) {
        q
    } else {
        q - 1
    }
}

fn floor_mod(a: &BigInt, b: &BigInt) -> BigInt {
    let r = a % b;
    if !r.is_zero() && (r.sign() == Sign::Minus) != (b.sign() == Sign::Minus) {
        r + b
    } else {
        r
    }
}

/// Python's float `divmod`; `None` for a zero divisor (the fold is skipped and the error
/// happens at run time, as in CPython).
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    crate::num::float_divmod(vx, wx).ok()
}

fn int_binary(op: Operator, a: &BigInt, b: &BigInt) -> Option<Const> {
    let r = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        Operator::FloorDiv => {
            if b.is_zero() {
                return None;
            }
            floor_div(a, b)
        }
        Operator::Mod => {
            if b.is_zero() {
                return None;
            }
            floor_mod(a, b)
        }
        Operator::Div => {
            if b.is_zero() {
                return None;
            }
            // Exact only while both fit a double's mantissa.
            let lim = BigInt::from(1u64 << 53);
            if a.abs() > lim || b.abs() > lim {
                return None;
            }
            return Some(Const::Float(a.to_f64()? / b.to_f64()?));
        }
        Operator::Pow => {
            if b.sign() == Sign::Minus {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let w = b.to_u64()?;
                if bits(a) > MAX_INT_SIZE / w {
                    return None;
                }
            }
            a.pow(b.to_u32()?)
        }
        Operator::LShift => {
            if b.sign() == Sign::Minus {
                return None;
            }
            if !a.is_zero() && !b.is_zero() {
                let w = b.to_u64()?;
                if w > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - w {
                    return None;
                }
            }
            a << b.to_usize()?
        }
        Operator::RShift => {
            if b.sign() == Sign::Minus {
                return None;
            }
            match b.to_usize() {
                Some(n) => {
                    if a.sign() == Sign::Minus {
                        // Arithmetic shift rounds toward negative infinity.
                        floor_div(a, &(BigInt::from(1) << n))
                    } else {
                        a >> n
                    }
                }
                None => BigInt::from(if a.sign() == Sign::Minus { -1 } else { 0 }),
            }
        }
        Operator::BitAnd => a & b,
        Operator::BitOr => a | b,
        Operator::BitXor => a ^ b,
        Operator::MatMult => return None,
    };
    Some(Const::Int(r))
}

fn float_binary(op: Operator, a: f64, b: f64) -> Option<Const> {
    let r = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Operator::FloorDiv => float_divmod(a, b)?.0,
        Operator::Mod => float_divmod(a, b)?.1,
        Operator::Pow => {
            if a == 0.0 && b < 0.0 {
                return None;
            }
            if a < 0.0 && b.fract() != 0.0 {
                return None;
            }
            a.powf(b)
        }
        _ => return None,
    };
    // Overflow raises OverflowError at run time in CPython; leave it to the VM.
    if !r.is_finite() && a.is_finite() && b.is_finite() {
        return None;
    }
    Some(Const::Float(r))
}

fn binary(op: Operator, l: &Const, r: &Const) -> Option<Const> {
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return int_binary(op, &a, &b);
    }
    let is_num = |c: &Const| matches!(c, Const::Int(_) | Const::Bool(_) | Const::Float(_));
    if is_num(l) && is_num(r) {
        return float_binary(op, as_float(l)?, as_float(r)?);
    }
    let as_complex = |c: &Const| match c {
        Const::Complex { real, imag } => Some((*real, *imag)),
        _ => as_float(c).map(|f| (f, 0.0)),
    };
    if matches!(l, Const::Complex { .. }) || matches!(r, Const::Complex { .. }) {
        let ((a, b), (c, d)) = (as_complex(l)?, as_complex(r)?);
        return match op {
            Operator::Add => Some(Const::Complex { real: a + c, imag: b + d }),
            Operator::Sub => Some(Const::Complex { real: a - c, imag: b - d }),
            Operator::Mult => Some(Const::Complex { real: a * c - b * d, imag: a * d + b * c }),
            _ => None,
        };
    }
    match (op, l, r) {
        (Operator::Add, Const::Str(a), Const::Str(b)) => {
            let mut v = a.code_points();
            v.extend(b.code_points());
            Some(Const::Str(PyString::from_code_points(v)))
        }
        (Operator::Add, Const::Bytes(a), Const::Bytes(b)) => Some(Const::Bytes([a.as_slice(), b.as_slice()].concat())),
        (Operator::Add, Const::Tuple(a), Const::Tuple(b)) => Some(Const::Tuple([a.as_slice(), b.as_slice()].concat())),
        (Operator::Mult, s, n) if as_int(n).is_some() && seq_len(s).is_some() => repeat(s, &as_int(n)?),
        (Operator::Mult, n, s) if as_int(n).is_some() && seq_len(s).is_some() => repeat(s, &as_int(n)?),
        _ => None,
    }
}

fn subscript(v: &Const, i: &Const) -> Option<Const> {
    let idx = as_int(i)?.to_i64()?;
    let n = seq_len(v)? as i64;
    let k = if idx < 0 { idx + n } else { idx };
    if k < 0 || k >= n {
        return None;
    }
    let k = k as usize;
    Some(match v {
        Const::Str(s) => Const::Str(PyString::from_code_points(vec![s.code_points()[k]])),
        Const::Bytes(b) => Const::Int(BigInt::from(b[k])),
        Const::Tuple(t) => t[k].clone(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Const {
        Const::Int(BigInt::from(i))
    }

    #[test]
    fn python_floor_semantics() {
        assert_eq!(binary(Operator::FloorDiv, &int(-7), &int(2)), Some(int(-4)));
        assert_eq!(binary(Operator::Mod, &int(-7), &int(3)), Some(int(2)));
        assert_eq!(binary(Operator::Mod, &Const::Float(-7.0), &Const::Float(3.0)), Some(Const::Float(2.0)));
        assert_eq!(binary(Operator::RShift, &int(-5), &int(1)), Some(int(-3)));
    }

    #[test]
    fn size_limits() {
        assert_eq!(binary(Operator::Pow, &int(2), &int(127)), None);
        assert_eq!(binary(Operator::Pow, &int(2), &int(63)), Some(Const::Int(BigInt::from(1u64 << 63))));
        assert_eq!(binary(Operator::LShift, &int(1), &int(128)), None);
        assert!(binary(Operator::Mult, &Const::Str(PyString::Utf8("a".into())), &int(4096)).is_some());
        assert_eq!(binary(Operator::Mult, &Const::Str(PyString::Utf8("a".into())), &int(4097)), None);
        assert_eq!(binary(Operator::Div, &int(1), &int(0)), None);
    }
}
