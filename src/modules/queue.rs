//! The `_queue` module: `Empty`, and `_QueueCore`, the native body of `queue.Queue`'s
//! `put`/`get`/`qsize` (`stdlib/queue.py` keeps the class, its attributes and hooks).
//!
//! The core works on the queue's Python-visible state: it takes `queue.mutex` (a `_thread`
//! lock), waits and notifies through the `_waiters` lists of `not_empty` / `not_full` (so
//! Python code using those `Condition`s interoperates), reads `maxsize` and updates
//! `unfinished_tasks`. The items of a plain `Queue` live in a native FIFO until Python code
//! asks for `queue.queue`, which then becomes a real `deque` (`detach`) and the core goes
//! through the `_qsize`/`_put`/`_get` hooks from then on, as it always does for subclasses
//! that override them (`LifoQueue`, `PriorityQueue`, user classes).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Instant;

use crate::bytecode::{BinOp, CmpOp};
use crate::objects::function::{add_methods, native_method};
use crate::objects::str::StaticKey;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, list, module, types, Payload, PyRef, Value};
use crate::runtime::{attr, call, gil, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

use crate::runtime::argparse::def_args;
use super::thread::{acquire, cond_notify_on, cond_wait_on, lock_of, me, RawLock};

struct QueueTypes {
    core: PyRef,
    empty: PyRef,
    full: PyRef,
    unfinished_name: Value,
}

static TYPES: once_cell::sync::OnceCell<gil::GilShared<QueueTypes>> = once_cell::sync::OnceCell::new();

fn queue_types() -> &'static QueueTypes {
    TYPES.get_or_init(|| gil::GilShared::new(make_types())).get()
}

struct QueueCore {
    mutex: Arc<RawLock>,
    /// The `_waiters` lists of `not_empty` and `not_full`.
    not_empty: Value,
    not_full: Value,
    /// The items, while the native FIFO is in use (`None`: use the hooks).
    store: RefCell<Option<VecDeque<Value>>>,
}

fn core_of<'a>(args: &Args<'a>, what: &str) -> PyResult<&'a QueueCore> {
    let this = args.args.first();
    if let Some(c) = this.and_then(core_in) {
        return Ok(c);
    }
    let got = this.map(type_name).unwrap_or_else(|| "nothing".into());
    Err(PyErr::type_error(format!("descriptor '{what}' requires a '_queue._QueueCore' object but received a '{got}'")))
}

/// `_QueueCore(mutex, not_empty_waiters, not_full_waiters, native_store)`.
fn core_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_QueueCore", 5, 5)?;
    let Some(mutex) = lock_of(&pos[1]).filter(|_| list::cell(&pos[2]).is_some() && list::cell(&pos[3]).is_some()) else {
        return Err(PyErr::type_error("_QueueCore() needs a _thread lock and two lists"));
    };
    let store = if matches!(pos[4], Value::Bool(true)) { Some(VecDeque::new()) } else { None };
    let core = QueueCore { mutex: mutex.clone(), not_empty: pos[2].clone(), not_full: pos[3].clone(), store: RefCell::new(store) };
    Ok(Value::Obj(PyRef::new(&queue_types().core, Payload::Native(Box::new(core)))))
}

/// Holds the queue's mutex; releases it when dropped (also on errors).
struct Held<'a>(&'a Arc<RawLock>);

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.0.release(me());
    }
}

