//! Generator objects: a suspended frame plus its state. `send` resumes the frame in a
//! nested run until it yields or returns; `throw` resumes it with an exception raised at
//! the suspension point; `close` throws `GeneratorExit`. Coroutines share this machinery.

use std::cell::{Cell, RefCell};

use super::frame::Frame;
use super::{unwind, Exit, Vm};
use crate::bytecode::code;
use crate::objects::function::Function;
use crate::objects::typeobj::type_name;
use crate::objects::{types, Payload, PyRef, Value};
use crate::runtime::{Args, PyErr, PyResult};

/// Where a generator is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

pub struct GenObject {
    pub frame: RefCell<Option<Box<Frame>>>,
    /// The exception the suspended frame is handling (`sys.exception()` inside it), or
    /// `None` when it sees its caller's.
    exc_state: RefCell<Value>,
    pub state: Cell<GenState>,
    pub name: String,
    qualname: String,
    /// The generator function's code (`gi_code`, which outlives the frame).
    code_obj: PyRef,
}

impl GenObject {
    pub fn qualname(&self) -> &str {
        &self.qualname
    }

    /// The code object (`gi_code`).
    pub fn code(&self) -> Option<Value> {
        Some(Value::Obj(self.code_obj.clone()))
    }
}

/// `gi_frame`: the generator's frame object, `None` once it finished.
pub fn frame_object(vm: &Vm, g: &GenObject) -> Value {
    if let Some(f) = g.frame.borrow().as_ref() {
        return Value::Obj(super::frame_object::get(f));
    }
    if g.state.get() == GenState::Running {
        // The frame is out of the generator while it runs: it is the innermost running
        // frame of this code.
        if let Some(f) = super::frame_object::running_with_code(vm, &g.code_obj) {
            return Value::Obj(f);
        }
    }
    Value::None
}

/// Wrap a freshly bound frame of a generator function.
pub fn new_generator(mut frame: Box<Frame>, func: &Function) -> Value {
    // A recycled frame may still point at an old caller.
    frame.back = std::ptr::null();
    let g = GenObject {
        code_obj: frame.code.clone(),
        frame: RefCell::new(Some(frame)),
        exc_state: RefCell::new(Value::None),
        state: Cell::new(GenState::Created),
        name: func.name.borrow().clone(),
        qualname: func.qualname.borrow().clone(),
    };
    let t = types();
    let code_flags = g.frame.borrow().as_ref().map(|f| f.code_data().code.flags).unwrap_or(0);
    let cls = if code_flags & code::flags::COROUTINE != 0 {
        &t.coroutine
    } else if code_flags & code::flags::ASYNC_GENERATOR != 0 {
        &t.async_generator
    } else {
        &t.generator
    };
    Value::Obj(PyRef::new(cls, Payload::Generator(Box::new(g))))
}

fn gen_of(v: &Value) -> Option<&GenObject> {
    match v.payload() {
        Some(Payload::Generator(g)) => Some(g),
        _ => None,
    }
}

