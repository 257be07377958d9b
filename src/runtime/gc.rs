//! The cycle collector (DESIGN §3): CPython's algorithm over tracked container objects.
//!
//! * **Tracking.** Objects that can take part in a reference cycle (see [`needs_tracking`])
//!   are put in generation 0 when allocated; the lists live in `runtime::heap` (a vector per
//!   generation plus an index in the object header's padding, so tracking costs no bytes in
//!   the object and 8 in the list, against CPython's 16-byte `PyGC_Head`).
//! * **Trial deletion.** To collect generations `0..=g`, their objects are merged into one
//!   working list; each starts with its reference count, minus one for every reference from
//!   another object of the list ([`traverse`]). What stays above zero is referenced from
//!   outside (a frame, a native static, an older generation): it and everything it reaches
//!   are alive. The rest is unreachable.
//! * **Teardown.** The unreachable objects are held (one reference each) while: weak
//!   references to them are cleared, callbacks of weak references that are themselves alive
//!   run; `__del__` finalisers run once (PEP 442); if a finaliser made any of them reachable
//!   again, reachability is recomputed and survivors move on; the rest are cleared
//!   ([`clear`]: their references dropped, which breaks the cycles), then released.
//! * **Scheduling.** Allocation only counts: when generation 0 exceeds its threshold the
//!   eval breaker is raised and the collection runs at the next safe point of the running
//!   thread (function entry or backward jump), with the GIL held, never inside native code
//!   that might be holding borrows. Generation thresholds follow CPython (700, 10, 10, and a
//!   full collection only when it would examine 25% more objects than the last one).
//!
//! A reference the traversal cannot see (opaque native state) only makes objects look
//! externally referenced: the collector may miss garbage, never free live objects.

use std::cell::{Cell, RefCell};

use crate::objects::{typeobj, Payload, PyObject, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::heap::{gc_list, gc_lists, WeakPtr};
use crate::vm::Vm;

/// `gc.DEBUG_*` flags.
pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;
pub const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

/// Collector state besides the lists.
pub struct GcState {
    pub enabled: Cell<bool>,
    pub thresholds: Cell<[usize; 3]>,
    /// Collections of generations 0 and 1 since the next older one was collected
    /// (`gc.get_count()[1]`, `[2]`).
    pub counts: Cell<[usize; 2]>,
    pub stats: Cell<[GenStats; 3]>,
    pub collecting: Cell<bool>,
    pub debug: Cell<i64>,
    /// Objects that survived the last full collection, and those moved to generation 2
    /// since (CPython's long-lived heuristic).
    pub long_lived_total: Cell<usize>,
    pub long_lived_pending: Cell<usize>,
    /// `gc.garbage` and `gc.callbacks` (created on first use).
    pub garbage: RefCell<Option<PyRef>>,
    pub callbacks: RefCell<Option<PyRef>>,
}

static STATE: GilShared<GcState> = GilShared::new(GcState {
    enabled: Cell::new(true),
    thresholds: Cell::new([700, 10, 10]),
    counts: Cell::new([0, 0]),
    stats: Cell::new([GenStats { collections: 0, collected: 0, uncollectable: 0 }; 3]),
    collecting: Cell::new(false),
    debug: Cell::new(0),
    long_lived_total: Cell::new(0),
    long_lived_pending: Cell::new(0),
    garbage: RefCell::new(None),
    callbacks: RefCell::new(None),
});

pub fn state() -> &'static GcState {
    STATE.get()
}

