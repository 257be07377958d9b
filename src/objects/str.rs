//! `str`: immutable text with a cached hash and an ASCII flag, so indexing ASCII text is
//! O(1). Hashing is SipHash-1-3 with a per-process random key (fixed when
//! `PYTHONHASHSEED=0`), as CPython.

use std::cell::Cell;
use std::hash::{BuildHasher, Hasher};

use compact_str::CompactString;

use super::{types, Payload, PyRef};

/// The longest text a `str` keeps inline (the size of `CompactString`'s handle).
const MAX_INLINE: usize = std::mem::size_of::<CompactString>();

/// The payload of a `str` object.
pub struct PyStr {
    /// The text, stored inline when it fits in the handle's 24 bytes (most names, keys,
    /// words and numbers: no second allocation, nothing to free but the object); spare
    /// capacity only after in-place appends (`s += t`, see [`PyStr::append`]).
    s: CompactString,
    /// Number of code points.
    chars: usize,
    /// Cached hash; `i64::MIN` means not computed yet.
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(mut s: String) -> PyStr {
        let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
        if s.len() > MAX_INLINE && s.capacity() > s.len() {
            s.shrink_to_fit();
        }
        // A short text is copied into the handle (and `s` freed); a long one keeps its buffer.
        PyStr { s: CompactString::from(s), chars, hash: Cell::new(i64::MIN) }
    }

    /// A `str` payload with a copy of `t` (no allocation when it is short).
    pub fn from_text(t: &str) -> PyStr {
        let chars = if t.is_ascii() { t.len() } else { t.chars().count() };
        PyStr { s: CompactString::new(t), chars, hash: Cell::new(i64::MIN) }
    }

    /// Append `t` to a string nobody else can see (the `s += t` optimisation: the caller
    /// holds the only reference). Capacity grows geometrically, so a loop of appends is
    /// linear, as in CPython.
    pub fn append(&mut self, t: &PyStr) {
        let need = self.s.len() + t.s.len();
        if self.s.capacity() < need {
            self.s.reserve(need.max(2 * self.s.len()) - self.s.len());
        }
        self.s.push_str(t.s.as_str());
        self.chars += t.chars;
        self.hash.set(i64::MIN);
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        self.s.as_str()
    }

    /// Length in code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != i64::MIN {
            return h;
        }
        let h = hash_str(self.s.as_str());
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Substring by code-point range `start..end` (in range).
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if self.is_ascii() {
            &self.s[start..end]
        } else {
            let mut it = self.s.char_indices().map(|(b, _)| b).chain(std::iter::once(self.s.len()));
            let b0 = it.by_ref().nth(start).unwrap_or(self.s.len());
            let b1 = if end > start { it.nth(end - start - 1).unwrap_or(self.s.len()) } else { b0 };
            &self.s[b0..b1]
        }
    }
}

enum StrHasher {
    Random(std::hash::RandomState),
    Fixed,
}

static HASHER: once_cell::sync::Lazy<StrHasher> = once_cell::sync::Lazy::new(|| match std::env::var("PYTHONHASHSEED") {
    Ok(v) if v == "0" => StrHasher::Fixed,
    _ => StrHasher::Random(std::hash::RandomState::new()),
});

/// Python's `hash()` of a str (never -1): the bytes' hash of its UTF-8 text.
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// A name for namespace lookups: the text and its `str` hash, computed once (or taken
/// from a `str` object's cache) instead of at every dict probe along an MRO.
#[derive(Clone, Copy)]
pub struct Key<'a> {
    pub text: &'a str,
    pub hash: i64,
}

