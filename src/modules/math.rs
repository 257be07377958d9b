//! The `math` module: binds the pure algorithms of `crate::num::math` to Python values.
//! This file owns argument conversion (`PyFloat_AsDouble` / `PyNumber_Index` rules), the
//! `__floor__`/`__ceil__`/`__trunc__` protocol, the n-ary and iterable functions
//! (`hypot`, `dist`, `fsum`, `prod`, `gcd`, `lcm`) and CPython's argument-count messages.
//! The numerics themselves (special cases, error kinds) live in `num::math`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::bytecode::BinOp;
use crate::num::math as m;
use crate::objects::function::native;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, int, module, Payload, PyRef, Value};
use crate::runtime::call::{call_bound, lookup_user};
use crate::runtime::{iter, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

/// `PyFloat_AsDouble`: floats, ints, `__float__`, then `__index__`.
pub fn arg_f64(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    if let Some(Payload::Float(f)) = v.payload() {
        return Ok(*f);
    }
    if let Some(f) = lookup_user(v.class(), "__float__") {
        let r = call_bound(vm, &f, v, Args::new(&[]))?;
        return match r {
            Value::Float(f) => Ok(f),
            _ => match r.payload() {
                Some(Payload::Float(f)) => Ok(*f),
                _ => Err(PyErr::type_error(format!("{}.__float__ returned non-float (type {})", type_name(v), type_name(&r)))),
            },
        };
    }
    if let Some(Payload::Int(b)) = v.payload() {
        return ops::int_to_f64(b);
    }
    if lookup_user(v.class(), "__index__").is_some() {
        return ops::int_to_f64(&arg_index(vm, v)?);
    }
    Err(PyErr::type_error(format!("must be real number, not {}", type_name(v))))
}

/// `PyNumber_Index`: an int, or the result of `__index__`.
pub fn arg_index(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = int::as_bigint(v) {
        return Ok(b);
    }
    if let Some(f) = lookup_user(v.class(), "__index__") {
        let r = call_bound(vm, &f, v, Args::new(&[]))?;
        return int::as_bigint(&r).ok_or_else(|| PyErr::type_error(format!("__index__ returned non-int (type {})", type_name(&r))));
    }
    Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))
}

fn spec<T>(r: crate::num::SpecResult<T>) -> PyResult<T> {
    r.map_err(PyErr::from_spec)
}

/// The single argument of a `METH_O` function (`math.sqrt() takes exactly one argument`).
fn one<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    // The common call, without building the qualified name only errors need.
    if let ([x], []) = (args.args, args.kwnames) {
        return Ok(x);
    }
    let full = format!("math.{name}");
    args.no_kwargs(&full)?;
    Ok(&args.check_count(&full, 1, 1)?[0])
}

/// The two positional arguments of a two-argument function.
fn two<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    if let ([x, y], []) = (args.args, args.kwnames) {
        return Ok((x, y));
    }
    args.no_kwargs(&format!("math.{name}"))?;
    let p = args.check_count(name, 2, 2)?;
    Ok((&p[0], &p[1]))
}

macro_rules! float_fns {
    ($($fname:ident => $name:literal, $f:path;)*) => {
        $(
            fn $fname(vm: &Vm, args: Args) -> PyResult<Value> {
                let x = arg_f64(vm, one(&args, $name)?)?;
                Ok(Value::Float(spec($f(x))?))
            }
        )*
        const FLOAT_FNS: &[(&str, crate::objects::NativeFn)] = &[$(($name, $fname)),*];
    };
}

