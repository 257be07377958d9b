//! Methods of `dict` and of its views (`dict_keys`, `dict_values`, `dict_items`), with
//! CPython's argument errors. The table is never borrowed while Python code runs
//! (hashing, `__eq__`, `__missing__`).

use std::cell::RefCell;

use crate::objects::dict_view::{self, ITEMS, KEYS, VALUES};
use crate::objects::function::add_methods;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, types, DictData, Payload, PyRef, Value};
use crate::runtime::{attr, call, iter, mapping, set, Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn init() {
    let t = types();
    add_methods(
        &t.dict,
        "dict",
        &[
            ("get", dict_get),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("pop", dict_pop),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("copy", dict_copy),
            ("clear", dict_clear),
            ("popitem", dict_popitem),
            ("__reversed__", dict_reversed),
            ("__ior__", dict_ior),
            ("__sizeof__", dict_sizeof),
        ],
    );
    let ns = t.dict.dict.borrow().clone();
    if let Some(ns) = ns {
        let f = crate::objects::function::native("fromkeys", dict_fromkeys);
        dict::set_str(&ns, "fromkeys", Value::Obj(PyRef::new(&t.classmethod, Payload::ClassMethod(f))));
    }
    for (cls, name) in [(&t.dict_keys, "dict_keys"), (&t.dict_items, "dict_items")] {
        add_methods(cls, name, &[("isdisjoint", view_isdisjoint), ("__reversed__", view_reversed)]);
    }
    add_methods(&t.dict_values, "dict_values", &[("__reversed__", view_reversed)]);
    for cls in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        crate::objects::function::add_properties(cls, &[("mapping", view_mapping, None)]);
    }
}

fn dict_of<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<DictData>> {
    match args.args.first() {
        Some(v) => match v.payload() {
            Some(Payload::Dict(d)) => Ok(d),
            _ => Err(PyErr::type_error(format!("descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object", type_name(v)))),
        },
        None => Err(PyErr::type_error(format!("unbound method dict.{name}() needs an argument"))),
    }
}

fn dict_get(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "get")?;
    let pos = args.posonly("dict.get", "get", 1, 2)?;
    Ok(mapping::get(vm, d, &pos[0])?.unwrap_or_else(|| pos.get(1).cloned().unwrap_or(Value::None)))
}

fn view(args: &Args, name: &str, kind: u8) -> PyResult<Value> {
    dict_of(args, name)?;
    if args.args.len() != 1 || !args.kwnames.is_empty() {
        args.noargs(&format!("dict.{name}"))?;
    }
    let d = args.args[0].as_obj().cloned().ok_or_else(|| PyErr::type_error("dict expected"))?;
    Ok(dict_view::new_view(d, kind))
}

fn dict_keys(_vm: &Vm, args: Args) -> PyResult<Value> {
    view(&args, "keys", KEYS)
}

fn dict_values(_vm: &Vm, args: Args) -> PyResult<Value> {
    view(&args, "values", VALUES)
}

fn dict_items(_vm: &Vm, args: Args) -> PyResult<Value> {
    view(&args, "items", ITEMS)
}

fn dict_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "pop")?;
    let pos = args.posonly("dict.pop", "pop", 1, 2)?;
    match mapping::remove(vm, d, &pos[0])? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(pos[0].clone())),
        },
    }
}

fn dict_setdefault(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "setdefault")?;
    let pos = args.posonly("dict.setdefault", "setdefault", 1, 2)?;
    let h = crate::runtime::ops::hash(vm, &pos[0])?;
    if let Some(ix) = mapping::find(vm, d, h, &pos[0])? {
        if let Some(v) = d.borrow().value_at(ix) {
            return Ok(v);
        }
    }
    let default = pos.get(1).cloned().unwrap_or(Value::None);
    mapping::set_hashed(vm, d, h, pos[0].clone(), default.clone())?;
    Ok(default)
}

/// `dict.update(other)` body shared with `dict(other)` and `|=`: a dict or an object with
/// `keys()` is a mapping, anything else an iterable of pairs.
pub fn dict_update_from(vm: &Vm, this: &Value, src: &Value) -> PyResult<()> {
    let Some(Payload::Dict(d)) = this.payload() else {
        return Err(PyErr::type_error("dict expected"));
    };
    if matches!(src.payload(), Some(Payload::Dict(_))) || attr::getattr_opt(vm, src, "keys")?.is_some() {
        return crate::vm::instr::dict_update(vm, this, src, false);
    }
    let it = iter::iter(vm, src)?;
    let mut i = 0usize;
    while let Some(item) = iter::next(vm, &it)? {
        let pair = match iter::iter(vm, &item) {
            Ok(_) => iter::collect(vm, &item)?,
            Err(e) if e.is("TypeError") => {
                return Err(PyErr::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len())));
        }
        let mut it2 = pair.into_iter();
        if let (Some(k), Some(v)) = (it2.next(), it2.next()) {
            mapping::set(vm, d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn dict_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "update")?;
    let pos = args.rest();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("update expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(src) = pos.first() {
        dict_update_from(vm, &args.args[0], src)?;
    }
    for (k, v) in args.kwargs() {
        mapping::set(vm, d, Value::new_str(k), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_ior(vm: &Vm, args: Args) -> PyResult<Value> {
    dict_of(&args, "__ior__")?;
    let other = args.one("dict.__ior__")?;
    dict_update_from(vm, &args.args[0], other)?;
    Ok(args.args[0].clone())
}

fn dict_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "copy")?;
    args.noargs("dict.copy")?;
    let data = d.borrow().clone();
    Ok(Value::Obj(dict::from_data(data)))
}

fn dict_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "clear")?;
    args.noargs("dict.clear")?;
    let old = std::mem::take(&mut *d.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_popitem(_vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "popitem")?;
    args.noargs("dict.popitem")?;
    let e = d.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(Value::new_tuple(vec![e.key, e.value])),
        None => Err(PyErr::new("KeyError", "popitem(): dictionary is empty")),
    }
}

