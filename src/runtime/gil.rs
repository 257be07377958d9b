//! The global interpreter lock: one per process, a scheduler with switchable policies, the
//! always-on per-thread counters that make it observable (`_gil`), and [`GilShared`] /
//! [`Handoff`], the two wrappers that let GIL-guarded data cross into statics and new
//! threads. All of the GIL's `unsafe` lives here.
//!
//! # Invariants (DESIGN §3, §5)
//! 1. **A thread touches objects only while it holds the GIL.** Object handles are `!Send`,
//!    so safe code cannot move one to another thread; the only way to run without the GIL is
//!    [`allow_threads`], whose closure must be `Send` (it cannot capture a handle).
//! 2. **[`GilShared`] values are only touched by GIL holders.** They are created during
//!    start-up or lazily by code running Python (GIL held), and read only by such code.
//! 3. **A [`Handoff`] is opened only after the receiving thread took the GIL.** It is built
//!    by a GIL holder, moved into a new OS thread, and opened with the [`GilToken`] that
//!    [`thread_start`] returns once the new thread holds the GIL. If the spawn fails the
//!    closure (and the handoff) is dropped by the spawning thread, which holds the GIL.
//! 4. **The GIL state is only changed under `STATE`'s mutex**; the eval breaker's drop bit is
//!    set by a waiter and cleared by the thread that takes the GIL next.
//!
//! # Scheduling
//! A thread that finds the GIL held waits on `COND` for the switch interval; if no switch
//! happened meanwhile it raises a *drop request* (the eval-breaker bit [`BREAK_DROP`]). The
//! holder sees the bit at its next function entry or backward jump, releases (a *forced*
//! release) and, under the `interval` policy, waits until another thread took the GIL
//! (forced switching), so it cannot immediately win it back. Policies:
//! - `interval`: CPython 3.2+ (the default);
//! - `interval-noforce`: the same without the forced handoff;
//! - `ticks`: the old GIL: release every [`TICKS`] breaker checks, no timer, no handoff;
//! - `fifo`: waiters are served by ticket, in arrival order;
//! - `io-priority`: a thread returning from a blocking call asks for the GIL at once and is
//!   preferred over threads that were forced off: a release wakes one such waiter (they
//!   wait on their own condition variable, [`IO_COND`]). Such a thread also asks the OS for
//!   a short time slice, and threads forced off the GIL are made `SCHED_BATCH`, so that
//!   the OS runs an I/O thread at once instead of a scheduler tick later ([`want_sched`]).
//!
//! Waiters spin for the GIL instead of sleeping where its release is near (the adaptive
//! [`Spin`] of `runtime::spin`): waking a sleeping thread costs tens of microseconds during
//! which no thread runs Python. Under every policy, a thread back from a blocking call or
//! a new thread spins for the holder's release ([`HANDOFF_SPIN_US`]): in a lock or event
//! ping-pong, or a start and join, the holder is about to block itself. Under
//! `io-priority`, a waiter that asked for a drop spins briefly for the release ([`SPIN`]),
//! a thread forced off for an I/O thread spins for the GIL's return ([`IO_SPIN`]), and a
//! release with no I/O thread waiting leaves the GIL to a spinning thread rather than
//! waking a sleeping one. Under `interval` and `interval-noforce`, a waiter that asked for
//! a drop spins only while no thread back from a blocking call has had to wait for the
//! GIL lately ([`IO_QUIET`]). Otherwise a spinner whose spin ends finds the GIL free and
//! takes it ahead of a thread back from `sleep()` still being woken on the condition
//! variable (N=4 oversleep p50 went from 4 ms to 14-40 ms).
//!
//! # Deferred wake-ups
//! A GIL holder that releases a lock, sets an event or puts a queue item another thread is
//! blocked on would wake that thread only for it to find the GIL held and sleep again. So
//! the wake-up is deferred ([`wake`]): the state changes at once, but the sleeper is woken
//! when the holder releases the GIL, and so wakes once and finds the GIL free. A holder that
//! keeps running flushes its deferred wake-ups at a breaker check after [`DEFER_MAX`]
//! ([`BREAK_WAKE`]), and the woken thread then asks for the GIL as usual. A waiter that
//! spins instead of sleeping (`modules::sync::Waitable`) likewise acts on the change only
//! once the GIL is free.

