//! The public methods of `int` and `float` (`bit_length`, `to_bytes`, `from_bytes`,
//! `as_integer_ratio`, `hex`, `fromhex`, ...). The numeric algorithms live in `crate::num`;
//! this file converts arguments and raises CPython's errors.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::objects::function::{add_methods, native_method};
use crate::objects::typeobj::type_name;
use crate::objects::{complex, dict, int, types, Payload, PyRef, Value};
use crate::runtime::{call, iter, Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn init() {
    let t = types();
    add_methods(
        &t.int,
        "int",
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("as_integer_ratio", int_as_integer_ratio),
            ("conjugate", int_conjugate),
            ("__trunc__", int_conjugate),
            ("__floor__", int_conjugate),
            ("__ceil__", int_conjugate),
            ("__getnewargs__", int_getnewargs),
            ("__round__", int_round),
        ],
    );
    add_methods(
        &t.float,
        "float",
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("conjugate", float_conjugate),
            ("__getnewargs__", float_getnewargs),
            ("__round__", float_round),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
        ],
    );
    add_methods(
        &t.complex,
        "complex",
        &[
            ("__new__", complex_new),
            ("conjugate", complex_conjugate),
            ("__complex__", complex_complex),
            ("__getnewargs__", complex_getnewargs),
        ],
    );
    add_classmethod(&t.int, "int", "from_bytes", int_from_bytes);
    add_classmethod(&t.float, "float", "fromhex", float_fromhex);
    add_classmethod(&t.float, "float", "__getformat__", float_getformat);
}

fn add_classmethod(cls: &PyRef, owner: &'static str, name: &'static str, f: crate::objects::NativeFn) {
    if let Some(ns) = cls.dict.borrow().as_ref() {
        let m = native_method(owner, name, f);
        dict::set_str(ns, name, Value::Obj(PyRef::new(&types().classmethod, Payload::ClassMethod(m))));
    }
}

/// The receiver of an `int` method as a big integer (bools and subclasses included).
fn self_int(args: &Args, name: &str) -> PyResult<BigInt> {
    let this = args.args.first().ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' of 'int' object needs an argument")))?;
    int::as_bigint(this)
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' for 'int' objects doesn't apply to a '{}' object", type_name(this))))
}

/// The receiver of a `float` method.
fn self_float(args: &Args, name: &str) -> PyResult<f64> {
    match args.args.first() {
        Some(Value::Float(f)) => Ok(*f),
        Some(v) => match v.payload() {
            Some(Payload::Float(f)) => Ok(*f),
            _ => Err(PyErr::type_error(format!("descriptor '{name}' for 'float' objects doesn't apply to a '{}' object", type_name(v)))),
        },
        None => Err(PyErr::type_error(format!("descriptor '{name}' of 'float' object needs an argument"))),
    }
}

fn int_bit_length(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("int.bit_length")?;
    let n = self_int(&args, "bit_length")?;
    Ok(Value::from(n.bits() as usize))
}

fn int_bit_count(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("int.bit_count")?;
    let n = self_int(&args, "bit_count")?;
    let count: u64 = n.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(Value::from(count as usize))
}

fn int_as_integer_ratio(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("int.as_integer_ratio")?;
    let n = self_int(&args, "as_integer_ratio")?;
    Ok(Value::new_tuple(vec![int::normalize(n), Value::Int(1)]))
}

/// `int.conjugate()`, `__trunc__`, `__floor__`, `__ceil__`: the value as an exact int.
fn int_conjugate(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("conjugate")?;
    Ok(int::normalize(self_int(&args, "conjugate")?))
}

fn int_getnewargs(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_tuple(vec![int::normalize(self_int(&args, "__getnewargs__")?)]))
}

/// The `byteorder` argument of `to_bytes`/`from_bytes` (`true`: big-endian, the default).
fn byteorder_arg(order: Option<&Value>, fname: &str) -> PyResult<bool> {
    match order {
        None => Ok(true),
        Some(v) => match v.as_str().map(|s| s.as_str()) {
            Some("big") => Ok(true),
            Some("little") => Ok(false),
            Some(_) => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
            None => Err(PyErr::type_error(format!("{fname}() argument 'byteorder' must be str, not {}", type_name(v)))),
        },
    }
}

