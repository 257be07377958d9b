//! Methods and constructors of `set` and `frozenset`, with CPython's argument errors.
//! The algebra (union, intersection, subset tests) is `runtime::set`.

use std::cell::RefCell;

use crate::objects::function::add_methods;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{types, DictData, Payload, Value};
use crate::runtime::{mapping, ops, set, Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn init() {
    let t = types();
    let shared: &[(&'static str, crate::objects::NativeFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ];
    add_methods(&t.set, "set", shared);
    add_methods(&t.frozenset, "frozenset", shared);
    add_methods(&t.frozenset, "frozenset", &[("__new__", frozenset_new)]);
    add_methods(
        &t.set,
        "set",
        &[
            ("add", set_add),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            ("symmetric_difference_update", set_symmetric_difference_update),
            ("__ior__", set_ior),
            ("__iand__", set_iand),
            ("__isub__", set_isub),
            ("__ixor__", set_ixor),
        ],
    );
}

/// The receiver's table (a snapshot) and whether it is a frozenset.
fn this(args: &Args, name: &str) -> PyResult<(DictData, bool)> {
    let v = args.args.first().ok_or_else(|| PyErr::type_error(format!("unbound method set.{name}() needs an argument")))?;
    match v.payload() {
        Some(Payload::Set(d)) => Ok((d.borrow().clone(), false)),
        Some(Payload::FrozenSet(d)) => Ok(((**d).clone(), true)),
        _ => Err(PyErr::type_error(format!("descriptor '{name}' for 'set' objects doesn't apply to a '{}' object", type_name(v)))),
    }
}

fn cell_of<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<DictData>> {
    match args.args.first().and_then(|v| v.payload()) {
        Some(Payload::Set(d)) => Ok(d),
        _ => {
            let tn = args.args.first().map(type_name).unwrap_or_default();
            Err(PyErr::type_error(format!("descriptor '{name}' for 'set' objects doesn't apply to a '{tn}' object")))
        }
    }
}

fn qual(args: &Args, name: &str) -> String {
    let frozen = matches!(args.args.first().and_then(|v| v.payload()), Some(Payload::FrozenSet(_)));
    format!("{}.{name}", if frozen { "frozenset" } else { "set" })
}

/// Replace a set's table, dropping the old one outside the borrow.
fn replace(cell: &RefCell<DictData>, d: DictData) {
    let old = std::mem::replace(&mut *cell.borrow_mut(), d);
    drop(old);
}

/// The hash of a set element; a `set` key is looked up as the equal frozenset.
fn key_hash(vm: &Vm, key: &Value) -> PyResult<(i64, Value)> {
    if let Some(Payload::Set(d)) = key.payload() {
        let frozen = set::new_set_value(d.borrow().clone(), true);
        return Ok((ops::hash(vm, &frozen)?, frozen));
    }
    Ok((ops::hash(vm, key)?, key.clone()))
}

fn set_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, frozen) = this(&args, "copy")?;
    args.noargs(&qual(&args, "copy"))?;
    if frozen && args.args[0].class().is(&types().frozenset) {
        return Ok(args.args[0].clone());
    }
    Ok(set::new_set_value(d, frozen))
}

fn set_union(vm: &Vm, args: Args) -> PyResult<Value> {
    let (mut d, frozen) = this(&args, "union")?;
    args.no_kw(&qual(&args, "union"))?;
    for other in args.rest() {
        let t = set::table_from_iterable(vm, other)?;
        d = set::union(vm, d, &t)?;
    }
    Ok(set::new_set_value(d, frozen))
}

fn set_intersection(vm: &Vm, args: Args) -> PyResult<Value> {
    let (mut d, frozen) = this(&args, "intersection")?;
    args.no_kw(&qual(&args, "intersection"))?;
    for other in args.rest() {
        let t = set::table_from_iterable(vm, other)?;
        d = set::intersection(vm, &d, t)?;
    }
    Ok(set::new_set_value(d, frozen))
}

fn set_difference(vm: &Vm, args: Args) -> PyResult<Value> {
    let (mut d, frozen) = this(&args, "difference")?;
    args.no_kw(&qual(&args, "difference"))?;
    for other in args.rest() {
        let t = set::table_from_iterable(vm, other)?;
        d = set::difference(vm, &d, t)?;
    }
    Ok(set::new_set_value(d, frozen))
}

fn set_symmetric_difference(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, frozen) = this(&args, "symmetric_difference")?;
    let other = args.one(&qual(&args, "symmetric_difference"))?;
    let t = set::table_from_iterable(vm, other)?;
    Ok(set::new_set_value(set::symmetric_difference(vm, &d, t)?, frozen))
}

fn set_issubset(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, _) = this(&args, "issubset")?;
    let other = args.one(&qual(&args, "issubset"))?;
    let t = set::table_from_iterable(vm, other)?;
    Ok(Value::Bool(set::is_subset(vm, &d, t)?))
}

fn set_issuperset(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, _) = this(&args, "issuperset")?;
    let other = args.one(&qual(&args, "issuperset"))?;
    let t = set::table_from_iterable(vm, other)?;
    Ok(Value::Bool(set::is_subset(vm, &t, d)?))
}

