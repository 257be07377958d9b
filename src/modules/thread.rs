//! The `_thread` module: OS threads running Python (`start_new_thread`), the lock types
//! (`lock` with `acquire(blocking, timeout)`, reentrant `RLock`), thread identity
//! (`get_ident`, `get_native_id`, `_count`), `stack_size`, `interrupt_main`, and
//! `_excepthook` (the default `threading.excepthook`), `_tls` (per-thread data for
//! `threading.local`). `threading.py` is written over it. The OS threads come from
//! `runtime::workers` (reused when parked ones are available).
//!
//! A lock is a `sync::Waitable`: waiting for it releases the GIL, and the main thread
//! waits in short slices so that a SIGINT turns into `KeyboardInterrupt` while it waits
//! (CPython 3.11 on POSIX).

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::objects::function::{add_methods, native};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, module, tuple, types, Payload, PyRef, Value};
use crate::runtime::gil::{self, Handoff};
use crate::runtime::gil_stats;
use crate::runtime::spin::Spin;
use crate::runtime::workers;
use crate::runtime::{attr, call, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

use super::sync::Waitable;

/// `_thread.TIMEOUT_MAX` in seconds (CPython's value on Linux).
pub const TIMEOUT_MAX: f64 = 9223372036.0;
/// Default stack of a new thread (native code calling back into Python nests on it).
const DEFAULT_STACK: usize = 64 << 20;

static RUNNING: AtomicUsize = AtomicUsize::new(0);
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);

/// A lock's state, shared with the waits that run without the GIL. A plain lock uses
/// `count` 0/1 and ignores the owner; an `RLock` counts its owner's acquisitions.
pub struct LockState {
    owner: u64,
    count: u64,
    reentrant: bool,
}

impl LockState {
    /// Take the lock for `me` if it can be taken now.
    fn take(&mut self, me: u64) -> bool {
        if self.count == 0 {
            (self.owner, self.count) = (me, 1);
            true
        } else if self.reentrant && self.owner == me {
            self.count += 1;
            true
        } else {
            false
        }
    }
}

/// A `_thread` lock: its state behind the one native blocking mechanism, `Waitable`.
pub type RawLock = Waitable<LockState>;

impl Waitable<LockState> {
    pub fn new_lock(reentrant: bool) -> Arc<RawLock> {
        Waitable::new(LockState { owner: 0, count: 0, reentrant })
    }

    fn reentrant(&self) -> bool {
        self.state.lock().reentrant
    }

    pub fn try_acquire(&self, me: u64) -> bool {
        self.state.lock().take(me)
    }

    /// Release once; `me` must own an `RLock`. Returns false when not held (or not owned).
    pub fn release(self: &Arc<Self>, me: u64) -> bool {
        let mut st = self.state.lock();
        if st.count == 0 || (st.reentrant && st.owner != me) {
            return false;
        }
        st.count -= 1;
        if st.count == 0 {
            st.owner = 0;
            self.notify(st, false);
        }
        true
    }

    /// Release completely (a condition wait, `RLock._release_save`): the count it had, or
    /// `None` when not held (or, for an `RLock`, not owned by `me`; `None` as `me`: any
    /// owner).
    fn release_all(self: &Arc<Self>, me: Option<u64>) -> Option<(u64, u64)> {
        let mut st = self.state.lock();
        if st.count == 0 || (st.reentrant && me.is_some_and(|me| st.owner != me)) {
            return None;
        }
        let saved = (st.owner, st.count);
        (st.owner, st.count) = (0, 0);
        self.notify(st, false);
        Some(saved)
    }

    /// Set the count of a lock the caller just acquired (restoring an `RLock`'s depth).
    fn set_count(&self, count: u64) {
        self.state.lock().count = count;
    }

    /// (owner, count).
    fn snapshot(&self) -> (u64, u64) {
        let st = self.state.lock();
        (st.owner, st.count)
    }
}

/// The payload of `_thread.lock` and `_thread.RLock` objects.
pub struct LockObj(pub Arc<RawLock>);

struct ThreadTypes {
    event: PyRef,
    lock: PyRef,
    rlock: PyRef,
    hook_args: PyRef,
}

