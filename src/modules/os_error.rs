//! `OSError` semantics: the errno → subclass mapping (`OSError(2, ...)` is a
//! `FileNotFoundError`), the `errno`/`strerror`/`filename`/`filename2` attributes, CPython's
//! `str()` format (`[Errno 2] No such file or directory: 'x'`), and constructors that native
//! modules use to raise it from an errno or a `std::io::Error`.

use std::cell::RefCell;

use crate::objects::function::{add_methods, native_accessor};
use crate::objects::{dict, types, Payload, PropertyData, PyRef, Value};
use crate::runtime::{repr, Args, PyErr, PyResult};
use crate::vm::Vm;

/// Register `OSError.__new__`/`__init__` and the attribute defaults (at start-up).
pub fn init() {
    let cls = types().exc.get("OSError");
    add_methods(cls, "OSError", &[("__new__", oserror_new), ("__init__", oserror_init)]);
    if let Some(d) = cls.dict.borrow().as_ref() {
        for name in ["errno", "strerror", "filename", "filename2"] {
            dict::set_str(d, name, Value::None);
        }
    }
    if let Some(d) = cls.dict.borrow().as_ref() {
        let prop = PyRef::new(
            &types().property,
            Payload::Property(Box::new(PropertyData {
                fget: native_accessor("characters_written", written_get, 1),
                fset: native_accessor("characters_written", written_set, 2),
                fdel: native_accessor("characters_written", written_del, 1),
                doc: Value::None,
                name: RefCell::new(Value::new_str("characters_written")),
            })),
        );
        dict::set_str(d, "characters_written", Value::Obj(prop));
    }
}

fn written_cell(this: &Value) -> PyResult<&RefCell<crate::objects::exception::ExcData>> {
    crate::objects::exception::exc_data(this)
        .ok_or_else(|| PyErr::type_error("descriptor 'characters_written' requires an 'OSError' object"))
}

fn written_get(_vm: &Vm, args: Args) -> PyResult<Value> {
    let n = written_cell(&args.args[0])?.borrow().characters_written;
    if n < 0 {
        return Err(PyErr::new("AttributeError", "characters_written"));
    }
    Ok(Value::Int(n))
}

fn written_set(vm: &Vm, args: Args) -> PyResult<Value> {
    let n = written_count(vm, &args.args[1])?;
    written_cell(&args.args[0])?.borrow_mut().characters_written = n;
    Ok(Value::None)
}

fn written_del(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = written_cell(&args.args[0])?;
    if cell.borrow().characters_written < 0 {
        return Err(PyErr::new("AttributeError", "characters_written"));
    }
    cell.borrow_mut().characters_written = -1;
    Ok(Value::None)
}

/// A character count as CPython's `Py_ssize_t` conversion takes it (`__index__`; too
/// large is a `ValueError` here).
fn written_count(vm: &Vm, v: &Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    match crate::runtime::ops::index_bigint(vm, v)? {
        Some(b) => b.to_i64().ok_or_else(|| PyErr::value_error("cannot fit 'int' into an index-sized integer")),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", crate::objects::typeobj::type_name(v)))),
    }
}

/// The `OSError` subclass CPython raises for `errno`.
pub fn class_for_errno(errno: i32) -> &'static PyRef {
    let name = match errno {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECHILD => "ChildProcessError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EINTR => "InterruptedError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => "OSError",
    };
    types().exc.get(name)
}

/// The C library's message for `errno` (what CPython shows as `strerror`).
pub fn strerror(errno: i32) -> String {
    // SAFETY: `strerror` returns a pointer to a NUL-terminated static or thread-local
    // buffer, valid until the next call on this thread; we copy it out immediately.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// `OSError(errno, strerror(errno)[, filename[, None, filename2]])` of the right subclass.
pub fn from_errno(errno: i32, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let mut args = vec![Value::Int(errno as i64), Value::new_str(strerror(errno))];
    let cls = class_for_errno(errno);
    let e = crate::runtime::new_exception(cls, args.clone());
    if let Some(f) = &filename {
        args.push(f.clone());
    }
    if let Some(f2) = &filename2 {
        if filename.is_none() {
            args.push(Value::None);
        }
        args.push(Value::None);
        args.push(f2.clone());
    }
    set_fields_known(&e, &args);
    PyErr { exc: e }
}

/// An `OSError` for a failed Rust I/O call (`filename` shown in the message when given).
pub fn from_io(e: &std::io::Error, filename: Option<Value>) -> PyErr {
    match e.raw_os_error() {
        Some(errno) => from_errno(errno, filename, None),
        None => {
            let errno = match e.kind() {
                std::io::ErrorKind::NotFound => libc::ENOENT,
                std::io::ErrorKind::PermissionDenied => libc::EACCES,
                std::io::ErrorKind::AlreadyExists => libc::EEXIST,
                std::io::ErrorKind::InvalidInput => libc::EINVAL,
                _ => return PyErr::new("OSError", crate::text::os_error_message(e)),
            };
            from_errno(errno, filename, None)
        }
    }
}

/// The current thread's `errno` as an `OSError`.
pub fn last_os_error(filename: Option<Value>) -> PyErr {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    from_errno(errno, filename, None)
}

/// Store the attributes from constructor arguments: with 2 to 5 arguments, `errno` and
/// `strerror` are the first two, `filename` the third and `filename2` the fifth; when a
/// filename is given, `args` keeps only the first two.
///
/// A filename of `None` counts as absent. For `BlockingIOError` itself, a number in third
/// place is `characters_written` instead of a filename.
fn set_fields(vm: &Vm, e: &PyRef, args: &[Value]) -> PyResult<()> {
    if !(2..=5).contains(&args.len()) {
        return Ok(());
    }
    let set = |name: &str, v: Value| crate::runtime::set_attr_raw(e, name, v);
    set("errno", args[0].clone());
    set("strerror", args[1].clone());
    let Some(filename) = args.get(2).filter(|f| !f.is_none()) else { return Ok(()) };
    if e.class().is(types().exc.get("BlockingIOError")) && is_number(filename) {
        let n = written_count(vm, filename)?;
        if let Payload::Exception(d) = &e.payload {
            d.borrow_mut().characters_written = n;
        }
        return Ok(());
    }
    set("filename", filename.clone());
    if let Some(f2) = args.get(4).filter(|f| !f.is_none()) {
        set("filename2", f2.clone());
    }
    if let Payload::Exception(d) = &e.payload {
        d.borrow_mut().args = Value::new_tuple(args[..2].to_vec());
    }
    Ok(())
}

/// CPython's `PyNumber_Check`: an int, float or complex, or a class with `__index__`,
/// `__int__` or `__float__`.
fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_))
        || ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| crate::objects::typeobj::lookup(v.class(), n).is_some())
}

