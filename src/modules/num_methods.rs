//! The public methods of `int` and `float` (`bit_length`, `to_bytes`, `from_bytes`,
//! `as_integer_ratio`, `hex`, `fromhex`, ...). The numeric algorithms live in `crate::num`;
//! this file converts arguments and raises CPython's errors.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::objects::function::{add_methods, native_method};
use crate::objects::typeobj::type_name;
use crate::objects::{dict, int, types, Payload, PyRef, Value};
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
        ],
    );
    add_classmethod(&t.int, "int", "from_bytes", int_from_bytes);
    add_classmethod(&t.float, "float", "fromhex", float_fromhex);
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

fn no_args(args: &Args, name: &str) -> PyResult<()> {
    args.no_kwargs(name)?;
    if args.args.len() > 1 {
        return Err(PyErr::type_error(format!("{name}() takes no arguments ({} given)", args.args.len() - 1)));
    }
    Ok(())
}

fn int_bit_length(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "bit_length")?;
    let n = self_int(&args, "bit_length")?;
    Ok(Value::from(n.bits() as usize))
}

fn int_bit_count(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "bit_count")?;
    let n = self_int(&args, "bit_count")?;
    let count: u64 = n.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(Value::from(count as usize))
}

fn int_as_integer_ratio(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "as_integer_ratio")?;
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

/// `byteorder` and `signed` of `to_bytes`/`from_bytes` (`pos` starts after the data).
fn byteorder_arg(args: &Args, pos: Option<&Value>) -> PyResult<bool> {
    let order = pos.or(args.kwarg("byteorder"));
    match order {
        None => Ok(true),
        Some(v) => match v.as_str().map(|s| s.as_str()) {
            Some("big") => Ok(true),
            Some("little") => Ok(false),
            Some(_) => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
            None => Err(PyErr::type_error(format!("to_bytes() argument 'byteorder' must be str, not {}", type_name(v)))),
        },
    }
}

fn signed_arg(vm: &Vm, args: &Args) -> PyResult<bool> {
    match args.kwarg("signed") {
        Some(v) => crate::runtime::ops::truthy(vm, v),
        None => Ok(false),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_kwargs("to_bytes", &["length", "byteorder", "signed"])?;
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(PyErr::type_error(format!("to_bytes() takes at most 2 positional arguments ({} given)", pos.len() - 1)));
    }
    let n = self_int(&args, "to_bytes")?;
    let length = match pos.get(1).or(args.kwarg("length")) {
        Some(v) => crate::modules::math::arg_index(vm, v)?,
        None => BigInt::from(1),
    };
    if length.is_negative() {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let length = length.to_usize().ok_or_else(|| PyErr::new("OverflowError", "Python int too large to convert to C ssize_t"))?;
    let big_endian = byteorder_arg(&args, pos.get(2))?;
    let signed = signed_arg(vm, &args)?;
    if n.is_negative() && !signed {
        return Err(PyErr::new("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.is_zero() {
        bytes.clear();
    }
    // Trim redundant sign bytes a two's complement encoding may carry.
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
    args.check_kwargs("from_bytes", &["bytes", "byteorder", "signed"])?;
    let pos = args.pos();
    let cls = pos.first().cloned().unwrap_or(Value::Obj(types().int.clone()));
    let data_v =
        pos.get(1).or(args.kwarg("bytes")).ok_or_else(|| PyErr::type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let big_endian = byteorder_arg(&args, pos.get(2))?;
    let signed = signed_arg(vm, &args)?;
    let mut data: Vec<u8> = match crate::objects::bytes::data(data_v) {
        Some(d) => d.into_owned(),
        None => {
            if data_v.as_str().is_some() {
                return Err(PyErr::type_error("cannot convert 'str' object to bytes"));
            }
            let items = iter::collect(vm, data_v)?;
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
    no_args(&args, "is_integer")?;
    Ok(Value::Bool(crate::num::float::float_is_integer(self_float(&args, "is_integer")?)))
}

fn float_as_integer_ratio(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "as_integer_ratio")?;
    let (n, d) = crate::num::float::float_as_integer_ratio(self_float(&args, "as_integer_ratio")?).map_err(PyErr::from_spec)?;
    Ok(Value::new_tuple(vec![int::normalize(n), int::normalize(d)]))
}

fn float_hex(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "hex")?;
    Ok(Value::new_str(crate::num::float::float_hex(self_float(&args, "hex")?)))
}

fn float_conjugate(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "conjugate")?;
    Ok(Value::Float(self_float(&args, "conjugate")?))
}

fn float_getnewargs(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_tuple(vec![Value::Float(self_float(&args, "__getnewargs__")?)]))
}

/// `float.fromhex(string)` (a classmethod: subclasses get `cls(value)`).
fn float_fromhex(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("fromhex")?;
    let pos = args.check_count("fromhex", 2, 2)?;
    let s = pos[1].as_str().ok_or_else(|| PyErr::type_error(format!("must be str, not {}", type_name(&pos[1]))))?;
    let x = crate::num::float::float_fromhex(s.as_str()).map_err(PyErr::from_spec)?;
    if pos[0].as_obj().is_some_and(|c| c.is(&types().float)) {
        return Ok(Value::Float(x));
    }
    call::call(vm, &pos[0], Args::new(&[Value::Float(x)]))
}
