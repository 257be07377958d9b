//! File objects and the `open()` builtin (the `_io`/`io` module): `FileIO` (unbuffered),
//! `BufferedReader`/`BufferedWriter`/`BufferedRandom`, and `TextIOWrapper` with encodings
//! (`io_codec.rs`), newline translation, `seek`/`tell`, iteration and the context-manager
//! protocol; `sys.stdin` and the `input()` builtin. The file classes derive from the `_io`
//! base classes (`io_base.rs`); `StringIO`/`BytesIO` are `io_stringio.rs`/`io_bytesio.rs`.
//!
//! The three layers of a CPython file are one shared [`Stream`] (descriptor, read buffer,
//! write buffer) seen through up to three objects (`f`, `f.buffer`, `f.buffer.raw`). The
//! text layer works on the byte buffer directly: it finds the byte extent of the characters
//! or line it needs, then decodes exactly that, so `tell()` is always the byte position.
//! A `Stream` flushes and closes its descriptor in Rust `Drop`, so a file that is never
//! closed explicitly is closed when its last object is freed, as in CPython.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::io_codec::Codec;
use crate::objects::function::{add_methods, native};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, int, module, str::new_bytes, types, Payload, PyRef, Value};
use crate::runtime::gil::{allow_threads, GilShared};
use crate::runtime::{call, iter, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

const BUFFER_SIZE: usize = 8192;

// ---- the shared stream ----

/// A file descriptor with read and write buffers, shared by the layers of one file.
pub struct Stream {
    fd: i32,
    closefd: bool,
    closed: bool,
    readable: bool,
    writable: bool,
    /// Unbuffered (`buffering=0`): reads and writes go straight to the descriptor.
    raw: bool,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    seekable: Option<bool>,
}

impl Stream {
    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if self.closed {
            return;
        }
        if !self.wbuf.is_empty() {
            let _ = write_all_fd(self.fd, &self.wbuf);
        }
        if self.closefd {
            // SAFETY: the stream owns the descriptor and closes it once.
            unsafe { libc::close(self.fd) };
        }
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Write all of `data` to `fd` (no GIL needed: plain bytes). Returns the errno on failure.
fn write_all_fd(fd: i32, data: &[u8]) -> Result<(), i32> {
    if fd == 1 || fd == 2 {
        // Keep the order of output written through `sys.stdout` and through a file.
        super::sys::flush_stdout_raw();
    }
    let mut done = 0;
    while done < data.len() {
        // SAFETY: the range lies inside `data`.
        let n = unsafe { libc::write(fd, data[done..].as_ptr() as *const libc::c_void, data.len() - done) };
        if n < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(e);
        }
        done += n as usize;
    }
    Ok(())
}

fn os_err(e: i32) -> PyErr {
    super::os_error::from_errno(e, None, None)
}

/// One `read(2)` of up to `n` bytes, without the GIL.
fn read_fd(vm: &Vm, fd: i32, n: usize) -> PyResult<Vec<u8>> {
    loop {
        let (buf, r, e) = allow_threads(move || {
            let mut buf = vec![0u8; n];
            // SAFETY: `buf` has `n` writable bytes.
            let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) };
            (buf, r, errno())
        });
        if r >= 0 {
            let mut buf = buf;
            buf.truncate(r as usize);
            return Ok(buf);
        }
        if e != libc::EINTR {
            return Err(os_err(e));
        }
        vm.check_breaker()?;
    }
}

type StreamRef = Rc<RefCell<Stream>>;

type StreamList = RefCell<Vec<std::rc::Weak<RefCell<Stream>>>>;

/// Every stream opened, weakly: files still open at exit are flushed then, as CPython's
/// finalisation does (module globals are not freed at exit).
static OPEN_STREAMS: once_cell::sync::OnceCell<GilShared<StreamList>> = once_cell::sync::OnceCell::new();

fn open_streams() -> &'static StreamList {
    OPEN_STREAMS.get_or_init(|| GilShared::new(RefCell::new(Vec::new()))).get()
}

fn register(s: &StreamRef) {
    let mut list = open_streams().borrow_mut();
    if list.len() >= 64 && list.len().is_power_of_two() {
        list.retain(|w| w.strong_count() > 0);
    }
    list.push(Rc::downgrade(s));
}

/// Flush the write buffers of all files still open (at interpreter exit).
pub fn flush_all() {
    let live: Vec<StreamRef> = open_streams().borrow().iter().filter_map(|w| w.upgrade()).collect();
    for s in live {
        if !s.borrow().closed {
            let _ = flush_stream(&s);
        }
    }
}

fn flush_stream(s: &StreamRef) -> PyResult<()> {
    let (fd, data) = {
        let mut st = s.borrow_mut();
        if st.wbuf.is_empty() {
            return Ok(());
        }
        (st.fd, std::mem::take(&mut st.wbuf))
    };
    let r = allow_threads(move || write_all_fd(fd, &data));
    r.map_err(os_err)
}

/// Drop read-ahead so the descriptor's position is the logical position again.
fn discard_readahead(s: &StreamRef) -> PyResult<()> {
    let (fd, back) = {
        let mut st = s.borrow_mut();
        let back = st.unread();
        st.rbuf.clear();
        st.rpos = 0;
        (st.fd, back)
    };
    if back > 0 {
        // SAFETY: lseek on the stream's descriptor.
        if unsafe { libc::lseek(fd, -(back as i64), libc::SEEK_CUR) } < 0 {
            return Err(os_err(errno()));
        }
    }
    Ok(())
}