use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicU8, Ordering, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use super::gil_stats::{self, Event, ThreadStats};
use super::spin::{self, Missed, Spin};
use crate::vm::EVAL_BREAKER;

/// `EVAL_BREAKER` bit: a waiter asks the holder to drop the GIL.
pub const BREAK_DROP: u32 = 2;
/// `EVAL_BREAKER` bit: the `ticks` policy counts breaker checks.
pub const BREAK_TICK: u32 = 4;
/// Breaker checks between releases under the `ticks` policy.
pub const TICKS: u32 = 100;
/// `EVAL_BREAKER` bit: the holder has deferred wake-ups to flush.
pub const BREAK_WAKE: u32 = 16;
/// How long a GIL holder may keep a wake-up deferred while it runs.
const DEFER_MAX: Duration = Duration::from_micros(100);

/// Something a thread sleeps on without the GIL (a lock, an event, a queue).
pub trait Sleeper: Send + Sync {
    /// Wake one sleeper (`all`: every sleeper).
    fn wake(&self, all: bool);
}

/// Data that may only be touched while the GIL is held (invariant 2).
pub struct GilShared<T>(T);

// SAFETY: invariant 2 — every access happens on a thread that holds the GIL.
unsafe impl<T> Sync for GilShared<T> {}
// SAFETY: as above.
unsafe impl<T> Send for GilShared<T> {}

impl<T> GilShared<T> {
    pub const fn new(value: T) -> Self {
        GilShared(value)
    }

    #[inline]
    pub fn get(&self) -> &T {
        &self.0
    }
}

/// Proof that the current thread holds the GIL (returned by [`thread_start`]).
pub struct GilToken(PhantomData<*const ()>);

/// Values (object handles) carried to a new thread (invariant 3).
pub struct Handoff<T>(T);

// SAFETY: invariant 3 — built under the GIL, opened only with a `GilToken` on the receiving
// thread, or dropped by the sender (which holds the GIL) if the thread never starts.
unsafe impl<T> Send for Handoff<T> {}

impl<T> Handoff<T> {
    /// Wrap `value`; the caller holds the GIL (it is running Python code).
    pub fn new(value: T) -> Self {
        Handoff(value)
    }

    pub fn open(self, _token: &GilToken) -> T {
        self.0
    }
}

/// A scheduling policy (see the module documentation).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Policy {
    Interval = 0,
    IntervalNoForce = 1,
    Ticks = 2,
    Fifo = 3,
    IoPriority = 4,
}

pub const POLICY_NAMES: [&str; 5] = ["interval", "interval-noforce", "ticks", "fifo", "io-priority"];

