//! Constructors and extra attributes of the builtin exception classes that carry more than
//! `args`: `StopIteration.value`, `SystemExit.code`, `ImportError.msg/name/path`,
//! `NameError.name`, `AttributeError.name/obj`, the `SyntaxError` location fields and its
//! `str()`, and `KeyError.__str__`. `BaseException` itself is in `object_methods`, `OSError`
//! in `os_error`, the Unicode errors in `unicode_error`, exception groups in
//! `runtime::exc_group`.

use crate::objects::function::add_methods;
use crate::objects::{dict, types, Value};
use crate::runtime::{iter, repr, set_attr_raw, Args, PyErr, PyResult};
use crate::vm::Vm;

/// Register the methods and the class-level attribute defaults (at start-up).
pub fn init() {
    let t = types();
    add_methods(t.exc.get("StopIteration"), "StopIteration", &[("__init__", stop_iteration_init)]);
    add_methods(t.exc.get("ImportError"), "ImportError", &[("__init__", import_error_init)]);
    add_methods(t.exc.get("SystemExit"), "SystemExit", &[("__init__", system_exit_init)]);
    add_methods(t.exc.get("KeyError"), "KeyError", &[("__str__", key_error_str)]);
    add_methods(t.exc.get("NameError"), "NameError", &[("__init__", name_error_init)]);
    add_methods(t.exc.get("AttributeError"), "AttributeError", &[("__init__", attribute_error_init)]);
    add_methods(t.exc.get("SyntaxError"), "SyntaxError", &[("__init__", syntax_error_init)]);
    // Fields an instance may never have been given read as `None` (CPython's members).
    let defaults: &[(&str, &[&str])] = &[
        ("StopIteration", &["value"]),
        ("SystemExit", &["code"]),
        ("ImportError", &["msg", "name", "path"]),
        ("NameError", &["name"]),
        ("AttributeError", &["name", "obj"]),
        ("SyntaxError", &["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]),
    ];
    for (cls, names) in defaults {
        if let Some(d) = t.exc.get(cls).dict.borrow().as_ref() {
            for n in *names {
                dict::set_str(d, n, Value::None);
            }
        }
    }
}

/// `BaseException.__init__`'s part: store `args`, refusing keyword arguments.
fn base_init(args: &Args) -> PyResult<()> {
    super::object_methods::exc_init_args(args)
}

fn stop_iteration_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    base_init(&args)?;
    let v = args.pos().get(1).cloned().unwrap_or(Value::None);
    if let Some(o) = args.args[0].as_obj() {
        set_attr_raw(o, "value", v);
    }
    Ok(Value::None)
}

/// The keyword-only arguments of an exception's `__init__` (`name=`, `path=`, `obj=`),
/// refusing others with the message of CPython's keyword parser.
fn keyword_fields(args: &Args, cls: &str, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in args.kwargs() {
        if !allowed.contains(&k) {
            return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {cls}()")));
        }
    }
    if let Some(o) = args.args[0].as_obj() {
        for k in allowed {
            set_attr_raw(o, k, args.kwarg(k).cloned().unwrap_or(Value::None));
        }
    }
    Ok(())
}

/// `ImportError(*args, name=None, path=None)`: `msg` is the single argument.
fn import_error_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    keyword_fields(&args, "ImportError", &["name", "path"])?;
    base_init(&Args::new(args.pos()))?;
    if let Some(o) = args.args[0].as_obj() {
        let pos = &args.pos()[1..];
        let msg = if pos.len() == 1 { pos[0].clone() } else { Value::None };
        set_attr_raw(o, "msg", msg);
    }
    Ok(Value::None)
}

/// `NameError(*args, name=None)`.
fn name_error_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    keyword_fields(&args, "NameError", &["name"])?;
    base_init(&Args::new(args.pos()))?;
    Ok(Value::None)
}

/// `AttributeError(*args, name=None, obj=None)`.
fn attribute_error_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    keyword_fields(&args, "AttributeError", &["name", "obj"])?;
    base_init(&Args::new(args.pos()))?;
    Ok(Value::None)
}

fn system_exit_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    base_init(&args)?;
    let rest = &args.pos()[1..];
    let code = match rest.len() {
        0 => Value::None,
        1 => rest[0].clone(),
        _ => Value::new_tuple(rest.to_vec()),
    };
    if let Some(o) = args.args[0].as_obj() {
        set_attr_raw(o, "code", code);
    }
    Ok(Value::None)
}

fn key_error_str(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let a = crate::objects::exception::exc_data(this).map(|d| d.borrow().args.clone()).unwrap_or(Value::None);
    Ok(Value::new_str(repr::exception_str(vm, this, &a)?))
}

/// `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))`: with
/// exactly two arguments the second is unpacked into the location fields.
fn syntax_error_init(vm: &Vm, args: Args) -> PyResult<Value> {
    base_init(&args)?;
    let Some(o) = args.args[0].as_obj() else { return Ok(Value::None) };
    let pos = &args.pos()[1..];
    if let Some(msg) = pos.first() {
        set_attr_raw(o, "msg", msg.clone());
    }
    if pos.len() == 2 {
        let info = iter::collect(vm, &pos[1])?;
        let n = info.len();
        if n < 4 {
            return Err(PyErr::type_error(format!("function takes at least 4 arguments ({n} given)")));
        }
        if n > 6 {
            return Err(PyErr::type_error(format!("function takes at most 6 arguments ({n} given)")));
        }
        if n == 5 {
            return Err(PyErr::type_error("end_offset must be provided when end_lineno is provided"));
        }
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (name, v) in names.iter().zip(info.iter()) {
            set_attr_raw(o, name, v.clone());
        }
        if n == 4 {
            set_attr_raw(o, "end_lineno", Value::None);
            set_attr_raw(o, "end_offset", Value::None);
        }
    }
    Ok(Value::None)
}

/// `str()` of a `SyntaxError`: the message followed by `(file, line N)`, `(file)` or
/// `(line N)` as far as `filename` (a str, shown by its last path component) and `lineno`
/// (an exact int) are known.
pub fn syntax_error_str(vm: &Vm, exc: &Value) -> PyResult<String> {
    let get = |n: &str| crate::runtime::attr::getattr_opt(vm, exc, n).map(|v| v.unwrap_or(Value::None));
    let msg = repr::str(vm, &get("msg")?)?;
    let filename = get("filename")?;
    let file = filename.as_str().map(|s| {
        let s = s.as_str();
        s.rsplit('/').next().unwrap_or(s).to_string()
    });
    let line = match get("lineno")? {
        Value::Int(n) => Some(n.to_string()),
        // A big int: CPython's C long conversion overflows and shows -1.
        v @ Value::Obj(_) if v.class().is(&types().int) => Some("-1".to_string()),
        _ => None,
    };
    Ok(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}