/// Read more bytes into the read buffer; false at end of file.
fn fill(vm: &Vm, s: &StreamRef) -> PyResult<bool> {
    flush_stream(s)?;
    let fd = {
        let mut st = s.borrow_mut();
        if st.rpos > 0 {
            let rpos = st.rpos;
            st.rbuf.drain(..rpos);
            st.rpos = 0;
        }
        st.fd
    };
    let data = read_fd(vm, fd, BUFFER_SIZE)?;
    if data.is_empty() {
        return Ok(false);
    }
    s.borrow_mut().rbuf.extend_from_slice(&data);
    Ok(true)
}

/// Take `n` buffered bytes.
fn take(s: &StreamRef, n: usize) -> Vec<u8> {
    let mut st = s.borrow_mut();
    let start = st.rpos;
    let out = st.rbuf[start..start + n].to_vec();
    st.rpos += n;
    out
}

/// Read up to `n` bytes (all when `None`), blocking until `n` or end of file.
fn read_bytes(vm: &Vm, s: &StreamRef, n: Option<usize>) -> PyResult<Vec<u8>> {
    loop {
        let avail = s.borrow().unread();
        if let Some(n) = n {
            if avail >= n {
                return Ok(take(s, n));
            }
        }
        if !fill(vm, s)? {
            return Ok(take(s, avail));
        }
    }
}

/// Write bytes through the buffer (straight through for unbuffered streams). Read-ahead
/// is given back first (the write lands at the logical position), except for text files:
/// CPython's text layer has consumed its whole read chunk, so a write after a read lands
/// after that chunk.
fn write_bytes(s: &StreamRef, data: &[u8], text: bool) -> PyResult<()> {
    if s.borrow().unread() > 0 {
        if text {
            let mut st = s.borrow_mut();
            st.rbuf.clear();
            st.rpos = 0;
        } else {
            discard_readahead(s)?;
        }
    }
    let flush_now = {
        let mut st = s.borrow_mut();
        st.wbuf.extend_from_slice(data);
        st.raw || st.wbuf.len() >= BUFFER_SIZE
    };
    if flush_now {
        flush_stream(s)?;
    }
    Ok(())
}

fn lseek(fd: i32, off: i64, whence: i32) -> PyResult<i64> {
    // SAFETY: lseek on an integer descriptor; failures come back through errno.
    let r = unsafe { libc::lseek(fd, off, whence) };
    if r < 0 {
        return Err(os_err(errno()));
    }
    Ok(r)
}

fn tell_stream(s: &StreamRef) -> PyResult<i64> {
    let st = s.borrow();
    let pos = lseek(st.fd, 0, libc::SEEK_CUR)?;
    Ok(pos - st.unread() as i64 + st.wbuf.len() as i64)
}

fn seek_stream(s: &StreamRef, off: i64, whence: i32) -> PyResult<i64> {
    flush_stream(s)?;
    let off = if whence == libc::SEEK_CUR { off - s.borrow().unread() as i64 } else { off };
    let fd = {
        let mut st = s.borrow_mut();
        st.rbuf.clear();
        st.rpos = 0;
        st.fd
    };
    lseek(fd, off, whence)
}

// ---- file objects ----

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Raw,
    Reader,
    Writer,
    Random,
    Text,
}

/// How a text file reads and writes line endings (the `newline` argument).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Newline {
    /// `None`: universal newlines, translated to `\n` on input.
    Universal,
    /// `''`: universal newlines recognised, not translated.
    Untranslated,
    Lf,
    Cr,
    CrLf,
}

struct TextState {
    codec: Codec,
    encoding: String,
    errors: String,
    newline: Newline,
    line_buffering: bool,
    /// For `utf-8-sig`: whether the start of the file has been handled.
    bom_done: Cell<bool>,
}

/// The payload of a file object.
pub struct FileObj {
    kind: Kind,
    stream: StreamRef,
    name: RefCell<Value>,
    mode: String,
    text: Option<TextState>,
    /// The next layer down (`buffer` of a text file, `raw` of a buffered one).
    inner: Option<PyRef>,
}

pub(super) struct IoTypes {
    pub(super) stringio: PyRef,
    pub(super) bytesio: PyRef,
    text: PyRef,
    reader: PyRef,
    writer: PyRef,
    random: PyRef,
    raw: PyRef,
    unsupported: PyRef,
}

static IO_TYPES: once_cell::sync::OnceCell<GilShared<IoTypes>> = once_cell::sync::OnceCell::new();

pub(super) fn io_types() -> &'static IoTypes {
    IO_TYPES.get_or_init(|| GilShared::new(make_types())).get()
}

pub(super) fn new_type(name: &str, bases: Vec<PyRef>, module: &str) -> PyRef {
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str(module));
    dict::set_str(&ns, "__qualname__", Value::new_str(name));
    let cls = typeobj::new_class(&t.type_, name, bases, &ns).unwrap_or_else(|_| t.object.clone());
    cls.make_immortal();
    cls
}

