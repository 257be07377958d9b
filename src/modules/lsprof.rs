//! `_lsprof`: the native profiler under `cProfile`. A `Profiler` installs itself as this
//! thread's native profile hook (`vm::trace`) and keeps, per function (a code object, or a
//! builtin function / method), the call count, the recursive call count, the time spent
//! inside it (`inlinetime`) and including its callees (`totaltime`), and the same numbers
//! per caller → callee pair. Times come from a monotonic clock, reported in seconds.
//!
//! Recursion follows the usual rule: the total time of a function counts only its
//! outermost activation, so recursive calls are not counted twice.
//!
//! The constructor's options are CPython's: `timer` (a callable giving the time: seconds
//! as a number, or integer ticks of `timeunit` seconds when `timeunit > 0`; an error from
//! it is reported as unraisable and counts as time 0), `subcalls` (keep the caller →
//! callee figures) and `builtins` (profile native callables); `enable(subcalls,
//! builtins)` changes the last two only when given.
//!
//! `getstats()` gives, as CPython, one `profiler_entry` per function: `(code, callcount,
//! reccallcount, totaltime, inlinetime, calls)`, `code` being the code object or, for a
//! builtin, its label (`'<built-in method m.f>'`, `"<method 'f' of 't' objects>"`), and
//! `calls` a list of `profiler_subentry` `(code, callcount, reccallcount, totaltime,
//! inlinetime)` for its callees (`None` when it has none).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::objects::function::add_methods;
use crate::objects::{dict, module, types, Payload, PyRef, Value};
use crate::runtime::{Args, PyErr, PyResult};
use crate::vm::trace::{self, Event};
use crate::vm::Vm;

/// Hashes the profiler's keys (addresses and indices) with a multiply-rotate mix: they
/// are trusted and already spread, and the table is consulted at every event.
#[derive(Default, Clone, Copy)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type AddrMap<K, V> = HashMap<K, V, BuildHasherDefault<AddrHasher>>;

/// Counters of a function, or of a caller → callee pair.
#[derive(Default, Clone, Copy)]
struct Counts {
    calls: u64,
    recursive: u64,
    /// Clock units (nanoseconds, or the ticks of an external timer), callees excluded /
    /// included.
    inline: i64,
    total: i64,
    /// Activations now on the stack.
    depth: u32,
}

impl Counts {
    fn start(&mut self) {
        self.depth += 1;
    }

    fn stop(&mut self, total: i64, inline: i64) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.total += total;
        } else {
            self.recursive += 1;
        }
        self.inline += inline;
        self.calls += 1;
    }
}

struct Entry {
    /// The code object (kept alive, so its address stays a unique key) or a builtin's
    /// label.
    code: Value,
    counts: Counts,
    /// Callee index → counts of calls from this function.
    callees: AddrMap<usize, Counts>,
}

/// One activation on the profiler's stack.
struct Context {
    /// The stats entry; `None` for a callee the profiler keeps no entry for (the context
    /// still pairs the call with its return).
    entry: Option<usize>,
    start: i64,
    /// Time spent in callees so far.
    sub: i64,
}

/// What the constructor and `enable` set.
#[derive(Clone)]
struct Options {
    builtins: bool,
    subcalls: bool,
    /// The external timer, if any, and its unit (`<= 0`: it gives seconds).
    timer: Option<Value>,
    timeunit: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { builtins: true, subcalls: true, timer: None, timeunit: 0.0 }
    }
}

#[derive(Default)]
struct State {
    entries: Vec<Entry>,
    index: AddrMap<(usize, usize, usize), usize>,
    stack: Vec<Context>,
    opts: Options,
}

/// The payload of a `Profiler`.
pub struct Profiler {
    state: RefCell<State>,
}

impl Profiler {
    /// The time now: nanoseconds on the monotonic clock, or the external timer's reading
    /// (called without the state borrowed: it is Python code).
    fn now(&self, vm: &Vm) -> i64 {
        let (timer, unit) = {
            let st = self.state.borrow();
            (st.opts.timer.clone(), st.opts.timeunit)
        };
        let Some(timer) = timer else {
            return crate::modules::time::clock_ns(libc::CLOCK_MONOTONIC) as i64;
        };
        match external_time(vm, &timer, unit) {
            Ok(t) => t,
            Err(e) => {
                let what = crate::runtime::repr::repr(vm, &timer).unwrap_or_else(|_| "timer".to_string());
                crate::vm::traceback::print_unraisable(vm, &format!("Exception ignored in: {what}"), &e);
                0
            }
        }
    }
}

