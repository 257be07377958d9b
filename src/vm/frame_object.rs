//! Frame objects (`types.FrameType`): the Python view of a VM frame, created lazily the
//! first time something asks for it (`sys._getframe`, a traceback entry, a trace or
//! profile function). While the VM frame exists (running, waiting for a callee, or
//! suspended in a generator) the object reads it directly, so `f_lineno` and `f_locals`
//! are live; when the frame finishes, [`detach`] moves the state the object still needs
//! (locals, position, caller) into it — CPython 3.11 keeps frames and their objects in the
//! same two-level way. Nothing here runs unless a frame object exists: the only cost on
//! a call is keeping `Frame::back` and `Vm::current` up to date.
//!
//! Owns: the `frame` type's attributes and `clear()`, `sys._getframe`, walking the
//! chain of running frames. Not the tracing events (`vm::trace`).

use std::cell::{Cell, RefCell};

use super::frame::Frame;
use super::Vm;
use crate::objects::function::{add_properties, code_of, NativeFn};
use crate::objects::{dict, types, Payload, PyRef, Value};
use crate::runtime::{Args, PyErr, PyResult};

/// The payload of a frame object.
pub struct FrameObject {
    /// The VM frame while it exists; null once it finished (then `done` holds its state).
    ///
    /// Invariant: a non-null pointer is valid. The pointee is the heap part of a
    /// `Box<Frame>` (its address survives moves of the box), whose `obj` holds this
    /// object; every path that frees or recycles a frame with an object calls [`detach`]
    /// first (`Vm::recycle_frame`, `Drop for Frame`), which nulls the pointer. The object
    /// only reads through it, under the GIL, from native code called by the frame's
    /// thread (or by another thread while this one waits for the GIL).
    live: Cell<*const Frame>,
    code: PyRef,
    globals: PyRef,
    builtins: PyRef,
    /// The locals mapping of module and class-body frames.
    ns_locals: Option<PyRef>,
    done: RefCell<Option<Finished>>,
    /// The dict `f_locals` returns for function frames (refreshed on each access, as
    /// CPython's `PyFrame_FastToLocals`).
    locals_dict: RefCell<Option<PyRef>>,
    /// `f_trace`, `f_trace_lines`, `f_trace_opcodes`.
    pub trace: RefCell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    /// The instruction of the last `line` check (`usize::MAX` before the first).
    pub(crate) last_traced: Cell<usize>,
}

/// What a finished frame leaves behind.
struct Finished {
    fast: Vec<Option<Value>>,
    cells: Vec<PyRef>,
    ip: usize,
    back: Option<PyRef>,
}

