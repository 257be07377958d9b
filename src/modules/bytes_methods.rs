//! Methods and constructors of `bytes` and `bytearray`, with CPython's argument errors.
//! The shared methods build a result of the receiver's kind (`bytearray.upper()` is a
//! `bytearray`); the algorithms are `text::bytes_methods`, the sequence protocol
//! `objects::bytes`, and `%` reuses the `str` formatting loop over the Latin-1 decoding.

use std::borrow::Cow;

use crate::objects::bytes::{self as ob, bytes_arg, data, new_bytearray, new_bytes};
use crate::objects::function::add_methods;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, int, types, Payload, PyRef, Value};
use crate::runtime::argparse::{index_arg, slice_index};
use crate::runtime::{iter, Args, PyErr, PyResult};
use crate::text::bytes_methods as m;
use crate::text::percent::ConvSpec;
use crate::vm::Vm;

const SHARED: &[(&str, crate::objects::NativeFn)] = &[
    ("capitalize", b_capitalize),
    ("center", b_center),
    ("count", b_count),
    ("decode", b_decode),
    ("endswith", b_endswith),
    ("expandtabs", b_expandtabs),
    ("find", b_find),
    ("hex", b_hex),
    ("index", b_index),
    ("isalnum", b_isalnum),
    ("isalpha", b_isalpha),
    ("isascii", b_isascii),
    ("isdigit", b_isdigit),
    ("islower", b_islower),
    ("isspace", b_isspace),
    ("istitle", b_istitle),
    ("isupper", b_isupper),
    ("join", b_join),
    ("ljust", b_ljust),
    ("lower", b_lower),
    ("lstrip", b_lstrip),
    ("partition", b_partition),
    ("removeprefix", b_removeprefix),
    ("removesuffix", b_removesuffix),
    ("replace", b_replace),
    ("rfind", b_rfind),
    ("rindex", b_rindex),
    ("rjust", b_rjust),
    ("rpartition", b_rpartition),
    ("rsplit", b_rsplit),
    ("rstrip", b_rstrip),
    ("split", b_split),
    ("splitlines", b_splitlines),
    ("startswith", b_startswith),
    ("strip", b_strip),
    ("swapcase", b_swapcase),
    ("title", b_title),
    ("translate", b_translate),
    ("upper", b_upper),
    ("zfill", b_zfill),
    ("__mod__", b_mod),
    ("__rmod__", b_rmod),
];

pub fn init() {
    let t = types();
    add_methods(&t.bytes, "bytes", SHARED);
    add_methods(&t.bytearray, "bytearray", SHARED);
    add_methods(&t.bytes, "bytes", &[("__new__", bytes_new), ("__getnewargs__", bytes_getnewargs), ("__bytes__", bytes_bytes)]);
    add_methods(
        &t.bytearray,
        "bytearray",
        &[
            ("__new__", bytearray_new),
            ("__init__", bytearray_init),
            ("append", ba_append),
            ("extend", ba_extend),
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("clear", ba_clear),
            ("reverse", ba_reverse),
            ("copy", ba_copy),
            ("__alloc__", ba_alloc),
            ("__reduce__", ba_reduce),
            ("__reduce_ex__", ba_reduce_ex),
            ("__iadd__", ba_iadd),
            ("__imul__", ba_imul),
        ],
    );
    for cls in [&t.bytes, &t.bytearray] {
        let ns = cls.dict.borrow().clone();
        if let Some(ns) = ns {
            let f = crate::objects::function::native("fromhex", b_fromhex);
            dict::set_str(&ns, "fromhex", Value::Obj(PyRef::new(&t.classmethod, Payload::ClassMethod(f))));
            let f = crate::objects::function::native("maketrans", b_maketrans);
            dict::set_str(&ns, "maketrans", Value::Obj(PyRef::new(&t.staticmethod, Payload::StaticMethod(f))));
        }
    }
}

// ----- receivers and results ------------------------------------------------------------

/// The receiver's bytes and whether it is a `bytearray`.
fn recv<'a>(args: &Args<'a>, name: &str) -> PyResult<(Cow<'a, [u8]>, bool)> {
    let v: &'a Value = args.args.first().ok_or_else(|| PyErr::type_error(format!("unbound method bytes.{name}() needs an argument")))?;
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok((Cow::Borrowed(&b[..]), false)),
        Some(Payload::ByteArray(b)) => Ok((Cow::Owned(b.borrow().clone()), true)),
        _ => Err(PyErr::type_error(format!("descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object", type_name(v)))),
    }
}

