//! The virtual machine: per-thread state ([`Vm`]), the interpreter-wide state shared by
//! threads ([`Interp`]: `sys.modules`, `builtins`), and running frames. Python-to-Python
//! calls do not recurse on the Rust stack: the run loop keeps callers on `Vm::frames` and
//! switches frames in place (DESIGN §4). Native code calling back into Python starts a
//! nested run, bounded by the same recursion limit.
//!
//! Files: `interp.rs` (the dispatch loop, dispatch only), `frame.rs` (frames, argument
//! binding), `frame_object.rs` (lazily created frame objects, `sys._getframe`), `trace.rs`
//! (`sys.settrace`/`setprofile` events), `unwind.rs` (exception table, traceback entries, context chaining),
//! `traceback.rs` (CPython-format traceback printing), `generator.rs`, `import.rs`,
//! `class.rs` (`__build_class__`), `matching.rs` (`match` statement checks).

pub mod class;
pub mod frame;
pub mod frame_object;
pub mod generator;
pub mod import;
pub mod instr;
pub mod interp;
pub mod matching;
pub mod pycache;
pub mod stack;
pub mod stdlib;
pub mod trace;
pub mod traceback;
pub mod unwind;

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::objects::{PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{Args, PyErr, PyResult};
use frame::Frame;

/// Default `sys.getrecursionlimit()`.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// Interpreter-wide state, shared by all threads under the GIL.
pub struct Interp {
    /// `sys.modules`.
    pub modules: PyRef,
    /// The `builtins` module and its dict.
    pub builtins_module: PyRef,
    pub builtins: PyRef,
    pub sys: PyRef,
    pub recursion_limit: Cell<usize>,
    pub config: crate::Config,
}

static INTERP: once_cell::sync::OnceCell<GilShared<Interp>> = once_cell::sync::OnceCell::new();

/// The eval-breaker word (DESIGN §5): checked at function entry and backward jumps.
pub static EVAL_BREAKER: AtomicU32 = AtomicU32::new(0);
/// `EVAL_BREAKER` bit: a signal arrived; its Python handler runs in the main thread
/// (`modules::signal`). The GIL's bits (`BREAK_DROP` = 2, `BREAK_TICK` = 4) are in
/// `runtime::gil`.
pub const BREAK_SIGNAL: u32 = 1;
/// `EVAL_BREAKER` bit: generation 0 of the cycle collector is full (`runtime::gc`).
pub const BREAK_GC: u32 = 8;

/// The interpreter state. Panics before [`Vm::init`] (an interpreter bug).
pub fn interp() -> &'static Interp {
    match INTERP.get() {
        Some(i) => i.get(),
        None => panic!("interpreter used before initialisation"),
    }
}

#[cold]
#[inline(never)]
fn recursion_error() -> PyErr {
    PyErr::new("RecursionError", "maximum recursion depth exceeded")
}

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// The state of one Python thread. Lives on that thread only (object handles are
/// `!Send`).
pub struct Vm {
    /// Python call depth, checked against the recursion limit.
    pub depth: Cell<usize>,
    /// The exception being handled (`sys.exc_info()`), or `None`.
    pub exc_info: RefCell<Value>,
    /// Set by re-raising instructions: the next error must not add a traceback entry for
    /// the current frame (CPython's `exception_unwind` path).
    pub(crate) reraise: Cell<bool>,
    /// Finished frames kept for their allocations (value stack, locals, cells).
    pub(crate) frame_pool: RefCell<Vec<Box<Frame>>>,
    /// The caller's namespaces, set just before calling a native function that reads its
    /// frame (`locals()`, `dir()`, ...).
    pub(crate) frame_view: RefCell<Option<frame::FrameView>>,
    /// The running Python frame (its callers are reached through `Frame::back`); null
    /// when no Python code runs. Read by `frame_object` only.
    pub(crate) current: Cell<*const Frame>,
    /// `sys.settrace` / `sys.setprofile` state of this thread.
    pub(crate) hooks: trace::Hooks,
    /// The main thread's state (the one that receives `KeyboardInterrupt`).
    pub is_main: bool,
}

