//! The `os` module, implemented natively (CPython splits it into `posix` and `os.py`):
//! process facts (`getpid`, `cpu_count`, ...), the working directory, `environ` (a
//! mapping whose updates reach the real environment), `getenv`/`putenv`/`unsetenv`, file
//! and directory operations (`listdir`, `mkdir`, `makedirs`, `remove`, `rmdir`, `rename`,
//! `stat`, ...), low-level file descriptors (`open`, `read`, `write`, `close`, ...),
//! `urandom`, and the path constants. `os.path` is `posixpath.rs`. Errors are `OSError`
//! subclasses chosen by errno (`os_error.rs`), carrying the path argument as `filename`.

use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;

use crate::objects::function::{add_methods, native};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, int, module, str::new_bytes, types, Payload, PyRef, Value};
use crate::runtime::call::{call_bound, lookup_user};
use crate::runtime::gil::GilShared;
use crate::runtime::{call, iter, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

use super::os_error::{from_errno, last_os_error};

// ---- argument helpers ----

/// Positional-or-keyword parameters `names` of `fname` (the first `required` mandatory),
/// with CPython's Argument Clinic messages.
pub(crate) fn params<'a>(args: &Args<'a>, fname: &str, names: &[&str], npos: usize, required: usize) -> PyResult<Vec<Option<&'a Value>>> {
    let pos = args.pos();
    if pos.len() > npos {
        let how = if required == npos { "exactly" } else { "at most" };
        let s = if npos == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!("{fname}() takes {how} {npos} positional argument{s} ({} given)", pos.len())));
    }
    let mut out: Vec<Option<&'a Value>> = names.iter().enumerate().map(|(i, _)| pos.get(i)).collect();
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(i) => {
                return Err(PyErr::type_error(format!("argument for {fname}() given by name ('{k}') and position ({})", i + 1)));
            }
            None => return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(PyErr::type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    Ok(out)
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__`.
pub fn fspath(vm: &Vm, v: &Value) -> PyResult<Value> {
    if v.as_str().is_some() || matches!(v.payload(), Some(Payload::Bytes(_))) {
        return Ok(v.clone());
    }
    if let Some(f) = lookup_user(v.class(), "__fspath__") {
        let r = call_bound(vm, &f, v, Args::new(&[]))?;
        if r.as_str().is_some() || matches!(r.payload(), Some(Payload::Bytes(_))) {
            return Ok(r);
        }
        return Err(PyErr::type_error(format!("expected {}.__fspath__() to return str or bytes, not {}", type_name(v), type_name(&r))));
    }
    Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", type_name(v))))
}

/// A path argument: its bytes, whether it was given as bytes, and the original object
/// (reported as the error's `filename`).
pub struct PathArg {
    pub bytes: Vec<u8>,
    pub is_bytes: bool,
    pub orig: Value,
    /// An integer file descriptor given instead of a path.
    pub fd: Option<i32>,
}

impl PathArg {
    pub fn os_str(&self) -> &OsStr {
        OsStr::from_bytes(&self.bytes)
    }

    pub fn c_string(&self) -> CString {
        // Checked for NUL bytes when converted.
        CString::new(self.bytes.clone()).unwrap_or_default()
    }

    /// A path-typed result: `str` when the argument was text, `bytes` otherwise.
    pub fn same_kind(&self, b: &[u8]) -> Value {
        if self.is_bytes {
            new_bytes(b.to_vec())
        } else {
            Value::new_str(String::from_utf8_lossy(b).into_owned())
        }
    }

    pub fn err(&self, errno: i32) -> PyErr {
        from_errno(errno, Some(self.orig.clone()), None)
    }

    pub fn io_err(&self, e: &std::io::Error) -> PyErr {
        super::os_error::from_io(e, Some(self.orig.clone()))
    }
}

/// What kinds of path argument a function accepts (for the `TypeError` message).
#[derive(Clone, Copy, PartialEq)]
pub enum PathKinds {
    Path,
    PathOrFd,
    PathFdOrNone,
}

/// CPython's `path_converter`.
pub fn path_arg(vm: &Vm, v: &Value, fname: &str, kinds: PathKinds) -> PyResult<PathArg> {
    if kinds != PathKinds::Path {
        if let Some(i) = int::as_bigint(v) {
            use num_traits::ToPrimitive;
            let fd = i.to_i32().ok_or_else(|| PyErr::overflow_error("fd is greater than maximum"))?;
            return Ok(PathArg { bytes: Vec::new(), is_bytes: false, orig: v.clone(), fd: Some(fd) });
        }
    }
    let p = match fspath(vm, v) {
        Ok(p) => p,
        Err(e) if e.is("TypeError") => {
            let allowed = match kinds {
                PathKinds::Path => "string, bytes or os.PathLike",
                PathKinds::PathOrFd => "string, bytes, os.PathLike or integer",
                PathKinds::PathFdOrNone => "string, bytes, os.PathLike, integer or None",
            };
            return Err(PyErr::type_error(format!("{fname}: path should be {allowed}, not {}", type_name(v))));
        }
        Err(e) => return Err(e),
    };
    let (bytes, is_bytes) = match p.payload() {
        Some(Payload::Bytes(b)) => (b.to_vec(), true),
        _ => (p.as_str().map(|s| s.as_str().as_bytes().to_vec()).unwrap_or_default(), false),
    };
    if bytes.contains(&0) {
        return Err(PyErr::value_error("embedded null byte"));
    }
    Ok(PathArg { bytes, is_bytes, orig: v.clone(), fd: None })
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn int_arg(v: &Value) -> PyResult<i64> {
    match int::as_bigint(v) {
        Some(b) => {
            use num_traits::ToPrimitive;
            b.to_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
        }
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn fd_arg(v: &Value) -> PyResult<i32> {
    let n = int_arg(v)?;
    i32::try_from(n).map_err(|_| {
        PyErr::overflow_error(if n > 0 { "signed integer is greater than maximum" } else { "signed integer is less than minimum" })
    })
}

// ---- process and environment ----

fn os_getpid(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("posix.getpid", 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn os_getppid(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("posix.getppid", 0, 0)?;
    // SAFETY: getppid has no preconditions.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

macro_rules! id_fns {
    ($($fname:ident => $name:literal, $f:ident;)*) => {
        $(
            fn $fname(_vm: &Vm, args: Args) -> PyResult<Value> {
                args.check_count(concat!("posix.", $name), 0, 0)?;
                // SAFETY: the id getters have no preconditions.
                Ok(Value::Int(unsafe { libc::$f() } as i64))
            }
        )*
    };
}

id_fns! {
    os_getuid => "getuid", getuid;
    os_geteuid => "geteuid", geteuid;
    os_getgid => "getgid", getgid;
    os_getegid => "getegid", getegid;
}

fn os_cpu_count(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("posix.cpu_count", 0, 0)?;
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { Value::None } else { Value::Int(n as i64) })
}

fn os_getcwd(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("posix.getcwd", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(Value::new_str(p.to_string_lossy().into_owned())),
        Err(e) => Err(super::os_error::from_io(&e, None)),
    }
}

fn os_getcwdb(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("posix.getcwdb", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(new_bytes(p.as_os_str().as_bytes().to_vec())),
        Err(e) => Err(super::os_error::from_io(&e, None)),
    }
}

fn os_chdir(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "chdir", &["path"], 1, 1)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "chdir", PathKinds::PathOrFd)?;
    let rc = match path.fd {
        // SAFETY: fchdir on an integer descriptor; failure is reported through errno.
        Some(fd) => unsafe { libc::fchdir(fd) },
        // SAFETY: a NUL-terminated path.
        None => unsafe { libc::chdir(path.c_string().as_ptr()) },
    };
    if rc != 0 {
        return Err(path.err(errno()));
    }
    Ok(Value::None)
}

fn os_strerror(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("strerror", 1, 1)?;
    Ok(Value::new_str(super::os_error::strerror(fd_arg(&pos[0])?)))
}

fn os_urandom(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("urandom", 1, 1)?;
    let n = int_arg(&pos[0])?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the destination range lies inside `buf`.
        let r = unsafe { libc::getrandom(buf[filled..].as_mut_ptr() as *mut libc::c_void, buf.len() - filled, 0) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(from_errno(e, None, None));
        }
        filled += r as usize;
    }
    Ok(new_bytes(buf))
}

fn os_exit(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_exit", 1, 1)?;
    let code = fd_arg(&pos[0])?;
    super::sys::flush_stdout_raw();
    std::process::exit(code)
}

fn os_kill(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("kill")?;
    let pos = args.check_count("kill", 2, 2)?;
    let (pid, sig) = (int_arg(&pos[0])?, fd_arg(&pos[1])?);
    // SAFETY: kill has no memory preconditions.
    if unsafe { libc::kill(pid as libc::pid_t, sig) } != 0 {
        return Err(last_os_error(None));
    }
    // A signal sent to this process is handled as the call returns (CPython checks its
    // eval breaker after calls into C), so the traceback points at the `kill`.
    vm.check_breaker()?;
    Ok(Value::None)
}

fn os_umask(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("umask", 1, 1)?;
    let mask = fd_arg(&pos[0])?;
    // SAFETY: umask has no preconditions.
    Ok(Value::Int(unsafe { libc::umask(mask as libc::mode_t) } as i64))
}

fn os_fspath(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "fspath", &["path"], 1, 1)?;
    fspath(vm, p[0].unwrap_or(&Value::None))
}

// ---- environ ----

static ENVIRON: once_cell::sync::OnceCell<GilShared<PyRef>> = once_cell::sync::OnceCell::new();

/// The `os._Environ` class: a mapping over a private dict that mirrors every change into
/// the process environment.
fn environ_class() -> PyRef {
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str("os"));
    dict::set_str(&ns, "__qualname__", Value::new_str("_Environ"));
    let cls = typeobj::new_class(&t.type_, "_Environ", vec![], &ns).unwrap_or_else(|_| t.object.clone());
    add_methods(
        &cls,
        "_Environ",
        &[
            ("__getitem__", environ_getitem),
            ("__setitem__", environ_setitem),
            ("__delitem__", environ_delitem),
            ("__contains__", environ_contains),
            ("__iter__", environ_iter),
            ("__len__", environ_len),
            ("__repr__", environ_repr),
            ("__eq__", environ_eq),
            ("get", environ_get),
            ("keys", environ_keys),
            ("values", environ_values),
            ("items", environ_items),
            ("copy", environ_copy),
            ("setdefault", environ_setdefault),
            ("pop", environ_pop),
            ("update", environ_update),
            ("clear", environ_clear),
        ],
    );
    cls.make_immortal();
    cls
}

/// The dict behind `os.environ`.
fn environ_data(this: &Value) -> PyResult<PyRef> {
    this.as_obj()
        .and_then(|o| o.dict.borrow().clone())
        .and_then(|d| dict::get_str(&d, "_data"))
        .and_then(|v| v.as_obj().cloned())
        .ok_or_else(|| PyErr::type_error("environ has no data"))
}

/// The process environment as a new `os.environ` object (once per process).
fn environ() -> &'static PyRef {
    ENVIRON
        .get_or_init(|| {
            let data = dict::new_dict();
            for (k, v) in std::env::vars_os() {
                dict::set_str_key(
                    &data,
                    &Value::new_str(k.to_string_lossy().into_owned()),
                    Value::new_str(v.to_string_lossy().into_owned()),
                );
            }
            let o = PyRef::new(&environ_class(), Payload::Instance);
            let d = dict::new_dict();
            dict::set_str(&d, "_data", Value::Obj(data));
            *o.dict.borrow_mut() = Some(d);
            o.make_immortal();
            GilShared::new(o)
        })
        .get()
}

fn env_str(v: &Value) -> PyResult<&str> {
    v.as_str().map(|s| s.as_str()).ok_or_else(|| PyErr::type_error(format!("str expected, not {}", type_name(v))))
}

/// Set a variable in the real environment (CPython's `putenv` checks).
fn set_env(key: &str, value: &str) -> PyResult<()> {
    if key.is_empty() || key.contains('=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    if key.contains('\0') || value.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    std::env::set_var(key, value);
    Ok(())
}

fn unset_env(key: &str) -> PyResult<()> {
    if key.is_empty() || key.contains('=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    if key.contains('\0') {
        return Err(PyErr::value_error("embedded null byte"));
    }
    std::env::remove_var(key);
    Ok(())
}

fn dict_method(vm: &Vm, d: &PyRef, name: &str, args: &[Value]) -> PyResult<Value> {
    call::call_method(vm, &Value::Obj(d.clone()), name, args)
}

fn environ_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__getitem__", 2, 2)?;
    env_str(&pos[1])?;
    crate::runtime::item::getitem(vm, &Value::Obj(environ_data(&pos[0])?), &pos[1])
}

fn environ_setitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__setitem__", 3, 3)?;
    set_env(env_str(&pos[1])?, env_str(&pos[2])?)?;
    crate::runtime::item::setitem(vm, &Value::Obj(environ_data(&pos[0])?), &pos[1], pos[2].clone())?;
    Ok(Value::None)
}

fn environ_delitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__delitem__", 2, 2)?;
    let key = env_str(&pos[1])?;
    let data = Value::Obj(environ_data(&pos[0])?);
    if !crate::runtime::item::contains(vm, &data, &pos[1])? {
        return Err(PyErr::key_error(pos[1].clone()));
    }
    unset_env(key)?;
    crate::runtime::item::delitem(vm, &data, &pos[1])?;
    Ok(Value::None)
}

fn environ_contains(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__contains__", 2, 2)?;
    if pos[1].as_str().is_none() {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(crate::runtime::item::contains(vm, &Value::Obj(environ_data(&pos[0])?), &pos[1])?))
}

fn environ_iter(vm: &Vm, args: Args) -> PyResult<Value> {
    iter::iter(vm, &Value::Obj(environ_data(&args.args[0])?))
}

fn environ_len(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::from(dict::len(&environ_data(&args.args[0])?)))
}

fn environ_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let inner = repr::repr(vm, &Value::Obj(environ_data(&args.args[0])?))?;
    Ok(Value::new_str(format!("environ({inner})")))
}

fn environ_eq(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__eq__", 2, 2)?;
    let other = if pos[1].class().is(pos[0].class()) { Value::Obj(environ_data(&pos[1])?) } else { pos[1].clone() };
    if !matches!(other.payload(), Some(Payload::Dict(_))) {
        return Ok(Value::not_implemented());
    }
    Ok(Value::Bool(crate::runtime::ops::eq(vm, &Value::Obj(environ_data(&pos[0])?), &other)?))
}

fn environ_get(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("get", 2, 3)?;
    env_str(&pos[1])?;
    let data = Value::Obj(environ_data(&pos[0])?);
    if crate::runtime::item::contains(vm, &data, &pos[1])? {
        return crate::runtime::item::getitem(vm, &data, &pos[1]);
    }
    Ok(pos.get(2).cloned().unwrap_or(Value::None))
}

fn environ_keys(vm: &Vm, args: Args) -> PyResult<Value> {
    dict_method(vm, &environ_data(&args.args[0])?, "keys", &[])
}

fn environ_values(vm: &Vm, args: Args) -> PyResult<Value> {
    dict_method(vm, &environ_data(&args.args[0])?, "values", &[])
}

fn environ_items(vm: &Vm, args: Args) -> PyResult<Value> {
    dict_method(vm, &environ_data(&args.args[0])?, "items", &[])
}

fn environ_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Obj(dict::copy_dict_obj(&environ_data(&args.args[0])?)))
}

fn environ_setdefault(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("setdefault", 2, 3)?;
    let data = Value::Obj(environ_data(&pos[0])?);
    env_str(&pos[1])?;
    if crate::runtime::item::contains(vm, &data, &pos[1])? {
        return crate::runtime::item::getitem(vm, &data, &pos[1]);
    }
    let v = pos.get(2).cloned().unwrap_or(Value::None);
    environ_setitem(vm, Args::new(&[pos[0].clone(), pos[1].clone(), v.clone()]))?;
    Ok(v)
}

fn environ_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("pop", 2, 3)?;
    let data = Value::Obj(environ_data(&pos[0])?);
    let present = pos[1].as_str().is_some() && crate::runtime::item::contains(vm, &data, &pos[1])?;
    if !present {
        return match pos.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::key_error(pos[1].clone())),
        };
    }
    let v = crate::runtime::item::getitem(vm, &data, &pos[1])?;
    environ_delitem(vm, Args::new(&[pos[0].clone(), pos[1].clone()]))?;
    Ok(v)
}

fn environ_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("update expected at most 1 argument, got {}", pos.len())));
    }
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    if let Some(src) = pos.first() {
        let keys = if matches!(src.payload(), Some(Payload::Dict(_))) || typeobj::lookup(src.class(), "keys").is_some() {
            Some(iter::collect(vm, &call::call_method(vm, src, "keys", &[])?)?)
        } else {
            None
        };
        match keys {
            Some(keys) => {
                for k in keys {
                    let v = crate::runtime::item::getitem(vm, src, &k)?;
                    pairs.push((k, v));
                }
            }
            None => {
                for item in iter::collect(vm, src)? {
                    let kv = iter::collect(vm, &item)?;
                    if kv.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element has length {}; 2 is required",
                            kv.len()
                        )));
                    }
                    pairs.push((kv[0].clone(), kv[1].clone()));
                }
            }
        }
    }
    for (k, v) in args.kwargs() {
        pairs.push((Value::new_str(k), v.clone()));
    }
    for (k, v) in pairs {
        environ_setitem(vm, Args::new(&[this.clone(), k, v]))?;
    }
    Ok(Value::None)
}

fn environ_clear(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    for k in dict::items(&environ_data(this)?).into_iter().map(|(k, _)| k) {
        environ_delitem(vm, Args::new(&[this.clone(), k]))?;
    }
    Ok(Value::None)
}

/// `os.getenv(key, default=None)`: reads `os.environ`.
fn os_getenv(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "getenv", &["key", "default"], 2, 1)?;
    let key = p[0].unwrap_or(&Value::None);
    env_str(key)?;
    let data = Value::Obj(environ_data(&Value::Obj(environ().clone()))?);
    if crate::runtime::item::contains(vm, &data, key)? {
        return crate::runtime::item::getitem(vm, &data, key);
    }
    Ok(p[1].cloned().unwrap_or(Value::None))
}

fn env_text(vm: &Vm, v: &Value) -> PyResult<String> {
    let p = fspath(vm, v)?;
    Ok(match p.payload() {
        Some(Payload::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        _ => p.as_str().map(|s| s.as_str().to_string()).unwrap_or_default(),
    })
}

fn os_putenv(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("putenv")?;
    let pos = args.check_count("putenv", 2, 2)?;
    let (k, v) = (env_text(vm, &pos[0])?, env_text(vm, &pos[1])?);
    set_env(&k, &v)?;
    Ok(Value::None)
}

fn os_unsetenv(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("unsetenv")?;
    let pos = args.check_count("unsetenv", 1, 1)?;
    unset_env(&env_text(vm, &pos[0])?)?;
    Ok(Value::None)
}

// ---- files and directories ----

fn os_listdir(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "listdir", &["path"], 1, 0)?;
    let path = match p[0] {
        None | Some(Value::None) => PathArg { bytes: b".".to_vec(), is_bytes: false, orig: Value::new_str("."), fd: None },
        Some(v) => path_arg(vm, v, "listdir", PathKinds::PathFdOrNone)?,
    };
    let dir = match path.fd {
        Some(fd) => std::path::PathBuf::from(format!("/proc/self/fd/{fd}")),
        None => std::path::PathBuf::from(path.os_str()),
    };
    let rd = std::fs::read_dir(&dir).map_err(|e| path.io_err(&e))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| path.io_err(&e))?;
        out.push(path.same_kind(entry.file_name().as_bytes()));
    }
    Ok(Value::new_list(out))
}

/// `mode` keyword/positional as an int (default `default`).
fn mode_arg(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => int_arg(v),
    }
}

fn os_mkdir(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "mkdir", &["path", "mode", "dir_fd"], 2, 1)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "mkdir", PathKinds::Path)?;
    let mode = mode_arg(p[1], 0o777)?;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::mkdir(path.c_string().as_ptr(), mode as libc::mode_t) } != 0 {
        return Err(path.err(errno()));
    }
    Ok(Value::None)
}

/// `os.makedirs(name, mode=0o777, exist_ok=False)`: create missing parents first.
fn os_makedirs(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "makedirs", &["name", "mode", "exist_ok"], 3, 1)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "makedirs", PathKinds::Path)?;
    let mode = mode_arg(p[1], 0o777)?;
    let exist_ok = match p[2] {
        Some(v) => crate::runtime::ops::truthy(vm, v)?,
        None => false,
    };
    makedirs(&path, &path.bytes, mode, exist_ok)?;
    Ok(Value::None)
}

fn makedirs(top: &PathArg, name: &[u8], mode: i64, exist_ok: bool) -> PyResult<()> {
    let (mut head, mut tail) = super::posixpath::split_bytes(name);
    if tail.is_empty() {
        (head, tail) = super::posixpath::split_bytes(&head);
    }
    let exists = |p: &[u8]| std::fs::symlink_metadata(OsStr::from_bytes(p)).is_ok() || std::fs::metadata(OsStr::from_bytes(p)).is_ok();
    if !head.is_empty() && !tail.is_empty() && !exists(&head) {
        match makedirs(top, &head, mode, exist_ok) {
            Ok(()) => {}
            Err(e) if e.is("FileExistsError") => {}
            Err(e) => return Err(e),
        }
        if tail == b"." {
            return Ok(());
        }
    }
    let c = CString::new(name.to_vec()).unwrap_or_default();
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::mkdir(c.as_ptr(), mode as libc::mode_t) } != 0 {
        let e = errno();
        let is_dir = std::fs::metadata(OsStr::from_bytes(name)).is_ok_and(|m| m.is_dir());
        if !(exist_ok && is_dir) {
            let filename = if name == top.bytes.as_slice() { top.orig.clone() } else { top.same_kind(name) };
            return Err(from_errno(e, Some(filename), None));
        }
    }
    Ok(())
}

macro_rules! path_calls {
    ($($fname:ident => $name:literal, $call:ident;)*) => {
        $(
            fn $fname(vm: &Vm, args: Args) -> PyResult<Value> {
                let p = params(&args, $name, &["path", "dir_fd"], 1, 1)?;
                let path = path_arg(vm, p[0].unwrap_or(&Value::None), $name, PathKinds::Path)?;
                // SAFETY: a NUL-terminated path.
                if unsafe { libc::$call(path.c_string().as_ptr()) } != 0 {
                    return Err(path.err(errno()));
                }
                Ok(Value::None)
            }
        )*
    };
}

path_calls! {
    os_remove => "remove", unlink;
    os_unlink => "unlink", unlink;
    os_rmdir => "rmdir", rmdir;
}

fn two_paths(vm: &Vm, args: &Args, fname: &str, names: &[&str]) -> PyResult<(PathArg, PathArg)> {
    let p = params(args, fname, names, 2, 2)?;
    let a = path_arg(vm, p[0].unwrap_or(&Value::None), fname, PathKinds::Path)?;
    let b = path_arg(vm, p[1].unwrap_or(&Value::None), fname, PathKinds::Path)?;
    Ok((a, b))
}

fn rename_impl(vm: &Vm, args: Args, fname: &str) -> PyResult<Value> {
    let (src, dst) = two_paths(vm, &args, fname, &["src", "dst", "src_dir_fd", "dst_dir_fd"])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::rename(src.c_string().as_ptr(), dst.c_string().as_ptr()) } != 0 {
        return Err(from_errno(errno(), Some(src.orig.clone()), Some(dst.orig.clone())));
    }
    Ok(Value::None)
}

fn os_rename(vm: &Vm, args: Args) -> PyResult<Value> {
    rename_impl(vm, args, "rename")
}

fn os_replace(vm: &Vm, args: Args) -> PyResult<Value> {
    rename_impl(vm, args, "replace")
}

fn os_symlink(vm: &Vm, args: Args) -> PyResult<Value> {
    let (src, dst) = two_paths(vm, &args, "symlink", &["src", "dst", "target_is_directory", "dir_fd"])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::symlink(src.c_string().as_ptr(), dst.c_string().as_ptr()) } != 0 {
        return Err(from_errno(errno(), Some(src.orig.clone()), Some(dst.orig.clone())));
    }
    Ok(Value::None)
}

fn os_link(vm: &Vm, args: Args) -> PyResult<Value> {
    let (src, dst) = two_paths(vm, &args, "link", &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::link(src.c_string().as_ptr(), dst.c_string().as_ptr()) } != 0 {
        return Err(from_errno(errno(), Some(src.orig.clone()), Some(dst.orig.clone())));
    }
    Ok(Value::None)
}

fn os_readlink(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "readlink", &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "readlink", PathKinds::Path)?;
    let target = std::fs::read_link(path.os_str()).map_err(|e| path.io_err(&e))?;
    Ok(path.same_kind(target.as_os_str().as_bytes()))
}

fn os_access(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "access", &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2, 2)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "access", PathKinds::Path)?;
    let mode = fd_arg(p[1].unwrap_or(&Value::None))?;
    // SAFETY: a NUL-terminated path.
    Ok(Value::Bool(unsafe { libc::access(path.c_string().as_ptr(), mode) } == 0))
}

fn os_chmod(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "chmod", &["path", "mode", "dir_fd", "follow_symlinks"], 2, 2)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "chmod", PathKinds::PathOrFd)?;
    let mode = int_arg(p[1].unwrap_or(&Value::None))? as libc::mode_t;
    let rc = match path.fd {
        // SAFETY: fchmod on a descriptor; errors come back through errno.
        Some(fd) => unsafe { libc::fchmod(fd, mode) },
        // SAFETY: a NUL-terminated path.
        None => unsafe { libc::chmod(path.c_string().as_ptr(), mode) },
    };
    if rc != 0 {
        return Err(path.err(errno()));
    }
    Ok(Value::None)
}

/// `os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`: set the
/// access and modification times, from `(atime, mtime)` seconds, `ns=(atime_ns,
/// mtime_ns)`, or now.
fn os_utime(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"], 2, 1)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "utime", PathKinds::PathOrFd)?;
    let times = p[1].filter(|v| !v.is_none());
    if times.is_some() && p[2].is_some() {
        return Err(PyErr::value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |v: &Value, what: &str| -> PyResult<[Value; 2]> {
        match crate::objects::tuple::items(v) {
            Some([a, b]) if matches!(v.payload(), Some(Payload::Tuple(_))) => Ok([a.clone(), b.clone()]),
            _ => Err(PyErr::type_error(format!(
                "utime: '{what}' must be {}",
                if what == "ns" { "a tuple of two ints" } else { "either a tuple of two ints or None" }
            ))),
        }
    };
    let from_ns =
        |ns: i64| libc::timespec { tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t, tv_nsec: ns.rem_euclid(1_000_000_000) as _ };
    let spec = if let Some(t) = times {
        let mut out = [from_ns(0), from_ns(0)];
        for (slot, v) in out.iter_mut().zip(pair(t, "times")?) {
            // Seconds through `time`'s conversion (NaN and out-of-range messages).
            let secs = super::time::time_t_arg(Some(&v))?;
            let nsec = match v {
                Value::Float(f) => ((f - f.floor()) * 1e9) as _,
                _ => 0,
            };
            *slot = libc::timespec { tv_sec: secs, tv_nsec: nsec };
        }
        Some(out)
    } else if let Some(ns) = p[2] {
        let [a, m] = pair(ns, "ns")?;
        Some([from_ns(int_arg(&a)?), from_ns(int_arg(&m)?)])
    } else {
        None
    };
    let ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    let follow = p[4].map_or(Ok(true), |v| crate::runtime::ops::truthy(vm, v))?;
    let dir_fd = match p[3].filter(|v| !v.is_none()) {
        Some(v) => fd_arg(v)?,
        None => libc::AT_FDCWD,
    };
    if path.fd.is_some() && !follow {
        return Err(PyErr::value_error("utime: cannot use fd and follow_symlinks together"));
    }
    if path.fd.is_some() && dir_fd != libc::AT_FDCWD {
        return Err(PyErr::value_error("utime: can't specify dir_fd without matching path"));
    }
    let rc = match path.fd {
        // SAFETY: `ptr` is null or points at two timespecs that outlive the call.
        Some(fd) => unsafe { libc::futimens(fd, ptr) },
        // SAFETY: as above, and a NUL-terminated path.
        None => unsafe { libc::utimensat(dir_fd, path.c_string().as_ptr(), ptr, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW }) },
    };
    if rc != 0 {
        // CPython leaves the file name out of this error.
        return Err(last_os_error(None));
    }
    Ok(Value::None)
}

// ---- stat ----

static STAT_RESULT: once_cell::sync::OnceCell<GilShared<PyRef>> = once_cell::sync::OnceCell::new();

const STAT_FIELDS: &[&str] = &[
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

/// The `os.stat_result` type. Its tuple part ends with the integer times, which CPython
/// leaves unnamed; by name, `st_atime` and friends are floats.
pub fn stat_result_type() -> &'static PyRef {
    STAT_RESULT
        .get_or_init(|| {
            let cls = super::structseq::new_type("os", "stat_result", STAT_FIELDS, 10);
            if let Some(d) = cls.dict.borrow().as_ref() {
                dict::set_str(d, "n_unnamed_fields", Value::Int(3));
                dict::set_str(d, "__match_args__", Value::new_tuple(STAT_FIELDS[..7].iter().map(|s| Value::new_str(*s)).collect()));
            }
            GilShared::new(cls)
        })
        .get()
}

fn stat_value(st: &libc::stat) -> Value {
    let secs = |s: i64, ns: i64| Value::Float(s as f64 + ns as f64 * 1e-9);
    let nanos = |s: i64, ns: i64| Value::from_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + ns);
    let (a, m, c) = ((st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec));
    let fields = vec![
        Value::Int(st.st_mode as i64),
        Value::from_bigint((st.st_ino as u64).into()),
        Value::from_bigint((st.st_dev as u64).into()),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        Value::Int(a.0),
        Value::Int(m.0),
        Value::Int(c.0),
        secs(a.0, a.1),
        secs(m.0, m.1),
        secs(c.0, c.1),
        nanos(a.0, a.1),
        nanos(m.0, m.1),
        nanos(c.0, c.1),
        Value::Int(st.st_blksize),
        Value::Int(st.st_blocks),
        Value::from_bigint((st.st_rdev as u64).into()),
    ];
    super::structseq::new_instance(stat_result_type(), fields)
}

/// `stat`/`lstat` on a path argument (or `fstat` on a descriptor).
pub fn stat_path(path: &PathArg, follow: bool) -> Result<libc::stat, i32> {
    // SAFETY: all-zero bytes are a valid `struct stat`.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a valid out-pointer; the path is NUL-terminated.
    let rc = unsafe {
        match path.fd {
            Some(fd) => libc::fstat(fd, &mut st),
            None if follow => libc::stat(path.c_string().as_ptr(), &mut st),
            None => libc::lstat(path.c_string().as_ptr(), &mut st),
        }
    };
    if rc != 0 {
        return Err(errno());
    }
    Ok(st)
}

fn stat_impl(vm: &Vm, args: Args, fname: &str, follow_default: bool) -> PyResult<Value> {
    let p = params(&args, fname, &["path", "dir_fd", "follow_symlinks"], 1, 1)?;
    let kinds = if fname == "lstat" { PathKinds::Path } else { PathKinds::PathOrFd };
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), fname, kinds)?;
    let follow = match p[2] {
        Some(v) => crate::runtime::ops::truthy(vm, v)?,
        None => follow_default,
    };
    stat_path(&path, follow).map(|st| stat_value(&st)).map_err(|e| path.err(e))
}