impl Policy {
    pub fn from_name(name: &str) -> Option<Policy> {
        Some(match name {
            "interval" => Policy::Interval,
            "interval-noforce" => Policy::IntervalNoForce,
            "ticks" => Policy::Ticks,
            "fifo" => Policy::Fifo,
            "io-priority" => Policy::IoPriority,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        POLICY_NAMES[self as usize]
    }

    fn from_u8(v: u8) -> Policy {
        match v {
            1 => Policy::IntervalNoForce,
            2 => Policy::Ticks,
            3 => Policy::Fifo,
            4 => Policy::IoPriority,
            _ => Policy::Interval,
        }
    }
}

static POLICY: AtomicU8 = AtomicU8::new(0);
/// The switch interval in microseconds (`sys.setswitchinterval`; CPython's resolution).
static INTERVAL_US: AtomicU64 = AtomicU64::new(5000);
/// Set at interpreter shutdown: threads other than the main one never run Python again.
static FINALIZING: AtomicBool = AtomicBool::new(false);

pub fn policy() -> Policy {
    Policy::from_u8(POLICY.load(Relaxed))
}

pub fn set_policy(p: Policy) {
    let _st = lock();
    POLICY.store(p as u8, Relaxed);
    if p == Policy::Ticks && gil_stats::live_threads() > 1 {
        EVAL_BREAKER.fetch_or(BREAK_TICK, Relaxed);
    } else {
        EVAL_BREAKER.fetch_and(!BREAK_TICK, Relaxed);
    }
    COND.notify_all();
    IO_COND.notify_all();
}

/// `sys.getswitchinterval()`.
pub fn switch_interval() -> f64 {
    INTERVAL_US.load(Relaxed) as f64 / 1e6
}

/// `sys.setswitchinterval(secs)` (the caller checked `secs > 0`).
pub fn set_switch_interval(secs: f64) {
    INTERVAL_US.store(((secs * 1e6) as u64).max(1), Relaxed);
}

/// Why a thread released the GIL.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Release {
    /// Around a blocking call ([`allow_threads`]).
    Blocking,
    /// A drop request was honoured.
    Forced,
    /// The `ticks` policy's periodic release.
    Tick,
    /// The thread finished.
    Exit,
}

struct State {
    locked: bool,
    /// Serial of the thread that took the GIL last (it may have released it since).
    last_holder: u64,
    /// Number of times the GIL was taken.
    switches: u64,
    waiting: u32,
    /// Waiters returning from a blocking call (for `io-priority`).
    io_waiting: u32,
    /// `fifo` tickets: the next to hand out and the next to serve.
    next_ticket: u64,
    serving: u64,
    drop_requested: bool,
    request_at: Option<Instant>,
    /// Waiters spinning for the GIL ([`spin_until_released`]).
    spinning: u32,
    /// Threads waiting on [`SWITCH`] (forced switching).
    switch_waiters: u32,
    /// When a thread back from a blocking call last had to wait for the GIL.
    last_io_wait: Option<Instant>,
}

static STATE: Mutex<State> = Mutex::new(State {
    locked: false,
    last_holder: 0,
    switches: 0,
    waiting: 0,
    io_waiting: 0,
    next_ticket: 0,
    serving: 0,
    drop_requested: false,
    request_at: None,
    spinning: 0,
    switch_waiters: 0,
    last_io_wait: None,
});
/// `State::locked` and `State::io_waiting`, readable without the mutex by spinning waiters.
static LOCKED: AtomicBool = AtomicBool::new(false);
static IO_WAITING: AtomicU32 = AtomicU32::new(0);
/// `STATE`'s mutex and condition variables are the standard library's, not
/// `parking_lot`'s: a contended `parking_lot` lock calls `sched_yield` while it spins, and
/// on Linux that puts the caller behind whatever thread is runnable on its CPU, often one
/// it has just woken, for up to a whole scheduler tick (an I/O thread's wake-up then comes
/// 3-4 ms late). The standard library spins without yielding, then sleeps.
fn lock() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Wait on `cond` for at most `d`; true if the wait timed out.
fn wait_for(cond: &Condvar, st: MutexGuard<'static, State>, d: Duration) -> (MutexGuard<'static, State>, bool) {
    let (st, r) = cond.wait_timeout(st, d).unwrap_or_else(PoisonError::into_inner);
    (st, r.timed_out())
}

/// Signalled when the GIL is released.
static COND: Condvar = Condvar::new();
/// Under `io-priority`, where threads returning from a blocking call wait: a release wakes
/// one of them, and only them, when there are some (the others could not take the GIL).
static IO_COND: Condvar = Condvar::new();
/// Signalled when the GIL is taken (the forced-switching handshake).
static SWITCH: Condvar = Condvar::new();

struct Local {
    stats: Arc<ThreadStats>,
    held_since: Cell<Option<Instant>>,
    held: Cell<bool>,
    ticks: Cell<u32>,
    /// Wake-ups deferred until this thread releases the GIL, and when the first was.
    deferred: RefCell<Vec<(Arc<dyn Sleeper>, bool)>>,
    deferred_since: Cell<Option<Instant>>,
    /// How this thread asked the OS scheduler to treat it.
    sched: Cell<Sched>,
    /// How long this thread spins for the GIL after a blocking call ([`HANDOFF_SPIN_US`]).
    handoff: Spin,
}

thread_local! {
    static LOCAL: RefCell<Option<Rc<Local>>> = const { RefCell::new(None) };
}

use std::rc::Rc;

fn local() -> Rc<Local> {
    LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        if let Some(x) = l.as_ref() {
            return x.clone();
        }
        let x = Rc::new(Local {
            stats: gil_stats::register(),
            held_since: Cell::new(None),
            held: Cell::new(false),
            ticks: Cell::new(TICKS),
            deferred: RefCell::new(Vec::new()),
            deferred_since: Cell::new(None),
            sched: Cell::new(Sched::Default),
            handoff: Spin::new(HANDOFF_SPIN_US),
        });
        *l = Some(x.clone());
        x
    })
}

