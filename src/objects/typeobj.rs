//! `type`: type objects, their creation (builtin bootstrap and `class` statements), the C3
//! method resolution order, and attribute lookup along the MRO.

use std::cell::{Cell, RefCell};

use super::str::Key;
use super::{dict, exception, Payload, PyRef, Types, Value};
use crate::runtime::{PyErr, PyResult};

/// The builtin payload that instances of a type carry (its "solid base").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseKind {
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    Module,
    /// Types whose instances only the runtime creates (functions, iterators, ...).
    Opaque,
}

/// The state of a type object. The namespace (`__dict__`) is the object's `dict` slot.
pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<PyRef>>,
    pub mro: RefCell<Vec<PyRef>>,
    pub kind: BaseKind,
    /// Created by a `class` statement (attributes may be set, `__class__` assigned).
    pub heap: bool,
    /// May be subclassed.
    pub basetype: bool,
    /// Some class on the MRO defines `__del__`.
    pub has_del: Cell<bool>,
    /// `__abstractmethods__` is set and non-empty: `object.__new__` refuses (abc).
    pub is_abstract: Cell<bool>,
    /// The type's `__module__` for builtin types (`builtins` unless said otherwise).
    pub module: &'static str,
    /// `(epoch, bits)`: which [`HOT_DUNDERS`] user classes on the MRO define, valid while
    /// the type epoch is unchanged (see [`user_dunder_bits`]).
    pub hot_dunders: Cell<(u64, u32)>,
    /// Unique for the life of the process (never reused, unlike addresses): the key of the
    /// attribute cache.
    pub id: u64,
    /// Some class on the MRO declares `__slots__`: an instance's `dict` slot holds its slot
    /// storage (slot name → value), with the `__dict__` (if any) under `"__dict__"`.
    pub slotted: bool,
    /// Instances have a `__dict__`.
    pub has_dict: bool,
    /// `(epoch, __new__, __init__)`: where `type.__call__` finds the two on the MRO,
    /// valid while the type epoch is unchanged (see [`ctor_locations`]).
    pub ctor: Cell<(u64, Location, Location)>,
    /// The most attributes an instance's `__dict__` has been seen to hold (capped at the
    /// small-dict size): new instances' dicts are allocated with this room, so building
    /// them in `__init__` does not regrow the entry vector.
    pub dict_hint: Cell<u8>,
}

/// Dunder methods looked up on almost every operation; `runtime::call::lookup_user`
/// answers "not defined" for them from a per-type bitmask instead of walking the MRO.
pub const HOT_DUNDERS: [&str; 20] = [
    "__getattribute__",
    "__getattr__",
    "__setattr__",
    "__delattr__",
    "__eq__",
    "__ne__",
    "__hash__",
    "__bool__",
    "__len__",
    "__iter__",
    "__next__",
    "__getitem__",
    "__setitem__",
    "__contains__",
    "__repr__",
    "__str__",
    "__call__",
    "__get__",
    "__set__",
    "__delete__",
];

/// The index of `name` in [`HOT_DUNDERS`].
#[inline]
pub fn hot_dunder_index(name: &str) -> Option<u32> {
    if !name.starts_with("__") {
        return None;
    }
    HOT_DUNDERS.iter().position(|d| *d == name).map(|i| i as u32)
}

/// Bumped whenever the namespace of a class changes after creation: cached per-type
/// facts (like [`TypeData::hot_dunders`]) are recomputed lazily afterwards.
static TYPE_EPOCH: crate::runtime::gil::GilShared<Cell<u64>> = crate::runtime::gil::GilShared::new(Cell::new(1));

/// Invalidate per-type caches (a class attribute was set or deleted).
/// The current type epoch (see [`bump_type_epoch`]).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.get().get()
}

pub fn bump_type_epoch() {
    let c = TYPE_EPOCH.get();
    c.set(c.get() + 1);
}