fn tname(array: bool) -> &'static str {
    if array {
        "bytearray"
    } else {
        "bytes"
    }
}

fn qual(array: bool, name: &str) -> String {
    format!("{}.{name}", tname(array))
}

/// A result of the receiver's kind.
fn make(array: bool, b: Vec<u8>) -> Value {
    if array {
        new_bytearray(b)
    } else {
        new_bytes(b)
    }
}

/// The receiver's `bytearray` cell.
fn array_cell<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a std::cell::RefCell<Vec<u8>>> {
    match args.args.first().and_then(|v| v.payload()) {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => {
            let tn = args.args.first().map(type_name).unwrap_or_default();
            Err(PyErr::type_error(format!("descriptor '{name}' for 'bytearray' objects doesn't apply to a '{tn}' object")))
        }
    }
}

// ----- constructors ---------------------------------------------------------------------

/// The bytes of `source` encoded with `encoding`/`errors` (the `bytes(s, encoding)` form).
fn encode_source(fname: &str, source: Option<&Value>, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<Vec<u8>> {
    let Some(s) = source.and_then(|v| v.as_str()) else {
        let what = if encoding.is_some() { "encoding" } else { "errors" };
        return Err(PyErr::type_error(format!("{what} without a string argument")));
    };
    let (codec, errs) = super::str_methods::codec_args(fname, encoding, errors)?;
    crate::text::codecs::encode(s.as_str(), codec, &errs)
        .map_err(|e| super::str_methods::codec_error(e, true, source.cloned().unwrap_or(Value::None), s.as_str(), &[]))
}

fn bytes_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = super::object_methods::new_cls_arg(&args, &types().bytes)?.clone();
    let [source, encoding, errors] = args.keywords("bytes", ["source", "encoding", "errors"], 0, 3, 0)?;
    let exact = cls.is(&types().bytes);
    let out: Vec<u8> = if encoding.is_some() || errors.is_some() {
        encode_source("bytes", source, encoding, errors)?
    } else {
        match source {
            None => Vec::new(),
            Some(src) => {
                if let Some(r) = ob::call_dunder_bytes(vm, src)? {
                    if exact {
                        return Ok(r);
                    }
                    data(&r).map(|d| d.into_owned()).unwrap_or_default()
                } else if src.as_str().is_some() {
                    return Err(PyErr::type_error("string argument without an encoding"));
                } else if exact && src.class().is(&types().bytes) {
                    return Ok(src.clone());
                } else {
                    ob::from_object(vm, src, "bytes")?
                }
            }
        }
    };
    if exact {
        return Ok(new_bytes(out));
    }
    Ok(super::object_methods::alloc_instance(&cls, Payload::Bytes(out.into_boxed_slice())))
}

fn bytearray_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = super::object_methods::new_cls_arg(&args, &types().bytearray)?.clone();
    Ok(super::object_methods::alloc_instance(&cls, Payload::ByteArray(Default::default())))
}

fn bytearray_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "__init__")?;
    let [source, encoding, errors] = args.keywords("bytearray", ["source", "encoding", "errors"], 0, 3, 0)?;
    let out = if encoding.is_some() || errors.is_some() {
        encode_source("bytearray", source, encoding, errors)?
    } else {
        match source {
            None => Vec::new(),
            Some(src) if src.as_str().is_some() => return Err(PyErr::type_error("string argument without an encoding")),
            Some(src) => ob::from_object(vm, src, "bytearray")?,
        }
    };
    *cell.borrow_mut() = out;
    Ok(Value::None)
}

fn bytes_getnewargs(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "__getnewargs__")?;
    args.noargs(&qual(arr, "__getnewargs__"))?;
    Ok(Value::new_tuple(vec![new_bytes(d.into_owned())]))
}

fn bytes_bytes(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "__bytes__")?;
    args.noargs(&qual(arr, "__bytes__"))?;
    if args.args[0].class().is(&types().bytes) {
        return Ok(args.args[0].clone());
    }
    Ok(new_bytes(d.into_owned()))
}

// ----- no-argument methods --------------------------------------------------------------

