//! Exception unwinding: recording traceback entries as an exception passes through a frame,
//! chaining `__context__` at the point of raising, the `raise` statement's semantics, and
//! jumping to a handler through the code object's exception table.

use super::frame::Frame;
use super::Vm;
use crate::objects::exception::{exc_data, TracebackData};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{types, Payload, PyRef, Value};
use crate::runtime::{PyErr, PyResult};
use std::cell::RefCell;

/// Note that `err` passed through `frame`: add a traceback entry (unless it is being
/// re-raised from this frame) and chain the handled exception as its `__context__`.
pub(crate) fn record(vm: &Vm, frame: &Frame, err: &PyErr) {
    if vm.reraise.replace(false) {
        return;
    }
    let exc_value = Value::Obj(err.exc.clone());
    let Some(data) = exc_data(&exc_value) else {
        return;
    };
    // Context: the exception being handled when this one was raised.
    {
        let handled = vm.exc_info.borrow().clone();
        if let Value::Obj(h) = &handled {
            let mut d = data.borrow_mut();
            if d.context.is_none() && !h.is(&err.exc) && !creates_cycle(h, &err.exc) {
                d.context = handled.clone();
            }
        }
    }
    // A frame that has run nothing yet (an exception thrown into a new generator) has
    // CPython's lasti of -1.
    let lasti = if frame.ip == 0 { crate::bytecode::code::NOT_STARTED } else { (frame.ip - 1) as u32 };
    let old = data.borrow_mut().traceback.take();
    let tb = PyRef::new(
        &types().traceback,
        Payload::Traceback(TracebackData {
            code: frame.code.clone(),
            globals: frame.globals.clone(),
            lasti,
            next: RefCell::new(old),
            frame: super::frame_object::get(frame),
        }),
    );
    data.borrow_mut().traceback = Some(tb);
}

/// Would making `new` the context of `exc` form a cycle (`exc` already in `new`'s chain)?
fn creates_cycle(new: &PyRef, exc: &PyRef) -> bool {
    let mut cur = Value::Obj(new.clone());
    for _ in 0..1000 {
        let next = match exc_data(&cur) {
            Some(d) => d.borrow().context.clone(),
            None => return false,
        };
        match &next {
            Value::Obj(o) if o.is(exc) => return true,
            Value::Obj(_) => cur = next,
            _ => return false,
        }
    }
    false
}

/// Jump to the handler covering the failed instruction, or give the error back.
pub(crate) fn find_handler(frame: &mut Frame, err: PyErr) -> Result<(), PyErr> {
    // A frame that has run nothing yet (an exception thrown into a new generator) has
    // CPython's lasti of -1.
    let lasti = if frame.ip == 0 { crate::bytecode::code::NOT_STARTED } else { (frame.ip - 1) as u32 };
    let entry = match frame.code_data().code.handler_for(lasti) {
        Some(e) => *e,
        None => return Err(err),
    };
    let depth = entry.depth as usize;
    frame.stack.truncate(depth);
    // Only code from a crafted `.pyc` gets here with a shorter stack (an instruction that
    // consumed values its handler keeps; `bytecode::verify` allows it because it cannot
    // tell which instructions raise): fill up, so the handler finds the depth it expects.
    while frame.stack.len() < depth {
        frame.stack.push(Value::None);
    }
    if entry.lasti {
        frame.stack.push(Value::Int(lasti as i64));
    }
    frame.stack.push(Value::Obj(err.exc));
    frame.ip = entry.target as usize;
    Ok(())
}

/// A raised value as an error (the value is an exception instance by construction).
pub(crate) fn as_err(v: Value) -> PyErr {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => PyErr { exc: o },
        other => PyErr::type_error(format!("exceptions must derive from BaseException, not {}", type_name(&other))),
    }
}

/// Turn a raised class or instance into an exception instance.
fn instantiate(vm: &Vm, v: Value) -> PyResult<Value> {
    let base = types().exc.get("BaseException");
    if let Some(Payload::Type(_)) = v.payload() {
        let cls = v.as_obj().cloned().ok_or_else(|| PyErr::type_error("bad class"))?;
        if !typeobj::is_subtype(&cls, base) {
            return Err(PyErr::type_error("exceptions must derive from BaseException"));
        }
        let inst = crate::runtime::call::call(vm, &v, crate::runtime::Args::new(&[]))?;
        if !typeobj::isinstance(&inst, base) {
            return Err(PyErr::type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::runtime::repr::repr(vm, &v)?,
                crate::runtime::repr::repr(vm, &Value::Obj(inst.class().clone()))?
            )));
        }
        return Ok(inst);
    }
    if typeobj::isinstance(&v, base) {
        return Ok(v);
    }
    Err(PyErr::type_error("exceptions must derive from BaseException"))
}

/// The `raise` statement: `raise`, `raise exc`, `raise exc from cause`. Returns the error
/// to propagate (as `Ok`), or an error raised while building it.
pub(crate) fn do_raise(vm: &Vm, exc: Option<Value>, cause: Option<Value>) -> PyResult<PyErr> {
    let Some(exc) = exc else {
        let handled = vm.exc_info.borrow().clone();
        return match handled {
            Value::Obj(o) if matches!(o.payload, Payload::Exception(_)) => {
                vm.reraise.set(true);
                Ok(PyErr { exc: o })
            }
            _ => Ok(PyErr::runtime_error("No active exception to reraise")),
        };
    };
    let inst = match instantiate(vm, exc) {
        Ok(i) => i,
        Err(e) => return Ok(e),
    };
    if let Some(cause) = cause {
        let cause_v = if cause.is_none() {
            Value::None
        } else {
            match instantiate(vm, cause) {
                Ok(c) => c,
                Err(_) => return Ok(PyErr::type_error("exception causes must derive from BaseException")),
            }
        };
        if let Some(d) = exc_data(&inst) {
            let mut d = d.borrow_mut();
            d.cause = cause_v;
            d.suppress_context = true;
        }
    }
    Ok(as_err(inst))
}

/// `except cls:` matching, validating `cls` as CPython does.
pub(crate) fn exception_matches(exc: &Value, cls: &Value) -> PyResult<bool> {
    let base = types().exc.get("BaseException");
    let check = |c: &Value| -> PyResult<bool> {
        match c.payload() {
            Some(Payload::Type(_)) => {
                let c = c.as_obj().cloned().ok_or_else(|| PyErr::type_error("bad class"))?;
                if !typeobj::is_subtype(&c, base) {
                    return Err(not_exception_class());
                }
                Ok(typeobj::isinstance(exc, &c))
            }
            _ => Err(not_exception_class()),
        }
    };
    match cls.payload() {
        Some(Payload::Tuple(items)) => {
            // Every item is checked, even after a match (CPython validates the whole tuple).
            let mut found = false;
            for c in items.iter() {
                found |= check(c)?;
            }
            Ok(found)
        }
        _ => check(cls),
    }
}

fn not_exception_class() -> PyErr {
    PyErr::type_error("catching classes that do not inherit from BaseException is not allowed")
}