/// The state a frame object reads: the live frame or what it left.
enum State<'a> {
    Live(&'a Frame),
    Done(&'a Finished),
}

impl FrameObject {
    fn with_state<R>(&self, f: impl FnOnce(State) -> R) -> R {
        let p = self.live.get();
        if !p.is_null() {
            // SAFETY: see the invariant on `live`.
            return f(State::Live(unsafe { &*p }));
        }
        match self.done.borrow().as_ref() {
            Some(d) => f(State::Done(d)),
            None => f(State::Done(&Finished { fast: Vec::new(), cells: Vec::new(), ip: 0, back: None })),
        }
    }

    /// Index of the next instruction.
    fn ip(&self) -> usize {
        self.with_state(|s| match s {
            State::Live(fr) => fr.ip,
            State::Done(d) => d.ip,
        })
    }

    /// The line being run (the `def` line before a generator starts).
    pub fn lineno(&self) -> Option<u32> {
        let c = code_of(&self.code)?;
        match self.ip() {
            0 => Some(c.code.firstlineno),
            ip => c.code.line_of(ip - 1),
        }
    }

    pub fn code(&self) -> &PyRef {
        &self.code
    }

    /// Is the VM frame still there?
    pub fn is_live(&self) -> bool {
        !self.live.get().is_null()
    }
}

/// The frame object of `frame`, created on first use.
pub fn get(frame: &Frame) -> PyRef {
    frame
        .obj
        .get_or_init(|| {
            let fo = FrameObject {
                live: Cell::new(frame as *const Frame),
                code: frame.code.clone(),
                globals: frame.globals.clone(),
                builtins: frame.builtins.clone(),
                ns_locals: frame.locals.clone(),
                done: RefCell::new(None),
                locals_dict: RefCell::new(None),
                trace: RefCell::new(Value::None),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
                last_traced: Cell::new(frame.ip.checked_sub(1).unwrap_or(usize::MAX)),
            };
            PyRef::new(&types().frame, Payload::Frame(Box::new(fo)))
        })
        .clone()
}

/// The frame object of `frame` if one was created.
#[inline]
pub fn existing(frame: &Frame) -> Option<&FrameObject> {
    match &frame.obj.get()?.payload {
        Payload::Frame(fo) => Some(fo),
        _ => None,
    }
}

/// The references a frame object owns, for the cycle collector: not those of a frame
/// still running (the frame owns them).
pub fn traverse(f: &FrameObject, visit: &mut dyn FnMut(&PyRef)) {
    let v = |x: &Value, visit: &mut dyn FnMut(&PyRef)| {
        if let Value::Obj(o) = x {
            visit(o);
        }
    };
    visit(&f.code);
    visit(&f.globals);
    visit(&f.builtins);
    if let Some(ns) = &f.ns_locals {
        visit(ns);
    }
    if let Ok(d) = f.locals_dict.try_borrow() {
        if let Some(d) = d.as_ref() {
            visit(d);
        }
    }
    if let Ok(t) = f.trace.try_borrow() {
        v(&t, visit);
    }
    if let Ok(done) = f.done.try_borrow() {
        if let Some(done) = done.as_ref() {
            for x in done.fast.iter().flatten() {
                v(x, visit);
            }
            for c in &done.cells {
                visit(c);
            }
            if let Some(b) = &done.back {
                visit(b);
            }
        }
    }
}

/// Drop the references a frame object holds for its finished frame (the cycle collector
/// breaking a cycle through them, e.g. a frame whose own local refers to its frame
/// object). A live frame's object is reachable from its frame and never cleared.
pub fn clear(f: &FrameObject, dropped: &mut Vec<Value>) {
    if let Ok(mut done) = f.done.try_borrow_mut() {
        if let Some(done) = done.as_mut() {
            dropped.extend(std::mem::take(&mut done.fast).into_iter().flatten());
            dropped.extend(std::mem::take(&mut done.cells).into_iter().map(Value::Obj));
            dropped.extend(done.back.take().map(Value::Obj));
        }
    }
    if let Ok(mut d) = f.locals_dict.try_borrow_mut() {
        dropped.extend(d.take().map(Value::Obj));
    }
    if let Ok(mut t) = f.trace.try_borrow_mut() {
        dropped.push(std::mem::replace(&mut *t, Value::None));
    }
}

/// `frame` is finishing: its object keeps the locals, position and caller.
#[cold]
#[inline(never)]
pub(crate) fn detach(frame: &mut Frame) {
    let Some(obj) = frame.obj.take() else { return };
    let Payload::Frame(fo) = &obj.payload else { return };
    // SAFETY: `back` is null or the frame that was running when this one started, which
    // outlives it (it is this frame's caller, waiting for it to finish).
    let back = if frame.back.is_null() { None } else { Some(get(unsafe { &*frame.back })) };
    *fo.done.borrow_mut() =
        Some(Finished { fast: std::mem::take(&mut frame.fast), cells: std::mem::take(&mut frame.cells), ip: frame.ip, back });
    fo.live.set(std::ptr::null());
}

fn frame_of(v: &Value) -> PyResult<&FrameObject> {
    match v.payload() {
        Some(Payload::Frame(f)) => Ok(f),
        _ => Err(PyErr::type_error("descriptor requires a 'frame' object")),
    }
}

fn self_frame<'a>(args: &'a Args) -> PyResult<&'a FrameObject> {
    frame_of(args.pos().first().unwrap_or(&Value::None))
}