static TYPES: once_cell::sync::OnceCell<gil::GilShared<ThreadTypes>> = once_cell::sync::OnceCell::new();

fn thread_types() -> &'static ThreadTypes {
    TYPES.get_or_init(|| gil::GilShared::new(make_types())).get()
}

fn make_types() -> ThreadTypes {
    let common: &[(&'static str, crate::objects::NativeFn)] = &[
        ("acquire", lock_acquire),
        ("release", lock_release),
        ("__enter__", lock_acquire),
        ("__exit__", lock_exit),
        ("__repr__", lock_repr),
    ];
    let lock = typeobj::native_class("_thread", "lock", None, None);
    add_methods(&lock, "lock", common);
    add_methods(
        &lock,
        "lock",
        &[
            ("__new__", lock_new_denied),
            ("locked", lock_locked),
            ("acquire_lock", lock_acquire),
            ("release_lock", lock_release),
            ("locked_lock", lock_locked),
            ("_at_fork_reinit", lock_noop),
        ],
    );
    let rlock = typeobj::native_class("_thread", "RLock", None, None);
    add_methods(&rlock, "RLock", common);
    add_methods(
        &rlock,
        "RLock",
        &[
            ("__new__", rlock_new),
            ("_is_owned", rlock_is_owned),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("_at_fork_reinit", lock_noop),
        ],
    );
    let hook_args = super::structseq::new_type("_thread", "_ExceptHookArgs", &["exc_type", "exc_value", "exc_traceback", "thread"], 4);
    ThreadTypes { event: super::sync::event_type(), lock, rlock, hook_args }
}

fn new_lock_value(reentrant: bool) -> Value {
    let tys = thread_types();
    let cls = if reentrant { &tys.rlock } else { &tys.lock };
    Value::Obj(PyRef::new(cls, Payload::Native(Box::new(LockObj(RawLock::new_lock(reentrant))))))
}

/// The lock behind a `_thread` lock object.
pub fn lock_of(v: &Value) -> Option<&Arc<RawLock>> {
    match v.payload() {
        Some(Payload::Native(b)) => b.downcast_ref::<LockObj>().map(|l| &l.0),
        _ => None,
    }
}

fn this<'a>(args: &Args<'a>, what: &str) -> PyResult<&'a Arc<RawLock>> {
    args.args.first().and_then(lock_of).ok_or_else(|| {
        let got = args.args.first().map(type_name).unwrap_or_else(|| "nothing".into());
        PyErr::type_error(format!("descriptor '{what}' requires a '_thread.lock' object but received a '{got}'"))
    })
}

pub(crate) fn me() -> u64 {
    gil_stats::current_ident()
}

/// Parse `acquire(blocking=True, timeout=-1)` into `(blocking, timeout in ns or None)`.
fn acquire_args(vm: &Vm, args: &Args) -> PyResult<(bool, Option<i128>)> {
    let pos = &args.pos()[1..];
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("acquire() takes at most 2 arguments ({} given)", pos.len())));
    }
    let mut blocking = pos.first().cloned();
    let mut timeout = pos.get(1).cloned();
    for (k, v) in args.kwargs() {
        match k {
            "blocking" if blocking.is_none() => blocking = Some(v.clone()),
            "timeout" if timeout.is_none() => timeout = Some(v.clone()),
            _ => return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for acquire()"))),
        }
    }
    let blocking = match blocking {
        None => true,
        Some(v) => crate::runtime::argparse::index_arg(vm, &v)? != 0,
    };
    let timeout = match timeout {
        None => None,
        Some(v) => {
            let ns = timeout_arg_ns(&v)?;
            if ns == -1_000_000_000 {
                None
            } else {
                if !blocking {
                    return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
                }
                check_timeout_ns(ns)?;
                Some(ns)
            }
        }
    };
    Ok((blocking, timeout))
}

/// A lock `timeout` argument in nanoseconds (`-1` second means "no timeout").
pub(crate) fn timeout_arg_ns(v: &Value) -> PyResult<i128> {
    super::time::timeout_ns(v).map_err(|e| {
        if e.is("OverflowError") {
            PyErr::overflow_error("timestamp out of range for platform time_t")
        } else {
            e
        }
    })
}