/// The [`HOT_DUNDERS`] bitmask of `t`, computed by `compute` when stale.
#[inline]
pub fn user_dunder_bits(t: &TypeData, compute: impl FnOnce() -> u32) -> u32 {
    let epoch = TYPE_EPOCH.get().get();
    let (e, bits) = t.hot_dunders.get();
    if e == epoch {
        return bits;
    }
    let bits = compute();
    t.hot_dunders.set((epoch, bits));
    bits
}

/// The type data of a type object, or `None` for other objects.
#[inline]
pub fn type_data(obj: &PyRef) -> Option<&TypeData> {
    match &obj.payload {
        Payload::Type(t) => Some(t),
        _ => None,
    }
}

/// `issubclass(a, b)` by MRO (no `__subclasscheck__`).
pub fn is_subtype(a: &PyRef, b: &PyRef) -> bool {
    if a.is(b) {
        return true;
    }
    match type_data(a) {
        Some(t) => t.mro.borrow().iter().any(|c| c.is(b)),
        None => false,
    }
}

/// `isinstance(v, cls)` by MRO.
#[inline]
pub fn isinstance(v: &Value, cls: &PyRef) -> bool {
    let c = v.class();
    c.is(cls) || is_subtype(c, cls)
}

/// Look `name` up along `cls`'s MRO (the `_PyType_Lookup` of CPython).
pub fn lookup(cls: &PyRef, name: &str) -> Option<Value> {
    lookup_key(cls, Key::new(name))
}

/// [`lookup`] with the name's hash already known, through the attribute cache.
pub fn lookup_key(cls: &PyRef, key: Key) -> Option<Value> {
    let t = type_data(cls)?;
    value_at_location(t, locate(t, key))
}

/// Where a name is on a type's MRO: the MRO position of the class whose namespace has it
/// and the entry index there. Valid for one type and one type epoch (any class namespace
/// change bumps the epoch, and namespace entries do not move without one).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Location {
    owner: u32,
    entry: u32,
}

impl Location {
    /// Not on the MRO.
    pub const NOWHERE: Location = Location { owner: u32::MAX, entry: 0 };
}

/// The value at `loc` on `t`'s MRO.
#[inline]
pub fn value_at_location(t: &TypeData, loc: Location) -> Option<Value> {
    if loc.owner == u32::MAX {
        return None;
    }
    let mro = t.mro.borrow();
    let d = mro.get(loc.owner as usize)?.dict.borrow();
    d.as_ref().and_then(|d| match &d.payload {
        Payload::Dict(cell) => cell.borrow().value_at(loc.entry as usize),
        _ => None,
    })
}