/// One reading of an external timer: integer ticks when `unit > 0`, else seconds (an
/// int or float) turned into nanoseconds.
fn external_time(vm: &Vm, timer: &Value, unit: f64) -> PyResult<i64> {
    let v = crate::runtime::call::call(vm, timer, Args::new(&[]))?;
    if unit > 0.0 {
        return crate::runtime::argparse::index_arg(vm, &v);
    }
    let secs = match v {
        Value::Float(f) => f,
        _ => crate::runtime::argparse::index_arg(vm, &v)? as f64,
    };
    Ok((secs * 1e9).floor() as i64)
}

impl State {
    /// The entry for a code object or native callable, created on first sight.
    fn entry_for(&mut self, vm: &Vm, target: &Value) -> Option<usize> {
        let key = match target.payload()? {
            Payload::Code(_) => (target.as_obj()?.addr(), 0, 0),
            Payload::NativeFunction(nf) => (nf.func as usize, nf.owner.as_ptr() as usize, nf.name.as_ptr() as usize),
            _ => return None,
        };
        if let Some(&i) = self.index.get(&key) {
            return Some(i);
        }
        let code = match target.payload()? {
            Payload::Code(_) => target.clone(),
            Payload::NativeFunction(nf) => Value::new_str(builtin_label(vm, target, nf)),
            _ => return None,
        };
        let i = self.entries.len();
        self.entries.push(Entry { code, counts: Counts::default(), callees: AddrMap::default() });
        self.index.insert(key, i);
        Some(i)
    }

    fn enter(&mut self, vm: &Vm, target: &Value, start: i64) {
        let entry = self.entry_for(vm, target);
        if let Some(i) = entry {
            self.entries[i].counts.start();
            if let Some(caller) = self.stack.last().and_then(|c| c.entry).filter(|_| self.opts.subcalls) {
                self.entries[caller].callees.entry(i).or_default().start();
            }
        }
        self.stack.push(Context { entry, start, sub: 0 });
    }

    fn leave(&mut self, now: i64) {
        let Some(ctx) = self.stack.pop() else { return };
        let total = now.wrapping_sub(ctx.start);
        let inline = total.wrapping_sub(ctx.sub);
        if let Some(e) = ctx.entry {
            self.entries[e].counts.stop(total, inline);
        }
        let subcalls = self.opts.subcalls;
        if let Some(caller) = self.stack.last_mut() {
            caller.sub = caller.sub.wrapping_add(total);
            if let (Some(caller), Some(e), true) = (caller.entry, ctx.entry, subcalls) {
                self.entries[caller].callees.entry(e).or_default().stop(total, inline);
            }
        }
    }

    /// Seconds per clock unit, for `getstats`.
    fn factor(&self) -> f64 {
        match (&self.opts.timer, self.opts.timeunit) {
            (Some(_), unit) if unit > 0.0 => unit,
            _ => 1e-9,
        }
    }
}

/// `<built-in method module.name>` or `<method 'name' of 'type' objects>` (cProfile's
/// labels for builtins).
fn builtin_label(vm: &Vm, callable: &Value, nf: &crate::objects::NativeFunction) -> String {
    let _ = vm;
    if !nf.owner.is_empty() {
        return format!("<method '{}' of '{}' objects>", nf.name, nf.owner);
    }
    if let Some(Value::Obj(m)) = &nf.self_ {
        if let Payload::Module(md) = &m.payload {
            return format!("<built-in method {}.{}>", md.name, nf.name);
        }
    }
    // A module-level function: find the module that holds it.
    for (name, m) in dict::items(&crate::vm::interp().modules) {
        let (Some(name), Some(m)) = (name.as_str(), m.as_obj()) else { continue };
        let Some(g) = module::globals(m) else { continue };
        let found = dict::get_str(&g, nf.name).is_some_and(|v| {
            v.is(callable) || matches!(v.payload(), Some(Payload::NativeFunction(o)) if o.func as usize == nf.func as usize)
        });
        if found {
            return format!("<built-in method {}.{}>", name.as_str(), nf.name);
        }
    }
    format!("<built-in method {}>", nf.name)
}

