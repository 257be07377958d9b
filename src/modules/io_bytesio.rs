//! `io.BytesIO`: an in-memory binary stream (CPython 3.11's `_io.BytesIO`).
//!
//! A byte vector and a position that may lie past its end; writing there pads the gap
//! with zero bytes. Lines end at `\n` (the search is `io::line_extent`, shared with file
//! objects). `__getstate__`/`__setstate__` serve `copy`. `getbuffer()` is missing: gild has
//! no `memoryview` yet (DIVERGENCES.md).

use std::cell::RefCell;

use super::io::Newline;
use super::io_base;
use super::io_codec::Codec;
use super::io_memory::{self, Mem, MemState};
use crate::objects::bytes::bytes_arg;
use crate::objects::function::{add_methods, add_properties};
use crate::objects::typeobj::type_name;
use crate::objects::{str::new_bytes, Payload, PyRef, Value};
use crate::runtime::{iter, Args, PyErr, PyResult};
use crate::vm::Vm;

struct State {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

impl State {
    fn check(&self) -> PyResult<()> {
        if self.closed {
            return Err(io_base::closed_error());
        }
        Ok(())
    }

    fn read(&mut self, n: i64) -> Vec<u8> {
        if self.pos >= self.buf.len() {
            return Vec::new();
        }
        let avail = self.buf.len() - self.pos;
        let n = if n < 0 { avail } else { (n as usize).min(avail) };
        let out = self.buf[self.pos..self.pos + n].to_vec();
        self.pos += n;
        out
    }

    fn readline(&mut self, limit: i64) -> Vec<u8> {
        if self.pos >= self.buf.len() {
            return Vec::new();
        }
        let limit = (limit >= 0).then_some(limit as usize);
        let rest = &self.buf[self.pos..];
        let k = super::io::line_extent(Newline::Lf, Codec::Latin1, rest, limit, true).unwrap_or(rest.len());
        self.read(k as i64)
    }

    /// Write `data` at the position, padding a gap with zero bytes. A buffer that cannot
    /// be allocated (a write after `seek(2**62)`) is CPython's MemoryError, not an abort.
    fn write(&mut self, data: &[u8]) -> PyResult<()> {
        if data.is_empty() {
            return Ok(());
        }
        let end = self.pos.checked_add(data.len()).ok_or_else(|| PyErr::new("MemoryError", ""))?;
        if end > self.buf.len() {
            self.buf.try_reserve_exact(end - self.buf.len()).map_err(|_| PyErr::new("MemoryError", ""))?;
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(data);
        self.pos = end;
        Ok(())
    }
}

impl MemState for State {
    const CLASS: &'static str = "BytesIO";
    const NEGATIVE_SIZE: &'static str = "negative size value";

    fn check(&self) -> PyResult<()> {
        State::check(self)
    }

    fn position(&self) -> usize {
        self.pos
    }

    fn cut(&mut self, size: usize) {
        if size < self.buf.len() {
            self.buf.truncate(size);
        }
    }

    fn read_value(&mut self, n: i64) -> Value {
        new_bytes(self.read(n))
    }

    fn readline_value(&mut self, limit: i64) -> Value {
        new_bytes(self.readline(limit))
    }

    fn value(&self) -> Value {
        new_bytes(self.buf.clone())
    }

    fn close(&mut self) {
        self.closed = true;
        self.buf = Vec::new();
    }

    fn is_closed(&self) -> bool {
        self.closed
    }
}

fn state<'a>(args: &Args<'a>, method: &str) -> PyResult<&'a RefCell<State>> {
    io_memory::state::<State>(args, method)
}

fn bio_read1(vm: &Vm, args: Args) -> PyResult<Value> {
    io_memory::read_as::<State>(vm, args, "read1")
}

/// `isatty()` and `flush()` check that the stream is open.
fn check_open(args: &Args, method: &str, qual: &str) -> PyResult<()> {
    let st = state(args, method)?;
    args.noargs(qual)?;
    st.borrow().check()
}

fn bio_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = super::object_methods::cls_arg(&args, "BytesIO.__new__")?;
    let st = State { buf: Vec::new(), pos: 0, closed: false };
    Ok(super::object_methods::alloc_instance(&cls, Payload::Native(Box::new(Mem(RefCell::new(st))))))
}

/// `BytesIO(initial_bytes=b'')`.
fn bio_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__init__")?;
    let [initial] = args.keywords("BytesIO", ["initial_bytes"], 0, 1, 0)?;
    let data = match initial {
        None | Some(Value::None) => Vec::new(),
        Some(v) => bytes_arg(v)?.into_owned(),
    };
    *st.borrow_mut() = State { buf: data, pos: 0, closed: false };
    Ok(Value::None)
}

fn bio_readlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "readlines")?;
    let p = args.posonly("BytesIO.readlines", "readlines", 0, 1)?;
    let hint = match p.first() {
        None | Some(Value::None) => -1,
        Some(v) if crate::objects::int::is_int(v) => crate::runtime::argparse::index_arg(vm, v)?,
        Some(v) => return Err(PyErr::type_error(format!("integer argument expected, got '{}'", type_name(v)))),
    };
    st.borrow().check()?;
    io_base::collect_lines(vm, hint, true, |_| {
        let line = st.borrow_mut().readline(-1);
        Ok((!line.is_empty()).then(|| new_bytes(line)))
    })
}

