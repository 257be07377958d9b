//! Methods of `str`. The algorithms live in `crate::text` (`methods`, `codecs`); this
//! file converts arguments with CPython's messages and builds the result objects.
//! `format`/`format_map`/`%` are in `str_format.rs`.

use crate::objects::function::add_methods;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, types, Payload, PyRef, Value};
use crate::runtime::argparse::{index_arg, slice_index};
use crate::runtime::{item, iter, ops, Args, PyErr, PyResult};
use crate::text::codecs;
use crate::text::methods as m;
use crate::vm::Vm;

use super::str_format::{format_template, percent_format, FormatSource};

pub fn init() {
    let t = types();
    add_methods(
        &t.str,
        "str",
        &[
            ("join", str_join),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("upper", str_upper),
            ("lower", str_lower),
            ("casefold", str_casefold),
            ("swapcase", str_swapcase),
            ("title", str_title),
            ("capitalize", str_capitalize),
            ("replace", str_replace),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("isdigit", str_isdigit),
            ("isdecimal", str_isdecimal),
            ("isnumeric", str_isnumeric),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isspace", str_isspace),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("istitle", str_istitle),
            ("isascii", str_isascii),
            ("isprintable", str_isprintable),
            ("isidentifier", str_isidentifier),
            ("format", str_format),
            ("format_map", str_format_map),
            ("encode", str_encode),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("expandtabs", str_expandtabs),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("translate", str_translate),
            ("__mod__", str_mod),
            ("__rmod__", str_rmod),
            ("__getnewargs__", str_getnewargs),
            ("__sizeof__", str_sizeof),
        ],
    );
    // `maketrans` is a static method.
    let ns = t.str.dict.borrow().clone();
    if let Some(ns) = ns {
        let f = crate::objects::function::native("maketrans", str_maketrans);
        dict::set_str(&ns, "maketrans", Value::Obj(PyRef::new(&t.staticmethod, Payload::StaticMethod(f))));
    }
}

fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a str> {
    match args.args.first() {
        Some(v) => v.as_str().map(|s| s.as_str()).ok_or_else(|| {
            PyErr::type_error(format!("descriptor '{name}' for 'str' objects doesn't apply to a '{}' object", type_name(v)))
        }),
        None => Err(PyErr::type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

fn new_str(s: impl Into<String>) -> Value {
    Value::new_str(s.into())
}

/// The result of a method that may return `self` unchanged (exact `str` only).
fn same_or_new(args: &Args, orig: &str, out: String) -> Value {
    if out == orig && ops::is_exact_str(&args.args[0]) {
        return args.args[0].clone();
    }
    new_str(out)
}

/// `"must be str, not int"` style argument conversion.
fn must_be_str<'a>(v: &'a Value) -> PyResult<&'a str> {
    v.as_str().map(|s| s.as_str()).ok_or_else(|| PyErr::type_error(format!("must be str, not {}", type_name(v))))
}

fn str_join(vm: &Vm, args: Args) -> PyResult<Value> {
    let sep = this(&args, "join")?;
    let seq = args.one("str.join")?;
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
    if items.len() == 1 && ops::is_exact_str(&items[0]) {
        return Ok(items[0].clone());
    }
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match it.as_str() {
            Some(s) => out.push_str(s.as_str()),
            None => return Err(PyErr::type_error(format!("sequence item {i}: expected str instance, {} found", type_name(it)))),
        }
    }
    Ok(new_str(out))
}

fn split_args<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(Option<&'a str>, i64)> {
    let [sep, maxsplit] = args.keywords(fname, ["sep", "maxsplit"], 0, 2, 0)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            Some(v.as_str().map(|s| s.as_str()).ok_or_else(|| PyErr::type_error(format!("must be str or None, not {}", type_name(v))))?)
        }
    };
    let maxsplit = match maxsplit {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn str_list(parts: Vec<&str>) -> Value {
    Value::new_list(parts.into_iter().map(new_str).collect())
}

fn str_split(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "split")?;
    let (sep, maxsplit) = split_args(vm, &args, "split")?;
    Ok(str_list(m::str_split(s, sep, maxsplit).map_err(PyErr::from_spec)?))
}