fn os_stat(vm: &Vm, args: Args) -> PyResult<Value> {
    stat_impl(vm, args, "stat", true)
}

fn os_lstat(vm: &Vm, args: Args) -> PyResult<Value> {
    stat_impl(vm, args, "lstat", false)
}

fn os_fstat(_vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "fstat", &["fd"], 1, 1)?;
    let fd = fd_arg(p[0].unwrap_or(&Value::None))?;
    let path = PathArg { bytes: Vec::new(), is_bytes: false, orig: Value::Int(fd as i64), fd: Some(fd) };
    stat_path(&path, true).map(|st| stat_value(&st)).map_err(|e| from_errno(e, None, None))
}

// ---- file descriptors ----

fn os_open(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "open", &["path", "flags", "mode", "dir_fd"], 3, 2)?;
    let path = path_arg(vm, p[0].unwrap_or(&Value::None), "open", PathKinds::Path)?;
    let flags = fd_arg(p[1].unwrap_or(&Value::None))? | libc::O_CLOEXEC;
    let mode = mode_arg(p[2], 0o777)?;
    let c = path.c_string();
    let fd = crate::runtime::gil::allow_threads(move || {
        // SAFETY: a NUL-terminated path; the result is checked below.
        let fd = unsafe { libc::open(c.as_ptr(), flags, mode as libc::c_uint) };
        (fd, errno())
    });
    if fd.0 < 0 {
        return Err(path.err(fd.1));
    }
    Ok(Value::Int(fd.0 as i64))
}

