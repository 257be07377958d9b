//! The observable GIL's data: per-thread counters and histograms (always on, relaxed
//! atomics, touched only at GIL transitions), the registry of threads that ever ran Python,
//! and the opt-in event trace written as Chrome trace-event JSON (Perfetto, `chrome://tracing`).
//! The scheduler in `gil.rs` feeds it; `_gil` (`src/modules/gil_module.rs`) reads it.
//!
//! Trace format: one process (`pid` 1); one track per thread (`tid` = the thread's serial,
//! named by a `thread_name` metadata event) carrying complete (`"ph": "X"`) slices named
//! `waiting` and `holding` (the latter with `args.reason`: `blocking`, `forced`, `tick`,
//! `exit`), instant events `thread start` / `thread exit`, and a counter track
//! `waiting threads` (`"ph": "C"`, `args.waiting`). Times are microseconds from start-up.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::gil::Release;

/// Log2 buckets of nanoseconds: bucket `b` holds durations in `[2^(b-1), 2^b)` ns.
pub const BUCKETS: usize = 40;

/// One thread's counters.
pub struct ThreadStats {
    pub serial: u64,
    main: AtomicBool,
    name: Mutex<String>,
    pub ident: u64,
    pub native_id: u64,
    alive: AtomicBool,
    pub acquisitions: AtomicU64,
    /// Acquisitions that had to wait.
    pub contended: AtomicU64,
    /// Acquisitions by the thread that held the GIL last.
    pub reacquisitions: AtomicU64,
    pub voluntary: AtomicU64,
    pub forced: AtomicU64,
    pub drop_requests: AtomicU64,
    pub wait_ns: AtomicU64,
    pub hold_ns: AtomicU64,
    pub latency_ns: AtomicU64,
    pub latency_n: AtomicU64,
    pub latency_max_ns: AtomicU64,
    pub wait_hist: [AtomicU64; BUCKETS],
    pub hold_hist: [AtomicU64; BUCKETS],
    /// Trace events (time in ns since start-up, kind); written by this thread only.
    events: Mutex<Vec<(u64, Event)>>,
}

/// A traced GIL event.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Event {
    Want,
    Acquired,
    Released(Release),
    ThreadStart,
    ThreadExit,
}

static THREADS: Mutex<Vec<Arc<ThreadStats>>> = Mutex::new(Vec::new());
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);
static LIVE: AtomicU64 = AtomicU64::new(0);
static TRACING: AtomicBool = AtomicBool::new(false);
static START: once_cell::sync::Lazy<Instant> = once_cell::sync::Lazy::new(Instant::now);
/// The `waiting threads` counter track: (ns, count).
static WAIT_COUNTS: Mutex<Vec<(u64, u32)>> = Mutex::new(Vec::new());

fn bucket(ns: u64) -> usize {
    ((64 - ns.leading_zeros()) as usize).min(BUCKETS - 1)
}

fn zero() -> [AtomicU64; BUCKETS] {
    std::array::from_fn(|_| AtomicU64::new(0))
}

/// Register the current OS thread.
pub fn register() -> Arc<ThreadStats> {
    once_cell::sync::Lazy::force(&START);
    let s = Arc::new(ThreadStats {
        serial: NEXT_SERIAL.fetch_add(1, Relaxed),
        main: AtomicBool::new(false),
        name: Mutex::new(String::new()),
        ident: current_ident(),
        native_id: current_native_id(),
        alive: AtomicBool::new(true),
        acquisitions: AtomicU64::new(0),
        contended: AtomicU64::new(0),
        reacquisitions: AtomicU64::new(0),
        voluntary: AtomicU64::new(0),
        forced: AtomicU64::new(0),
        drop_requests: AtomicU64::new(0),
        wait_ns: AtomicU64::new(0),
        hold_ns: AtomicU64::new(0),
        latency_ns: AtomicU64::new(0),
        latency_n: AtomicU64::new(0),
        latency_max_ns: AtomicU64::new(0),
        wait_hist: zero(),
        hold_hist: zero(),
        events: Mutex::new(Vec::new()),
    });
    LIVE.fetch_add(1, Relaxed);
    let mut all = THREADS.lock();
    // Keep finished threads' numbers, but not without bound.
    if all.len() >= 4096 {
        all.retain(|t| t.alive.load(Relaxed) || t.main.load(Relaxed));
    }
    all.push(s.clone());
    s
}