fn profiler_of(v: &Value) -> PyResult<&Profiler> {
    match v.payload() {
        Some(Payload::Native(b)) => b.downcast_ref::<Profiler>().ok_or_else(|| PyErr::type_error("expected a _lsprof.Profiler")),
        _ => Err(PyErr::type_error("expected a _lsprof.Profiler")),
    }
}

/// The hook `vm::trace` calls for each event while a profiler is enabled.
fn hook(vm: &Vm, obj: &PyRef, event: Event, target: &Value) {
    let Payload::Native(b) = &obj.payload else { return };
    let Some(p) = b.downcast_ref::<Profiler>() else { return };
    let builtins = p.state.borrow().opts.builtins;
    match event {
        Event::Call => {
            let now = p.now(vm);
            p.state.borrow_mut().enter(vm, target, now);
        }
        Event::CCall if builtins => {
            let now = p.now(vm);
            p.state.borrow_mut().enter(vm, target, now);
        }
        Event::Return => {
            let now = p.now(vm);
            p.state.borrow_mut().leave(now);
        }
        Event::CReturn | Event::CException if builtins => {
            let now = p.now(vm);
            p.state.borrow_mut().leave(now);
        }
        _ => {}
    }
}

/// `Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)`.
fn profiler_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos().first() {
        Some(Value::Obj(c)) if matches!(c.payload, Payload::Type(_)) => c.clone(),
        _ => return Err(PyErr::type_error("Profiler.__new__(X): X is not a type object")),
    };
    let p = Profiler { state: RefCell::new(State::default()) };
    let o = PyRef::new(&cls, Payload::Native(Box::new(p)));
    // Subclasses (`cProfile.Profile`) keep attributes such as `stats`.
    *o.dict.borrow_mut() = Some(dict::new_dict());
    Ok(Value::Obj(o))
}

/// A C `int` flag argument (`subcalls`, `builtins` of the constructor).
fn int_flag(vm: &Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => Ok(crate::runtime::argparse::index_arg(vm, v)? != 0),
    }
}

/// `Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)`.
fn profiler_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = profiler_of(args.pos().first().unwrap_or(&Value::None))?;
    let [timer, timeunit, subcalls, builtins] = args.keywords("Profiler", ["timer", "timeunit", "subcalls", "builtins"], 0, 4, 0)?;
    let timeunit = match timeunit {
        None => 0.0,
        Some(Value::Float(f)) => *f,
        Some(v) if crate::objects::int::is_int(v) => super::object_methods::to_float(vm, v)?,
        Some(v) => match crate::runtime::call::lookup_user(v.class(), "__float__") {
            Some(_) => super::object_methods::to_float(vm, v)?,
            None => return Err(PyErr::type_error(format!("must be real number, not {}", crate::objects::typeobj::type_name(v)))),
        },
    };
    let opts = Options {
        timer: timer.filter(|t| !t.is_none()).cloned(),
        timeunit,
        subcalls: int_flag(vm, subcalls, true)?,
        builtins: int_flag(vm, builtins, true)?,
    };
    p.state.borrow_mut().opts = opts;
    Ok(Value::None)
}

/// `enable(subcalls=-1, builtins=-1)`: a flag given (not negative) replaces the
/// constructor's.
fn profiler_enable(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let p = profiler_of(&me)?;
    let [subcalls, builtins] = args.keywords("enable", ["subcalls", "builtins"], 0, 2, 0)?;
    // An int (`"|ii"`, as `index_arg` converts it); negative: keep the current flag.
    let flag = |v: Option<&Value>| -> PyResult<Option<bool>> {
        match v {
            None => Ok(None),
            Some(v) => {
                let n = crate::runtime::argparse::index_arg(vm, v)?;
                Ok((n >= 0).then_some(n != 0))
            }
        }
    };
    let (subcalls, builtins) = (flag(subcalls)?, flag(builtins)?);
    {
        let mut st = p.state.borrow_mut();
        if let Some(s) = subcalls {
            st.opts.subcalls = s;
        }
        if let Some(b) = builtins {
            st.opts.builtins = b;
        }
    }
    if let Value::Obj(o) = &me {
        trace::set_native_profile(vm, Some((o.clone(), hook)));
    }
    Ok(Value::None)
}

