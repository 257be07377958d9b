//! Weak references: the state of a `weakref.ref` / proxy object ([`WeakRefData`]), the
//! per-referent lists of weak references (a side table keyed by address, so objects pay
//! nothing until someone takes a weak reference to them), and clearing a referent's list
//! when it dies — before it is freed, callbacks queued newest first as in CPython.
//!
//! The Python-visible types and functions (`_weakref`) are in `modules::weakref`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::{Payload, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::heap::{flags, WeakPtr};

/// What a weak reference object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    /// `weakref.ref` (or a subclass instance).
    Ref,
    /// `weakref.proxy` of a non-callable object.
    Proxy,
    /// `weakref.proxy` of a callable object.
    CallableProxy,
}

/// The state of a weak reference object.
pub struct WeakRefData {
    /// The referent while it lives; cleared (set to `None`) just before it is freed.
    target: Cell<Option<WeakPtr>>,
    /// Called with the weak reference object when the referent dies (`None`: no callback).
    pub callback: RefCell<Value>,
    /// The referent's hash, cached by the first `hash()` (a dead reference keeps it).
    pub hash: Cell<Option<i64>>,
    pub kind: WeakKind,
    /// An exact `ref`/proxy without a callback: shared by every `ref(x)` of the same object.
    pub basic: bool,
}

impl WeakRefData {
    /// The referent, or `None` once it died.
    pub fn get(&self) -> Option<PyRef> {
        self.target.get().and_then(|p| p.upgrade())
    }

    pub fn is_alive(&self) -> bool {
        self.get().is_some()
    }
}

type Lists = HashMap<usize, Vec<WeakPtr>>;

static LISTS: once_cell::sync::OnceCell<GilShared<RefCell<Lists>>> = once_cell::sync::OnceCell::new();

fn lists() -> &'static RefCell<Lists> {
    LISTS.get_or_init(|| GilShared::new(RefCell::new(HashMap::new()))).get()
}

/// The weak reference data of `o`, if it is a weak reference object.
pub fn data(o: &PyRef) -> Option<&WeakRefData> {
    match &o.payload {
        Payload::WeakRef(w) => Some(w),
        _ => None,
    }
}

/// The weak reference objects pointing at `target`, in CPython's order: the shared basic
/// ref, the shared basic proxy, then the others newest first.
pub fn refs_to(target: &PyRef) -> Vec<PyRef> {
    if target.flags() & flags::HAS_WEAKREFS == 0 {
        return Vec::new();
    }
    let l = lists().borrow();
    l.get(&target.addr()).map(|v| v.iter().filter_map(|p| p.upgrade()).collect()).unwrap_or_default()
}

/// Find the shared basic weak reference of `kind` to `target`.
pub fn find_basic(target: &PyRef, kind: WeakKind) -> Option<PyRef> {
    refs_to(target).into_iter().find(|r| data(r).is_some_and(|d| d.basic && d.kind == kind))
}

/// Make a weak reference object of class `cls` to `target` and register it. The caller
/// checked that `target` accepts weak references.
pub fn new_weakref(cls: &PyRef, target: &PyRef, callback: Value, kind: WeakKind, basic: bool, with_dict: bool) -> PyRef {
    let data =
        WeakRefData { target: Cell::new(Some(WeakPtr::of(target))), callback: RefCell::new(callback), hash: Cell::new(None), kind, basic };
    let payload = Payload::WeakRef(Box::new(data));
    let wr = if with_dict {
        match crate::modules::object_methods::alloc_instance(cls, payload) {
            Value::Obj(o) => o,
            _ => unreachable!("alloc_instance returns an object"),
        }
    } else {
        PyRef::new(cls, payload)
    };
    let mut l = lists().borrow_mut();
    let list = l.entry(target.addr()).or_default();
    // Basic refs and proxies go first (ref before proxy); the others after them, newest first.
    let leading = list.iter().take_while(|p| p.with(|o| matches!(&o.payload, Payload::WeakRef(w) if w.basic))).count();
    let pos = if basic {
        if kind == WeakKind::Ref {
            0
        } else {
            leading
        }
    } else {
        leading
    };
    list.insert(pos, WeakPtr::of(&wr));
    target.set_flag(flags::HAS_WEAKREFS);
    wr
}

