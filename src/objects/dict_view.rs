//! `dict_keys`, `dict_values`, `dict_items`: live views of a dict (`Payload::DictView`).
//! They see later changes to the dict; keys and items views are also set-like
//! (`&`, `|`, `-`, `^`, comparisons, `isdisjoint`), as `collections.abc.Set`.

use super::set_table::SetTable;
use super::{types, Payload, PyRef, Value};
use crate::runtime::{mapping, ops, set, PyResult};
use crate::vm::Vm;

pub const KEYS: u8 = 0;
pub const VALUES: u8 = 1;
pub const ITEMS: u8 = 2;

/// A new view of `dict` (`kind` is [`KEYS`], [`VALUES`] or [`ITEMS`]).
pub fn new_view(dict: PyRef, kind: u8) -> Value {
    let t = types();
    let cls = match kind {
        KEYS => &t.dict_keys,
        VALUES => &t.dict_values,
        _ => &t.dict_items,
    };
    Value::Obj(PyRef::new(cls, Payload::DictView { dict, kind }))
}

/// The dict and kind of a view value.
pub fn view_parts(v: &Value) -> Option<(&PyRef, u8)> {
    match v.payload() {
        Some(Payload::DictView { dict, kind }) => Some((dict, *kind)),
        _ => None,
    }
}

/// Is `v` a keys or items view (the set-like ones)?
pub fn is_set_like_view(v: &Value) -> bool {
    matches!(view_parts(v), Some((_, KEYS | ITEMS)))
}

/// The view's current elements, in order.
pub fn elements(dict: &PyRef, kind: u8) -> Vec<Value> {
    let Payload::Dict(d) = &dict.payload else { return Vec::new() };
    d.borrow()
        .iter()
        .map(|e| match kind {
            KEYS => e.key.clone(),
            VALUES => e.value.clone(),
            _ => Value::new_tuple(vec![e.key.clone(), e.value.clone()]),
        })
        .collect()
}

/// `len(view)`.
pub fn len(dict: &PyRef) -> usize {
    super::dict::len(dict)
}

/// `x in view`.
pub fn contains(vm: &Vm, dict: &PyRef, kind: u8, x: &Value) -> PyResult<bool> {
    let Payload::Dict(d) = &dict.payload else { return Ok(false) };
    match kind {
        KEYS => mapping::contains(vm, d, x),
        ITEMS => {
            let Some(pair) = super::tuple::items(x).filter(|t| t.len() == 2) else {
                return Ok(false);
            };
            let (k, v) = (pair[0].clone(), pair[1].clone());
            match mapping::get(vm, d, &k)? {
                Some(found) => ops::eq(vm, &found, &v),
                None => Ok(false),
            }
        }
        _ => {
            for v in elements(dict, VALUES) {
                if ops::eq(vm, &v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// The elements of a set-like view as a set table (items are hashed as tuples).
pub fn table(vm: &Vm, v: &Value) -> PyResult<Option<SetTable>> {
    match view_parts(v) {
        Some((dict, KEYS)) => set::table_from_iterable(vm, &Value::Obj(dict.clone())).map(Some),
        Some((dict, ITEMS)) => set::table_from_iterable(vm, &Value::new_list(elements(dict, ITEMS))).map(Some),
        _ => Ok(None),
    }
}

/// `set(x)` as `dictviews_to_set` builds it: the keys of an exact dict straight from the
/// dict (with their stored hashes), anything else by iteration.
fn to_set(vm: &Vm, x: &Value) -> PyResult<SetTable> {
    if let Some((dict, KEYS)) = view_parts(x) {
        if dict.class().is(&types().dict) {
            return set::table_from_iterable(vm, &Value::Obj(dict.clone()));
        }
    }
    set::table_from_iterable(vm, x)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` where one side is a set-like view (CPython's
/// `dictviews_or` & co.); the result is a `set`.
pub fn set_op(vm: &Vm, a: &Value, b: &Value, op: crate::bytecode::BinOp) -> PyResult<Value> {
    use crate::bytecode::BinOp;
    let cell = std::cell::RefCell::new(SetTable::new());
    match op {
        BinOp::And => {
            let (view, other) = if is_set_like_view(a) { (a, b) } else { (b, a) };
            let it = crate::runtime::iter::iter(vm, other)?;
            while let Some(k) = crate::runtime::iter::next(vm, &it)? {
                if crate::runtime::item::contains(vm, view, &k)? {
                    let h = ops::hash(vm, &k)?;
                    set::add_hashed(vm, &cell, h, k)?;
                }
            }
        }
        _ => {
            *cell.borrow_mut() = to_set(vm, a)?;
            match op {
                BinOp::Or => set::update_from(vm, &cell, b)?,
                BinOp::Subtract => set::difference_update(vm, &cell, b, false)?,
                _ => set::symmetric_difference_update(vm, &cell, b, false)?,
            }
        }
    }
    Ok(set::new_set_value(cell.into_inner(), false))
}

/// `repr(view)`: `dict_keys([1, 2])`.
pub fn repr(vm: &Vm, v: &Value) -> PyResult<String> {
    let Some((dict, kind)) = view_parts(v) else { return Ok(String::new()) };
    let name = crate::objects::typeobj::type_name(v);
    let items = Value::new_list(elements(dict, kind));
    Ok(format!("{name}({})", crate::runtime::repr::repr(vm, &items)?))
}