/// The range checks of a blocking `acquire(True, timeout)`.
pub(crate) fn check_timeout_ns(ns: i128) -> PyResult<()> {
    if ns < 0 {
        return Err(PyErr::value_error("timeout value must be positive"));
    }
    if ns as f64 / 1e9 > TIMEOUT_MAX {
        return Err(PyErr::overflow_error("timeout value is too large"));
    }
    Ok(())
}

/// Acquire `lock` for the current thread, releasing the GIL while it waits. `Ok(false)`
/// when the timeout passed; `KeyboardInterrupt` if SIGINT arrives in the main thread.
pub fn acquire(vm: &Vm, lock: &Arc<RawLock>, blocking: bool, timeout_ns: Option<i128>) -> PyResult<bool> {
    let id = me();
    if lock.try_acquire(id) {
        return Ok(true);
    }
    if !blocking || timeout_ns == Some(0) {
        return Ok(false);
    }
    let deadline = timeout_ns.map(|ns| Instant::now() + Duration::from_nanos(ns as u64));
    Ok(lock.wait(vm, None, deadline, |st| st.take(id).then_some(()))?.is_some())
}

fn lock_acquire(vm: &Vm, args: Args) -> PyResult<Value> {
    let lock = this(&args, "acquire")?;
    let (blocking, timeout) = acquire_args(vm, &args)?;
    Ok(Value::Bool(acquire(vm, lock, blocking, timeout)?))
}

fn lock_release(_vm: &Vm, args: Args) -> PyResult<Value> {
    let lock = this(&args, "release")?;
    if !lock.release(me()) {
        return Err(PyErr::runtime_error(if lock.reentrant() { "cannot release un-acquired lock" } else { "release unlocked lock" }));
    }
    Ok(Value::None)
}

fn lock_exit(vm: &Vm, args: Args) -> PyResult<Value> {
    lock_release(vm, Args::new(&args.args[..1.min(args.args.len())]))
}

fn lock_locked(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(&args, "locked")?.snapshot().1 > 0))
}

