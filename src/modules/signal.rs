//! Signals: the C handler (which only records the signal and sets the eval-breaker bit),
//! the per-thread signal masks, running Python handlers in the main thread at its next
//! breaker check, and the `signal` module basics (`signal`, `getsignal`, `SIG_DFL`,
//! `SIG_IGN`, `default_int_handler`, `alarm`, `raise_signal`, the `SIG*` numbers).
//!
//! SIGINT's default Python handler is `default_int_handler`, which raises
//! `KeyboardInterrupt`. Python threads other than the main one block asynchronous
//! signals, so the kernel delivers them to the main thread and interrupts its blocking
//! calls (`EINTR`), as CPython arranges.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::objects::function::native;
use crate::objects::{dict, module, types, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{call, Args, PyErr, PyResult};
use crate::vm::{Vm, BREAK_SIGNAL, EVAL_BREAKER};

/// One past the highest signal number (Linux).
pub const NSIG: usize = 65;

#[allow(clippy::declare_interior_mutable_const)]
const UNSET: AtomicBool = AtomicBool::new(false);
static PENDING: [AtomicBool; NSIG] = [UNSET; NSIG];

/// Python-level handlers by signal number (`None`: never set from Python).
static HANDLERS: once_cell::sync::OnceCell<GilShared<RefCell<Vec<Option<Value>>>>> = once_cell::sync::OnceCell::new();

fn handlers() -> &'static RefCell<Vec<Option<Value>>> {
    HANDLERS.get_or_init(|| GilShared::new(RefCell::new(vec![None; NSIG]))).get()
}

extern "C" fn on_signal(sig: libc::c_int) {
    // Async-signal-safe: atomic stores only.
    if let Some(p) = PENDING.get(sig as usize) {
        p.store(true, Ordering::SeqCst);
    }
    EVAL_BREAKER.fetch_or(BREAK_SIGNAL, Ordering::SeqCst);
}

fn set_c_handler(sig: i32, action: libc::sighandler_t) -> bool {
    // SAFETY: `sigaction` with a zeroed struct, an emptied mask, and a handler that only
    // touches atomics (or SIG_DFL / SIG_IGN).
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = action;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(sig, &sa, std::ptr::null_mut()) == 0
    }
}

fn our_handler() -> libc::sighandler_t {
    on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
}

/// Start-up, on the main interpreter thread: SIGINT raises `KeyboardInterrupt`, and this
/// thread receives every signal (the launching thread blocks them).
pub fn install_default() {
    set_c_handler(libc::SIGINT, our_handler());
    // SAFETY: an empty signal set built with `sigemptyset`.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::pthread_sigmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
    }
}

/// Block the asynchronous signals in the calling thread (every thread but the main one),
/// so they are delivered to the main thread.
pub fn block_in_thread() {
    // SAFETY: as above; synchronous fault signals stay unblocked.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP, libc::SIGABRT] {
            libc::sigdelset(&mut set, s);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// A signal waits to be handled by the main thread (read by blocking waits).
pub fn pending() -> bool {
    EVAL_BREAKER.load(Ordering::Relaxed) & BREAK_SIGNAL != 0
}

/// Simulate the arrival of `sig` (`_thread.interrupt_main`, `raise_signal` of a handled one).
pub fn trip(sig: i32) {
    on_signal(sig);
}

/// Run the Python handlers of the pending signals (main thread, at a breaker check).
pub fn run_pending(vm: &Vm) -> PyResult<()> {
    EVAL_BREAKER.fetch_and(!BREAK_SIGNAL, Ordering::AcqRel);
    for sig in 1..NSIG {
        if !PENDING[sig].swap(false, Ordering::AcqRel) {
            continue;
        }
        let h = handlers().borrow().get(sig).cloned().flatten();
        let r = match h {
            Some(f) if !matches!(f, Value::Int(_)) => call::call(vm, &f, Args::new(&[Value::Int(sig as i64), Value::None])).map(|_| ()),
            Some(_) => Ok(()),
            None if sig == libc::SIGINT as usize => Err(keyboard_interrupt()),
            None => Ok(()),
        };
        if let Err(e) = r {
            // Leave the others for the next check.
            if PENDING.iter().any(|p| p.load(Ordering::Relaxed)) {
                EVAL_BREAKER.fetch_or(BREAK_SIGNAL, Ordering::SeqCst);
            }
            return Err(e);
        }
    }
    Ok(())
}

fn keyboard_interrupt() -> PyErr {
    PyErr::with_args(types().exc.get("KeyboardInterrupt"), vec![])
}

fn default_int_handler(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Err(keyboard_interrupt())
}

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

fn signum_arg(v: &Value) -> PyResult<usize> {
    let n = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::objects::typeobj::type_name(v)
            )))
        }
    };
    if n < 1 || n as usize >= NSIG {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n as usize)
}