fn add_getters(cls: &PyRef, table: &[(&'static str, crate::objects::NativeFn)]) {
    let props: Vec<_> = table.iter().map(|&(name, f)| (name, f, None)).collect();
    crate::objects::function::add_properties(cls, &props);
}

fn make_types() -> IoTypes {
    let t = types();
    let common: &[(&'static str, crate::objects::NativeFn)] = &[
        ("close", f_close),
        ("flush", f_flush),
        ("fileno", f_fileno),
        ("isatty", f_isatty),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("seek", f_seek),
        ("tell", f_tell),
        ("truncate", f_truncate),
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("__repr__", f_repr),
    ];
    let getters: &[(&'static str, crate::objects::NativeFn)] = &[("closed", g_closed), ("name", g_name), ("mode", g_mode)];
    let bases = super::io_base::base_types();
    let mk = |name: &str, owner: &'static str, base: &PyRef| {
        let cls = new_type(name, vec![base.clone()], "_io");
        add_methods(&cls, owner, common);
        add_getters(&cls, getters);
        cls
    };
    let text = mk("TextIOWrapper", "TextIOWrapper", &bases.text);
    add_getters(
        &text,
        &[
            ("buffer", g_inner),
            ("encoding", g_encoding),
            ("errors", g_errors),
            ("newlines", g_newlines),
            ("line_buffering", g_line_buffering),
        ],
    );
    let reader = mk("BufferedReader", "BufferedReader", &bases.buffered);
    let writer = mk("BufferedWriter", "BufferedWriter", &bases.buffered);
    let random = mk("BufferedRandom", "BufferedRandom", &bases.buffered);
    for c in [&reader, &writer, &random] {
        add_getters(c, &[("raw", g_inner)]);
        add_methods(c, "Buffered", &[("read1", f_read1), ("readinto", f_readinto), ("peek", f_peek)]);
    }
    let raw = mk("FileIO", "FileIO", &bases.raw);
    add_getters(&raw, &[("closefd", g_closefd)]);
    add_methods(&raw, "FileIO", &[("readall", f_readall), ("readinto", f_readinto)]);
    let unsupported = new_type("UnsupportedOperation", vec![t.exc.get("OSError").clone(), t.exc.get("ValueError").clone()], "io");
    let stringio = super::io_stringio::make_type(&bases.text);
    let bytesio = super::io_bytesio::make_type(&bases.buffered);
    IoTypes { stringio, bytesio, text, reader, writer, random, raw, unsupported }
}

fn file_of(v: &Value) -> PyResult<&FileObj> {
    if let Some(Payload::Native(b)) = v.payload() {
        if let Some(f) = b.downcast_ref::<FileObj>() {
            return Ok(f);
        }
    }
    Err(PyErr::type_error(format!("descriptor requires a file object, not '{}'", type_name(v))))
}

/// `io.UnsupportedOperation(msg)`.
pub(super) fn unsupported(msg: &str) -> PyErr {
    PyErr::with_args(&io_types().unsupported, vec![Value::new_str(msg)])
}

fn closed_err() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

impl FileObj {
    fn is_closed(&self) -> bool {
        self.stream.borrow().closed
    }

    fn check_open(&self) -> PyResult<()> {
        if self.is_closed() {
            return Err(closed_err());
        }
        Ok(())
    }

    /// Closed-file check with the message of each layer's read.
    fn check_open_for_read(&self) -> PyResult<()> {
        if self.is_closed() {
            return Err(match self.kind {
                Kind::Text | Kind::Raw => closed_err(),
                _ => PyErr::value_error("read of closed file"),
            });
        }
        Ok(())
    }

    fn check_readable(&self) -> PyResult<()> {
        self.check_open_for_read()?;
        if !self.stream.borrow().readable {
            return Err(unsupported(match self.kind {
                Kind::Text => "not readable",
                Kind::Raw => "File not open for reading",
                _ => "read",
            }));
        }
        Ok(())
    }

    fn check_writable(&self) -> PyResult<()> {
        if self.is_closed() {
            return Err(match self.kind {
                Kind::Text | Kind::Raw => closed_err(),
                _ => PyErr::value_error("write to closed file"),
            });
        }
        if !self.stream.borrow().writable {
            return Err(unsupported(match self.kind {
                Kind::Text => "not writable",
                Kind::Raw => "File not open for writing",
                _ => "write",
            }));
        }
        Ok(())
    }

    fn text(&self) -> Option<&TextState> {
        self.text.as_ref()
    }
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a FileObj> {
    file_of(&args.args[0])
}

/// An optional size argument (`None` or negative: everything).
fn size_arg(vm: &Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    let n = super::io_base::opt_ssize(vm, v)?;
    Ok((n >= 0).then_some(n as usize))
}

// ---- text reading ----

/// Skip a UTF-8 BOM at the start of a `utf-8-sig` file.
fn handle_bom(vm: &Vm, f: &FileObj, t: &TextState) -> PyResult<()> {
    if t.codec != Codec::Utf8Sig || t.bom_done.get() {
        return Ok(());
    }
    t.bom_done.set(true);
    if tell_stream(&f.stream).ok() != Some(0) {
        return Ok(());
    }
    while f.stream.borrow().unread() < 3 {
        if !fill(vm, &f.stream)? {
            break;
        }
    }
    let st = &f.stream;
    let has_bom = {
        let s = st.borrow();
        s.rbuf[s.rpos..].starts_with(b"\xef\xbb\xbf")
    };
    if has_bom {
        st.borrow_mut().rpos += 3;
    }
    Ok(())
}

/// Decode an extent of bytes and apply the input newline translation.
fn decode_text(t: &TextState, bytes: &[u8]) -> PyResult<String> {
    let (s, _) = super::io_codec::decode(t.codec, bytes, &t.errors, true)?;
    if t.newline == Newline::Universal && s.contains('\r') {
        return Ok(s.replace("\r\n", "\n").replace('\r', "\n"));
    }
    Ok(s)
}

fn is_char_start(codec: Codec, b: u8) -> bool {
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => !(0x80..0xc0).contains(&b),
        _ => true,
    }
}

/// The byte length of the first `n` characters of `buf` (counting a translated `\r\n` as
/// one), or `None` if more bytes are needed to be sure.
fn chars_extent(t: &TextState, buf: &[u8], n: usize, eof: bool) -> Option<usize> {
    let mut count = 0;
    let mut i = 0;
    while i < buf.len() {
        if is_char_start(t.codec, buf[i]) {
            if count == n {
                return Some(i);
            }
            count += 1;
            if buf[i] == b'\r' && t.newline == Newline::Universal {
                match buf.get(i + 1) {
                    Some(b'\n') => i += 1,
                    Some(_) => {}
                    None if eof => {}
                    None => return None,
                }
            }
        }
        i += 1;
    }
    let ends_with_cr = t.newline == Newline::Universal && buf.last() == Some(&b'\r');
    if eof || (count == n && last_char_complete(t.codec, buf) && !ends_with_cr) {
        Some(buf.len())
    } else {
        None
    }
}

/// Whether the last character of `buf` has all its bytes (UTF-8 lead byte length).
fn last_char_complete(codec: Codec, buf: &[u8]) -> bool {
    if !matches!(codec, Codec::Utf8 | Codec::Utf8Sig) {
        return true;
    }
    let Some(j) = buf.iter().rposition(|&b| is_char_start(codec, b)) else {
        return true;
    };
    let need = match buf[j] {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    };
    buf.len() - j >= need
}

/// The byte length of the first line in `buf` (terminator included, at most `limit`
/// characters), or `None` if more bytes are needed. Binary streams pass `Newline::Lf`
/// and `Codec::Latin1` (every byte a character); `StringIO` its UTF-8 text.
pub(super) fn line_extent(newline: Newline, codec: Codec, buf: &[u8], limit: Option<usize>, eof: bool) -> Option<usize> {
    let mut chars = 0;
    let mut i = 0;
    while i < buf.len() {
        let b = buf[i];
        if is_char_start(codec, b) {
            if limit.is_some_and(|l| chars == l) {
                return Some(i);
            }
            chars += 1;
        }
        // With the limit reached at a `\r`, an untranslated `\r\n` pair (two characters)
        // is cut after the `\r`; a translated one is a single `\n`.
        let full = limit.is_some_and(|l| chars == l);
        match (newline, b) {
            (Newline::Lf, b'\n') => return Some(i + 1),
            (Newline::Universal | Newline::Untranslated, b'\n') => return Some(i + 1),
            (Newline::Universal | Newline::Untranslated | Newline::Cr, b'\r') => {
                if newline == Newline::Cr || (full && newline == Newline::Untranslated) {
                    return Some(i + 1);
                }
                return match buf.get(i + 1) {
                    Some(b'\n') => Some(i + 2),
                    Some(_) => Some(i + 1),
                    None if eof => Some(i + 1),
                    None => None,
                };
            }
            (Newline::CrLf, b'\r') if full => return Some(i + 1),
            (Newline::CrLf, b'\r') if buf.get(i + 1) == Some(&b'\n') => return Some(i + 2),
            (Newline::CrLf, b'\r') if i + 1 == buf.len() && !eof => return None,
            _ => {}
        }
        i += 1;
    }
    if eof {
        Some(buf.len())
    } else {
        None
    }
}

/// Read the byte extent chosen by `extent` (called on the unread bytes and an end-of-file
/// flag), filling the buffer until it can decide.
fn read_extent(vm: &Vm, s: &StreamRef, extent: impl Fn(&[u8], bool) -> Option<usize>) -> PyResult<Vec<u8>> {
    let mut eof = false;
    loop {
        let found = {
            let st = s.borrow();
            extent(&st.rbuf[st.rpos..], eof)
        };
        if let Some(n) = found {
            return Ok(take(s, n));
        }
        if !fill(vm, s)? {
            eof = true;
        }
    }
}

fn text_read(vm: &Vm, f: &FileObj, t: &TextState, n: Option<usize>) -> PyResult<String> {
    handle_bom(vm, f, t)?;
    let bytes = match n {
        None => read_bytes(vm, &f.stream, None)?,
        Some(n) => read_extent(vm, &f.stream, |buf, eof| chars_extent(t, buf, n, eof))?,
    };
    decode_text(t, &bytes)
}

fn text_readline(vm: &Vm, f: &FileObj, t: &TextState, limit: Option<usize>) -> PyResult<String> {
    handle_bom(vm, f, t)?;
    let bytes = read_extent(vm, &f.stream, |buf, eof| line_extent(t.newline, t.codec, buf, limit, eof))?;
    decode_text(t, &bytes)
}

fn binary_readline(vm: &Vm, f: &FileObj, limit: Option<usize>) -> PyResult<Vec<u8>> {
    read_extent(vm, &f.stream, |buf, eof| line_extent(Newline::Lf, Codec::Latin1, buf, limit, eof))
}

/// One line as a value (str for text files, bytes otherwise); empty at end of file.
fn readline_value(vm: &Vm, f: &FileObj, limit: Option<usize>) -> PyResult<Value> {
    f.check_readable()?;
    match f.text() {
        Some(t) => Ok(Value::new_str(text_readline(vm, f, t, limit)?)),
        None => {
            if f.kind == Kind::Raw {
                // FileIO.readline: byte at a time, no read-ahead beyond the line.
                let mut line = Vec::new();
                let fd = f.stream.borrow().fd;
                while limit.map_or(true, |l| line.len() < l) {
                    let b = read_fd(vm, fd, 1)?;
                    if b.is_empty() {
                        break;
                    }
                    line.push(b[0]);
                    if b[0] == b'\n' {
                        break;
                    }
                }
                return Ok(new_bytes(line));
            }
            Ok(new_bytes(binary_readline(vm, f, limit)?))
        }
    }
}

fn is_empty_value(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Str(s)) => s.as_str().is_empty(),
        Some(Payload::Bytes(b)) => b.is_empty(),
        _ => false,
    }
}

// ---- methods ----

fn f_read(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    args.no_kwargs("read")?;
    let pos = args.check_count("read", 1, 2)?;
    f.check_readable()?;
    let n = size_arg(vm, pos.get(1))?;
    match f.text() {
        Some(t) => Ok(Value::new_str(text_read(vm, f, t, n)?)),
        None if f.kind == Kind::Raw => {
            let fd = f.stream.borrow().fd;
            match n {
                Some(n) => Ok(new_bytes(read_fd(vm, fd, n)?)),
                None => f_readall(vm, args),
            }
        }
        None => Ok(new_bytes(read_bytes(vm, &f.stream, n)?)),
    }
}

fn f_readall(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    f.check_readable()?;
    let fd = f.stream.borrow().fd;
    let mut out = Vec::new();
    loop {
        let chunk = read_fd(vm, fd, 64 * 1024)?;
        if chunk.is_empty() {
            return Ok(new_bytes(out));
        }
        out.extend_from_slice(&chunk);
    }
}

fn f_read1(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let pos = args.check_count("read1", 1, 2)?;
    f.check_readable()?;
    let n = size_arg(vm, pos.get(1))?.unwrap_or(BUFFER_SIZE);
    if f.stream.borrow().unread() == 0 {
        fill(vm, &f.stream)?;
    }
    let avail = f.stream.borrow().unread();
    Ok(new_bytes(take(&f.stream, avail.min(n))))
}

fn f_peek(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    f.check_readable()?;
    if f.stream.borrow().unread() == 0 {
        fill(vm, &f.stream)?;
    }
    let st = f.stream.borrow();
    Ok(new_bytes(st.rbuf[st.rpos..].to_vec()))
}

fn f_readinto(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let pos = args.check_count("readinto", 2, 2)?;
    f.check_readable()?;
    let Some(Payload::ByteArray(target)) = pos[1].payload() else {
        return Err(PyErr::type_error(format!("readinto() argument must be read-write bytes-like object, not {}", type_name(&pos[1]))));
    };
    let n = target.borrow().len();
    let data = read_bytes(vm, &f.stream, Some(n))?;
    target.borrow_mut()[..data.len()].copy_from_slice(&data);
    Ok(Value::from(data.len()))
}

fn f_readline(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    args.no_kwargs("readline")?;
    let pos = args.check_count("readline", 1, 2)?;
    let limit = size_arg(vm, pos.get(1))?;
    readline_value(vm, f, limit)
}

fn f_readlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let pos = args.check_count("readlines", 1, 2)?;
    let hint = super::io_base::opt_ssize(vm, pos.get(1))?;
    super::io_base::collect_lines(vm, hint, false, |vm| {
        let line = readline_value(vm, f, None)?;
        Ok((!is_empty_value(&line)).then_some(line))
    })
}

/// Encode text for writing: newline translation, BOM, codec.
fn encode_text(f: &FileObj, t: &TextState, s: &str) -> PyResult<Vec<u8>> {
    let translated;
    let s = match t.newline {
        Newline::Cr if s.contains('\n') => {
            translated = s.replace('\n', "\r");
            translated.as_str()
        }
        Newline::CrLf if s.contains('\n') => {
            translated = s.replace('\n', "\r\n");
            translated.as_str()
        }
        _ => s,
    };
    let mut out = Vec::new();
    if t.codec == Codec::Utf8Sig && !t.bom_done.get() {
        t.bom_done.set(true);
        if tell_stream(&f.stream).ok() == Some(0) {
            out.extend_from_slice(b"\xef\xbb\xbf");
        }
    }
    out.extend(super::io_codec::encode(t.codec, s, &t.errors)?);
    Ok(out)
}

fn write_value(f: &FileObj, v: &Value) -> PyResult<Value> {
    f.check_writable()?;
    match f.text() {
        Some(t) => {
            let Some(s) = v.as_str() else {
                return Err(PyErr::type_error(format!("write() argument must be str, not {}", type_name(v))));
            };
            let data = encode_text(f, t, s.as_str())?;
            write_bytes(&f.stream, &data, true)?;
            if t.line_buffering && (s.as_str().contains('\n') || s.as_str().contains('\r')) {
                flush_stream(&f.stream)?;
            }
            Ok(Value::from(s.char_len()))
        }
        None => {
            let Some(data) = super::os::bytes_like(v) else {
                return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(v))));
            };
            write_bytes(&f.stream, &data, false)?;
            Ok(Value::from(data.len()))
        }
    }
}