impl Vm {
    /// Start the interpreter (types, `builtins`, `sys`) and return the main thread's state.
    pub fn init(config: crate::Config) -> Vm {
        crate::objects::init_types();
        crate::modules::signal::install_default();
        crate::runtime::gil::acquire();
        INTERP.get_or_init(|| {
            let modules = crate::objects::dict::new_dict();
            let (builtins_module, builtins) = crate::modules::builtins::create();
            let sys = crate::modules::sys::create(&config, &modules);
            crate::objects::dict::set_str(&modules, "builtins", Value::Obj(builtins_module.clone()));
            crate::objects::dict::set_str(&modules, "sys", Value::Obj(sys.clone()));
            GilShared::new(Interp { modules, builtins_module, builtins, sys, recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT), config })
        });
        crate::runtime::heap::set_finalize_hook(class::run_del);
        crate::modules::gil_module::configure(&interp().config);
        Vm { is_main: true, ..Vm::new() }
    }

    /// A thread state (the interpreter must be initialised).
    pub fn new() -> Vm {
        Vm {
            depth: Cell::new(0),
            exc_info: RefCell::new(Value::None),
            reraise: Cell::new(false),
            frame_pool: RefCell::new(Vec::new()),
            frame_view: RefCell::new(None),
            current: Cell::new(std::ptr::null()),
            hooks: trace::Hooks::new(),
            is_main: false,
        }
    }

    /// The namespaces of the Python frame calling the running native function.
    pub fn caller_view(&self) -> Option<frame::FrameView> {
        if let Some(v) = self.frame_view.borrow_mut().take() {
            return Some(v);
        }
        let p = self.current.get();
        // SAFETY: `current` points at the running frame while Python code runs (see
        // `frame_object::running`); the native function asking runs on its behalf.
        (!p.is_null()).then(|| frame::FrameView::of(unsafe { &*p }))
    }

    /// Enter a Python frame: count it against the recursion limit.
    #[inline]
    pub(crate) fn enter(&self) -> PyResult<()> {
        let d = self.depth.get() + 1;
        if d > interp().recursion_limit.get() {
            return Err(recursion_error());
        }
        self.depth.set(d);
        Ok(())
    }

    pub(crate) fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    /// Keep a finished frame's allocations for the next call. Its locals and stack are
    /// released now, so objects die when the function returns, as in CPython; the code
    /// and globals references are replaced on reuse.
    #[inline(always)]
    pub(crate) fn recycle_frame(&self, mut frame: Box<Frame>) {
        if frame.obj.get().is_some() {
            frame_object::detach(&mut frame);
        }
        if !frame.stack.is_empty() {
            frame.stack.clear();
        }
        frame.fast.clear();
        if !frame.cells.is_empty() {
            frame.cells.clear();
        }
        if frame.locals.is_some() {
            frame.locals = None;
        }
        if frame.init_self.is_some() {
            frame.init_self = None;
        }
        let mut pool = self.frame_pool.borrow_mut();
        if pool.len() < 32 {
            pool.push(frame);
        }
    }

    /// Run `frame` to completion (or to its first yield). Returns the frame back when it
    /// yielded, so a generator can keep it.
    pub fn run(&self, frame: Box<Frame>) -> (Option<Box<Frame>>, PyResult<Exit>) {
        if let Err(e) = self.enter() {
            return (None, Err(e));
        }
        let r = interp::run_loop(self, frame);
        self.leave();
        r
    }

    /// Call a Python function object from native code (a nested run).
    pub fn call_function(&self, func_obj: &PyRef, args: Args) -> PyResult<Value> {
        let crate::objects::Payload::Function(func) = &func_obj.payload else {
            return Err(PyErr::type_error("not a function"));
        };
        let frame = frame::bind_call(self, func, None, args)?;
        if frame.code_data().code.is_generator_like() {
            return Ok(generator::new_generator(frame, func));
        }
        match self.run(frame) {
            (_, Ok(Exit::Return(v))) => Ok(v),
            (_, Ok(Exit::Yield(_))) => Err(PyErr::new("SystemError", "unexpected yield")),
            (_, Err(e)) => Err(e),
        }
    }

    /// Run module-level code with `globals` as its namespace.
    pub fn run_code(&self, code: PyRef, globals: &PyRef) -> PyResult<Value> {
        self.run_code_in(code, globals, globals)
    }

    /// Run code with separate globals and locals mappings (`exec`/`eval` with both given).
    pub fn run_code_in(&self, code: PyRef, globals: &PyRef, locals: &PyRef) -> PyResult<Value> {
        if crate::objects::dict::get_str(globals, "__builtins__").is_none() {
            crate::objects::dict::set_str(globals, "__builtins__", Value::Obj(interp().builtins_module.clone()));
        }
        let frame = Frame::for_module(code, globals.clone(), locals.clone(), interp().builtins.clone());
        match self.run(frame) {
            (_, Ok(Exit::Return(v))) => Ok(v),
            (_, Ok(Exit::Yield(_))) => Err(PyErr::new("SystemError", "unexpected yield")),
            (_, Err(e)) => Err(e),
        }
    }

    /// Check the eval breaker (function entry and backward jumps).
    #[inline]
    pub fn check_breaker(&self) -> PyResult<()> {
        if EVAL_BREAKER.load(Ordering::Relaxed) == 0 {
            return Ok(());
        }
        self.handle_breaker()
    }

    #[cold]
    fn handle_breaker(&self) -> PyResult<()> {
        let bits = EVAL_BREAKER.load(Ordering::Acquire);
        if bits & BREAK_GC != 0 {
            EVAL_BREAKER.fetch_and(!BREAK_GC, Ordering::AcqRel);
            crate::runtime::gc::collect_auto(self);
        }
        if bits & BREAK_SIGNAL != 0 && self.is_main {
            crate::modules::signal::run_pending(self)?;
        }
        if bits & (crate::runtime::gil::BREAK_DROP | crate::runtime::gil::BREAK_TICK | crate::runtime::gil::BREAK_WAKE) != 0 {
            crate::runtime::gil::on_breaker(bits);
        }
        Ok(())
    }
}