fn os_close(_vm: &Vm, args: Args) -> PyResult<Value> {
    let p = params(&args, "close", &["fd"], 1, 1)?;
    let fd = fd_arg(p[0].unwrap_or(&Value::None))?;
    // SAFETY: closing an integer descriptor; errors come back through errno.
    if unsafe { libc::close(fd) } != 0 {
        return Err(last_os_error(None));
    }
    Ok(Value::None)
}

fn os_read(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("read")?;
    let pos = args.check_count("read", 2, 2)?;
    let fd = fd_arg(&pos[0])?;
    let n = int_arg(&pos[1])?;
    if n < 0 {
        return Err(from_errno(libc::EINVAL, None, None));
    }
    let n = n as usize;
    let (buf, r, e) = crate::runtime::gil::allow_threads(move || {
        let mut buf = vec![0u8; n];
        // SAFETY: `buf` has `n` writable bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) };
        (buf, r, errno())
    });
    if r < 0 {
        return Err(from_errno(e, None, None));
    }
    let mut buf = buf;
    buf.truncate(r as usize);
    Ok(new_bytes(buf))
}

/// The bytes of a bytes-like argument.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

fn os_write(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("write")?;
    let pos = args.check_count("write", 2, 2)?;
    let fd = fd_arg(&pos[0])?;
    let Some(data) = bytes_like(&pos[1]) else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(&pos[1]))));
    };
    if fd == 1 {
        super::sys::flush_stdout_raw();
    }
    let (r, e) = crate::runtime::gil::allow_threads(move || {
        // SAFETY: `data` is a valid buffer of its length.
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        (r, errno())
    });
    if r < 0 {
        return Err(from_errno(e, None, None));
    }
    Ok(Value::Int(r as i64))
}