fn str_rsplit(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    Ok(str_list(m::str_rsplit(s, sep, maxsplit).map_err(PyErr::from_spec)?))
}

fn str_splitlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "splitlines")?;
    let [keep] = args.keywords("splitlines", ["keepends"], 0, 1, 0)?;
    let keep = match keep {
        Some(v) => index_arg(vm, v)? != 0,
        None => false,
    };
    Ok(str_list(m::str_splitlines(s, keep)))
}

fn strip_chars<'a>(args: &Args<'a>, name: &str) -> PyResult<Option<&'a str>> {
    let pos = args.posonly(&format!("str.{name}"), name, 0, 1)?;
    match pos.first() {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(v.as_str().map(|s| s.as_str()).ok_or_else(|| PyErr::type_error(format!("{name} arg must be None or str")))?)),
    }
}

fn str_strip(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "strip")?;
    let chars = strip_chars(&args, "strip")?;
    Ok(same_or_new(&args, s, m::str_strip(s, chars).to_string()))
}

fn str_lstrip(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "lstrip")?;
    let chars = strip_chars(&args, "lstrip")?;
    Ok(same_or_new(&args, s, m::str_lstrip(s, chars).to_string()))
}

fn str_rstrip(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "rstrip")?;
    let chars = strip_chars(&args, "rstrip")?;
    Ok(same_or_new(&args, s, m::str_rstrip(s, chars).to_string()))
}

/// A no-argument method mapping the text to new text.
fn map_text(args: &Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = this(args, name)?;
    if args.args.len() != 1 || !args.kwnames.is_empty() {
        args.noargs(&format!("str.{name}"))?;
    }
    Ok(new_str(f(s)))
}

fn str_upper(_vm: &Vm, args: Args) -> PyResult<Value> {
    map_text(&args, "upper", m::str_upper)
}

fn str_lower(_vm: &Vm, args: Args) -> PyResult<Value> {
    map_text(&args, "lower", m::str_lower)
}

fn str_casefold(_vm: &Vm, args: Args) -> PyResult<Value> {
    map_text(&args, "casefold", m::str_casefold)
}

fn str_swapcase(_vm: &Vm, args: Args) -> PyResult<Value> {
    map_text(&args, "swapcase", m::str_swapcase)
}

fn str_title(_vm: &Vm, args: Args) -> PyResult<Value> {
    map_text(&args, "title", m::str_title)
}

fn str_capitalize(_vm: &Vm, args: Args) -> PyResult<Value> {
    map_text(&args, "capitalize", m::str_capitalize)
}

/// A no-argument predicate.
fn test_text(args: &Args, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = this(args, name)?;
    if args.args.len() != 1 || !args.kwnames.is_empty() {
        args.noargs(&format!("str.{name}"))?;
    }
    Ok(Value::Bool(f(s)))
}

fn str_isdigit(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isdigit", m::str_isdigit)
}

fn str_isdecimal(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isdecimal", m::str_isdecimal)
}

fn str_isnumeric(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isnumeric", m::str_isnumeric)
}

fn str_isalpha(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isalpha", m::str_isalpha)
}

fn str_isalnum(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isalnum", m::str_isalnum)
}

fn str_isspace(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isspace", m::str_isspace)
}

fn str_isupper(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isupper", m::str_isupper)
}

fn str_islower(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "islower", m::str_islower)
}

fn str_istitle(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "istitle", m::str_istitle)
}

fn str_isascii(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isascii", m::str_isascii)
}

fn str_isprintable(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isprintable", m::str_isprintable)
}

fn str_isidentifier(_vm: &Vm, args: Args) -> PyResult<Value> {
    test_text(&args, "isidentifier", m::str_isidentifier)
}

