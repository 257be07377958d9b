//! Inline caches for attribute access on plain instances of user classes (`LoadAttr`,
//! `LoadMethod`, `StoreAttr`). Each code object keeps one entry per name; an entry
//! remembers, for the last receiver type, what that type's MRO holds under the name, so
//! a hit skips the MRO walk and the descriptor checks and goes straight to the instance
//! `__dict__` (or to the method found in the class).
//!
//! An entry is valid while the receiver's type has the recorded id (ids are never reused)
//! and the type epoch is unchanged (`typeobj::type_epoch`: any attribute assignment on any
//! class bumps it). A method is read back through its owner's dict entry, checked against
//! that dict's version, so a stale entry can only miss (see [`Found`]); an instance
//! attribute is looked up at the dict position where the site last found it first. Only
//! the plain case is cached: `Payload::Instance` objects of
//! non-slotted heap classes without `__getattribute__`/`__setattr__` and (for loads)
//! objects of builtin types other than classes and `super`; names that are not dunders;
//! class attributes that are methods (Python functions, unbound native methods).
//! Everything else takes the general path in `runtime::attr`, which stays the single
//! source of the semantics.

use std::cell::Cell;

use crate::objects::str::{Key, PyStr};
use crate::objects::typeobj::{self, type_data, TypeData};
use crate::objects::{dict, Payload, PyRef, Value};
use crate::runtime::call::{lookup_user, new_bound_method};
use crate::runtime::heap::Unowned;
use crate::runtime::PyResult;
use crate::vm::Vm;

/// A load cache (`LoadAttr` / `LoadMethod`): the last two receiver types seen at the site,
/// newest first (a method inherited by a subclass sees both classes at one site). Entries
/// are plain data in cells (no counts held, nothing to drop), so reading and replacing
/// them never runs code.
#[derive(Default)]
pub struct LoadCache {
    entries: [LoadEntry; 2],
    /// Where the name was last found in an instance dict (a hint, checked on use).
    slot: Cell<u32>,
}

#[derive(Default)]
struct LoadEntry {
    /// `(type id, type epoch)`; type id 0: empty.
    key: Cell<(u64, u64)>,
    found: Cell<Found>,
}

/// What the receiver type's MRO holds under the name.
#[derive(Clone, Copy, Default)]
enum Found {
    /// Nothing: the attribute can only come from the instance dict.
    #[default]
    NotInType,
    /// A method (a Python function, or a builtin type's native method) at entry `entry` of
    /// the dict of a class on the MRO, read back when that dict still has `version`. The
    /// dict is not counted: while the entry's `(type id, epoch)` matches a live receiver,
    /// the receiver's type and its MRO are unchanged and alive, and a class's dict object
    /// is never replaced after creation, so the pointer is valid; an unchanged version
    /// means the entry still holds the method seen when the entry was filled. (Holding
    /// the function instead would hide it, and what it references, from the cycle
    /// collector: code objects are not traversed.)
    InType { dict: Unowned, entry: u32, version: u64 },
}

/// A store cache (`StoreAttr`): the last two receiver types (newest first) for which the
/// type has no data descriptor for the name, so the store goes to the instance dict, and
/// where in an instance dict the name was last stored (a hint, checked on use).
#[derive(Default)]
pub struct StoreCache {
    types: Cell<[(u64, u64); 2]>,
    slot: Cell<u32>,
}

/// The type of `o` if `o` is a plain instance whose attributes live in its own dict.
#[inline]
fn plain_instance(o: &PyRef) -> Option<&TypeData> {
    if !matches!(o.payload, Payload::Instance) {
        return None;
    }
    type_data(o.class()).filter(|t| t.heap && !t.slotted)
}

/// The type of `o` if loads from `o` follow the generic rule the cache encodes: plain
/// instances of user classes, and objects of builtin types (whose dicts hold only what
/// the user stored: module globals, function attributes), except classes and `super`
/// objects, which have lookups of their own.
#[inline]
fn load_receiver(o: &PyRef) -> Option<&TypeData> {
    let t = type_data(o.class())?;
    if t.heap {
        return (matches!(o.payload, Payload::Instance) && !t.slotted).then_some(t);
    }
    (!matches!(o.payload, Payload::Type(_) | Payload::Super { .. })).then_some(t)
}

/// A class attribute the cache can hand out: a Python function, or a builtin type's
/// method (a native function not yet bound).
fn is_method(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Function(_)) => true,
        Some(Payload::NativeFunction(nf)) => nf.is_method && nf.self_.is_none(),
        _ => false,
    }
}

fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// The value of the attribute named by the `str` object `name` (payload `s`) in `o`'s
/// instance dict.
#[inline(always)]
fn own_attr(o: &PyRef, name: &PyRef, s: &PyStr, cache: &LoadCache) -> Option<Value> {
    let d = o.dict.borrow();
    dict::get_name_hinted(d.as_ref()?, name, s, &cache.slot)
}