fn lock_noop(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn lock_repr(_vm: &Vm, args: Args) -> PyResult<Value> {
    let lock = this(&args, "__repr__")?;
    let addr = args.args[0].as_obj().map_or(0, |o| o.addr());
    let (owner, count) = lock.snapshot();
    let state = if count > 0 { "locked" } else { "unlocked" };
    let cls = typeobj::name_of(args.args[0].class());
    Ok(Value::new_str(if lock.reentrant() {
        format!("<{state} _thread.{cls} object owner={owner} count={count} at {addr:#x}>")
    } else {
        format!("<{state} _thread.{cls} object at {addr:#x}>")
    }))
}

fn lock_new_denied(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_thread.lock' instances"))
}

fn rlock_new(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(new_lock_value(true))
}

fn rlock_is_owned(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (owner, count) = this(&args, "_is_owned")?.snapshot();
    Ok(Value::Bool(count > 0 && owner == me()))
}

/// `RLock._release_save()`: release completely, returning the state (for `Condition`).
fn rlock_release_save(_vm: &Vm, args: Args) -> PyResult<Value> {
    let lock = this(&args, "_release_save")?;
    let Some((owner, count)) = lock.release_all(None) else {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    };
    Ok(Value::new_tuple(vec![Value::from(count as i64), Value::from(owner as i64)]))
}

/// `RLock._acquire_restore((count, owner))`.
fn rlock_acquire_restore(vm: &Vm, args: Args) -> PyResult<Value> {
    let lock = this(&args, "_acquire_restore")?;
    let state = args.pos().get(1).and_then(tuple::items).map(|s| s.to_vec()).unwrap_or_default();
    let count = match state.first() {
        Some(v) => crate::runtime::argparse::index_arg(vm, v)?.max(1) as u64,
        None => return Err(PyErr::type_error("_acquire_restore() argument must be a (count, owner) tuple")),
    };
    acquire(vm, lock, true, None)?;
    lock.set_count(count);
    Ok(Value::None)
}

// ---- condition variables (the fast path of `threading.Condition`) ----

/// Release `lock` completely for a condition wait; returns what to restore.
fn release_for_wait(lock: &Arc<RawLock>, me: u64) -> PyResult<u64> {
    match lock.release_all(Some(me)) {
        Some((_, count)) => Ok(count),
        None => Err(PyErr::runtime_error("cannot wait on un-acquired lock")),
    }
}

/// Take `lock` back after a wait (ignoring signals until it is held), restoring `count`.
fn restore_after_wait(lock: &Arc<RawLock>, count: u64) {
    let id = me();
    if !lock.try_acquire(id) {
        let l = lock.clone();
        gil::allow_threads(move || l.block(None, None, false, |st| st.take(id).then_some(())));
    }
    lock.set_count(count);
}

/// `_thread._cond_wait(lock, waiters, timeout)`: the body of `Condition.wait` for a
/// `_thread` lock (see [`cond_wait_on`]).
fn cond_wait(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_cond_wait", 3, 3)?;
    let lock = lock_of(&pos[0]).ok_or_else(|| PyErr::type_error("_cond_wait() needs a _thread lock"))?.clone();
    let waiters = crate::objects::list::cell(&pos[1]).ok_or_else(|| PyErr::type_error("_cond_wait() needs a list"))?;
    let timeout = super::sync::cond_timeout(vm, Some(&pos[2]))?;
    cond_wait_on(vm, &lock, waiters, timeout).map(Value::Bool)
}

thread_local! {
    /// How long this thread spins in a condition wait before it sleeps (each wait has a
    /// gate of its own, with nothing learnt yet; a thread's condition waits are alike: a
    /// worker waiting for jobs, a consumer for items).
    static COND_SPIN: Spin = const { Spin::new(100) };
}

/// Wait on a condition variable made of `lock` and the gate list `waiters` (a
/// `threading.Condition`'s `_waiters`): queue a gate, release `lock`, block on the gate
/// without the GIL until notified or `timeout` passes (`None`: forever; zero: only poll;
/// as parsed by `sync::cond_timeout`), take `lock` back. Returns whether notified.
pub fn cond_wait_on(vm: &Vm, lock: &Arc<RawLock>, waiters: &std::cell::RefCell<Vec<Value>>, timeout: Option<Duration>) -> PyResult<bool> {
    let id = me();
    let gate_raw = RawLock::new_lock(false);
    gate_raw.try_acquire(id);
    let gate = Value::Obj(PyRef::new(&thread_types().lock, Payload::Native(Box::new(LockObj(gate_raw.clone())))));
    let count = release_for_wait(lock, id)?;
    waiters.borrow_mut().push(gate.clone());
    let result = if timeout == Some(Duration::ZERO) {
        Ok(gate_raw.try_acquire(id))
    } else {
        let deadline = super::sync::deadline_after(timeout);
        // The gate is new: the wait learns how long to spin on this thread's condition
        // waits instead.
        COND_SPIN.with(|spin| gate_raw.wait(vm, Some(spin), deadline, |st| st.take(id).then_some(()))).map(|got| got.is_some())
    };
    restore_after_wait(lock, count);
    if !matches!(result, Ok(true)) {
        let mut w = waiters.borrow_mut();
        if let Some(i) = w.iter().position(|x| x.as_obj().zip(gate.as_obj()).is_some_and(|(a, b)| a.is(b))) {
            w.remove(i);
        }
    }
    result
}

/// `_thread._cond_notify(lock, waiters, n)`: wake up to `n` queued waiters (the caller must
/// hold `lock`).
fn cond_notify(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_cond_notify", 3, 3)?;
    let lock = lock_of(&pos[0]).ok_or_else(|| PyErr::type_error("_cond_notify() needs a _thread lock"))?;
    let waiters = crate::objects::list::cell(&pos[1]).ok_or_else(|| PyErr::type_error("_cond_notify() needs a list"))?;
    check_owned(lock, "cannot notify on un-acquired lock")?;
    let queued = waiters.borrow().len();
    let n = notify_count(vm, &pos[2], queued)?;
    cond_notify_on(lock, waiters, n)?;
    Ok(Value::None)
}

/// How many of `queued` waiters `notify(n)` wakes. As `Condition.notify` counts down
/// `while waiters and n > 0`, any `n` that compares with 0 and subtracts 1 works (1.5
/// wakes two), and `n` is not looked at when nobody waits.
fn notify_count(vm: &Vm, n: &Value, queued: usize) -> PyResult<usize> {
    if let Value::Int(i) = n {
        return Ok((*i).clamp(0, queued as i64) as usize);
    }
    let mut n = n.clone();
    let mut k = 0;
    while k < queued && crate::runtime::ops::compare_bool(vm, &n, &Value::Int(0), crate::bytecode::CmpOp::Gt)? {
        k += 1;
        n = crate::runtime::ops::binary_op(vm, &n, &Value::Int(1), crate::bytecode::BinOp::Subtract)?;
    }
    Ok(k)
}

/// `RuntimeError(msg)` unless the current thread may use `lock` for a condition (holds
/// it; for a plain lock, anyone holding it).
fn check_owned(lock: &RawLock, msg: &str) -> PyResult<()> {
    let (owner, count) = lock.snapshot();
    if count == 0 || (lock.reentrant() && owner != me()) {
        return Err(PyErr::runtime_error(msg.to_string()));
    }
    Ok(())
}

/// Wake up to `n` of the gates queued on `waiters` (the caller must hold `lock`).
pub fn cond_notify_on(lock: &RawLock, waiters: &std::cell::RefCell<Vec<Value>>, n: usize) -> PyResult<()> {
    check_owned(lock, "cannot notify on un-acquired lock")?;
    if waiters.borrow().is_empty() {
        return Ok(());
    }
    let woken: Vec<Value> = {
        let mut w = waiters.borrow_mut();
        let k = n.min(w.len());
        w.drain(..k).collect()
    };
    for g in &woken {
        if let Some(l) = lock_of(g) {
            l.release(0);
        }
    }
    Ok(())
}

// ---- threads ----

/// The arguments of `start_new_thread(function, args[, kwargs])`: the callable, and its
/// positional then keyword argument values with the keyword names.
fn thread_call(pos: &[Value]) -> PyResult<(Value, Vec<Value>, Vec<Value>)> {
    let func = pos[0].clone();
    if !super::builtins::is_callable(&func) {
        return Err(PyErr::type_error("first arg must be callable"));
    }
    let Some(items) = tuple::items(&pos[1]) else {
        return Err(PyErr::type_error("2nd arg must be a tuple"));
    };
    let mut call_args: Vec<Value> = items.to_vec();
    let mut kwnames: Vec<Value> = Vec::new();
    if let Some(kw) = pos.get(2) {
        let Some(d) = kw.as_obj().filter(|o| matches!(o.payload, Payload::Dict(_))) else {
            return Err(PyErr::type_error("optional 3rd arg must be a dictionary"));
        };
        for (k, v) in dict::items(d) {
            kwnames.push(k);
            call_args.push(v);
        }
    }
    Ok((func, call_args, kwnames))
}

/// Run `func(*call_args, **kw)` in a new Python thread named `name` (for GIL statistics;
/// may be empty). The OS thread is a parked one when there is one (`runtime::workers`).
fn spawn(func: Value, call_args: Vec<Value>, kwnames: Vec<Value>, name: String) -> PyResult<workers::Started> {
    let handoff = Handoff::new((func, call_args, kwnames));
    let stack = match STACK_SIZE.load(Relaxed) {
        0 => DEFAULT_STACK,
        n => n,
    };
    RUNNING.fetch_add(1, Relaxed);
    let started = workers::start(
        stack,
        Box::new(move |end: &workers::Ending| {
            let token = gil::thread_start(&name);
            let (func, call_args, kwnames) = handoff.open(&token);
            thread_body(func, call_args, kwnames);
            RUNNING.fetch_sub(1, Relaxed);
            // Reusable before the GIL release that lets a `join` return.
            end.now();
            gil::thread_exit();
        }),
    );
    started.map_err(|_| {
        RUNNING.fetch_sub(1, Relaxed);
        PyErr::runtime_error("can't start new thread")
    })
}

fn start_new_thread(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("start_new_thread")?;
    let pos = args.check_count("start_new_thread", 2, 3)?;
    let (func, call_args, kwnames) = thread_call(pos)?;
    // The identity `get_ident()` reports in the new thread: its pthread handle.
    Ok(Value::from(spawn(func, call_args, kwnames, String::new())?.ident as i64))
}

/// `_thread._start(function, name)` (for `threading.Thread.start`): like
/// `start_new_thread(function, ())`, but names the thread for GIL statistics from its
/// first moment and returns `(ident, native_id)`, so that the starter can register the
/// thread without waiting for it to run.
fn start_named(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_start", 2, 2)?;
    if !super::builtins::is_callable(&pos[0]) {
        return Err(PyErr::type_error("first arg must be callable"));
    }
    let name = repr::str(vm, &pos[1])?;
    let s = spawn(pos[0].clone(), Vec::new(), Vec::new(), name)?;
    Ok(Value::new_tuple(vec![Value::from(s.ident as i64), Value::from(s.native_id as i64)]))
}

thread_local! {
    /// The running Python thread's dictionary (`_thread._tls()`, where `threading.local`
    /// keeps its data). Emptied under the GIL when the thread ends (its OS thread may run
    /// another Python thread later); never dropped by the OS thread's own exit, which may
    /// happen without the GIL.
    static TLS: std::mem::ManuallyDrop<std::cell::RefCell<Option<Value>>> =
        const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(None)) };
}

