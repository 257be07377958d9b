//! Tracing and profiling hooks (`sys.settrace`, `sys.setprofile`, native profilers such as
//! `_lsprof`): per-thread state and the events CPython 3.11 sends — `call`, `line`,
//! `return`, `exception`, `opcode` to the trace function (the local-trace protocol:
//! what the global function returns for `call` becomes `f_trace`), and `call`, `return`,
//! `c_call`, `c_return`, `c_exception` to the profile function.
//!
//! Cost when off: nothing per instruction; the only check on the normal path is one flag
//! read per frame switch. When a hook is set, the loop asks [`instrs`] for the instruction
//! slice of each frame it (re)enters:
//! - with a trace function, an empty one: every fetch misses the slice (the bounds check
//!   the loop already does) and goes through [`fetch`], which sends the events;
//! - with only a profile hook, a copy of the code's instructions in which the few that
//!   have events (returns, yields, calls and the instruction after each call, where a
//!   `c_return` is due) are jumps to [`TRAP`]` + ip`: the jump's target misses the slice
//!   and [`fetch`] sends the events and hands back the real instruction. Everything else
//!   runs at full speed. The `call` event is sent by [`instrs`] itself, as the loop enters
//!   the frame.

use std::cell::{Cell, RefCell};

use super::frame::Frame;
use super::frame_object;
use super::Vm;
use crate::bytecode::Instr;
use crate::objects::function::{code_of, Code};
use crate::objects::{types, Payload, PyRef, Value};
use crate::runtime::{Args, PyErr, PyResult};

/// Added to a frame's `ip` to make the loop's next fetch miss and go through [`fetch`],
/// which tells the loop to pick its instruction slice again: the loop picks it when it
/// enters a frame, so a frame running when a hook is set (by a native call it made)
/// needs this nudge.
const FETCH_MARK: usize = 1 << 40;

/// Jump targets from this one up are the event points of a profiled instruction copy:
/// `TRAP + ip` stands for the instruction at `ip` (code objects are far shorter).
const TRAP: u32 = 1 << 31;

/// After a native call returns to `frame`: if a hook is set now, route the frame's
/// next fetch through [`fetch`].
#[inline]
pub(crate) fn after_native_call(vm: &Vm, frame: &mut Frame) {
    if vm.hooks.active.get() {
        frame.ip |= FETCH_MARK;
    }
}

/// Profile events.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Event {
    Call,
    Return,
    CCall,
    CReturn,
    CException,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Return => "return",
            Event::CCall => "c_call",
            Event::CReturn => "c_return",
            Event::CException => "c_exception",
        }
    }
}

/// A profiler written in Rust: called with its own object, the event, and the code
/// object (`Call`/`Return`) or the native callable (`C*`).
pub type NativeHook = fn(&Vm, &PyRef, Event, &Value);

#[derive(Clone)]
enum Profiler {
    Off,
    Python(Value),
    Native(PyRef, NativeHook),
}

/// The hooks of one thread.
pub struct Hooks {
    /// A hook is set and none is running: frames fetch instructions through [`fetch`].
    pub(crate) active: Cell<bool>,
    trace: RefCell<Value>,
    profile: RefCell<Profiler>,
    /// Hooks running now (events are not reported from inside a hook).
    busy: Cell<u32>,
    /// Frames that got their `call` event (or were running when hooks were set), by
    /// address (never dereferenced), innermost last.
    entered: RefCell<Vec<*const Frame>>,
    /// Native calls reported by `c_call` whose `c_return` is due: the calling frame and
    /// the callable.
    pending_c: RefCell<Vec<(*const Frame, Value)>>,
}

impl Hooks {
    pub fn new() -> Hooks {
        Hooks {
            active: Cell::new(false),
            trace: RefCell::new(Value::None),
            profile: RefCell::new(Profiler::Off),
            busy: Cell::new(0),
            entered: RefCell::new(Vec::new()),
            pending_c: RefCell::new(Vec::new()),
        }
    }