fn map_bytes(args: &Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (d, arr) = recv(args, name)?;
    args.noargs(&qual(arr, name))?;
    Ok(make(arr, f(&d)))
}

fn test_bytes(args: &Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (d, arr) = recv(args, name)?;
    args.noargs(&qual(arr, name))?;
    Ok(Value::Bool(f(&d)))
}

macro_rules! no_arg_methods {
    ($helper:ident: $($f:ident $name:literal $algo:path;)*) => {
        $(
            fn $f(_vm: &Vm, args: Args) -> PyResult<Value> {
                $helper(&args, $name, $algo)
            }
        )*
    };
}

no_arg_methods! { map_bytes:
    b_capitalize "capitalize" m::bytes_capitalize;
    b_lower "lower" m::bytes_lower;
    b_upper "upper" m::bytes_upper;
    b_swapcase "swapcase" m::bytes_swapcase;
    b_title "title" m::bytes_title;
}

no_arg_methods! { test_bytes:
    b_isalnum "isalnum" m::bytes_isalnum;
    b_isalpha "isalpha" m::bytes_isalpha;
    b_isascii "isascii" m::bytes_isascii;
    b_isdigit "isdigit" m::bytes_isdigit;
    b_islower "islower" m::bytes_islower;
    b_isspace "isspace" m::bytes_isspace;
    b_istitle "istitle" m::bytes_istitle;
    b_isupper "isupper" m::bytes_isupper;
}

// ----- searching ------------------------------------------------------------------------

/// The `sub` argument of the search methods: bytes-like or an integer byte.
fn sub_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    if let Some(d) = data(v) {
        return Ok(d);
    }
    if crate::runtime::ops::has_index(v) {
        return Ok(Cow::Owned(vec![ob::byte_value(vm, v, "byte must be in range(0, 256)")?]));
    }
    Err(PyErr::type_error(format!("argument should be integer or bytes-like object, not '{}'", type_name(v))))
}

type Search<'a> = (Cow<'a, [u8]>, Cow<'a, [u8]>, Option<i64>, Option<i64>);

fn search_args<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<Search<'a>> {
    let (d, arr) = recv(args, name)?;
    let pos = args.tuple_args(&qual(arr, name), name, 1, 3)?;
    let sub = sub_arg(vm, &pos[0])?;
    Ok((d, sub, slice_index(vm, pos.get(1))?, slice_index(vm, pos.get(2))?))
}

fn b_find(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, sub, a, b) = search_args(vm, &args, "find")?;
    Ok(Value::Int(m::bytes_find(&d, &sub, a, b)))
}

fn b_rfind(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, sub, a, b) = search_args(vm, &args, "rfind")?;
    Ok(Value::Int(m::bytes_rfind(&d, &sub, a, b)))
}

fn b_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, sub, a, b) = search_args(vm, &args, "index")?;
    m::bytes_index(&d, &sub, a, b).map(Value::Int).map_err(PyErr::from_spec)
}

fn b_rindex(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, sub, a, b) = search_args(vm, &args, "rindex")?;
    m::bytes_rindex(&d, &sub, a, b).map(Value::Int).map_err(PyErr::from_spec)
}

fn b_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, sub, a, b) = search_args(vm, &args, "count")?;
    Ok(Value::from(m::bytes_count(&d, &sub, a, b)))
}

