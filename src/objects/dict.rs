//! `dict` storage: an insertion-ordered hash table (a dense entry array plus an
//! open-addressing index, the layout CPython uses) and the string-keyed helpers that
//! namespaces use. Key comparison that may run Python code (`__eq__`) is done by the caller
//! (`runtime::mapping`): [`DictData::find`] answers `Unknown` when it cannot decide in Rust.
//! Sets have their own table (`set_table`), laid out as CPython's.

use std::cell::RefCell;

use super::{types, Payload, PyRef, Value};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Source of dict versions: every insertion or deletion in any dict takes a fresh number,
/// so a version identifies one state of one dict (global-lookup caches rely on this).
static VERSIONS: crate::runtime::gil::GilShared<std::cell::Cell<u64>> = crate::runtime::gil::GilShared::new(std::cell::Cell::new(0));

fn next_version() -> u64 {
    let c = VERSIONS.get();
    let v = c.get() + 1;
    c.set(v);
    v
}

/// Up to this many entries a dict has no index table: lookups scan the entries (a
/// hash compare each), and an instance's `__dict__` costs one allocation, not two.
pub const SMALL_MAX: usize = 8;

/// The table. `version` changes on every insertion or deletion (to a number no other dict
/// state has), so iterators, the slow lookup path and the global-name caches can detect
/// mutation.
#[derive(Clone, Default)]
pub struct DictData {
    /// Open-addressing table of entry positions; empty while the dict is small.
    indices: Vec<u32>,
    entries: Vec<Option<Entry>>,
    used: usize,
    pub version: u64,
}

/// The result of a lookup that could not call Python code.
pub enum Find {
    Found(usize),
    Absent,
    /// Entries whose hash matches but whose equality needs `__eq__`.
    Unknown(Vec<usize>),
}

/// Equality decidable without running Python code: identity, numbers, exact `str`,
/// `bytes`, and tuples of such. `None` means "ask `__eq__`".
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    if a.is(b) {
        return Some(true);
    }
    match (a, b) {
        (Int(x), Int(y)) => Some(x == y),
        (Int(x), Float(y)) | (Float(y), Int(x)) => Some((*x as f64) == *y && (*y as i64) == *x),
        (Float(x), Float(y)) => Some(x == y),
        (Bool(x), Bool(y)) => Some(x == y),
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => Some(*x as i64 == *y),
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => Some(*x as i64 as f64 == *y),
        (None, _) | (_, None) => {
            if is_simple(a) && is_simple(b) {
                Some(false)
            } else {
                Option::None
            }
        }
        (Obj(x), Obj(y)) => {
            let t = types();
            if !x.class().is(y.class()) {
                return if is_simple(a) && is_simple(b) { Some(false) } else { Option::None };
            }
            let cls = x.class();
            match (&x.payload, &y.payload) {
                (Payload::Str(s1), Payload::Str(s2)) if cls.is(&t.str) => Some(s1.as_str() == s2.as_str()),
                (Payload::Int(i1), Payload::Int(i2)) if cls.is(&t.int) => Some(i1 == i2),
                (Payload::Bytes(b1), Payload::Bytes(b2)) if cls.is(&t.bytes) => Some(b1 == b2),
                (Payload::Tuple(t1), Payload::Tuple(t2)) if cls.is(&t.tuple) => {
                    if t1.len() != t2.len() {
                        return Some(false);
                    }
                    for (p, q) in t1.iter().zip(t2.iter()) {
                        match fast_eq(p, q) {
                            Some(true) => {}
                            other => return other,
                        }
                    }
                    Some(true)
                }
                _ => Option::None,
            }
        }
        _ => {
            if is_simple(a) && is_simple(b) {
                Some(false)
            } else {
                Option::None
            }
        }
    }
}

/// Values of exact builtin types whose `__eq__` against another simple value never runs
/// Python code.
fn is_simple(v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            let t = types();
            let c = o.class();
            c.is(&t.str) || c.is(&t.int) || c.is(&t.bytes) || c.is(&t.float)
        }
        _ => true,
    }
}

