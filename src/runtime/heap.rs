//! Object allocation and reference counting: [`PyRef`], the owning handle to a heap object.
//! This file holds all of the `unsafe` that object lifetime needs; nothing else in gild
//! dereferences raw object pointers.
//!
//! # Invariants
//! 1. **The GIL guards every count.** Reference counts are plain `Cell<usize>`s, touched only
//!    by the thread holding the GIL. `PyRef` is neither `Send` nor `Sync` (it holds a
//!    `NonNull`), so safe code cannot move a handle to a thread that lacks the GIL; the one
//!    way across threads is the GIL-token wrapper in `runtime::gil`.
//! 2. **A live `PyRef` keeps its object allocated.** `rc` counts the live handles (plus the
//!    temporary reference taken while a finaliser runs). The object is dropped and its memory
//!    freed exactly when the count reaches zero and no finaliser resurrected it.
//! 3. **An object's class is never freed while the object lives.** The class slot owns one
//!    reference; `__class__` assignment keeps the old class alive forever (classes are
//!    long-lived), so `class()` can hand out a plain `&PyRef`.
//! 4. **Deallocation never recurses deeply.** Dropping an object drops its children; past
//!    [`MAX_DEALLOC_DEPTH`] nested deallocations the object is queued and freed by the
//!    outermost one, so a million-node linked list does not overflow the Rust stack.

use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::objects::{Payload, PyObject, Value};

/// Nested deallocations allowed on the Rust stack before further ones are queued.
const MAX_DEALLOC_DEPTH: usize = 256;

/// Object header flags.
pub mod flags {
    /// `__del__` already ran once (PEP 442: finalisers run at most once).
    pub const FINALIZED: u32 = 1;
    /// Immortal: never freed (builtin types, singletons). Counts still move, harmlessly.
    pub const IMMORTAL: u32 = 2;
}

/// The header every heap object starts with.
pub struct Header {
    rc: Cell<usize>,
    flags: Cell<u32>,
    /// Owned reference to the object's class (invariant 3).
    class: Cell<NonNull<PyObject>>,
}

/// An owning, reference-counted handle to a heap object.
#[repr(transparent)]
pub struct PyRef {
    ptr: NonNull<PyObject>,
    _not_send: PhantomData<*mut PyObject>,
}

impl PyRef {
    /// Allocate a new object of class `class`.
    pub fn new(class: &PyRef, payload: Payload) -> PyRef {
        let class_ptr = class.clone().into_raw();
        let obj = Box::new(PyObject {
            header: Header { rc: Cell::new(1), flags: Cell::new(0), class: Cell::new(class_ptr) },
            dict: RefCell::new(None),
            payload,
        });
        PyRef { ptr: NonNull::from(Box::leak(obj)), _not_send: PhantomData }
    }

    /// Allocate an object that is its own class (only `type` itself). It is immortal.
    pub fn new_self_classed(payload: Payload) -> PyRef {
        let obj = Box::new(PyObject {
            header: Header { rc: Cell::new(2), flags: Cell::new(flags::IMMORTAL), class: Cell::new(NonNull::dangling()) },
            dict: RefCell::new(None),
            payload,
        });
        let ptr = NonNull::from(Box::leak(obj));
        // SAFETY: `ptr` was just leaked from a Box and is valid; the extra count taken above
        // is the class slot's own reference to the object.
        unsafe { ptr.as_ref().header.class.set(ptr) };
        PyRef { ptr, _not_send: PhantomData }
    }

    fn into_raw(self) -> NonNull<PyObject> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    /// Identity: the object's address (what `id()` and `is` use).
    #[inline]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline]
    pub fn is(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }

    /// The current reference count (for `sys.getrefcount` and the cycle collector).
    pub fn refcount(&self) -> usize {
        self.header().rc.get()
    }

    /// Never free this object (builtin types and singletons).
    pub fn make_immortal(&self) {
        let h = self.header();
        h.flags.set(h.flags.get() | flags::IMMORTAL);
    }

    #[inline]
    fn header(&self) -> &Header {
        &self.header
    }

    /// The object's class.
    #[inline]
    pub fn class(&self) -> &PyRef {
        // SAFETY: `class` holds an owned reference (invariant 3), and `PyRef` is a
        // transparent wrapper around `NonNull<PyObject>`, so a `&NonNull` in the cell can be
        // viewed as a `&PyRef` for as long as `self` is borrowed.
        unsafe { &*(self.header().class.as_ptr() as *const PyRef) }
    }

    /// `obj.__class__ = cls`: the old class is deliberately kept alive (invariant 3).
    pub fn set_class(&self, cls: &PyRef) {
        let new = cls.clone().into_raw();
        self.header().class.set(new);
    }

    pub fn flags(&self) -> u32 {
        self.header().flags.get()
    }