/// Does some thread hold the GIL now? (A hint: it may change at once.)
pub fn locked() -> bool {
    LOCKED.load(Relaxed)
}

/// Does the current thread hold the GIL?
pub fn holds() -> bool {
    LOCAL.with(|l| l.borrow().as_ref().is_some_and(|x| x.held.get()))
}

fn request_drop(st: &mut State, me: &ThreadStats) {
    if st.drop_requested {
        return;
    }
    st.drop_requested = true;
    st.request_at = Some(Instant::now());
    me.drop_requests.fetch_add(1, Relaxed);
    EVAL_BREAKER.fetch_or(BREAK_DROP, Relaxed);
}

/// How long a waiter that asked the holder to drop the GIL spins for the release before it
/// sleeps, at most (µs). The holder sees the request at its next breaker check, within
/// microseconds unless it is in a long native call; waking a sleeping thread instead costs
/// tens of microseconds (more in a VM, where an idle CPU must be woken first), during which
/// no thread runs Python.
static SPIN: Spin = Spin::new(50);

/// Under `io-priority`, how long a thread forced off for an I/O thread spins for the GIL's
/// return before it sleeps, at most (µs). An I/O thread usually runs briefly and blocks
/// again; a spinning thread then takes the GIL without being woken, so the I/O thread's
/// release wakes no one: a woken thread would be queued on the I/O thread's CPU (and
/// preempt it, or delay its next wake-up by a scheduler tick).
static IO_SPIN: Spin = Spin::new(200);

/// Under every policy, how long a thread back from a blocking call, or a new thread, spins
/// for the GIL's release before it sleeps, at most (µs; each thread learns its own limit,
/// `Local::handoff`). The holder is often about to block itself: two threads handing a
/// lock or an event back and forth, a thread that starts another and joins it. Such a
/// holder releases within microseconds, and a spinning waiter then takes the GIL without
/// anyone being woken. A CPU-bound waiter's holder releases only when asked, a switch
/// interval later: it spins only once it has asked ([`IO_QUIET`]).
const HANDOFF_SPIN_US: u32 = 100;

/// Under `interval` and `interval-noforce`, a waiter that asked for a drop spins for the
/// release only if no thread back from a blocking call had to wait for the GIL for this
/// long: in a program of CPU-bound threads the forced switch then costs no wake-up (GIL
/// idle during 2 CPU-bound threads: 0.9% → 0.15%), and where a thread does blocking
/// calls, a spinning CPU-bound waiter does not take the GIL ahead of it. (`fifo` serves
/// by ticket and `ticks` has no drop requests: neither spins.)
const IO_QUIET: Duration = Duration::from_millis(100);

/// Why a thread asks for the GIL.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ask {
    /// The main thread at start-up; a thread after a `ticks` release.
    Plain,
    /// A new thread's first acquisition.
    Start,
    /// Back from a blocking call (what `io-priority` favours).
    Io,
    /// Just forced off; `for_io`: for an I/O thread under `io-priority` ([`IO_SPIN`]).
    Forced { for_io: bool },
}