/// Resume `gen` with `value` sent in (or `exc` thrown in). `Ok(Ok(y))` when it yields
/// `y`, `Ok(Err(r))` when it returns `r`.
pub fn resume(vm: &Vm, gen: &Value, value: Value, exc: Option<PyErr>) -> PyResult<Result<Value, Value>> {
    let Some(g) = gen_of(gen) else {
        return Err(PyErr::type_error("not a generator"));
    };
    match g.state.get() {
        GenState::Running => return Err(PyErr::value_error("generator already executing")),
        GenState::Closed => {
            if gen.class().is(&types().coroutine) && exc.is_none() {
                return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
            }
            return match exc {
                Some(e) => Err(e),
                None => Ok(Err(Value::None)),
            };
        }
        GenState::Created if !value.is_none() && exc.is_none() => {
            return Err(PyErr::type_error("can't send non-None value to a just-started generator"));
        }
        _ => {}
    }
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        return Ok(Err(Value::None));
    };
    let started = g.state.get() != GenState::Created;
    g.state.set(GenState::Running);
    if let Some(e) = exc {
        // Raise at the suspension point: unwind from the yield instruction.
        unwind::record(vm, &frame, &e);
        match unwind::find_handler(&mut frame, e) {
            Ok(()) => {}
            Err(e) => {
                g.state.set(GenState::Closed);
                return Err(e);
            }
        }
    } else if started {
        frame.stack.push(value);
    }
    // The generator's handled exception goes on top of the caller's while it runs. The
    // usual case, no exception being handled on either side, touches nothing.
    let own = g.exc_state.replace(Value::None);
    let swap = !own.is_none() || !vm.exc_info.borrow().is_none();
    let caller_exc = if !swap {
        Value::None
    } else if own.is_none() {
        vm.exc_info.borrow().clone()
    } else {
        vm.exc_info.replace(own)
    };
    let (back, result) = vm.run(frame);
    let now = if swap || !vm.exc_info.borrow().is_none() { vm.exc_info.replace(caller_exc.clone()) } else { Value::None };
    match result {
        Ok(Exit::Yield(v)) => {
            if !now.is(&caller_exc) {
                *g.exc_state.borrow_mut() = now;
            }
            *g.frame.borrow_mut() = back;
            g.state.set(GenState::Suspended);
            Ok(Ok(v))
        }
        Ok(Exit::Return(v)) => {
            g.state.set(GenState::Closed);
            Ok(Err(v))
        }
        Err(e) => {
            g.state.set(GenState::Closed);
            Err(escaped(gen, e))
        }
    }
}

/// The error a generator's caller sees when `e` escapes the generator's frame: a
/// `StopIteration` (`StopAsyncIteration` from an async generator) becomes a
/// `RuntimeError` caused by it (PEP 479).
fn escaped(gen: &Value, e: PyErr) -> PyErr {
    let kind = kind_name(gen);
    if e.is("StopIteration") || (kind == "async generator" && e.is("StopAsyncIteration")) {
        let msg = format!("{kind} raised {}", crate::objects::typeobj::type_name(&e.value()));
        let new = PyErr::runtime_error(msg);
        if let Some(d) = crate::objects::exception::exc_data(&new.value()) {
            d.borrow_mut().cause = e.value();
            d.borrow_mut().context = e.value();
        }
        return new;
    }
    e
}

// A `for` loop over a generator runs the generator's frame inline in the loop that runs
// the `for` (no nested run per item): `ForIter` takes the frame out of the generator
// (`for_iter_inline`) and enters it like a call, with `Frame::inline_gen` naming the
// generator; `YieldValue` in such a frame hands the frame back (`suspend_inline`) and the
// value to the loop; a return ends the `for` (`finish_inline`); an exception leaving the
// frame closes the generator (`fail_inline`). Only the plain case runs inline: a
// `generator` (not a coroutine or async generator) that is suspended or not started, with
// no handled exception on either side to swap; everything else takes `resume`.

/// For `ForIter` (jumping to `target` when exhausted) over `it`: the frame of generator
/// `it` to run inline, marked running and counted against the recursion limit; `None`
/// when `it` is not a generator in the plain case (see above) or a trace or profile hook
/// is set (`resume` sends their events).
#[inline]
pub(crate) fn for_iter_inline(vm: &Vm, it: &Value, target: u32) -> PyResult<Option<Box<Frame>>> {
    let Value::Obj(o) = it else { return Ok(None) };
    let Payload::Generator(g) = &o.payload else { return Ok(None) };
    let state = g.state.get();
    if !matches!(state, GenState::Suspended | GenState::Created) || !o.class().is(&types().generator) || vm.hooks.active.get() {
        return Ok(None);
    }
    if !g.exc_state.borrow().is_none() || !vm.exc_info.borrow().is_none() || g.frame.borrow().is_none() {
        return Ok(None);
    }
    vm.enter()?;
    let Some(mut frame) = g.frame.borrow_mut().take() else { return Ok(None) };
    if state == GenState::Suspended {
        // The value of the `yield` expression it is suspended at (`next()` sends None).
        frame.stack.push(Value::None);
    }
    g.state.set(GenState::Running);
    frame.inline_gen = Some((it.clone(), target));
    Ok(Some(frame))
}