impl QueueCore {
    fn lock(&self, vm: &Vm) -> PyResult<Held<'_>> {
        acquire(vm, &self.mutex, true, None)?;
        Ok(Held(&self.mutex))
    }

    fn size(&self, vm: &Vm, q: &Value) -> PyResult<Value> {
        if let Some(s) = self.store.borrow().as_ref() {
            return Ok(Value::from(s.len() as i64));
        }
        call::call_method(vm, q, "_qsize", &[])
    }

    fn push(&self, vm: &Vm, q: &Value, item: &Value) -> PyResult<()> {
        if let Some(s) = self.store.borrow_mut().as_mut() {
            s.push_back(item.clone());
            return Ok(());
        }
        call::call_method(vm, q, "_put", std::slice::from_ref(item)).map(drop)
    }

    fn pop(&self, vm: &Vm, q: &Value) -> PyResult<Value> {
        let popped = self.store.borrow_mut().as_mut().map(|s| s.pop_front());
        match popped {
            Some(Some(v)) => Ok(v),
            Some(None) => Err(PyErr::index_error("pop from an empty deque")),
            None => call::call_method(vm, q, "_get", &[]),
        }
    }

    /// With the mutex held, wait on the condition whose waiter list is `waiters` until
    /// `ready()`, as `Queue.put`/`get` do: `Ok(false)` if not blocking (or when `timeout`
    /// seconds pass) and it is still not ready.
    fn wait_until(&self, vm: &Vm, waiters: &Value, block: bool, timeout: &Value, ready: impl Fn() -> PyResult<bool>) -> PyResult<bool> {
        if ready()? {
            return Ok(true);
        }
        if !block {
            return Ok(false);
        }
        let waiters = list::cell(waiters).ok_or_else(|| PyErr::type_error("queue waiters must be a list"))?;
        if timeout.is_none() {
            while !ready()? {
                cond_wait_on(vm, &self.mutex, waiters, None)?;
            }
            return Ok(true);
        }
        // Parsed as `Condition.wait` parses what `Queue.get` passes it: NaN and zero only
        // poll, too large a timeout is CPython's OverflowError.
        let end = super::sync::deadline_after(super::sync::cond_timeout(vm, Some(timeout))?);
        while !ready()? {
            let left = end.map(|e| e.saturating_duration_since(Instant::now()));
            if left == Some(std::time::Duration::ZERO) {
                return Ok(false);
            }
            cond_wait_on(vm, &self.mutex, waiters, left)?;
        }
        Ok(true)
    }
}

/// The `block` (default True) and `timeout` (default None) arguments of `put`/`get`.
fn block_timeout(vm: &Vm, block: Option<&Value>, timeout: Option<&Value>) -> PyResult<(bool, Value)> {
    let block = match block {
        Some(b) => ops::truthy(vm, b)?,
        None => true,
    };
    Ok((block, timeout.cloned().unwrap_or(Value::None)))
}

/// Raise CPython's error for a negative timeout (`timeout < 0` compared generically).
fn check_timeout(vm: &Vm, block: bool, timeout: &Value) -> PyResult<()> {
    if block && !timeout.is_none() && ops::compare_bool(vm, timeout, &Value::Int(0), CmpOp::Lt)? {
        return Err(PyErr::value_error("'timeout' must be a non-negative number"));
    }
    Ok(())
}

fn qsize_ge(vm: &Vm, size: &Value, maxsize: &Value) -> PyResult<bool> {
    match (size, maxsize) {
        (Value::Int(a), Value::Int(b)) => Ok(a >= b),
        _ => ops::compare_bool(vm, size, maxsize, CmpOp::Ge),
    }
}

static KEY_CORE: StaticKey = StaticKey::new("_core");
static KEY_MAXSIZE: StaticKey = StaticKey::new("maxsize");
static KEY_UNFINISHED: StaticKey = StaticKey::new("unfinished_tasks");

fn core_in(v: &Value) -> Option<&QueueCore> {
    match v.payload() {
        Some(Payload::Native(b)) => b.downcast_ref::<QueueCore>(),
        _ => None,
    }
}

/// The `_QueueCore` of the queue `q` (its `_core` attribute).
fn core_attr(vm: &Vm, q: &Value) -> PyResult<Value> {
    let core = attr::getattr_key(vm, q, KEY_CORE.key())?;
    if core_in(&core).is_none() {
        return Err(PyErr::type_error("Queue._core must be a _queue._QueueCore"));
    }
    Ok(core)
}