/// Spin (without the mutex) until the GIL is released, and if `no_io` also no I/O thread
/// waits for it, or until the limit of `spin` has passed. A spinning thread is counted in
/// `State::spinning`, so that a release leaves the GIL to it instead of waking a sleeper.
fn spin_until_released<'a>(
    mut st: MutexGuard<'static, State>,
    spin: &'a Spin,
    no_io: bool,
) -> (MutexGuard<'static, State>, Option<Missed<'a>>) {
    if !spin::multi_cpu() {
        return (st, None);
    }
    st.spinning += 1;
    drop(st);
    let mut got = None;
    let spun = spin.until(None, || {
        if LOCKED.load(Ordering::Acquire) || (no_io && IO_WAITING.load(Relaxed) > 0) {
            return false;
        }
        // The releaser may still hold the mutex: wait for it here rather than asleep on
        // the mutex.
        got = match STATE.try_lock() {
            Ok(st) => Some(st),
            Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => None,
        };
        got.is_some()
    });
    let mut st = got.unwrap_or_else(lock);
    st.spinning -= 1;
    (st, spun.err())
}

/// Take the GIL for the current thread (blocking); `ask` says why (see [`Ask`]).
fn take(ask: Ask) {
    let io = ask == Ask::Io;
    let me = local();
    let stats = &me.stats;
    let t0 = Instant::now();
    let mut st = lock();
    let pol = policy();
    let ticket = if pol == Policy::Fifo {
        let t = st.next_ticket;
        st.next_ticket += 1;
        Some(t)
    } else {
        None
    };
    let admissible =
        |st: &State| !st.locked && ticket.is_none_or(|t| t == st.serving) && (io || pol != Policy::IoPriority || st.io_waiting == 0);
    let mut waited = false;
    if !admissible(&st) {
        waited = true;
        st.waiting += 1;
        if io {
            st.io_waiting += 1;
            IO_WAITING.store(st.io_waiting, Relaxed);
            st.last_io_wait = Some(t0);
        }
        let next_up = ticket.is_none_or(|t| t == st.serving);
        // A spin that missed, to be told how long the whole wait took.
        let (mut missed, mut missed_drop): (Option<Missed>, Option<Missed>) = (None, None);
        match ask {
            Ask::Io if pol == Policy::IoPriority && st.locked => {
                request_drop(&mut st, stats);
                (st, missed) = spin_until_released(st, &SPIN, false);
            }
            Ask::Io | Ask::Start if st.locked && next_up => {
                (st, missed) = spin_until_released(st, &me.handoff, !io && pol == Policy::IoPriority);
            }
            Ask::Forced { for_io: true } if pol == Policy::IoPriority => {
                (st, missed) = spin_until_released(st, &IO_SPIN, true);
            }
            _ => {}
        }
        gil_stats::trace(stats, Event::Want);
        gil_stats::waiting_changed(st.waiting);
        while !admissible(&st) {
            // The condition variable follows the policy in force now: a switch to
            // io-priority while this thread waits makes releases notify `IO_COND` only.
            let cond = if io && policy() == Policy::IoPriority { &IO_COND } else { &COND };
            if pol == Policy::Ticks {
                // Bounded, so a waiter that a policy switch left on the other condition
                // variable still looks again.
                st = wait_for(cond, st, Duration::from_micros(INTERVAL_US.load(Relaxed))).0;
                continue;
            }
            let saved = st.switches;
            let timed_out;
            (st, timed_out) = wait_for(cond, st, Duration::from_micros(INTERVAL_US.load(Relaxed)));
            if timed_out && st.locked && st.switches == saved {
                request_drop(&mut st, stats);
                // The holder releases at its next breaker check: spin for it. Under the
                // other policies only in a program of CPU-bound threads ([`IO_QUIET`]).
                let cpu_bound_only = st.last_io_wait.is_none_or(|t| t.elapsed() > IO_QUIET);
                if pol == Policy::IoPriority || (!io && ticket.is_none() && pol != Policy::Ticks && cpu_bound_only) {
                    let m;
                    (st, m) = spin_until_released(st, &SPIN, !io);
                    if let Some(earlier) = std::mem::replace(&mut missed_drop, m) {
                        earlier.woke();
                    }
                }
            }
        }
        for m in [missed, missed_drop].into_iter().flatten() {
            m.woke();
        }
        st.waiting -= 1;
        if io {
            st.io_waiting -= 1;
            IO_WAITING.store(st.io_waiting, Relaxed);
        }
        gil_stats::waiting_changed(st.waiting);
    }
    if ticket.is_some() {
        st.serving += 1;
    }
    st.locked = true;
    LOCKED.store(true, Relaxed);
    st.switches += 1;
    let same = st.last_holder == stats.serial;
    st.last_holder = stats.serial;
    if st.drop_requested {
        st.drop_requested = false;
        st.request_at = None;
        EVAL_BREAKER.fetch_and(!BREAK_DROP, Relaxed);
    }
    if st.switch_waiters > 0 {
        SWITCH.notify_all();
    }
    drop(st);
    let now = Instant::now();
    stats.acquired(now.duration_since(t0), same, waited);
    me.held.set(true);
    me.held_since.set(Some(now));
    gil_stats::trace(stats, Event::Acquired);
    if FINALIZING.load(Relaxed) && !stats.main() {
        // Shutdown: a daemon thread never runs Python again.
        release_raw(&me, Release::Exit);
        loop {
            std::thread::park();
        }
    }
}