/// Where `key` is on `t`'s MRO, through the attribute cache.
fn locate(t: &TypeData, key: Key) -> Location {
    let epoch = TYPE_EPOCH.get().get();
    let slot = ((t.id ^ key.hash as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize & (ATTR_CACHE_SIZE - 1);
    let cache = ATTR_CACHE.get();
    if let Some(e) = cache.borrow().get(slot) {
        if e.type_id == t.id && e.epoch == epoch && e.hash == key.hash && e.name_bytes() == key.text.as_bytes() {
            return Location { owner: e.owner, entry: e.entry };
        }
    }
    let mut loc = Location::NOWHERE;
    for (i, c) in t.mro.borrow().iter().enumerate() {
        if let Some(d) = c.dict.borrow().as_ref() {
            if let Payload::Dict(cell) = &d.payload {
                if let Some(ix) = cell.borrow().find_str(key.hash, key.text) {
                    loc = Location { owner: i as u32, entry: ix as u32 };
                    break;
                }
            }
        }
    }
    if key.text.len() <= NAME_MAX {
        let mut e = AttrCacheEntry {
            type_id: t.id,
            epoch,
            hash: key.hash,
            owner: loc.owner,
            entry: loc.entry,
            len: key.text.len() as u8,
            name: [0; NAME_MAX],
        };
        e.name[..key.text.len()].copy_from_slice(key.text.as_bytes());
        if let Some(slot_ref) = cache.borrow_mut().get_mut(slot) {
            *slot_ref = e;
        }
    }
    loc
}

/// `cls.__new__` and `cls.__init__` as found on the MRO, remembered per type for the
/// current epoch: `type.__call__` needs both on every instantiation.
pub fn ctor_methods(cls: &PyRef) -> (Option<Value>, Option<Value>) {
    let Some(t) = type_data(cls) else { return (None, None) };
    let epoch = TYPE_EPOCH.get().get();
    let (e, mut new, mut init) = t.ctor.get();
    if e != epoch {
        new = locate(t, crate::objects::str::KEY_NEW.key());
        init = locate(t, crate::objects::str::KEY_INIT.key());
        t.ctor.set((epoch, new, init));
    }
    (value_at_location(t, new), value_at_location(t, init))
}

const ATTR_CACHE_SIZE: usize = 4096;
const NAME_MAX: usize = 39;

/// Where a name was found on a type's MRO: the MRO position of the owner and the entry in
/// its namespace (`owner == u32::MAX`: not found). Holds no references, so it never keeps
/// an object alive; entries are valid for one type id and one type epoch (any class
/// namespace change bumps the epoch; dict entries do not move without an insertion or
/// deletion, which goes through `setattr` and so bumps it too).
#[derive(Clone, Copy)]
struct AttrCacheEntry {
    type_id: u64,
    epoch: u64,
    hash: i64,
    owner: u32,
    entry: u32,
    len: u8,
    name: [u8; NAME_MAX],
}

impl AttrCacheEntry {
    fn name_bytes(&self) -> &[u8] {
        &self.name[..self.len as usize]
    }
}

static ATTR_CACHE: once_cell::sync::Lazy<crate::runtime::gil::GilShared<RefCell<Vec<AttrCacheEntry>>>> = once_cell::sync::Lazy::new(|| {
    let empty = AttrCacheEntry { type_id: 0, epoch: 0, hash: 0, owner: u32::MAX, entry: 0, len: 0, name: [0; NAME_MAX] };
    crate::runtime::gil::GilShared::new(RefCell::new(vec![empty; ATTR_CACHE_SIZE]))
});

static NEXT_TYPE_ID: crate::runtime::gil::GilShared<Cell<u64>> = crate::runtime::gil::GilShared::new(Cell::new(1));

fn next_type_id() -> u64 {
    let c = NEXT_TYPE_ID.get();
    let v = c.get();
    c.set(v + 1);
    v
}

/// Like [`lookup`], also returning the class on the MRO that defines `name`.
pub fn lookup_with_owner(cls: &PyRef, name: &str) -> Option<(Value, PyRef)> {
    let key = Key::new(name);
    let t = type_data(cls)?;
    let mro = t.mro.borrow();
    for c in mro.iter() {
        if let Some(d) = c.dict.borrow().as_ref() {
            if let Some(v) = dict::get_key(d, key) {
                return Some((v, c.clone()));
            }
        }
    }
    None
}

/// The type's `__name__`.
pub fn name_of(cls: &PyRef) -> String {
    type_data(cls).map(|t| t.name.borrow().clone()).unwrap_or_else(|| "?".to_string())
}

/// The type's `__qualname__`.
pub fn type_qualname(cls: &PyRef) -> String {
    type_data(cls).map(|t| t.qualname.borrow().clone()).unwrap_or_else(|| "?".to_string())
}

/// The `__name__` of a value's type, as error messages use it.
pub fn type_name(v: &Value) -> String {
    name_of(v.class())
}

fn raw_type(meta: Option<&PyRef>, name: &str, bases: Vec<PyRef>, kind: BaseKind, basetype: bool) -> PyRef {
    let mut mro_rest: Vec<PyRef> = Vec::new();
    if let Some(b) = bases.first() {
        mro_rest = type_data(b).map(|t| t.mro.borrow().clone()).unwrap_or_default();
    }
    let data = TypeData {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: RefCell::new(bases),
        mro: RefCell::new(Vec::new()),
        kind,
        heap: false,
        basetype,
        has_del: Cell::new(false),
        is_abstract: Cell::new(false),
        module: "builtins",
        hot_dunders: Cell::new((0, 0)),
        ctor: Cell::new((0, Location::NOWHERE, Location::NOWHERE)),
        dict_hint: Cell::new(0),
        id: next_type_id(),
        slotted: false,
        has_dict: false,
    };
    let t = match meta {
        Some(m) => PyRef::new(m, Payload::Type(Box::new(data))),
        None => PyRef::new_self_classed(Payload::Type(Box::new(data))),
    };
    let mut mro = vec![t.clone()];
    mro.extend(mro_rest);
    if let Some(td) = type_data(&t) {
        *td.mro.borrow_mut() = mro;
    }
    t.make_immortal();
    CREATED.with(|c| c.borrow_mut().push(t.clone()));
    t
}

thread_local! {
    /// Types made by `raw_type` during bootstrap, to receive their namespaces once `dict`
    /// exists.
    static CREATED: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

/// Create the builtin types (phase one of start-up: no methods yet, no `str` objects).
pub fn bootstrap() -> Types {
    // `type` is its own class; `object` is the root of every MRO.
    let type_ = raw_type(None, "type", vec![], BaseKind::Type, true);
    let object = raw_type(Some(&type_), "object", vec![], BaseKind::Object, true);
    if let Some(t) = type_data(&type_) {
        t.bases.borrow_mut().push(object.clone());
        t.mro.borrow_mut().push(object.clone());
    }
    let mk = |name: &str, kind: BaseKind, basetype: bool| raw_type(Some(&type_), name, vec![object.clone()], kind, basetype);
    let int = mk("int", BaseKind::Int, true);
    let bool_ = raw_type(Some(&type_), "bool", vec![int.clone()], BaseKind::Int, false);
    let not_implemented_type = mk("NotImplementedType", BaseKind::Opaque, false);
    let ellipsis_type = mk("ellipsis", BaseKind::Opaque, false);
    let no_self_type = mk("<no self>", BaseKind::Opaque, false);
    let singleton = |t: &PyRef| {
        let o = PyRef::new(t, Payload::Singleton);
        o.make_immortal();
        o
    };
    let exc = exception::create_types(&type_, &object);
    let types = Types {
        none_type: mk("NoneType", BaseKind::Opaque, false),
        int,
        bool: bool_,
        float: mk("float", BaseKind::Float, true),
        complex: mk("complex", BaseKind::Complex, true),
        str: mk("str", BaseKind::Str, true),
        bytes: mk("bytes", BaseKind::Bytes, true),
        bytearray: mk("bytearray", BaseKind::ByteArray, true),
        list: mk("list", BaseKind::List, true),
        tuple: mk("tuple", BaseKind::Tuple, true),
        dict: mk("dict", BaseKind::Dict, true),
        set: mk("set", BaseKind::Set, true),
        frozenset: mk("frozenset", BaseKind::FrozenSet, true),
        range: mk("range", BaseKind::Opaque, false),
        slice: mk("slice", BaseKind::Opaque, false),
        function: mk("function", BaseKind::Opaque, false),
        builtin_function: mk("builtin_function_or_method", BaseKind::Opaque, false),
        method: mk("method", BaseKind::Opaque, false),
        code: mk("code", BaseKind::Opaque, false),
        cell: mk("cell", BaseKind::Opaque, false),
        module: mk("module", BaseKind::Module, true),
        traceback: mk("traceback", BaseKind::Opaque, false),
        frame: mk("frame", BaseKind::Opaque, false),
        property: mk("property", BaseKind::Opaque, true),
        classmethod: mk("classmethod", BaseKind::Opaque, true),
        staticmethod: mk("staticmethod", BaseKind::Opaque, true),
        super_: mk("super", BaseKind::Opaque, true),
        member_descriptor: mk("member_descriptor", BaseKind::Opaque, false),
        seq_iterator: mk("iterator", BaseKind::Opaque, false),
        range_iterator: mk("range_iterator", BaseKind::Opaque, false),
        dict_keyiterator: mk("dict_keyiterator", BaseKind::Opaque, false),
        dict_valueiterator: mk("dict_valueiterator", BaseKind::Opaque, false),
        dict_itemiterator: mk("dict_itemiterator", BaseKind::Opaque, false),
        set_iterator: mk("set_iterator", BaseKind::Opaque, false),
        dict_keys: mk("dict_keys", BaseKind::Opaque, false),
        dict_values: mk("dict_values", BaseKind::Opaque, false),
        dict_items: mk("dict_items", BaseKind::Opaque, false),
        mappingproxy: mk("mappingproxy", BaseKind::Opaque, false),
        native_iterator: mk("iterator", BaseKind::Opaque, false),
        enumerate: mk("enumerate", BaseKind::Opaque, true),
        zip: mk("zip", BaseKind::Opaque, true),
        map: mk("map", BaseKind::Opaque, true),
        filter: mk("filter", BaseKind::Opaque, true),
        reversed: mk("reversed", BaseKind::Opaque, true),
        callable_iterator: mk("callable_iterator", BaseKind::Opaque, false),
        list_reverseiterator: mk("list_reverseiterator", BaseKind::Opaque, false),
        dict_reverseiterators: [
            mk("dict_reversekeyiterator", BaseKind::Opaque, false),
            mk("dict_reversevalueiterator", BaseKind::Opaque, false),
            mk("dict_reverseitemiterator", BaseKind::Opaque, false),
        ],
        seq_iterators: [
            mk("list_iterator", BaseKind::Opaque, false),
            mk("tuple_iterator", BaseKind::Opaque, false),
            mk("str_ascii_iterator", BaseKind::Opaque, false),
            mk("str_iterator", BaseKind::Opaque, false),
            mk("bytes_iterator", BaseKind::Opaque, false),
            mk("bytearray_iterator", BaseKind::Opaque, false),
        ],
        generator: mk("generator", BaseKind::Opaque, false),
        coroutine: mk("coroutine", BaseKind::Opaque, false),
        async_generator: mk("async_generator", BaseKind::Opaque, false),
        not_implemented: singleton(&not_implemented_type),
        ellipsis: singleton(&ellipsis_type),
        no_self: singleton(&no_self_type),
        not_implemented_type,
        ellipsis_type,
        exc,
        object,
        type_,
    };
    for t in CREATED.with(|c| std::mem::take(&mut *c.borrow_mut())) {
        *t.dict.borrow_mut() = Some(dict::new_dict_with_class(&types.dict));
    }
    types
}

/// C3 linearisation of a class with `bases`; `None` when no consistent order exists.
fn c3_merge(new: &PyRef, bases: &[PyRef]) -> Option<Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(|b| type_data(b).map(|t| t.mro.borrow().clone()).unwrap_or_default()).collect();
    seqs.push(bases.to_vec());
    let mut result = vec![new.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(result);
        }
        let c = seqs.iter().map(|s| &s[0]).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(c))))?.clone();
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