fn bio_readinto(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "readinto")?;
    let target = args.one("BytesIO.readinto")?;
    let Some(Payload::ByteArray(t)) = target.payload() else {
        return Err(PyErr::type_error(format!("readinto() argument must be read-write bytes-like object, not {}", type_name(target))));
    };
    let mut st = st.borrow_mut();
    st.check()?;
    let n = t.borrow().len();
    let data = st.read(n as i64);
    t.borrow_mut()[..data.len()].copy_from_slice(&data);
    Ok(Value::from(data.len()))
}

fn bio_write(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "write")?;
    let v = args.one("BytesIO.write")?;
    st.borrow().check()?;
    let data = bytes_arg(v)?;
    st.borrow_mut().write(&data)?;
    Ok(Value::from(data.len()))
}

fn bio_writelines(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "writelines")?;
    let lines = args.one("BytesIO.writelines")?;
    st.borrow().check()?;
    let it = iter::iter(vm, lines)?;
    while let Some(line) = iter::next(vm, &it)? {
        let data = bytes_arg(&line)?;
        st.borrow_mut().write(&data)?;
    }
    Ok(Value::None)
}

fn bio_seek(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "seek")?;
    let p = args.posonly("BytesIO.seek", "seek", 1, 2)?;
    let pos = io_base::seek_pos(vm, &p[0])?;
    let whence = io_base::seek_whence(vm, p.get(1))?;
    let mut st = st.borrow_mut();
    st.check()?;
    let base = match whence {
        0 if pos < 0 => return Err(PyErr::value_error(format!("negative seek value {pos}"))),
        0 => 0,
        1 => st.pos as i64,
        2 => st.buf.len() as i64,
        w => return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    st.pos = base.saturating_add(pos).max(0) as usize;
    Ok(Value::from(st.pos))
}

fn bio_isatty(_vm: &Vm, args: Args) -> PyResult<Value> {
    check_open(&args, "isatty", "BytesIO.isatty")?;
    Ok(Value::Bool(false))
}

fn bio_flush(_vm: &Vm, args: Args) -> PyResult<Value> {
    check_open(&args, "flush", "BytesIO.flush")?;
    Ok(Value::None)
}

/// `__iter__`: the object itself, without a closed check (as CPython's `BytesIO`).
fn bio_iter(_vm: &Vm, args: Args) -> PyResult<Value> {
    state(&args, "__iter__")?;
    Ok(args.args[0].clone())
}

/// `__next__`: the next line (read directly, even when a subclass overrides `readline`,
/// as CPython's `BytesIO` does).
fn bio_next(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__next__")?;
    st.borrow().check()?;
    let line = st.borrow_mut().readline(-1);
    if line.is_empty() {
        return Err(PyErr::stop_iteration(None));
    }
    Ok(new_bytes(line))
}

/// `__getstate__()`: `(value, position, __dict__ or None)`.
fn bio_getstate(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__getstate__")?;
    args.noargs("BytesIO.__getstate__")?;
    let st = st.borrow();
    st.check()?;
    Ok(Value::new_tuple(vec![new_bytes(st.buf.clone()), Value::from(st.pos), io_base::state_dict(&args.args[0])]))
}

/// `__setstate__(state)`: the value, position and `__dict__` of a `__getstate__` result.
fn bio_setstate(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__setstate__")?;
    let arg = args.one("BytesIO.__setstate__")?;
    let me = &args.args[0];
    let items = io_base::state_tuple(me, &super::io::io_types().bytesio, arg, 3)?;
    st.borrow().check()?;
    let data = bytes_arg(&items[0])?.into_owned();
    let pos = io_base::state_pos(vm, &items[1], |v| format!("second item of state must be an integer, not {}", type_name(v)))?;
    *st.borrow_mut() = State { buf: data, pos, closed: false };
    io_base::restore_dict(vm, me, &items[2], |v| format!("third item of state should be a dict, got a {}", type_name(v)))?;
    Ok(Value::None)
}

/// The `_io.BytesIO` type, a subclass of `base` (`_BufferedIOBase`).
pub fn make_type(base: &PyRef) -> PyRef {
    let cls = super::io::new_type("BytesIO", vec![base.clone()], "_io");
    add_methods(
        &cls,
        "BytesIO",
        &[
            ("__new__", bio_new),
            ("__init__", bio_init),
            ("getvalue", io_memory::getvalue::<State>),
            ("read", io_memory::read::<State>),
            ("read1", bio_read1),
            ("readline", io_memory::readline::<State>),
            ("readlines", bio_readlines),
            ("readinto", bio_readinto),
            ("write", bio_write),
            ("writelines", bio_writelines),
            ("seek", bio_seek),
            ("tell", io_memory::tell::<State>),
            ("truncate", io_memory::truncate::<State>),
            ("readable", io_memory::readable::<State>),
            ("writable", io_memory::writable::<State>),
            ("seekable", io_memory::seekable::<State>),
            ("isatty", bio_isatty),
            ("flush", bio_flush),
            ("close", io_memory::close::<State>),
            ("__iter__", bio_iter),
            ("__next__", bio_next),
            ("__getstate__", bio_getstate),
            ("__setstate__", bio_setstate),
        ],
    );
    add_properties(&cls, &[("closed", io_memory::closed::<State>, None)]);
    cls
}