/// Wake the sleepers of `s` (all of them if `all`): later, when the current thread releases
/// the GIL, if it holds it; else now. The caller changed the state they wait for already.
pub fn wake(s: Arc<dyn Sleeper>, all: bool) {
    let undeferred = LOCAL.with(|l| {
        let l = l.borrow();
        match l.as_ref() {
            Some(me) if me.held.get() => {
                let mut d = me.deferred.borrow_mut();
                if d.is_empty() {
                    me.deferred_since.set(Some(Instant::now()));
                    EVAL_BREAKER.fetch_or(BREAK_WAKE, Relaxed);
                }
                // A `with lock:` loop releases the same lock again and again inside one
                // deferral window: one pending wake-up per sleeper is enough.
                match d.last_mut() {
                    Some((last, last_all)) if Arc::ptr_eq(last, &s) => *last_all |= all,
                    _ => d.push((s, all)),
                }
                None
            }
            _ => Some(s),
        }
    });
    if let Some(s) = undeferred {
        s.wake(all);
    }
}

/// Perform the current thread's deferred wake-ups.
fn flush_wakes(me: &Local) {
    if me.deferred_since.take().is_none() {
        return;
    }
    EVAL_BREAKER.fetch_and(!BREAK_WAKE, Relaxed);
    let list = std::mem::take(&mut *me.deferred.borrow_mut());
    for (s, all) in list {
        s.wake(all);
    }
}