/// `_thread._tls()`: the current Python thread's dictionary, empty at the thread's start.
fn tls(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("_tls", 0, 0)?;
    Ok(TLS.with(|t| t.borrow_mut().get_or_insert_with(|| Value::Obj(dict::new_dict())).clone()))
}

fn thread_body(func: Value, call_args: Vec<Value>, kwnames: Vec<Value>) {
    let vm = Vm::new();
    let r = call::call(&vm, &func, Args { args: &call_args, kwnames: &kwnames });
    if let Err(e) = r {
        if !e.is("SystemExit") {
            let what = repr::repr(&vm, &func).unwrap_or_else(|_| "<object>".into());
            crate::vm::traceback::print_unraisable(&vm, &format!("Exception ignored in thread started by: {what}"), &e);
        }
    }
    drop(call_args);
    drop(kwnames);
    drop(func);
    // Emptied, not just dropped: a `threading.local` still refers to this dictionary
    // (to remove its entry when it dies), and the values must die with the thread.
    let tls = TLS.with(|t| t.borrow_mut().take());
    if let Some(d) = &tls {
        if let Err(e) = call::call_method(&vm, d, "clear", &[]) {
            crate::vm::traceback::print_unraisable(&vm, "Exception ignored while clearing thread data:", &e);
        }
    }
    drop(tls);
    drop(vm);
}

