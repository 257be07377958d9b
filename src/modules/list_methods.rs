//! Methods of `list` and `tuple`, with CPython's argument errors. None holds a list's
//! borrow while it calls back into Python code (comparisons, key functions): they work on
//! a snapshot and re-check the list afterwards, as CPython's do.

use std::cell::RefCell;

use crate::bytecode::CmpOp;
use crate::objects::function::add_methods;
use crate::objects::typeobj::type_name;
use crate::objects::{types, Value};
use crate::runtime::argparse::{index_arg, slice_index};
use crate::runtime::{call, iter, ops, repr, Args, PyErr, PyResult};
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
            ("__iadd__", list_iadd),
            ("__imul__", list_imul),
            ("__reversed__", list_reversed),
            ("__sizeof__", list_sizeof),
        ],
    );
    add_methods(&t.tuple, "tuple", &[("index", tuple_index), ("count", tuple_count), ("__getnewargs__", tuple_getnewargs)]);
}

fn list_of<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<Vec<Value>>> {
    match args.args.first() {
        Some(v) => crate::objects::list::cell(v).ok_or_else(|| {
            PyErr::type_error(format!("descriptor '{name}' for 'list' objects doesn't apply to a '{}' object", type_name(v)))
        }),
        None => Err(PyErr::type_error(format!("unbound method list.{name}() needs an argument"))),
    }
}

fn list_append(_vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "append")?;
    let v = args.one("list.append")?;
    l.borrow_mut().push(v.clone());
    Ok(Value::None)
}

fn list_extend(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "extend")?;
    let items = iter::collect(vm, args.one("list.extend")?)?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_iadd(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "__iadd__")?;
    let items = iter::collect(vm, args.one("list.__iadd__")?)?;
    l.borrow_mut().extend(items);
    Ok(args.args[0].clone())
}

fn list_imul(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "__imul__")?;
    let n = index_arg(vm, args.one("list.__imul__")?)?;
    let old = {
        let mut items = l.borrow_mut();
        if n <= 0 {
            std::mem::take(&mut *items)
        } else {
            let one = items.clone();
            for _ in 1..n {
                items.extend(one.iter().cloned());
            }
            Vec::new()
        }
    };
    drop(old);
    Ok(args.args[0].clone())
}

fn list_pop(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "pop")?;
    let pos = args.posonly("list.pop", "pop", 0, 1)?;
    let i = match pos.first() {
        Some(v) => Some(index_arg(vm, v)?),
        None => None,
    };
    let mut items = l.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let n = items.len() as i64;
    let j = match i {
        Some(i) => {
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(PyErr::index_error("pop index out of range"));
            }
            j as usize
        }
        None => items.len() - 1,
    };
    Ok(items.remove(j))
}

fn list_insert(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "insert")?;
    let pos = args.posonly("list.insert", "insert", 2, 2)?;
    let i = index_arg(vm, &pos[0])?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(j as usize, pos[1].clone());
    Ok(Value::None)
}

/// The first index in `start..end` whose item equals `x` (the item's `__eq__` first).
fn find_in(vm: &Vm, l: &RefCell<Vec<Value>>, x: &Value, start: usize, end: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = {
            let items = l.borrow();
            if i >= end.min(items.len()) {
                return Ok(None);
            }
            items[i].clone()
        };
        if ops::eq(vm, &item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn list_remove(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "remove")?;
    let x = args.one("list.remove")?;
    match find_in(vm, l, x, 0, usize::MAX)? {
        Some(i) => {
            let removed = {
                let mut items = l.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(removed);
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("list.remove(x): x not in list")),
    }
}

/// The `start`/`stop` arguments of `index`, resolved against `len`.
fn index_bounds(vm: &Vm, pos: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let norm = |v: Option<&Value>, default: usize| -> PyResult<usize> {
        match v {
            None => Ok(default),
            Some(v) => {
                // `None` and other non-integers get the one message (`_PyEval_SliceIndexNotNone`).
                if v.is_none() || !crate::runtime::ops::has_index(v) {
                    return Err(PyErr::type_error("slice indices must be integers or have an __index__ method"));
                }
                let i = slice_index(vm, Some(v))?.unwrap_or(0);
                Ok(if i < 0 { (i.saturating_add(len as i64)).max(0) as usize } else { (i as u64).min(len as u64) as usize })
            }
        }
    };
    Ok((norm(pos.get(1), 0)?, norm(pos.get(2), len)?))
}

fn list_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "index")?;
    let pos = args.posonly("list.index", "index", 1, 3)?;
    let len = l.borrow().len();
    let (start, end) = index_bounds(vm, pos, len)?;
    match find_in(vm, l, &pos[0], start, end)? {
        Some(i) => Ok(Value::from(i)),
        None => Err(PyErr::value_error(format!("{} is not in list", repr::repr(vm, &pos[0])?))),
    }
}

fn list_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "count")?;
    let x = args.one("list.count")?;
    let mut n = 0usize;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(v) => v.clone(),
            None => break,
        };
        if ops::eq(vm, &item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::from(n))
}