/// `threading.get_ident()`: the pthread handle, as CPython reports it.
pub fn current_ident() -> u64 {
    // SAFETY: `pthread_self` has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

/// `threading.get_native_id()`: the kernel's thread id.
pub fn current_native_id() -> u64 {
    // SAFETY: `gettid` has no preconditions.
    unsafe { libc::gettid() as u64 }
}

impl ThreadStats {
    pub fn mark_main(&self) {
        self.main.store(true, Relaxed);
        *self.name.lock() = "MainThread".to_string();
    }

    pub fn main(&self) -> bool {
        self.main.load(Relaxed)
    }

    pub fn set_name(&self, name: &str) {
        *self.name.lock() = name.to_string();
    }

    pub fn finish(&self) {
        if self.alive.swap(false, Relaxed) {
            LIVE.fetch_sub(1, Relaxed);
        }
    }

    pub(crate) fn acquired(&self, waited: Duration, same: bool, contended: bool) {
        let ns = waited.as_nanos() as u64;
        self.acquisitions.fetch_add(1, Relaxed);
        if contended {
            self.contended.fetch_add(1, Relaxed);
        }
        if same {
            self.reacquisitions.fetch_add(1, Relaxed);
        }
        self.wait_ns.fetch_add(ns, Relaxed);
        self.wait_hist[bucket(ns)].fetch_add(1, Relaxed);
    }

    pub(crate) fn released(&self, held: Duration, why: Release) {
        let ns = held.as_nanos() as u64;
        if why == Release::Forced {
            self.forced.fetch_add(1, Relaxed);
        } else {
            self.voluntary.fetch_add(1, Relaxed);
        }
        self.hold_ns.fetch_add(ns, Relaxed);
        self.hold_hist[bucket(ns)].fetch_add(1, Relaxed);
    }

    pub(crate) fn latency(&self, d: Duration) {
        let ns = d.as_nanos() as u64;
        self.latency_ns.fetch_add(ns, Relaxed);
        self.latency_n.fetch_add(1, Relaxed);
        self.latency_max_ns.fetch_max(ns, Relaxed);
    }

    fn reset(&self) {
        for c in [
            &self.acquisitions,
            &self.contended,
            &self.reacquisitions,
            &self.voluntary,
            &self.forced,
            &self.drop_requests,
            &self.wait_ns,
            &self.hold_ns,
            &self.latency_ns,
            &self.latency_n,
            &self.latency_max_ns,
        ] {
            c.store(0, Relaxed);
        }
        for b in self.wait_hist.iter().chain(self.hold_hist.iter()) {
            b.store(0, Relaxed);
        }
    }
}

/// A copy of one thread's counters.
pub struct Snapshot {
    pub name: String,
    pub serial: u64,
    pub ident: u64,
    pub native_id: u64,
    pub alive: bool,
    pub main: bool,
    /// `(name, value)` for every scalar counter, in a fixed order.
    pub counters: Vec<(&'static str, u64)>,
    pub wait_hist: Vec<u64>,
    pub hold_hist: Vec<u64>,
}

/// Every registered thread's counters.
pub fn snapshot() -> Vec<Snapshot> {
    let all: Vec<Arc<ThreadStats>> = THREADS.lock().clone();
    all.iter()
        .map(|t| Snapshot {
            name: t.name.lock().clone(),
            serial: t.serial,
            ident: t.ident,
            native_id: t.native_id,
            alive: t.alive.load(Relaxed),
            main: t.main(),
            counters: vec![
                ("acquisitions", t.acquisitions.load(Relaxed)),
                ("contended_acquisitions", t.contended.load(Relaxed)),
                ("reacquisitions", t.reacquisitions.load(Relaxed)),
                ("voluntary_releases", t.voluntary.load(Relaxed)),
                ("forced_releases", t.forced.load(Relaxed)),
                ("drop_requests", t.drop_requests.load(Relaxed)),
                ("wait_ns", t.wait_ns.load(Relaxed)),
                ("hold_ns", t.hold_ns.load(Relaxed)),
                ("latency_ns", t.latency_ns.load(Relaxed)),
                ("latency_count", t.latency_n.load(Relaxed)),
                ("latency_max_ns", t.latency_max_ns.load(Relaxed)),
            ],
            wait_hist: t.wait_hist.iter().map(|b| b.load(Relaxed)).collect(),
            hold_hist: t.hold_hist.iter().map(|b| b.load(Relaxed)).collect(),
        })
        .collect()
}

/// Zero every counter (threads stay registered).
pub fn reset() {
    for t in THREADS.lock().iter() {
        t.reset();
    }
}

/// Threads registered and not finished.
pub fn live_threads() -> usize {
    LIVE.load(Relaxed) as usize
}

// ---- tracing ----

fn now_ns() -> u64 {
    START.elapsed().as_nanos() as u64
}

pub fn tracing() -> bool {
    TRACING.load(Relaxed)
}

/// Start recording events (clearing earlier ones).
pub fn start_trace() {
    for t in THREADS.lock().iter() {
        t.events.lock().clear();
    }
    WAIT_COUNTS.lock().clear();
    TRACING.store(true, Relaxed);
}

pub fn stop_trace() {
    TRACING.store(false, Relaxed);
}

#[inline]
pub(crate) fn trace(t: &ThreadStats, e: Event) {
    if TRACING.load(Relaxed) {
        t.events.lock().push((now_ns(), e));
    }
}

#[inline]
pub(crate) fn waiting_changed(n: u32) {
    if TRACING.load(Relaxed) {
        WAIT_COUNTS.lock().push((now_ns(), n));
    }
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn us(ns: u64) -> String {
    format!("{}.{:03}", ns / 1000, ns % 1000)
}

fn reason(r: Release) -> &'static str {
    match r {
        Release::Blocking => "blocking",
        Release::Forced => "forced",
        Release::Tick => "tick",
        Release::Exit => "exit",
    }
}

/// The recorded events as a Chrome trace-event JSON document.
pub fn trace_json() -> String {
    let end = now_ns();
    let all: Vec<Arc<ThreadStats>> = THREADS.lock().clone();
    let mut ev: Vec<String> = Vec::new();
    ev.push(r#"{"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":"gild GIL"}}"#.to_string());
    for t in &all {
        let events = t.events.lock().clone();
        if events.is_empty() {
            continue;
        }
        let tid = t.serial;
        let name = t.name.lock().clone();
        let name = if name.is_empty() { format!("thread {tid}") } else { name };
        ev.push(format!(r#"{{"name":"thread_name","ph":"M","pid":1,"tid":{tid},"args":{{"name":{}}}}}"#, json_str(&name)));
        let mut want: Option<u64> = None;
        let mut held: Option<u64> = None;
        for (ts, e) in events {
            match e {
                Event::Want => want = Some(ts),
                Event::Acquired => {
                    if let Some(w) = want.take() {
                        ev.push(format!(
                            r#"{{"name":"waiting","cat":"gil","ph":"X","pid":1,"tid":{tid},"ts":{},"dur":{}}}"#,
                            us(w),
                            us(ts - w)
                        ));
                    }
                    held = Some(ts);
                }
                Event::Released(r) => {
                    if let Some(h) = held.take() {
                        ev.push(format!(
                            r#"{{"name":"holding","cat":"gil","ph":"X","pid":1,"tid":{tid},"ts":{},"dur":{},"args":{{"reason":"{}"}}}}"#,
                            us(h),
                            us(ts - h),
                            reason(r)
                        ));
                    }
                }
                Event::ThreadStart | Event::ThreadExit => {
                    let n = if e == Event::ThreadStart { "thread start" } else { "thread exit" };
                    ev.push(format!(r#"{{"name":"{n}","cat":"thread","ph":"i","s":"t","pid":1,"tid":{tid},"ts":{}}}"#, us(ts)));
                }
            }
        }
        // Slices still open at the end of the trace.
        if let Some(w) = want {
            ev.push(format!(
                r#"{{"name":"waiting","cat":"gil","ph":"X","pid":1,"tid":{tid},"ts":{},"dur":{}}}"#,
                us(w),
                us(end.saturating_sub(w))
            ));
        } else if let Some(h) = held {
            ev.push(format!(
                r#"{{"name":"holding","cat":"gil","ph":"X","pid":1,"tid":{tid},"ts":{},"dur":{},"args":{{"reason":"end"}}}}"#,
                us(h),
                us(end.saturating_sub(h))
            ));
        }
    }
    for (ts, n) in WAIT_COUNTS.lock().iter() {
        ev.push(format!(r#"{{"name":"waiting threads","ph":"C","pid":1,"tid":0,"ts":{},"args":{{"waiting":{n}}}}}"#, us(*ts)));
    }
    format!("{{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n{}\n]}}\n", ev.join(",\n"))
}

/// The `-X gil-stats` table printed at exit.
pub fn summary_table() -> String {
    let snaps = snapshot();
    let mut out = String::from("gild GIL statistics (per thread)\n");
    out.push_str(&format!(
        "{:<24} {:>10} {:>10} {:>10} {:>10} {:>9} {:>12} {:>12} {:>12}\n",
        "thread", "acquire", "contended", "voluntary", "forced", "requests", "wait ms", "hold ms", "latency us"
    ));
    let mut tot = [0u64; 7];
    for s in &snaps {
        let c = |n: &str| s.counters.iter().find(|(k, _)| *k == n).map_or(0, |(_, v)| *v);
        let lat_n = c("latency_count");
        let lat = if lat_n > 0 { c("latency_ns") as f64 / lat_n as f64 / 1e3 } else { 0.0 };
        let name = if s.name.is_empty() { format!("thread {}", s.serial) } else { s.name.clone() };
        out.push_str(&format!(
            "{:<24} {:>10} {:>10} {:>10} {:>10} {:>9} {:>12.3} {:>12.3} {:>12.1}\n",
            name,
            c("acquisitions"),
            c("contended_acquisitions"),
            c("voluntary_releases"),
            c("forced_releases"),
            c("drop_requests"),
            c("wait_ns") as f64 / 1e6,
            c("hold_ns") as f64 / 1e6,
            lat
        ));
        for (i, k) in
            ["acquisitions", "contended_acquisitions", "voluntary_releases", "forced_releases", "drop_requests", "wait_ns", "hold_ns"]
                .iter()
                .enumerate()
        {
            tot[i] += c(k);
        }
    }
    out.push_str(&format!(
        "{:<24} {:>10} {:>10} {:>10} {:>10} {:>9} {:>12.3} {:>12.3}\n",
        "total",
        tot[0],
        tot[1],
        tot[2],
        tot[3],
        tot[4],
        tot[5] as f64 / 1e6,
        tot[6] as f64 / 1e6
    ));
    out
}
