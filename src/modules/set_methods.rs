//! Methods and constructors of `set` and `frozenset`, with CPython's argument errors.
//! The algebra (union, intersection, subset tests) is `runtime::set`.

use std::cell::RefCell;

use crate::objects::function::add_methods;
use crate::objects::set_table::SetTable;
use crate::objects::typeobj::type_name;
use crate::objects::{types, Payload, Value};
use crate::runtime::{ops, set, Args, PyErr, PyResult};
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

/// The receiver (a `set` or `frozenset`) and whether it is a frozenset.
fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a Value, bool)> {
    let v = args.args.first().ok_or_else(|| PyErr::type_error(format!("unbound method set.{name}() needs an argument")))?;
    match v.payload() {
        Some(Payload::Set(_)) => Ok((v, false)),
        Some(Payload::FrozenSet(_)) => Ok((v, true)),
        _ => Err(PyErr::type_error(format!("descriptor '{name}' for 'set' objects doesn't apply to a '{}' object", type_name(v)))),
    }
}

fn cell_of<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<SetTable>> {
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

/// Replace a set's table (CPython's `set_swap_bodies`), dropping the old one outside the
/// borrow.
fn replace(cell: &RefCell<SetTable>, d: SetTable) {
    let old = std::mem::replace(&mut *cell.borrow_mut(), d);
    drop(old);
}

/// A copy of the receiver's table laid out as CPython's `set_copy`.
fn copy_of(v: &Value) -> SetTable {
    set::table_snapshot(v).map(|t| t.copy()).unwrap_or_default()
}

fn set_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, frozen) = this(&args, "copy")?;
    args.noargs(&qual(&args, "copy"))?;
    if frozen && v.class().is(&types().frozenset) {
        return Ok(v.clone());
    }
    Ok(set::new_set_value(copy_of(v), frozen))
}

fn set_union(vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, frozen) = this(&args, "union")?;
    args.no_kw(&qual(&args, "union"))?;
    let cell = RefCell::new(copy_of(v));
    for other in args.rest() {
        if !other.is(v) {
            set::update_from(vm, &cell, other)?;
        }
    }
    Ok(set::new_set_value(cell.into_inner(), frozen))
}

/// `set_intersection_multi`: the receiver intersected with each argument in turn.
fn intersection_multi(vm: &Vm, v: &Value, others: &[Value]) -> PyResult<SetTable> {
    if others.is_empty() {
        return Ok(copy_of(v));
    }
    let mut acc = v.clone();
    let mut result = SetTable::new();
    for other in others {
        result = set::intersection(vm, &acc, other)?;
        acc = set::new_set_value(result.clone(), false);
    }
    Ok(result)
}

fn set_intersection(vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, frozen) = this(&args, "intersection")?;
    args.no_kw(&qual(&args, "intersection"))?;
    Ok(set::new_set_value(intersection_multi(vm, v, args.rest())?, frozen))
}

fn set_difference(vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, frozen) = this(&args, "difference")?;
    args.no_kw(&qual(&args, "difference"))?;
    let others = args.rest();
    let Some(first) = others.first() else {
        return Ok(set::new_set_value(copy_of(v), frozen));
    };
    let cell = RefCell::new(set::difference(vm, v, first)?);
    for other in &others[1..] {
        set::difference_update(vm, &cell, other, false)?;
    }
    Ok(set::new_set_value(cell.into_inner(), frozen))
}

fn set_symmetric_difference(vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, frozen) = this(&args, "symmetric_difference")?;
    let other = args.one(&qual(&args, "symmetric_difference"))?;
    Ok(set::new_set_value(set::symmetric_difference(vm, v, other)?, frozen))
}

fn set_issubset(vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, _) = this(&args, "issubset")?;
    let other = args.one(&qual(&args, "issubset"))?;
    let mine = set::table_snapshot(v).unwrap_or_default();
    let theirs = match set::table_snapshot(other) {
        Some(t) => t,
        None => set::table_from_iterable(vm, other)?,
    };
    Ok(Value::Bool(set::is_subset(vm, &mine, &theirs)?))
}

