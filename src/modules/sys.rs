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

thread_local! {
    static STDOUT_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

static UNBUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Write to the process's stdout (buffered).
pub fn write_stdout_raw(s: &str) {
    STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(s.as_bytes());
        if b.len() > 8192 || UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = std::io::stdout().write_all(&b);
            let _ = std::io::stdout().flush();
            b.clear();
        }
    });
}

/// Flush gild's stdout buffer.
pub fn flush_stdout_raw() {
    STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        let _ = std::io::stdout().write_all(&b);
        let _ = std::io::stdout().flush();
        b.clear();
    });
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
    let m = module::new_module("sys");
    let d = module::globals(&m).unwrap_or_else(dict::new_dict);
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str("_io"));
    dict::set_str(&ns, "__qualname__", Value::new_str("TextIOWrapper"));
    let stream_cls = crate::objects::typeobj::new_class(&t.type_, "TextIOWrapper", vec![], &ns).unwrap_or_else(|_| t.object.clone());
    add_methods(&stream_cls, "TextIOWrapper", &[("write", stream_write), ("flush", stream_flush)]);
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
        dict::set_str(&id, "cache_tag", Value::new_str(format!("gild-{}", crate::GILD_VERSION.replace('.', ""))));
    }
    dict::set_str(&d, "implementation", Value::Obj(imp));
    dict::set_str(&d, "platform", Value::new_str(std::env::consts::OS));
    dict::set_str(&d, "byteorder", Value::new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    dict::set_str(&d, "maxsize", Value::Int(i64::MAX));
    dict::set_str(&d, "executable", Value::new_str(std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()));
    dict::set_str(&d, "argv", Value::new_list(cfg.argv.iter().map(|a| Value::new_str(a.as_str())).collect()));
    dict::set_str(&d, "modules", Value::Obj(modules.clone()));
    dict::set_str(&d, "path", Value::new_list(Vec::new()));
    dict::set_str(&d, "dont_write_bytecode", Value::Bool(cfg.dont_write_bytecode));
    for (name, f) in [
        ("exit", sys_exit as crate::objects::NativeFn),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("intern", sys_intern),
    ] {
        dict::set_str(&d, name, native(name, f));
    }
    m.make_immortal();
    m
}

fn sys_exit(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("exit", 0, 1)?;
    let e = PyErr::with_args(types().exc.get("SystemExit"), pos.to_vec());
    crate::runtime::set_attr_raw(&e.exc, "code", pos.first().cloned().unwrap_or(Value::None));
    Err(e)
}

fn sys_getrecursionlimit(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::from(crate::vm::interp().recursion_limit.get()))
}

fn sys_setrecursionlimit(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("setrecursionlimit", 1, 1)?;
    let n = crate::runtime::ops::index_value(&pos[0])?;
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

fn sys_exception(vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.exc_info.borrow().clone())
}

fn sys_intern(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("intern", 1, 1)?;
    if pos[0].as_str().is_none() {
        return Err(PyErr::type_error(format!("intern() argument must be str, not {}", type_name(&pos[0]))));
    }
    Ok(pos[0].clone())
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
