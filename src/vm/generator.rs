//! Generator objects: a suspended frame plus its state. `send` resumes the frame in a
//! nested run until it yields or returns; `throw` resumes it with an exception raised at
//! the suspension point; `close` throws `GeneratorExit`. Coroutines share this machinery.

use std::cell::{Cell, RefCell};

use super::frame::Frame;
use super::{unwind, Exit, Vm};
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
}

impl GenObject {
    pub fn qualname(&self) -> &str {
        &self.qualname
    }

    /// The code object (`gi_code`), while the frame exists.
    pub fn code(&self) -> Option<Value> {
        self.frame.borrow().as_ref().map(|f| Value::Obj(f.code.clone()))
    }
}

/// Wrap a freshly bound frame of a generator function.
pub fn new_generator(frame: Box<Frame>, func: &Function) -> Value {
    let g = GenObject {
        frame: RefCell::new(Some(frame)),
        exc_state: RefCell::new(Value::None),
        state: Cell::new(GenState::Created),
        name: func.name.borrow().clone(),
        qualname: func.qualname.borrow().clone(),
    };
    let cls = &types().generator;
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
            return match exc {
                Some(e) => Err(e),
                None => Ok(Err(Value::None)),
            }
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
    // The generator's handled exception goes on top of the caller's while it runs.
    let own = g.exc_state.replace(Value::None);
    let caller_exc = if own.is_none() { vm.exc_info.borrow().clone() } else { vm.exc_info.replace(own) };
    let (back, result) = vm.run(frame);
    let now = vm.exc_info.replace(caller_exc.clone());
    match result {
        Ok(Exit::Yield(v)) => {
            *g.exc_state.borrow_mut() = if now.is(&caller_exc) { Value::None } else { now };
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
            if e.is("StopIteration") {
                let msg = "generator raised StopIteration";
                let new = PyErr::runtime_error(msg);
                if let Some(d) = crate::objects::exception::exc_data(&new.value()) {
                    d.borrow_mut().cause = e.value();
                    d.borrow_mut().context = e.value();
                }
                return Err(new);
            }
            Err(e)
        }
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
        crate::runtime::iter::next(vm, receiver)
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
        let inst = crate::runtime::call::call(vm, &pos[1], Args::new(&[pos[2].clone()]))?;
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

/// Register the generator methods.
pub fn init() {
    let t = types();
    crate::objects::function::add_methods(
        &t.generator,
        "generator",
        &[("send", gen_send), ("__next__", gen_next), ("throw", gen_throw), ("close", gen_close), ("__iter__", gen_iter)],
    );
    let _ = type_name;
}