fn str_replace(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "replace")?;
    let pos = args.posonly("str.replace", "replace", 2, 3)?;
    let arg = |i: usize| -> PyResult<&str> {
        pos[i]
            .as_str()
            .map(|x| x.as_str())
            .ok_or_else(|| PyErr::type_error(format!("replace() argument {} must be str, not {}", i + 1, type_name(&pos[i]))))
    };
    let (old, new) = (arg(0)?, arg(1)?);
    let count = match pos.get(2) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    Ok(same_or_new(&args, s, m::str_replace(s, old, new, count)))
}

/// `startswith`/`endswith`: a str or a tuple of str, within `[start, end)`.
fn affix(vm: &Vm, args: &Args, name: &str, prefix: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    let pos = args.tuple_args(&format!("str.{name}"), name, 1, 3)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let len = s.chars().count();
    let (st, en) = m::adjust_indices(start, end, len);
    let test = |p: &str| -> bool {
        let plen = p.chars().count() as i64;
        if st > len as i64 || en - st < plen {
            return false;
        }
        let window: String = s.chars().skip(st as usize).take((en - st) as usize).collect();
        if prefix {
            window.starts_with(p)
        } else {
            window.ends_with(p)
        }
    };
    if let Some(Payload::Tuple(items)) = pos[0].payload() {
        for p in items.iter() {
            let p = p.as_str().ok_or_else(|| PyErr::type_error(format!("tuple for {name} must only contain str, not {}", type_name(p))))?;
            if test(p.as_str()) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    match pos[0].as_str() {
        Some(p) => Ok(Value::Bool(test(p.as_str()))),
        None => Err(PyErr::type_error(format!("{name} first arg must be str or a tuple of str, not {}", type_name(&pos[0])))),
    }
}

fn str_startswith(vm: &Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", true)
}

fn str_endswith(vm: &Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", false)
}

fn str_removeprefix(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "removeprefix")?;
    let p = args.one("str.removeprefix")?;
    let p = p.as_str().ok_or_else(|| PyErr::type_error(format!("removeprefix() argument must be str, not {}", type_name(p))))?;
    Ok(same_or_new(&args, s, s.strip_prefix(p.as_str()).unwrap_or(s).to_string()))
}

fn str_removesuffix(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "removesuffix")?;
    let p = args.one("str.removesuffix")?;
    let p = p.as_str().ok_or_else(|| PyErr::type_error(format!("removesuffix() argument must be str, not {}", type_name(p))))?;
    let out = if p.as_str().is_empty() { s } else { s.strip_suffix(p.as_str()).unwrap_or(s) };
    Ok(same_or_new(&args, s, out.to_string()))
}

/// The `(sub, start, end)` arguments of the search methods.
fn search_args<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a str, &'a str, Option<i64>, Option<i64>)> {
    let s = this(args, name)?;
    let pos = args.tuple_args(&format!("str.{name}"), name, 1, 3)?;
    let sub = must_be_str(&pos[0])?;
    Ok((s, sub, slice_index(vm, pos.get(1))?, slice_index(vm, pos.get(2))?))
}

fn str_find(vm: &Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "find")?;
    Ok(Value::Int(m::str_find(s, sub, a, b)))
}

fn str_rfind(vm: &Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "rfind")?;
    Ok(Value::Int(m::str_rfind(s, sub, a, b)))
}

fn str_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "index")?;
    m::str_index(s, sub, a, b).map(Value::Int).map_err(PyErr::from_spec)
}

fn str_rindex(vm: &Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "rindex")?;
    m::str_rindex(s, sub, a, b).map(Value::Int).map_err(PyErr::from_spec)
}

fn str_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "count")?;
    Ok(Value::from(m::str_count(s, sub, a, b)))
}

/// The `fillchar` argument of `center`/`ljust`/`rjust`.
fn fill_char(v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(s) = v.as_str() else {
        return Err(PyErr::type_error(format!("The fill character must be a unicode character, not {}", type_name(v))));
    };
    let mut it = s.as_str().chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error("The fill character must be exactly one character long")),
    }
}

fn pad(vm: &Vm, args: &Args, name: &str, f: fn(&str, i64, char) -> String) -> PyResult<Value> {
    let s = this(args, name)?;
    let pos = args.posonly(&format!("str.{name}"), name, 1, 2)?;
    let width = index_arg(vm, &pos[0])?;
    let fill = fill_char(pos.get(1))?;
    Ok(same_or_new(args, s, f(s, width, fill)))
}

