//! The `gc` module: the Python interface to the cycle collector in `runtime::gc`
//! (`collect`, `enable`/`disable`/`isenabled`, counts and thresholds, `get_objects`,
//! `get_referrers`/`get_referents`, `is_tracked`/`is_finalized`, `freeze`/`unfreeze`,
//! `callbacks`, `garbage`, `get_stats`, `DEBUG_*`), plus `gc.callbacks` invocation.

use crate::objects::function::native;
use crate::objects::{dict, list, module, Payload, PyRef, Value};
use crate::runtime::gc::{self, state};
use crate::runtime::heap::{flags, gc_list, gc_lists};
use crate::runtime::{Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn create(name: &str) -> PyRef {
    let md = module::new_module(name);
    let Some(d) = module::globals(&md) else { return md };
    let table: &[(&'static str, crate::objects::NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_count", gc_get_count),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("get_objects", gc_get_objects),
        ("get_referrers", gc_get_referrers),
        ("get_referents", gc_get_referents),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("freeze", gc_freeze),
        ("unfreeze", gc_unfreeze),
        ("get_freeze_count", gc_get_freeze_count),
        ("get_stats", gc_get_stats),
        ("set_debug", gc_set_debug),
        ("get_debug", gc_get_debug),
        ("_live_objects", gc_live_objects),
    ];
    for (n, f) in table {
        dict::set_str(&d, n, native(n, *f));
    }
    for (n, v) in [
        ("DEBUG_STATS", gc::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", gc::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", gc::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", gc::DEBUG_SAVEALL),
        ("DEBUG_LEAK", gc::DEBUG_LEAK),
    ] {
        dict::set_str(&d, n, Value::Int(v));
    }
    if let Some(g) = garbage_list() {
        dict::set_str(&d, "garbage", Value::Obj(g));
    }
    if let Some(c) = callbacks_list() {
        dict::set_str(&d, "callbacks", Value::Obj(c));
    }
    md
}

/// `gc.garbage` (created on first use; the collector appends to it under `DEBUG_SAVEALL`).
pub fn garbage_list() -> Option<PyRef> {
    let st = state();
    let mut g = st.garbage.borrow_mut();
    if g.is_none() {
        *g = Value::new_list(vec![]).as_obj().cloned();
    }
    g.clone()
}

fn callbacks_list() -> Option<PyRef> {
    let st = state();
    let mut c = st.callbacks.borrow_mut();
    if c.is_none() {
        *c = Value::new_list(vec![]).as_obj().cloned();
    }
    c.clone()
}

/// Call each of `gc.callbacks` with `phase` (`"start"`/`"stop"`) and the info dict;
/// exceptions are reported as unraisable.
pub fn run_callbacks(vm: &Vm, phase: &str, generation: usize, collected: usize, uncollectable: usize) {
    let cbs: Vec<Value> = match state().callbacks.borrow().as_ref().map(|c| &c.payload) {
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => return,
    };
    if cbs.is_empty() {
        return;
    }
    let info = dict::new_dict();
    dict::set_str(&info, "generation", Value::from(generation));
    dict::set_str(&info, "collected", Value::from(collected));
    dict::set_str(&info, "uncollectable", Value::from(uncollectable));
    let args = [Value::new_str(phase), Value::Obj(info)];
    for cb in cbs {
        if let Err(e) = crate::runtime::call::call(vm, &cb, Args::new(&args)) {
            let text = crate::runtime::repr::repr(vm, &cb).unwrap_or_default();
            crate::vm::traceback::print_unraisable(vm, &format!("Exception ignored in garbage collector callback {text}"), &e);
        }
    }
}

fn generation_arg(v: &Value) -> PyResult<usize> {
    match v {
        Value::Int(g) if (0..=2).contains(g) => Ok(*g as usize),
        Value::Int(_) | Value::Bool(_) => Err(PyErr::value_error("invalid generation")),
        _ => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", crate::objects::typeobj::type_name(v)))),
    }
}

/// `gc.collect(generation=2)`.
fn gc_collect(vm: &Vm, args: Args) -> PyResult<Value> {
    let g = match args.pos().first().or(args.kwarg("generation")) {
        Some(v) => generation_arg(v)?,
        None => 2,
    };
    Ok(Value::from(gc::collect(vm, g, "manual")))
}

fn gc_enable(_vm: &Vm, _args: Args) -> PyResult<Value> {
    state().enabled.set(true);
    Ok(Value::None)
}

fn gc_disable(_vm: &Vm, _args: Args) -> PyResult<Value> {
    state().enabled.set(false);
    Ok(Value::None)
}

fn gc_isenabled(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(state().enabled.get()))
}

fn gc_get_count(_vm: &Vm, _args: Args) -> PyResult<Value> {
    let c = gc::get_count();
    Ok(Value::new_tuple(c.iter().map(|n| Value::from(*n)).collect()))
}

fn gc_get_threshold(_vm: &Vm, _args: Args) -> PyResult<Value> {
    let t = state().thresholds.get();
    Ok(Value::new_tuple(t.iter().map(|n| Value::from(*n)).collect()))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
fn gc_set_threshold(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("set_threshold")?;
    let pos = args.check_count("set_threshold", 1, 3)?;
    let mut t = state().thresholds.get();
    for (i, v) in pos.iter().enumerate() {
        let n = crate::runtime::ops::index_value(v)?;
        t[i] = n.max(0) as usize;
    }
    state().thresholds.set(t);
    gc_lists::set_threshold0(t[0]);
    Ok(Value::None)
}

/// `gc.get_objects(generation=None)`.
fn gc_get_objects(_vm: &Vm, args: Args) -> PyResult<Value> {
    let g = match args.pos().first().or(args.kwarg("generation")) {
        None | Some(Value::None) => None,
        Some(Value::Int(g)) if *g < 0 => return Err(PyErr::value_error("generation parameter must be positive")),
        Some(Value::Int(g)) if *g > 2 => {
            return Err(PyErr::value_error("generation parameter must be less than the number of available generations (3)"))
        }
        Some(v) => Some(generation_arg(v)?),
    };
    let lists: Vec<u8> = match g {
        Some(g) => vec![gc_list::GEN0 + g as u8],
        None => vec![gc_list::GEN0, gc_list::GEN0 + 1, gc_list::GEN0 + 2],
    };
    let mut out = Vec::new();
    for l in lists {
        out.extend(gc::objects_in(l).into_iter().map(Value::Obj));
    }
    Ok(Value::new_list(out))
}

fn all_tracked() -> Vec<PyRef> {
    let mut v = Vec::new();
    for l in [gc_list::GEN0, gc_list::GEN0 + 1, gc_list::GEN0 + 2, gc_list::PERMANENT] {
        v.extend(gc::objects_in(l));
    }
    v
}

/// `gc.get_referrers(*objs)`: tracked objects that refer directly to any of `objs`.
fn gc_get_referrers(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("get_referrers")?;
    let targets: Vec<usize> = args.args.iter().filter_map(|a| a.as_obj().map(|o| o.addr())).collect();
    let mut out = Vec::new();
    for o in all_tracked() {
        let mut hit = false;
        gc::traverse(&o, o.class(), &mut |c| hit |= targets.contains(&c.addr()));
        if hit {
            out.push(Value::Obj(o));
        }
    }
    Ok(Value::new_list(out))
}

/// `gc.get_referents(*objs)`.
fn gc_get_referents(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("get_referents")?;
    let mut out = Vec::new();
    for a in args.args {
        if let Some(o) = a.as_obj() {
            if gc_lists::position(o).0 != gc_list::UNTRACKED {
                out.extend(gc::referents(o).into_iter().map(Value::Obj));
            }
        }
    }
    Ok(Value::new_list(out))
}

fn one<'a>(args: &'a Args, name: &str) -> PyResult<&'a Value> {
    Ok(&args.check_count(name, 1, 1)?[0])
}

fn gc_is_tracked(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one(&args, "is_tracked")?;
    Ok(Value::Bool(v.as_obj().is_some_and(|o| gc_lists::position(o).0 != gc_list::UNTRACKED)))
}

fn gc_is_finalized(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one(&args, "is_finalized")?;
    Ok(Value::Bool(v.as_obj().is_some_and(|o| o.flags() & flags::FINALIZED != 0)))
}

/// `gc.freeze()`: move every tracked object to the permanent generation (ignored by
/// collections until `unfreeze`).
fn gc_freeze(_vm: &Vm, _args: Args) -> PyResult<Value> {
    for g in 0..3 {
        gc_lists::move_all(gc_list::GEN0 + g, gc_list::PERMANENT);
    }
    Ok(Value::None)
}

fn gc_unfreeze(_vm: &Vm, _args: Args) -> PyResult<Value> {
    gc_lists::move_all(gc_list::PERMANENT, gc_list::GEN0 + 2);
    Ok(Value::None)
}

fn gc_get_freeze_count(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::from(gc_lists::len(gc_list::PERMANENT)))
}

fn gc_get_stats(_vm: &Vm, _args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    for s in state().stats.get() {
        let d = dict::new_dict();
        dict::set_str(&d, "collections", Value::from(s.collections));
        dict::set_str(&d, "collected", Value::from(s.collected));
        dict::set_str(&d, "uncollectable", Value::from(s.uncollectable));
        out.push(Value::Obj(d));
    }
    Ok(Value::Obj(list::new_list(out)))
}

fn gc_set_debug(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one(&args, "set_debug")?;
    state().debug.set(crate::runtime::ops::index_value(v)?);
    Ok(Value::None)
}

fn gc_get_debug(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(state().debug.get()))
}

/// `gc._live_objects()` (gild only): how many heap objects exist now; the leak check
/// (`tests/leak_check.rs`) compares it across repeated runs of a script.
fn gc_live_objects(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(crate::runtime::heap::live_objects() as i64))
}