fn f_write(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    args.no_kwargs("write")?;
    let pos = args.check_count("write", 2, 2)?;
    write_value(f, &pos[1])
}

fn f_writelines(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let pos = args.check_count("writelines", 2, 2)?;
    f.check_open()?;
    let it = iter::iter(vm, &pos[1])?;
    while let Some(line) = iter::next(vm, &it)? {
        write_value(f, &line)?;
    }
    Ok(Value::None)
}

fn f_flush(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    if f.is_closed() {
        return Err(match f.kind {
            Kind::Text => closed_err(),
            Kind::Raw => PyErr::value_error("I/O operation on closed file."),
            _ => PyErr::value_error("flush of closed file"),
        });
    }
    flush_stream(&f.stream)?;
    Ok(Value::None)
}

/// Close the stream: flush, then close the descriptor (if owned). Idempotent.
fn close_file(f: &FileObj) -> PyResult<()> {
    if f.is_closed() {
        return Ok(());
    }
    let flushed = flush_stream(&f.stream);
    let (fd, closefd) = {
        let mut st = f.stream.borrow_mut();
        st.closed = true;
        st.rbuf.clear();
        st.rpos = 0;
        (st.fd, st.closefd)
    };
    // SAFETY: the stream owned the descriptor; it is marked closed so Drop will not close
    // it again.
    if closefd && unsafe { libc::close(fd) } != 0 {
        flushed?;
        return Err(os_err(errno()));
    }
    flushed
}