/// Compute the C3 method resolution order for a new class with `bases`.
pub fn compute_mro(new: &PyRef, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    c3_merge(new, bases).ok_or_else(|| {
        let names: Vec<String> = bases.iter().map(name_of).collect();
        PyErr::type_error(format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", ")))
    })
}

/// A builtin exception class (bootstrap): instances carry the `Exception` payload.
pub fn raw_exception_type(meta: &PyRef, name: &str, bases: Vec<PyRef>) -> PyRef {
    let t = raw_type(Some(meta), name, bases.clone(), BaseKind::Exception, true);
    if let (Some(td), Some(mro)) = (type_data(&t), c3_merge(&t, &bases)) {
        *td.mro.borrow_mut() = mro;
    }
    t
}

/// The most derived solid base among `bases` (decides the instances' payload), checking
/// for CPython's "multiple bases have instance lay-out conflict".
fn solid_kind(bases: &[PyRef]) -> PyResult<BaseKind> {
    let mut kind = BaseKind::Object;
    for b in bases {
        let k = type_data(b).map(|t| t.kind).unwrap_or(BaseKind::Object);
        if k == BaseKind::Object {
            continue;
        }
        if kind != BaseKind::Object && kind != k {
            return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
        }
        kind = k;
    }
    Ok(kind)
}