impl DictData {
    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::default();
        if n > SMALL_MAX {
            d.rebuild_index((n * 3 / 2).next_power_of_two().max(8));
        }
        d.entries.reserve_exact(n);
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Walk the probe sequence for `hash`, calling `visit` with each occupied slot's entry
    /// index until it returns true; returns the first free slot seen (for insertion).
    /// A small dict (no index table) visits its entries in order instead; equal hashes
    /// are met in insertion order either way.
    fn probe(&self, hash: i64, mut visit: impl FnMut(usize) -> bool) -> (Option<usize>, Option<usize>) {
        if self.indices.is_empty() {
            for (ix, e) in self.entries.iter().enumerate() {
                if e.is_some() && visit(ix) {
                    return (Some(ix), None);
                }
            }
            return (None, None);
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            match self.indices[i] {
                EMPTY => return (None, free.or(Some(i))),
                DUMMY => {
                    if free.is_none() {
                        free = Some(i);
                    }
                }
                ix => {
                    if visit(ix as usize) {
                        return (Some(i), free);
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Find `key` without running Python code.
    pub fn find(&self, hash: i64, key: &Value) -> Find {
        let mut unknown = Vec::new();
        let mut found = None;
        self.probe(hash, |ix| {
            let Some(e) = &self.entries[ix] else {
                return false;
            };
            if e.hash != hash {
                return false;
            }
            // Identity (small ints by value) first, inline: the usual hit.
            if e.key.is(key) {
                found = Some(ix);
                return true;
            }
            match fast_eq(&e.key, key) {
                Some(true) => {
                    found = Some(ix);
                    true
                }
                Some(false) => false,
                None => {
                    unknown.push(ix);
                    false
                }
            }
        });
        match found {
            Some(ix) => Find::Found(ix),
            None if unknown.is_empty() => Find::Absent,
            None => Find::Unknown(unknown),
        }
    }

    /// Find a `str` key given as Rust text (namespaces, keyword arguments).
    pub fn find_str(&self, hash: i64, s: &str) -> Option<usize> {
        if self.indices.is_empty() {
            // Small: a scan comparing hashes, written out (this is the instance-dict case,
            // and a method load asks it first whether the instance shadows the method).
            return self.entries.iter().position(|e| {
                e.as_ref().is_some_and(|e| e.hash == hash && e.key.as_str().is_some_and(|k| std::ptr::eq(k.as_str(), s) || k.as_str() == s))
            });
        }
        let mut found = None;
        self.probe(hash, |ix| {
            let Some(e) = &self.entries[ix] else {
                return false;
            };
            // Interned names make the same object (same text pointer) the common case.
            if e.hash == hash && e.key.as_str().is_some_and(|k| std::ptr::eq(k.as_str(), s) || k.as_str() == s) {
                found = Some(ix);
                return true;
            }
            false
        });
        found
    }

    /// Find the `str` key `name`, trying entry `hint` first: a site that reads the same
    /// attribute of many instances of one class finds it at the same position (their dicts
    /// were filled in the same order by `__init__`), and since names are interned, a hit
    /// costs one compare of object identity instead of a scan or a probe.
    #[inline]
    pub fn find_name_hinted(&self, hint: usize, name: &PyRef, s: &super::str::PyStr) -> Option<usize> {
        if let Some(Some(Entry { key: Value::Obj(k), .. })) = self.entries.get(hint) {
            if k.is(name) {
                return Some(hint);
            }
        }
        self.find_str(s.hash(), s.as_str())
    }

    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix).and_then(|e| e.as_ref())
    }

    pub fn value_at(&self, ix: usize) -> Option<Value> {
        self.entry(ix).map(|e| e.value.clone())
    }

    /// Replace the value of entry `ix`, returning the old one.
    pub fn set_value_at(&mut self, ix: usize, value: Value) -> Option<Value> {
        self.entries.get_mut(ix).and_then(|e| e.as_mut()).map(|e| std::mem::replace(&mut e.value, value))
    }

    /// Insert a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() && self.entries.len() < SMALL_MAX {
            self.entries.push(Some(Entry { hash, key, value }));
            self.used += 1;
            self.version = next_version();
            return;
        }
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let (_, free) = self.probe(hash, |_| false);
        let slot = free.unwrap_or(0);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.used += 1;
        self.version = next_version();
    }

    /// Remove entry `ix`, returning it.
    pub fn remove_at(&mut self, ix: usize) -> Option<Entry> {
        let e = self.entries.get_mut(ix)?.take()?;
        let hash = e.hash;
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        // A small dict has no index table to update.
        while !self.indices.is_empty() {
            if self.indices[i] == ix as u32 {
                self.indices[i] = DUMMY;
                break;
            }
            if self.indices[i] == EMPTY {
                break;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.used -= 1;
        self.version = next_version();
        if self.used == 0 {
            self.clear();
        }
        Some(e)
    }

    pub fn clear(&mut self) {
        self.indices.clear();
        self.entries.clear();
        self.used = 0;
        self.version = next_version();
    }

    fn grow(&mut self) {
        let want = ((self.used + 1) * 3).next_power_of_two().max(8);
        self.entries.retain(|e| e.is_some());
        self.rebuild_index(want);
    }

    fn rebuild_index(&mut self, size: usize) {
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let Some(e) = e else { continue };
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            self.indices[i] = ix as u32;
        }
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The `n`-th slot of the entry array (iteration by position survives growth only if
    /// the version is unchanged; callers check).
    pub fn slot(&self, pos: usize) -> Option<Option<&Entry>> {
        self.entries.get(pos).map(|e| e.as_ref())
    }

    pub fn slots_len(&self) -> usize {
        self.entries.len()
    }

    /// Remove and return the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let ix = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(ix)
    }
}

// ----- string-keyed helpers for namespaces ---------------------------------------------

fn data(d: &PyRef) -> Option<&RefCell<DictData>> {
    match &d.payload {
        Payload::Dict(cell) => Some(cell),
        _ => None,
    }
}

/// A new empty dict object of class `cls` (used during bootstrap).
pub fn new_dict_with_class(cls: &PyRef) -> PyRef {
    PyRef::new(cls, Payload::Dict(Box::new(RefCell::new(DictData::new()))))
}

/// A new empty `dict`.
pub fn new_dict() -> PyRef {
    new_dict_with_class(&types().dict)
}

/// An empty, untracked `dict` with room for `capacity` entries: an instance's own
/// `__dict__` (see `object_methods::alloc_instance`).
pub fn new_instance_dict(capacity: usize) -> PyRef {
    PyRef::new_untracked(&types().dict, Payload::Dict(Box::new(RefCell::new(DictData::with_capacity(capacity)))))
}

pub fn from_data(d: DictData) -> PyRef {
    PyRef::new(&types().dict, Payload::Dict(Box::new(RefCell::new(d))))
}

/// A shallow copy of a dict object.
pub fn copy_dict_obj(d: &PyRef) -> PyRef {
    let copy = data(d).map(|c| c.borrow().clone()).unwrap_or_default();
    from_data(copy)
}

/// `d[name]` for a `str` key given as Rust text.
pub fn get_str(d: &PyRef, name: &str) -> Option<Value> {
    let cell = data(d)?;
    let dd = cell.borrow();
    let ix = dd.find_str(super::str::hash_str(name), name)?;
    dd.value_at(ix)
}

/// `d[key]` for a `str` key with its hash already known.
#[inline]
pub fn get_key(d: &PyRef, key: super::str::Key) -> Option<Value> {
    let cell = data(d)?;
    let dd = cell.borrow();
    let ix = dd.find_str(key.hash, key.text)?;
    dd.value_at(ix)
}

/// `d[name]` for a `str` object `name` (whose payload is `s`), remembering in `hint`
/// where it was found (see [`DictData::find_name_hinted`]).
#[inline(always)]
pub fn get_name_hinted(d: &PyRef, name: &PyRef, s: &super::str::PyStr, hint: &std::cell::Cell<u32>) -> Option<Value> {
    let cell = data(d)?;
    let dd = cell.borrow();
    let ix = dd.find_name_hinted(hint.get() as usize, name, s)?;
    hint.set(ix as u32);
    dd.value_at(ix)
}

/// `d[name] = value` for a `str` key given as Rust text. A new identifier-like key is the
/// interned string (as CPython interns the names native modules and types define), so
/// code that names it finds the very same object (see `DictData::find_name_hinted`).
pub fn set_str(d: &PyRef, name: &str, value: Value) {
    let Some(cell) = data(d) else { return };
    let hash = super::str::hash_str(name);
    let old = {
        let mut dd = cell.borrow_mut();
        match dd.find_str(hash, name) {
            Some(ix) => dd.set_value_at(ix, value),
            None => {
                let key = if name.len() <= 40 && super::str::is_identifier_like(name) {
                    Value::Obj(super::str::intern(name))
                } else {
                    Value::new_str(name)
                };
                dd.insert_new(hash, key, value);
                None
            }
        }
    };
    drop(old); // outside the borrow: dropping may run `__del__`
}

/// Set with an existing `str` key object (keeps its identity, avoids re-allocation).
pub fn set_str_key(d: &PyRef, key: &Value, value: Value) {
    set_str_key_hinted(d, key, value, &std::cell::Cell::new(u32::MAX));
}

/// [`set_str_key`], trying and then remembering in `hint` the entry position of the key
/// (see [`DictData::find_name_hinted`]); a new key's position is remembered too. Returns
/// the dict's length after the store.
pub fn set_str_key_hinted(d: &PyRef, key: &Value, value: Value, hint: &std::cell::Cell<u32>) -> usize {
    let Some(cell) = data(d) else { return 0 };
    let (Value::Obj(name), Some(s)) = (key, key.as_str()) else { return 0 };
    let (old, len) = {
        let mut dd = cell.borrow_mut();
        let old = match dd.find_name_hinted(hint.get() as usize, name, s) {
            Some(ix) => {
                hint.set(ix as u32);
                dd.set_value_at(ix, value)
            }
            None => {
                hint.set(dd.entries.len() as u32);
                dd.insert_new(s.hash(), key.clone(), value);
                None
            }
        };
        (old, dd.len())
    };
    drop(old); // outside the borrow: dropping may run `__del__`
    len
}

/// `del d[name]`; returns the removed value.
pub fn del_str(d: &PyRef, name: &str) -> Option<Value> {
    let cell = data(d)?;
    let removed = {
        let mut dd = cell.borrow_mut();
        let ix = dd.find_str(super::str::hash_str(name), name)?;
        dd.remove_at(ix)
    };
    removed.map(|e| e.value)
}

/// The keys of a dict object that are strings, in order.
pub fn str_keys(d: &PyRef) -> Vec<String> {
    data(d).map(|c| c.borrow().iter().filter_map(|e| e.key.as_str().map(|s| s.as_str().to_string())).collect()).unwrap_or_default()
}

/// All keys of a dict object, in order.
pub fn keys(d: &PyRef) -> Vec<Value> {
    data(d).map(|c| c.borrow().iter().map(|e| e.key.clone()).collect()).unwrap_or_default()
}

/// All `(key, value)` pairs of a dict object, in order.
pub fn items(d: &PyRef) -> Vec<(Value, Value)> {
    data(d).map(|c| c.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect()).unwrap_or_default()
}

pub fn len(d: &PyRef) -> usize {
    data(d).map(|c| c.borrow().len()).unwrap_or(0)
}
