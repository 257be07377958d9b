//! The global interpreter lock, and [`GilShared`]: the one wrapper that lets GIL-guarded
//! data (the builtin-type registry, interpreter state) sit in a `static`.
//!
//! Discipline (DESIGN §5): object handles are `!Send`, so objects cannot leave the thread
//! that holds them; code runs without the GIL only inside [`allow_threads`], whose closure
//! must be `Send` (it cannot capture object handles). Until the threads issue lands there is
//! one Python thread, which takes the GIL at start-up and gives it up only in
//! `allow_threads`.

use parking_lot::{Mutex, MutexGuard};

/// Data that may only be touched while the GIL is held.
///
/// # Safety argument
/// `Sync`/`Send` are asserted because every access happens on a thread that holds the GIL:
/// the wrapped values are created during start-up (GIL held) and then only read by threads
/// running Python code, which hold the GIL by construction. Reference counts of the
/// objects inside change only under the GIL.
pub struct GilShared<T>(T);

// SAFETY: see the type's documentation — all access is serialised by the GIL.
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

static GIL: Mutex<()> = Mutex::new(());

thread_local! {
    static HELD: std::cell::RefCell<Option<MutexGuard<'static, ()>>> = const { std::cell::RefCell::new(None) };
}

/// Take the GIL for the current thread (blocking).
pub fn acquire() {
    let guard = GIL.lock();
    HELD.with(|h| *h.borrow_mut() = Some(guard));
}

/// Release the GIL held by the current thread.
pub fn release() {
    HELD.with(|h| h.borrow_mut().take());
}

/// Run `f` without the GIL (blocking I/O, sleeps). `f` is `Send`, so it cannot touch
/// Python objects.
pub fn allow_threads<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    release();
    let r = f();
    acquire();
    r
}