fn is_own(f: Option<Value>, name: &str) -> bool {
    matches!(f.as_ref().and_then(|f| f.payload()), Some(Payload::NativeFunction(nf)) if nf.owner == "OSError" && nf.name == name)
}

/// CPython parses the arguments in `__init__` only when a subclass overrides `__init__`
/// (and not `__new__`); otherwise `__new__` does it.
fn parses_in_init(cls: &PyRef) -> bool {
    !is_own(crate::objects::typeobj::lookup(cls, "__init__"), "__init__")
        && is_own(crate::objects::typeobj::lookup(cls, "__new__"), "__new__")
}

/// The fields of an error gild raises itself (an errno, its message, filenames): no
/// conversion can fail.
fn set_fields_known(e: &PyRef, args: &[Value]) {
    let set = |name: &str, v: Value| crate::runtime::set_attr_raw(e, name, v);
    set("errno", args[0].clone());
    set("strerror", args[1].clone());
    if let Some(f) = args.get(2).filter(|f| !f.is_none()) {
        set("filename", f.clone());
        if let Some(f2) = args.get(4) {
            set("filename2", f2.clone());
        }
        if let Payload::Exception(d) = &e.payload {
            d.borrow_mut().args = Value::new_tuple(args[..2].to_vec());
        }
    }
}

fn oserror_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(mut cls)) = args.args.first().cloned() else {
        return Err(PyErr::type_error("OSError.__new__(X): X is not a type object"));
    };
    let rest = &args.pos()[1..];
    if !parses_in_init(&cls) {
        args.no_kwargs(&crate::objects::typeobj::name_of(&cls))?;
    }
    let base = types().exc.get("OSError");
    if cls.is(base) && (2..=5).contains(&rest.len()) {
        if let Value::Int(n) = rest[0] {
            cls = class_for_errno(n as i32).clone();
        }
    }
    let in_init = parses_in_init(&cls);
    let e = crate::runtime::new_exception(&cls, rest.to_vec());
    if !in_init {
        set_fields(vm, &e, rest)?;
    }
    Ok(Value::Obj(e))
}

fn oserror_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    if let Some(o) = this.as_obj() {
        if parses_in_init(o.class()) {
            args.no_kwargs(&crate::objects::typeobj::name_of(o.class()))?;
            if let Payload::Exception(d) = &o.payload {
                d.borrow_mut().args = Value::new_tuple(args.pos()[1..].to_vec());
            }
            set_fields(vm, o, &args.pos()[1..])?;
        }
    }
    Ok(Value::None)
}

/// `str()` of an `OSError` with `errno`/`strerror` set; `None` to fall back to the
/// `BaseException` format.
pub fn oserror_str(vm: &Vm, exc: &Value) -> PyResult<Option<String>> {
    let Some(d) = exc.as_obj().and_then(|o| o.dict.borrow().clone()) else {
        return Ok(None);
    };
    let get = |n: &str| dict::get_str(&d, n).unwrap_or(Value::None);
    let (errno, strerror, f1, f2) = (get("errno"), get("strerror"), get("filename"), get("filename2"));
    if !f1.is_none() {
        let head = format!("[Errno {}] {}: {}", repr::str(vm, &errno)?, repr::str(vm, &strerror)?, repr::repr(vm, &f1)?);
        if !f2.is_none() {
            return Ok(Some(format!("{head} -> {}", repr::repr(vm, &f2)?)));
        }
        return Ok(Some(head));
    }
    if !errno.is_none() && !strerror.is_none() {
        return Ok(Some(format!("[Errno {}] {}", repr::str(vm, &errno)?, repr::str(vm, &strerror)?)));
    }
    Ok(None)
}