    fn any_set(&self) -> bool {
        !self.trace.borrow().is_none() || !matches!(*self.profile.borrow(), Profiler::Off)
    }

    fn refresh(&self) {
        self.active.set(self.busy.get() == 0 && self.any_set());
    }
}

impl Default for Hooks {
    fn default() -> Self {
        Hooks::new()
    }
}

/// A hook was set or removed: the frames already running count as entered (they get no
/// `call` event); with no hook left the bookkeeping is dropped.
fn hooks_changed(vm: &Vm, was_set: bool) {
    let h = &vm.hooks;
    if !h.any_set() {
        h.entered.borrow_mut().clear();
        h.pending_c.borrow_mut().clear();
    } else if !was_set {
        let mut running: Vec<*const Frame> = frame_object::running_frames(vm);
        running.reverse();
        *h.entered.borrow_mut() = running;
    }
    h.refresh();
}

/// `sys.settrace(func)`.
pub fn set_trace(vm: &Vm, func: Value) {
    let was = vm.hooks.any_set();
    let old = vm.hooks.trace.replace(func);
    drop(old);
    hooks_changed(vm, was);
}

/// `sys.gettrace()`.
pub fn get_trace(vm: &Vm) -> Value {
    vm.hooks.trace.borrow().clone()
}

/// `sys.setprofile(func)`.
pub fn set_profile(vm: &Vm, func: Value) {
    let was = vm.hooks.any_set();
    let p = if func.is_none() { Profiler::Off } else { Profiler::Python(func) };
    let old = vm.hooks.profile.replace(p);
    drop(old);
    hooks_changed(vm, was);
}

/// Install a native profiler (`None` removes whatever profiler is set).
pub fn set_native_profile(vm: &Vm, p: Option<(PyRef, NativeHook)>) {
    let was = vm.hooks.any_set();
    let p = match p {
        Some((o, h)) => Profiler::Native(o, h),
        None => Profiler::Off,
    };
    let old = vm.hooks.profile.replace(p);
    drop(old);
    hooks_changed(vm, was);
}

/// Is `obj` the native profiler now installed on this thread?
pub fn native_profile_is(vm: &Vm, obj: &PyRef) -> bool {
    matches!(&*vm.hooks.profile.borrow(), Profiler::Native(o, _) if o.is(obj))
}

/// `sys.getprofile()`.
pub fn get_profile(vm: &Vm) -> Value {
    match &*vm.hooks.profile.borrow() {
        Profiler::Off => Value::None,
        Profiler::Python(f) => f.clone(),
        Profiler::Native(o, _) => Value::Obj(o.clone()),
    }
}

/// Run a hook with events off; an error from it removes the hook (as CPython does).
fn run_hook(vm: &Vm, f: impl FnOnce() -> PyResult<Value>) -> PyResult<Value> {
    let h = &vm.hooks;
    h.busy.set(h.busy.get() + 1);
    h.active.set(false);
    let r = f();
    h.busy.set(h.busy.get() - 1);
    h.refresh();
    r
}

/// Call the trace function `func` for `frame`; its result (when not `None`) becomes the
/// frame's local trace function. An error turns tracing off.
fn call_trace(vm: &Vm, func: &Value, frame: &Frame, event: &str, arg: Value) -> PyResult<()> {
    let fobj = frame_object::get(frame);
    let r = run_hook(vm, || crate::runtime::call::call(vm, func, Args::new(&[Value::Obj(fobj.clone()), Value::new_str(event), arg])));
    let Payload::Frame(fo) = &fobj.payload else { return Ok(()) };
    match r {
        Ok(v) => {
            if !v.is_none() {
                let old = fo.trace.replace(v);
                drop(old);
            }
            Ok(())
        }
        Err(e) => {
            set_trace(vm, Value::None);
            let old = fo.trace.replace(Value::None);
            drop(old);
            Err(e)
        }
    }
}

