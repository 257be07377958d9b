//! The `sys` module: `argv`, `path`, `modules`, `version`/`version_info`,
//! `implementation`, `exit`, recursion limit, `exc_info`, and the standard streams.
//! `sys.stdout`/`sys.stderr` are native stream objects; output written to the real
//! stdout is buffered (block-buffered like CPython when not a terminal) and flushed at
//! exit and before a traceback is printed.

use std::cell::RefCell;
use std::io::Write;

use crate::objects::function::{add_methods, native};
use crate::objects::typeobj::type_name;
use crate::objects::{dict, module, types, Payload, PyRef, Value};
use crate::runtime::{call, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

/// gild's stdout buffer: one per process (all threads write to the same stream), guarded
/// by the GIL.
static STDOUT_BUF: crate::runtime::gil::GilShared<RefCell<Vec<u8>>> = crate::runtime::gil::GilShared::new(RefCell::new(Vec::new()));

/// `-u`: write through.
static UNBUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// stdout is a terminal: flush at each newline, as CPython's line buffering does.
static LINE_BUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Write to the process's stdout: block-buffered (8 KiB) when stdout is a pipe or file,
/// line-buffered on a terminal, unbuffered with `-u`.
pub fn write_stdout_raw(s: &str) {
    use std::sync::atomic::Ordering::Relaxed;
    let mut b = STDOUT_BUF.get().borrow_mut();
    b.extend_from_slice(s.as_bytes());
    if b.len() > 8192 || UNBUFFERED.load(Relaxed) || (LINE_BUFFERED.load(Relaxed) && s.contains('\n')) {
        let _ = std::io::stdout().write_all(&b);
        let _ = std::io::stdout().flush();
        b.clear();
    }
}

/// Flush gild's stdout buffer.
pub fn flush_stdout_raw() {
    let mut b = STDOUT_BUF.get().borrow_mut();
    let _ = std::io::stdout().write_all(&b);
    let _ = std::io::stdout().flush();
    b.clear();
}

pub fn write_stderr_raw(s: &str) {
    let _ = std::io::stderr().write_all(s.as_bytes());
    let _ = std::io::stderr().flush();
}

/// `sys.stdout.write(s)`, honouring a replaced `sys.stdout`.
pub fn write_stdout(vm: &Vm, s: &str) -> PyResult<()> {
    let sys = &crate::vm::interp().sys;
    let out = sys.dict.borrow().as_ref().and_then(|d| dict::get_str(d, "stdout"));
    match out {
        Some(o) if !is_native_stream(&o, 1) => {
            if o.is_none() {
                return Ok(());
            }
            call::call_method(vm, &o, "write", &[Value::new_str(s)])?;
            Ok(())
        }
        _ => {
            write_stdout_raw(s);
            Ok(())
        }
    }
}

/// The current `sys.stdout`: `Ok(None)` when it is set to `None`, CPython's
/// "lost sys.stdout" RuntimeError when it was deleted.
pub fn stdout_object() -> PyResult<Option<Value>> {
    let sys = &crate::vm::interp().sys;
    let out = sys.dict.borrow().as_ref().and_then(|d| dict::get_str(d, "stdout"));
    match out {
        None => Err(PyErr::runtime_error("lost sys.stdout")),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => Ok(Some(o)),
    }
}

/// Is `v` gild's own stdout stream (whose writes go to the process buffer)?
pub fn is_native_stdout(v: &Value) -> bool {
    is_native_stream(v, 1)
}

pub fn flush_stdout(_vm: &Vm) {
    flush_stdout_raw();
}

fn is_native_stream(v: &Value, fd: i64) -> bool {
    v.as_obj()
        .and_then(|o| o.dict.borrow().clone())
        .and_then(|d| dict::get_str(&d, "_gild_fd"))
        .is_some_and(|f| matches!(f, Value::Int(n) if n == fd))
}

fn stream_write(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("write", 2, 2)?;
    let Some(s) = pos[1].as_str() else {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", type_name(&pos[1]))));
    };
    let _ = vm;
    if is_native_stream(&pos[0], 2) {
        flush_stdout_raw();
        write_stderr_raw(s.as_str());
    } else {
        write_stdout_raw(s.as_str());
    }
    Ok(Value::from(s.char_len()))
}

fn stream_flush(_vm: &Vm, args: Args) -> PyResult<Value> {
    if is_native_stream(&args.args[0], 1) {
        flush_stdout_raw();
    }
    Ok(Value::None)
}

fn stream_fd(this: &Value) -> i64 {
    match this.as_obj().and_then(|o| o.dict.borrow().clone()).and_then(|d| dict::get_str(&d, "_gild_fd")) {
        Some(Value::Int(fd)) => fd,
        _ => 1,
    }
}

fn stream_fileno(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("fileno", 1, 1)?;
    Ok(Value::Int(stream_fd(&args.args[0])))
}

fn stream_isatty(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("isatty", 1, 1)?;
    // SAFETY: `isatty` only inspects the descriptor.
    Ok(Value::Bool(unsafe { libc::isatty(stream_fd(&args.args[0]) as i32) } == 1))
}

fn stream_true(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn stream_false(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn make_stream(cls: &PyRef, fd: i64, name: &str) -> Value {
    let o = PyRef::new(cls, Payload::Instance);
    let d = dict::new_dict();
    dict::set_str(&d, "_gild_fd", Value::Int(fd));
    dict::set_str(&d, "name", Value::new_str(name));
    dict::set_str(&d, "encoding", Value::new_str("utf-8"));
    *o.dict.borrow_mut() = Some(d);
    Value::Obj(o)
}

/// Create `sys`.
pub fn create(cfg: &crate::Config, modules: &PyRef) -> PyRef {
    UNBUFFERED.store(cfg.unbuffered, std::sync::atomic::Ordering::Relaxed);
    // SAFETY: `isatty` only inspects file descriptor 1.
    LINE_BUFFERED.store(unsafe { libc::isatty(1) } == 1, std::sync::atomic::Ordering::Relaxed);
    let m = module::new_module("sys");
    let d = module::globals(&m).unwrap_or_else(dict::new_dict);
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str("_io"));
    dict::set_str(&ns, "__qualname__", Value::new_str("TextIOWrapper"));
    let stream_cls = crate::objects::typeobj::new_class(&t.type_, "TextIOWrapper", vec![], &ns).unwrap_or_else(|_| t.object.clone());
    add_methods(
        &stream_cls,
        "TextIOWrapper",
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("fileno", stream_fileno),
            ("isatty", stream_isatty),
            ("writable", stream_true),
            ("readable", stream_false),
            ("seekable", stream_false),
        ],
    );
    let stdout = make_stream(&stream_cls, 1, "<stdout>");
    let stderr = make_stream(&stream_cls, 2, "<stderr>");
    let stdin = super::io::std_stream(0, "<stdin>", true);
    for (k, v) in [
        ("stdin", stdin.clone()),
        ("__stdin__", stdin),
        ("stdout", stdout.clone()),
        ("__stdout__", stdout),
        ("stderr", stderr.clone()),
        ("__stderr__", stderr),
    ] {
        dict::set_str(&d, k, v);
    }
    let (a, b, c) = crate::PYTHON_VERSION;
    dict::set_str(&d, "version", Value::new_str(format!("{a}.{b}.{c} (gild {}) [rustc]", crate::GILD_VERSION)));
    dict::set_str(
        &d,
        "version_info",
        Value::new_tuple(vec![Value::Int(a as i64), Value::Int(b as i64), Value::Int(c as i64), Value::new_str("final"), Value::Int(0)]),
    );
    dict::set_str(&d, "hexversion", Value::Int(((a as i64) << 24) | ((b as i64) << 16) | ((c as i64) << 8) | 0xf0));
    let imp = crate::objects::module::new_module("implementation");
    if let Some(id) = module::globals(&imp) {
        dict::set_str(&id, "name", Value::new_str("gild"));
        dict::set_str(&id, "cache_tag", Value::new_str(crate::vm::pycache::cache_tag()));
    }
    dict::set_str(&d, "implementation", Value::Obj(imp));
    dict::set_str(&d, "platform", Value::new_str(std::env::consts::OS));
    dict::set_str(&d, "byteorder", Value::new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    dict::set_str(&d, "maxsize", Value::Int(i64::MAX));
    dict::set_str(&d, "executable", Value::new_str(std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()));
    dict::set_str(&d, "argv", Value::new_list(cfg.argv.iter().map(|a| Value::new_str(a.as_str())).collect()));
    dict::set_str(&d, "modules", Value::Obj(modules.clone()));
    dict::set_str(&d, "path", Value::new_list(Vec::new()));
    let dont_write = cfg.dont_write_bytecode || env_flag(cfg, "PYTHONDONTWRITEBYTECODE").is_some();
    dict::set_str(&d, "dont_write_bytecode", Value::Bool(dont_write));
    for (name, f) in [
        ("exit", sys_exit as crate::objects::NativeFn),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("intern", sys_intern),
        ("_getframe", crate::vm::frame_object::sys_getframe),
        ("settrace", sys_settrace),
        ("gettrace", sys_gettrace),
        ("setprofile", sys_setprofile),
        ("getprofile", sys_getprofile),
    ] {
        dict::set_str(&d, name, native(name, f));
    }
    add_extras(cfg, &d);
    m.make_immortal();
    m
}

// ---- flags, numeric info, encodings, switch interval, sizes ----

static INT_MAX_STR_DIGITS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(crate::num::INT_MAX_STR_DIGITS);

/// The current `sys.get_int_max_str_digits()` limit (0: unlimited).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed)
}

fn env_flag(cfg: &crate::Config, name: &str) -> Option<String> {
    if cfg.ignore_environment {
        return None;
    }
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The attributes beyond the interpreter core: `flags`, `float_info`, `int_info`,
/// `hash_info`, encodings, prefixes, `orig_argv`, and the functions that go with them.
fn add_extras(cfg: &crate::Config, d: &PyRef) {
    let structseq = super::structseq::new_type;
    let dont_write = cfg.dont_write_bytecode || env_flag(cfg, "PYTHONDONTWRITEBYTECODE").is_some();
    let hash_random = env_flag(cfg, "PYTHONHASHSEED").map_or(1, |s| (s != "0") as i64);
    let max_digits = cfg
        .xoption_value("int_max_str_digits")
        .map(str::to_string)
        .or_else(|| env_flag(cfg, "PYTHONINTMAXSTRDIGITS"))
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(-1);
    if max_digits >= 0 {
        INT_MAX_STR_DIGITS.store(max_digits as usize, std::sync::atomic::Ordering::Relaxed);
    }
    let flags: &[(&str, Value)] = &[
        ("debug", Value::Int(cfg.debug as i64)),
        ("inspect", Value::Int(cfg.inspect as i64)),
        ("interactive", Value::Int(cfg.inspect as i64)),
        ("optimize", Value::Int(cfg.optimize as i64)),
        ("dont_write_bytecode", Value::Int(dont_write as i64)),
        ("no_user_site", Value::Int(cfg.no_user_site as i64)),
        ("no_site", Value::Int(cfg.no_site as i64)),
        ("ignore_environment", Value::Int(cfg.ignore_environment as i64)),
        ("verbose", Value::Int(cfg.verbose as i64)),
        ("bytes_warning", Value::Int(cfg.bytes_warning as i64)),
        ("quiet", Value::Int(cfg.quiet as i64)),
        ("hash_randomization", Value::Int(hash_random)),
        ("isolated", Value::Int(cfg.isolated as i64)),
        ("dev_mode", Value::Bool(cfg.has_xoption("dev"))),
        ("utf8_mode", Value::Int(cfg.has_xoption("utf8") as i64)),
        ("warn_default_encoding", Value::Int(cfg.has_xoption("warn_default_encoding") as i64)),
        ("safe_path", Value::Bool(cfg.safe_path)),
        ("int_max_str_digits", Value::Int(max_digits)),
    ];
    let names: Vec<&str> = flags.iter().map(|(k, _)| *k).collect();
    let cls = structseq("sys", "flags", &names, names.len());
    dict::set_str(d, "flags", super::structseq::new_instance(&cls, flags.iter().map(|(_, v)| v.clone()).collect()));
    let float_info: &[(&str, Value)] = &[
        ("max", Value::Float(f64::MAX)),
        ("max_exp", Value::Int(f64::MAX_EXP as i64)),
        ("max_10_exp", Value::Int(f64::MAX_10_EXP as i64)),
        ("min", Value::Float(f64::MIN_POSITIVE)),
        ("min_exp", Value::Int(f64::MIN_EXP as i64)),
        ("min_10_exp", Value::Int(f64::MIN_10_EXP as i64)),
        ("dig", Value::Int(f64::DIGITS as i64)),
        ("mant_dig", Value::Int(f64::MANTISSA_DIGITS as i64)),
        ("epsilon", Value::Float(f64::EPSILON)),
        ("radix", Value::Int(2)),
        ("rounds", Value::Int(1)),
    ];
    let int_info: &[(&str, Value)] = &[
        ("bits_per_digit", Value::Int(30)),
        ("sizeof_digit", Value::Int(4)),
        ("default_max_str_digits", Value::from(crate::num::INT_MAX_STR_DIGITS)),
        ("str_digits_check_threshold", Value::Int(640)),
    ];
    let hash_info: &[(&str, Value)] = &[
        ("width", Value::Int(64)),
        ("modulus", Value::Int((1 << 61) - 1)),
        ("inf", Value::Int(314159)),
        ("nan", Value::Int(0)),
        ("imag", Value::Int(1000003)),
        ("algorithm", Value::new_str("siphash13")),
        ("hash_bits", Value::Int(64)),
        ("seed_bits", Value::Int(128)),
        ("cutoff", Value::Int(0)),
    ];
    for (name, fields) in [("float_info", float_info), ("int_info", int_info), ("hash_info", hash_info)] {
        let names: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
        let cls = structseq("sys", name, &names, names.len());
        dict::set_str(d, name, super::structseq::new_instance(&cls, fields.iter().map(|(_, v)| v.clone()).collect()));
    }
    let prefix = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().and_then(|b| b.parent()).map(|p| p.display().to_string()))
        .unwrap_or_else(|| "/usr/local".to_string());
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        dict::set_str(d, k, Value::new_str(prefix.as_str()));
    }
    for (k, v) in [("platlibdir", "lib"), ("float_repr_style", "short"), ("abiflags", "")] {
        dict::set_str(d, k, Value::new_str(v));
    }
    dict::set_str(d, "maxunicode", Value::Int(0x10ffff));
    dict::set_str(d, "api_version", Value::Int(1013));
    dict::set_str(d, "orig_argv", Value::new_list(cfg.orig_argv.iter().map(|a| Value::new_str(a.as_str())).collect()));
    dict::set_str(d, "warnoptions", Value::new_list(cfg.warnoptions.iter().map(|a| Value::new_str(a.as_str())).collect()));
    let xo = dict::new_dict();
    for o in &cfg.xoptions {
        let (k, v) = match o.split_once('=') {
            Some((k, v)) => (k, Value::new_str(v)),
            None => (o.as_str(), Value::Bool(true)),
        };
        dict::set_str(&xo, k, v);
    }
    dict::set_str(d, "_xoptions", Value::Obj(xo));
    for (name, f) in [
        ("getdefaultencoding", sys_getdefaultencoding as crate::objects::NativeFn),
        ("getfilesystemencoding", sys_getfilesystemencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("getswitchinterval", sys_getswitchinterval),
        ("setswitchinterval", sys_setswitchinterval),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("getsizeof", sys_getsizeof),
        ("getrefcount", sys_getrefcount),
        ("excepthook", sys_excepthook),
        ("displayhook", sys_displayhook),
        ("breakpointhook", sys_breakpointhook),
        ("is_finalizing", sys_is_finalizing),
    ] {
        dict::set_str(d, name, native(name, f));
    }
    for hook in ["excepthook", "displayhook", "breakpointhook"] {
        if let Some(h) = dict::get_str(d, hook) {
            dict::set_str(d, &format!("__{hook}__"), h);
        }
    }
    // `version_info` as a struct sequence, also in `implementation` (with `hexversion`).
    let (a, b, c) = crate::PYTHON_VERSION;
    let fields = ["major", "minor", "micro", "releaselevel", "serial"];
    let vi_cls = structseq("sys", "version_info", &fields, fields.len());
    let vi = super::structseq::new_instance(
        &vi_cls,
        vec![Value::Int(a as i64), Value::Int(b as i64), Value::Int(c as i64), Value::new_str("final"), Value::Int(0)],
    );
    dict::set_str(d, "version_info", vi.clone());
    if let Some(imp) = dict::get_str(d, "implementation").and_then(|m| m.as_obj().and_then(module::globals)) {
        dict::set_str(&imp, "version", vi);
        if let Some(h) = dict::get_str(d, "hexversion") {
            dict::set_str(&imp, "hexversion", h);
        }
    }
}

fn no_args(args: &Args, name: &str) -> PyResult<()> {
    args.no_kwargs(name)?;
    args.check_count(name, 0, 0)?;
    Ok(())
}

fn sys_getdefaultencoding(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "getdefaultencoding")?;
    Ok(Value::new_str("utf-8"))
}

