//! `io.StringIO`: an in-memory text stream (CPython 3.11's `_io.StringIO`).
//!
//! The text is kept as one UTF-8 `String` with its length in characters; positions are in
//! characters, as in CPython. The byte offset of the current position is kept next to it,
//! so sequential reads and appends never rescan the text; for all-ASCII text (byte length
//! equal to character length) every conversion is O(1). Writing past the end pads with
//! `'\0'`.
//!
//! `newline` follows CPython: `None` translates `\r\n` and `\r` to `\n` on write (and
//! records them in `newlines`), `''` records without translating, `'\r'`/`'\r\n'` replace
//! `\n` on write, and lines end where a text file with the same `newline` would end them
//! (the line search is `io::line_extent`, shared with file objects). `readlines`,
//! `writelines`, `isatty`, `__enter__`/`__exit__` and `__iter__` are the generic `_IOBase`
//! methods (`io_base.rs`), as in CPython.

use std::cell::RefCell;

use super::io::Newline;
use super::io_base;
use super::io_codec::Codec;
use super::io_memory::{self, Mem, MemState};
use crate::objects::function::{add_methods, add_properties};
use crate::objects::typeobj::type_name;
use crate::objects::{Payload, PyRef, Value};
use crate::runtime::{call, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

const LF: u8 = 1;
const CR: u8 = 2;
const CRLF: u8 = 4;

struct State {
    buf: String,
    /// The length of `buf` in characters.
    len: usize,
    /// The position in characters (may lie past the end).
    pos: usize,
    /// The byte offset in `buf` of `min(pos, len)`.
    pos_byte: usize,
    closed: bool,
    /// `__init__` has run (`StringIO.__new__(StringIO)` alone gives an unusable object).
    ok: bool,
    newline: Newline,
    /// The kinds of line ending written so far (`LF | CR | CRLF`), for `newlines`.
    seen: u8,
}

impl State {
    fn ascii(&self) -> bool {
        self.buf.len() == self.len
    }

    /// The byte offset `n` characters after byte offset `from` (clamped to the end).
    fn advance(&self, from: usize, n: usize) -> usize {
        if self.ascii() {
            return from.saturating_add(n).min(self.buf.len());
        }
        self.buf[from..].char_indices().nth(n).map_or(self.buf.len(), |(i, _)| from + i)
    }

    fn chars_in(&self, from: usize, to: usize) -> usize {
        if self.ascii() {
            to - from
        } else {
            self.buf[from..to].chars().count()
        }
    }

    fn set_pos(&mut self, pos: usize) {
        self.pos = pos;
        self.pos_byte = self.advance(0, pos.min(self.len));
    }

    fn check(&self) -> PyResult<()> {
        if !self.ok {
            return Err(PyErr::value_error("I/O operation on uninitialized object"));
        }
        if self.closed {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
        Ok(())
    }

    /// Apply the write-side newline handling of `newline` to `s`, noting line endings.
    fn translate<'s>(&mut self, s: &'s str) -> std::borrow::Cow<'s, str> {
        if matches!(self.newline, Newline::Universal | Newline::Untranslated) {
            let b = s.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                match c {
                    b'\n' if i > 0 && b[i - 1] == b'\r' => {}
                    b'\n' => self.seen |= LF,
                    b'\r' if b.get(i + 1) == Some(&b'\n') => self.seen |= CRLF,
                    b'\r' => self.seen |= CR,
                    _ => {}
                }
            }
            if self.newline == Newline::Universal && s.contains('\r') {
                return s.replace("\r\n", "\n").replace('\r', "\n").into();
            }
            return s.into();
        }
        match self.newline {
            Newline::Cr if s.contains('\n') => s.replace('\n', "\r").into(),
            Newline::CrLf if s.contains('\n') => s.replace('\n', "\r\n").into(),
            _ => s.into(),
        }
    }

    /// Write `s` at the position (after newline handling), padding a gap with `'\0'`.
    /// A gap too large to allocate (a write after `seek(2**62)`) is CPython's
    /// OverflowError, not an abort.
    fn write(&mut self, s: &str) -> PyResult<()> {
        let text = self.translate(s);
        let text: &str = &text;
        if text.is_empty() {
            return Ok(());
        }
        let n = text.chars().count();
        if self.pos > self.len {
            let gap = self.pos - self.len;
            let too_large = || PyErr::new("OverflowError", "new buffer size too large");
            self.buf.try_reserve(gap.checked_add(text.len()).ok_or_else(too_large)?).map_err(|_| too_large())?;
            self.buf.extend(std::iter::repeat('\0').take(gap));
            self.len = self.pos;
            self.pos_byte = self.buf.len();
        }
        if self.pos == self.len {
            self.buf.push_str(text);
            self.len += n;
        } else {
            let end = self.advance(self.pos_byte, n);
            let replaced = self.chars_in(self.pos_byte, end);
            self.buf.replace_range(self.pos_byte..end, text);
            self.len = self.len - replaced + n;
        }
        self.pos += n;
        self.pos_byte += text.len();
        Ok(())
    }

    /// Take the text from the position to byte offset `end`.
    fn take_to(&mut self, end: usize) -> String {
        let out = self.buf[self.pos_byte..end].to_string();
        self.pos += self.chars_in(self.pos_byte, end);
        self.pos_byte = end;
        out
    }

    fn read(&mut self, n: i64) -> String {
        if self.pos >= self.len {
            return String::new();
        }
        let end = if n < 0 { self.buf.len() } else { self.advance(self.pos_byte, n as usize) };
        self.take_to(end)
    }

    fn readline(&mut self, limit: i64) -> String {
        if self.pos >= self.len {
            return String::new();
        }
        let limit = (limit >= 0).then_some(limit as usize);
        let rest = &self.buf.as_bytes()[self.pos_byte..];
        let k = super::io::line_extent(self.newline, Codec::Utf8, rest, limit, true).unwrap_or(rest.len());
        self.take_to(self.pos_byte + k)
    }

    fn newlines(&self) -> Value {
        if !matches!(self.newline, Newline::Universal | Newline::Untranslated) {
            return Value::None;
        }
        let names: Vec<Value> = [(CR, "\r"), (LF, "\n"), (CRLF, "\r\n")]
            .iter()
            .filter(|(bit, _)| self.seen & bit != 0)
            .map(|(_, s)| Value::new_str(*s))
            .collect();
        match names.len() {
            0 => Value::None,
            1 => names[0].clone(),
            _ => Value::new_tuple(names),
        }
    }
}