/// `Queue.put(self, item, block=True, timeout=None)`: add `item`, waiting for a free slot
/// if the queue is bounded and full (`Full` when not blocking or on timeout).
fn queue_put(vm: &Vm, args: Args) -> PyResult<Value> {
    let q = args.args.first().cloned().unwrap_or(Value::None);
    let [item, block, timeout] = def_args(&args, "Queue.put", ["item", "block", "timeout"], 1)?;
    let Some(item) = item else { return Ok(Value::None) };
    let (block, timeout) = block_timeout(vm, block, timeout)?;
    let core_v = core_attr(vm, &q)?;
    let Some(core) = core_in(&core_v) else { return Ok(Value::None) };
    let _held = core.lock(vm)?;
    let maxsize = attr::getattr_key(vm, &q, KEY_MAXSIZE.key())?;
    let bounded = match &maxsize {
        Value::Int(m) => *m > 0,
        m => ops::compare_bool(vm, m, &Value::Int(0), CmpOp::Gt)?,
    };
    if bounded {
        check_timeout(vm, block, &timeout)?;
        let room = || Ok(!qsize_ge(vm, &core.size(vm, &q)?, &maxsize)?);
        if !core.wait_until(vm, &core.not_full, block, &timeout, room)? {
            return Err(PyErr::with_args(&queue_types().full, vec![]));
        }
    }
    core.push(vm, &q, item)?;
    let n = attr::getattr_key(vm, &q, KEY_UNFINISHED.key())?;
    let n = match n {
        Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
        n => ops::binary_op(vm, &n, &Value::Int(1), BinOp::Add)?,
    };
    attr::setattr_name(vm, &q, &queue_types().unfinished_name, n)?;
    notify_one(core, &core.not_empty)?;
    Ok(Value::None)
}

fn notify_one(core: &QueueCore, waiters: &Value) -> PyResult<()> {
    match list::cell(waiters) {
        Some(w) => cond_notify_on(&core.mutex, w, 1),
        None => Ok(()),
    }
}

/// `Queue.get(self, block=True, timeout=None)`: remove and return the next item, waiting
/// for one if needed (`Empty` when not blocking or on timeout).
fn queue_get(vm: &Vm, args: Args) -> PyResult<Value> {
    let q = args.args.first().cloned().unwrap_or(Value::None);
    let [block, timeout] = def_args(&args, "Queue.get", ["block", "timeout"], 0)?;
    let (block, timeout) = block_timeout(vm, block, timeout)?;
    let core_v = core_attr(vm, &q)?;
    let Some(core) = core_in(&core_v) else { return Ok(Value::None) };
    let _held = core.lock(vm)?;
    check_timeout(vm, block, &timeout)?;
    let nonempty = || ops::truthy(vm, &core.size(vm, &q)?);
    if !core.wait_until(vm, &core.not_empty, block, &timeout, nonempty)? {
        return Err(PyErr::with_args(&queue_types().empty, vec![]));
    }
    let item = core.pop(vm, &q)?;
    notify_one(core, &core.not_full)?;
    Ok(item)
}

/// `core.qsize(queue)` (the caller holds the mutex).
fn core_qsize(vm: &Vm, args: Args) -> PyResult<Value> {
    let core = core_of(&args, "qsize")?;
    let pos = args.check_count("qsize", 2, 2)?;
    core.size(vm, &pos[1])
}

/// `core.detach()`: stop using the native FIFO; returns its items (oldest first), or None
/// if it was not in use.
fn core_detach(_vm: &Vm, args: Args) -> PyResult<Value> {
    let core = core_of(&args, "detach")?;
    let taken = core.store.borrow_mut().take();
    Ok(match taken {
        Some(items) => Value::new_list(items.into_iter().collect()),
        None => Value::None,
    })
}

fn make_types() -> QueueTypes {
    let core = typeobj::native_class("_queue", "_QueueCore", None, None);
    add_methods(&core, "_QueueCore", &[("__new__", core_new), ("qsize", core_qsize), ("detach", core_detach)]);
    let exc = types().exc.get("Exception");
    let empty = typeobj::native_class("_queue", "Empty", Some(exc), Some("Raised when get() finds the queue empty and may not wait longer."));
    let full = typeobj::native_class("queue", "Full", Some(exc), Some("Raised when put() finds the queue full and may not wait longer."));
    QueueTypes { core, empty, full, unfinished_name: Value::Obj(crate::objects::str::intern("unfinished_tasks")) }
}

/// Create the `_queue` module.
pub fn create(name: &str) -> PyRef {
    let m = module::new_module(name);
    let Some(d) = module::globals(&m) else { return m };
    let tys = queue_types();
    dict::set_str(&d, "_QueueCore", Value::Obj(tys.core.clone()));
    dict::set_str(&d, "Empty", Value::Obj(tys.empty.clone()));
    dict::set_str(&d, "Full", Value::Obj(tys.full.clone()));
    dict::set_str(&d, "_queue_put", native_method("Queue", "put", queue_put));
    dict::set_str(&d, "_queue_get", native_method("Queue", "get", queue_get));
    m
}
