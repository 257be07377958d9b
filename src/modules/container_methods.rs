//! Methods of `list`, `tuple`, `dict` and `set`. None holds a container's borrow while it
//! calls back into Python code (comparisons, hashing, key functions).

use crate::objects::function::add_methods;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, types, Payload, Value};
use crate::runtime::{attr, call, iter, mapping, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn init() {
    let t = types();
    add_methods(
        &t.list,
        "list",
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("pop", list_pop),
            ("insert", list_insert),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("sort", list_sort),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    add_methods(&t.tuple, "tuple", &[("index", tuple_index), ("count", tuple_count)]);
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
        ],
    );
    add_methods(
        &t.set,
        "set",
        &[("add", set_add), ("discard", set_discard), ("remove", set_remove), ("pop", set_pop), ("clear", set_clear)],
    );
}

fn list_of<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    args.args
        .first()
        .and_then(crate::objects::list::cell)
        .ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' for 'list' objects doesn't apply")))
}

fn list_append(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("list.append")?;
    let pos = args.check_count("list.append", 2, 2)?;
    list_of(&args, "append")?.borrow_mut().push(pos[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("list.extend", 2, 2)?;
    let items = iter::collect(vm, &pos[1])?;
    list_of(&args, "extend")?.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("pop", 1, 2)?;
    let l = list_of(&args, "pop")?;
    let mut items = l.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = match pos.get(1) {
        Some(v) => {
            let i = ops::index_value(v)?;
            let j = if i < 0 { i + items.len() as i64 } else { i };
            if j < 0 || j >= items.len() as i64 {
                return Err(PyErr::index_error("pop index out of range"));
            }
            j as usize
        }
        None => items.len() - 1,
    };
    Ok(items.remove(i))
}

fn list_insert(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("insert", 3, 3)?;
    let l = list_of(&args, "insert")?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let i = ops::index_value(&pos[1])?;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, pos[2].clone());
    Ok(Value::None)
}

fn list_find(vm: &Vm, items: &[Value], x: &Value) -> PyResult<Option<usize>> {
    for (i, v) in items.iter().enumerate() {
        if ops::eq(vm, v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn list_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("list.remove", 2, 2)?;
    let l = list_of(&args, "remove")?;
    let snapshot = l.borrow().clone();
    match list_find(vm, &snapshot, &pos[1])? {
        Some(i) => {
            let removed = {
                let mut items = l.borrow_mut();
                if i < items.len() {
                    Some(items.remove(i))
                } else {
                    None
                }
            };
            drop(removed);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("list.remove(x): x not in list")),
    }
}

fn list_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("index", 2, 4)?;
    let snapshot = list_of(&args, "index")?.borrow().clone();
    let (start, end) = bounds(pos, snapshot.len())?;
    for (i, v) in snapshot.iter().enumerate().take(end).skip(start) {
        if ops::eq(vm, v, &pos[1])? {
            return Ok(Value::from(i));
        }
    }
    Err(PyErr::value_error(format!("{} is not in list", crate::runtime::repr::repr(vm, &pos[1])?)))
}

fn bounds(pos: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let norm = |v: Option<&Value>, default: usize| -> PyResult<usize> {
        match v {
            None => Ok(default),
            Some(v) => {
                let i = ops::index_value(v)?;
                Ok(if i < 0 { (i + len as i64).max(0) as usize } else { (i as usize).min(len) })
            }
        }
    };
    Ok((norm(pos.get(2), 0)?, norm(pos.get(3), len)?))
}

fn list_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("list.count", 2, 2)?;
    let snapshot = list_of(&args, "count")?.borrow().clone();
    let mut n = 0usize;
    for v in &snapshot {
        if ops::eq(vm, v, &pos[1])? {
            n += 1;
        }
    }
    Ok(Value::from(n))
}

/// `list.sort(*, key=None, reverse=False)`: stable merge sort; the list is empty while
/// sorting, so a key or comparison that mutates it is detected as CPython does.
pub fn list_sort(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_kwargs("sort", &["key", "reverse"])?;
    if args.pos().len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let l = list_of(&args, "sort")?;
    let key = args.kwarg("key").filter(|k| !k.is_none()).cloned();
    let reverse = match args.kwarg("reverse") {
        Some(r) => ops::truthy(vm, r)?,
        None => false,
    };
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let result = (|| -> PyResult<Vec<Value>> {
        let keys = match &key {
            Some(f) => {
                let mut ks = Vec::with_capacity(items.len());
                for it in &items {
                    ks.push(call::call(vm, f, Args::new(&[it.clone()]))?);
                }
                ks
            }
            None => items.clone(),
        };
        let mut idx: Vec<usize> = (0..items.len()).collect();
        if reverse {
            idx.reverse();
        }
        let mut err: Option<PyErr> = None;
        merge_sort(&mut idx, &mut |a, b| {
            if err.is_some() {
                return false;
            }
            match ops::compare_bool(vm, &keys[b], &keys[a], crate::bytecode::CmpOp::Lt) {
                Ok(r) => r,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        if reverse {
            idx.reverse();
        }
        Ok(idx.into_iter().map(|i| items[i].clone()).collect())
    })();
    let modified = !l.borrow().is_empty();
    match result {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = std::mem::take(&mut items);
            Err(e)
        }
    }
}

/// Stable merge sort of indices; `less(a, b)` says `b` sorts strictly before `a`... i.e.
/// it returns whether the element at `b` is less than the one at `a`.
fn merge_sort(v: &mut [usize], less_rev: &mut dyn FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && less_rev(v[j - 1], v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], less_rev);
    merge_sort(&mut v[mid..], less_rev);
    let mut merged = Vec::with_capacity(n);
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if less_rev(v[i], v[j]) {
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..n]);
    v.copy_from_slice(&merged);
}

fn list_reverse(_vm: &Vm, args: Args) -> PyResult<Value> {
    list_of(&args, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_list(list_of(&args, "copy")?.borrow().clone()))
}

fn list_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let old = std::mem::take(&mut *list_of(&args, "clear")?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn tuple_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("index", 2, 4)?;
    let items = crate::objects::tuple::items(&pos[0]).map(|t| t.to_vec()).unwrap_or_default();
    let (start, end) = bounds(pos, items.len())?;
    for (i, v) in items.iter().enumerate().take(end).skip(start) {
        if ops::eq(vm, v, &pos[1])? {
            return Ok(Value::from(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("count", 2, 2)?;
    let items = crate::objects::tuple::items(&pos[0]).map(|t| t.to_vec()).unwrap_or_default();
    let mut n = 0usize;
    for v in &items {
        if ops::eq(vm, v, &pos[1])? {
            n += 1;
        }
    }
    Ok(Value::from(n))
}

fn dict_of<'a>(args: &Args<'a>) -> PyResult<&'a std::cell::RefCell<crate::objects::DictData>> {
    match args.args.first().and_then(|v| v.payload()) {
        Some(Payload::Dict(d)) => Ok(d),
        _ => Err(PyErr::type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("get", 2, 3)?;
    Ok(mapping::get(vm, dict_of(&args)?, &pos[1])?.unwrap_or_else(|| pos.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_view(args: &Args, kind: u8) -> PyResult<Value> {
    // Views are materialised as lists for now: iteration and len() behave the same;
    // live-view semantics are listed in tests/py/DIVERGENCES.md.
    let d = dict_of(args)?;
    let items: Vec<Value> = d
        .borrow()
        .iter()
        .map(|e| match kind {
            0 => e.key.clone(),
            1 => e.value.clone(),
            _ => Value::new_tuple(vec![e.key.clone(), e.value.clone()]),
        })
        .collect();
    Ok(Value::new_list(items))
}

fn dict_keys(_vm: &Vm, args: Args) -> PyResult<Value> {
    dict_view(&args, 0)
}

fn dict_values(_vm: &Vm, args: Args) -> PyResult<Value> {
    dict_view(&args, 1)
}

fn dict_items(_vm: &Vm, args: Args) -> PyResult<Value> {
    dict_view(&args, 2)
}

fn dict_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("pop", 2, 3)?;
    match mapping::remove(vm, dict_of(&args)?, &pos[1])? {
        Some(v) => Ok(v),
        None => match pos.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::key_error(pos[1].clone())),
        },
    }
}

fn dict_setdefault(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("setdefault", 2, 3)?;
    let d = dict_of(&args)?;
    if let Some(v) = mapping::get(vm, d, &pos[1])? {
        return Ok(v);
    }
    let default = pos.get(2).cloned().unwrap_or(Value::None);
    mapping::set(vm, d, pos[1].clone(), default.clone())?;
    Ok(default)
}

/// `dict.update(other)` body shared with `dict(other)`.
pub fn dict_update_from(vm: &Vm, this: &Value, src: &Value) -> PyResult<()> {
    let Some(Payload::Dict(d)) = this.payload() else {
        return Err(PyErr::type_error("dict expected"));
    };
    if matches!(src.payload(), Some(Payload::Dict(_))) || attr::getattr_opt(vm, src, "keys")?.is_some() {
        return crate::vm::instr::dict_update(vm, this, src, false);
    }
    for (i, item) in iter::collect(vm, src)?.into_iter().enumerate() {
        let pair = iter::collect(vm, &item)
            .map_err(|_| PyErr::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")))?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len())));
        }
        let mut it = pair.into_iter();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            mapping::set(vm, d, k, v)?;
        }
    }
    Ok(())
}

fn dict_update(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("update", 1, 2)?;
    if let Some(src) = pos.get(1) {
        dict_update_from(vm, &pos[0], src)?;
    }
    let d = dict_of(&args)?;
    for (k, v) in args.kwargs() {
        mapping::set(vm, d, Value::new_str(k), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Obj(dict::from_data(dict_of(&args)?.borrow().clone())))
}

fn dict_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let old = std::mem::take(&mut *dict_of(&args)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_popitem(_vm: &Vm, args: Args) -> PyResult<Value> {
    match dict_of(&args)?.borrow_mut().pop_last() {
        Some(e) => Ok(Value::new_tuple(vec![e.key, e.value])),
        None => Err(PyErr::new("KeyError", "popitem(): dictionary is empty")),
    }
}

fn set_of<'a>(args: &Args<'a>) -> PyResult<&'a std::cell::RefCell<crate::objects::DictData>> {
    match args.args.first().and_then(|v| v.payload()) {
        Some(Payload::Set(d)) => Ok(d),
        _ => Err(PyErr::type_error("descriptor requires a 'set' object")),
    }
}

fn set_add(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("set.add", 2, 2)?;
    mapping::set(vm, set_of(&args)?, pos[1].clone(), Value::None)?;
    Ok(Value::None)
}

fn set_discard(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("set.discard", 2, 2)?;
    mapping::remove(vm, set_of(&args)?, &pos[1])?;
    Ok(Value::None)
}

fn set_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("set.remove", 2, 2)?;
    match mapping::remove(vm, set_of(&args)?, &pos[1])? {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::key_error(pos[1].clone())),
    }
}

fn set_pop(_vm: &Vm, args: Args) -> PyResult<Value> {
    match set_of(&args)?.borrow_mut().pop_last() {
        Some(e) => Ok(e.key),
        None => Err(PyErr::new("KeyError", "pop from an empty set")),
    }
}

fn set_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let old = std::mem::take(&mut *set_of(&args)?.borrow_mut());
    drop(old);
    let _ = type_name;
    Ok(Value::None)
}