/// Does a new object with this payload and class need tracking? Objects that can only
/// refer to immutable leaves (strings, numbers, code) cannot be part of a cycle.
#[inline]
pub fn needs_tracking(payload: &Payload, class: &PyRef) -> bool {
    match payload {
        Payload::Instance
        | Payload::List(_)
        | Payload::Dict(_)
        | Payload::Set(_)
        | Payload::FrozenSet(_)
        | Payload::Function(_)
        | Payload::BoundMethod { .. }
        | Payload::Cell(_)
        | Payload::Module(_)
        | Payload::Exception(_)
        | Payload::Traceback(_)
        | Payload::Property(_)
        | Payload::ClassMethod(_)
        | Payload::StaticMethod(_)
        | Payload::Super { .. }
        | Payload::SeqIter { .. }
        | Payload::DictIter { .. }
        | Payload::DictView { .. }
        | Payload::MappingProxy(_)
        | Payload::Generator(_)
        | Payload::Frame(_)
        | Payload::WeakRef(_)
        | Payload::MemberDescr { .. }
        | Payload::Type(_) => true,
        // A tuple of immediates and strings can never close a cycle.
        Payload::Tuple(items) => items.iter().any(|v| matches!(v, Value::Obj(o) if is_container(o))),
        Payload::NativeFunction(nf) => nf.self_.is_some(),
        // Instances of user subclasses of `int`, `str`, ... have a `__dict__`.
        _ => typeobj::type_data(class).is_some_and(|t| t.heap),
    }
}

/// Could `o` hold references to other containers (is it, or would it be, tracked)?
fn is_container(o: &PyRef) -> bool {
    gc_lists::position(o).0 != gc_list::UNTRACKED
        || !matches!(o.payload, Payload::Str(_) | Payload::Int(_) | Payload::Float(_) | Payload::Bytes(_) | Payload::Code(_))
}

/// Visit `o`, a reference owned by the object being traversed. An untracked dict with no
/// other owner (the `__dict__` of an instance, not yet handed to Python code: CPython
/// 3.11's "inline values") is part of its owner, so its contents are visited instead: a
/// count of one proves nobody else can reach them through it.
fn visit_owned(o: &PyRef, visit: &mut dyn FnMut(&PyRef), depth: u8) {
    if depth > 0 && o.refcount() == 1 && gc_lists::position(o).0 == gc_list::UNTRACKED {
        if let Payload::Dict(d) = &o.payload {
            if let Ok(d) = d.try_borrow() {
                for e in d.iter() {
                    for x in [&e.key, &e.value] {
                        if let Value::Obj(c) = x {
                            visit_owned(c, visit, depth - 1);
                        }
                    }
                }
            }
            return;
        }
    }
    visit(o);
}

