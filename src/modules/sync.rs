//! Native cores of the blocking primitives written over a mutex and a condition variable:
//! [`Waitable`], the one way native code blocks on shared state without the GIL (deadlines,
//! and the main thread's SIGINT → `KeyboardInterrupt` while it waits), and `_thread._Event`,
//! the base class of `threading.Event`. The queue built on [`Waitable`] is in `queue.rs`;
//! the lock types and `Condition`'s wait/notify live in `thread.rs`.
//!
//! Why native: over `Condition`, every `Event.set`/`wait`/`clear` ran four or five Python
//! frames; here each is one native call, and a waiter blocks on the event itself.

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};

use crate::bytecode::CmpOp;
use crate::objects::function::add_methods;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, types, Payload, PyRef, Value};
use crate::runtime::{gil, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

use super::thread::{check_timeout_ns, next_sleep, timeout_arg_ns, Outcome};

/// State `T` guarded by a mutex, with a condition variable signalled when it changes.
/// `T` holds no Python objects: waiters read it without the GIL.
pub struct Waitable<T> {
    pub state: Mutex<T>,
    cond: Condvar,
    /// Threads blocked in `wait` (changed and read under `state`'s mutex).
    sleepers: AtomicUsize,
}

impl<T: Send> gil::Sleeper for Waitable<T> {
    fn wake(&self, all: bool) {
        if all {
            self.cond.notify_all();
        } else {
            self.cond.notify_one();
        }
    }
}

enum Woke<R> {
    Ready(R),
    TimedOut,
    Interrupted,
}

impl<T: Send> Waitable<T> {
    pub fn new(value: T) -> Arc<Waitable<T>> {
        Arc::new(Waitable { state: Mutex::new(value), cond: Condvar::new(), sleepers: AtomicUsize::new(0) })
    }

    /// After changing the state (its mutex `st` still held): wake one waiter (`all`:
    /// every waiter), if any, deferred while the caller holds the GIL (`gil::wake`).
    pub fn notify(self: &Arc<Self>, st: MutexGuard<'_, T>, all: bool)
    where
        T: 'static,
    {
        let sleeping = self.sleepers.load(Relaxed) > 0;
        drop(st);
        if sleeping {
            gil::wake(self.clone(), all);
        }
    }

    /// Block until `ready` returns `Some` (it runs under the mutex and may update the state,
    /// e.g. to claim an item) or `deadline` passes (`Ok(None)`). Tries once with the GIL
    /// held; then waits without it. In the main thread a pending SIGINT runs its handler
    /// (usually raising `KeyboardInterrupt`) and the wait resumes if the handler returns.
    pub fn wait<R: Send>(
        self: &Arc<Self>,
        vm: &Vm,
        deadline: Option<Instant>,
        ready: impl Fn(&mut T) -> Option<R> + Sync,
    ) -> PyResult<Option<R>> {
        if let Some(r) = ready(&mut self.state.lock()) {
            return Ok(Some(r));
        }
        let main = vm.is_main;
        loop {
            let this = self.clone();
            let ready = &ready;
            let woke = gil::allow_threads(move || {
                let mut st = this.state.lock();
                loop {
                    if let Some(r) = ready(&mut st) {
                        return Woke::Ready(r);
                    }
                    let until = match next_sleep(deadline, main) {
                        Ok(until) => until,
                        Err(Outcome::Interrupted) => return Woke::Interrupted,
                        Err(_) => return Woke::TimedOut,
                    };
                    this.sleepers.fetch_add(1, Relaxed);
                    match until {
                        Some(t) => {
                            this.cond.wait_until(&mut st, t);
                        }
                        None => this.cond.wait(&mut st),
                    }
                    this.sleepers.fetch_sub(1, Relaxed);
                }
            });
            match woke {
                Woke::Ready(r) => return Ok(Some(r)),
                Woke::TimedOut => return Ok(None),
                Woke::Interrupted => vm.check_breaker()?,
            }
        }
    }
}

/// How long a `Condition.wait(timeout)`-style call may block: `Ok(None)` waits forever,
/// `Ok(Some(ZERO))` only polls. As in CPython 3.11, a timeout that is not `> 0` polls, and a
/// positive one must be a lock timeout (`int`/`float`, at most `TIMEOUT_MAX`).
pub fn cond_timeout(vm: &Vm, timeout: Option<&Value>) -> PyResult<Option<Duration>> {
    let t = match timeout {
        None | Some(Value::None) => return Ok(None),
        Some(t) => t,
    };
    if !ops::compare_bool(vm, t, &Value::Int(0), CmpOp::Gt)? {
        return Ok(Some(Duration::ZERO));
    }
    let ns = timeout_arg_ns(t)?;
    check_timeout_ns(ns)?;
    Ok(Some(Duration::from_nanos(ns.min(u64::MAX as i128) as u64)))
}

/// The deadline of a wait of `d` (`None`: forever; far deadlines are capped).
pub fn deadline_after(d: Option<Duration>) -> Option<Instant> {
    let now = Instant::now();
    d.map(|d| now.checked_add(d).unwrap_or_else(|| now + Duration::from_secs(86400 * 365 * 100)))
}

/// Check the arguments of a native method that stands for a Python method `qual` (e.g.
/// `Event.wait`) whose parameters after `self` are `names`, the first `required` of them
/// required, and report mistakes with the messages CPython gives for a `def`. Returns one
/// slot per name.
pub fn def_args<'a, const N: usize>(args: &Args<'a>, qual: &str, names: [&str; N], required: usize) -> PyResult<[Option<&'a Value>; N]> {
    let pos = args.rest();
    if pos.len() > N {
        let given = pos.len() + 1;
        let plural = if N == 0 { "" } else { "s" };
        return Err(PyErr::type_error(if N == required {
            format!("{qual}() takes {} positional argument{plural} but {given} were given", N + 1)
        } else {
            format!("{qual}() takes from {} to {} positional arguments but {given} were given", required + 1, N + 1)
        }));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => return Err(PyErr::type_error(format!("{qual}() got multiple values for argument '{k}'"))),
            Some(i) => out[i] = Some(v),
            None => return Err(PyErr::type_error(format!("{qual}() got an unexpected keyword argument '{k}'"))),
        }
    }
    let missing: Vec<String> = names[..required].iter().zip(&out).filter(|(_, v)| v.is_none()).map(|(n, _)| format!("'{n}'")).collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            n => format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!("{qual}() missing {} required positional argument{s}: {list}", missing.len())));
    }
    Ok(out)
}