impl MemState for State {
    const CLASS: &'static str = "StringIO";
    const NEGATIVE_SIZE: &'static str = "Negative size value";

    fn check(&self) -> PyResult<()> {
        State::check(self)
    }

    fn position(&self) -> usize {
        self.pos
    }

    fn cut(&mut self, size: usize) {
        if size < self.len {
            let cut = self.advance(0, size);
            self.buf.truncate(cut);
            self.len = size;
            let pos = self.pos;
            self.set_pos(pos);
        }
    }

    fn read_value(&mut self, n: i64) -> Value {
        Value::new_str(self.read(n))
    }

    fn readline_value(&mut self, limit: i64) -> Value {
        Value::new_str(self.readline(limit))
    }

    fn value(&self) -> Value {
        Value::new_str(self.buf.as_str())
    }

    fn close(&mut self) {
        self.closed = true;
        self.buf = String::new();
        self.len = 0;
        self.pos_byte = 0;
    }

    fn is_closed(&self) -> bool {
        self.closed
    }
}

fn state<'a>(args: &Args<'a>, method: &str) -> PyResult<&'a RefCell<State>> {
    io_memory::state::<State>(args, method)
}

fn sio_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = super::object_methods::cls_arg(&args, "StringIO.__new__")?;
    let st = State { buf: String::new(), len: 0, pos: 0, pos_byte: 0, closed: false, ok: false, newline: Newline::Lf, seen: 0 };
    Ok(super::object_methods::alloc_instance(&cls, Payload::Native(Box::new(Mem(RefCell::new(st))))))
}

/// `StringIO(initial_value='', newline='\n')`.
fn sio_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__init__")?;
    let [initial, newline] = args.keywords("StringIO", ["initial_value", "newline"], 0, 2, 0)?;
    let nl = match newline {
        None => Newline::Lf,
        Some(Value::None) => Newline::Universal,
        Some(v) => match v.as_str().map(|s| s.as_str()) {
            Some("") => Newline::Untranslated,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            Some(_) => return Err(PyErr::value_error(format!("illegal newline value: {}", repr::repr(vm, v)?))),
            None => return Err(PyErr::type_error(format!("newline must be str or None, not {}", type_name(v)))),
        },
    };
    let text = match initial {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(s),
            None => return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", type_name(v)))),
        },
    };
    let mut st = st.borrow_mut();
    *st = State { buf: String::new(), len: 0, pos: 0, pos_byte: 0, closed: false, ok: true, newline: nl, seen: 0 };
    if let Some(s) = text {
        st.write(s.as_str())?;
        st.set_pos(0);
    }
    Ok(Value::None)
}

fn sio_write(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "write")?;
    let v = args.one("StringIO.write")?;
    let mut st = st.borrow_mut();
    if !st.ok {
        st.check()?;
    }
    let Some(s) = v.as_str() else {
        return Err(PyErr::type_error(format!("string argument expected, got '{}'", type_name(v))));
    };
    st.check()?;
    st.write(s.as_str())?;
    Ok(Value::from(s.char_len()))
}