/// Release the GIL held by the current thread. Returns whether an I/O thread waits for it
/// under `io-priority`.
fn release_raw(me: &Local, why: Release) -> bool {
    let stats = &me.stats;
    let now = Instant::now();
    if let Some(s) = me.held_since.take() {
        stats.released(now.duration_since(s), why);
    }
    me.held.set(false);
    gil_stats::trace(stats, Event::Released(why));
    let mut st = lock();
    if why == Release::Forced {
        if let Some(at) = st.request_at {
            stats.latency(now.duration_since(at));
        }
    }
    st.locked = false;
    LOCKED.store(false, Ordering::Release);
    let pol = policy();
    let for_io = pol == Policy::IoPriority && st.io_waiting > 0;
    if st.spinning > 0 && pol == Policy::IoPriority && st.io_waiting == 0 {
        // A thread spinning for the GIL takes it: waking a sleeper would only have it find
        // the GIL taken.
    } else if for_io {
        IO_COND.notify_one();
    } else if st.waiting > 1 && pol == Policy::Fifo {
        COND.notify_all();
    } else if st.waiting > st.spinning {
        // Some waiter sleeps (a spinning one sees the release by itself; and a
        // notification is a system call even when nobody waits).
        COND.notify_one();
    }
    if why == Release::Forced && pol == Policy::Interval {
        drop(st);
        flush_wakes(me);
        // Forced switching: wait until another thread has taken the GIL.
        let mut st = lock();
        while st.last_holder == stats.serial && st.waiting > 0 {
            st.switch_waiters += 1;
            st = SWITCH.wait(st).unwrap_or_else(PoisonError::into_inner);
            st.switch_waiters -= 1;
        }
        return false;
    }
    drop(st);
    flush_wakes(me);
    for_io
}

/// Take the GIL for the interpreter's main thread at start-up.
pub fn acquire() {
    let me = local();
    me.stats.mark_main();
    take(Ask::Plain);
}

/// Release the GIL held by the current thread (end of a thread).
pub fn release() {
    let me = local();
    if me.held.get() {
        release_raw(&me, Release::Exit);
    }
}

/// A new Python thread starts: register it and take the GIL.
pub fn thread_start(name: &str) -> GilToken {
    let me = local();
    me.stats.set_name(name);
    gil_stats::trace(&me.stats, Event::ThreadStart);
    if policy() == Policy::Ticks && gil_stats::live_threads() > 1 {
        EVAL_BREAKER.fetch_or(BREAK_TICK, Relaxed);
    }
    take(Ask::Start);
    GilToken(PhantomData)
}

/// Name the current thread in statistics and traces.
pub fn set_thread_name(name: &str) {
    local().stats.set_name(name);
}

/// The current Python thread ends: release the GIL for good. The OS thread may run
/// another Python thread later (`runtime::workers`), which registers afresh: its own
/// counters, serial and trace track.
pub fn thread_exit() {
    let me = local();
    gil_stats::trace(&me.stats, Event::ThreadExit);
    me.stats.finish();
    if gil_stats::live_threads() <= 1 {
        EVAL_BREAKER.fetch_and(!BREAK_TICK, Relaxed);
    }
    release_raw(&me, Release::Exit);
    // The OS thread may be reused: back to the default scheduling.
    want_sched(&me, Sched::Default);
    LOCAL.with(|l| l.borrow_mut().take());
}

/// Interpreter shutdown: other threads stop at their next GIL acquisition.
pub fn begin_finalize() {
    FINALIZING.store(true, Relaxed);
}

/// How a thread asks the OS scheduler to treat it (under `io-priority`; see [`want_sched`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sched {
    /// Whatever the thread had: gild has not changed it.
    Default,
    /// It makes blocking calls: a short time slice ([`IO_SLICE_NS`]).
    Io,
    /// It was forced off the GIL (CPU-bound): `SCHED_BATCH`.
    Batch,
}

/// The OS scheduler slice of a thread that makes blocking calls under `io-priority`.
const IO_SLICE_NS: u64 = 100_000;

