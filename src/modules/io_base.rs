//! The abstract bases of the `_io` classes: `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase` (exported by `io` as `IOBase`, `RawIOBase`, `BufferedIOBase`,
//! `TextIOBase`), and the argument converters the concrete classes share.
//!
//! The generic methods here work only through the object's own Python-level methods and
//! attributes (`closed`, `readline`, `write`, `close`, `flush`, `read`, `readinto`), as
//! CPython's `iobase.c` does, so a user subclass that defines `readline` gets iteration,
//! `readlines` and the context-manager protocol for free. The concrete types (`StringIO`,
//! `BytesIO`, file objects) override what is hot. An `_IOBase` object closed through the
//! generic `close` records it in its `__dict__` under `__IOBase_closed`, as CPython does.

use crate::objects::function::{add_methods, add_properties};
use crate::objects::typeobj::type_name;
use crate::objects::{dict, str::new_bytes, NativeFn, Payload, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{attr, call, iter, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

/// The four base classes.
pub struct BaseTypes {
    pub iobase: PyRef,
    pub raw: PyRef,
    pub buffered: PyRef,
    pub text: PyRef,
}

static BASE_TYPES: once_cell::sync::OnceCell<GilShared<BaseTypes>> = once_cell::sync::OnceCell::new();

pub fn base_types() -> &'static BaseTypes {
    BASE_TYPES.get_or_init(|| GilShared::new(make_base_types())).get()
}

fn make_base_types() -> BaseTypes {
    let iobase = super::io::new_type("_IOBase", vec![], "_io");
    add_methods(
        &iobase,
        "_IOBase",
        &[
            ("close", iobase_close),
            ("flush", iobase_flush),
            ("readable", iobase_false),
            ("writable", iobase_false),
            ("seekable", iobase_false),
            ("isatty", iobase_isatty),
            ("fileno", iobase_fileno),
            ("seek", iobase_seek),
            ("truncate", iobase_truncate),
            ("tell", iobase_tell),
            ("readline", iobase_readline),
            ("readlines", iobase_readlines),
            ("writelines", iobase_writelines),
            ("__enter__", iobase_enter),
            ("__exit__", iobase_exit),
            ("__iter__", iobase_iter),
            ("__next__", iobase_next),
        ],
    );
    add_properties(&iobase, &[("closed", iobase_closed, None)]);
    let raw = super::io::new_type("_RawIOBase", vec![iobase.clone()], "_io");
    add_methods(&raw, "_RawIOBase", &[("read", raw_read), ("readall", raw_readall)]);
    let buffered = super::io::new_type("_BufferedIOBase", vec![iobase.clone()], "_io");
    add_methods(
        &buffered,
        "_BufferedIOBase",
        &[
            ("read", unsupported_read),
            ("read1", unsupported_read1),
            ("write", unsupported_write),
            ("detach", unsupported_detach),
            ("readinto", buffered_readinto),
        ],
    );
    let text = super::io::new_type("_TextIOBase", vec![iobase.clone()], "_io");
    add_methods(
        &text,
        "_TextIOBase",
        &[("read", unsupported_read), ("readline", unsupported_readline), ("write", unsupported_write), ("detach", unsupported_detach)],
    );
    let none: NativeFn = |_vm, _args| Ok(Value::None);
    add_properties(&text, &[("encoding", none, None), ("newlines", none, None), ("errors", none, None)]);
    BaseTypes { iobase, raw, buffered, text }
}

// ---- shared converters and errors ----

/// `ValueError("I/O operation on closed file.")`, the message of the generic checks.
pub fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

/// An optional size (`None` or absent: -1), as CPython's `_Py_convert_optional_to_ssize_t`.
pub fn opt_ssize(vm: &Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(Value::Int(i)) => Ok(*i),
        Some(v) if ops::has_index(v) => {
            use num_traits::ToPrimitive;
            let n = crate::runtime::argparse::index_bigint(vm, v)?;
            n.to_i64().ok_or_else(|| PyErr::overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        Some(v) => Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", type_name(v)))),
    }
}

/// A `seek` position: an integer (through `__index__`) that fits a C `ssize_t`.
pub fn seek_pos(vm: &Vm, v: &Value) -> PyResult<i64> {
    crate::runtime::argparse::index_arg(vm, v)
}

/// A `whence` argument (absent: 0): an integer that fits a C `int`.
pub fn seek_whence(vm: &Vm, v: Option<&Value>) -> PyResult<i64> {
    let Some(v) = v else { return Ok(0) };
    use num_traits::ToPrimitive;
    let n = crate::runtime::argparse::index_bigint(vm, v)?;
    n.to_i32().map(i64::from).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// `readlines(hint)` over a line source: every line when `hint <= 0`, else lines until
/// their total length exceeds `hint` (`BytesIO`, `at_hint`: until it reaches `hint`).
pub fn collect_lines(vm: &Vm, hint: i64, at_hint: bool, mut next_line: impl FnMut(&Vm) -> PyResult<Option<Value>>) -> PyResult<Value> {
    let mut lines = Vec::new();
    let mut total: i64 = 0;
    while let Some(line) = next_line(vm)? {
        if hint > 0 {
            total += ops::len(vm, &line)? as i64;
        }
        lines.push(line);
        if hint > 0 && (total > hint || (at_hint && total == hint)) {
            break;
        }
    }
    Ok(Value::new_list(lines))
}

// ---- _IOBase ----

fn this(args: &Args) -> PyResult<Value> {
    args.args.first().cloned().ok_or_else(|| PyErr::type_error("unbound method needs an argument"))
}

/// Whether the generic `close` has run on `obj` (`__IOBase_closed` in its `__dict__`).
fn closed_flag(obj: &Value) -> bool {
    let Some(o) = obj.as_obj() else { return false };
    attr::instance_dict(o).and_then(|d| dict::get_str(&d, "__IOBase_closed")).is_some_and(|v| matches!(v, Value::Bool(true)))
}

/// Raise the generic closed-file error if `obj.closed` is true.
pub fn check_closed(vm: &Vm, obj: &Value) -> PyResult<()> {
    let closed = attr::getattr(vm, obj, "closed")?;
    if ops::truthy(vm, &closed)? {
        return Err(closed_error());
    }
    Ok(())
}

fn iobase_closed(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(closed_flag(&this(&args)?)))
}

fn iobase_close(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    if closed_flag(&me) {
        return Ok(Value::None);
    }
    let flushed = call::call_method(vm, &me, "flush", &[]);
    attr::setattr(vm, &me, "__IOBase_closed", Value::Bool(true))?;
    flushed?;
    Ok(Value::None)
}

fn iobase_flush(_vm: &Vm, args: Args) -> PyResult<Value> {
    if closed_flag(&this(&args)?) {
        return Err(closed_error());
    }
    Ok(Value::None)
}

fn iobase_false(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn iobase_isatty(vm: &Vm, args: Args) -> PyResult<Value> {
    check_closed(vm, &this(&args)?)?;
    Ok(Value::Bool(false))
}

/// Methods the base classes leave to subclasses: each raises `UnsupportedOperation(name)`.
macro_rules! unsupported_methods {
    ($($f:ident => $name:literal;)*) => {
        $(
            fn $f(_vm: &Vm, _args: Args) -> PyResult<Value> {
                Err(super::io::unsupported($name))
            }
        )*
    };
}

unsupported_methods! {
    iobase_fileno => "fileno";
    iobase_seek => "seek";
    iobase_truncate => "truncate";
    unsupported_read => "read";
    unsupported_read1 => "read1";
    unsupported_readline => "readline";
    unsupported_write => "write";
    unsupported_detach => "detach";
}

fn iobase_tell(vm: &Vm, args: Args) -> PyResult<Value> {
    call::call_method(vm, &this(&args)?, "seek", &[Value::Int(0), Value::Int(1)])
}

fn iobase_enter(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    check_closed(vm, &me)?;
    Ok(me)
}

fn iobase_exit(vm: &Vm, args: Args) -> PyResult<Value> {
    call::call_method(vm, &this(&args)?, "close", &[])
}

fn iobase_iter(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    check_closed(vm, &me)?;
    Ok(me)
}

fn iobase_next(vm: &Vm, args: Args) -> PyResult<Value> {
    let line = call::call_method(vm, &this(&args)?, "readline", &[])?;
    if ops::len(vm, &line)? == 0 {
        return Err(PyErr::stop_iteration(None));
    }
    Ok(line)
}

/// The generic `readline(size=-1)`: `read(1)` until a newline (bytes).
fn iobase_readline(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let limit = opt_ssize(vm, args.rest().first())?;
    let mut line = Vec::new();
    while limit < 0 || (line.len() as i64) < limit {
        let b = call::call_method(vm, &me, "read", &[Value::Int(1)])?;
        let chunk = match b.payload() {
            Some(Payload::Bytes(b)) => b.to_vec(),
            Some(Payload::ByteArray(b)) => b.borrow().clone(),
            _ => return Err(PyErr::new("OSError", format!("read() should have returned a bytes object, not '{}'", type_name(&b)))),
        };
        if chunk.is_empty() {
            break;
        }
        line.extend_from_slice(&chunk);
        if line.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(line))
}

fn iobase_readlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let hint = opt_ssize(vm, args.rest().first())?;
    let it = iter::iter(vm, &me)?;
    collect_lines(vm, hint, false, |vm| iter::next(vm, &it))
}

fn iobase_writelines(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let lines = args.one("writelines")?;
    check_closed(vm, &me)?;
    let it = iter::iter(vm, lines)?;
    while let Some(line) = iter::next(vm, &it)? {
        call::call_method(vm, &me, "write", &[line])?;
    }
    Ok(Value::None)
}

// ---- _RawIOBase, _BufferedIOBase, _TextIOBase ----

/// `_RawIOBase.read(size=-1)` through `readinto`.
fn raw_read(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let n = opt_ssize(vm, args.rest().first())?;
    if n < 0 {
        return call::call_method(vm, &me, "readall", &[]);
    }
    let mut zeros = Vec::new();
    zeros.try_reserve_exact(n as usize).map_err(|_| PyErr::new("MemoryError", ""))?;
    zeros.resize(n as usize, 0);
    let buf = Value::Obj(PyRef::new(&crate::objects::types().bytearray, Payload::ByteArray(std::cell::RefCell::new(zeros))));
    let got = call::call_method(vm, &me, "readinto", &[buf.clone()])?;
    if got.is_none() {
        return Ok(Value::None);
    }
    let got = ops::index_value(&got)?.clamp(0, n) as usize;
    let Some(Payload::ByteArray(b)) = buf.payload() else { return Ok(new_bytes(Vec::new())) };
    // `readinto` may have resized the buffer it was given.
    let b = b.borrow();
    let data = b[..got.min(b.len())].to_vec();
    Ok(new_bytes(data))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until end of file.
fn raw_readall(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let mut out = Vec::new();
    loop {
        let chunk = call::call_method(vm, &me, "read", &[Value::Int(8192)])?;
        match chunk.payload() {
            Some(Payload::Bytes(b)) if b.is_empty() => break,
            Some(Payload::Bytes(b)) => out.extend_from_slice(b),
            _ if chunk.is_none() && out.is_empty() => return Ok(Value::None),
            _ if chunk.is_none() => break,
            _ => return Err(PyErr::type_error("read() should return bytes")),
        }
    }
    Ok(new_bytes(out))
}

/// `_BufferedIOBase.readinto(b)` through `read(len(b))`.
fn buffered_readinto(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = this(&args)?;
    let target = args.one("readinto")?;
    let Some(Payload::ByteArray(t)) = target.payload() else {
        return Err(PyErr::type_error(format!("readinto() argument must be read-write bytes-like object, not {}", type_name(target))));
    };
    let n = t.borrow().len();
    let data = call::call_method(vm, &me, "read", &[Value::from(n)])?;
    let Some(bytes) = super::os::bytes_like(&data) else {
        return Err(PyErr::type_error("read() should return bytes"));
    };
    // `read` may have resized the target meanwhile.
    let mut t = t.borrow_mut();
    let k = bytes.len().min(n).min(t.len());
    t[..k].copy_from_slice(&bytes[..k]);
    Ok(Value::from(k))
}

/// The receiver of a native method of a concrete `_io` class, downcast to its payload
/// `T`, with CPython's message for a foreign receiver.
pub fn downcast<'a, T: 'static>(args: &Args<'a>, cls: &str, method: &str) -> PyResult<&'a T> {
    let me = args.args.first();
    if let Some(Payload::Native(b)) = me.and_then(|v| v.payload()) {
        if let Some(x) = b.downcast_ref::<T>() {
            return Ok(x);
        }
    }
    let got = me.map(type_name).unwrap_or_else(|| "nothing".into());
    Err(PyErr::type_error(format!("descriptor '{method}' for '_io.{cls}' objects doesn't apply to a '{got}' object")))
}

/// Whether `v` is exactly an instance of `cls` (not of a subclass).
pub fn is_exact(v: &Value, cls: &PyRef) -> bool {
    v.class().is(cls)
}

/// The `__dict__` part of a `__getstate__` result: a copy, or `None` while it is empty.
pub fn state_dict(me: &Value) -> Value {
    match me.as_obj().and_then(attr::instance_dict) {
        Some(d) if dict::len(&d) > 0 => Value::Obj(dict::copy_dict_obj(&d)),
        _ => Value::None,
    }
}

/// Restore the `__dict__` part of a `__setstate__` argument (`None`: nothing); `bad`
/// gives the message for a value that is not a dict.
pub fn restore_dict(vm: &Vm, me: &Value, v: &Value, bad: impl FnOnce(&Value) -> String) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    if !matches!(v.payload(), Some(Payload::Dict(_))) {
        return Err(PyErr::type_error(bad(v)));
    }
    let d = attr::getattr(vm, me, "__dict__")?;
    call::call_method(vm, &d, "update", &[v.clone()])?;
    Ok(())
}

/// The tuple argument of a `__setstate__` with `n` items, or CPython's `TypeError`
/// (naming the class as its C `tp_name`: `_io.StringIO` for the builtin class itself).
pub fn state_tuple<'a>(me: &Value, native: &PyRef, v: &'a Value, n: usize) -> PyResult<&'a [Value]> {
    match v.payload() {
        Some(Payload::Tuple(items)) if items.len() == n => Ok(items),
        _ => {
            let cls = if is_exact(me, native) { format!("_io.{}", type_name(me)) } else { type_name(me) };
            Err(PyErr::type_error(format!("{cls}.__setstate__ argument should be {n}-tuple, got {}", type_name(v))))
        }
    }
}

/// The position item of a `__setstate__` argument: an int, not negative.
pub fn state_pos(vm: &Vm, v: &Value, bad: impl FnOnce(&Value) -> String) -> PyResult<usize> {
    if !crate::objects::int::is_int(v) {
        return Err(PyErr::type_error(bad(v)));
    }
    let pos = crate::runtime::argparse::index_arg(vm, v)?;
    if pos < 0 {
        return Err(PyErr::value_error("position value cannot be negative"));
    }
    Ok(pos as usize)
}