/// Visit every reference `obj` owns to another heap object. Must never report a
/// reference the object does not own (that could free live objects); skipping one only
/// makes collection miss garbage. RefCells borrowed elsewhere right now are skipped.
pub fn traverse(obj: &PyObject, class: &PyRef, visit: &mut dyn FnMut(&PyRef)) {
    fn v(val: &Value, visit: &mut dyn FnMut(&PyRef)) {
        if let Value::Obj(o) = val {
            visit(o);
        }
    }
    visit(class);
    if let Ok(d) = obj.dict.try_borrow() {
        if let Some(d) = d.as_ref() {
            visit_owned(d, visit, 2);
        }
    }
    match &obj.payload {
        Payload::Type(t) => {
            if let Ok(b) = t.bases.try_borrow() {
                b.iter().for_each(|x| visit(x));
            }
            if let Ok(m) = t.mro.try_borrow() {
                m.iter().for_each(|x| visit(x));
            }
        }
        Payload::List(l) => {
            if let Ok(l) = l.try_borrow() {
                l.iter().for_each(|x| v(x, visit));
            }
        }
        Payload::Tuple(items) => items.iter().for_each(|x| v(x, visit)),
        Payload::Dict(d) => {
            if let Ok(d) = d.try_borrow() {
                for e in d.iter() {
                    v(&e.key, visit);
                    v(&e.value, visit);
                }
            }
        }
        Payload::Set(s) => {
            if let Ok(s) = s.try_borrow() {
                s.iter().for_each(|(_, x)| v(x, visit));
            }
        }
        Payload::FrozenSet(s) => s.iter().for_each(|(_, x)| v(x, visit)),
        Payload::Function(f) => {
            visit(&f.code);
            visit(&f.globals);
            visit(&f.builtins);
            for cell in [&f.defaults, &f.kwdefaults, &f.annotations] {
                if let Ok(c) = cell.try_borrow() {
                    if let Some(x) = c.as_ref() {
                        v(x, visit);
                    }
                }
            }
            if let Some(cl) = &f.closure {
                cl.iter().for_each(|x| visit(x));
            }
            for cell in [&f.doc, &f.module] {
                if let Ok(c) = cell.try_borrow() {
                    v(&c, visit);
                }
            }
        }
        Payload::NativeFunction(nf) => {
            if let Some(s) = &nf.self_ {
                v(s, visit);
            }
        }
        Payload::BoundMethod { func, self_ } => {
            v(func, visit);
            v(self_, visit);
        }
        Payload::Cell(c) => {
            if let Ok(c) = c.try_borrow() {
                if let Some(x) = c.as_ref() {
                    v(x, visit);
                }
            }
        }
        Payload::Exception(e) => {
            if let Ok(e) = e.try_borrow() {
                v(&e.args, visit);
                if let Some(tb) = &e.traceback {
                    visit(tb);
                }
                v(&e.cause, visit);
                v(&e.context, visit);
            }
        }
        Payload::Traceback(tb) => {
            visit(&tb.code);
            visit(&tb.globals);
            visit(&tb.frame);
            if let Ok(n) = tb.next.try_borrow() {
                if let Some(n) = n.as_ref() {
                    visit(n);
                }
            }
        }
        Payload::Property(p) => {
            for x in [&p.fget, &p.fset, &p.fdel, &p.doc] {
                v(x, visit);
            }
            if let Ok(n) = p.name.try_borrow() {
                v(&n, visit);
            }
        }
        Payload::ClassMethod(x) | Payload::StaticMethod(x) => v(x, visit),
        Payload::MemberDescr { owner, .. } => visit(owner),
        Payload::Super { this_class, obj, obj_type } => {
            visit(this_class);
            v(obj, visit);
            visit(obj_type);
        }
        Payload::SeqIter { seq, .. } | Payload::MappingProxy(seq) => v(seq, visit),
        Payload::DictIter { dict, .. } | Payload::DictView { dict, .. } => visit(dict),
        Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => {
            for x in [start, stop, step] {
                v(x, visit);
            }
        }
        Payload::Generator(g) => crate::vm::generator::traverse(g, visit),
        Payload::WeakRef(w) => {
            if let Ok(cb) = w.callback.try_borrow() {
                v(&cb, visit);
            }
        }
        Payload::Frame(f) => crate::vm::frame_object::traverse(f, visit),
        Payload::Instance
        | Payload::Int(_)
        | Payload::Float(_)
        | Payload::Complex { .. }
        | Payload::Str(_)
        | Payload::Bytes(_)
        | Payload::ByteArray(_)
        | Payload::Code(_)
        | Payload::Module(_)
        | Payload::RangeIter { .. }
        | Payload::NativeIter(_)
        | Payload::Singleton
        | Payload::Native(_) => {}
    }
}

/// The references a frame holds (a suspended generator's).
pub fn traverse_frame(f: &crate::vm::frame::Frame, visit: &mut dyn FnMut(&PyRef)) {
    visit(&f.code);
    for x in &f.stack {
        if let Value::Obj(o) = x {
            visit(o);
        }
    }
    for x in f.fast.iter().flatten() {
        if let Value::Obj(o) = x {
            visit(o);
        }
    }
    f.cells.iter().for_each(|c| visit(c));
    visit(&f.globals);
    visit(&f.builtins);
    if let Some(l) = &f.locals {
        visit(l);
    }
    if let Some(o) = f.obj.get() {
        visit(o);
    }
}

