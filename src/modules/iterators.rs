//! The iterator builtins: `enumerate`, `zip`, `map`, `filter`, `reversed`, and
//! `iter(callable, sentinel)`, as native iterators.

use std::cell::RefCell;

use crate::objects::typeobj::type_name;
use crate::objects::{types, Payload, PyRef, Value};
use crate::runtime::iter::NativeIterator;
use crate::runtime::{call, iter, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

/// Wrap a Rust iterator as a Python iterator object (of the generic `iterator` type).
pub fn wrap(it: impl NativeIterator + 'static) -> Value {
    wrap_as(&types().native_iterator, it)
}

/// Wrap a Rust iterator as an instance of the iterator type `cls`.
pub fn wrap_as(cls: &PyRef, it: impl NativeIterator + 'static) -> Value {
    Value::Obj(PyRef::new(cls, Payload::NativeIter(Box::new(it))))
}

/// The class and the other arguments of a builtin iterator type's `__new__` (`map(f, xs)`
/// is `map.__new__(map, f, xs)`; `cls` may be a subclass).
fn split_cls<'a>(args: &Args<'a>, base: &PyRef) -> PyResult<(PyRef, Args<'a>)> {
    let cls = super::object_methods::new_cls_arg(args, base)?.clone();
    let rest = &args.args[1..];
    Ok((cls, Args { args: rest, kwnames: args.kwnames }))
}

/// A new instance of the iterator type `cls` (a Python subclass gets its instance dict).
fn new_iter(cls: &PyRef, it: impl NativeIterator + 'static) -> Value {
    let payload = Payload::NativeIter(Box::new(it));
    if crate::objects::typeobj::type_data(cls).is_some_and(|t| t.heap) {
        super::object_methods::alloc_instance(cls, payload)
    } else {
        Value::Obj(PyRef::new(cls, payload))
    }
}

/// Make `enumerate`, `zip`, `map`, `filter` and `reversed` the types they are in CPython,
/// constructed by `__new__`.
pub fn init() {
    let t = types();
    for (cls, name, f) in [
        (&t.enumerate, "enumerate", enumerate as crate::objects::NativeFn),
        (&t.zip, "zip", zip),
        (&t.map, "map", map),
        (&t.filter, "filter", filter),
        (&t.reversed, "reversed", reversed),
    ] {
        crate::objects::function::add_methods(cls, name, &[("__new__", f)]);
    }
}

struct Enumerate {
    it: Value,
    n: RefCell<Value>,
}

impl NativeIterator for Enumerate {
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        match iter::next(vm, &self.it)? {
            Some(v) => {
                let i = self.n.borrow().clone();
                let next = ops::binary_op(vm, &i, &Value::Int(1), crate::bytecode::BinOp::Add)?;
                *self.n.borrow_mut() = next;
                Ok(Some(Value::new_tuple(vec![i, v])))
            }
            None => Ok(None),
        }
    }
}

fn enumerate(vm: &Vm, args: Args) -> PyResult<Value> {
    let (cls, args) = split_cls(&args, &types().enumerate)?;
    let [iterable, start] = args.fn_keywords("enumerate", ["iterable", "start"], 0, 2, 0)?;
    // CPython's `enumerate` names the missing argument without its position.
    let iterable = iterable.ok_or_else(|| PyErr::type_error("enumerate() missing required argument 'iterable'"))?;
    // The count starts as a plain int (`enumerate(xs, True)` counts from 1).
    let start = match start {
        None => Value::Int(0),
        Some(v) => crate::objects::int::normalize(crate::runtime::argparse::index_bigint(vm, v)?),
    };
    Ok(new_iter(&cls, Enumerate { it: iter::iter(vm, iterable)?, n: RefCell::new(start) }))
}

struct Zip {
    its: Vec<Value>,
    strict: bool,
}

