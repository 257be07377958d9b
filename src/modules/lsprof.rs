//! `_lsprof`: the native profiler under `cProfile`. A `Profiler` installs itself as this
//! thread's native profile hook (`vm::trace`) and keeps, per function (a code object, or a
//! builtin function / method), the call count, the recursive call count, the time spent
//! inside it (`inlinetime`) and including its callees (`totaltime`), and the same numbers
//! per caller → callee pair. Times come from a monotonic clock, reported in seconds.
//!
//! Recursion follows the usual rule: the total time of a function counts only its
//! outermost activation, so recursive calls are not counted twice.
//!
//! `getstats()` gives one tuple per function:
//! `(filename, lineno, name, callcount, reccallcount, inlinetime, totaltime, calls)`, with
//! `calls` a list of `(filename, lineno, name, callcount, reccallcount, inlinetime,
//! totaltime)` for its callees; builtins are named `('~', 0, '<built-in method m.f>')` or
//! `('~', 0, "<method 'f' of 't' objects>")`, as pstats expects.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::objects::function::{add_methods, code_of};
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
    /// Nanoseconds, callees excluded / included.
    inline: u64,
    total: u64,
    /// Activations now on the stack.
    depth: u32,
}

impl Counts {
    fn start(&mut self) {
        self.depth += 1;
    }

    fn stop(&mut self, total: u64, inline: u64) {
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
    file: String,
    line: i64,
    name: String,
    counts: Counts,
    /// Callee index → counts of calls from this function.
    callees: AddrMap<usize, Counts>,
    /// Keeps the code object alive so its address stays a unique key.
    _keep: Option<PyRef>,
}

/// One activation on the profiler's stack.
struct Context {
    /// The stats entry; `None` for a callee the profiler keeps no entry for (the context
    /// still pairs the call with its return).
    entry: Option<usize>,
    start: u64,
    /// Time spent in callees so far.
    sub: u64,
}

#[derive(Default)]
struct State {
    entries: Vec<Entry>,
    index: AddrMap<(usize, usize, usize), usize>,
    stack: Vec<Context>,
    builtins: bool,
}

/// The payload of a `Profiler`.
pub struct Profiler {
    state: RefCell<State>,
}

impl State {
    /// Nanoseconds on the monotonic clock.
    fn now(&self) -> u64 {
        crate::modules::time::clock_ns(libc::CLOCK_MONOTONIC) as u64
    }

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
        let (file, line, name, keep) = match target.payload()? {
            Payload::Code(_) => {
                let c = code_of(target.as_obj()?)?;
                (c.code.filename.to_string(), c.code.firstlineno as i64, c.code.name.clone(), target.as_obj().cloned())
            }
            Payload::NativeFunction(nf) => ("~".to_string(), 0, builtin_label(vm, target, nf), None),
            _ => return None,
        };
        let i = self.entries.len();
        self.entries.push(Entry { file, line, name, counts: Counts::default(), callees: AddrMap::default(), _keep: keep });
        self.index.insert(key, i);
        Some(i)
    }

    fn enter(&mut self, vm: &Vm, target: &Value) {
        let entry = self.entry_for(vm, target);
        if let Some(i) = entry {
            self.entries[i].counts.start();
            if let Some(caller) = self.stack.last().and_then(|c| c.entry) {
                self.entries[caller].callees.entry(i).or_default().start();
            }
        }
        let start = self.now();
        self.stack.push(Context { entry, start, sub: 0 });
    }

    fn leave(&mut self) {
        let now = self.now();
        let Some(ctx) = self.stack.pop() else { return };
        let total = now.saturating_sub(ctx.start);
        let inline = total.saturating_sub(ctx.sub);
        if let Some(e) = ctx.entry {
            self.entries[e].counts.stop(total, inline);
        }
        if let Some(caller) = self.stack.last_mut() {
            caller.sub += total;
            if let (Some(caller), Some(e)) = (caller.entry, ctx.entry) {
                self.entries[caller].callees.entry(e).or_default().stop(total, inline);
            }
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
    let mut st = p.state.borrow_mut();
    match event {
        Event::Call => st.enter(vm, target),
        Event::CCall if st.builtins => st.enter(vm, target),
        Event::Return => st.leave(),
        Event::CReturn | Event::CException if st.builtins => st.leave(),
        _ => {}
    }
}

/// `Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)`.
fn profiler_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos().first() {
        Some(Value::Obj(c)) if matches!(c.payload, Payload::Type(_)) => c.clone(),
        _ => return Err(PyErr::type_error("Profiler.__new__(X): X is not a type object")),
    };
    let p = Profiler { state: RefCell::new(State { builtins: true, ..State::default() }) };
    let o = PyRef::new(&cls, Payload::Native(Box::new(p)));
    // Subclasses (`cProfile.Profile`) keep attributes such as `stats`.
    *o.dict.borrow_mut() = Some(dict::new_dict());
    Ok(Value::Obj(o))
}

fn profiler_init(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `enable(subcalls=True, builtins=True)`.
fn profiler_enable(vm: &Vm, args: Args) -> PyResult<Value> {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let p = profiler_of(&me)?;
    let builtins = match crate::modules::os::params(&args, "enable", &["self", "subcalls", "builtins"], 3, 1)?[2] {
        Some(v) => crate::runtime::ops::truthy(vm, v)?,
        None => true,
    };
    p.state.borrow_mut().builtins = builtins;
    if let Value::Obj(o) = &me {
        trace::set_native_profile(vm, Some((o.clone(), hook)));
    }
    Ok(Value::None)
}

/// Close the activations still open (the calls that enabled the profiler and this
/// `disable` itself), as if they returned now.
fn flush(p: &Profiler) {
    let mut st = p.state.borrow_mut();
    while !st.stack.is_empty() {
        st.leave();
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
    flush(p);
    Ok(Value::None)
}

fn profiler_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let p = profiler_of(args.pos().first().unwrap_or(&Value::None))?;
    let mut st = p.state.borrow_mut();
    let builtins = st.builtins;
    *st = State { builtins, ..State::default() };
    Ok(Value::None)
}

fn secs(ns: u64) -> Value {
    Value::Float(ns as f64 * 1e-9)
}

fn row(e: &Entry, c: &Counts) -> Vec<Value> {
    vec![
        Value::new_str(e.file.as_str()),
        Value::Int(e.line),
        Value::new_str(e.name.as_str()),
        Value::Int(c.calls as i64),
        Value::Int(c.recursive as i64),
        secs(c.inline),
        secs(c.total),
    ]
}

/// `getstats()`: see the module header.
fn profiler_getstats(_vm: &Vm, args: Args) -> PyResult<Value> {
    let p = profiler_of(args.pos().first().unwrap_or(&Value::None))?;
    let st = p.state.borrow();
    let mut out = Vec::new();
    for e in &st.entries {
        if e.counts.calls == 0 {
            continue;
        }
        let mut callees: Vec<(&usize, &Counts)> = e.callees.iter().filter(|(_, c)| c.calls > 0).collect();
        callees.sort_by_key(|(i, _)| **i);
        let calls: Vec<Value> = callees.into_iter().map(|(&i, c)| Value::new_tuple(row(&st.entries[i], c))).collect();
        let mut r = row(e, &e.counts);
        r.push(Value::new_list(calls));
        out.push(Value::new_tuple(r));
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
    }
    m
}