/// Drop the references `o` owns that can be dropped (CPython's `tp_clear`), breaking the
/// cycles it is part of. The references are moved out first and released after every
/// borrow ends (releasing may run code).
pub fn clear(o: &PyRef) {
    let mut dropped: Vec<Value> = Vec::new();
    if let Ok(mut d) = o.dict.try_borrow_mut() {
        if let Some(d) = d.take() {
            dropped.push(Value::Obj(d));
        }
    }
    match &o.payload {
        Payload::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                dropped.extend(std::mem::take(&mut *l));
            }
        }
        Payload::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                let old = std::mem::replace(&mut *d, crate::objects::DictData::new());
                drop(d);
                drop(old);
            }
        }
        Payload::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                let old = std::mem::replace(&mut *s, crate::objects::set_table::SetTable::new());
                drop(s);
                drop(old);
            }
        }
        Payload::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                dropped.extend(c.take());
            }
        }
        Payload::Function(f) => {
            for cell in [&f.defaults, &f.kwdefaults, &f.annotations] {
                if let Ok(mut c) = cell.try_borrow_mut() {
                    dropped.extend(c.take());
                }
            }
            for cell in [&f.doc, &f.module] {
                if let Ok(mut c) = cell.try_borrow_mut() {
                    dropped.push(std::mem::replace(&mut *c, Value::None));
                }
            }
        }
        Payload::Exception(e) => {
            if let Ok(mut e) = e.try_borrow_mut() {
                dropped.push(std::mem::replace(&mut e.args, Value::new_tuple(vec![])));
                dropped.extend(e.traceback.take().map(Value::Obj));
                dropped.push(std::mem::replace(&mut e.cause, Value::None));
                dropped.push(std::mem::replace(&mut e.context, Value::None));
            }
        }
        Payload::Traceback(tb) => {
            if let Ok(mut n) = tb.next.try_borrow_mut() {
                dropped.extend(n.take().map(Value::Obj));
            }
        }
        Payload::Type(t) => {
            if let Ok(mut b) = t.bases.try_borrow_mut() {
                dropped.extend(std::mem::take(&mut *b).into_iter().map(Value::Obj));
            }
            if let Ok(mut m) = t.mro.try_borrow_mut() {
                dropped.extend(std::mem::take(&mut *m).into_iter().map(Value::Obj));
            }
        }
        Payload::Generator(g) => crate::vm::generator::clear(g, &mut dropped),
        Payload::Frame(f) => crate::vm::frame_object::clear(f, &mut dropped),
        Payload::WeakRef(w) => {
            if let Ok(mut cb) = w.callback.try_borrow_mut() {
                dropped.push(std::mem::replace(&mut *cb, Value::None));
            }
        }
        Payload::Property(p) => {
            if let Ok(mut n) = p.name.try_borrow_mut() {
                dropped.push(std::mem::replace(&mut *n, Value::None));
            }
        }
        _ => {}
    }
    drop(dropped);
}

// ---- scheduling ----

/// Allocation filled generation 0: ask the running thread to collect at its next safe point.
pub fn request_collection() {
    crate::vm::EVAL_BREAKER.fetch_or(crate::vm::BREAK_GC, std::sync::atomic::Ordering::Relaxed);
}

/// The automatic collection (from the eval breaker): pick the oldest generation whose
/// count exceeds its threshold, as CPython's `gc_collect_generations`.
pub fn collect_auto(vm: &Vm) {
    gc_lists::clear_request();
    let st = state();
    if !st.enabled.get() || st.collecting.get() {
        return;
    }
    let th = st.thresholds.get();
    if th[0] == 0 || gc_lists::len(gc_list::GEN0) <= th[0] {
        return;
    }
    let counts = st.counts.get();
    let mut generation = 0;
    if counts[1] > th[2] && th[2] > 0 {
        // A full collection only when it would look at enough new long-lived objects.
        if st.long_lived_pending.get() >= st.long_lived_total.get() / 4 {
            generation = 2;
        } else if counts[0] > th[1] {
            generation = 1;
        }
    } else if counts[0] > th[1] && th[1] > 0 {
        generation = 1;
    }
    collect(vm, generation, "automatic");
}