/// The inline-run frame of generator `gen` yielded: it goes back into the generator,
/// with the exception it is handling, if any (its caller handles none).
pub(crate) fn suspend_inline(vm: &Vm, gen: &Value, mut frame: Box<Frame>) {
    let Some(g) = gen_of(gen) else { return };
    frame.back = std::ptr::null();
    if !vm.exc_info.borrow().is_none() {
        *g.exc_state.borrow_mut() = vm.exc_info.replace(Value::None);
    }
    *g.frame.borrow_mut() = Some(frame);
    g.state.set(GenState::Suspended);
}

/// The inline-run frame of generator `gen` returned: the generator is finished.
pub(crate) fn finish_inline(vm: &Vm, gen: &Value) {
    if let Some(g) = gen_of(gen) {
        g.state.set(GenState::Closed);
    }
    if !vm.exc_info.borrow().is_none() {
        vm.exc_info.replace(Value::None);
    }
}

/// `err` leaves the inline-run frame of generator `gen`: the generator is finished, and
/// the caller sees [`escaped`]'s error.
pub(crate) fn fail_inline(vm: &Vm, gen: &Value, err: PyErr) -> PyErr {
    finish_inline(vm, gen);
    escaped(gen, err)
}

/// "generator", "coroutine" or "async generator", as messages name them.
fn kind_name(gen: &Value) -> &'static str {
    let t = types();
    if gen.class().is(&t.coroutine) {
        "coroutine"
    } else if gen.class().is(&t.async_generator) {
        "async generator"
    } else {
        "generator"
    }
}

/// `next(gen)`: the next yielded value, `None` when it returns.
pub fn next(vm: &Vm, gen: &Value) -> PyResult<Option<Value>> {
    match resume(vm, gen, Value::None, None)? {
        Ok(v) => Ok(Some(v)),
        Err(_) => Ok(None),
    }
}

/// `Send` instruction: delegate to `receiver` (a generator or any iterator).
pub(crate) fn send_to(vm: &Vm, receiver: &Value, value: Value) -> PyResult<Result<Value, Value>> {
    if gen_of(receiver).is_some() {
        return resume(vm, receiver, value, None);
    }
    let r = if value.is_none() {
        // A native iterator's `StopIteration` carries the delegation's result here (the
        // awaitables of async generators), so call it directly rather than through
        // `iter::next`, which treats it as plain exhaustion.
        match receiver.payload() {
            Some(Payload::NativeIter(n)) => n.next(vm),
            _ => crate::runtime::iter::next(vm, receiver),
        }
    } else {
        crate::runtime::call::call_method(vm, receiver, "send", &[value]).map(Some)
    };
    match r {
        Ok(Some(v)) => Ok(Ok(v)),
        Ok(None) => Ok(Err(Value::None)),
        Err(e) if e.is("StopIteration") => {
            let v = crate::runtime::attr::getattr(vm, &e.value(), "value").unwrap_or(Value::None);
            Ok(Err(v))
        }
        Err(e) => Err(e),
    }
}

/// `gen.send(value)`.
pub fn gen_send(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("send", 2, 2)?;
    match resume(vm, &pos[0], pos[1].clone(), None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(PyErr::stop_iteration(if r.is_none() { None } else { Some(r) })),
    }
}