fn str_center(vm: &Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "center", m::str_center)
}

fn str_ljust(vm: &Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "ljust", m::str_ljust)
}

fn str_rjust(vm: &Vm, args: Args) -> PyResult<Value> {
    pad(vm, &args, "rjust", m::str_rjust)
}

fn str_zfill(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "zfill")?;
    let width = index_arg(vm, args.one("str.zfill")?)?;
    Ok(same_or_new(&args, s, m::str_zfill(s, width)))
}

fn str_expandtabs(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "expandtabs")?;
    let [tabsize] = args.keywords("expandtabs", ["tabsize"], 0, 1, 0)?;
    let tabsize = match tabsize {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    Ok(same_or_new(&args, s, m::str_expandtabs(s, tabsize)))
}

fn triple(a: &str, b: &str, c: &str) -> Value {
    Value::new_tuple(vec![new_str(a), new_str(b), new_str(c)])
}

fn str_partition(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "partition")?;
    let sep = must_be_str(args.one("str.partition")?)?;
    let (a, b, c) = m::str_partition(s, sep).map_err(PyErr::from_spec)?;
    Ok(triple(a, b, c))
}

fn str_rpartition(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "rpartition")?;
    let sep = must_be_str(args.one("str.rpartition")?)?;
    let (a, b, c) = m::str_rpartition(s, sep).map_err(PyErr::from_spec)?;
    Ok(triple(a, b, c))
}