/// Under `io-priority`, ask the OS scheduler to favour threads that make blocking calls
/// over CPU-bound ones, on Linux (elsewhere, and where the kernel refuses, nothing
/// changes). Two things delay a thread returning from `sleep` or I/O by a whole scheduler
/// tick (4 ms at `HZ=250`) while a CPU-bound thread runs:
/// - the thread it wakes when it releases the GIL (a CPU-bound waiter) is placed on its
///   own CPU and preempts it before it has even started to sleep; the other CPU, idle,
///   does not pull it over. A `SCHED_BATCH` thread never preempts on wake-up, so CPU-bound
///   threads (those forced off the GIL) are made `SCHED_BATCH`;
/// - when its sleep ends, a CPU-bound thread protected until it has run its share holds
///   the CPU. A thread with a shorter slice than the running one may preempt it (EEVDF),
///   so a thread making blocking calls asks for a short slice ([`IO_SLICE_NS`]).
///
/// Only threads on the default policy (`SCHED_OTHER`) are touched, so a policy the program
/// set itself is kept. Neither change needs privileges.
fn want_sched(me: &Local, want: Sched) {
    let had = me.sched.get();
    if had == want {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        #[repr(C)]
        #[derive(Default)]
        struct SchedAttr {
            size: u32,
            policy: u32,
            flags: u64,
            nice: i32,
            priority: u32,
            runtime: u64,
            deadline: u64,
            period: u64,
        }
        let size = std::mem::size_of::<SchedAttr>() as u32;
        let mut cur = SchedAttr::default();
        // SAFETY: `cur` is a writable `sched_attr` of the size passed; pid 0 is the calling
        // thread.
        let r = unsafe { libc::syscall(libc::SYS_sched_getattr, 0, &mut cur as *mut SchedAttr, size, 0) };
        if r != 0 {
            return;
        }
        let ours = match had {
            Sched::Default => cur.policy == libc::SCHED_OTHER as u32,
            Sched::Io => cur.policy == libc::SCHED_OTHER as u32,
            Sched::Batch => cur.policy == libc::SCHED_BATCH as u32,
        };
        if !ours {
            // The program changed the thread's policy: leave it alone from now on.
            me.sched.set(want);
            return;
        }
        let (policy, runtime) = match want {
            Sched::Default => (libc::SCHED_OTHER, 0),
            Sched::Io => (libc::SCHED_OTHER, IO_SLICE_NS),
            Sched::Batch => (libc::SCHED_BATCH, 0),
        };
        let attr = SchedAttr { size, policy: policy as u32, nice: cur.nice, runtime, ..SchedAttr::default() };
        // SAFETY: `attr` is a valid `sched_attr` of the size it states; pid 0 is the
        // calling thread.
        unsafe { libc::syscall(libc::SYS_sched_setattr, 0, &attr as *const SchedAttr, 0) };
    }
    me.sched.set(want);
}

/// Run `f` without the GIL (blocking I/O, sleeps, lock waits). `f` is `Send`, so it cannot
/// touch Python objects (invariant 1).
pub fn allow_threads<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let me = local();
    if !me.held.get() {
        return f();
    }
    if policy() == Policy::IoPriority {
        want_sched(&me, Sched::Io);
    } else if me.sched.get() != Sched::Default {
        want_sched(&me, Sched::Default);
    }
    release_raw(&me, Release::Blocking);
    let r = f();
    take(Ask::Io);
    r
}

/// The eval breaker's GIL bits are set: honour a drop request or a tick.
#[cold]
pub fn on_breaker(bits: u32) {
    let me = local();
    if !me.held.get() {
        return;
    }
    if bits & BREAK_WAKE != 0 && me.deferred_since.get().is_some_and(|t| t.elapsed() >= DEFER_MAX) {
        flush_wakes(&me);
    }
    if bits & BREAK_DROP != 0 {
        if lock().drop_requested {
            if policy() == Policy::IoPriority {
                want_sched(&me, Sched::Batch);
            } else if me.sched.get() != Sched::Default {
                want_sched(&me, Sched::Default);
            }
            let for_io = release_raw(&me, Release::Forced);
            take(Ask::Forced { for_io });
        }
        return;
    }
    if bits & BREAK_TICK != 0 {
        let t = me.ticks.get();
        if t > 1 {
            me.ticks.set(t - 1);
            return;
        }
        me.ticks.set(TICKS);
        if lock().waiting > 0 {
            release_raw(&me, Release::Tick);
            take(Ask::Plain);
        }
    }
}

/// Give other threads a chance to run (a zero-length `sleep`).
pub fn yield_now() {
    allow_threads(std::thread::yield_now);
}

/// Threads waiting for the GIL right now.
pub fn waiting_threads() -> u32 {
    lock().waiting
}