fn sio_seek(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "seek")?;
    let p = args.posonly("StringIO.seek", "seek", 1, 2)?;
    let pos = io_base::seek_pos(vm, &p[0])?;
    let whence = io_base::seek_whence(vm, p.get(1))?;
    let mut st = st.borrow_mut();
    st.check()?;
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(PyErr::value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(PyErr::new("OSError", "Can't do nonzero cur-relative seeks"));
    }
    let target = match whence {
        0 => pos as usize,
        1 => st.pos,
        _ => st.len,
    };
    st.set_pos(target);
    Ok(Value::from(target))
}

/// `__next__`: the next line; a subclass's own `readline` is honoured.
fn sio_next(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__next__")?;
    st.borrow().check()?;
    let me = &args.args[0];
    let line = if io_base::is_exact(me, &super::io::io_types().stringio) {
        Value::new_str(st.borrow_mut().readline(-1))
    } else {
        let line = call::call_method(vm, me, "readline", &[])?;
        if line.as_str().is_none() {
            return Err(PyErr::new("OSError", format!("readline() should have returned a str object, not '{}'", type_name(&line))));
        }
        line
    };
    if line.as_str().is_some_and(|s| s.as_str().is_empty()) {
        return Err(PyErr::stop_iteration(None));
    }
    Ok(line)
}

/// `__getstate__()`: `(value, newline, position, __dict__ or None)`.
fn sio_getstate(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__getstate__")?;
    args.noargs("StringIO.__getstate__")?;
    let st = st.borrow();
    st.check()?;
    let newline = match st.newline {
        Newline::Universal => Value::None,
        Newline::Untranslated => Value::new_str(""),
        Newline::Lf => Value::new_str("\n"),
        Newline::Cr => Value::new_str("\r"),
        Newline::CrLf => Value::new_str("\r\n"),
    };
    let value = Value::new_str(st.buf.as_str());
    Ok(Value::new_tuple(vec![value, newline, Value::from(st.pos), io_base::state_dict(&args.args[0])]))
}

/// `__setstate__(state)`: re-initialise with the state's `newline`, then take its text
/// as it is (it was translated when first written) and its position.
fn sio_setstate(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "__setstate__")?;
    let arg = args.one("StringIO.__setstate__")?;
    let me = &args.args[0];
    let items = io_base::state_tuple(me, &super::io::io_types().stringio, arg, 4)?;
    if st.borrow().closed {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    // `__init__` checks the items (and notes the line endings for `newlines`).
    sio_init(vm, Args::new(&[me.clone(), items[0].clone(), items[1].clone()]))?;
    let Some(text) = items[0].as_str() else {
        return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", type_name(&items[0]))));
    };
    let pos = io_base::state_pos(vm, &items[2], |v| format!("third item of state must be an integer, got {}", type_name(v)))?;
    {
        let mut st = st.borrow_mut();
        st.buf = text.as_str().to_string();
        st.len = text.char_len();
        st.set_pos(pos);
    }
    io_base::restore_dict(vm, me, &items[3], |v| format!("fourth item of state should be a dict, got a {}", type_name(v)))?;
    Ok(Value::None)
}

fn g_closed(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "closed")?.borrow();
    if !st.ok {
        st.check()?;
    }
    Ok(Value::Bool(st.closed))
}

fn g_line_buffering(_vm: &Vm, args: Args) -> PyResult<Value> {
    state(&args, "line_buffering")?.borrow().check()?;
    Ok(Value::Bool(false))
}

fn g_newlines(_vm: &Vm, args: Args) -> PyResult<Value> {
    let st = state(&args, "newlines")?.borrow();
    st.check()?;
    Ok(st.newlines())
}

/// The `_io.StringIO` type, a subclass of `base` (`_TextIOBase`).
pub fn make_type(base: &PyRef) -> PyRef {
    let cls = super::io::new_type("StringIO", vec![base.clone()], "_io");
    add_methods(
        &cls,
        "StringIO",
        &[
            ("__new__", sio_new),
            ("__init__", sio_init),
            ("getvalue", io_memory::getvalue::<State>),
            ("read", io_memory::read::<State>),
            ("readline", io_memory::readline::<State>),
            ("write", sio_write),
            ("seek", sio_seek),
            ("tell", io_memory::tell::<State>),
            ("truncate", io_memory::truncate::<State>),
            ("readable", io_memory::readable::<State>),
            ("writable", io_memory::writable::<State>),
            ("seekable", io_memory::seekable::<State>),
            ("close", io_memory::close::<State>),
            ("__next__", sio_next),
            ("__getstate__", sio_getstate),
            ("__setstate__", sio_setstate),
        ],
    );
    add_properties(&cls, &[("closed", g_closed, None), ("line_buffering", g_line_buffering, None), ("newlines", g_newlines, None)]);
    cls
}