fn sys_getfilesystemencoding(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "getfilesystemencoding")?;
    Ok(Value::new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "getfilesystemencodeerrors")?;
    Ok(Value::new_str("surrogateescape"))
}

fn sys_getswitchinterval(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "getswitchinterval")?;
    Ok(Value::Float(crate::runtime::gil::switch_interval()))
}

fn sys_setswitchinterval(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("setswitchinterval")?;
    let pos = args.check_count("setswitchinterval", 1, 1)?;
    let v = super::math::arg_f64(vm, &pos[0])?;
    if v <= 0.0 || v.is_nan() {
        return Err(PyErr::value_error("switch interval must be strictly positive"));
    }
    crate::runtime::gil::set_switch_interval(v);
    Ok(Value::None)
}

fn sys_get_int_max_str_digits(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "get_int_max_str_digits")?;
    Ok(Value::from(int_max_str_digits()))
}

fn sys_set_int_max_str_digits(_vm: &Vm, args: Args) -> PyResult<Value> {
    let p = super::os::params(&args, "set_int_max_str_digits", &["maxdigits"], 1, 1)?;
    let v = p[0].unwrap_or(&Value::None);
    let n = crate::runtime::ops::index_value(v)?;
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    INT_MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::None)
}

/// `sys.getsizeof(object[, default])`: CPython's sizes on 64-bit Linux for builtin
/// objects (`__sizeof__` plus the GC header for container types); `__sizeof__` of user
/// classes is honoured.
fn sys_getsizeof(vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 2 {
        return Err(PyErr::type_error(format!("getsizeof() takes at most 2 arguments ({} given)", args.args.len())));
    }
    let p = super::os::params(&args, "getsizeof", &["object", "default"], 2, 1)?;
    let Some(obj) = p[0] else {
        return Err(PyErr::type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    if let Some(f) = crate::runtime::call::lookup_user(obj.class(), "__sizeof__") {
        let r = crate::runtime::call::call_bound(vm, &f, obj, Args::new(&[]))?;
        // CPython reads the result as a C `ssize_t` (ints only, no `__index__`).
        let n = match &r {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            _ if crate::objects::int::is_int(&r) => return Err(PyErr::overflow_error("Python int too large to convert to C ssize_t")),
            _ => return Err(PyErr::type_error("an integer is required")),
        };
        if n < 0 {
            return Err(PyErr::value_error("__sizeof__() should return >= 0"));
        }
        // The GC header, plus the pre-header of instances with a managed `__dict__`.
        let extra = if matches!(obj.payload(), Some(Payload::Instance)) { 32 } else { 16 };
        return Ok(Value::Int(n + extra));
    }
    Ok(Value::Int(builtin_sizeof(obj)))
}

fn builtin_sizeof(v: &Value) -> i64 {
    const GC: i64 = 16;
    let int_size = |b: &num_bigint::BigInt| 24 + 4 * ((b.bits() as i64 + 29) / 30).max(1);
    let dict_size = |n: usize, str_keys: bool| {
        if n == 0 {
            return 48 + GC;
        }
        let mut size = 8usize;
        while size * 2 / 3 < n {
            size *= 2;
        }
        let usable = (size * 2 / 3) as i64;
        let index = if size <= 128 {
            size
        } else if size <= 1 << 15 {
            2 * size
        } else {
            4 * size
        } as i64;
        48 + 32 + index + usable * if str_keys { 16 } else { 24 } + GC
    };
    match v {
        Value::None => 16,
        Value::Bool(b) => 24 + 4 * (*b as i64).max(1),
        Value::Int(i) => int_size(&num_bigint::BigInt::from(*i)),
        Value::Float(_) => 24,
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => int_size(b),
            Payload::Float(_) => 24,
            Payload::Complex { .. } => 32,
            Payload::Str(s) => {
                let text = s.as_str();
                let max = text.chars().map(|c| c as u32).max().unwrap_or(0);
                let n = s.char_len() as i64;
                if max < 0x80 {
                    49 + n
                } else if max < 0x100 {
                    73 + n
                } else if max < 0x10000 {
                    74 + 2 * n
                } else {
                    76 + 4 * n
                }
            }
            Payload::Bytes(b) => 33 + b.len() as i64,
            Payload::ByteArray(b) => 56 + b.borrow().len() as i64 + (!b.borrow().is_empty()) as i64,
            Payload::List(l) => 40 + GC + 8 * l.borrow().len() as i64,
            Payload::Tuple(t) => 24 + GC + 8 * t.len() as i64,
            Payload::Dict(d) => {
                let d = d.borrow();
                let str_keys = d.iter().all(|e| e.key.as_str().is_some());
                dict_size(d.len(), str_keys)
            }
            Payload::Set(s) => set_size(s.borrow().len()),
            Payload::FrozenSet(s) => set_size(s.len()),
            Payload::Range { .. } => 48,
            Payload::Slice { .. } => 56,
            Payload::Function(_) => 136 + GC,
            Payload::NativeFunction(_) => 56 + GC,
            Payload::BoundMethod { .. } => 48 + GC,
            Payload::Module(_) => 56 + GC,
            Payload::Type(t) if t.heap => 1672 + GC,
            Payload::Type(_) => 424,
            Payload::Cell(_) => 24 + GC,
            Payload::Exception(_) => 72 + GC,
            Payload::Generator(_) => 160 + GC,
            Payload::SeqIter { .. } | Payload::RangeIter { .. } | Payload::DictIter { .. } => 32 + GC,
            Payload::Instance if o.class().is(&types().object) => 16,
            _ => 40 + GC,
        },
    }
}

/// A set's size: CPython's table grows to the power of two above four times the number of
/// elements whenever it is three-fifths full; tables of 8 live inside the object.
fn set_size(n: usize) -> i64 {
    let mut size = 8usize;
    for used in 1..=n {
        if used * 5 >= (size - 1) * 3 {
            let target = if used > 50_000 { used * 2 } else { used * 4 };
            while size <= target {
                size <<= 1;
            }
        }
    }
    216 + if size > 8 { 16 * size as i64 } else { 0 }
}

/// `sys.breakpointhook(*args, **kws)`, what `breakpoint()` calls: `PYTHONBREAKPOINT=0`
/// turns it off (as in CPython); otherwise gild, which has no debugger, says so on stderr
/// and the program goes on.
fn sys_breakpointhook(_vm: &Vm, _args: Args) -> PyResult<Value> {
    let env = if crate::vm::interp().config.ignore_environment { None } else { std::env::var("PYTHONBREAKPOINT").ok() };
    if env.as_deref() == Some("0") {
        return Ok(Value::None);
    }
    eprintln!("breakpoint(): gild has no debugger (pdb); continuing");
    Ok(Value::None)
}

/// `sys.getrefcount(object)`: the object's reference count (including the argument's
/// own reference, as in CPython). Immediate values report a large constant.
fn sys_getrefcount(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("sys.getrefcount")?;
    let pos = args.check_count("sys.getrefcount", 1, 1)?;
    Ok(match &pos[0] {
        Value::Obj(o) => Value::from(o.refcount()),
        _ => Value::Int(1 << 30),
    })
}

fn sys_exit(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("exit", 0, 1)?;
    // Raising SystemExit with an instance of it raises that instance (as CPython's
    // `PyErr_SetObject` does).
    if let Some(inst) = pos.first().filter(|v| crate::objects::typeobj::isinstance(v, types().exc.get("SystemExit"))) {
        if let Some(o) = inst.as_obj() {
            return Err(PyErr { exc: o.clone() });
        }
    }
    let e = PyErr::with_args(types().exc.get("SystemExit"), pos.to_vec());
    crate::runtime::set_attr_raw(&e.exc, "code", pos.first().cloned().unwrap_or(Value::None));
    Err(e)
}

/// `sys.displayhook(value)`: print the repr of a value other than `None` and keep it as
/// `builtins._`.
fn sys_displayhook(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("displayhook")?;
    let pos = args.check_count("displayhook", 1, 1)?;
    let v = &pos[0];
    if v.is_none() {
        return Ok(Value::None);
    }
    let builtins = crate::vm::interp().builtins_module.clone();
    if let Some(g) = module::globals(&builtins) {
        dict::set_str(&g, "_", Value::None);
    }
    let text = crate::runtime::repr::repr(vm, v)?;
    let out = crate::runtime::attr::getattr(vm, &Value::Obj(crate::vm::interp().sys.clone()), "stdout")?;
    crate::runtime::call::call_method(vm, &out, "write", &[Value::new_str(format!("{text}\n"))])?;
    if let Some(g) = module::globals(&builtins) {
        dict::set_str(&g, "_", v.clone());
    }
    Ok(Value::None)
}

fn sys_is_finalizing(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("is_finalizing", 0, 0)?;
    Ok(Value::Bool(false))
}

fn sys_getrecursionlimit(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::from(crate::vm::interp().recursion_limit.get()))
}

