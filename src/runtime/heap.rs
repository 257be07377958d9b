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
//! 5. **A [`WeakPtr`] never outlives its object unnoticed.** Weak pointers sit only in the
//!    weak-reference side table (`objects::weakref`): an object flagged
//!    [`flags::HAS_WEAKREFS`] has its weak references cleared in [`dealloc`] before it is
//!    freed, and a weak reference object leaves its referent's list in [`free`] before it
//!    is freed. So a `WeakPtr` found in the table always points at allocated memory (its
//!    count may be zero while the object is being torn down: `upgrade` then says `None`).
//! 6. **Tracked lists hold only live objects.** The cycle collector's lists (one per
//!    generation, the frozen list and the collector's working list) point at container
//!    objects without owning them. An object leaves its list the moment its count reaches
//!    zero in [`dealloc`] (and rejoins the youngest one if a finaliser resurrects it), so
//!    every pointer in a list is an allocated object with a non-zero count.

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
    /// Some weak reference points at the object (its list is in `objects::weakref`).
    pub const HAS_WEAKREFS: u32 = 4;
    /// Bits 8..11: which cycle-collector list holds the object (see [`super::gc_list`]).
    pub const GC_LIST_SHIFT: u32 = 8;
    pub const GC_LIST_MASK: u32 = 7 << GC_LIST_SHIFT;
}

/// The cycle collector's object lists (invariant 6). `UNTRACKED` objects are in none.
pub mod gc_list {
    pub const UNTRACKED: u8 = 0;
    /// Generations 0, 1, 2 are lists 1, 2, 3.
    pub const GEN0: u8 = 1;
    pub const PERMANENT: u8 = 4;
    /// The objects a collection is examining.
    pub const WORKING: u8 = 5;
    pub const COUNT: usize = 6;
}

/// The tracked-object lists and the allocation trigger.
struct Tracked {
    lists: [Vec<NonNull<PyObject>>; gc_list::COUNT],
    /// Collect generation 0 when it holds more than this many objects (0: never).
    threshold0: usize,
    /// A collection was requested and not yet started.
    requested: bool,
}

static TRACKED: crate::runtime::gil::GilShared<RefCell<Tracked>> = crate::runtime::gil::GilShared::new(RefCell::new(Tracked {
    lists: [Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()],
    threshold0: 700,
    requested: false,
}));

fn gc_list_of(h: &Header) -> u8 {
    ((h.flags.get() & flags::GC_LIST_MASK) >> flags::GC_LIST_SHIFT) as u8
}

fn set_gc_list(h: &Header, list: u8) {
    h.flags.set((h.flags.get() & !flags::GC_LIST_MASK) | ((list as u32) << flags::GC_LIST_SHIFT));
}

/// Put `ptr` at the end of `list` (it must be untracked).
fn gc_push(t: &mut Tracked, ptr: NonNull<PyObject>, list: u8) {
    // SAFETY: callers pass live objects (invariant 6).
    let h = unsafe { &ptr.as_ref().header };
    let v = &mut t.lists[list as usize];
    h.gc_index.set(v.len() as u32);
    set_gc_list(h, list);
    v.push(ptr);
}

/// Take `ptr` out of whatever list holds it.
fn gc_remove(t: &mut Tracked, ptr: NonNull<PyObject>) {
    // SAFETY: the object is allocated (its memory is freed only after this runs).
    let h = unsafe { &ptr.as_ref().header };
    let list = gc_list_of(h);
    if list == gc_list::UNTRACKED {
        return;
    }
    let v = &mut t.lists[list as usize];
    let i = h.gc_index.get() as usize;
    v.swap_remove(i);
    if let Some(moved) = v.get(i) {
        // SAFETY: entries of a list are live objects (invariant 6).
        unsafe { moved.as_ref() }.header.gc_index.set(i as u32);
    }
    set_gc_list(h, gc_list::UNTRACKED);
}

/// Heap objects allocated and not yet freed (the leak check's counter: `gc._live_objects()`).
static LIVE: crate::runtime::gil::GilShared<Cell<isize>> = crate::runtime::gil::GilShared::new(Cell::new(0));

/// How many heap objects are allocated right now.
pub fn live_objects() -> isize {
    LIVE.get().get()
}