fn signed_arg(vm: &Vm, signed: Option<&Value>) -> PyResult<bool> {
    match signed {
        Some(v) => crate::runtime::ops::truthy(vm, v),
        None => Ok(false),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &Vm, args: Args) -> PyResult<Value> {
    let n = self_int(&args, "to_bytes")?;
    let [length, order, signed] = args.keywords("to_bytes", ["length", "byteorder", "signed"], 0, 2, 0)?;
    let length = match length {
        Some(v) => crate::modules::math::arg_index(vm, v)?,
        None => BigInt::from(1),
    };
    if length.is_negative() {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let length = length.to_usize().ok_or_else(|| PyErr::new("OverflowError", "Python int too large to convert to C ssize_t"))?;
    let big_endian = byteorder_arg(order, "to_bytes")?;
    let signed = signed_arg(vm, signed)?;
    if n.is_negative() && !signed {
        return Err(PyErr::new("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(PyErr::new("OverflowError", "int too big to convert"));
    }
    let fill = if signed && n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big_endian {
        bytes.reverse();
    }
    Ok(crate::objects::bytes::new_bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
fn int_from_bytes(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = args.args.first().cloned().unwrap_or(Value::Obj(types().int.clone()));
    let [data_v, order, signed] = args.keywords("from_bytes", ["bytes", "byteorder", "signed"], 0, 2, 1)?;
    let data_v = data_v.unwrap_or(&Value::None);
    let big_endian = byteorder_arg(order, "from_bytes")?;
    let signed = signed_arg(vm, signed)?;
    let mut data: Vec<u8> = match crate::objects::bytes::data(data_v) {
        Some(d) => d.into_owned(),
        None => {
            // `bytes(x)` without its int (size) and str forms, as CPython's `PyObject_Bytes`.
            let not_bytes = || PyErr::type_error(format!("cannot convert '{}' object to bytes", type_name(data_v)));
            if data_v.as_str().is_some() || int::is_int(data_v) {
                return Err(not_bytes());
            }
            let items = iter::collect(vm, data_v).map_err(|e| if e.is("TypeError") { not_bytes() } else { e })?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let b = crate::modules::math::arg_index(vm, &item)?;
                out.push(b.to_u8().ok_or_else(|| PyErr::value_error("bytes must be in range(0, 256)"))?);
            }
            out
        }
    };
    if big_endian {
        data.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) };
    let v = int::normalize(n);
    if cls.as_obj().is_some_and(|c| c.is(&types().int)) {
        return Ok(v);
    }
    call::call(vm, &cls, Args::new(&[v]))
}

fn float_is_integer(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("float.is_integer")?;
    Ok(Value::Bool(crate::num::float::float_is_integer(self_float(&args, "is_integer")?)))
}

fn float_as_integer_ratio(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("float.as_integer_ratio")?;
    let (n, d) = crate::num::float::float_as_integer_ratio(self_float(&args, "as_integer_ratio")?).map_err(PyErr::from_spec)?;
    Ok(Value::new_tuple(vec![int::normalize(n), int::normalize(d)]))
}

fn float_hex(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("float.hex")?;
    Ok(Value::new_str(crate::num::float::float_hex(self_float(&args, "hex")?)))
}

fn float_conjugate(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("float.conjugate")?;
    Ok(Value::Float(self_float(&args, "conjugate")?))
}

fn float_getnewargs(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_tuple(vec![Value::Float(self_float(&args, "__getnewargs__")?)]))
}

/// `float.__getformat__(typestr)`: how C doubles and floats are stored (always IEEE
/// little-endian on the platforms gild runs on).
fn float_getformat(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = args.one("float.__getformat__")?;
    match v.as_str().map(|s| s.as_str()) {
        Some("double" | "float") => Ok(Value::new_str("IEEE, little-endian")),
        Some(_) => Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => Err(PyErr::type_error(format!("__getformat__() argument must be str, not {}", type_name(v)))),
    }
}

/// `float.fromhex(string)` (a classmethod: subclasses get `cls(value)`).
fn float_fromhex(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("fromhex")?;
    let pos = args.check_count("fromhex", 2, 2)?;
    let s = pos[1].as_str().ok_or_else(|| PyErr::type_error("bad argument type for built-in operation"))?;
    let x = crate::num::float::float_fromhex(s.as_str()).map_err(PyErr::from_spec)?;
    if pos[0].as_obj().is_some_and(|c| c.is(&types().float)) {
        return Ok(Value::Float(x));
    }
    call::call(vm, &pos[0], Args::new(&[Value::Float(x)]))
}

/// `round(x)` / `round(x, ndigits)` of a builtin int or float (`None` for other values).
/// `ndigits` is clamped to the `i64` range: beyond it rounding is the identity or gives
/// zero anyway.
pub fn round_builtin(vm: &Vm, x: &Value, ndigits: Option<&Value>) -> Option<PyResult<Value>> {
    let as_float = match x {
        Value::Float(f) => Some(*f),
        _ => match x.payload() {
            Some(Payload::Float(f)) => Some(*f),
            _ => None,
        },
    };
    let n = if as_float.is_some() { None } else { Some(int::as_bigint(x)?) };
    let nd = match ndigits.filter(|v| !v.is_none()) {
        None => None,
        Some(v) => match crate::runtime::argparse::index_bigint(vm, v) {
            Ok(d) => Some(d.to_i64().unwrap_or(if d.is_negative() { i64::MIN } else { i64::MAX })),
            Err(e) => return Some(Err(e)),
        },
    };
    Some(match (as_float, n) {
        (Some(f), _) => match nd {
            None => crate::num::float_round_to_int(f).map(int::normalize).map_err(PyErr::from_spec),
            Some(d) => crate::num::float_round(f, d).map(Value::Float).map_err(PyErr::from_spec),
        },
        (None, n) => {
            let n = n.unwrap_or_default();
            Ok(int::normalize(match nd {
                None => n,
                Some(d) => crate::num::int_round(&n, d),
            }))
        }
    })
}

/// `int.__round__(ndigits=None)` / `float.__round__(ndigits=None)`.
fn num_round(vm: &Vm, args: Args, owner: &str) -> PyResult<Value> {
    let pos = args.posonly(&format!("{owner}.__round__"), "__round__", 0, 1)?;
    round_builtin(vm, &args.args[0], pos.first()).unwrap_or_else(|| Ok(Value::not_implemented()))
}

fn int_round(vm: &Vm, args: Args) -> PyResult<Value> {
    self_int(&args, "__round__")?;
    // Unlike `float.__round__` and `round()`, `int.__round__` takes no `None`.
    if let Some(Value::None) = args.rest().first() {
        return Err(PyErr::type_error("'NoneType' object cannot be interpreted as an integer"));
    }
    num_round(vm, args, "int")
}

fn float_round(vm: &Vm, args: Args) -> PyResult<Value> {
    self_float(&args, "__round__")?;
    num_round(vm, args, "float")
}

/// `float.__trunc__`, `__floor__`, `__ceil__`: the float rounded to an int by `f`.
fn float_to_int_by(args: &Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    args.noargs(&format!("float.{name}"))?;
    let x = self_float(args, name)?;
    crate::num::float_to_bigint(f(x)).map(int::normalize).map_err(PyErr::from_spec)
}

fn float_trunc(_vm: &Vm, args: Args) -> PyResult<Value> {
    float_to_int_by(&args, "__trunc__", f64::trunc)
}

fn float_floor(_vm: &Vm, args: Args) -> PyResult<Value> {
    float_to_int_by(&args, "__floor__", f64::floor)
}

fn float_ceil(_vm: &Vm, args: Args) -> PyResult<Value> {
    float_to_int_by(&args, "__ceil__", f64::ceil)
}

/// The receiver of a `complex` method.
fn self_complex(args: &Args, name: &str) -> PyResult<(f64, f64)> {
    let v = args.args.first().ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' of 'complex' object needs an argument")))?;
    complex::parts(v)
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object", type_name(v))))
}

fn complex_conjugate(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("complex.conjugate")?;
    let (re, im) = self_complex(&args, "conjugate")?;
    Ok(complex::new_complex(re, -im))
}

fn complex_complex(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("complex.__complex__")?;
    let (re, im) = self_complex(&args, "__complex__")?;
    Ok(complex::new_complex(re, im))
}

fn complex_getnewargs(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("complex.__getnewargs__")?;
    let (re, im) = self_complex(&args, "__getnewargs__")?;
    Ok(Value::new_tuple(vec![Value::Float(re), Value::Float(im)]))
}

/// One argument of `complex(real, imag)` as a pair and whether it was a complex number
/// (itself or through `__complex__`); `None` when it is not a number at all.
fn complex_operand(vm: &Vm, v: &Value) -> PyResult<Option<((f64, f64), bool)>> {
    if let Some(f) = call::lookup_user(v.class(), "__complex__") {
        let r = call::call_bound(vm, &f, v, Args::new(&[]))?;
        return match complex::parts(&r) {
            Some(p) => Ok(Some((p, true))),
            None => Err(PyErr::type_error(format!("__complex__ returned non-complex (type {})", type_name(&r)))),
        };
    }
    if let Some(p) = complex::parts(v) {
        return Ok(Some((p, true)));
    }
    let is_real = int::is_int(v)
        || matches!(v, Value::Float(_) | Value::Bool(_))
        || matches!(v.payload(), Some(Payload::Float(_)))
        || call::lookup_user(v.class(), "__float__").is_some()
        || call::lookup_user(v.class(), "__index__").is_some();
    if !is_real {
        return Ok(None);
    }
    Ok(Some(((super::object_methods::to_float(vm, v)?, 0.0), false)))
}

/// `complex(real=0, imag=0)` or `complex(string)`: `real + imag*1j` where a complex
/// `imag` contributes its imaginary part to the real result and vice versa (no `0*inf`).
fn complex_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = super::object_methods::new_cls_arg(&args, &types().complex)?;
    let [real, imag] = args.keywords("complex", ["real", "imag"], 0, 2, 0)?;
    if let Some(s) = real.and_then(|r| r.as_str()) {
        if imag.is_some() {
            return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = crate::num::parse_complex(s.as_str()).map_err(PyErr::from_spec)?;
        return Ok(new_of(cls, re, im));
    }
    if imag.is_some_and(|i| i.as_str().is_some()) {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    // `complex(z)` of an exact complex is `z` itself.
    if let (Some(r), None) = (real, imag) {
        if cls.is(&types().complex) && r.class().is(&types().complex) {
            return Ok(r.clone());
        }
    }
    let ((mut re, r_im), r_complex) = match real {
        None => ((0.0, 0.0), false),
        Some(r) => complex_operand(vm, r)?
            .ok_or_else(|| PyErr::type_error(format!("complex() first argument must be a string or a number, not '{}'", type_name(r))))?,
    };
    let mut im = r_im;
    if let Some(i) = imag {
        let ((i_re, i_im), i_complex) = complex_operand(vm, i)?
            .ok_or_else(|| PyErr::type_error(format!("complex() second argument must be a number, not '{}'", type_name(i))))?;
        im = i_re;
        if i_complex {
            re -= i_im;
        }
        if r_complex {
            im += r_im;
        }
    }
    Ok(new_of(cls, re, im))
}

fn new_of(cls: &PyRef, re: f64, im: f64) -> Value {
    if cls.is(&types().complex) {
        complex::new_complex(re, im)
    } else {
        super::object_methods::alloc_instance(cls, Payload::Complex { re, im })
    }
}
