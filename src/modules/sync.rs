//! Native cores of the blocking primitives written over a mutex and a condition variable:
//! [`Waitable`], the one way native code blocks on shared state without the GIL (deadlines,
//! and the main thread's SIGINT → `KeyboardInterrupt` while it waits), and `_thread._Event`,
//! the base class of `threading.Event`. The queue built on [`Waitable`] is in `queue.rs`;
//! the lock types and `Condition`'s wait/notify live in `thread.rs`.
//!
//! Why native: over `Condition`, every `Event.set`/`wait`/`clear` ran four or five Python
//! frames; here each is one native call, and a waiter blocks on the event itself.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex, MutexGuard};

use crate::bytecode::CmpOp;
use crate::objects::function::add_methods;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{Payload, PyRef, Value};
use crate::runtime::argparse::def_args;
use crate::runtime::spin::Spin;
use crate::runtime::{gil, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

use super::thread::{check_timeout_ns, timeout_arg_ns};

/// State `T` guarded by a mutex, with a condition variable signalled when it changes.
/// `T` holds no Python objects: waiters read it without the GIL.
///
/// A waiter first spins ([`Spin`]) watching `changes` before it sleeps: a lock or an event
/// that two threads hand back and forth changes again within microseconds, and the
/// waker then has nobody to wake. Each object learns for itself whether its waits are
/// short (a lock that is joined on for seconds soon stops spinning).
pub struct Waitable<T> {
    pub state: Mutex<T>,
    cond: Condvar,
    /// Threads blocked in `wait` (changed and read under `state`'s mutex).
    sleepers: AtomicUsize,
    /// Bumped by every [`notify`](Self::notify), under the mutex: what spinning waiters watch.
    changes: AtomicU64,
    spin: Spin,
}

/// How long a waiter spins before it sleeps, at most (µs): about what a wake-up costs.
const WAIT_SPIN_US: u32 = 100;

impl<T: Send> gil::Sleeper for Waitable<T> {
    fn wake(&self, all: bool) {
        if all {
            self.cond.notify_all();
        } else {
            self.cond.notify_one();
        }
    }
}

/// How a wait without the GIL ended.
pub enum Woke<R> {
    Ready(R),
    TimedOut,
    /// The main thread has a SIGINT to handle.
    Interrupted,
}

/// How long the main thread blocks before looking for a pending SIGINT.
const SIGNAL_SLICE: Duration = Duration::from_millis(20);

/// The next sleep of a blocking wait: until `deadline`, and for the main thread at most
/// [`SIGNAL_SLICE`] so that it notices a pending SIGINT. `Err` ends the wait (`TimedOut`
/// or `Interrupted`); `Ok(None)` sleeps until woken.
fn next_sleep<R>(deadline: Option<Instant>, main: bool) -> Result<Option<Instant>, Woke<R>> {
    if main && crate::modules::signal::pending() {
        return Err(Woke::Interrupted);
    }
    let now = Instant::now();
    if deadline.is_some_and(|d| now >= d) {
        return Err(Woke::TimedOut);
    }
    Ok(match (deadline, main) {
        (Some(d), true) => Some(d.min(now + SIGNAL_SLICE)),
        (Some(d), false) => Some(d),
        (None, true) => Some(now + SIGNAL_SLICE),
        (None, false) => None,
    })
}

impl<T: Send> Waitable<T> {
    pub fn new(value: T) -> Arc<Waitable<T>> {
        Arc::new(Waitable {
            state: Mutex::new(value),
            cond: Condvar::new(),
            sleepers: AtomicUsize::new(0),
            changes: AtomicU64::new(0),
            spin: Spin::new(WAIT_SPIN_US),
        })
    }

    /// After changing the state (its mutex `st` still held): wake one waiter (`all`:
    /// every waiter), if any, deferred while the caller holds the GIL (`gil::wake`).
    pub fn notify(self: &Arc<Self>, st: MutexGuard<'_, T>, all: bool)
    where
        T: 'static,
    {
        self.changes.fetch_add(1, Ordering::Release);
        let sleeping = self.sleepers.load(Relaxed) > 0;
        drop(st);
        if sleeping {
            gil::wake(self.clone(), all);
        }
    }

    /// Block the calling thread, which does not hold the GIL, until `ready` returns `Some`
    /// (it runs under the mutex and may update the state, e.g. to claim an item or take a
    /// lock), `deadline` passes, or (`main`) a SIGINT is pending. It spins first, learning
    /// on `spin` (`None`: the object's own).
    pub fn block<R>(&self, spin: Option<&Spin>, deadline: Option<Instant>, main: bool, ready: impl Fn(&mut T) -> Option<R>) -> Woke<R> {
        let mut st = self.state.lock();
        if let Some(r) = ready(&mut st) {
            return Woke::Ready(r);
        }
        let mut seen = self.changes.load(Relaxed);
        drop(st);
        let mut got = None;
        // A change is acted on once the GIL is free, as a deferred wake-up would be
        // (`gil::wake`): a thread that puts many items while it holds the GIL is not
        // interrupted for each by a spinning consumer.
        let spun = spin.unwrap_or(&self.spin).until(deadline, || {
            if self.changes.load(Ordering::Acquire) == seen || gil::locked() {
                return false;
            }
            let mut st = self.state.lock();
            got = ready(&mut st);
            seen = self.changes.load(Relaxed);
            got.is_some()
        });
        if let Some(r) = got {
            return Woke::Ready(r);
        }
        let missed = spun.err();
        let mut st = self.state.lock();
        let end = loop {
            if let Some(r) = ready(&mut st) {
                break Woke::Ready(r);
            }
            let until = match next_sleep(deadline, main) {
                Ok(until) => until,
                Err(end) => break end,
            };
            self.sleepers.fetch_add(1, Relaxed);
            match until {
                Some(t) => {
                    self.cond.wait_until(&mut st, t);
                }
                None => self.cond.wait(&mut st),
            }
            self.sleepers.fetch_sub(1, Relaxed);
        };
        if let Some(m) = missed.filter(|_| !matches!(end, Woke::Interrupted)) {
            m.woke();
        }
        end
    }

    /// [`block`](Self::block) without the GIL, from a thread that holds it, after one try
    /// with the GIL held: `Ok(None)` when `deadline` passed. In the main thread a pending
    /// SIGINT runs its handler (usually raising `KeyboardInterrupt`) and the wait resumes
    /// if the handler returns.
    pub fn wait<R: Send>(
        self: &Arc<Self>,
        vm: &Vm,
        spin: Option<&Spin>,
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
            match gil::allow_threads(move || this.block(spin, deadline, main, ready)) {
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
    let cls = super::object_methods::cls_arg(&args, "_Event.__new__")?;
    Ok(super::object_methods::alloc_instance(cls, Payload::Native(Box::new(EventObj(Waitable::new(EventState::default()))))))
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
    let got = e.wait(vm, None, deadline_after(wait), |st| (st.sets != sets).then_some(()))?;
    Ok(Value::Bool(got.is_some()))
}

/// `_at_fork_reinit()`: nothing to do (gild does not fork with threads).
fn event_noop(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// The `_thread._Event` type (`threading.Event` subclasses it).
pub fn event_type() -> PyRef {
    let cls = typeobj::native_class("_thread", "_Event", None, None);
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