/// Start tracking a new container; ask for a collection when generation 0 is full.
fn gc_track_new(ptr: NonNull<PyObject>) {
    let mut t = TRACKED.get().borrow_mut();
    gc_push(&mut t, ptr, gc_list::GEN0);
    if t.threshold0 != 0 && t.lists[gc_list::GEN0 as usize].len() > t.threshold0 && !t.requested {
        t.requested = true;
        crate::runtime::gc::request_collection();
    }
}

/// The cycle collector's view of the tracked lists. All of it is safe to call: entries are
/// live objects (invariant 6) and are handed out as [`WeakPtr`]s.
pub mod gc_lists {
    use super::*;

    /// Which list holds `o`, and where.
    pub fn position(o: &PyRef) -> (u8, u32) {
        let h = o.header();
        (gc_list_of(h), h.gc_index.get())
    }

    pub fn len(list: u8) -> usize {
        TRACKED.get().borrow().lists[list as usize].len()
    }

    /// The objects of `list`, in list order (an object's index is its position).
    pub fn snapshot(list: u8) -> Vec<WeakPtr> {
        TRACKED.get().borrow().lists[list as usize].iter().map(|p| WeakPtr(*p)).collect()
    }

    /// Move every object of `from` to the end of `to`.
    pub fn move_all(from: u8, to: u8) {
        if from == to {
            return;
        }
        let mut t = TRACKED.get().borrow_mut();
        let objs = std::mem::take(&mut t.lists[from as usize]);
        for p in objs {
            gc_push(&mut t, p, to);
        }
    }

    /// Move one tracked object to the end of `to`.
    pub fn move_to(o: &PyRef, to: u8) {
        let mut t = TRACKED.get().borrow_mut();
        if gc_list_of(o.header()) == gc_list::UNTRACKED {
            return;
        }
        gc_remove(&mut t, o.ptr);
        gc_push(&mut t, o.ptr, to);
    }

    pub fn track(o: &PyRef) {
        if gc_list_of(o.header()) == gc_list::UNTRACKED && o.flags() & flags::IMMORTAL == 0 {
            gc_push(&mut TRACKED.get().borrow_mut(), o.ptr, gc_list::GEN0);
        }
    }

    pub fn untrack(o: &PyRef) {
        gc_remove(&mut TRACKED.get().borrow_mut(), o.ptr);
    }

    pub fn set_threshold0(n: usize) {
        TRACKED.get().borrow_mut().threshold0 = n;
    }

    /// The requested collection is starting (or was declined): allow new requests.
    pub fn clear_request() {
        TRACKED.get().borrow_mut().requested = false;
    }
}