/// A weak reference object is being freed: leave its referent's list.
pub fn unregister(w: &WeakRefData, self_addr: usize) {
    let Some(t) = w.target.take() else { return };
    let mut l = lists().borrow_mut();
    if let Some(list) = l.get_mut(&t.addr()) {
        list.retain(|p| p.addr() != self_addr);
        if list.is_empty() {
            l.remove(&t.addr());
        }
    }
}

/// The referent at `addr` is dying: clear every weak reference to it, then (if
/// `run_callbacks`) call the callbacks of the weak references that are still alive, in list
/// order. Returns the callbacks not run when `run_callbacks` is false.
pub fn clear_weakrefs(addr: usize, run_callbacks: bool) -> Vec<(PyRef, Value)> {
    let list = lists().borrow_mut().remove(&addr).unwrap_or_default();
    let mut pending = Vec::new();
    for p in &list {
        p.with(|o| {
            if let Payload::WeakRef(w) = &o.payload {
                w.target.set(None);
            }
        });
    }
    for p in &list {
        if let Some(wr) = p.upgrade() {
            let cb = match &wr.payload {
                Payload::WeakRef(w) => std::mem::replace(&mut *w.callback.borrow_mut(), Value::None),
                _ => Value::None,
            };
            if !cb.is_none() {
                pending.push((wr, cb));
            }
        }
    }
    if run_callbacks {
        run_callbacks_now(pending);
        Vec::new()
    } else {
        pending
    }
}

/// Call weak reference callbacks; an exception is reported as unraisable.
pub fn run_callbacks_now(pending: Vec<(PyRef, Value)>) {
    if pending.is_empty() {
        return;
    }
    let vm = crate::vm::Vm::new();
    for (wr, cb) in pending {
        let arg = Value::Obj(wr);
        if let Err(e) = crate::runtime::call::call(&vm, &cb, crate::runtime::Args::new(std::slice::from_ref(&arg))) {
            let text = crate::runtime::repr::repr(&vm, &cb).unwrap_or_default();
            crate::vm::traceback::print_unraisable(&vm, &format!("Exception ignored in: {text}"), &e);
        }
    }
}

/// Can `o` be the referent of a weak reference? User classes say so with a `__weakref__`
/// descriptor on their MRO; among builtin objects, those CPython allows.
pub fn accepts_weakrefs(o: &PyRef) -> bool {
    let cls = o.class();
    if super::typeobj::type_data(cls).is_some_and(|t| t.heap) {
        return super::typeobj::lookup(cls, "__weakref__").is_some();
    }
    matches!(
        o.payload,
        Payload::Type(_)
            | Payload::Function(_)
            | Payload::NativeFunction(_)
            | Payload::BoundMethod { .. }
            | Payload::Code(_)
            | Payload::Generator(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_)
            | Payload::Module(_)
            | Payload::Native(_)
    )
}

/// `obj.__weakref__`: the first weak reference to `obj`, or `None`.
fn weakref_attr(_vm: &crate::vm::Vm, args: crate::runtime::Args) -> crate::runtime::PyResult<Value> {
    match args.args.first().and_then(|v| v.as_obj()) {
        Some(o) => Ok(refs_to(o).into_iter().next().map(Value::Obj).unwrap_or(Value::None)),
        None => Ok(Value::None),
    }
}

/// The `__weakref__` descriptor a class gets when its instances accept weak references.
pub fn weakref_descriptor() -> Value {
    let fget = super::function::native("__weakref__", weakref_attr);
    Value::Obj(PyRef::new(
        &super::types().property,
        Payload::Property(Box::new(super::PropertyData {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
            name: RefCell::new(Value::new_str("__weakref__")),
        })),
    ))
}