/// Send a profile event.
fn profile_event(vm: &Vm, frame: &Frame, event: Event, arg: Value) -> PyResult<()> {
    let p = vm.hooks.profile.borrow().clone();
    match p {
        Profiler::Off => Ok(()),
        Profiler::Native(obj, hook) => {
            let target = match event {
                Event::Call | Event::Return => Value::Obj(frame.code.clone()),
                _ => arg,
            };
            run_hook(vm, || {
                hook(vm, &obj, event, &target);
                Ok(Value::None)
            })?;
            Ok(())
        }
        Profiler::Python(func) => {
            let fobj = frame_object::get(frame);
            let r =
                run_hook(vm, || crate::runtime::call::call(vm, &func, Args::new(&[Value::Obj(fobj), Value::new_str(event.name()), arg])));
            if let Err(e) = r {
                set_profile(vm, Value::None);
                return Err(e);
            }
            Ok(())
        }
    }
}

/// The local trace function of `frame`, if it has one.
fn local_trace(frame: &Frame) -> Option<Value> {
    let fo = frame_object::existing(frame)?;
    let t = fo.trace.borrow();
    (!t.is_none()).then(|| t.clone())
}

/// Send `event` to the frame's local trace function (result replaces it unless `None`).
fn local_event(vm: &Vm, frame: &Frame, event: &str, arg: Value) -> PyResult<()> {
    if vm.hooks.trace.borrow().is_none() {
        return Ok(());
    }
    match local_trace(frame) {
        Some(f) => call_trace(vm, &f, frame, event, arg),
        None => Ok(()),
    }
}

/// The `call` event of a frame starting (or a generator resuming).
fn call_event(vm: &Vm, frame: &Frame) -> PyResult<()> {
    let global = vm.hooks.trace.borrow().clone();
    if !global.is_none() {
        call_trace(vm, &global, frame, "call", Value::None)?;
    }
    profile_event(vm, frame, Event::Call, Value::None)
}

/// The `return` event of a frame leaving with `v` (`None` when an exception leaves it).
fn return_event(vm: &Vm, frame: &Frame, v: Value) -> PyResult<()> {
    let me = frame as *const Frame;
    {
        let mut entered = vm.hooks.entered.borrow_mut();
        if let Some(i) = entered.iter().rposition(|&p| p == me) {
            entered.truncate(i);
        }
    }
    local_event(vm, frame, "return", v.clone())?;
    profile_event(vm, frame, Event::Return, v)
}

/// Report the `c_return` of a native call this frame made, if one is due.
fn finish_native_call(vm: &Vm, frame: &Frame, event: Event) -> PyResult<()> {
    let me = frame as *const Frame;
    let due = {
        let mut pending = vm.hooks.pending_c.borrow_mut();
        match pending.last() {
            Some((p, _)) if *p == me => pending.pop().map(|(_, c)| c),
            _ => None,
        }
    };
    match due {
        Some(callable) => profile_event(vm, frame, event, callable),
        None => Ok(()),
    }
}

/// Is `frame` starting (fresh, or a generator resuming) rather than getting control back
/// from a callee it made before hooks were set?
fn is_start(frame: &Frame, code: &crate::bytecode::CodeObject) -> bool {
    frame.ip == 0 || code.is_generator_like()
}

/// What the loop does after [`fetch`].
pub(crate) enum Fetched {
    Run(Instr),
    /// The frame ran off its end.
    End,
    /// Pick the instruction slice again (a hook was just set).
    Reload,
}

/// The instruction slice the loop runs `frame` with while a hook is active (see the
/// module header); with only a profile hook, also the `call` event of a frame starting.
pub(crate) fn instrs<'a>(vm: &Vm, frame: &mut Frame, c: &'a Code) -> PyResult<&'a [Instr]> {
    if !vm.hooks.trace.borrow().is_none() {
        return Ok(&[]);
    }
    let ip = frame.ip;
    if ip < c.code.instrs.len() {
        arrive(vm, frame, &c.code, ip)?;
    }
    Ok(c.profiled.get_or_init(|| profiled_copy(&c.code.instrs)))
}

