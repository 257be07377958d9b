//! OS threads for Python threads, and the cache of parked ones that makes starting a
//! thread cheap. A Python thread that ends does not end its OS thread: the thread parks
//! in [`IDLE`] for a while, and the next `_thread.start_new_thread` hands it the new
//! thread's body instead of spawning (`clone`, stack `mmap`, guard page, signal mask, and
//! later `munmap` cost more than the Python thread itself). A reused OS thread keeps its
//! `pthread_t` and kernel id, so `get_ident()` and `get_native_id()` values repeat, as
//! they do in CPython when the C library reuses a freed thread's stack.
//!
//! This module knows nothing of Python: a job is a `Send` closure, and everything a Python
//! thread keeps per OS thread (GIL registration, counters, trace track) is reset by the
//! job itself (`gil::thread_exit`).

use std::sync::atomic::{AtomicBool, Ordering, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::spin::Spin;

use parking_lot::{Condvar, Mutex};

/// The body of a Python thread. It calls [`Ending::now`] as soon as it no longer needs
/// its OS thread for itself (just before it releases the GIL for the last time), so that
/// the OS thread is offered for reuse before anyone can see the Python thread has ended.
pub type Job = Box<dyn FnOnce(&Ending) + Send>;

/// Lets a job offer its OS thread back to the cache before the job returns.
pub struct Ending<'a> {
    worker: &'a Arc<Worker>,
    /// Whether the worker is in [`IDLE`] (`None`: not offered yet).
    parked: std::cell::Cell<Option<bool>>,
}

impl Ending<'_> {
    /// Offer the OS thread for the next job (once; later calls do nothing).
    pub fn now(&self) {
        if self.parked.get().is_none() {
            self.parked.set(Some(offer(self.worker)));
        }
    }
}

/// Parked threads kept at most (more finishing at once simply end).
const IDLE_MAX: usize = 16;
/// How long a parked thread waits for a new job before it ends.
const IDLE_FOR: Duration = Duration::from_secs(5);
/// How long a thread that has just parked spins for its next job before it sleeps.
static IDLE_SPIN: Spin = Spin::new(100);

/// One OS thread of the cache.
struct Worker {
    /// The next job, handed over by [`start`] (lock order: [`IDLE`] first).
    job: Mutex<Option<Job>>,
    /// Set when a job is put in `job`: what the parked thread spins on before it sleeps.
    handed: AtomicBool,
    cond: Condvar,
    stack: usize,
    ident: u64,
    native_id: u64,
}

/// Parked workers, the most recently parked last (reused first: its stack is warm).
static IDLE: Mutex<Vec<Arc<Worker>>> = Mutex::new(Vec::new());

/// The identity of a started thread: its `pthread_t` (`get_ident`) and kernel id.
#[derive(Clone, Copy, Debug)]
pub struct Started {
    pub ident: u64,
    pub native_id: u64,
}

/// Run `job` on an OS thread with a `stack`-byte stack: a parked one if there is one of
/// that size, else a new one. On failure `job` has been dropped on the calling thread.
pub fn start(stack: usize, job: Job) -> std::io::Result<Started> {
    {
        let mut idle = IDLE.lock();
        if let Some(i) = idle.iter().rposition(|w| w.stack == stack) {
            let w = idle.remove(i);
            // Handed over under `IDLE`'s lock: a worker whose wait timed out checks its
            // slot under the same lock before it leaves.
            let mut slot = w.job.lock();
            *slot = Some(job);
            // Under the slot's lock, as the worker clears it when it takes the job.
            w.handed.store(true, Ordering::Release);
            drop(slot);
            w.cond.notify_one();
            return Ok(Started { ident: w.ident, native_id: w.native_id });
        }
    }
    spawn(stack, job)
}

fn spawn(stack: usize, job: Job) -> std::io::Result<Started> {
    // The new thread reports its kernel id before it runs the job.
    let born: Arc<(Mutex<Option<u64>>, Condvar)> = Arc::new((Mutex::new(None), Condvar::new()));
    let told = born.clone();
    let handle = std::thread::Builder::new().stack_size(stack).spawn(move || {
        crate::modules::signal::block_in_thread();
        let me = Arc::new(Worker {
            job: Mutex::new(None),
            handed: AtomicBool::new(false),
            cond: Condvar::new(),
            stack,
            ident: super::gil_stats::current_ident(),
            native_id: super::gil_stats::current_native_id(),
        });
        {
            let (m, c) = &*told;
            *m.lock() = Some(me.native_id);
            c.notify_one();
        }
        drop(told);
        run(&me, job);
    })?;
    let ident = std::os::unix::thread::JoinHandleExt::as_pthread_t(&handle) as u64;
    let (m, c) = &*born;
    let mut tid = m.lock();
    let native_id = loop {
        if let Some(t) = *tid {
            break t;
        }
        c.wait(&mut tid);
    };
    Ok(Started { ident, native_id })
}

/// A worker's life: run jobs until it has been idle for [`IDLE_FOR`] or the cache is full.
fn run(me: &Arc<Worker>, first: Job) {
    let mut job = first;
    loop {
        let end = Ending { worker: me, parked: std::cell::Cell::new(None) };
        job(&end);
        end.now();
        if end.parked.get() != Some(true) {
            return;
        }
        match park(me) {
            Some(next) => job = next,
            None => return,
        }
    }
}

/// Put `me` in the cache unless it is full.
fn offer(me: &Arc<Worker>) -> bool {
    let mut idle = IDLE.lock();
    if idle.len() >= IDLE_MAX {
        return false;
    }
    idle.push(me.clone());
    true
}

/// Wait in the cache (`me` is in it) for the next job; `None`: end the thread.
fn park(me: &Arc<Worker>) -> Option<Job> {
    // A program that starts threads one after another (or joins one and starts the next)
    // hands the next job over within microseconds: watch for it before sleeping.
    let missed = IDLE_SPIN.until(None, || me.handed.load(Ordering::Acquire)).err();
    let job = wait_for_job(me);
    if let Some(m) = missed {
        m.woke();
    }
    job
}

/// Sleep in the cache until a job is handed over (or [`IDLE_FOR`] passes: `None`).
fn wait_for_job(me: &Arc<Worker>) -> Option<Job> {
    let deadline = Instant::now() + IDLE_FOR;
    let mut slot = me.job.lock();
    loop {
        if let Some(j) = slot.take() {
            me.handed.store(false, Relaxed);
            return Some(j);
        }
        if me.cond.wait_until(&mut slot, deadline).timed_out() {
            drop(slot);
            let mut idle = IDLE.lock();
            if let Some(j) = me.job.lock().take() {
                me.handed.store(false, Relaxed);
                return Some(j);
            }
            idle.retain(|w| !Arc::ptr_eq(w, me));
            return None;
        }
    }
}