/// `gen.__next__()`.
pub fn gen_next(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__next__", 1, 1)?;
    match resume(vm, &pos[0], Value::None, None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(PyErr::stop_iteration(if r.is_none() { None } else { Some(r) })),
    }
}

/// `gen.throw(exc)` (also the 3-argument legacy form).
pub fn gen_throw(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("throw", 2, 4)?;
    let exc = match unwind::do_raise(vm, Some(pos[1].clone()), None) {
        Ok(e) => e,
        Err(e) => return Err(e),
    };
    if pos.len() >= 3 && !pos[2].is_none() && !matches!(pos[1].payload(), Some(Payload::Exception(_))) {
        // `throw(type, value)`: a value that is already an instance of `type` is thrown
        // as is; a tuple gives the constructor's arguments; anything else is the argument.
        let (typ, value) = (&pos[1], &pos[2]);
        let is_instance = typ.as_obj().is_some_and(|t| crate::objects::typeobj::isinstance(value, t));
        let inst = if is_instance {
            value.clone()
        } else if let Some(Payload::Tuple(items)) = value.payload() {
            crate::runtime::call::call(vm, typ, Args::new(items))?
        } else {
            crate::runtime::call::call(vm, typ, Args::new(&[value.clone()]))?
        };
        return throw_into(vm, &pos[0], unwind::as_err(inst));
    }
    vm.reraise.set(false);
    throw_into(vm, &pos[0], exc)
}

fn throw_into(vm: &Vm, gen: &Value, exc: PyErr) -> PyResult<Value> {
    match resume(vm, gen, Value::None, Some(exc))? {
        Ok(v) => Ok(v),
        Err(r) => Err(PyErr::stop_iteration(if r.is_none() { None } else { Some(r) })),
    }
}

/// `gen.close()`.
pub fn gen_close(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("close", 1, 1)?;
    let Some(g) = gen_of(&pos[0]) else {
        return Err(PyErr::type_error("not a generator"));
    };
    match g.state.get() {
        GenState::Closed => return Ok(Value::None),
        GenState::Created => {
            g.state.set(GenState::Closed);
            g.frame.borrow_mut().take();
            return Ok(Value::None);
        }
        _ => {}
    }
    let exit = PyErr::with_args(types().exc.get("GeneratorExit"), vec![]);
    match resume(vm, &pos[0], Value::None, Some(exit)) {
        Ok(Ok(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
        Ok(Err(_)) => Ok(Value::None),
        Err(e) if e.is("GeneratorExit") || e.is("StopIteration") => Ok(Value::None),
        Err(e) => Err(e),
    }
}

/// `iter(gen)` is the generator itself.
pub fn gen_iter(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args.first().cloned().unwrap_or(Value::None))
}

/// Did the suspended frame of `gen` stop at an `await`'s yield (a value passed up from the
/// awaited object) rather than at an async generator's own `yield`?
fn suspended_in_await(gen: &GenObject) -> bool {
    let frame = gen.frame.borrow();
    let Some(f) = frame.as_ref() else {
        return false;
    };
    let instrs = &f.code_data().code.instrs;
    f.ip >= 2 && matches!(instrs.get(f.ip - 2), Some(crate::bytecode::Instr::Send { .. }))
}

/// The awaitable `agen.__anext__()` / `agen.asend(v)` / `agen.athrow(e)` return: each
/// step resumes the async generator; its own `yield` finishes the awaitable with
/// `StopIteration(value)`, its return with `StopAsyncIteration`.
struct AnextAwaitable {
    agen: Value,
    send: RefCell<Option<Value>>,
    throw: RefCell<Option<PyErr>>,
    done: Cell<bool>,
}

impl crate::runtime::iter::NativeIterator for AnextAwaitable {
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        if self.done.get() {
            return Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        let Some(g) = gen_of(&self.agen) else {
            return Err(PyErr::type_error("not an async generator"));
        };
        let value = self.send.borrow_mut().take().unwrap_or(Value::None);
        let throw = self.throw.borrow_mut().take();
        let r = resume(vm, &self.agen, value, throw);
        match r {
            Ok(Ok(v)) if suspended_in_await(g) => Ok(Some(v)),
            Ok(Ok(v)) => {
                self.done.set(true);
                Err(PyErr::stop_iteration(Some(v)))
            }
            Ok(Err(_)) => {
                self.done.set(true);
                Err(PyErr::with_args(types().exc.get("StopAsyncIteration"), vec![]))
            }
            Err(e) => {
                self.done.set(true);
                Err(e)
            }
        }
    }
}

fn anext_awaitable(agen: &Value, send: Option<Value>, throw: Option<PyErr>) -> Value {
    let it = AnextAwaitable { agen: agen.clone(), send: RefCell::new(send), throw: RefCell::new(throw), done: Cell::new(false) };
    Value::Obj(PyRef::new(&types().native_iterator, Payload::NativeIter(Box::new(it))))
}

fn agen_anext(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__anext__", 1, 1)?;
    Ok(anext_awaitable(&pos[0], None, None))
}

fn agen_asend(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("asend", 2, 2)?;
    Ok(anext_awaitable(&pos[0], Some(pos[1].clone()), None))
}

fn agen_athrow(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("athrow", 2, 4)?;
    let exc = unwind::do_raise(vm, Some(pos[1].clone()), None)?;
    vm.reraise.set(false);
    Ok(anext_awaitable(&pos[0], None, Some(exc)))
}

fn agen_aiter(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args.first().cloned().unwrap_or(Value::None))
}