/// Does `ins` call something (a native callee gets `c_call` before it and `c_return`
/// at the next instruction)?
fn is_call(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::Call { .. } | Instr::CallKw { .. } | Instr::CallMethod { .. } | Instr::CallMethodKw { .. } | Instr::CallFunctionEx { .. }
    )
}

/// `instrs` with every instruction that has profile events replaced by a jump to its trap.
fn profiled_copy(instrs: &[Instr]) -> Box<[Instr]> {
    let mut after_call = false;
    instrs
        .iter()
        .enumerate()
        .map(|(ip, ins)| {
            let trapped = after_call || is_call(ins) || matches!(ins, Instr::ReturnValue | Instr::YieldValue);
            after_call = is_call(ins);
            if trapped {
                Instr::JumpForward { target: TRAP + ip as u32 }
            } else {
                *ins
            }
        })
        .collect()
}

/// The events due as `frame` gets to the instruction at `at`: the `c_return` of the
/// native call it made, if one is pending, and the `call` event if the frame is starting.
fn arrive(vm: &Vm, frame: &Frame, code: &crate::bytecode::CodeObject, at: usize) -> PyResult<()> {
    let me = frame as *const Frame;
    if !vm.hooks.pending_c.borrow().is_empty() {
        finish_native_call(vm, frame, Event::CReturn)?;
    }
    let top = vm.hooks.entered.borrow().last().copied();
    if top != Some(me) {
        // (A frame at its first instruction is starting: no need to look for it.)
        let known = if at == 0 { None } else { vm.hooks.entered.borrow().iter().rposition(|&p| p == me) };
        match known {
            // Frames above it left without an event (dropped generators, errors).
            Some(i) => vm.hooks.entered.borrow_mut().truncate(i + 1),
            None => {
                vm.hooks.entered.borrow_mut().push(me);
                if is_start(frame, code) {
                    call_event(vm, frame)?;
                }
            }
        }
    }
    Ok(())
}

/// Fetch the next instruction of `frame`, sending the events due before it runs. Called
/// by the loop when its instruction slice has no entry at `ip`: every instruction while
/// tracing, the trapped ones (`ip` is `TRAP + ip`) while profiling.
pub(crate) fn fetch(vm: &Vm, frame: &mut Frame) -> PyResult<Fetched> {
    if frame.ip & FETCH_MARK != 0 {
        frame.ip &= !FETCH_MARK;
        return Ok(Fetched::Reload);
    }
    if frame.ip >= TRAP as usize {
        frame.ip -= TRAP as usize;
    }
    let Some(c) = code_of(&frame.code) else {
        return Err(PyErr::new("SystemError", "frame without code"));
    };
    let code = &c.code;
    let ins = code.instrs.get(frame.ip).copied();
    let done = match ins {
        Some(i) => Fetched::Run(i),
        None => Fetched::End,
    };
    if !vm.hooks.active.get() {
        return Ok(done);
    }
    let me = frame as *const Frame;
    let at = frame.ip;
    arrive(vm, frame, code, at)?;
    // While the other hooks run, the instruction counts as started (`f_lineno` is its
    // line, and an error from a hook is raised at it).
    frame.ip += 1;
    if !vm.hooks.trace.borrow().is_none() {
        line_events(vm, frame, code, at)?;
    }
    match ins {
        None => return_event(vm, frame, Value::None)?,
        Some(Instr::ReturnValue | Instr::YieldValue) => {
            let v = frame.stack.last().cloned().unwrap_or(Value::None);
            return_event(vm, frame, v)?;
        }
        Some(call) => {
            let bind = match &*vm.hooks.profile.borrow() {
                Profiler::Off => None,
                Profiler::Python(_) => Some(true),
                // Native profilers key builtins by function, not by receiver.
                Profiler::Native(..) => Some(false),
            };
            if let Some(bind) = bind {
                if let Some(callable) = native_callee(frame, call, bind) {
                    vm.hooks.pending_c.borrow_mut().push((me, callable.clone()));
                    profile_event(vm, frame, Event::CCall, callable)?;
                }
            }
        }
    }
    frame.ip = at;
    Ok(done)
}