/// The method recorded for `o`'s type (`Some(None)`: the type does not define the name),
/// or `None` when no entry is valid.
#[inline(always)]
fn hit(o: &PyRef, cache: &LoadCache) -> Option<Option<Value>> {
    let t = load_receiver(o)?;
    let key = (t.id, typeobj::type_epoch());
    let e = cache.entries.iter().find(|e| e.key.get() == key)?;
    match e.found.get() {
        Found::NotInType => Some(None),
        Found::InType { dict, entry, version } => {
            // SAFETY: the entry matched a live receiver's type at the current epoch (see
            // `Found::InType`).
            let d = unsafe { dict.get() };
            let Payload::Dict(cell) = &d.payload else { return None };
            let dd = cell.borrow();
            if dd.version != version {
                return None;
            }
            // A class dict's values change only through `setattr` on the class (which
            // bumps the epoch); the check keeps a native writer from breaking the cache.
            dd.value_at(entry as usize).filter(is_method).map(Some)
        }
    }
}

/// Make `(key, found)` the newest entry of `cache`.
fn insert(cache: &LoadCache, key: (u64, u64), found: Found) {
    let [newest, older] = &cache.entries;
    older.key.set(newest.key.get());
    older.found.set(newest.found.get());
    newest.key.set(key);
    newest.found.set(found);
}

/// Record what `o`'s type holds under `key`, if the case is cacheable.
fn fill_load(o: &PyRef, key: Key, cache: &LoadCache) {
    let Some(t) = load_receiver(o) else { return };
    if is_dunder(key.text) || (t.heap && o.dict.borrow().is_none()) || lookup_user(o.class(), "__getattribute__").is_some() {
        return;
    }
    let epoch = typeobj::type_epoch();
    let mut found = Found::NotInType;
    for c in t.mro.borrow().iter() {
        let d = c.dict.borrow();
        let Some(d) = d.as_ref() else { continue };
        let Payload::Dict(cell) = &d.payload else { continue };
        let dd = cell.borrow();
        let Some(ix) = dd.find_str(key.hash, key.text) else { continue };
        match dd.value_at(ix) {
            Some(v) if is_method(&v) => found = Found::InType { dict: Unowned::of(d), entry: ix as u32, version: dd.version },
            _ => return,
        }
        break;
    }
    insert(cache, (t.id, epoch), found);
}

/// `LoadAttr`: `obj.<name>` (`name` a `str`).
pub fn load_attr(vm: &Vm, obj: &Value, name: &Value, cache: &LoadCache) -> PyResult<Value> {
    let (Value::Obj(n), Some(s)) = (name, name.as_str()) else {
        return super::attr::getattr_key(vm, obj, crate::vm::instr::name_key(name));
    };
    if let Value::Obj(o) = obj {
        if let Some(method) = hit(o, cache) {
            if let Some(v) = own_attr(o, n, s, cache) {
                return Ok(v);
            }
            if let Some(f) = method {
                return match f.payload() {
                    Some(Payload::Function(_)) => Ok(new_bound_method(f, obj.clone())),
                    _ => super::attr::bind(vm, &f, obj),
                };
            }
        } else {
            fill_load(o, Key::of(s), cache);
        }
    }
    super::attr::getattr_key(vm, obj, Key::of(s))
}

/// `LoadMethod`: the callable and the receiver to pass as its first argument (or the
/// `no_self` marker), as `vm::instr::load_method`.
pub fn load_method(vm: &Vm, obj: Value, name: &Value, cache: &LoadCache) -> PyResult<(Value, Value)> {
    let (Value::Obj(n), Some(s)) = (name, name.as_str()) else {
        return crate::vm::instr::load_method(vm, obj, crate::vm::instr::name_key(name));
    };
    if let Value::Obj(o) = &obj {
        if let Some(method) = hit(o, cache) {
            match (own_attr(o, n, s, cache), method) {
                (Some(v), _) => return Ok((v, Value::Obj(crate::objects::types().no_self.clone()))),
                (None, Some(f)) => return Ok((f, obj)),
                (None, None) => {}
            }
        } else {
            fill_load(o, Key::of(s), cache);
        }
    }
    crate::vm::instr::load_method(vm, obj, Key::of(s))
}

/// `StoreAttr`: `obj.<name> = value`.
pub fn store_attr(vm: &Vm, obj: &Value, name: &Value, value: Value, cache: &StoreCache) -> PyResult<()> {
    if let Value::Obj(o) = obj {
        if let Some(t) = plain_instance(o) {
            let c = cache.types.get();
            let epoch = typeobj::type_epoch();
            if c.contains(&(t.id, epoch)) {
                // Clone the dict handle out: dropping the old value may run `__del__`,
                // which may replace this object's `__dict__`.
                let d = o.dict.borrow().clone();
                if let Some(d) = d {
                    let len = dict::set_str_key_hinted(&d, name, value, &cache.slot);
                    if len > t.dict_hint.get() as usize && len <= dict::SMALL_MAX {
                        t.dict_hint.set(len as u8);
                    }
                    return Ok(());
                }
            } else if storable(o, name) {
                cache.types.set([(t.id, epoch), c[0]]);
            }
        }
    }
    super::attr::setattr_name(vm, obj, name, value)
}

/// Does a store of `name` on `o` go straight into its dict (no `__setattr__`, no data
/// descriptor on the type)?
fn storable(o: &PyRef, name: &Value) -> bool {
    let Some(s) = name.as_str() else { return false };
    if is_dunder(s.as_str()) || o.dict.borrow().is_none() || lookup_user(o.class(), "__setattr__").is_some() {
        return false;
    }
    match typeobj::lookup_key(o.class(), Key::of(s)) {
        None => true,
        Some(d) => !super::attr::is_data_descriptor(&d),
    }
}