/// Interpreter shutdown: join the non-daemon threads, run the `atexit` functions, then clear the namespaces of the
/// imported modules, most recently imported first (so `__del__` of objects still referenced
/// by globals runs, as in CPython's module finalisation): names starting with one
/// underscore, then the rest, `__builtins__` kept; finally a full cycle collection.
pub fn finalize(vm: &Vm) {
    join_threads(vm);
    crate::modules::atexit::run_exitfuncs(vm);
    crate::runtime::gil::begin_finalize();
    crate::objects::function::exiting();
    clear_modules(vm);
    crate::modules::gil_module::at_exit(&interp().config);
}

/// Wait for the non-daemon threads (`threading._shutdown()`, if `threading` was imported).
fn join_threads(vm: &Vm) {
    let Some(m) = crate::objects::dict::get_str(&interp().modules, "threading") else { return };
    if let Err(e) = crate::runtime::call::call_method(vm, &m, "_shutdown", &[]) {
        traceback::print_unraisable(vm, "Exception ignored on threading shutdown:", &e);
    }
}

fn clear_modules(vm: &Vm) {
    let modules: Vec<Value> = crate::objects::dict::items(&interp().modules).into_iter().map(|(_, m)| m).collect();
    for m in modules.iter().rev() {
        let Some(o) = m.as_obj() else { continue };
        if !matches!(o.payload, crate::objects::Payload::Module(_)) {
            continue;
        }
        if o.is(&interp().builtins_module) || o.is(&interp().sys) {
            continue;
        }
        let Some(d) = o.dict.borrow().clone() else { continue };
        for underscore_pass in [true, false] {
            for key in crate::objects::dict::keys(&d) {
                let Some(k) = key.as_str().map(|s| s.as_str()) else { continue };
                let single_underscore = k.starts_with('_') && !k.starts_with("__");
                if k == "__builtins__" || (underscore_pass && !single_underscore) {
                    continue;
                }
                crate::objects::dict::set_str_key(&d, &key, Value::None);
            }
        }
    }
    // Cycles that only the module namespaces kept alive are collected now, so their
    // finalisers run before exit as in CPython.
    crate::runtime::gc::collect(vm, 2, "shutdown");
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}
