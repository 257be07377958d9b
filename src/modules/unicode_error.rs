//! `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`: constructor
//! argument checking (`args` is the 5-tuple, or 4-tuple for translate), the `encoding`,
//! `object`, `start`, `end` and `reason` attributes, and CPython's `str()` format, which is
//! computed from the attributes each time (so assigning `e.end` changes the message).

use crate::objects::function::add_methods;
use crate::objects::typeobj::{isinstance, type_name};
use crate::objects::{dict, types, Value};
use crate::runtime::{argparse, repr, set_attr_raw, Args, PyErr, PyResult};
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

pub fn init() {
    let t = types();
    add_methods(t.exc.get("UnicodeEncodeError"), "UnicodeEncodeError", &[("__init__", encode_init)]);
    add_methods(t.exc.get("UnicodeDecodeError"), "UnicodeDecodeError", &[("__init__", decode_init)]);
    add_methods(t.exc.get("UnicodeTranslateError"), "UnicodeTranslateError", &[("__init__", translate_init)]);
}

/// Check the constructor arguments (`PyArg_ParseTuple` formats `UOnnU` / `UnnU`) and store
/// the attributes.
fn parse(vm: &Vm, args: &Args, kind: Kind) -> PyResult<Value> {
    let this = &args.args[0];
    let pos = &args.pos()[1..];
    let want = if kind == Kind::Translate { 4 } else { 5 };
    if pos.len() != want {
        return Err(PyErr::type_error(format!("function takes exactly {want} arguments ({} given)", pos.len())));
    }
    let must_str = |i: usize| -> PyResult<Value> {
        if pos[i].as_str().is_some() {
            Ok(pos[i].clone())
        } else {
            Err(PyErr::type_error(format!("argument {} must be str, not {}", i + 1, type_name(&pos[i]))))
        }
    };
    let (encoding, object, rest) = match kind {
        Kind::Translate => (None, must_str(0)?, &pos[1..]),
        Kind::Encode => (Some(must_str(0)?), must_str(1)?, &pos[2..]),
        Kind::Decode => {
            let enc = must_str(0)?;
            let obj = match crate::objects::bytes::data(&pos[1]) {
                Some(b) => crate::objects::bytes::new_bytes(b.into_owned()),
                None => return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(&pos[1])))),
            };
            (Some(enc), obj, &pos[2..])
        }
    };
    let start = argparse::index_arg(vm, &rest[0])?;
    let end = argparse::index_arg(vm, &rest[1])?;
    let reason = if rest[2].as_str().is_some() {
        rest[2].clone()
    } else {
        return Err(PyErr::type_error(format!("argument {want} must be str, not {}", type_name(&rest[2]))));
    };
    if let Some(d) = crate::objects::exception::exc_data(this) {
        d.borrow_mut().args = Value::new_tuple(pos.to_vec());
    }
    if let Some(o) = this.as_obj() {
        if let Some(enc) = encoding {
            set_attr_raw(o, "encoding", enc);
        }
        set_attr_raw(o, "object", object);
        set_attr_raw(o, "start", Value::Int(start));
        set_attr_raw(o, "end", Value::Int(end));
        set_attr_raw(o, "reason", reason);
    }
    Ok(Value::None)
}

fn encode_init(vm: &Vm, args: Args) -> PyResult<Value> {
    parse(vm, &args, Kind::Encode)
}

fn decode_init(vm: &Vm, args: Args) -> PyResult<Value> {
    parse(vm, &args, Kind::Decode)
}

fn translate_init(vm: &Vm, args: Args) -> PyResult<Value> {
    parse(vm, &args, Kind::Translate)
}

/// A new exception of class `name` with `args` and the attributes set (codec failures).
pub fn new_error(name: &str, args: Vec<Value>) -> PyErr {
    let err = PyErr::with_args(types().exc.get(name), args.clone());
    let names: &[&str] = if name == "UnicodeTranslateError" {
        &["object", "start", "end", "reason"]
    } else {
        &["encoding", "object", "start", "end", "reason"]
    };
    for (k, v) in names.iter().zip(args) {
        set_attr_raw(&err.exc, k, v);
    }
    err
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` as CPython shows a character it cannot encode.
fn escaped(c: u32) -> String {
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// `str()` of a Unicode error whose attributes are set; `None` for other exceptions (or
/// when `object` is missing, where CPython prints the empty string).
pub fn unicode_error_str(vm: &Vm, exc: &Value) -> PyResult<Option<String>> {
    let t = types();
    let kind = if isinstance(exc, t.exc.get("UnicodeEncodeError")) {
        Kind::Encode
    } else if isinstance(exc, t.exc.get("UnicodeDecodeError")) {
        Kind::Decode
    } else if isinstance(exc, t.exc.get("UnicodeTranslateError")) {
        Kind::Translate
    } else {
        return Ok(None);
    };
    let Some(d) = exc.as_obj().and_then(|o| o.dict.borrow().clone()) else {
        return Ok(None);
    };
    let get = |n: &str| dict::get_str(&d, n);
    let Some(object) = get("object") else {
        return Ok(Some(String::new()));
    };
    let reason = repr::str(vm, &get("reason").unwrap_or(Value::None))?;
    let encoding = repr::str(vm, &get("encoding").unwrap_or(Value::None))?;
    let size = match kind {
        Kind::Decode => crate::objects::bytes::data(&object).map_or(0, |b| b.len()),
        _ => object.as_str().map_or(0, |s| s.char_len()),
    } as i64;
    let int_attr = |n: &str| get(n).and_then(|v| crate::objects::int::as_bigint(&v)).and_then(|b| num_traits::ToPrimitive::to_i64(&b));
    // CPython 3.11 formats the raw attributes (no clamping into the object).
    let start = int_attr("start").unwrap_or(0);
    let end = int_attr("end").unwrap_or(0);
    let single = (0..size).contains(&start) && end == start + 1;
    Ok(Some(match kind {
        Kind::Decode if single => {
            let byte = crate::objects::bytes::data(&object).map_or(0, |b| b[start as usize]);
            format!("'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")
        }
        Kind::Decode => format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
        Kind::Encode | Kind::Translate if single => {
            let c = object.as_str().and_then(|s| s.char_at(start as usize)).map_or(0, |c| c as u32);
            if kind == Kind::Encode {
                format!("'{encoding}' codec can't encode character '{}' in position {start}: {reason}", escaped(c))
            } else {
                format!("can't translate character '{}' in position {start}: {reason}", escaped(c))
            }
        }
        Kind::Encode => format!("'{encoding}' codec can't encode characters in position {start}-{}: {reason}", end - 1),
        Kind::Translate => format!("can't translate characters in position {start}-{}: {reason}", end - 1),
    }))
}