float_fns! {
    math_sqrt => "sqrt", m::math_sqrt;
    math_exp => "exp", m::math_exp;
    math_exp2 => "exp2", m::math_exp2;
    math_expm1 => "expm1", m::math_expm1;
    math_log1p => "log1p", m::math_log1p;
    math_cbrt => "cbrt", m::math_cbrt;
    math_sin => "sin", m::math_sin;
    math_cos => "cos", m::math_cos;
    math_tan => "tan", m::math_tan;
    math_asin => "asin", m::math_asin;
    math_acos => "acos", m::math_acos;
    math_atan => "atan", m::math_atan;
    math_sinh => "sinh", m::math_sinh;
    math_cosh => "cosh", m::math_cosh;
    math_tanh => "tanh", m::math_tanh;
    math_asinh => "asinh", m::math_asinh;
    math_acosh => "acosh", m::math_acosh;
    math_atanh => "atanh", m::math_atanh;
    math_erf => "erf", m::math_erf;
    math_erfc => "erfc", m::math_erfc;
    math_fabs => "fabs", m::math_fabs;
    math_gamma => "gamma", m::math_gamma;
    math_lgamma => "lgamma", m::math_lgamma;
}

macro_rules! float2_fns {
    ($($fname:ident => $name:literal, $f:path;)*) => {
        $(
            fn $fname(vm: &Vm, args: Args) -> PyResult<Value> {
                let (a, b) = two(&args, $name)?;
                let (x, y) = (arg_f64(vm, a)?, arg_f64(vm, b)?);
                Ok(Value::Float(spec($f(x, y))?))
            }
        )*
        const FLOAT2_FNS: &[(&str, crate::objects::NativeFn)] = &[$(($name, $fname)),*];
    };
}

float2_fns! {
    math_atan2 => "atan2", m::math_atan2;
    math_fmod => "fmod", m::math_fmod;
    math_remainder => "remainder", m::math_remainder;
    math_pow => "pow", m::math_pow;
}

fn math_copysign(vm: &Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "copysign")?;
    Ok(Value::Float(m::math_copysign(arg_f64(vm, a)?, arg_f64(vm, b)?)))
}

fn math_nextafter(vm: &Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "nextafter")?;
    Ok(Value::Float(m::math_nextafter(arg_f64(vm, a)?, arg_f64(vm, b)?)))
}

fn math_ulp(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(m::math_ulp(arg_f64(vm, one(&args, "ulp")?)?)))
}

fn math_degrees(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(m::math_degrees(arg_f64(vm, one(&args, "degrees")?)?)))
}

fn math_radians(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(m::math_radians(arg_f64(vm, one(&args, "radians")?)?)))
}

fn math_isfinite(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(arg_f64(vm, one(&args, "isfinite")?)?.is_finite()))
}

fn math_isinf(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(arg_f64(vm, one(&args, "isinf")?)?.is_infinite()))
}

fn math_isnan(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(arg_f64(vm, one(&args, "isnan")?)?.is_nan()))
}

fn math_frexp(vm: &Vm, args: Args) -> PyResult<Value> {
    let (mant, e) = m::math_frexp(arg_f64(vm, one(&args, "frexp")?)?);
    Ok(Value::new_tuple(vec![Value::Float(mant), Value::Int(e as i64)]))
}

fn math_modf(vm: &Vm, args: Args) -> PyResult<Value> {
    let (frac, whole) = m::math_modf(arg_f64(vm, one(&args, "modf")?)?);
    Ok(Value::new_tuple(vec![Value::Float(frac), Value::Float(whole)]))
}

fn math_ldexp(vm: &Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "ldexp")?;
    let x = arg_f64(vm, a)?;
    let Some(i) = int::as_bigint(b) else {
        return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
    };
    // Exponents beyond the i64 range behave like the extreme ones (overflow or zero).
    let i = i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    Ok(Value::Float(spec(m::math_ldexp(x, i))?))
}

/// `floor`/`ceil`: exact floats directly, then the type's `__floor__`/`__ceil__`, then
/// conversion to float.
fn rounding(vm: &Vm, args: Args, name: &str, dunder: &str, f: fn(f64) -> crate::num::SpecResult<BigInt>) -> PyResult<Value> {
    let x = one(&args, name)?;
    if let Value::Float(v) = x {
        return Ok(int::normalize(spec(f(*v))?));
    }
    if let Some(meth) = lookup_user(x.class(), dunder) {
        return call_bound(vm, &meth, x, Args::new(&[]));
    }
    if let Some(b) = int::as_bigint(x) {
        // `int.__floor__` and friends return the int itself (a plain int for bool).
        return Ok(int::normalize(b));
    }
    Ok(int::normalize(spec(f(arg_f64(vm, x)?))?))
}