fn f_close(_vm: &Vm, args: Args) -> PyResult<Value> {
    close_file(this(&args)?)?;
    Ok(Value::None)
}

fn raw_closed_check(f: &FileObj) -> PyResult<()> {
    if f.is_closed() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(())
}

fn f_fileno(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    raw_closed_check(f)?;
    Ok(Value::Int(f.stream.borrow().fd as i64))
}

fn f_isatty(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    raw_closed_check(f)?;
    // SAFETY: isatty has no memory preconditions.
    Ok(Value::Bool(unsafe { libc::isatty(f.stream.borrow().fd) } == 1))
}

fn f_readable(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    raw_closed_check(f)?;
    Ok(Value::Bool(f.stream.borrow().readable))
}

fn f_writable(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    raw_closed_check(f)?;
    Ok(Value::Bool(f.stream.borrow().writable))
}

fn is_seekable(f: &FileObj) -> bool {
    let mut st = f.stream.borrow_mut();
    if st.seekable.is_none() {
        // SAFETY: lseek on the stream's descriptor.
        st.seekable = Some(unsafe { libc::lseek(st.fd, 0, libc::SEEK_CUR) } >= 0);
    }
    st.seekable.unwrap_or(false)
}

fn f_seekable(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    raw_closed_check(f)?;
    Ok(Value::Bool(is_seekable(f)))
}