/// The nearest class at or above `cls` whose own `__slots__` add instance fields (not just
/// `__dict__`/`__weakref__`): CPython's "solid base" as far as slots are concerned.
fn slot_solid(cls: &PyRef) -> Option<PyRef> {
    let td = type_data(cls).filter(|t| t.heap)?;
    let own = cls.dict.borrow().as_ref().is_some_and(|d| {
        dict::items(d).iter().any(|(_, v)| matches!(v.payload(), Some(Payload::MemberDescr { owner, .. }) if owner.is(cls)))
    });
    if own {
        return Some(cls.clone());
    }
    let bases = td.bases.borrow().clone();
    let mut best: Option<PyRef> = None;
    for b in &bases {
        if let Some(s) = slot_solid(b) {
            best = match best {
                Some(cur) if is_subtype(&cur, &s) => Some(cur),
                _ => Some(s),
            };
        }
    }
    best
}

/// Bases whose slot layouts are unrelated (each adds its own slots) cannot be combined.
fn check_slot_layout(bases: &[PyRef]) -> PyResult<()> {
    let mut winner: Option<PyRef> = None;
    for b in bases {
        let Some(s) = slot_solid(b) else { continue };
        winner = match winner {
            None => Some(s),
            Some(w) if is_subtype(&w, &s) => Some(w),
            Some(w) if is_subtype(&s, &w) => Some(s),
            Some(_) => return Err(PyErr::type_error("multiple bases have instance lay-out conflict")),
        };
    }
    Ok(())
}