fn math_floor(vm: &Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "floor", "__floor__", m::math_floor)
}

fn math_ceil(vm: &Vm, args: Args) -> PyResult<Value> {
    rounding(vm, args, "ceil", "__ceil__", m::math_ceil)
}

fn math_trunc(vm: &Vm, args: Args) -> PyResult<Value> {
    let x = one(&args, "trunc")?;
    if let Value::Float(v) = x {
        return Ok(int::normalize(spec(m::math_trunc(*v))?));
    }
    if let Some(meth) = lookup_user(x.class(), "__trunc__") {
        return call_bound(vm, &meth, x, Args::new(&[]));
    }
    if let Some(b) = int::as_bigint(x) {
        return Ok(int::normalize(b));
    }
    if let Some(Payload::Float(v)) = x.payload() {
        return Ok(int::normalize(spec(m::math_trunc(*v))?));
    }
    Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", type_name(x))))
}

/// The logarithm of `x` (ints of any size exactly, others as floats).
fn log_of(vm: &Vm, x: &Value, kind: m::LogKind) -> PyResult<f64> {
    match int::as_bigint(x) {
        Some(b) if lookup_user(x.class(), "__float__").is_none() => spec(m::math_log_int(&b, kind)),
        _ => spec(m::math_log(arg_f64(vm, x)?, kind)),
    }
}

fn math_log(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("math.log")?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &pos[0], m::LogKind::Ln)?;
    match pos.get(1) {
        None => Ok(Value::Float(num)),
        Some(base) => {
            let den = log_of(vm, base, m::LogKind::Ln)?;
            Ok(Value::Float(spec(m::math_log_ratio(num, den))?))
        }
    }
}

fn math_log2(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(log_of(vm, one(&args, "log2")?, m::LogKind::Log2)?))
}

fn math_log10(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(log_of(vm, one(&args, "log10")?, m::LogKind::Log10)?))
}

fn math_factorial(vm: &Vm, args: Args) -> PyResult<Value> {
    let n = arg_index(vm, one(&args, "factorial")?)?;
    Ok(int::normalize(spec(m::math_factorial(&n))?))
}

fn math_isqrt(vm: &Vm, args: Args) -> PyResult<Value> {
    let n = arg_index(vm, one(&args, "isqrt")?)?;
    Ok(int::normalize(spec(m::math_isqrt(&n))?))
}

fn math_comb(vm: &Vm, args: Args) -> PyResult<Value> {
    let (a, b) = two(&args, "comb")?;
    let (n, k) = (arg_index(vm, a)?, arg_index(vm, b)?);
    Ok(int::normalize(spec(m::math_comb(&n, &k))?))
}

fn math_perm(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("math.perm")?;
    let pos = args.check_count("perm", 1, 2)?;
    let n = arg_index(vm, &pos[0])?;
    let k = match pos.get(1) {
        None | Some(Value::None) => None,
        Some(k) => Some(arg_index(vm, k)?),
    };
    Ok(int::normalize(spec(m::math_perm(&n, k.as_ref()))?))
}

fn int_args(vm: &Vm, args: &Args, name: &str) -> PyResult<Vec<BigInt>> {
    args.no_kwargs(&format!("math.{name}"))?;
    args.pos().iter().map(|v| arg_index(vm, v)).collect()
}

fn math_gcd(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(int::normalize(m::math_gcd(&int_args(vm, &args, "gcd")?)))
}

fn math_lcm(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(int::normalize(m::math_lcm(&int_args(vm, &args, "lcm")?)))
}

fn math_hypot(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("math.hypot")?;
    let coords = args.pos().iter().map(|v| arg_f64(vm, v)).collect::<PyResult<Vec<f64>>>()?;
    Ok(Value::Float(m::math_hypot(&coords)))
}

fn math_dist(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, q) = two(&args, "dist")?;
    let floats = |v: &Value| -> PyResult<Vec<f64>> { iter::collect(vm, v)?.iter().map(|x| arg_f64(vm, x)).collect() };
    let (p, q) = (floats(p)?, floats(q)?);
    Ok(Value::Float(spec(m::math_dist(&p, &q))?))
}