/// The header every heap object starts with.
pub struct Header {
    rc: Cell<usize>,
    flags: Cell<u32>,
    /// Position in the cycle collector's list named by the flags' list bits (it fills the
    /// header's padding, so tracking costs no header bytes).
    gc_index: Cell<u32>,
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
        let track = crate::runtime::gc::needs_tracking(&payload, class);
        Self::alloc(class, payload, track)
    }

    /// Allocate a new object that the cycle collector does not track (yet): an
    /// instance's own `__dict__`, which the collector sees through its instance until
    /// Python code gets hold of it (see `object_methods::alloc_instance`).
    pub fn new_untracked(class: &PyRef, payload: Payload) -> PyRef {
        Self::alloc(class, payload, false)
    }

    #[inline]
    fn alloc(class: &PyRef, payload: Payload, track: bool) -> PyRef {
        let class_ptr = class.clone().into_raw();
        let obj = PyObject {
            header: Header { rc: Cell::new(1), flags: Cell::new(0), gc_index: Cell::new(0), class: Cell::new(class_ptr) },
            dict: RefCell::new(None),
            payload,
        };
        let ptr = match free_blocks::take() {
            Some(block) => {
                // SAFETY: a free block is an unused allocation of `PyObject`'s layout.
                unsafe { block.as_ptr().write(obj) };
                block
            }
            None => NonNull::from(Box::leak(Box::new(obj))),
        };
        let live = LIVE.get();
        live.set(live.get() + 1);
        if track {
            gc_track_new(ptr);
        }
        PyRef { ptr, _not_send: PhantomData }
    }

    /// Allocate an object that is its own class (only `type` itself). It is immortal.
    pub fn new_self_classed(payload: Payload) -> PyRef {
        let obj = Box::new(PyObject {
            header: Header {
                rc: Cell::new(2),
                flags: Cell::new(flags::IMMORTAL),
                gc_index: Cell::new(0),
                class: Cell::new(NonNull::dangling()),
            },
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

    /// Never free this object (builtin types and singletons). Immortal objects are not
    /// tracked by the cycle collector.
    pub fn make_immortal(&self) {
        gc_remove(&mut TRACKED.get().borrow_mut(), self.ptr);
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

/// A non-owning pointer to an object that something else is known to keep alive, for
/// caches whose validity check proves the owner still holds it (the attribute cache: a
/// class's dict while the type epoch is unchanged, a builtin type's method for the run).
/// It never adjusts counts; [`Unowned::get`] states the obligation.
#[derive(Clone, Copy)]
pub struct Unowned(NonNull<PyObject>);

impl Unowned {
    pub fn of(o: &PyRef) -> Unowned {
        Unowned(o.ptr)
    }

    /// Borrow the object as a handle.
    ///
    /// # Safety
    /// The object is alive: some owner still holds a reference to it for at least as long
    /// as the returned borrow is used.
    #[inline]
    pub unsafe fn get(&self) -> &PyRef {
        // SAFETY: `PyRef` is a transparent wrapper around `NonNull<PyObject>`; the caller
        // guarantees the object is alive.
        unsafe { &*(&self.0 as *const NonNull<PyObject> as *const PyRef) }
    }
}

/// A non-owning pointer to a heap object, kept only by the weak-reference table
/// (invariant 5).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct WeakPtr(NonNull<PyObject>);

impl WeakPtr {
    pub fn of(o: &PyRef) -> WeakPtr {
        WeakPtr(o.ptr)
    }

    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// A new owning handle, or `None` while the object is being torn down.
    pub fn upgrade(&self) -> Option<PyRef> {
        // SAFETY: invariant 5: the object is still allocated.
        let obj = unsafe { self.0.as_ref() };
        let rc = obj.header.rc.get();
        if rc == 0 {
            return None;
        }
        obj.header.rc.set(rc + 1);
        Some(PyRef { ptr: self.0, _not_send: PhantomData })
    }

    pub fn refcount(&self) -> usize {
        // SAFETY: invariant 5/6: the object is still allocated.
        unsafe { self.0.as_ref() }.header.rc.get()
    }

    /// Look at a live object and its class without taking a reference.
    pub fn inspect<R>(&self, f: impl FnOnce(&PyObject, &PyRef) -> R) -> R {
        // SAFETY: invariants 5/6: the object is allocated; its class slot owns a reference
        // (invariant 3), viewed as a `&PyRef` for the duration of `f`.
        let obj = unsafe { self.0.as_ref() };
        let class = unsafe { &*(obj.header.class.as_ptr() as *const PyRef) };
        f(obj, class)
    }

    /// Look at the object without taking a reference (it may be in its teardown).
    pub fn with<R>(&self, f: impl FnOnce(&PyObject) -> R) -> R {
        // SAFETY: invariant 5: the object is still allocated; the borrow ends with `f`.
        f(unsafe { self.0.as_ref() })
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

/// Memory of freed objects, kept for the next allocations. Every object is one
/// `PyObject`-sized block, and programs free and allocate them at a high rate (each
/// temporary tuple, list, instance, str); taking a block from this list instead of the
/// system allocator halves the cost of an allocate/free pair (`alloc_small`). The list is
/// threaded through the free blocks themselves and bounded, so at most
/// `MAX_FREE * size_of::<PyObject>()` bytes (~384 KiB) stay reserved.
mod free_blocks {
    use super::PyObject;
    use std::cell::Cell;
    use std::ptr::NonNull;

    const MAX_FREE: usize = 4096;

    struct FreeList {
        /// The first free block; each free block's first word points to the next.
        head: Cell<*mut PyObject>,
        len: Cell<usize>,
    }

    // Only touched with the GIL held, like the objects themselves (invariant 2).
    static FREE: crate::runtime::gil::GilShared<FreeList> =
        crate::runtime::gil::GilShared::new(FreeList { head: Cell::new(std::ptr::null_mut()), len: Cell::new(0) });

    /// A free block, if one is kept.
    #[inline]
    pub(super) fn take() -> Option<NonNull<PyObject>> {
        if cfg!(feature = "memcheck") {
            return None;
        }
        let f = FREE.get();
        let head = NonNull::new(f.head.get())?;
        // SAFETY: a block on the list is unused memory whose first word `give` set to the
        // next block (`PyObject` is larger than a pointer and pointer-aligned).
        let next = unsafe { *(head.as_ptr() as *const *mut PyObject) };
        f.head.set(next);
        f.len.set(f.len.get() - 1);
        Some(head)
    }

    /// Keep (or release) the memory of an object whose fields were already dropped.
    ///
    /// # Safety
    /// `block` is an allocation of `PyObject`'s layout that nothing refers to any more.
    #[inline]
    pub(super) unsafe fn give(block: NonNull<PyObject>) {
        let f = FREE.get();
        // Under `--features memcheck` every block goes back to the allocator, so valgrind
        // sees each free and can report a use after it.
        if cfg!(feature = "memcheck") || f.len.get() >= MAX_FREE {
            std::alloc::dealloc(block.as_ptr() as *mut u8, std::alloc::Layout::new::<PyObject>());
            return;
        }
        *(block.as_ptr() as *mut *mut PyObject) = f.head.get();
        f.head.set(block.as_ptr());
        f.len.set(f.len.get() + 1);
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

/// Run `o`'s finaliser through the interpreter's hook (the cycle collector's PEP 442
/// step; the caller marked it `FINALIZED`).
pub fn run_finalizer(o: &PyRef) {
    if let Some(hook) = FINALIZE_HOOK.get() {
        hook(o);
    }
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
    // Leave the collector's lists now: a dying object is never examined (invariant 6).
    let was_tracked = fl & flags::GC_LIST_MASK != 0;
    if was_tracked {
        gc_remove(&mut TRACKED.get().borrow_mut(), ptr);
    }
    // SAFETY: the class slot owns a reference (invariant 3); viewed as a `&PyRef` while
    // `obj` is alive.
    let class = unsafe { &*(obj.header.class.as_ptr() as *const PyRef) };
    if fl & flags::FINALIZED == 0 && obj.needs_finalizer(class) {
        if let Some(hook) = FINALIZE_HOOK.get() {
            obj.header.flags.set(obj.header.flags.get() | flags::FINALIZED);
            // Take a temporary reference for the finaliser's duration.
            obj.header.rc.set(1);
            let tmp = PyRef { ptr, _not_send: PhantomData };
            let resurrected = hook(&tmp);
            let rc = obj.header.rc.get();
            if resurrected || rc > 1 {
                // Someone kept a reference: the object lives on without our temporary one.
                obj.header.rc.set(rc - 1);
                if was_tracked && gc_list_of(&obj.header) == gc_list::UNTRACKED {
                    gc_push(&mut TRACKED.get().borrow_mut(), ptr, gc_list::GEN0);
                }
                std::mem::forget(tmp);
                return;
            }
            std::mem::forget(tmp);
            obj.header.rc.set(0);
        }
    }
    if obj.header.flags.get() & flags::HAS_WEAKREFS != 0 {
        // Weak references die before their referent (callbacks run now, with the object
        // unreachable but not yet freed).
        crate::objects::weakref::clear_weakrefs(ptr.as_ptr() as usize, true);
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
    // SAFETY: `ptr` is an allocation of `PyObject`'s layout (from `PyRef::new`) and its
    // count is zero with no resurrection, so this is the unique owner.
    let obj = unsafe { ptr.as_ref() };
    if let Payload::WeakRef(w) = &obj.payload {
        // Leave the referent's list before the memory goes (invariant 5).
        crate::objects::weakref::unregister(w, ptr.as_ptr() as usize);
    }
    let class = obj.header.class.get();
    // SAFETY: as above; the object's fields are dropped exactly once, then its memory is
    // kept for reuse or freed.
    unsafe {
        std::ptr::drop_in_place(ptr.as_ptr());
        free_blocks::give(ptr);
    }
    let live = LIVE.get();
    live.set(live.get() - 1);
    // Release the class slot's reference (invariant 3) after the object is gone.
    drop(PyRef { ptr: class, _not_send: PhantomData });
}
