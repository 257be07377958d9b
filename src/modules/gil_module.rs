//! The `_gil` module: the observable GIL's Python interface (per-thread counters, the
//! scheduling policy, the event trace), and the `-X gil-policy=NAME`, `-X gil-trace=FILE`
//! and `-X gil-stats` options applied at start-up and exit. The friendly layer is
//! `stdlib/gil.py`; the data lives in `runtime::gil_stats`, the scheduler in `runtime::gil`.

use crate::objects::function::native;
use crate::objects::{dict, module, PyRef, Value};
use crate::runtime::gil::{self, Policy};
use crate::runtime::gil_stats;
use crate::runtime::{Args, PyErr, PyResult};
use crate::vm::Vm;

fn stats(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("stats", 0, 0)?;
    let mut out = Vec::new();
    for s in gil_stats::snapshot() {
        let d = dict::new_dict();
        dict::set_str(&d, "name", Value::new_str(if s.name.is_empty() { format!("thread {}", s.serial) } else { s.name }));
        dict::set_str(&d, "serial", Value::from(s.serial as i64));
        dict::set_str(&d, "ident", Value::from(s.ident as i64));
        dict::set_str(&d, "native_id", Value::from(s.native_id as i64));
        dict::set_str(&d, "alive", Value::Bool(s.alive));
        dict::set_str(&d, "main", Value::Bool(s.main));
        for (k, v) in s.counters {
            dict::set_str(&d, k, Value::from(v as i64));
        }
        let hist = |h: Vec<u64>| Value::new_list(h.into_iter().map(|x| Value::from(x as i64)).collect());
        dict::set_str(&d, "wait_hist", hist(s.wait_hist));
        dict::set_str(&d, "hold_hist", hist(s.hold_hist));
        out.push(Value::Obj(d));
    }
    Ok(Value::new_list(out))
}

fn reset(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("reset", 0, 0)?;
    gil_stats::reset();
    Ok(Value::None)
}

fn get_policy(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("get_policy", 0, 0)?;
    Ok(Value::new_str(gil::policy().name()))
}

fn set_policy(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("set_policy", 1, 1)?;
    let name = pos[0].as_str().map(|s| s.as_str().to_string()).ok_or_else(|| PyErr::type_error("policy name must be a str"))?;
    let p = Policy::from_name(&name).ok_or_else(|| unknown_policy(&name))?;
    gil::set_policy(p);
    Ok(Value::None)
}

fn unknown_policy(name: &str) -> PyErr {
    PyErr::value_error(format!("unknown GIL policy {name:?} (expected one of: {})", gil::POLICY_NAMES.join(", ")))
}

fn policies(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::new_tuple(gil::POLICY_NAMES.iter().map(|n| Value::new_str(*n)).collect()))
}

fn start_trace(_vm: &Vm, _args: Args) -> PyResult<Value> {
    gil_stats::start_trace();
    Ok(Value::None)
}

fn stop_trace(_vm: &Vm, _args: Args) -> PyResult<Value> {
    gil_stats::stop_trace();
    Ok(Value::None)
}

fn tracing(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(gil_stats::tracing()))
}

fn trace_json(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::new_str(gil_stats::trace_json()))
}

fn summary(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::new_str(gil_stats::summary_table()))
}

fn waiting(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::from(gil::waiting_threads() as i64))
}

/// `_gil._set_thread_name(name)`: the name shown in statistics and traces.
fn set_thread_name(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_set_thread_name", 1, 1)?;
    if let Some(s) = pos[0].as_str() {
        gil::set_thread_name(s.as_str());
    }
    Ok(Value::None)
}

pub fn create(name: &str) -> PyRef {
    let m = module::new_module(name);
    let Some(d) = module::globals(&m) else { return m };
    let fns: &[(&'static str, crate::objects::NativeFn)] = &[
        ("stats", stats),
        ("reset", reset),
        ("get_policy", get_policy),
        ("set_policy", set_policy),
        ("policies", policies),
        ("start_trace", start_trace),
        ("stop_trace", stop_trace),
        ("tracing", tracing),
        ("trace_json", trace_json),
        ("summary", summary),
        ("waiting", waiting),
        ("_set_thread_name", set_thread_name),
    ];
    for (n, f) in fns {
        dict::set_str(&d, n, native(n, *f));
    }
    dict::set_str(&d, "BUCKETS", Value::from(gil_stats::BUCKETS));
    m
}

/// Apply `-X gil-policy=NAME` and `-X gil-trace=FILE` at start-up. An unknown policy is
/// reported and the default kept.
pub fn configure(cfg: &crate::Config) {
    if let Some(name) = cfg.xoption_value("gil-policy") {
        match Policy::from_name(name) {
            Some(p) => gil::set_policy(p),
            None => eprintln!("gild: unknown GIL policy {name:?} (expected one of: {})", gil::POLICY_NAMES.join(", ")),
        }
    }
    if cfg.xoption_value("gil-trace").is_some() {
        gil_stats::start_trace();
    }
}

/// At exit: write the `-X gil-trace` file and print the `-X gil-stats` table.
pub fn at_exit(cfg: &crate::Config) {
    if let Some(path) = cfg.xoption_value("gil-trace") {
        gil_stats::stop_trace();
        if let Err(e) = std::fs::write(path, gil_stats::trace_json()) {
            eprintln!("gild: cannot write GIL trace {path}: {e}");
        }
    }
    if cfg.has_xoption("gil-stats") {
        eprint!("{}", gil_stats::summary_table());
    }
}