/// A type created by a native module, subclassable from Python (its `__new__` builds the
/// native state for the class it is given).
pub fn new_native_type(module: &str, name: &str) -> PyRef {
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str(module));
    dict::set_str(&ns, "__qualname__", Value::new_str(name));
    let cls = typeobj::new_class(&t.type_, name, vec![], &ns).unwrap_or_else(|_| t.object.clone());
    cls.make_immortal();
    cls
}

// ---- Event ----

/// The flag, and how many times it went from unset to set (a waiter was notified when
/// the count moved, even if the flag was cleared again before it woke: CPython's
/// `Event.wait` returns True then).
#[derive(Default)]
struct EventState {
    flag: bool,
    sets: u64,
}

struct EventObj(Arc<Waitable<EventState>>);

fn event_of<'a>(args: &Args<'a>, what: &str) -> PyResult<&'a Arc<Waitable<EventState>>> {
    let this = args.args.first();
    if let Some(Payload::Native(b)) = this.and_then(|v| v.payload()) {
        if let Some(e) = b.downcast_ref::<EventObj>() {
            return Ok(&e.0);
        }
    }
    Err(bad_self(this, what))
}

fn bad_self(this: Option<&Value>, what: &str) -> PyErr {
    let got = this.map(type_name).unwrap_or_else(|| "nothing".into());
    PyErr::type_error(format!("descriptor '{what}' requires a '_thread._Event' object but received a '{got}'"))
}

fn event_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = match args.args.first().and_then(|v| v.as_obj()) {
        Some(c) if matches!(c.payload, Payload::Type(_)) => c.clone(),
        _ => return Err(PyErr::type_error("_Event.__new__(X): X is not a type object")),
    };
    Ok(super::object_methods::alloc_instance(&cls, Payload::Native(Box::new(EventObj(Waitable::new(EventState::default()))))))
}

fn event_is_set(_vm: &Vm, args: Args) -> PyResult<Value> {
    let e = event_of(&args, "is_set")?;
    def_args(&args, "Event.is_set", [], 0)?;
    Ok(Value::Bool(e.state.lock().flag))
}

fn event_set(_vm: &Vm, args: Args) -> PyResult<Value> {
    let e = event_of(&args, "set")?;
    def_args(&args, "Event.set", [], 0)?;
    let mut st = e.state.lock();
    if !st.flag {
        st.flag = true;
        st.sets += 1;
        e.notify(st, true);
    }
    Ok(Value::None)
}

fn event_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let e = event_of(&args, "clear")?;
    def_args(&args, "Event.clear", [], 0)?;
    e.state.lock().flag = false;
    Ok(Value::None)
}

/// `wait(timeout=None)`: True at once if the flag is set; else block until `set()` is
/// called (True) or `timeout` passes (False).
fn event_wait(vm: &Vm, args: Args) -> PyResult<Value> {
    let e = event_of(&args, "wait")?;
    let [timeout] = def_args(&args, "Event.wait", ["timeout"], 0)?;
    let sets = {
        let st = e.state.lock();
        if st.flag {
            return Ok(Value::Bool(true));
        }
        st.sets
    };
    let wait = cond_timeout(vm, timeout)?;
    if wait == Some(Duration::ZERO) {
        return Ok(Value::Bool(e.state.lock().sets != sets));
    }
    let got = e.wait(vm, deadline_after(wait), |st| (st.sets != sets).then_some(()))?;
    Ok(Value::Bool(got.is_some()))
}

/// `_at_fork_reinit()`: nothing to do (gild does not fork with threads).
fn event_noop(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// The `_thread._Event` type (`threading.Event` subclasses it).
pub fn event_type() -> PyRef {
    let cls = new_native_type("_thread", "_Event");
    add_methods(
        &cls,
        "_Event",
        &[
            ("__new__", event_new),
            ("is_set", event_is_set),
            ("set", event_set),
            ("clear", event_clear),
            ("wait", event_wait),
            ("_at_fork_reinit", event_noop),
        ],
    );
    cls
}