/// `startswith`/`endswith`: bytes or a tuple of bytes, within `[start, end)`.
fn affix(vm: &Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let (d, arr) = recv(args, name)?;
    let pos = args.tuple_args(&qual(arr, name), name, 1, 3)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    if let Some(Payload::Tuple(items)) = pos[0].payload() {
        for p in items.iter() {
            if m::bytes_tailmatch(&d, &bytes_arg(p)?, start, end, at_end) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match data(&pos[0]) {
        Some(p) => Ok(Value::Bool(m::bytes_tailmatch(&d, &p, start, end, at_end))),
        None => Err(PyErr::type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", type_name(&pos[0])))),
    }
}

fn b_startswith(vm: &Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", false)
}

fn b_endswith(vm: &Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", true)
}

// ----- splitting, joining, stripping ----------------------------------------------------

fn list_of(array: bool, parts: Vec<&[u8]>) -> Value {
    Value::new_list(parts.into_iter().map(|p| make(array, p.to_vec())).collect())
}

fn split_args<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(Option<Cow<'a, [u8]>>, i64)> {
    let [sep, maxsplit] = args.keywords(name, ["sep", "maxsplit"], 0, 2, 0)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    let maxsplit = match maxsplit {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn b_split(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "split")?;
    let (sep, maxsplit) = split_args(vm, &args, "split")?;
    Ok(list_of(arr, m::bytes_split(&d, sep.as_deref(), maxsplit).map_err(PyErr::from_spec)?))
}

fn b_rsplit(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    Ok(list_of(arr, m::bytes_rsplit(&d, sep.as_deref(), maxsplit).map_err(PyErr::from_spec)?))
}

fn b_splitlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "splitlines")?;
    let [keep] = args.keywords("splitlines", ["keepends"], 0, 1, 0)?;
    let keep = match keep {
        Some(v) => index_arg(vm, v)? != 0,
        None => false,
    };
    Ok(list_of(arr, m::bytes_splitlines(&d, keep)))
}

fn b_join(vm: &Vm, args: Args) -> PyResult<Value> {
    let (sep, arr) = recv(&args, "join")?;
    let seq = args.one(&qual(arr, "join"))?;
    let items = match seq.payload() {
        Some(Payload::List(_)) | Some(Payload::Tuple(_)) => iter::collect(vm, seq)?,
        _ => {
            let it = iter::iter(vm, seq).map_err(|e| if e.is("TypeError") { PyErr::type_error("can only join an iterable") } else { e })?;
            let mut v = Vec::new();
            while let Some(x) = iter::next(vm, &it)? {
                v.push(x);
            }
            v
        }
    };
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match data(it) {
            Some(b) => out.extend_from_slice(&b),
            None => return Err(PyErr::type_error(format!("sequence item {i}: expected a bytes-like object, {} found", type_name(it)))),
        }
    }
    Ok(make(arr, out))
}

fn strip_impl(args: &Args, name: &str, f: for<'x> fn(&'x [u8], Option<&[u8]>) -> &'x [u8]) -> PyResult<Value> {
    let (d, arr) = recv(args, name)?;
    let pos = args.posonly(&qual(arr, name), name, 0, 1)?;
    let chars = match pos.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(v)?),
    };
    Ok(make(arr, f(&d, chars.as_deref()).to_vec()))
}

fn b_strip(_vm: &Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "strip", m::bytes_strip)
}

fn b_lstrip(_vm: &Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "lstrip", m::bytes_lstrip)
}

fn b_rstrip(_vm: &Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "rstrip", m::bytes_rstrip)
}

fn partition_impl(
    args: &Args,
    name: &str,
    f: for<'x> fn(&'x [u8], &[u8]) -> crate::num::SpecResult<(&'x [u8], &'x [u8], &'x [u8])>,
) -> PyResult<Value> {
    let (d, arr) = recv(args, name)?;
    let sep = bytes_arg(args.one(&qual(arr, name))?)?;
    let (a, b, c) = f(&d, &sep).map_err(PyErr::from_spec)?;
    Ok(Value::new_tuple(vec![make(arr, a.to_vec()), make(arr, b.to_vec()), make(arr, c.to_vec())]))
}

fn b_partition(_vm: &Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, "partition", m::bytes_partition)
}

fn b_rpartition(_vm: &Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, "rpartition", m::bytes_rpartition)
}

fn b_removeprefix(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "removeprefix")?;
    let p = bytes_arg(args.one(&qual(arr, "removeprefix"))?)?;
    Ok(make(arr, d.strip_prefix(&p[..]).unwrap_or(&d).to_vec()))
}

fn b_removesuffix(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "removesuffix")?;
    let p = bytes_arg(args.one(&qual(arr, "removesuffix"))?)?;
    let out = if p.is_empty() { &d[..] } else { d.strip_suffix(&p[..]).unwrap_or(&d) };
    Ok(make(arr, out.to_vec()))
}

fn b_replace(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "replace")?;
    let pos = args.posonly(&qual(arr, "replace"), "replace", 2, 3)?;
    let (old, new) = (bytes_arg(&pos[0])?, bytes_arg(&pos[1])?);
    let count = match pos.get(2) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    Ok(make(arr, m::bytes_replace(&d, &old, &new, count)))
}

// ----- padding --------------------------------------------------------------------------

