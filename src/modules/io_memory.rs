//! The methods `StringIO` and `BytesIO` share (`read`, `readline`, `tell`, `truncate`,
//! `getvalue`, `readable`/`writable`/`seekable`, `close`, `closed`), written once over the
//! [`MemState`] trait both stream states implement. Each class keeps its own wording where
//! CPython's two C files differ (`"Negative size value"` / `"negative size value"`, the
//! closed-file message with or without a full stop: that is the state's `check`).

use std::cell::RefCell;

use super::io_base::{downcast, opt_ssize};
use crate::objects::Value;
use crate::runtime::{Args, PyErr, PyResult};
use crate::vm::Vm;

/// The state of an in-memory stream, as the shared methods see it.
pub trait MemState: 'static {
    /// The class name (`StringIO`), for messages.
    const CLASS: &'static str;
    /// The start of the message for a negative `truncate` size.
    const NEGATIVE_SIZE: &'static str;
    /// Raise the class's error for an unusable (closed, uninitialised) stream.
    fn check(&self) -> PyResult<()>;
    /// The position, in the stream's units (characters or bytes).
    fn position(&self) -> usize;
    /// Cut the stream to `size` units if it is longer (the position does not move).
    fn cut(&mut self, size: usize);
    /// Read up to `n` units (`n < 0`: all) from the position.
    fn read_value(&mut self, n: i64) -> Value;
    /// Read a line of at most `limit` units (`limit < 0`: no limit).
    fn readline_value(&mut self, limit: i64) -> Value;
    /// The whole content.
    fn value(&self) -> Value;
    /// Close: drop the content.
    fn close(&mut self);
    fn is_closed(&self) -> bool;
}

/// The payload of an in-memory stream object.
pub struct Mem<S>(pub RefCell<S>);

/// The state of the receiver, or CPython's message for a foreign one.
pub fn state<'a, S: MemState>(args: &Args<'a>, method: &str) -> PyResult<&'a RefCell<S>> {
    Ok(&downcast::<Mem<S>>(args, S::CLASS, method)?.0)
}

/// A method without arguments (checked only when some are given: the qualified name is
/// formatted on that path alone).
fn noargs<S: MemState>(args: &Args, method: &str) -> PyResult<()> {
    if args.args.len() > 1 || args.has_kwargs() {
        args.noargs(&format!("{}.{method}", S::CLASS))?;
    }
    Ok(())
}

/// The optional size argument of `read`/`readline`/`read1`.
fn size<S: MemState>(vm: &Vm, args: &Args, method: &str) -> PyResult<i64> {
    if args.args.len() == 1 && !args.has_kwargs() {
        return Ok(-1);
    }
    let p = args.posonly(&format!("{}.{method}", S::CLASS), method, 0, 1)?;
    opt_ssize(vm, p.first())
}

pub fn read<S: MemState>(vm: &Vm, args: Args) -> PyResult<Value> {
    read_as::<S>(vm, args, "read")
}

/// `read(size=-1)` under another name (`BytesIO.read1`).
pub fn read_as<S: MemState>(vm: &Vm, args: Args, method: &str) -> PyResult<Value> {
    let st = state::<S>(&args, method)?;
    let n = size::<S>(vm, &args, method)?;
    let mut st = st.borrow_mut();
    st.check()?;
    Ok(st.read_value(n))
}

pub fn readline<S: MemState>(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state::<S>(&args, "readline")?;
    let n = size::<S>(vm, &args, "readline")?;
    let mut st = st.borrow_mut();
    st.check()?;
    Ok(st.readline_value(n))
}

pub fn getvalue<S: MemState>(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state::<S>(&args, "getvalue")?;
    noargs::<S>(&args, "getvalue")?;
    let st = st.borrow();
    st.check()?;
    Ok(st.value())
}

pub fn tell<S: MemState>(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state::<S>(&args, "tell")?;
    noargs::<S>(&args, "tell")?;
    let st = st.borrow();
    st.check()?;
    Ok(Value::from(st.position()))
}

/// `truncate(size=None)`: cut at `size` (default: the position); returns `size`.
pub fn truncate<S: MemState>(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state::<S>(&args, "truncate")?;
    let p = args.posonly(&format!("{}.truncate", S::CLASS), "truncate", 0, 1)?;
    let size = match p.first() {
        None | Some(Value::None) => None,
        v => Some(opt_ssize(vm, v)?),
    };
    let mut st = st.borrow_mut();
    st.check()?;
    let size = size.unwrap_or(st.position() as i64);
    if size < 0 {
        return Err(PyErr::value_error(format!("{} {size}", S::NEGATIVE_SIZE)));
    }
    st.cut(size as usize);
    Ok(Value::Int(size))
}

fn always_true<S: MemState>(args: &Args, method: &str) -> PyResult<Value> {
    let st = state::<S>(args, method)?;
    noargs::<S>(args, method)?;
    st.borrow().check()?;
    Ok(Value::Bool(true))
}

pub fn readable<S: MemState>(_vm: &Vm, args: Args) -> PyResult<Value> {
    always_true::<S>(&args, "readable")
}

pub fn writable<S: MemState>(_vm: &Vm, args: Args) -> PyResult<Value> {
    always_true::<S>(&args, "writable")
}

pub fn seekable<S: MemState>(_vm: &Vm, args: Args) -> PyResult<Value> {
    always_true::<S>(&args, "seekable")
}

pub fn close<S: MemState>(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state::<S>(&args, "close")?;
    noargs::<S>(&args, "close")?;
    st.borrow_mut().close();
    Ok(Value::None)
}

/// The `closed` property.
pub fn closed<S: MemState>(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(state::<S>(&args, "closed")?.borrow().is_closed()))
}