/// The running frames of this thread, innermost first.
fn running(vm: &Vm) -> impl Iterator<Item = &Frame> {
    let mut p = vm.current.get();
    std::iter::from_fn(move || {
        if p.is_null() {
            return None;
        }
        // SAFETY: `Vm::current` and the `back` links only point at frames that are
        // running (each waits for the one it points back from).
        let f = unsafe { &*p };
        p = f.back;
        Some(f)
    })
}

/// The addresses of the running frames, innermost first.
pub(crate) fn running_frames(vm: &Vm) -> Vec<*const Frame> {
    running(vm).map(|f| f as *const Frame).collect()
}

/// `sys._getframe([depth])`.
pub fn sys_getframe(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_getframe")?;
    let pos = args.check_count("_getframe", 0, 1)?;
    let depth = match pos.first() {
        Some(v) => crate::objects::int::as_bigint(v).ok_or_else(|| {
            PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", crate::objects::typeobj::type_name(v)))
        })?,
        None => num_bigint::BigInt::from(0),
    };
    let depth = num_traits::ToPrimitive::to_usize(&depth).unwrap_or(if depth.sign() == num_bigint::Sign::Minus { 0 } else { usize::MAX });
    match running(vm).nth(depth) {
        Some(f) => Ok(Value::Obj(get(f))),
        None => Err(PyErr::value_error("call stack is not deep enough")),
    }
}

/// The frame object of the innermost running frame of `code`.
pub fn running_with_code(vm: &Vm, code: &PyRef) -> Option<PyRef> {
    running(vm).find(|f| f.code.is(code)).map(get)
}

/// The frame object of the running Python frame, if any.
pub fn current(vm: &Vm) -> Option<PyRef> {
    running(vm).next().map(get)
}

fn f_back(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_frame(&args)?;
    let _ = vm;
    Ok(f.with_state(|s| match s {
        State::Live(fr) if !fr.back.is_null() => {
            // SAFETY: as in `running`: a set `back` points at the running caller.
            Value::Obj(get(unsafe { &*fr.back }))
        }
        State::Live(_) => Value::None,
        State::Done(d) => d.back.clone().map(Value::Obj).unwrap_or(Value::None),
    }))
}

fn f_code(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Obj(self_frame(&args)?.code.clone()))
}

fn f_globals(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Obj(self_frame(&args)?.globals.clone()))
}

fn f_builtins(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Obj(self_frame(&args)?.builtins.clone()))
}

/// `f_locals`: the namespace of module and class frames; for functions a dict of the
/// bound local, cell and free variables, refreshed on each access.
pub fn locals(f: &FrameObject) -> PyRef {
    if let Some(ns) = &f.ns_locals {
        return ns.clone();
    }
    let d = f.locals_dict.borrow_mut().get_or_insert_with(dict::new_dict).clone();
    let Some(c) = code_of(&f.code) else { return d };
    let code = &c.code;
    f.with_state(|s| {
        let (fast, cells) = match s {
            State::Live(fr) => (&fr.fast[..], &fr.cells[..]),
            State::Done(done) => (&done.fast[..], &done.cells[..]),
        };
        for (name, v) in code.varnames.iter().zip(fast) {
            match v {
                Some(v) => dict::set_str(&d, name, v.clone()),
                None => {
                    dict::del_str(&d, name);
                }
            }
        }
        for (name, cell) in code.cellvars.iter().chain(code.freevars.iter()).zip(cells) {
            let v = match &cell.payload {
                Payload::Cell(c) => c.borrow().clone(),
                _ => None,
            };
            match v {
                Some(v) => dict::set_str(&d, name, v),
                None => {
                    dict::del_str(&d, name);
                }
            }
        }
    });
    d
}

