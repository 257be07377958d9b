//! Adaptive spin-waiting, the one way a thread watches for a change another thread is about
//! to make before it goes to sleep on it: the GIL's release, a lock's release, an event, a
//! parked worker's next job.
//!
//! Waking a sleeping thread costs tens of microseconds (a system call on each side, and in
//! a VM an idle virtual CPU must be woken first), during which neither thread runs Python.
//! When the change comes from a thread running on another CPU within about that time (two
//! threads handing a lock back and forth, a thread joined right after it started), a waiter
//! that watches the shared word for a while sees it in a fraction of a microsecond, and the
//! other side has nobody to wake. Spinning for up to the cost of a wake-up, then sleeping,
//! costs at most twice the best choice made in hindsight.
//!
//! How long to spin is learnt from the waits themselves, by each [`Spin`]:
//! - a spin that sees the change doubles the limit (up to its maximum);
//! - a wait that outlasted the spin but ended within twice the maximum would probably
//!   have been caught by a longer spin: the limit goes back to the maximum. This matters
//!   when two threads hand work back and forth, each spinning for the other: once one
//!   sleeps, the other waits a wake-up longer and misses too, and limits lowered on every
//!   miss would stay low for good;
//! - a longer wait lowers the limit by a quarter (down to [`Spin::MIN_US`]): a waiter
//!   that always waits long soon stops spinning.
//!
//! Spinning pays only on a CPU nobody else needs: at most as many threads as there are
//! CPUs spin at a time, and the others sleep at once, so 64 threads queued on one lock do
//! not crowd out its holder. (Not one fewer, for the GIL holder: two threads handing work
//! back and forth both spin for a moment, one for the other's change and the other for
//! the GIL; with one spinner on two CPUs, lock ping-pong fell from 300k to 33k round
//! trips/s.) On a single CPU nothing spins.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering::Relaxed};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// An adaptive spin limit (see the module documentation).
pub struct Spin {
    max_us: u32,
    us: AtomicU32,
}

impl Spin {
    /// The limit never drops below this (µs): a change that is already on its way is
    /// still caught.
    pub const MIN_US: u32 = 4;

    pub const fn new(max_us: u32) -> Spin {
        Spin { max_us, us: AtomicU32::new(max_us) }
    }

    /// The current limit.
    pub fn limit(&self) -> Duration {
        Duration::from_micros(u64::from(self.us.load(Relaxed)))
    }

    fn set(&self, us: u32) {
        if self.us.load(Relaxed) != us {
            self.us.store(us, Relaxed);
        }
    }

    /// Call `done` in a loop until it returns true (`Ok`), or the limit or `deadline`
    /// passes (`Err`: the caller sleeps, then reports how the wait ended with
    /// [`Missed::woke`]). `done` should only read shared words (and take a lock only once
    /// they say the change is there). On a single CPU, `Err` at once.
    pub fn until(&self, deadline: Option<Instant>, mut done: impl FnMut() -> bool) -> Result<(), Missed<'_>> {
        let start = Instant::now();
        let Some(_slot) = SpinSlot::take() else {
            return Err(Missed { spin: None, start });
        };
        let mut end = start + self.limit();
        if let Some(d) = deadline.filter(|d| *d < end) {
            end = d;
        }
        loop {
            if done() {
                self.set((self.us.load(Relaxed) * 2).min(self.max_us));
                return Ok(());
            }
            if Instant::now() >= end {
                return Err(Missed { spin: Some(self), start });
            }
            for _ in 0..32 {
                std::hint::spin_loop();
            }
        }
    }
}

/// A spin that ended without the change: the waiter sleeps, then calls [`woke`](Self::woke).
#[must_use = "report the end of the wait with `woke`"]
pub struct Missed<'a> {
    spin: Option<&'a Spin>,
    start: Instant,
}

impl Missed<'_> {
    /// The wait is over (the change came, or the waiter gave up): adjust the limit by how
    /// long the whole wait took.
    pub fn woke(self) {
        let Some(spin) = self.spin else { return };
        let waited = self.start.elapsed();
        if waited <= Duration::from_micros(2 * u64::from(spin.max_us)) {
            spin.set(spin.max_us);
        } else {
            let us = spin.us.load(Relaxed);
            spin.set((us - us / 4).max(Spin::MIN_US));
        }
    }
}

fn cpus() -> usize {
    static CPUS: OnceLock<usize> = OnceLock::new();
    *CPUS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// More than one CPU to run on (spinning on one only delays the thread being waited for).
pub fn multi_cpu() -> bool {
    cpus() > 1
}

/// Threads spinning now.
static SPINNERS: AtomicUsize = AtomicUsize::new(0);

/// The right to spin, while fewer threads than CPUs spin.
struct SpinSlot;

impl SpinSlot {
    fn take() -> Option<SpinSlot> {
        if SPINNERS.fetch_add(1, Relaxed) < cpus() {
            Some(SpinSlot)
        } else {
            SPINNERS.fetch_sub(1, Relaxed);
            None
        }
    }
}

impl Drop for SpinSlot {
    fn drop(&mut self) {
        SPINNERS.fetch_sub(1, Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missed_after(spin: &Spin, waited: Duration) {
        Missed { spin: Some(spin), start: Instant::now() - waited }.woke();
    }

    #[test]
    fn the_limit_learns_from_the_waits() {
        let s = Spin::new(100);
        // Long waits lower the limit by a quarter each, down to the floor.
        missed_after(&s, Duration::from_millis(5));
        assert_eq!(s.limit(), Duration::from_micros(75));
        for _ in 0..40 {
            missed_after(&s, Duration::from_millis(5));
        }
        assert_eq!(s.limit(), Duration::from_micros(u64::from(Spin::MIN_US)));
        // A wait a longer spin would have caught restores the maximum at once.
        missed_after(&s, Duration::from_micros(150));
        assert_eq!(s.limit(), Duration::from_micros(100));
    }

    #[test]
    fn a_spin_that_sees_the_change_doubles_the_limit() {
        let s = Spin::new(100);
        for _ in 0..3 {
            missed_after(&s, Duration::from_millis(5));
        }
        let low = s.limit();
        let got = s.until(None, || true);
        if multi_cpu() {
            assert!(got.is_ok());
            assert_eq!(s.limit(), (low * 2).min(Duration::from_micros(100)));
        } else {
            assert!(got.is_err());
        }
    }

    #[test]
    fn a_spin_stops_at_the_deadline() {
        let s = Spin::new(100_000);
        let t = Instant::now();
        let got = s.until(Some(t + Duration::from_millis(2)), || false);
        assert!(got.is_err());
        assert!(t.elapsed() < Duration::from_millis(50));
    }
}