fn f_seek(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    args.no_kwargs("seek")?;
    let pos = args.check_count("seek", 2, 3)?;
    f.check_open()?;
    let Some(off) = int::as_bigint(&pos[1]) else {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&pos[1]))));
    };
    use num_traits::ToPrimitive;
    let off = off.to_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    let whence = match pos.get(2) {
        Some(w) => crate::runtime::ops::index_value(w)?,
        None => 0,
    };
    if f.kind == Kind::Text {
        match whence {
            0 if off < 0 => return Err(PyErr::value_error(format!("negative seek position {off}"))),
            0 => {}
            1 if off != 0 => return Err(unsupported("can't do nonzero cur-relative seeks")),
            1 => return Ok(Value::Int(tell_stream(&f.stream)?)),
            2 if off != 0 => return Err(unsupported("can't do nonzero end-relative seeks")),
            2 => {}
            w => return Err(PyErr::value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        }
        if let Some(t) = f.text() {
            // Seeking back to the start re-arms BOM handling for `utf-8-sig`.
            if whence == 0 && off == 0 {
                t.bom_done.set(false);
            }
        }
    } else if !(0..=4).contains(&whence) && f.kind != Kind::Raw {
        return Err(PyErr::value_error(format!("whence value {whence} unsupported")));
    }
    Ok(Value::Int(seek_stream(&f.stream, off, whence as i32)?))
}

fn f_tell(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    f.check_open()?;
    Ok(Value::Int(tell_stream(&f.stream)?))
}

fn f_truncate(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let pos = args.check_count("truncate", 1, 2)?;
    f.check_writable()?;
    flush_stream(&f.stream)?;
    let size = match pos.get(1) {
        None | Some(Value::None) => tell_stream(&f.stream)?,
        Some(v) => crate::runtime::ops::index_value(v)?,
    };
    discard_readahead(&f.stream)?;
    // SAFETY: ftruncate on the stream's descriptor.
    if unsafe { libc::ftruncate(f.stream.borrow().fd, size) } != 0 {
        return Err(os_err(errno()));
    }
    Ok(Value::Int(size))
}

fn f_enter(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    f.check_open()?;
    Ok(args.args[0].clone())
}

fn f_exit(_vm: &Vm, args: Args) -> PyResult<Value> {
    close_file(this(&args)?)?;
    Ok(Value::None)
}

fn f_iter(_vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    f.check_open()?;
    Ok(args.args[0].clone())
}

fn f_next(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    f.check_open()?;
    let line = readline_value(vm, f, None)?;
    if is_empty_value(&line) {
        return Err(PyErr::stop_iteration(None));
    }
    Ok(line)
}

fn f_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let f = this(&args)?;
    let cls = typeobj::name_of(args.args[0].class());
    let name = f.name.borrow().clone();
    let name_part = if name.is_none() { String::new() } else { format!(" name={}", repr::repr(vm, &name)?) };
    Ok(Value::new_str(match f.kind {
        Kind::Text => {
            let enc = f.text().map(|t| t.encoding.clone()).unwrap_or_default();
            format!(
                "<_io.{cls}{name_part} mode={} encoding={}>",
                repr::repr(vm, &Value::new_str(f.mode.as_str()))?,
                repr::repr(vm, &Value::new_str(enc))?
            )
        }
        Kind::Raw if f.is_closed() => "<_io.FileIO [closed]>".to_string(),
        Kind::Raw => {
            let closefd = if f.stream.borrow().closefd { "True" } else { "False" };
            format!("<_io.FileIO{name_part} mode='{}' closefd={closefd}>", f.mode)
        }
        _ => format!("<_io.{cls}{name_part}>"),
    }))
}

fn g_closed(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(&args)?.is_closed()))
}

fn g_name(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(this(&args)?.name.borrow().clone())
}

fn g_mode(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_str(this(&args)?.mode.as_str()))
}

fn g_inner(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(this(&args)?.inner.clone().map(Value::Obj).unwrap_or(Value::None))
}

fn g_closefd(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(this(&args)?.stream.borrow().closefd))
}

fn text_attr(args: &Args, get: fn(&TextState) -> Value) -> PyResult<Value> {
    Ok(this(args)?.text().map(get).unwrap_or(Value::None))
}

fn g_encoding(_vm: &Vm, args: Args) -> PyResult<Value> {
    text_attr(&args, |t| Value::new_str(t.encoding.as_str()))
}

fn g_errors(_vm: &Vm, args: Args) -> PyResult<Value> {
    text_attr(&args, |t| Value::new_str(t.errors.as_str()))
}