/// `gc.get_count()`.
pub fn get_count() -> [usize; 3] {
    let c = state().counts.get();
    [gc_lists::len(gc_list::GEN0), c[0], c[1]]
}

/// Collect generations `0..=generation`; returns the number of unreachable objects found
/// (CPython's `gc.collect()` result). `reason` is for `gc.callbacks`' info.
pub fn collect(vm: &Vm, generation: usize, reason: &str) -> usize {
    let st = state();
    if st.collecting.get() {
        return 0;
    }
    st.collecting.set(true);
    let _ = reason;
    crate::modules::gc::run_callbacks(vm, "start", generation, 0, 0);
    let (found, uncollectable) = collect_inner(generation);
    let mut stats = st.stats.get();
    stats[generation].collections += 1;
    stats[generation].collected += found;
    stats[generation].uncollectable += uncollectable;
    st.stats.set(stats);
    let mut counts = st.counts.get();
    match generation {
        0 => counts[0] += 1,
        1 => {
            counts[0] = 0;
            counts[1] += 1;
        }
        _ => counts = [0, 0],
    }
    st.counts.set(counts);
    st.collecting.set(false);
    crate::modules::gc::run_callbacks(vm, "stop", generation, found, uncollectable);
    found
}

/// Where the objects being examined sit: for each list, the offset of its first object in
/// the examined sequence (`usize::MAX`: the list is not examined). Examining lists in
/// place spares moving (and touching) every object of an old generation.
#[derive(Clone, Copy)]
struct Examined([usize; gc_list::COUNT]);

impl Examined {
    #[inline]
    fn index(&self, o: &PyRef) -> Option<usize> {
        let (l, i) = gc_lists::position(o);
        let base = self.0[l as usize];
        (base != usize::MAX).then(|| base + i as usize)
    }
}

/// The objects of `lists` in sequence, and where each list starts.
fn examine(lists: &[u8]) -> (Vec<WeakPtr>, Examined) {
    let mut base = [usize::MAX; gc_list::COUNT];
    let mut objs = Vec::new();
    for &l in lists {
        base[l as usize] = objs.len();
        objs.extend(gc_lists::snapshot(l));
    }
    (objs, Examined(base))
}

/// Is `o` in the working list (garbage being torn down)?
#[inline]
fn working_index(o: &PyRef) -> Option<usize> {
    match gc_lists::position(o) {
        (l, i) if l == gc_list::WORKING => Some(i as usize),
        _ => None,
    }
}

/// Reachability among the examined objects: `true` for objects referenced from outside
/// them (count above the references among themselves; `extra_refs` of each count are the
/// collector's own) and everything they reach.
fn reachable_in(objs: &[WeakPtr], at: Examined, extra_refs: usize) -> Vec<bool> {
    let n = objs.len();
    let mut gc_refs: Vec<isize> = objs.iter().map(|p| p.refcount() as isize - extra_refs as isize).collect();
    for p in objs {
        p.inspect(|o, class| {
            traverse(o, class, &mut |c| {
                if let Some(i) = at.index(c) {
                    gc_refs[i] -= 1;
                }
            })
        });
    }
    let mut reachable = vec![false; n];
    let mut stack: Vec<usize> = (0..n).filter(|&i| gc_refs[i] > 0).collect();
    for &i in &stack {
        reachable[i] = true;
    }
    while let Some(i) = stack.pop() {
        objs[i].inspect(|o, class| {
            traverse(o, class, &mut |c| {
                if let Some(j) = at.index(c) {
                    if !reachable[j] {
                        reachable[j] = true;
                        stack.push(j);
                    }
                }
            })
        });
    }
    reachable
}