fn get_ident(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("get_ident", 0, 0)?;
    Ok(Value::from(me() as i64))
}

fn get_native_id(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("get_native_id", 0, 0)?;
    Ok(Value::from(gil_stats::current_native_id() as i64))
}

fn count(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::from(RUNNING.load(Relaxed)))
}

fn allocate_lock(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("allocate_lock", 0, 0)?;
    Ok(new_lock_value(false))
}

fn stack_size(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("stack_size", 0, 1)?;
    let old = STACK_SIZE.load(Relaxed);
    if let Some(v) = pos.first() {
        let n = crate::runtime::argparse::index_arg(vm, v)?;
        if n < 0 {
            return Err(PyErr::value_error("size must be 0 or a positive value"));
        }
        if n != 0 && n < 32768 {
            return Err(PyErr::value_error(format!("size not valid: {n} bytes")));
        }
        STACK_SIZE.store(n as usize, Relaxed);
    }
    Ok(Value::from(old))
}

fn interrupt_main(_vm: &Vm, _args: Args) -> PyResult<Value> {
    crate::modules::signal::trip(libc::SIGINT);
    Ok(Value::None)
}

fn exit_thread(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::with_args(types().exc.get("SystemExit"), vec![]))
}

/// `_thread._excepthook(args)`: the default `threading.excepthook` — "Exception in thread
/// NAME:" and the traceback on `sys.stderr`; `SystemExit` is silent.
fn excepthook(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_excepthook", 1, 1)?;
    let a = &pos[0];
    let exc_type = attr::getattr(vm, a, "exc_type")?;
    if let Some(t) = exc_type.as_obj() {
        if typeobj::is_subtype(t, types().exc.get("SystemExit")) {
            return Ok(Value::None);
        }
    }
    let exc_value = attr::getattr(vm, a, "exc_value")?;
    let thread = attr::getattr(vm, a, "thread")?;
    let sys = &crate::vm::interp().sys;
    let mut stderr = sys.dict.borrow().as_ref().and_then(|d| dict::get_str(d, "stderr")).unwrap_or(Value::None);
    if stderr.is_none() && !thread.is_none() {
        stderr = attr::getattr_opt(vm, &thread, "_stderr")?.unwrap_or(Value::None);
    }
    if stderr.is_none() {
        return Ok(Value::None);
    }
    let name = match attr::getattr_opt(vm, &thread, "name")? {
        Some(n) if !thread.is_none() => repr::str(vm, &n)?,
        _ => me().to_string(),
    };
    let mut text = format!("Exception in thread {name}:\n");
    match exc_value.as_obj() {
        Some(e) if matches!(e.payload, Payload::Exception(_)) => {
            text.push_str(&crate::vm::traceback::format_exception(vm, &PyErr { exc: e.clone() }));
        }
        _ => text.push_str(&format!("{}\n", repr::str(vm, &exc_type)?)),
    }
    super::sys::flush_stdout(vm);
    call::call_method(vm, &stderr, "write", &[Value::new_str(text)])?;
    let _ = call::call_method_opt(vm, &stderr, "flush", &[]);
    Ok(Value::None)
}