fn g_newlines(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn g_line_buffering(_vm: &Vm, args: Args) -> PyResult<Value> {
    text_attr(&args, |t| Value::Bool(t.line_buffering))
}

// ---- open() ----

/// The parsed `mode` argument of `open()`.
struct Mode {
    reading: bool,
    writing: bool,
    appending: bool,
    creating: bool,
    updating: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let mut m = Mode { reading: false, writing: false, appending: false, creating: false, updating: false, binary: false };
    let mut text = false;
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+".contains(c) || seen.contains(c) {
            return Err(PyErr::value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            'x' => m.creating = true,
            '+' => m.updating = true,
            'b' => m.binary = true,
            _ => text = true,
        }
    }
    if text && m.binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    let kinds = [m.reading, m.writing, m.appending, m.creating].iter().filter(|&&b| b).count();
    if kinds > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(PyErr::value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    Ok(m)
}

/// `FileIO.mode` for a parsed mode.
fn raw_mode(m: &Mode) -> String {
    let base = if m.creating {
        "xb"
    } else if m.appending {
        "ab"
    } else if m.reading {
        "rb"
    } else {
        "wb"
    };
    match (m.updating, m.creating || m.appending || m.reading) {
        (true, true) => format!("{base}+"),
        (true, false) => "rb+".to_string(),
        _ => base.to_string(),
    }
}

fn opt_str<'a>(v: Option<&'a Value>, what: &str) -> PyResult<Option<&'a str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.as_str())),
            None => Err(PyErr::type_error(format!("open() argument '{what}' must be str or None, not {}", type_name(v)))),
        },
    }
}

fn wrap(cls: &PyRef, f: FileObj) -> PyRef {
    PyRef::new(cls, Payload::Native(Box::new(f)))
}

/// The default text encoding (`locale.getpreferredencoding(False)` in CPython).
fn default_encoding() -> &'static str {
    "UTF-8"
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn builtin_open(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = super::os::params(&args, "open", &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 8, 1)?;
    let file = p[0].unwrap_or(&Value::None);
    let mode_str = match p[1] {
        None => "r",
        Some(v) => match v.as_str() {
            Some(s) => s.as_str(),
            None => return Err(PyErr::type_error(format!("open() argument 'mode' must be str, not {}", type_name(v)))),
        },
    };
    let buffering = match p[2] {
        None => -1,
        Some(v) => crate::runtime::ops::index_value(v)?,
    };
    let encoding = opt_str(p[3], "encoding")?;
    let errors = opt_str(p[4], "errors")?;
    let newline = opt_str(p[5], "newline")?;
    let closefd = match p[6] {
        None => true,
        Some(v) => crate::runtime::ops::truthy(vm, v)?,
    };
    let m = parse_mode(mode_str)?;
    if m.binary {
        if encoding.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
        }
        if newline.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
        }
    }
    // The descriptor: an int `file`, or the path opened with the mode's flags.
    let (fd, name) = if let (Some(fdv), false) = (int::as_bigint(file), matches!(file, Value::Bool(_))) {
        use num_traits::ToPrimitive;
        let fd = fdv.to_i32().ok_or_else(|| PyErr::overflow_error("signed integer is greater than maximum"))?;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        (fd, file.clone())
    } else {
        if !closefd {
            return Err(PyErr::value_error("Cannot use closefd=False with file name"));
        }
        let path = super::os::fspath(vm, file)?;
        let arg = super::os::path_arg(vm, &path, "open", super::os::PathKinds::Path)?;
        let mut flags = libc::O_CLOEXEC;
        flags |= if m.updating {
            libc::O_RDWR
        } else if m.reading {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        if m.writing {
            flags |= libc::O_CREAT | libc::O_TRUNC;
        }
        if m.appending {
            flags |= libc::O_CREAT | libc::O_APPEND;
        }
        if m.creating {
            flags |= libc::O_CREAT | libc::O_EXCL;
        }
        let c = arg.c_string();
        let opener = p[7].filter(|o| !o.is_none());
        let fd = match opener {
            Some(op) => {
                let r = call::call(vm, op, Args::new(&[path.clone(), Value::Int(flags as i64)]))?;
                let fd = crate::runtime::ops::index_value(&r)?;
                if fd < 0 {
                    return Err(PyErr::value_error(format!("opener returned {fd}")));
                }
                fd as i32
            }
            None => {
                let (fd, e) = allow_threads(move || {
                    // SAFETY: a NUL-terminated path.
                    let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
                    (fd, errno())
                });
                if fd < 0 {
                    return Err(super::os_error::from_errno(e, Some(path.clone()), None));
                }
                fd
            }
        };
        // Opening a directory for reading succeeds at the OS level; CPython refuses it.
        // SAFETY: all-zero bytes are a valid `struct stat`; fstat writes into it.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is a valid out-pointer.
        if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            // SAFETY: we own the descriptor just opened.
            unsafe { libc::close(fd) };
            return Err(super::os_error::from_errno(libc::EISDIR, Some(path.clone()), None));
        }
        (fd, path)
    };
    if m.appending {
        // SAFETY: lseek on the descriptor just opened (failure is harmless here).
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    let stream = Rc::new(RefCell::new(Stream {
        fd,
        closefd,
        closed: false,
        readable: m.reading || m.updating,
        writable: m.writing || m.appending || m.creating || m.updating,
        raw: buffering == 0,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        seekable: None,
    }));
    register(&stream);
    let tys = io_types();
    let rmode = raw_mode(&m);
    let raw = wrap(
        &tys.raw,
        FileObj { kind: Kind::Raw, stream: stream.clone(), name: RefCell::new(name.clone()), mode: rmode.clone(), text: None, inner: None },
    );
    if buffering == 0 {
        if !m.binary {
            // The descriptor is closed when `raw` is freed.
            return Err(PyErr::value_error("can't have unbuffered text I/O"));
        }
        return Ok(Value::Obj(raw));
    }
    let (bkind, bcls) = if m.updating {
        (Kind::Random, &tys.random)
    } else if m.reading {
        (Kind::Reader, &tys.reader)
    } else {
        (Kind::Writer, &tys.writer)
    };
    let buffered = wrap(
        bcls,
        FileObj { kind: bkind, stream: stream.clone(), name: RefCell::new(name.clone()), mode: rmode, text: None, inner: Some(raw) },
    );
    if m.binary {
        return Ok(Value::Obj(buffered));
    }
    let enc_name = encoding.unwrap_or(default_encoding());
    let Some(codec) = Codec::lookup(enc_name) else {
        return Err(PyErr::new("LookupError", format!("unknown encoding: {enc_name}")));
    };
    let nl = match newline {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Cr,
        Some("\r\n") => Newline::CrLf,
        Some(other) => return Err(PyErr::value_error(format!("illegal newline value: {other}"))),
    };
    // SAFETY: isatty has no memory preconditions.
    let line_buffering = buffering == 1 || (buffering < 0 && unsafe { libc::isatty(fd) } == 1);
    let text = TextState {
        codec,
        encoding: enc_name.to_string(),
        errors: errors.unwrap_or("strict").to_string(),
        newline: nl,
        line_buffering,
        bom_done: Cell::new(false),
    };
    let f =
        FileObj { kind: Kind::Text, stream, name: RefCell::new(name), mode: mode_str.to_string(), text: Some(text), inner: Some(buffered) };
    Ok(Value::Obj(wrap(&tys.text, f)))
}