/// `coro.__await__()`: the coroutine drives itself.
fn coro_await(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args.first().cloned().unwrap_or(Value::None))
}

/// `GetAwaitable`: the iterator an `await` delegates to. `where_` says which statement
/// asked (0 `await`, 1 after `__aenter__`, 2 after `__aexit__`) for the error message.
pub(crate) fn get_awaitable(vm: &Vm, v: &Value, where_: u32) -> PyResult<Value> {
    let t = types();
    if v.class().is(&t.coroutine) {
        if let Some(g) = gen_of(v) {
            if g.state.get() == GenState::Running {
                return Err(PyErr::runtime_error("coroutine is being awaited already"));
            }
        }
        return Ok(v.clone());
    }
    let not_awaitable = || {
        let tn = crate::objects::typeobj::type_name(v);
        PyErr::type_error(match where_ {
            1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {tn}"),
            2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {tn}"),
            _ => format!("object {tn} can't be used in 'await' expression"),
        })
    };
    if matches!(v.payload(), Some(Payload::NativeIter(_))) && !v.class().is(&t.generator) {
        // An `__anext__`/`asend` awaitable.
        return Ok(v.clone());
    }
    let Some(f) = crate::objects::typeobj::lookup(v.class(), "__await__") else {
        return Err(not_awaitable());
    };
    let it = crate::runtime::call::call_bound(vm, &f, v, Args::new(&[]))?;
    if it.class().is(&t.coroutine) {
        return Err(PyErr::type_error("__await__() returned a coroutine"));
    }
    let is_iter = matches!(it.payload(), Some(Payload::Generator(_)) | Some(Payload::NativeIter(_)))
        || crate::objects::typeobj::lookup(it.class(), "__next__").is_some();
    if !is_iter {
        return Err(PyErr::type_error(format!("__await__() returned non-iterator of type '{}'", crate::objects::typeobj::type_name(&it))));
    }
    Ok(it)
}

/// `GetAiter`: `type(v).__aiter__(v)`, checked to have `__anext__`.
pub(crate) fn get_aiter(vm: &Vm, v: &Value) -> PyResult<Value> {
    let tn = |x: &Value| crate::objects::typeobj::type_name(x);
    let Some(f) = crate::objects::typeobj::lookup(v.class(), "__aiter__") else {
        return Err(PyErr::type_error(format!("'async for' requires an object with __aiter__ method, got {}", tn(v))));
    };
    let it = crate::runtime::call::call_bound(vm, &f, v, Args::new(&[]))?;
    if crate::objects::typeobj::lookup(it.class(), "__anext__").is_none() {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            tn(&it)
        )));
    }
    Ok(it)
}