fn dict_sizeof(_vm: &Vm, args: Args) -> PyResult<Value> {
    let d = dict_of(&args, "__sizeof__")?;
    args.noargs("dict.__sizeof__")?;
    let n = d.borrow().len();
    Ok(Value::from(if n == 0 { 48 } else { 48 + 8 * n.next_power_of_two() * 3 }))
}

/// `dict.fromkeys(iterable, value=None)` (a class method: subclasses get `cls()` and
/// `__setitem__`).
fn dict_fromkeys(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.posonly("dict.fromkeys", "fromkeys", 1, 2)?;
    let cls = &args.args[0];
    let value = pos.get(1).cloned().unwrap_or(Value::None);
    let out = call::call(vm, cls, Args::new(&[]))?;
    let plain = matches!(out.payload(), Some(Payload::Dict(_))) && call::lookup_user(out.class(), "__setitem__").is_none();
    let it = iter::iter(vm, &pos[0])?;
    while let Some(k) = iter::next(vm, &it)? {
        match (plain, out.payload()) {
            (true, Some(Payload::Dict(d))) => mapping::set(vm, d, k, value.clone())?,
            _ => crate::runtime::item::setitem(vm, &out, &k, value.clone())?,
        }
    }
    Ok(out)
}

/// A reverse iterator over a dict's keys, values or items.
struct DictReversed {
    dict: PyRef,
    kind: u8,
    pos: std::cell::Cell<usize>,
    len: usize,
}

impl crate::runtime::iter::NativeIterator for DictReversed {
    fn next(&self, _vm: &Vm) -> PyResult<Option<Value>> {
        let Payload::Dict(cell) = &self.dict.payload else { return Ok(None) };
        let d = cell.borrow();
        if d.len() != self.len {
            self.pos.set(0);
            return Err(PyErr::runtime_error("dictionary changed size during iteration"));
        }
        let mut pos = self.pos.get();
        while pos > 0 {
            pos -= 1;
            if let Some(Some(e)) = d.slot(pos) {
                self.pos.set(pos);
                return Ok(Some(match self.kind {
                    KEYS => e.key.clone(),
                    VALUES => e.value.clone(),
                    _ => Value::new_tuple(vec![e.key.clone(), e.value.clone()]),
                }));
            }
        }
        self.pos.set(0);
        Ok(None)
    }
}

fn reversed_of(dict: PyRef, kind: u8) -> Value {
    let (pos, len) = match &dict.payload {
        Payload::Dict(cell) => {
            let d = cell.borrow();
            (d.slots_len(), d.len())
        }
        _ => (0, 0),
    };
    let cls = &crate::objects::types().dict_reverseiterators[usize::from(kind.min(2))];
    super::iterators::wrap_as(cls, DictReversed { dict, kind, pos: std::cell::Cell::new(pos), len })
}

fn dict_reversed(_vm: &Vm, args: Args) -> PyResult<Value> {
    dict_of(&args, "__reversed__")?;
    args.noargs("dict.__reversed__")?;
    let d = args.args[0].as_obj().cloned().ok_or_else(|| PyErr::type_error("dict expected"))?;
    Ok(reversed_of(d, KEYS))
}

fn view_reversed(_vm: &Vm, args: Args) -> PyResult<Value> {
    let Some((dict, kind)) = args.args.first().and_then(dict_view::view_parts) else {
        return Err(PyErr::type_error("descriptor '__reversed__' requires a dict view"));
    };
    Ok(reversed_of(dict.clone(), kind))
}

/// `view.mapping`: a read-only proxy of the dict the view looks at.
fn view_mapping(_vm: &Vm, args: Args) -> PyResult<Value> {
    let Some((dict, _)) = args.args.first().and_then(dict_view::view_parts) else {
        return Err(PyErr::type_error("descriptor 'mapping' requires a dict view"));
    };
    Ok(crate::objects::mappingproxy::new(Value::Obj(dict.clone())))
}

fn view_isdisjoint(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let other = args.one(&format!("{}.isdisjoint", type_name(this)))?;
    let mine = set::new_set_value(dict_view::table(vm, this)?.unwrap_or_default(), true);
    Ok(Value::Bool(set::is_disjoint(vm, &mine, other)?))
}