/// The (mangled) names declared by `__slots__` in a class namespace, checked as CPython
/// does; `None` without `__slots__`.
fn slot_names(class_name: &str, namespace: &PyRef) -> PyResult<Option<Vec<String>>> {
    let Some(slots) = dict::get_str(namespace, "__slots__") else {
        return Ok(None);
    };
    let items: Vec<Value> = match slots.payload() {
        Some(Payload::Str(_)) => vec![slots.clone()],
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Dict(_)) => dict::items(slots.as_obj().expect("dict payload")).into_iter().map(|(k, _)| k).collect(),
        _ => return Err(PyErr::type_error(format!("'{}' object is not iterable", type_name(&slots)))),
    };
    let mut names = Vec::with_capacity(items.len());
    for it in items {
        let Some(s) = it.as_str() else {
            return Err(PyErr::type_error(format!("__slots__ items must be strings, not '{}'", type_name(&it))));
        };
        let s = s.as_str();
        let valid = s.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic()) && s.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !valid {
            return Err(PyErr::type_error("__slots__ must be identifiers"));
        }
        if (s == "__dict__" || s == "__weakref__") && names.iter().any(|n: &String| n == s) {
            return Err(PyErr::type_error(format!("{s} slot disallowed: we already got one")));
        }
        let mangled = mangle(class_name, s);
        if mangled != "__dict__" && mangled != "__weakref__" && dict::get_str(namespace, &mangled).is_some() {
            return Err(PyErr::value_error(format!("'{s}' in __slots__ conflicts with class variable")));
        }
        names.push(mangled);
    }
    Ok(Some(names))
}

/// Private name mangling (`__x` in class `C` is `_C__x`).
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// A class made by a native module, `module.name` (immortal, subclassable from Python):
/// derived from `base` (`None`: `object`), with `doc` as its `__doc__` if given. Native
/// types whose `__new__` builds their state for the class it is given, and exception
/// classes, are made with it.
pub fn native_class(module: &str, name: &str, base: Option<&PyRef>, doc: Option<&str>) -> PyRef {
    let t = super::types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str(module));
    dict::set_str(&ns, "__qualname__", Value::new_str(name));
    if let Some(doc) = doc {
        dict::set_str(&ns, "__doc__", Value::new_str(doc));
    }
    let fallback = base.unwrap_or(&t.object).clone();
    let cls = new_class(&t.type_, name, base.into_iter().cloned().collect(), &ns).unwrap_or(fallback);
    cls.make_immortal();
    cls
}