fn f_locals(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Obj(locals(self_frame(&args)?)))
}

fn f_lineno(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(self_frame(&args)?.lineno().map(|l| Value::Int(l as i64)).unwrap_or(Value::None))
}

fn f_lasti(_vm: &Vm, args: Args) -> PyResult<Value> {
    let ip = self_frame(&args)?.ip();
    Ok(Value::Int(if ip == 0 { -1 } else { 2 * (ip as i64 - 1) }))
}

fn f_trace(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(self_frame(&args)?.trace.borrow().clone())
}

fn set_f_trace(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_frame(&args)?;
    let v = args.pos().get(1).cloned().unwrap_or(Value::None);
    let old = f.trace.replace(v);
    drop(old);
    Ok(Value::None)
}

fn bool_arg(args: &Args, what: &str) -> PyResult<bool> {
    match args.pos().get(1) {
        Some(Value::Bool(b)) => Ok(*b),
        _ => Err(PyErr::type_error(format!("attribute value type must be bool{what}"))),
    }
}

fn f_trace_lines(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(self_frame(&args)?.trace_lines.get()))
}

fn set_f_trace_lines(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_frame(&args)?;
    f.trace_lines.set(bool_arg(&args, "")?);
    Ok(Value::None)
}

fn f_trace_opcodes(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(self_frame(&args)?.trace_opcodes.get()))
}

fn set_f_trace_opcodes(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_frame(&args)?;
    f.trace_opcodes.set(bool_arg(&args, "")?);
    Ok(Value::None)
}

/// `frame.clear()`: drop the locals of a finished frame; a frame still running refuses.
fn frame_clear(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_frame(&args)?;
    let p = f.live.get();
    if !p.is_null() {
        if running(vm).any(|fr| std::ptr::eq(fr, p)) {
            return Err(PyErr::runtime_error("cannot clear an executing frame"));
        }
        return Err(PyErr::runtime_error("cannot clear a suspended frame"));
    }
    let old = f.done.borrow_mut().as_mut().map(|d| (std::mem::take(&mut d.fast), std::mem::take(&mut d.cells)));
    drop(old);
    let old_locals = f.locals_dict.borrow_mut().take();
    drop(old_locals);
    let old_trace = f.trace.replace(Value::None);
    drop(old_trace);
    Ok(Value::None)
}

fn frame_repr(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = self_frame(&args)?;
    let (file, name) = code_of(&f.code).map(|c| (c.code.filename.clone(), c.code.name.clone())).unwrap_or_default();
    let id = args.pos().first().and_then(|v| v.as_obj()).map(|o| o.addr()).unwrap_or(0);
    let line = f.lineno().map(|l| l as i64).unwrap_or(-1);
    Ok(Value::new_str(format!("<frame at {id:#x}, file {}, line {line}, code {name}>", crate::text::repr::str_repr(&file))))
}

/// Register the `frame` type's attributes.
pub fn init_type() {
    let t = types();
    let props: &[(&'static str, NativeFn, Option<NativeFn>)] = &[
        ("f_back", f_back, None),
        ("f_code", f_code, None),
        ("f_globals", f_globals, None),
        ("f_builtins", f_builtins, None),
        ("f_locals", f_locals, None),
        ("f_lineno", f_lineno, None),
        ("f_lasti", f_lasti, None),
        ("f_trace", f_trace, Some(set_f_trace)),
        ("f_trace_lines", f_trace_lines, Some(set_f_trace_lines)),
        ("f_trace_opcodes", f_trace_opcodes, Some(set_f_trace_opcodes)),
    ];
    add_properties(&t.frame, props);
    crate::objects::function::add_methods(&t.frame, "frame", &[("clear", frame_clear), ("__repr__", frame_repr)]);
}