fn math_fsum(vm: &Vm, args: Args) -> PyResult<Value> {
    let it = iter::iter(vm, one(&args, "fsum")?)?;
    let mut values = Vec::new();
    while let Some(x) = iter::next(vm, &it)? {
        values.push(arg_f64(vm, &x)?);
    }
    Ok(Value::Float(spec(m::math_fsum(values))?))
}

fn math_prod(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    let nargs = args.args.len();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!("prod() takes exactly 1 positional argument ({} given)", pos.len())));
    }
    if let Some((k, _)) = args.kwargs().find(|(k, _)| *k != "start") {
        return Err(if nargs > 2 {
            PyErr::type_error(format!("prod() takes at most 2 arguments ({nargs} given)"))
        } else {
            PyErr::type_error(format!("'{k}' is an invalid keyword argument for prod()"))
        });
    }
    let mut acc = args.kwarg("start").cloned().unwrap_or(Value::Int(1));
    let it = iter::iter(vm, &pos[0])?;
    while let Some(x) = iter::next(vm, &it)? {
        acc = ops::binary_op(vm, &acc, &x, BinOp::Multiply)?;
    }
    Ok(acc)
}

/// Keyword-or-positional float argument `name` at position `i` (for `isclose`).
fn kw_float(vm: &Vm, args: &Args, name: &str, default: f64) -> PyResult<f64> {
    match args.kwarg(name) {
        Some(v) => arg_f64(vm, v),
        None => Ok(default),
    }
}

fn math_isclose(vm: &Vm, args: Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kwargs().find(|(k, _)| !["a", "b", "rel_tol", "abs_tol"].contains(k)) {
        return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for isclose()")));
    }
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", pos.len())));
    }
    let get = |i: usize, name: &str| -> PyResult<f64> {
        match pos.get(i).or_else(|| args.kwarg(name)) {
            Some(v) => arg_f64(vm, v),
            None => Err(PyErr::type_error(format!("isclose() missing required argument '{name}' (pos {})", i + 1))),
        }
    };
    let (a, b) = (get(0, "a")?, get(1, "b")?);
    let rel = kw_float(vm, &args, "rel_tol", 1e-9)?;
    let abs = kw_float(vm, &args, "abs_tol", 0.0)?;
    Ok(Value::Bool(spec(m::math_isclose(a, b, rel, abs))?))
}

/// Create the `math` module.
pub fn create() -> PyRef {
    let md = module::new_module("math");
    let Some(d) = module::globals(&md) else { return md };
    for (name, f) in FLOAT_FNS.iter().chain(FLOAT2_FNS) {
        dict::set_str(&d, name, native(name, *f));
    }
    let table: &[(&'static str, crate::objects::NativeFn)] = &[
        ("copysign", math_copysign),
        ("nextafter", math_nextafter),
        ("ulp", math_ulp),
        ("degrees", math_degrees),
        ("radians", math_radians),
        ("isfinite", math_isfinite),
        ("isinf", math_isinf),
        ("isnan", math_isnan),
        ("frexp", math_frexp),
        ("modf", math_modf),
        ("ldexp", math_ldexp),
        ("floor", math_floor),
        ("ceil", math_ceil),
        ("trunc", math_trunc),
        ("log", math_log),
        ("log2", math_log2),
        ("log10", math_log10),
        ("factorial", math_factorial),
        ("isqrt", math_isqrt),
        ("comb", math_comb),
        ("perm", math_perm),
        ("gcd", math_gcd),
        ("lcm", math_lcm),
        ("hypot", math_hypot),
        ("dist", math_dist),
        ("fsum", math_fsum),
        ("prod", math_prod),
        ("isclose", math_isclose),
    ];
    for (name, f) in table {
        dict::set_str(&d, name, native(name, *f));
    }
    for (name, v) in [("pi", m::PI), ("e", m::E), ("tau", m::TAU), ("inf", m::INF), ("nan", m::NAN)] {
        dict::set_str(&d, name, Value::Float(v));
    }
    md
}
