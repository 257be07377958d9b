//! The `memoryview` type (one-dimensional, format `'B'`, over `bytes`/`bytearray`):
//! construction, indexing and slicing (a slice is a new view), item and slice
//! assignment through a writable view, comparison, hashing, `tobytes`/`tolist`/`hex`,
//! `release` and the context manager, and the shape attributes. The view state is
//! `objects::memoryview::MemView`.

use std::cell::Cell;

use crate::objects::function::{add_methods, add_properties};
use crate::objects::memoryview::{view, MemView};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{bytes, Payload, PyRef, Value};
use crate::runtime::gil;
use crate::runtime::{item, ops, Args, PyErr, PyResult};
use crate::vm::Vm;

static TYPE: once_cell::sync::OnceCell<gil::GilShared<PyRef>> = once_cell::sync::OnceCell::new();

/// The `memoryview` type object.
pub fn memoryview_type() -> &'static PyRef {
    TYPE.get_or_init(|| gil::GilShared::new(make_type())).get()
}

fn make_type() -> PyRef {
    let cls = typeobj::native_class("builtins", "memoryview", None, None);
    add_methods(
        &cls,
        "memoryview",
        &[
            ("__new__", mv_new),
            ("__len__", mv_len),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("__delitem__", mv_delitem),
            ("__eq__", mv_eq),
            ("__ne__", mv_ne),
            ("__hash__", mv_hash),
            ("__repr__", mv_repr),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
            ("toreadonly", mv_toreadonly),
            ("cast", mv_cast),
        ],
    );
    add_properties(
        &cls,
        &[
            ("obj", mv_obj, None),
            ("nbytes", mv_nbytes, None),
            ("readonly", mv_readonly, None),
            ("itemsize", mv_itemsize, None),
            ("format", mv_format, None),
            ("ndim", mv_ndim, None),
            ("shape", mv_shape, None),
            ("strides", mv_strides, None),
            ("suboffsets", mv_suboffsets, None),
            ("c_contiguous", mv_contiguous, None),
            ("f_contiguous", mv_contiguous, None),
            ("contiguous", mv_contiguous, None),
        ],
    );
    cls
}

fn new_view(m: MemView) -> Value {
    Value::Obj(PyRef::new(memoryview_type(), Payload::Native(Box::new(m))))
}

/// The receiver, which must be a view that has not been released.
fn live<'a>(args: &Args<'a>) -> PyResult<&'a MemView> {
    let m = this(args)?;
    if m.released.get() {
        return Err(PyErr::value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a MemView> {
    args.args.first().and_then(view).ok_or_else(|| PyErr::type_error("descriptor requires a 'memoryview' object"))
}

/// `memoryview(object)`.
fn mv_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.keywords("memoryview", ["object"], 0, 1, 1)?;
    let obj = obj.unwrap_or(&Value::None);
    if let Some(m) = view(obj) {
        if m.released.get() {
            return Err(PyErr::value_error("operation forbidden on released memoryview object"));
        }
        let copy =
            MemView { obj: m.obj.clone(), start: m.start, step: m.step, len: m.len, readonly: m.readonly, released: Cell::new(false) };
        return Ok(new_view(copy));
    }
    MemView::of(obj)
        .map(new_view)
        .ok_or_else(|| PyErr::type_error(format!("memoryview: a bytes-like object is required, not '{}'", type_name(obj))))
}

fn mv_len(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::from(live(&args)?.len))
}

/// The position in `obj` of item `key` (an integer) of the view.
fn position(vm: &Vm, m: &MemView, key: &Value) -> PyResult<usize> {
    if !ops::has_index(key) {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    }
    let i = crate::runtime::argparse::index_arg(vm, key)?;
    let j = if i < 0 { i + m.len as i64 } else { i };
    if j < 0 || j >= m.len as i64 {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    Ok((m.start + j as isize * m.step) as usize)
}

/// The view of `m` that `slice` selects.
fn sub_view(m: &MemView, slice: &Value) -> PyResult<Option<MemView>> {
    let Some(Payload::Slice { start, stop, step }) = slice.payload() else { return Ok(None) };
    let (a, b, c) = item::slice_indices(start, stop, step, m.len)?;
    let len = item::slice_positions(a, b, c).count();
    let start = m.start + a * m.step;
    Ok(Some(MemView { obj: m.obj.clone(), start, step: m.step * c, len, readonly: m.readonly, released: Cell::new(false) }))
}

fn byte_at(m: &MemView, pos: usize) -> Option<u8> {
    match m.obj.payload()? {
        Payload::Bytes(b) => b.get(pos).copied(),
        Payload::ByteArray(b) => b.borrow().get(pos).copied(),
        _ => None,
    }
}

fn mv_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    let key = args.one("memoryview.__getitem__")?;
    if let Some(sub) = sub_view(m, key)? {
        return Ok(new_view(sub));
    }
    let pos = position(vm, m, key)?;
    byte_at(m, pos).map(|b| Value::Int(b as i64)).ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"))
}