/// `GetAnext`: the awaitable for the next item of an async iterator.
pub(crate) fn get_anext(vm: &Vm, it: &Value) -> PyResult<Value> {
    if it.class().is(&types().async_generator) {
        return Ok(anext_awaitable(it, None, None));
    }
    let tn = crate::objects::typeobj::type_name(it);
    let Some(f) = crate::objects::typeobj::lookup(it.class(), "__anext__") else {
        return Err(PyErr::type_error(format!("'async for' requires an iterator with __anext__ method, got {tn}")));
    };
    let r = crate::runtime::call::call_bound(vm, &f, it, Args::new(&[]))?;
    get_awaitable(vm, &r, 0).map_err(|e| {
        if e.is("TypeError") {
            PyErr::type_error(format!("'async for' received an invalid object from __anext__: {}", crate::objects::typeobj::type_name(&r)))
        } else {
            e
        }
    })
}

/// `BeforeAsyncWith`: `(bound __aexit__, mgr.__aenter__())`.
pub(crate) fn before_async_with(vm: &Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let cls = mgr.class().clone();
    let enter = crate::objects::typeobj::lookup(&cls, "__aenter__");
    let exit = crate::objects::typeobj::lookup(&cls, "__aexit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let missing = if crate::objects::typeobj::lookup(&cls, "__aenter__").is_none() { "" } else { " (missed __aexit__ method)" };
        return Err(PyErr::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol{missing}",
            crate::objects::typeobj::type_name(mgr)
        )));
    };
    let exit_bound = crate::runtime::attr::bind(vm, &exit, mgr)?;
    let entered = crate::runtime::call::call_bound(vm, &enter, mgr, Args::new(&[]))?;
    Ok((exit_bound, entered))
}

/// Register the generator methods.
pub fn init() {
    let t = types();
    crate::objects::function::add_methods(
        &t.coroutine,
        "coroutine",
        &[("send", gen_send), ("throw", gen_throw), ("close", gen_close), ("__await__", coro_await)],
    );
    crate::objects::function::add_methods(
        &t.async_generator,
        "async_generator",
        &[("__anext__", agen_anext), ("asend", agen_asend), ("athrow", agen_athrow), ("__aiter__", agen_aiter)],
    );
    crate::objects::function::add_methods(
        &t.generator,
        "generator",
        &[("send", gen_send), ("__next__", gen_next), ("throw", gen_throw), ("close", gen_close), ("__iter__", gen_iter)],
    );
    let _ = type_name;
}

/// The cycle collector's view of a generator: what its handled exception and suspended
/// frame refer to (a running generator's frame is on the VM's stack, not here).
pub fn traverse(g: &GenObject, visit: &mut dyn FnMut(&PyRef)) {
    if let Ok(e) = g.exc_state.try_borrow() {
        if let Value::Obj(o) = &*e {
            visit(o);
        }
    }
    if let Ok(f) = g.frame.try_borrow() {
        if let Some(f) = f.as_ref() {
            crate::runtime::gc::traverse_frame(f, visit);
        }
    }
}

/// Break a generator's references (the collector's teardown): its frame goes.
pub fn clear(g: &GenObject, dropped: &mut Vec<Value>) {
    if let Ok(mut e) = g.exc_state.try_borrow_mut() {
        dropped.push(std::mem::replace(&mut *e, Value::None));
    }
    let frame = g.frame.try_borrow_mut().ok().and_then(|mut f| f.take());
    if frame.is_some() {
        g.state.set(GenState::Closed);
    }
    drop(frame);
}