fn pad(vm: &Vm, args: &Args, name: &str, f: fn(&[u8], i64, u8) -> Vec<u8>) -> PyResult<Value> {
    let (d, arr) = recv(args, name)?;
    let pos = args.posonly(&qual(arr, name), name, 1, 2)?;
    let width = index_arg(vm, &pos[0])?;
    let fill = match pos.get(1) {
        None => b' ',
        Some(v) => match data(v) {
            Some(b) if b.len() == 1 => b[0],
            _ => return Err(PyErr::type_error(format!("{name}() argument 2 must be a byte string of length 1, not {}", type_name(v)))),
        },
    };
    Ok(make(arr, f(&d, width, fill)))
}

fn b_center(vm: &Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "center", m::bytes_center)
}

fn b_ljust(vm: &Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "ljust", m::bytes_ljust)
}

fn b_rjust(vm: &Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "rjust", m::bytes_rjust)
}

fn b_zfill(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "zfill")?;
    let width = index_arg(vm, args.one(&qual(arr, "zfill"))?)?;
    Ok(make(arr, m::bytes_zfill(&d, width)))
}

fn b_expandtabs(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "expandtabs")?;
    let [tabsize] = args.keywords("expandtabs", ["tabsize"], 0, 1, 0)?;
    let tabsize = match tabsize {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    Ok(make(arr, m::bytes_expandtabs(&d, tabsize)))
}

// ----- translation, hex, decoding -------------------------------------------------------

fn b_translate(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "translate")?;
    let pos = args.rest();
    let nkw = args.kwnames.len();
    if pos.len() + nkw > 2 {
        return Err(PyErr::type_error(format!("translate() takes at most 2 arguments ({} given)", pos.len() + nkw)));
    }
    let mut delete = pos.get(1);
    for (k, v) in args.kwargs() {
        if k == "delete" && delete.is_none() {
            delete = Some(v);
        } else if k == "delete" {
            return Err(PyErr::type_error("argument for translate() given by name ('delete') and position (2)"));
        } else {
            return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for translate()")));
        }
    }
    let Some(table) = pos.first() else {
        return Err(PyErr::type_error(format!("translate() takes at least 1 positional argument ({} given)", pos.len())));
    };
    let table = match table {
        Value::None => None,
        v => {
            let t = bytes_arg(v)?;
            if t.len() != 256 {
                return Err(PyErr::value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        Some(v) => bytes_arg(v)?,
        None => Cow::Borrowed(&b""[..]),
    };
    Ok(make(arr, m::bytes_translate(&d, table.as_deref(), &delete)))
}

fn b_maketrans(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("maketrans")?;
    let pos = args.check_count("maketrans", 2, 2)?;
    let (frm, to) = (bytes_arg(&pos[0])?, bytes_arg(&pos[1])?);
    Ok(new_bytes(m::bytes_maketrans(&frm, &to).map_err(PyErr::from_spec)?))
}

pub(super) fn b_hex(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, _) = recv(&args, "hex")?;
    let [sep, per] = args.keywords("hex", ["sep", "bytes_per_sep"], 0, 2, 0)?;
    // CPython checks the length, then the type, then ASCII.
    let sep = match sep {
        None => None,
        Some(v) => {
            if crate::runtime::ops::len(vm, v)? != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            let c = match (v.as_str(), data(v)) {
                (Some(s), _) => s.as_str().chars().next().map_or(0, |c| c as u32),
                (None, Some(b)) => b[0] as u32,
                _ => return Err(PyErr::type_error("sep must be str or bytes.")),
            };
            if c > 127 {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(c as u8)
        }
    };
    let per = match per {
        Some(v) => index_arg(vm, v)?,
        None => 1,
    };
    Ok(Value::new_str(m::bytes_hex(&d, sep, per)))
}

fn b_fromhex(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = args.args.first().and_then(|v| v.as_obj()).cloned().ok_or_else(|| PyErr::type_error("fromhex() needs a class"))?;
    let array = typeobj::is_subtype(&cls, &types().bytearray);
    let s = args.one(&format!("{}.fromhex", tname(array)))?;
    let s = s.as_str().ok_or_else(|| PyErr::type_error(format!("fromhex() argument must be str, not {}", type_name(s))))?;
    let out = make(array, m::bytes_fromhex(s.as_str()).map_err(PyErr::from_spec)?);
    if cls.is(&types().bytes) || cls.is(&types().bytearray) {
        return Ok(out);
    }
    crate::runtime::call::call(vm, &Value::Obj(cls), Args::new(&[out]))
}

fn b_decode(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, _) = recv(&args, "decode")?;
    let [enc, errors] = args.keywords("decode", ["encoding", "errors"], 0, 2, 0)?;
    Ok(Value::new_str(super::str_methods::decode_bytes(&args.args[0], &d, "decode", enc, errors)?))
}

// ----- % formatting ---------------------------------------------------------------------

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

/// The bytes `%s`/`%b` inserts: a bytes-like value or the result of `__bytes__`.
fn percent_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data(v) {
        return Ok(d.into_owned());
    }
    if let Some(r) = ob::call_dunder_bytes(vm, v)? {
        return Ok(data(&r).map(|d| d.into_owned()).unwrap_or_default());
    }
    Err(PyErr::type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", type_name(v))))
}

fn percent_one(vm: &Vm, v: &Value, spec: &ConvSpec) -> PyResult<String> {
    use crate::text::percent::percent_str;
    match spec.conv {
        's' | 'b' => Ok(percent_str(&latin1(&percent_bytes(vm, v)?), spec)),
        'r' | 'a' => Ok(percent_str(&super::str_format::ascii_of(vm, v)?, spec)),
        'c' => {
            let c = if let Some(d) = data(v).filter(|d| d.len() == 1) {
                d[0]
            } else if crate::runtime::ops::has_index(v) {
                let n = crate::runtime::argparse::index_bigint(vm, v)?;
                match num_traits::ToPrimitive::to_u8(&n) {
                    Some(c) => c,
                    None => return Err(PyErr::overflow_error("%c arg not in range(256)")),
                }
            } else {
                return Err(PyErr::type_error("%c requires an integer in range(256) or a single byte"));
            };
            Ok(percent_str(&(c as char).to_string(), spec))
        }
        _ => super::str_format::percent_one(vm, v, spec),
    }
}

/// `b % args`.
pub fn bytes_percent_format(vm: &Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let is_mapping = matches!(args.payload(), Some(Payload::Dict(_)))
        || (!matches!(
            args.payload(),
            Some(Payload::Tuple(_)) | Some(Payload::Str(_)) | Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_))
        ) && typeobj::lookup(args.class(), "__getitem__").is_some());
    let key_of = |k: &str| new_bytes(k.chars().map(|c| c as u32 as u8).collect());
    let out = super::str_format::percent_apply(vm, &latin1(fmt), args, is_mapping, "bytes", &key_of, &mut percent_one)?;
    // Every conversion produces Latin-1 text (ASCII digits, or the bytes decoded above).
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn b_mod(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, arr) = recv(&args, "__mod__")?;
    let other = args.one(&qual(arr, "__mod__"))?;
    Ok(make(arr, bytes_percent_format(vm, &d, other)?))
}