impl<'a> Key<'a> {
    pub fn new(text: &'a str) -> Key<'a> {
        Key { text, hash: hash_str(text) }
    }

    pub fn of(s: &'a PyStr) -> Key<'a> {
        Key { text: s.as_str(), hash: s.hash() }
    }
}

/// A [`Key`] for a fixed name whose hash is computed once per process (the dunder names
/// that object creation and calls look up every time).
pub struct StaticKey {
    text: &'static str,
    hash: once_cell::sync::OnceCell<i64>,
}

impl StaticKey {
    pub const fn new(text: &'static str) -> StaticKey {
        StaticKey { text, hash: once_cell::sync::OnceCell::new() }
    }

    #[inline]
    pub fn key(&self) -> Key<'static> {
        Key { text: self.text, hash: *self.hash.get_or_init(|| hash_str(self.text)) }
    }
}

/// `__new__`
pub static KEY_NEW: StaticKey = StaticKey::new("__new__");
/// `__init__`
pub static KEY_INIT: StaticKey = StaticKey::new("__init__");

/// Text a `str` object can be made from: an owned `String` hands over its buffer (when
/// too long to store inline), borrowed text is copied.
pub trait IntoPyStr {
    fn into_pystr(self) -> PyStr;
}

impl IntoPyStr for String {
    fn into_pystr(self) -> PyStr {
        PyStr::new(self)
    }
}

impl IntoPyStr for &str {
    fn into_pystr(self) -> PyStr {
        PyStr::from_text(self)
    }
}

impl IntoPyStr for &String {
    fn into_pystr(self) -> PyStr {
        PyStr::from_text(self)
    }
}

impl IntoPyStr for char {
    fn into_pystr(self) -> PyStr {
        PyStr::from_text(self.encode_utf8(&mut [0; 4]))
    }
}

impl IntoPyStr for Box<str> {
    fn into_pystr(self) -> PyStr {
        PyStr::new(self.into())
    }
}

impl IntoPyStr for std::borrow::Cow<'_, str> {
    fn into_pystr(self) -> PyStr {
        match self {
            std::borrow::Cow::Borrowed(t) => PyStr::from_text(t),
            std::borrow::Cow::Owned(s) => PyStr::new(s),
        }
    }
}

/// A new `str` object (an owned `String` hands over its buffer, borrowed text is copied).
pub fn new_str(s: impl IntoPyStr) -> PyRef {
    PyRef::new(&types().str, Payload::Str(s.into_pystr()))
}

/// The intern table's hasher: `marshal::fnv1a` over the text (word at a time). The keys
/// are names from code objects, so speed matters more than SipHash's resistance to
/// crafted collisions (SipHash was a third of the cost of interning at start-up).
#[derive(Default)]
struct TextHasher(u64);

impl std::hash::Hasher for TextHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = (self.0 ^ crate::bytecode::marshal::fnv1a(bytes)).rotate_left(17);
    }
    fn write_u8(&mut self, b: u8) {
        // `str`'s `Hash` ends with a 0xff marker byte.
        self.0 ^= b as u64;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type InternTable = std::collections::HashMap<Box<str>, PyRef, std::hash::BuildHasherDefault<TextHasher>>;

/// Interned strings: one `str` object per text, kept for the life of the process.
static INTERNED: crate::runtime::gil::GilShared<std::cell::RefCell<Option<InternTable>>> =
    crate::runtime::gil::GilShared::new(std::cell::RefCell::new(None));

/// The interned `str` with text `s`. Code objects intern their names and identifier-like
/// constants (as CPython does), so attribute and namespace lookups usually find the very
/// same object in a dict and skip comparing text (see `DictData::find_str`).
pub fn intern(s: &str) -> PyRef {
    let mut table = INTERNED.get().borrow_mut();
    let table = table.get_or_insert_with(InternTable::default);
    if let Some(r) = table.get(s) {
        return r.clone();
    }
    let r = new_str(s);
    table.insert(s.into(), r.clone());
    r
}

/// Does CPython intern this constant (all ASCII letters, digits and underscores)?
pub fn is_identifier_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A new `bytes` object.
pub fn new_bytes(b: Vec<u8>) -> super::Value {
    super::Value::Obj(PyRef::new(&types().bytes, Payload::Bytes(b.into_boxed_slice())))
}

/// `hash(bytes)`: the same function as for str, over the raw bytes; 0 for empty ones
/// whatever the seed, as in CPython.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut h = match &*HASHER {
        StrHasher::Random(r) => r.build_hasher(),
        #[allow(deprecated)]
        StrHasher::Fixed => std::hash::DefaultHasher::new(),
    };
    h.write(b);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}