fn mv_setitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    let pos = args.posonly("memoryview.__setitem__", "__setitem__", 2, 2)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(Payload::ByteArray(cell)) = m.obj.payload() else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    if let Some(sub) = sub_view(m, &pos[0])? {
        let src = bytes::data(&pos[1])
            .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(&pos[1]))))?;
        if src.len() != sub.len {
            return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let mut dst = cell.borrow_mut();
        for (p, b) in sub.positions().zip(src.iter()) {
            if let Some(slot) = dst.get_mut(p) {
                *slot = *b;
            }
        }
        return Ok(Value::None);
    }
    let p = position(vm, m, &pos[0])?;
    if !ops::has_index(&pos[1]) {
        return Err(PyErr::type_error("memoryview: invalid type for format 'B'"));
    }
    let v = crate::runtime::argparse::index_bigint(vm, &pos[1])?;
    let b = num_traits::ToPrimitive::to_u8(&v).ok_or_else(|| PyErr::value_error("memoryview: invalid value for format 'B'"))?;
    if let Some(slot) = cell.borrow_mut().get_mut(p) {
        *slot = b;
    }
    Ok(Value::None)
}

fn mv_delitem(_vm: &Vm, args: Args) -> PyResult<Value> {
    live(&args)?;
    Err(PyErr::type_error("cannot delete memory"))
}

/// `view == other`: equal to a bytes-like value or view with the same bytes.
fn equal(args: &Args, name: &str) -> PyResult<Option<bool>> {
    let m = this(args)?;
    let other = args.one(&format!("memoryview.{name}"))?;
    if m.released.get() || view(other).is_some_and(|o| o.released.get()) {
        // Released views compare equal only to themselves.
        return Ok(Some(args.args[0].is(other)));
    }
    Ok(bytes::data(other).map(|o| *o == m.bytes()[..]))
}

fn mv_eq(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(equal(&args, "__eq__")?.map(Value::Bool).unwrap_or_else(Value::not_implemented))
}

fn mv_ne(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(equal(&args, "__ne__")?.map(|e| Value::Bool(!e)).unwrap_or_else(Value::not_implemented))
}

fn mv_hash(_vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    Ok(Value::Int(crate::objects::str::hash_bytes(&m.bytes())))
}

fn mv_repr(_vm: &Vm, args: Args) -> PyResult<Value> {
    let m = this(&args)?;
    let what = if m.released.get() { "released memory" } else { "memory" };
    Ok(Value::new_str(format!("<{what} at {:#x}>", args.args[0].id())))
}

fn mv_enter(_vm: &Vm, args: Args) -> PyResult<Value> {
    live(&args)?;
    Ok(args.args[0].clone())
}

fn mv_exit(_vm: &Vm, args: Args) -> PyResult<Value> {
    this(&args)?.released.set(true);
    Ok(Value::None)
}

fn mv_tobytes(_vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    let [_order] = args.keywords("tobytes", ["order"], 0, 1, 0)?;
    Ok(bytes::new_bytes(m.bytes()))
}

fn mv_tolist(_vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    args.noargs("memoryview.tolist")?;
    Ok(Value::new_list(m.bytes().into_iter().map(|b| Value::Int(b as i64)).collect()))
}

/// `view.hex(sep, bytes_per_sep)`: as `bytes.hex` over the viewed bytes.
fn mv_hex(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    let mut full = vec![bytes::new_bytes(m.bytes())];
    full.extend_from_slice(&args.args[1..]);
    super::bytes_methods::b_hex(vm, Args { args: &full, kwnames: args.kwnames })
}

fn mv_release(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.noargs("memoryview.release")?;
    this(&args)?.released.set(true);
    Ok(Value::None)
}

fn mv_toreadonly(_vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    args.noargs("memoryview.toreadonly")?;
    Ok(new_view(MemView { obj: m.obj.clone(), start: m.start, step: m.step, len: m.len, readonly: true, released: Cell::new(false) }))
}

/// `view.cast(format)`: only the byte format `'B'` (what this view holds) is supported.
fn mv_cast(_vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    let [format, _shape] = args.keywords("cast", ["format", "shape"], 0, 2, 1)?;
    match format.and_then(|f| f.as_str()).map(|f| f.as_str().to_string()) {
        Some(f) if f == "B" => {
            let copy =
                MemView { obj: m.obj.clone(), start: m.start, step: m.step, len: m.len, readonly: m.readonly, released: Cell::new(false) };
            Ok(new_view(copy))
        }
        Some(f) => Err(PyErr::new("NotImplementedError", format!("memoryview.cast to format '{f}' is not supported by gild yet"))),
        None => Err(PyErr::type_error("memoryview: format argument must be a string")),
    }
}

fn mv_obj(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(live(&args)?.obj.clone())
}

fn mv_nbytes(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::from(live(&args)?.len))
}

fn mv_readonly(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(live(&args)?.readonly))
}

fn mv_itemsize(_vm: &Vm, args: Args) -> PyResult<Value> {
    live(&args)?;
    Ok(Value::Int(1))
}

fn mv_format(_vm: &Vm, args: Args) -> PyResult<Value> {
    live(&args)?;
    Ok(Value::new_str("B"))
}

fn mv_ndim(_vm: &Vm, args: Args) -> PyResult<Value> {
    live(&args)?;
    Ok(Value::Int(1))
}

fn mv_shape(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_tuple(vec![Value::from(live(&args)?.len)]))
}

fn mv_strides(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_tuple(vec![Value::Int(live(&args)?.step as i64)]))
}

fn mv_suboffsets(_vm: &Vm, args: Args) -> PyResult<Value> {
    live(&args)?;
    Ok(Value::new_tuple(vec![]))
}

fn mv_contiguous(_vm: &Vm, args: Args) -> PyResult<Value> {
    let m = live(&args)?;
    Ok(Value::Bool(m.step == 1 || m.len <= 1))
}