fn sys_setrecursionlimit(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("setrecursionlimit", 1, 1)?;
    // A C `int` argument: floats refused, overflow past 32 bits.
    if matches!(pos[0], Value::Float(_)) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::runtime::argparse::index_bigint(vm, &pos[0])?;
    let n = num_traits::ToPrimitive::to_i32(&n).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))? as i64;
    if n < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth.get() {
        return Err(PyErr::new(
            "RecursionError",
            format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.depth.get()),
        ));
    }
    crate::vm::interp().recursion_limit.set(n as usize);
    Ok(Value::None)
}

fn sys_exc_info(vm: &Vm, _args: Args) -> PyResult<Value> {
    let e = vm.exc_info.borrow().clone();
    if e.is_none() {
        return Ok(Value::new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let tb = crate::objects::exception::exc_data(&e).and_then(|d| d.borrow().traceback.clone()).map(Value::Obj).unwrap_or(Value::None);
    Ok(Value::new_tuple(vec![Value::Obj(e.class().clone()), e, tb]))
}

/// `sys.excepthook(type, value, traceback)`: print the exception as an uncaught one.
fn sys_excepthook(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("excepthook")?;
    let pos = args.check_count("excepthook", 3, 3)?;
    match pos[1].as_obj() {
        Some(exc) if crate::objects::exception::exc_data(&pos[1]).is_some() => {
            crate::vm::traceback::print_exception(vm, &PyErr { exc: exc.clone() });
        }
        _ => {
            let msg = format!(
                "TypeError: print_exception(): Exception expected for value, {} found\n",
                crate::objects::typeobj::type_name(&pos[1])
            );
            write_stderr_raw(&msg);
        }
    }
    Ok(Value::None)
}

fn sys_exception(vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.exc_info.borrow().clone())
}

fn sys_intern(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("intern", 1, 1)?;
    if pos[0].as_str().is_none() {
        return Err(PyErr::type_error(format!("intern() argument must be str, not {}", type_name(&pos[0]))));
    }
    // An exact `str` only: CPython refuses to intern subclasses.
    match pos[0].as_obj() {
        Some(o) if o.class().is(&crate::objects::types().str) => {
            Ok(Value::Obj(crate::objects::str::intern(pos[0].as_str().map(|s| s.as_str()).unwrap_or(""))))
        }
        _ => Err(PyErr::type_error(format!("can't intern {}", type_name(&pos[0])))),
    }
}

/// The exit code for an uncaught `SystemExit` (printing its message as CPython does).
pub fn system_exit_code(vm: &Vm, exc: &Value) -> i32 {
    let code = crate::runtime::attr::getattr(vm, exc, "code").unwrap_or(Value::None);
    match &code {
        Value::None => 0,
        Value::Int(i) => *i as i32,
        Value::Bool(b) => *b as i32,
        other => {
            flush_stdout_raw();
            let text = repr::str(vm, other).unwrap_or_default();
            write_stderr_raw(&format!("{text}\n"));
            1
        }
    }
}

fn one_arg<'a>(args: &'a Args, fname: &str) -> PyResult<&'a Value> {
    match args.pos() {
        [v] if args.kwnames.is_empty() => Ok(v),
        _ => Err(PyErr::type_error(format!("{fname}() takes exactly one argument ({} given)", args.pos().len()))),
    }
}

/// `sys.settrace(func)`: this thread's trace function (`None` removes it).
fn sys_settrace(vm: &Vm, args: Args) -> PyResult<Value> {
    crate::vm::trace::set_trace(vm, one_arg(&args, "settrace")?.clone());
    Ok(Value::None)
}

fn sys_gettrace(vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(crate::vm::trace::get_trace(vm))
}

/// `sys.setprofile(func)`: this thread's profile function (`None` removes it).
fn sys_setprofile(vm: &Vm, args: Args) -> PyResult<Value> {
    crate::vm::trace::set_profile(vm, one_arg(&args, "setprofile")?.clone());
    Ok(Value::None)
}

fn sys_getprofile(vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(crate::vm::trace::get_profile(vm))
}