fn b_rmod(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (_, arr) = recv(&args, "__rmod__")?;
    args.one(&qual(arr, "__rmod__"))?;
    Ok(Value::not_implemented())
}

// ----- bytearray mutation ---------------------------------------------------------------

fn ba_append(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "append")?;
    let b = ob::byte_value(vm, args.one("bytearray.append")?, "byte must be in range(0, 256)")?;
    cell.borrow_mut().push(b);
    Ok(Value::None)
}

/// The bytes `extend`/`+=` add: bytes-like values or an iterable of integers.
fn extend_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data(v) {
        return Ok(d.into_owned());
    }
    if iter::iter(vm, v).is_err() {
        return Err(PyErr::type_error(format!("can't extend bytearray with {}", type_name(v))));
    }
    let it = iter::iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = iter::next(vm, &it)? {
        out.push(ob::byte_value(vm, &x, "byte must be in range(0, 256)")?);
    }
    Ok(out)
}

fn ba_extend(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "extend")?;
    let more = extend_bytes(vm, args.one("bytearray.extend")?)?;
    cell.borrow_mut().extend_from_slice(&more);
    Ok(Value::None)
}

fn ba_insert(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "insert")?;
    let pos = args.posonly("bytearray.insert", "insert", 2, 2)?;
    let i = index_arg(vm, &pos[0])?;
    let b = ob::byte_value(vm, &pos[1], "byte must be in range(0, 256)")?;
    let mut buf = cell.borrow_mut();
    let n = buf.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    buf.insert(at as usize, b);
    Ok(Value::None)
}