fn set_isdisjoint(vm: &Vm, args: Args) -> PyResult<Value> {
    let (d, _) = this(&args, "isdisjoint")?;
    let other = args.one(&qual(&args, "isdisjoint"))?;
    let t = set::table_from_iterable(vm, other)?;
    Ok(Value::Bool(set::is_disjoint(vm, &d, t)?))
}

fn set_add(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "add")?;
    let x = args.one("set.add")?;
    let h = ops::hash(vm, x)?;
    set::add_hashed(vm, cell, h, x.clone())?;
    Ok(Value::None)
}

fn set_discard(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "discard")?;
    let (h, key) = key_hash(vm, args.one("set.discard")?)?;
    if let Some(ix) = mapping::find(vm, cell, h, &key)? {
        let removed = cell.borrow_mut().remove_at(ix);
        drop(removed);
    }
    Ok(Value::None)
}

fn set_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "remove")?;
    let x = args.one("set.remove")?;
    let (h, key) = key_hash(vm, x)?;
    match mapping::find(vm, cell, h, &key)? {
        Some(ix) => {
            let removed = cell.borrow_mut().remove_at(ix);
            drop(removed);
            Ok(Value::None)
        }
        None => Err(PyErr::key_error(x.clone())),
    }
}

fn set_pop(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "pop")?;
    args.noargs("set.pop")?;
    let first = {
        let d = cell.borrow();
        (0..d.slots_len()).find(|&i| matches!(d.slot(i), Some(Some(_))))
    };
    let e = first.and_then(|ix| cell.borrow_mut().remove_at(ix));
    match e {
        Some(e) => Ok(e.key),
        None => Err(PyErr::new("KeyError", "pop from an empty set")),
    }
}

fn set_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "clear")?;
    args.noargs("set.clear")?;
    replace(cell, DictData::new());
    Ok(Value::None)
}

fn set_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "update")?;
    args.no_kw("set.update")?;
    for other in args.rest() {
        let t = set::table_from_iterable(vm, other)?;
        for e in t.iter() {
            set::add_hashed(vm, cell, e.hash, e.key.clone())?;
        }
    }
    Ok(Value::None)
}

fn set_intersection_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "intersection_update")?;
    args.no_kw("set.intersection_update")?;
    let mut d = cell.borrow().clone();
    for other in args.rest() {
        let t = set::table_from_iterable(vm, other)?;
        d = set::intersection(vm, &d, t)?;
    }
    replace(cell, d);
    Ok(Value::None)
}

fn set_difference_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "difference_update")?;
    args.no_kw("set.difference_update")?;
    let mut d = cell.borrow().clone();
    for other in args.rest() {
        let t = set::table_from_iterable(vm, other)?;
        d = set::difference(vm, &d, t)?;
    }
    replace(cell, d);
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "symmetric_difference_update")?;
    let other = args.one("set.symmetric_difference_update")?;
    let t = set::table_from_iterable(vm, other)?;
    let d = cell.borrow().clone();
    replace(cell, set::symmetric_difference(vm, &d, t)?);
    Ok(Value::None)
}

/// An in-place operator: `NotImplemented` unless the other operand is a set or frozenset.
fn inplace(vm: &Vm, args: &Args, name: &str, f: fn(&Vm, DictData, DictData) -> PyResult<DictData>) -> PyResult<Value> {
    let cell = cell_of(args, name)?;
    let other = args.one(&format!("set.{name}"))?;
    if !set::is_set_like(other) {
        return Ok(Value::not_implemented());
    }
    let t = set::table_snapshot(other).unwrap_or_default();
    let d = cell.borrow().clone();
    replace(cell, f(vm, d, t)?);
    Ok(args.args[0].clone())
}

fn set_ior(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__ior__", |vm, d, t| set::union(vm, d, &t))
}

fn set_iand(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__iand__", |vm, d, t| set::intersection(vm, &d, t))
}

fn set_isub(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__isub__", |vm, d, t| set::difference(vm, &d, t))
}

fn set_ixor(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__ixor__", |vm, d, t| set::symmetric_difference(vm, &d, t))
}

/// `frozenset(iterable=())`.
fn frozenset_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = args
        .args
        .first()
        .and_then(|v| v.as_obj())
        .filter(|o| typeobj::type_data(o).is_some())
        .cloned()
        .ok_or_else(|| PyErr::type_error("frozenset.__new__(X): X is not a type object"))?;
    let exact = cls.is(&types().frozenset);
    if exact {
        args.no_kw("frozenset")?;
    }
    let pos = args.rest();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("frozenset expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(src) = pos.first() {
        if exact && src.class().is(&types().frozenset) {
            return Ok(src.clone());
        }
    }
    let d = match pos.first() {
        Some(src) => set::table_from_iterable(vm, src)?,
        None => DictData::new(),
    };
    if exact {
        return Ok(set::new_set_value(d, true));
    }
    Ok(super::object_methods::alloc_instance(&cls, Payload::FrozenSet(Box::new(d))))
}
