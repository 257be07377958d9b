//! `memoryview` objects: a one-dimensional view (format `'B'`) of the bytes of a `bytes`
//! or `bytearray`, as `Payload::Native(MemView)`. A view of a view composes the index
//! arithmetic and keeps the original object. The methods are in
//! `modules/memoryview_methods.rs`; `objects::bytes::data` reads a view like any
//! bytes-like value.

use std::cell::Cell;

use super::{Payload, Value};

/// The state of a `memoryview`: the bytes at `start`, `start + step`, ... (`len` of them)
/// of `obj`.
pub struct MemView {
    pub obj: Value,
    pub start: isize,
    pub step: isize,
    pub len: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
}

impl MemView {
    /// A view of all of `obj` (a `bytes` or `bytearray`; `None` for anything else).
    pub fn of(obj: &Value) -> Option<MemView> {
        let (len, readonly) = match obj.payload()? {
            Payload::Bytes(b) => (b.len(), true),
            Payload::ByteArray(b) => (b.borrow().len(), false),
            _ => return None,
        };
        Some(MemView { obj: obj.clone(), start: 0, step: 1, len, readonly, released: Cell::new(false) })
    }

    /// The positions in `obj` this view covers, in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k as isize * self.step) as usize)
    }

    /// The viewed bytes. A `bytearray` that shrank since the view was made (CPython
    /// refuses to resize an exported buffer) yields only the bytes still there.
    pub fn bytes(&self) -> Vec<u8> {
        let read = |src: &[u8]| self.positions().filter_map(|i| src.get(i).copied()).collect();
        match self.obj.payload() {
            Some(Payload::Bytes(b)) => read(b),
            Some(Payload::ByteArray(b)) => read(&b.borrow()),
            _ => Vec::new(),
        }
    }
}

/// The view state of a `memoryview` value.
pub fn view(v: &Value) -> Option<&MemView> {
    match v.payload()? {
        Payload::Native(b) => b.downcast_ref::<MemView>(),
        _ => None,
    }
}