fn collect_inner(generation: usize) -> (usize, usize) {
    let st = state();
    let older = (generation + 1).min(2) as u8 + gc_list::GEN0;
    let lists: Vec<u8> = (0..=generation as u8).map(|g| gc_list::GEN0 + g).collect();
    let (objs, at) = examine(&lists);
    let reachable = reachable_in(&objs, at, 0);
    // Survivors age; the unreachable ones are held while they are torn down.
    let mut garbage: Vec<PyRef> = Vec::new();
    for (p, alive) in objs.iter().zip(&reachable) {
        if !alive {
            if let Some(o) = p.upgrade() {
                garbage.push(o);
            }
        }
    }
    for &l in &lists {
        gc_lists::move_all(l, older);
    }
    for o in &garbage {
        gc_lists::move_to(o, gc_list::WORKING);
    }
    let survivors = objs.len() - garbage.len();
    if generation == 2 {
        st.long_lived_total.set(survivors);
        st.long_lived_pending.set(0);
    } else if generation == 1 {
        st.long_lived_pending.set(st.long_lived_pending.get() + survivors);
    }
    drop(objs);
    if garbage.is_empty() {
        return (0, 0);
    }
    let save_all = st.debug.get() & DEBUG_SAVEALL != 0;

    // Weak references to garbage are cleared first; the callbacks of those that are not
    // garbage themselves run (they cannot reach the garbage any more).
    let mut pending = Vec::new();
    for o in &garbage {
        if o.flags() & crate::runtime::heap::flags::HAS_WEAKREFS != 0 {
            pending.extend(crate::objects::weakref::clear_weakrefs(o.addr(), false));
        }
    }
    pending.retain(|(wr, _)| working_index(wr).is_none());
    crate::objects::weakref::run_callbacks_now(pending);

    // Finalisers, once per object (PEP 442).
    let mut ran_finalizer = false;
    for o in &garbage {
        if o.flags() & crate::runtime::heap::flags::FINALIZED == 0 && o.needs_finalizer(o.class()) {
            o.set_flag(crate::runtime::heap::flags::FINALIZED);
            crate::runtime::heap::run_finalizer(o);
            ran_finalizer = true;
        }
    }
    if ran_finalizer {
        // A finaliser may have made objects reachable again: they (and what they reach)
        // survive; the collection only frees what is still unreachable.
        let (objs, at) = examine(&[gc_list::WORKING]);
        let still = reachable_in(&objs, at, 1);
        let mut keep = std::collections::HashSet::new();
        for (p, alive) in objs.iter().zip(&still) {
            if *alive {
                keep.insert(p.addr());
            }
        }
        drop(objs);
        if !keep.is_empty() {
            garbage.retain(|o| {
                if keep.contains(&o.addr()) {
                    gc_lists::move_to(o, older);
                    false
                } else {
                    true
                }
            });
        }
    }
    let found = garbage.len();
    if save_all {
        if let Some(list) = crate::modules::gc::garbage_list() {
            if let Payload::List(l) = &list.payload {
                l.borrow_mut().extend(garbage.iter().cloned().map(Value::Obj));
            }
        }
        for o in &garbage {
            gc_lists::move_to(o, older);
        }
        return (found, 0);
    }
    for o in &garbage {
        clear(o);
    }
    // Objects still here after our references go are handed back to the oldest generation.
    for o in &garbage {
        gc_lists::move_to(o, older);
    }
    drop(garbage);
    (found, 0)
}

/// Every tracked object of `list` (for `gc.get_objects`, `gc.get_referrers`).
pub fn objects_in(list: u8) -> Vec<PyRef> {
    gc_lists::snapshot(list).iter().filter_map(|p| p.upgrade()).collect()
}

/// The objects `o` refers to directly (`gc.get_referents`).
pub fn referents(o: &PyRef) -> Vec<PyRef> {
    let mut out = Vec::new();
    traverse(o, o.class(), &mut |c| out.push(c.clone()));
    // CPython does not report the class of instances of builtin types.
    if !typeobj::type_data(o.class()).is_some_and(|t| t.heap) {
        if let Some(first) = out.first() {
            if first.is(o.class()) {
                out.remove(0);
            }
        }
    }
    out
}