fn os_lseek(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("lseek")?;
    let pos = args.check_count("lseek", 3, 3)?;
    let (fd, off, how) = (fd_arg(&pos[0])?, int_arg(&pos[1])?, fd_arg(&pos[2])?);
    // SAFETY: lseek on an integer descriptor; errors come back through errno.
    let r = unsafe { libc::lseek(fd, off, how) };
    if r < 0 {
        return Err(last_os_error(None));
    }
    Ok(Value::Int(r))
}

fn os_isatty(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("isatty")?;
    let pos = args.check_count("isatty", 1, 1)?;
    // SAFETY: isatty has no memory preconditions.
    Ok(Value::Bool(unsafe { libc::isatty(fd_arg(&pos[0])?) } == 1))
}

fn os_pipe(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("posix.pipe", 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(last_os_error(None));
    }
    Ok(Value::new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

fn os_dup(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("dup", 1, 1)?;
    // SAFETY: dup on an integer descriptor; errors come back through errno.
    let r = unsafe { libc::fcntl(fd_arg(&pos[0])?, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_os_error(None));
    }
    Ok(Value::Int(r as i64))
}

/// Create the `os` module (and `os.path`).
pub fn create() -> PyRef {
    let m = module::new_module("os");
    let Some(d) = module::globals(&m) else { return m };
    let table: &[(&'static str, crate::objects::NativeFn)] = &[
        ("getpid", os_getpid),
        ("getppid", os_getppid),
        ("getuid", os_getuid),
        ("geteuid", os_geteuid),
        ("getgid", os_getgid),
        ("getegid", os_getegid),
        ("cpu_count", os_cpu_count),
        ("getcwd", os_getcwd),
        ("getcwdb", os_getcwdb),
        ("chdir", os_chdir),
        ("strerror", os_strerror),
        ("urandom", os_urandom),
        ("_exit", os_exit),
        ("kill", os_kill),
        ("umask", os_umask),
        ("fspath", os_fspath),
        ("getenv", os_getenv),
        ("putenv", os_putenv),
        ("unsetenv", os_unsetenv),
        ("listdir", os_listdir),
        ("mkdir", os_mkdir),
        ("makedirs", os_makedirs),
        ("remove", os_remove),
        ("unlink", os_unlink),
        ("rmdir", os_rmdir),
        ("rename", os_rename),
        ("replace", os_replace),
        ("symlink", os_symlink),
        ("link", os_link),
        ("readlink", os_readlink),
        ("access", os_access),
        ("chmod", os_chmod),
        ("utime", os_utime),
        ("stat", os_stat),
        ("lstat", os_lstat),
        ("fstat", os_fstat),
        ("open", os_open),
        ("close", os_close),
        ("read", os_read),
        ("write", os_write),
        ("lseek", os_lseek),
        ("isatty", os_isatty),
        ("pipe", os_pipe),
        ("dup", os_dup),
    ];
    for (name, f) in table {
        dict::set_str(&d, name, native(name, *f));
    }
    let strs = [
        ("name", "posix"),
        ("sep", "/"),
        ("extsep", "."),
        ("pathsep", ":"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("defpath", "/bin:/usr/bin"),
        ("devnull", "/dev/null"),
    ];
    for (k, v) in strs {
        dict::set_str(&d, k, Value::new_str(v));
    }
    dict::set_str(&d, "altsep", Value::None);
    let ints: &[(&str, i32)] = &[
        ("F_OK", libc::F_OK),
        ("R_OK", libc::R_OK),
        ("W_OK", libc::W_OK),
        ("X_OK", libc::X_OK),
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_APPEND", libc::O_APPEND),
        ("O_CREAT", libc::O_CREAT),
        ("O_EXCL", libc::O_EXCL),
        ("O_TRUNC", libc::O_TRUNC),
        ("O_NONBLOCK", libc::O_NONBLOCK),
        ("O_CLOEXEC", libc::O_CLOEXEC),
        ("O_DIRECTORY", libc::O_DIRECTORY),
        ("O_NOFOLLOW", libc::O_NOFOLLOW),
        ("SEEK_SET", libc::SEEK_SET),
        ("SEEK_CUR", libc::SEEK_CUR),
        ("SEEK_END", libc::SEEK_END),
        ("EX_OK", 0),
    ];
    for (k, v) in ints {
        dict::set_str(&d, k, Value::Int(*v as i64));
    }
    dict::set_str(&d, "error", Value::Obj(types().exc.get("OSError").clone()));
    dict::set_str(&d, "environ", Value::Obj(environ().clone()));
    dict::set_str(&d, "stat_result", Value::Obj(stat_result_type().clone()));
    dict::set_str(&d, "path", Value::Obj(super::posixpath::module().clone()));
    m
}