// ---- sys.stdin and input() ----

/// A text file object over an inherited descriptor (`sys.stdin`).
pub fn std_stream(fd: i32, name: &str, readable: bool) -> Value {
    let stream = Rc::new(RefCell::new(Stream {
        fd,
        closefd: false,
        closed: false,
        readable,
        writable: !readable,
        raw: false,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        seekable: None,
    }));
    let tys = io_types();
    let mode = if readable { "rb" } else { "wb" };
    let name_v = Value::new_str(name);
    let raw = wrap(
        &tys.raw,
        FileObj {
            kind: Kind::Raw,
            stream: stream.clone(),
            name: RefCell::new(Value::Int(fd as i64)),
            mode: mode.to_string(),
            text: None,
            inner: None,
        },
    );
    let bcls = if readable { &tys.reader } else { &tys.writer };
    let bkind = if readable { Kind::Reader } else { Kind::Writer };
    let buffered = wrap(
        bcls,
        FileObj {
            kind: bkind,
            stream: stream.clone(),
            name: RefCell::new(name_v.clone()),
            mode: mode.to_string(),
            text: None,
            inner: Some(raw),
        },
    );
    let text = TextState {
        codec: Codec::Utf8,
        encoding: "utf-8".to_string(),
        errors: "strict".to_string(),
        // CPython opens the standard streams with `newline='\n'` on POSIX.
        newline: Newline::Lf,
        line_buffering: false,
        bom_done: Cell::new(true),
    };
    let mode = if readable { "r" } else { "w" };
    Value::Obj(wrap(
        &tys.text,
        FileObj { kind: Kind::Text, stream, name: RefCell::new(name_v), mode: mode.to_string(), text: Some(text), inner: Some(buffered) },
    ))
}

fn sys_attr(name: &str) -> Option<Value> {
    let sys = &crate::vm::interp().sys;
    let d = sys.dict.borrow().clone()?;
    dict::get_str(&d, name)
}

/// `input(prompt='')`: write the prompt to `sys.stdout`, read a line from `sys.stdin`.
pub fn builtin_input(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("input")?;
    let pos = args.check_count("input", 0, 1)?;
    let stdin = sys_attr("stdin").filter(|v| !v.is_none()).ok_or_else(|| PyErr::runtime_error("input(): lost sys.stdin"))?;
    let stdout = sys_attr("stdout").filter(|v| !v.is_none()).ok_or_else(|| PyErr::runtime_error("input(): lost sys.stdout"))?;
    if let Some(prompt) = pos.first() {
        let text = repr::str(vm, prompt)?;
        call::call_method(vm, &stdout, "write", &[Value::new_str(text)])?;
    }
    call::call_method(vm, &stdout, "flush", &[])?;
    let line = match file_of(&stdin) {
        Ok(f) => readline_value(vm, f, None)?,
        Err(_) => call::call_method(vm, &stdin, "readline", &[])?,
    };
    let Some(s) = line.as_str() else {
        return Err(PyErr::type_error(format!("object.readline() returned non-string (type {})", type_name(&line))));
    };
    let s = s.as_str();
    if s.is_empty() {
        return Err(PyErr::with_args(types().exc.get("EOFError"), vec![Value::new_str("EOF when reading a line")]));
    }
    Ok(Value::new_str(s.strip_suffix('\n').unwrap_or(s)))
}

/// Create the `io` module (also importable as `_io`).
pub fn create(name: &str) -> PyRef {
    let m = module::new_module(name);
    let Some(d) = module::globals(&m) else { return m };
    let tys = io_types();
    let bases = super::io_base::base_types();
    dict::set_str(&d, "open", native("open", builtin_open));
    for (k, v) in [
        ("TextIOWrapper", &tys.text),
        ("BufferedReader", &tys.reader),
        ("BufferedWriter", &tys.writer),
        ("BufferedRandom", &tys.random),
        ("FileIO", &tys.raw),
        ("UnsupportedOperation", &tys.unsupported),
        ("StringIO", &tys.stringio),
        ("BytesIO", &tys.bytesio),
        ("_IOBase", &bases.iobase),
        ("_RawIOBase", &bases.raw),
        ("_BufferedIOBase", &bases.buffered),
        ("_TextIOBase", &bases.text),
        ("IOBase", &bases.iobase),
        ("RawIOBase", &bases.raw),
        ("BufferedIOBase", &bases.buffered),
        ("TextIOBase", &bases.text),
    ] {
        dict::set_str(&d, k, Value::Obj(v.clone()));
    }
    dict::set_str(&d, "DEFAULT_BUFFER_SIZE", Value::from(BUFFER_SIZE));
    for (k, v) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
        dict::set_str(&d, k, Value::Int(v));
    }
    m
}