impl NativeIterator for Zip {
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        if self.its.is_empty() {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(self.its.len());
        for (i, it) in self.its.iter().enumerate() {
            match iter::next(vm, it)? {
                Some(v) => items.push(v),
                None => {
                    if self.strict {
                        if i > 0 {
                            let plural = if i == 1 { " " } else { "s 1-" };
                            return Err(PyErr::value_error(format!("zip() argument {} is shorter than argument{plural}{i}", i + 1)));
                        }
                        for (j, other) in self.its.iter().enumerate().skip(1) {
                            if iter::next(vm, other)?.is_some() {
                                let plural = if j == 1 { " " } else { "s 1-" };
                                return Err(PyErr::value_error(format!("zip() argument {} is longer than argument{plural}{j}", j + 1)));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(Value::new_tuple(items)))
    }
}

fn zip(vm: &Vm, args: Args) -> PyResult<Value> {
    let (cls, args) = split_cls(&args, &types().zip)?;
    args.check_kwargs("zip", &["strict"])?;
    let strict = match args.kwarg("strict") {
        Some(s) => ops::truthy(vm, s)?,
        None => false,
    };
    let its = args.pos().iter().map(|a| iter::iter(vm, a)).collect::<PyResult<Vec<_>>>()?;
    Ok(new_iter(&cls, Zip { its, strict }))
}

struct Map {
    f: Value,
    its: Vec<Value>,
}

impl NativeIterator for Map {
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        let mut items = Vec::with_capacity(self.its.len());
        for it in &self.its {
            match iter::next(vm, it)? {
                Some(v) => items.push(v),
                None => return Ok(None),
            }
        }
        call::call(vm, &self.f, Args::new(&items)).map(Some)
    }
}

fn map(vm: &Vm, args: Args) -> PyResult<Value> {
    let (cls, args) = split_cls(&args, &types().map)?;
    args.no_kwargs("map")?;
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let its = pos[1..].iter().map(|a| iter::iter(vm, a)).collect::<PyResult<Vec<_>>>()?;
    Ok(new_iter(&cls, Map { f: pos[0].clone(), its }))
}

struct Filter {
    f: Value,
    it: Value,
}

impl NativeIterator for Filter {
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        while let Some(v) = iter::next(vm, &self.it)? {
            let keep = if self.f.is_none() {
                ops::truthy(vm, &v)?
            } else {
                let r = call::call(vm, &self.f, Args::new(&[v.clone()]))?;
                ops::truthy(vm, &r)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
}

fn filter(vm: &Vm, args: Args) -> PyResult<Value> {
    let (cls, args) = split_cls(&args, &types().filter)?;
    args.no_kwargs("filter")?;
    let pos = args.check_count("filter", 2, 2)?;
    Ok(new_iter(&cls, Filter { f: pos[0].clone(), it: iter::iter(vm, &pos[1])? }))
}

struct Reversed {
    seq: Value,
    index: std::cell::Cell<usize>,
}

impl NativeIterator for Reversed {
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        let index = self.index.get();
        if index == 0 {
            return Ok(None);
        }
        self.index.set(index - 1);
        match crate::runtime::item::getitem(vm, &self.seq, &Value::from(index - 1)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is("IndexError") => {
                self.index.set(0);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

/// `list.__reversed__()`: a reverse iterator over the first `len` items of a list.
pub fn reversed_seq(seq: Value, len: usize) -> Value {
    wrap_as(&types().list_reverseiterator, Reversed { seq, index: std::cell::Cell::new(len) })
}

fn reversed(vm: &Vm, args: Args) -> PyResult<Value> {
    let (cls, args) = split_cls(&args, &types().reversed)?;
    let pos = args.fn_posonly("reversed", 1, 1)?;
    let seq = &pos[0];
    if let Some(r) = call::call_method_opt(vm, seq, "__reversed__", &[])? {
        return Ok(r);
    }
    let seq = match seq.payload() {
        Some(Payload::Dict(_)) => Value::new_list(iter::collect(vm, seq)?),
        _ => seq.clone(),
    };
    if crate::objects::typeobj::lookup(seq.class(), "__getitem__").is_none()
        && !matches!(seq.payload(), Some(Payload::List(_)) | Some(Payload::Tuple(_)) | Some(Payload::Str(_)))
    {
        return Err(PyErr::type_error(format!("'{}' object is not reversible", type_name(&seq))));
    }
    let n = ops::len(vm, &seq)?;
    Ok(new_iter(&cls, Reversed { seq, index: std::cell::Cell::new(n) }))
}

struct CallableIter {
    f: Value,
    sentinel: Value,
    done: std::cell::Cell<bool>,
}

impl NativeIterator for CallableIter {
    fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        if self.done.get() {
            return Ok(None);
        }
        let v = call::call(vm, &self.f, Args::new(&[]))?;
        if ops::eq(vm, &v, &self.sentinel)? {
            self.done.set(true);
            return Ok(None);
        }
        Ok(Some(v))
    }
}

/// `iter(callable, sentinel)`.
pub fn callable_iter(_vm: &Vm, f: Value, sentinel: Value) -> PyResult<Value> {
    if !super::builtins::is_callable(&f) {
        return Err(PyErr::type_error("iter(v, w): v must be callable"));
    }
    Ok(wrap_as(&types().callable_iterator, CallableIter { f, sentinel, done: std::cell::Cell::new(false) }))
}