/// The encoding and error-handler arguments of `encode`/`decode`/`str()`.
pub fn codec_args(fname: &str, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<(codecs::Codec, String)> {
    let text = |v: Option<&Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => v
                .as_str()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| PyErr::type_error(format!("{fname}() argument '{what}' must be str, not {}", type_name(v)))),
        }
    };
    let enc = text(encoding, "encoding", "utf-8")?;
    let errors = text(errors, "errors", "strict")?;
    match codecs::lookup(&enc) {
        Some(c) => Ok((c, errors)),
        None => Err(PyErr::new("LookupError", format!("unknown encoding: {enc}"))),
    }
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` (or `LookupError`) from a codec failure,
/// with the exception's attributes set.
pub fn codec_error(e: codecs::CodecError, encode: bool, object: Value, text: &str, data: &[u8]) -> PyErr {
    match &e {
        codecs::CodecError::UnknownHandler(_) => PyErr::new("LookupError", e.encode_message(text)),
        codecs::CodecError::Unicode { codec, start, end, reason } => {
            let _ = (text, data);
            let cls = if encode { "UnicodeEncodeError" } else { "UnicodeDecodeError" };
            let object = match object.payload() {
                Some(Payload::ByteArray(b)) => crate::objects::bytes::new_bytes(b.borrow().clone()),
                _ => object,
            };
            super::unicode_error::new_error(
                cls,
                vec![Value::new_str(codec.name()), object, Value::from(*start), Value::from(*end), Value::new_str(reason.as_str())],
            )
        }
    }
}

/// `data.decode(encoding, errors)` (`obj` is the bytes object, for the exception).
pub fn decode_bytes(obj: &Value, data: &[u8], fname: &str, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<String> {
    let (codec, errors) = codec_args(fname, encoding, errors)?;
    codecs::decode(data, codec, &errors).map_err(|e| codec_error(e, false, obj.clone(), "", data))
}

fn str_encode(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "encode")?;
    let [enc, errors] = args.keywords("encode", ["encoding", "errors"], 0, 2, 0)?;
    let (codec, errors) = codec_args("encode", enc, errors)?;
    match codecs::encode(s, codec, &errors) {
        Ok(b) => Ok(crate::objects::str::new_bytes(b)),
        Err(e) => Err(codec_error(e, true, args.args[0].clone(), s, &[])),
    }
}

fn str_format(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "format")?;
    Ok(new_str(format_template(vm, s, &FormatSource::Args(args.rest(), args))?))
}

fn str_format_map(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "format_map")?;
    let mapping = args.one("str.format_map")?;
    Ok(new_str(format_template(vm, s, &FormatSource::Mapping(mapping))?))
}

fn str_mod(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "__mod__")?;
    let v = args.one("str.__mod__")?;
    percent_format(vm, s, v)
}

fn str_rmod(_vm: &Vm, args: Args) -> PyResult<Value> {
    this(&args, "__rmod__")?;
    args.one("str.__rmod__")?;
    Ok(Value::not_implemented())
}

fn str_getnewargs(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "__getnewargs__")?;
    args.noargs("str.__getnewargs__")?;
    Ok(Value::new_tuple(vec![new_str(s)]))
}

fn str_sizeof(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "__sizeof__")?;
    args.noargs("str.__sizeof__")?;
    // CPython's compact layout: 40 bytes of header for ASCII, 56 otherwise, plus one
    // code unit per character of the narrowest width that fits, plus the terminator.
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let n = s.chars().count();
    let size = if max < 0x80 {
        40 + n + 1
    } else if max < 0x100 {
        56 + n + 1
    } else if max < 0x10000 {
        56 + 2 * (n + 1)
    } else {
        56 + 4 * (n + 1)
    };
    Ok(Value::from(size))
}

/// `str.maketrans(x[, y[, z]])`.
fn str_maketrans(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kw("str.maketrans")?;
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 3 {
        let n = pos.len();
        return Err(PyErr::type_error(if n == 0 {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {n}")
        }));
    }
    let out = crate::objects::dict::new_dict();
    let Payload::Dict(table) = &out.payload else { return Ok(Value::None) };
    if pos.len() == 1 {
        let Some(Payload::Dict(src)) = pos[0].payload() else {
            return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let items: Vec<(Value, Value)> = src.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
        for (k, v) in items {
            let key = match k.as_str() {
                Some(s) if s.char_len() == 1 => Value::Int(s.char_at(0).map_or(0, |c| c as i64)),
                Some(_) => return Err(PyErr::value_error("string keys in translate table must be of length 1")),
                None if crate::objects::int::is_int(&k) => k.clone(),
                None => return Err(PyErr::type_error("keys in translate table must be strings or integers")),
            };
            crate::runtime::mapping::set(vm, table, key, v)?;
        }
        return Ok(Value::Obj(out));
    }
    let arg = |i: usize| -> PyResult<&str> {
        pos[i]
            .as_str()
            .map(|s| s.as_str())
            .ok_or_else(|| PyErr::type_error(format!("maketrans() argument {} must be str, not {}", i + 1, type_name(&pos[i]))))
    };
    // Clinic converts `y` and `z` before the body looks at `x`.
    let y = arg(1)?;
    let z = if pos.len() == 3 { Some(arg(2)?) } else { None };
    let x = pos[0]
        .as_str()
        .map(|s| s.as_str())
        .ok_or_else(|| PyErr::type_error("first maketrans argument must be a string if there is a second argument"))?;
    if x.chars().count() != y.chars().count() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        crate::runtime::mapping::set(vm, table, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(z) = z {
        for c in z.chars() {
            crate::runtime::mapping::set(vm, table, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(out))
}

/// `s.translate(table)`: `table[ord(c)]` gives a str, an int code point or `None`
/// (delete); a `LookupError` keeps the character.
fn str_translate(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args, "translate")?;
    let table = args.one("str.translate")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let r = match item::getitem(vm, table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.is("LookupError") => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &r {
            Value::None => {}
            _ if r.as_str().is_some() => out.push_str(r.as_str().map_or("", |x| x.as_str())),
            _ if crate::objects::int::is_int(&r) => {
                let n = crate::objects::int::as_bigint(&r).unwrap_or_default();
                let ch = num_traits::ToPrimitive::to_u32(&n).filter(|&x| x < 0x110000).and_then(char::from_u32);
                match ch {
                    Some(ch) => out.push(ch),
                    None => return Err(PyErr::value_error("character mapping must be in range(0x110000)")),
                }
            }
            _ => return Err(PyErr::type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(same_or_new(&args, s, out))
}