/// The handler `getsignal` reports for `sig` before Python set one.
fn initial_handler(sig: usize) -> Value {
    if sig == libc::SIGINT as usize {
        return native("default_int_handler", default_int_handler);
    }
    // SAFETY: querying the current action into a zeroed struct.
    let cur = unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig as i32, std::ptr::null(), &mut sa);
        sa.sa_sigaction
    };
    Value::Int(if cur == libc::SIG_IGN { SIG_IGN } else { SIG_DFL })
}

fn current_handler(sig: usize) -> Value {
    let h = handlers().borrow()[sig].clone();
    h.unwrap_or_else(|| {
        let v = initial_handler(sig);
        handlers().borrow_mut()[sig] = Some(v.clone());
        v
    })
}

fn sig_getsignal(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("getsignal")?;
    let pos = args.check_count("getsignal", 1, 1)?;
    Ok(current_handler(signum_arg(&pos[0])?))
}

fn sig_signal(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("signal")?;
    let pos = args.check_count("signal", 2, 2)?;
    let handler = pos[1].clone();
    let action = match &handler {
        Value::Int(SIG_DFL) => libc::SIG_DFL,
        Value::Int(SIG_IGN) => libc::SIG_IGN,
        h if super::builtins::is_callable(h) => our_handler(),
        _ => return Err(PyErr::type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    if !vm.is_main {
        return Err(PyErr::value_error("signal only works in main thread of the main interpreter"));
    }
    let sig = signum_arg(&pos[0])?;
    let old = current_handler(sig);
    if !set_c_handler(sig as i32, action) {
        return Err(super::os_error::from_errno(libc::EINVAL, None, None));
    }
    handlers().borrow_mut()[sig] = Some(handler);
    Ok(old)
}

fn sig_alarm(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("alarm", 1, 1)?;
    let secs = crate::runtime::argparse::index_arg(vm, &pos[0])?;
    // SAFETY: `alarm` has no memory preconditions.
    Ok(Value::Int(unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as u32) } as i64))
}

fn sig_raise_signal(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("raise_signal", 1, 1)?;
    let sig = signum_arg(&pos[0])?;
    // Other threads block signals: send it to the process, which delivers it to the main
    // thread (where CPython would run the handler anyway).
    // SAFETY: `raise`/`kill` only send a signal.
    let r = unsafe {
        if vm.is_main {
            libc::raise(sig as i32)
        } else {
            libc::kill(libc::getpid(), sig as i32)
        }
    };
    if r != 0 {
        return Err(super::os_error::from_errno(libc::EINVAL, None, None));
    }
    vm.check_breaker()?;
    Ok(Value::None)
}

const NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
];

/// Create the `signal` module.
pub fn create(name: &str) -> PyRef {
    let m = module::new_module(name);
    let Some(d) = module::globals(&m) else { return m };
    let fns: &[(&'static str, crate::objects::NativeFn)] =
        &[("signal", sig_signal), ("getsignal", sig_getsignal), ("alarm", sig_alarm), ("raise_signal", sig_raise_signal)];
    for (n, f) in fns {
        dict::set_str(&d, n, native(n, *f));
    }
    dict::set_str(&d, "default_int_handler", current_handler(libc::SIGINT as usize));
    dict::set_str(&d, "SIG_DFL", Value::Int(SIG_DFL));
    dict::set_str(&d, "SIG_IGN", Value::Int(SIG_IGN));
    dict::set_str(&d, "NSIG", Value::Int(NSIG as i64));
    for (n, v) in NAMES {
        dict::set_str(&d, n, Value::Int(*v as i64));
    }
    m
}