fn ba_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "pop")?;
    let pos = args.posonly("bytearray.pop", "pop", 0, 1)?;
    let i = match pos.first() {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let mut buf = cell.borrow_mut();
    if buf.is_empty() {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let n = buf.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(Value::Int(buf.remove(j as usize) as i64))
}

fn ba_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "remove")?;
    let b = ob::byte_value(vm, args.one("bytearray.remove")?, "byte must be in range(0, 256)")?;
    let mut buf = cell.borrow_mut();
    match buf.iter().position(|&c| c == b) {
        Some(i) => {
            buf.remove(i);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

fn ba_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "clear")?;
    args.noargs("bytearray.clear")?;
    cell.borrow_mut().clear();
    Ok(Value::None)
}

fn ba_reverse(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "reverse")?;
    args.noargs("bytearray.reverse")?;
    cell.borrow_mut().reverse();
    Ok(Value::None)
}

fn ba_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "copy")?;
    args.noargs("bytearray.copy")?;
    let d = cell.borrow().clone();
    Ok(new_bytearray(d))
}

fn ba_alloc(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = array_cell(&args, "__alloc__")?;
    args.noargs("bytearray.__alloc__")?;
    let n = cell.borrow().len();
    Ok(Value::from(if n == 0 { 0 } else { n + 1 }))
}

/// `(type(self), (latin1 text, 'latin-1'), __dict__ or None)`, as CPython pickles it.
fn reduce(args: &Args) -> PyResult<Value> {
    let cell = array_cell(args, "__reduce__")?;
    let this = &args.args[0];
    let text = latin1(&cell.borrow());
    let state = this.as_obj().and_then(|o| o.dict.borrow().clone()).map(Value::Obj).unwrap_or(Value::None);
    let ctor_args =
        if text.is_empty() { Value::new_tuple(vec![]) } else { Value::new_tuple(vec![Value::new_str(text), Value::new_str("latin-1")]) };
    Ok(Value::new_tuple(vec![Value::Obj(this.class().clone()), ctor_args, state]))
}

fn ba_reduce(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("bytearray.__reduce__")?;
    reduce(&args)
}

fn ba_reduce_ex(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.posonly("bytearray.__reduce_ex__", "__reduce_ex__", 0, 1)?;
    reduce(&args)
}

/// `ba += other` in place.
pub fn inplace_concat(vm: &Vm, this: &Value, other: &Value) -> PyResult<Value> {
    let Some(Payload::ByteArray(cell)) = this.payload() else {
        return Ok(Value::not_implemented());
    };
    let Some(more) = data(other) else {
        return Err(PyErr::type_error(format!("can't concat {} to {}", type_name(other), type_name(this))));
    };
    let _ = vm;
    cell.borrow_mut().extend_from_slice(&more);
    Ok(this.clone())
}

/// `ba *= n` in place.
pub fn inplace_repeat(vm: &Vm, this: &Value, n: &Value) -> PyResult<Value> {
    let Some(Payload::ByteArray(cell)) = this.payload() else {
        return Ok(Value::not_implemented());
    };
    if !int::is_int(n) && crate::runtime::call::lookup_user(n.class(), "__index__").is_none() {
        return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(n))));
    }
    let count = crate::runtime::argparse::index_bigint(vm, n)?;
    let count = num_traits::ToPrimitive::to_i64(&count)
        .ok_or_else(|| PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))?
        .max(0) as usize;
    let mut buf = cell.borrow_mut();
    if buf.len().saturating_mul(count) > (1 << 40) {
        return Err(PyErr::new("MemoryError", ""));
    }
    let copy = buf.repeat(count);
    *buf = copy;
    drop(buf);
    Ok(this.clone())
}

fn ba_iadd(vm: &Vm, args: Args) -> PyResult<Value> {
    array_cell(&args, "__iadd__")?;
    let other = args.one("bytearray.__iadd__")?;
    inplace_concat(vm, &args.args[0], other)
}

fn ba_imul(vm: &Vm, args: Args) -> PyResult<Value> {
    array_cell(&args, "__imul__")?;
    let other = args.one("bytearray.__imul__")?;
    inplace_repeat(vm, &args.args[0], other)
}