/// `type.__new__(meta, name, bases, namespace)` for a `class` statement: the namespace
/// dict object becomes the class's `__dict__` (copied).
pub fn new_class(meta: &PyRef, name: &str, bases: Vec<PyRef>, namespace: &PyRef) -> PyResult<PyRef> {
    let t = super::types();
    let bases = if bases.is_empty() { vec![t.object.clone()] } else { bases };
    for b in &bases {
        match type_data(b) {
            Some(td) if !td.basetype => {
                return Err(PyErr::type_error(format!("type '{}' is not an acceptable base type", td.name.borrow())))
            }
            None => return Err(PyErr::type_error("bases must be types")),
            _ => {}
        }
    }
    let kind = solid_kind(&bases)?;
    check_slot_layout(&bases)?;
    let slots = slot_names(name, namespace)?;
    let base_slotted = bases.iter().any(|b| type_data(b).is_some_and(|t| t.slotted));
    // Instances lack a `__dict__` only when every class up to `object` declares `__slots__`
    // without `"__dict__"` (and the builtin base has none either).
    let base_has_dict = bases.iter().any(|b| type_data(b).is_some_and(|t| if t.heap { t.has_dict } else { t.kind != BaseKind::Object }));
    if base_has_dict && slots.as_ref().is_some_and(|names| names.iter().any(|n| n == "__dict__")) {
        return Err(PyErr::type_error("__dict__ slot disallowed: we already got one"));
    }
    let has_dict = match &slots {
        None => true,
        Some(names) => base_has_dict || names.iter().any(|n| n == "__dict__"),
    };
    let slotted = kind == BaseKind::Object && (base_slotted || slots.is_some());
    let qualname = dict::get_str(namespace, "__qualname__")
        .and_then(|v| v.as_str().map(|s| s.as_str().to_string()))
        .unwrap_or_else(|| name.to_string());
    let data = TypeData {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(qualname),
        bases: RefCell::new(bases.clone()),
        mro: RefCell::new(Vec::new()),
        kind,
        heap: true,
        basetype: true,
        has_del: Cell::new(false),
        is_abstract: Cell::new(false),
        module: "",
        hot_dunders: Cell::new((0, 0)),
        ctor: Cell::new((0, Location::NOWHERE, Location::NOWHERE)),
        dict_hint: Cell::new(0),
        id: next_type_id(),
        slotted,
        has_dict,
    };
    let cls = PyRef::new(meta, Payload::Type(Box::new(data)));
    let ns = dict::copy_dict_obj(namespace);
    dict::del_str(&ns, "__qualname__");
    for slot in slots.iter().flatten() {
        if slot == "__dict__" || slot == "__weakref__" {
            continue;
        }
        let descr = PyRef::new(&t.member_descriptor, Payload::MemberDescr { name: slot.clone(), owner: cls.clone() });
        dict::set_str(&ns, slot, Value::Obj(descr));
    }
    // Instances accept weak references unless `__slots__` leaves `__weakref__` out (or the
    // builtin base is variable-sized, as CPython's `int`, `str`, `bytes`, `tuple`).
    let wants_weakref = match &slots {
        None => !matches!(kind, BaseKind::Int | BaseKind::Str | BaseKind::Bytes | BaseKind::Tuple),
        Some(names) => names.iter().any(|n| n == "__weakref__"),
    };
    if wants_weakref && !bases.iter().any(|b| lookup(b, "__weakref__").is_some()) {
        dict::set_str(&ns, "__weakref__", super::weakref::weakref_descriptor());
    }
    *cls.dict.borrow_mut() = Some(ns);
    let mro = compute_mro(&cls, &bases)?;
    let has_del = mro.iter().any(|c| c.dict.borrow().as_ref().is_some_and(|d| dict::get_str(d, "__del__").is_some()));
    if let Some(td) = type_data(&cls) {
        *td.mro.borrow_mut() = mro;
        td.has_del.set(has_del);
    }
    Ok(cls)
}