/// Close the activations still open (the calls that enabled the profiler and this
/// `disable` itself), as if they returned now.
fn flush(vm: &Vm, p: &Profiler) {
    while !p.state.borrow().stack.is_empty() {
        let now = p.now(vm);
        p.state.borrow_mut().leave(now);
    }
}

fn profiler_disable(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let p = profiler_of(&me)?;
    if let Value::Obj(o) = &me {
        if trace::native_profile_is(vm, o) {
            trace::set_native_profile(vm, None);
        }
    }
    flush(vm, p);
    Ok(Value::None)
}

fn profiler_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let p = profiler_of(args.pos().first().unwrap_or(&Value::None))?;
    let mut st = p.state.borrow_mut();
    let opts = st.opts.clone();
    *st = State { opts, ..State::default() };
    Ok(Value::None)
}

fn row(e: &Entry, c: &Counts, factor: f64) -> Vec<Value> {
    let secs = |t: i64| Value::Float(t as f64 * factor);
    vec![e.code.clone(), Value::Int(c.calls as i64), Value::Int(c.recursive as i64), secs(c.total), secs(c.inline)]
}

/// The `profiler_entry` and `profiler_subentry` struct sequence types.
fn stat_types() -> &'static (PyRef, PyRef) {
    static TYPES: once_cell::sync::OnceCell<crate::runtime::gil::GilShared<(PyRef, PyRef)>> = once_cell::sync::OnceCell::new();
    TYPES
        .get_or_init(|| {
            let sub = ["code", "callcount", "reccallcount", "totaltime", "inlinetime"];
            let entry = super::structseq::new_type("_lsprof", "profiler_entry", &[&sub[..], &["calls"]].concat(), 6);
            crate::runtime::gil::GilShared::new((entry, super::structseq::new_type("_lsprof", "profiler_subentry", &sub, 5)))
        })
        .get()
}

/// `getstats()`: see the module header.
fn profiler_getstats(_vm: &Vm, args: Args) -> PyResult<Value> {
    let p = profiler_of(args.pos().first().unwrap_or(&Value::None))?;
    let st = p.state.borrow();
    let factor = st.factor();
    let mut out = Vec::new();
    for e in &st.entries {
        if e.counts.calls == 0 {
            continue;
        }
        // No callee seen (or `subcalls` off): `None`, as CPython.
        let calls = if e.callees.is_empty() {
            Value::None
        } else {
            let mut callees: Vec<(&usize, &Counts)> = e.callees.iter().filter(|(_, c)| c.calls > 0).collect();
            callees.sort_by_key(|(i, _)| **i);
            let sub = &stat_types().1;
            Value::new_list(
                callees.into_iter().map(|(&i, c)| super::structseq::new_instance(sub, row(&st.entries[i], c, factor))).collect(),
            )
        };
        let mut r = row(e, &e.counts, factor);
        r.push(calls);
        out.push(super::structseq::new_instance(&stat_types().0, r));
    }
    Ok(Value::new_list(out))
}

/// The `_lsprof` module.
pub fn create() -> PyRef {
    let m = module::new_module("_lsprof");
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str("_lsprof"));
    dict::set_str(&ns, "__qualname__", Value::new_str("Profiler"));
    let cls = crate::objects::typeobj::new_class(&t.type_, "Profiler", vec![t.object.clone()], &ns).unwrap_or_else(|_| t.object.clone());
    add_methods(
        &cls,
        "_lsprof.Profiler",
        &[
            ("__new__", profiler_new),
            ("__init__", profiler_init),
            ("enable", profiler_enable),
            ("disable", profiler_disable),
            ("clear", profiler_clear),
            ("getstats", profiler_getstats),
        ],
    );
    if let Some(g) = module::globals(&m) {
        dict::set_str(&g, "Profiler", Value::Obj(cls));
        let (entry, sub) = stat_types();
        dict::set_str(&g, "profiler_entry", Value::Obj(entry.clone()));
        dict::set_str(&g, "profiler_subentry", Value::Obj(sub.clone()));
    }
    m
}