fn set_issuperset(vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, _) = this(&args, "issuperset")?;
    let other = args.one(&qual(&args, "issuperset"))?;
    let mine = set::table_snapshot(v).unwrap_or_default();
    if let Some(theirs) = set::table_snapshot(other) {
        return Ok(Value::Bool(set::is_subset(vm, &theirs, &mine)?));
    }
    let it = crate::runtime::iter::iter(vm, other)?;
    while let Some(k) = crate::runtime::iter::next(vm, &it)? {
        let h = ops::hash(vm, &k)?;
        if !set::contains_hashed(vm, set::TableRef::Frozen(&mine), h, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_isdisjoint(vm: &Vm, args: Args) -> PyResult<Value> {
    let (v, _) = this(&args, "isdisjoint")?;
    let other = args.one(&qual(&args, "isdisjoint"))?;
    Ok(Value::Bool(set::is_disjoint(vm, v, other)?))
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
    let (h, key) = set::element_hash(vm, args.one("set.discard")?)?;
    set::discard_hashed(vm, cell, h, &key)?;
    Ok(Value::None)
}

fn set_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "remove")?;
    let x = args.one("set.remove")?;
    let (h, key) = set::element_hash(vm, x)?;
    if set::discard_hashed(vm, cell, h, &key)? {
        Ok(Value::None)
    } else {
        Err(PyErr::key_error(x.clone()))
    }
}

fn set_pop(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "pop")?;
    args.noargs("set.pop")?;
    let popped = cell.borrow_mut().pop();
    popped.ok_or_else(|| PyErr::new("KeyError", "pop from an empty set"))
}

fn set_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "clear")?;
    args.noargs("set.clear")?;
    let old = cell.borrow_mut().clear();
    drop(old);
    Ok(Value::None)
}

fn set_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "update")?;
    args.no_kw("set.update")?;
    for other in args.rest() {
        set::update_from(vm, cell, other)?;
    }
    Ok(Value::None)
}

fn set_intersection_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "intersection_update")?;
    args.no_kw("set.intersection_update")?;
    let t = intersection_multi(vm, &args.args[0], args.rest())?;
    replace(cell, t);
    Ok(Value::None)
}

fn set_difference_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "difference_update")?;
    args.no_kw("set.difference_update")?;
    for other in args.rest() {
        set::difference_update(vm, cell, other, other.is(&args.args[0]))?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let cell = cell_of(&args, "symmetric_difference_update")?;
    let other = args.one("set.symmetric_difference_update")?;
    set::symmetric_difference_update(vm, cell, other, other.is(&args.args[0]))?;
    Ok(Value::None)
}

/// An in-place operator: `NotImplemented` unless the other operand is a set or frozenset.
fn inplace(vm: &Vm, args: &Args, name: &str, f: fn(&Vm, &Value, &RefCell<SetTable>, &Value) -> PyResult<()>) -> PyResult<Value> {
    let cell = cell_of(args, name)?;
    let other = args.one(&format!("set.{name}"))?;
    if !set::is_set_like(other) {
        return Ok(Value::not_implemented());
    }
    f(vm, &args.args[0], cell, other)?;
    Ok(args.args[0].clone())
}

fn set_ior(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__ior__", |vm, _, cell, other| set::update_from(vm, cell, other))
}

fn set_iand(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__iand__", |vm, this, cell, other| {
        let t = set::intersection(vm, this, other)?;
        replace(cell, t);
        Ok(())
    })
}

fn set_isub(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__isub__", |vm, this, cell, other| set::difference_update(vm, cell, other, other.is(this)))
}

fn set_ixor(vm: &Vm, args: Args) -> PyResult<Value> {
    inplace(vm, &args, "__ixor__", |vm, this, cell, other| set::symmetric_difference_update(vm, cell, other, other.is(this)))
}

/// `frozenset(iterable=())`.
fn frozenset_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = super::object_methods::new_cls_arg(&args, &types().frozenset)?.clone();
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
        None => SetTable::new(),
    };
    if exact {
        return Ok(set::new_set_value(d, true));
    }
    Ok(super::object_methods::alloc_instance(&cls, Payload::FrozenSet(Box::new(d))))
}