/// The module's `__getattr__`: `_local` (`threading.local`) is written in Python
/// (`stdlib/_gildlocal.py`), loaded on first use and then kept in the module.
fn module_getattr(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__getattr__", 1, 1)?;
    if pos[0].as_str().is_some_and(|s| s.as_str() == "_local") {
        let local = attr::getattr(vm, &crate::vm::import::import_module(vm, "_gildlocal")?, "_local")?;
        let m = crate::vm::import::import_module(vm, "_thread")?;
        attr::setattr(vm, &m, "_local", local.clone())?;
        return Ok(local);
    }
    let name = repr::str(vm, &pos[0])?;
    Err(PyErr::new("AttributeError", format!("module '_thread' has no attribute '{name}'")))
}

/// Create the `_thread` module.
pub fn create(name: &str) -> PyRef {
    let m = module::new_module(name);
    let Some(d) = module::globals(&m) else { return m };
    let tys = thread_types();
    let fns: &[(&'static str, crate::objects::NativeFn)] = &[
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("_start", start_named),
        ("_tls", tls),
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("stack_size", stack_size),
        ("interrupt_main", interrupt_main),
        ("exit", exit_thread),
        ("exit_thread", exit_thread),
        ("_excepthook", excepthook),
        ("_cond_wait", cond_wait),
        ("_cond_notify", cond_notify),
        ("__getattr__", module_getattr),
    ];
    for (n, f) in fns {
        dict::set_str(&d, n, native(n, *f));
    }
    dict::set_str(&d, "LockType", Value::Obj(tys.lock.clone()));
    dict::set_str(&d, "RLock", Value::Obj(tys.rlock.clone()));
    dict::set_str(&d, "_Event", Value::Obj(tys.event.clone()));
    dict::set_str(&d, "_ExceptHookArgs", Value::Obj(tys.hook_args.clone()));
    dict::set_str(&d, "TIMEOUT_MAX", Value::Float(TIMEOUT_MAX));
    dict::set_str(&d, "error", Value::Obj(types().exc.get("RuntimeError").clone()));
    m
}