/// `list.sort(*, key=None, reverse=False)`: stable merge sort using only `<`; the list is
/// empty while sorting, so a key or comparison that mutates it is detected as CPython does.
pub fn list_sort(vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "sort")?;
    let [key, reverse] = args.keywords("sort", ["key", "reverse"], 0, 0, 0)?;
    let key = key.filter(|k| !k.is_none()).cloned();
    let reverse = match reverse {
        Some(r) => index_arg(vm, r)? != 0,
        None => false,
    };
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let result = (|| -> PyResult<Vec<Value>> {
        let keys = match &key {
            Some(f) => {
                let mut ks = Vec::with_capacity(items.len());
                for it in &items {
                    ks.push(call::call(vm, f, Args::new(std::slice::from_ref(it)))?);
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
        let kind = KeyKind::of(&keys);
        merge_sort(&mut idx, &mut |a, b| {
            if err.is_some() {
                return false;
            }
            if let Some(r) = kind.less(&keys[b], &keys[a]) {
                return r;
            }
            match ops::compare_bool(vm, &keys[b], &keys[a], CmpOp::Lt) {
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
            let old = std::mem::replace(&mut *l.borrow_mut(), sorted);
            drop(old);
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            let old = std::mem::replace(&mut *l.borrow_mut(), std::mem::take(&mut items));
            drop(old);
            Err(e)
        }
    }
}

/// Stable merge sort of indices; `less_rev(a, b)` says whether the element at `b` sorts
/// strictly before the one at `a`.
/// What every sort key is, when that lets `<` be decided without the comparison protocol
/// (as CPython's `list.sort` checks its keys once before sorting): all small ints, all
/// floats, all exact `str`s, or all exact non-empty tuples (whose first items often
/// decide).
#[derive(Clone, Copy, PartialEq)]
enum KeyKind {
    Int,
    Float,
    Str,
    Tuple,
    General,
}

impl KeyKind {
    fn of(keys: &[Value]) -> KeyKind {
        let t = types();
        let kind_of = |v: &Value| match v {
            Value::Int(_) => KeyKind::Int,
            Value::Float(_) => KeyKind::Float,
            Value::Obj(o) if o.class().is(&t.str) => KeyKind::Str,
            Value::Obj(o) if o.class().is(&t.tuple) && crate::objects::tuple::items(v).is_some_and(|i| !i.is_empty()) => KeyKind::Tuple,
            _ => KeyKind::General,
        };
        let Some(first) = keys.first() else { return KeyKind::General };
        let k = kind_of(first);
        if k == KeyKind::General || keys[1..].iter().any(|v| kind_of(v) != k) {
            return KeyKind::General;
        }
        k
    }

    /// `a < b` when the kind decides it; `None`: ask the protocol.
    #[inline]
    fn less(self, a: &Value, b: &Value) -> Option<bool> {
        match (self, a, b) {
            (KeyKind::Int, Value::Int(x), Value::Int(y)) => Some(x < y),
            (KeyKind::Float, Value::Float(x), Value::Float(y)) => Some(x < y),
            (KeyKind::Str, _, _) => Some(a.as_str()?.as_str() < b.as_str()?.as_str()),
            (KeyKind::Tuple, _, _) => {
                // The first items decide when they differ and compare natively; equal
                // first items leave the rest to the protocol.
                let (x, y) = (crate::objects::tuple::items(a)?.first()?, crate::objects::tuple::items(b)?.first()?);
                let first = match (x, y) {
                    (Value::Int(p), Value::Int(q)) => p.cmp(q),
                    (Value::Obj(p), Value::Obj(q)) if p.class().is(&types().str) && q.class().is(&types().str) => {
                        x.as_str()?.as_str().cmp(y.as_str()?.as_str())
                    }
                    _ => return None,
                };
                match first {
                    std::cmp::Ordering::Equal => None,
                    o => Some(o == std::cmp::Ordering::Less),
                }
            }
            _ => None,
        }
    }
}

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
    let l = list_of(&args, "reverse")?;
    args.noargs("list.reverse")?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "copy")?;
    args.noargs("list.copy")?;
    let items = l.borrow().clone();
    Ok(Value::new_list(items))
}

fn list_clear(_vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "clear")?;
    args.noargs("list.clear")?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_reversed(_vm: &Vm, args: Args) -> PyResult<Value> {
    list_of(&args, "__reversed__")?;
    args.noargs("list.__reversed__")?;
    Ok(super::iterators::reversed_seq(args.args[0].clone(), crate::objects::list::cell(&args.args[0]).map_or(0, |c| c.borrow().len())))
}

fn list_sizeof(_vm: &Vm, args: Args) -> PyResult<Value> {
    let l = list_of(&args, "__sizeof__")?;
    args.noargs("list.__sizeof__")?;
    Ok(Value::from(40 + 8 * l.borrow().capacity()))
}

fn tuple_items(args: &Args, name: &str) -> PyResult<Vec<Value>> {
    match args.args.first() {
        Some(v) => crate::objects::tuple::items(v).map(|t| t.to_vec()).ok_or_else(|| {
            PyErr::type_error(format!("descriptor '{name}' for 'tuple' objects doesn't apply to a '{}' object", type_name(v)))
        }),
        None => Err(PyErr::type_error(format!("unbound method tuple.{name}() needs an argument"))),
    }
}

fn tuple_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let items = tuple_items(&args, "index")?;
    let pos = args.posonly("tuple.index", "index", 1, 3)?;
    let (start, end) = index_bounds(vm, pos, items.len())?;
    for (i, v) in items.iter().enumerate().take(end).skip(start) {
        if ops::eq(vm, v, &pos[0])? {
            return Ok(Value::from(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &Vm, args: Args) -> PyResult<Value> {
    let items = tuple_items(&args, "count")?;
    let x = args.one("tuple.count")?;
    let mut n = 0usize;
    for v in &items {
        if ops::eq(vm, v, x)? {
            n += 1;
        }
    }
    Ok(Value::from(n))
}

fn tuple_getnewargs(_vm: &Vm, args: Args) -> PyResult<Value> {
    let items = tuple_items(&args, "__getnewargs__")?;
    args.noargs("tuple.__getnewargs__")?;
    Ok(Value::new_tuple(vec![Value::new_tuple(items)]))
}