/// `line` (and `opcode`) events for the instruction at `ip`, if the frame is traced.
fn line_events(vm: &Vm, frame: &Frame, code: &crate::bytecode::CodeObject, ip: usize) -> PyResult<()> {
    let Some(fo) = frame_object::existing(frame) else { return Ok(()) };
    if fo.trace.borrow().is_none() {
        return Ok(());
    }
    let prev = fo.last_traced.replace(ip);
    // gild's `while` jumps back to its test from a jump on the `while` line, where
    // CPython tests again at the bottom: that jump reports no line, its target does
    // (a `continue` further down keeps its own line).
    let loop_end = match code.instrs.get(ip) {
        Some(Instr::JumpBackward { target }) => code.line_of(ip) <= code.line_of(*target as usize),
        _ => false,
    };
    if fo.trace_lines.get() && !loop_end {
        if let Some(line) = code.line_of(ip) {
            let prev_line = if prev == usize::MAX { None } else { code.line_of(prev) };
            // A new line, or a backward jump (not the resumption of a `yield from`).
            let backward = prev != usize::MAX && ip <= prev && !matches!(code.instrs.get(prev), Some(Instr::Send { .. }));
            if prev_line != Some(line) || backward {
                local_event(vm, frame, "line", Value::None)?;
            }
        }
    }
    if fo.trace_opcodes.get() {
        local_event(vm, frame, "opcode", Value::None)?;
    }
    Ok(())
}

/// The native function a call instruction is about to call, if it is one (profilers see
/// calls of builtin functions and methods, not of types or Python functions); with `bind`,
/// a method descriptor called with its receiver comes bound to it.
fn native_callee(frame: &Frame, ins: Instr, bind: bool) -> Option<Value> {
    let stack = &frame.stack;
    let len = stack.len();
    if !matches!(
        ins,
        Instr::Call { .. } | Instr::CallKw { .. } | Instr::CallMethod { .. } | Instr::CallMethodKw { .. } | Instr::CallFunctionEx { .. }
    ) {
        return None;
    }
    // The callable is the deepest of the call's inputs.
    let at = len.checked_sub(ins.stack_io(false).0 as usize)?;
    let v = stack.get(at)?;
    match v.payload() {
        Some(Payload::NativeFunction(nf)) => {
            // A method descriptor called with its receiver: report it bound, as CPython.
            if bind && nf.is_method && nf.self_.is_none() && matches!(ins, Instr::CallMethod { .. } | Instr::CallMethodKw { .. }) {
                let recv = stack.get(at + 1)?;
                if !matches!(recv, Value::Obj(o) if o.is(&types().no_self)) {
                    return Some(crate::objects::function::bind_native(nf, recv.clone()));
                }
            }
            Some(v.clone())
        }
        _ => None,
    }
}

/// An exception is passing through `frame` (after its traceback entry was added, unless
/// it is re-raised there): `c_exception` for a native call it made, then the `exception`
/// trace event.
pub(crate) fn exception_event(vm: &Vm, frame: &Frame, err: &PyErr, reraised: bool) -> PyResult<()> {
    if !vm.hooks.pending_c.borrow().is_empty() {
        finish_native_call(vm, frame, Event::CException)?;
    }
    if reraised || vm.hooks.trace.borrow().is_none() {
        return Ok(());
    }
    let exc = Value::Obj(err.exc.clone());
    let tb = crate::objects::exception::exc_data(&exc).and_then(|d| d.borrow().traceback.clone()).map(Value::Obj).unwrap_or(Value::None);
    let arg = Value::new_tuple(vec![Value::Obj(exc.class().clone()), exc, tb]);
    local_event(vm, frame, "exception", arg)
}

/// An exception leaves `frame`: its `return` event with `None`.
pub(crate) fn unwound(vm: &Vm, frame: &Frame) -> PyResult<()> {
    return_event(vm, frame, Value::None)
}