    /// Mutable access to an object this handle alone refers to (count 1, not immortal),
    /// as `Rc::get_mut`: with no other handle there is no other path to the object.
    pub fn get_mut(&mut self) -> Option<&mut PyObject> {
        let h = self.header();
        if h.rc.get() != 1 || h.flags.get() & flags::IMMORTAL != 0 {
            return None;
        }
        // SAFETY: the count is 1, so this handle (borrowed mutably) is the only one; no
        // shared reference into the object can outlive a borrow of another handle, and
        // objects are only touched under the GIL (invariant 1).
        Some(unsafe { self.ptr.as_mut() })
    }

    pub fn set_flag(&self, f: u32) {
        let h = self.header();
        h.flags.set(h.flags.get() | f);
    }
}

impl std::ops::Deref for PyRef {
    type Target = PyObject;
    #[inline]
    fn deref(&self) -> &PyObject {
        // SAFETY: a live handle keeps the object allocated (invariant 2).
        unsafe { self.ptr.as_ref() }
    }
}

impl Clone for PyRef {
    #[inline]
    fn clone(&self) -> PyRef {
        let rc = &self.header().rc;
        rc.set(rc.get() + 1);
        PyRef { ptr: self.ptr, _not_send: PhantomData }
    }
}

impl Clone for Value {
    /// Copy a value: take a reference for heap objects, then copy all 16 bytes at once.
    /// (The derived `Clone` copies variant by variant with narrow stores, which stalls the
    /// 16-byte loads that follow on the value stack.)
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            let rc = &o.header().rc;
            rc.set(rc.get() + 1);
        }
        // SAFETY: the count for the `Obj` case was incremented above, so the bitwise copy
        // is a new owning handle (invariant 2); the other variants own nothing.
        unsafe { std::ptr::read(self) }
    }
}

impl Drop for PyRef {
    #[inline]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.rc.get() - 1;
        h.rc.set(n);
        if n == 0 {
            dealloc(self.ptr);
        }
    }
}

impl std::fmt::Debug for PyRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<object at {:#x}>", self.addr())
    }
}

thread_local! {
    static DEALLOC_DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEALLOC_QUEUE: RefCell<Vec<NonNull<PyObject>>> = const { RefCell::new(Vec::new()) };
}

/// A hook that runs an object's finaliser (`__del__`) before it is freed. Returns true if
/// the object was resurrected (its count rose above the finaliser's own reference).
pub type FinalizeHook = fn(&PyRef) -> bool;

static FINALIZE_HOOK: once_cell::sync::OnceCell<FinalizeHook> = once_cell::sync::OnceCell::new();

/// Install the interpreter's finaliser hook (once, at start-up).
pub fn set_finalize_hook(hook: FinalizeHook) {
    let _ = FINALIZE_HOOK.set(hook);
}

#[cold]
fn dealloc(ptr: NonNull<PyObject>) {
    // SAFETY: the count just reached zero, so no handle refers to the object; we own it.
    let obj = unsafe { ptr.as_ref() };
    let fl = obj.header.flags.get();
    if fl & flags::IMMORTAL != 0 {
        obj.header.rc.set(1 << 30);
        return;
    }
    // SAFETY: the class slot owns a reference (invariant 3); viewed as a `&PyRef` while
    // `obj` is alive.
    let class = unsafe { &*(obj.header.class.as_ptr() as *const PyRef) };
    if fl & flags::FINALIZED == 0 && obj.needs_finalizer(class) {
        if let Some(hook) = FINALIZE_HOOK.get() {
            obj.header.flags.set(fl | flags::FINALIZED);
            // Take a temporary reference for the finaliser's duration.
            obj.header.rc.set(1);
            let tmp = PyRef { ptr, _not_send: PhantomData };
            let resurrected = hook(&tmp);
            let rc = obj.header.rc.get();
            if resurrected || rc > 1 {
                // Someone kept a reference: the object lives on without our temporary one.
                obj.header.rc.set(rc - 1);
                std::mem::forget(tmp);
                return;
            }
            std::mem::forget(tmp);
            obj.header.rc.set(0);
        }
    }
    let depth = DEALLOC_DEPTH.with(|d| d.get());
    if depth >= MAX_DEALLOC_DEPTH {
        DEALLOC_QUEUE.with(|q| q.borrow_mut().push(ptr));
        return;
    }
    DEALLOC_DEPTH.with(|d| d.set(depth + 1));
    free(ptr);
    if depth == 0 {
        // The outermost deallocation drains what deeper ones queued.
        while let Some(next) = DEALLOC_QUEUE.with(|q| q.borrow_mut().pop()) {
            free(next);
        }
    }
    DEALLOC_DEPTH.with(|d| d.set(depth));
}

fn free(ptr: NonNull<PyObject>) {
    // SAFETY: `ptr` came from `Box::leak` in `PyRef::new` and its count is zero with no
    // resurrection, so this is the unique owner; rebuilding the Box drops and frees it once.
    let boxed = unsafe { Box::from_raw(ptr.as_ptr()) };
    let class = boxed.header.class.get();
    drop(boxed);
    // Release the class slot's reference (invariant 3) after the object is gone.
    drop(PyRef { ptr: class, _not_send: PhantomData });
}
