//! The dunder methods of the builtin types (`list.__getitem__`, `int.__add__`,
//! `dict.__eq__`, ...), so that `super().__setitem__(k, v)` in a subclass, explicit
//! calls like `int.__add__(1, 2)` and `hasattr(x, "__len__")` work. Each wrapper runs the
//! builtin payload's behaviour directly (the `*_builtin` entry points of `runtime`),
//! never a subclass override, so an override calling its `super()` cannot recurse.
//! Binary operators return `NotImplemented` for operands they do not handle.

use crate::bytecode::{BinOp, CmpOp};
use crate::objects::function::add_methods;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, types, NativeFn, PyRef, Value};
use crate::runtime::{item, iter, ops, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

/// `self` and the single argument of a binary dunder.
fn two<'a>(args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    let this = args.args.first().ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' needs an argument")))?;
    let other = args.one(&format!("{}.{name}", type_name(this)))?;
    Ok((this, other))
}

/// The place of a builtin number in the tower int < float < complex (`None`: not one).
fn numeric_rank(v: &Value) -> Option<u8> {
    if crate::objects::int::is_int(v) {
        Some(1)
    } else if matches!(v, Value::Float(_)) || matches!(v.payload(), Some(crate::objects::Payload::Float(_))) {
        Some(2)
    } else if crate::objects::complex::parts(v).is_some() {
        Some(3)
    } else {
        None
    }
}

/// Whether a number's own operator method handles `other`: CPython's `int.__add__`
/// takes only ints, `float.__add__` ints and floats (`(7).__add__(0.5)` is
/// `NotImplemented`, leaving the work to `float.__radd__`). Other receivers decide
/// for themselves.
fn number_accepts(this: &Value, other: &Value) -> bool {
    match numeric_rank(this) {
        Some(r) => numeric_rank(other).is_some_and(|o| o <= r),
        None => true,
    }
}

fn binop(vm: &Vm, args: &Args, name: &str, op: BinOp, reflected: bool) -> PyResult<Value> {
    let (this, other) = two(args, name)?;
    if !number_accepts(this, other) {
        return Ok(Value::not_implemented());
    }
    let (a, b) = if reflected { (other, this) } else { (this, other) };
    if let Some(r) = ops::native_binop(a, b, op) {
        return r;
    }
    if let Some(r) = ops::builtin_binop_vm(vm, a, b, op) {
        return r;
    }
    Ok(Value::not_implemented())
}

fn cmp(vm: &Vm, args: &Args, name: &str, op: CmpOp) -> PyResult<Value> {
    let (a, b) = two(args, name)?;
    // `int` methods only compare with ints (`int.__eq__(1, 1.0)` is NotImplemented).
    if crate::objects::int::is_int(a) && !crate::objects::int::is_int(b) {
        return Ok(Value::not_implemented());
    }
    let r = match ops::native_compare(a, b, op) {
        Some(r) => Some(r),
        None => ops::seq_compare_vm(vm, a, b, op).or_else(|| ops::container_compare_vm(vm, a, b, op)),
    };
    match r {
        Some(r) => r.map(Value::Bool),
        None => Ok(Value::not_implemented()),
    }
}

macro_rules! binop_slots {
    ($($fwd:ident $rev:ident $op:ident $fname:literal $rname:literal;)*) => {
        $(
            fn $fwd(vm: &Vm, args: Args) -> PyResult<Value> {
                binop(vm, &args, $fname, BinOp::$op, false)
            }
            fn $rev(vm: &Vm, args: Args) -> PyResult<Value> {
                binop(vm, &args, $rname, BinOp::$op, true)
            }
        )*
    };
}

binop_slots! {
    slot_add slot_radd Add "__add__" "__radd__";
    slot_sub slot_rsub Subtract "__sub__" "__rsub__";
    slot_mul slot_rmul Multiply "__mul__" "__rmul__";
    slot_truediv slot_rtruediv TrueDivide "__truediv__" "__rtruediv__";
    slot_floordiv slot_rfloordiv FloorDivide "__floordiv__" "__rfloordiv__";
    slot_mod slot_rmod Remainder "__mod__" "__rmod__";
    slot_and slot_rand And "__and__" "__rand__";
    slot_or slot_ror Or "__or__" "__ror__";
    slot_xor slot_rxor Xor "__xor__" "__rxor__";
    slot_lshift slot_rlshift Lshift "__lshift__" "__rlshift__";
    slot_rshift slot_rrshift Rshift "__rshift__" "__rrshift__";
}

/// `__pow__(value, mod=None)` / `__rpow__(value, mod=None)`: with a modulus, CPython's
/// three-argument power of builtin numbers.
fn pow_slot(vm: &Vm, args: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let this = args.args.first().ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' needs an argument")))?;
    // The wrapper's own wording, without a function name (CPython's `wrapper_descriptor`).
    let pos = args.posonly(&format!("{}.{name}", type_name(this)), "", 1, 2)?;
    match pos.get(1).filter(|m| !m.is_none()) {
        None => binop(vm, &Args::new(&[this.clone(), pos[0].clone()]), name, BinOp::Power, reflected),
        Some(m) => {
            if !number_accepts(this, &pos[0]) || !number_accepts(this, m) {
                return Ok(Value::not_implemented());
            }
            let (base, exp) = if reflected { (&pos[0], this) } else { (this, &pos[0]) };
            ops::native_ternary_pow(base, exp, m).unwrap_or_else(|| Ok(Value::not_implemented()))
        }
    }
}

fn slot_pow(vm: &Vm, args: Args) -> PyResult<Value> {
    pow_slot(vm, &args, "__pow__", false)
}

fn slot_rpow(vm: &Vm, args: Args) -> PyResult<Value> {
    pow_slot(vm, &args, "__rpow__", true)
}

fn divmod_slot(args: &Args, name: &str, reflected: bool) -> PyResult<Value> {
    let (this, other) = two(args, name)?;
    if !number_accepts(this, other) {
        return Ok(Value::not_implemented());
    }
    let (a, b) = if reflected { (other, this) } else { (this, other) };
    ops::native_divmod(a, b).unwrap_or_else(|| Ok(Value::not_implemented()))
}

fn slot_divmod(_vm: &Vm, args: Args) -> PyResult<Value> {
    divmod_slot(&args, "__divmod__", false)
}

fn slot_rdivmod(_vm: &Vm, args: Args) -> PyResult<Value> {
    divmod_slot(&args, "__rdivmod__", true)
}

macro_rules! cmp_slots {
    ($($f:ident $op:ident $name:literal;)*) => {
        $(
            fn $f(vm: &Vm, args: Args) -> PyResult<Value> {
                cmp(vm, &args, $name, CmpOp::$op)
            }
        )*
    };
}

cmp_slots! {
    slot_eq Eq "__eq__";
    slot_ne Ne "__ne__";
    slot_lt Lt "__lt__";
    slot_le Le "__le__";
    slot_gt Gt "__gt__";
    slot_ge Ge "__ge__";
}

/// The receiver of a no-argument slot wrapper (`__len__`, `__str__`, ...), after
/// CPython's `wrapper_descriptor` argument checks. Shared with the other slot wrappers
/// written outside this file (`mappingproxy_methods.rs`).
pub(super) fn this<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    let v = args.args.first().ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' needs an argument")))?;
    // A slot wrapper's own wording (CPython's `wrapper_descriptor`).
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    if args.args.len() != 1 {
        return Err(PyErr::type_error(format!("expected 0 arguments, got {}", args.args.len() - 1)));
    }
    Ok(v)
}

fn unary(args: &Args, name: &str, op: &str) -> PyResult<Value> {
    let v = this(args, name)?;
    ops::unary_builtin(v, op).unwrap_or_else(|| Ok(Value::not_implemented()))
}

fn slot_neg(_vm: &Vm, args: Args) -> PyResult<Value> {
    unary(&args, "__neg__", "-")
}

fn slot_pos(_vm: &Vm, args: Args) -> PyResult<Value> {
    unary(&args, "__pos__", "+")
}

fn slot_invert(_vm: &Vm, args: Args) -> PyResult<Value> {
    unary(&args, "__invert__", "~")
}

fn slot_abs(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__abs__")?;
    if let Some((re, im)) = crate::objects::complex::parts(v) {
        let r = re.hypot(im);
        if r.is_infinite() && re.is_finite() && im.is_finite() {
            return Err(PyErr::overflow_error("absolute value too large"));
        }
        return Ok(Value::Float(r));
    }
    let neg = ops::compare_bool(vm, v, &Value::Int(0), CmpOp::Lt)?;
    ops::unary_builtin(v, if neg { "-" } else { "+" }).unwrap_or_else(|| Ok(Value::not_implemented()))
}

fn slot_bool(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__bool__")?;
    if let Some((re, im)) = crate::objects::complex::parts(v) {
        return Ok(Value::Bool(re != 0.0 || im != 0.0));
    }
    let zero = ops::native_compare(v, &Value::Int(0), CmpOp::Ne).unwrap_or(Ok(true))?;
    Ok(Value::Bool(zero))
}

fn slot_int(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__int__")?;
    match v {
        Value::Float(f) => crate::num::float_to_bigint(*f).map(crate::objects::int::normalize).map_err(PyErr::from_spec),
        _ => match crate::objects::int::as_bigint(v) {
            Some(b) => Ok(crate::objects::int::normalize(b)),
            None => super::object_methods::to_float(vm, v)
                .and_then(|f| crate::num::float_to_bigint(f).map(crate::objects::int::normalize).map_err(PyErr::from_spec)),
        },
    }
}

fn slot_index(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__index__")?;
    match crate::objects::int::as_bigint(v) {
        Some(b) => Ok(crate::objects::int::normalize(b)),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn slot_float(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__float__")?;
    match v {
        Value::Float(f) => Ok(Value::Float(*f)),
        _ => match v.payload() {
            Some(crate::objects::Payload::Float(f)) => Ok(Value::Float(*f)),
            _ => match crate::objects::int::as_bigint(v) {
                Some(b) => ops::int_to_f64(&b).map(Value::Float),
                None => Ok(Value::not_implemented()),
            },
        },
    }
}

fn slot_len(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__len__")?;
    match ops::len_builtin(v) {
        Some(n) => n.map(Value::from),
        None => Err(PyErr::type_error(format!("object of type '{}' has no len()", type_name(v)))),
    }
}

fn slot_iter(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__iter__")?;
    match iter::iter_builtin(vm, v) {
        Some(r) => r,
        None => Err(PyErr::type_error(format!("'{}' object is not iterable", type_name(v)))),
    }
}

/// `iterator.__next__()`: the next item, `StopIteration` at the end.
fn slot_next(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__next__")?;
    match iter::next_builtin(vm, v)? {
        Some(x) => Ok(x),
        None => Err(PyErr::stop_iteration(None)),
    }
}

fn slot_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__repr__")?;
    Ok(Value::new_str(repr::builtin_repr(vm, v)?))
}

fn slot_hash(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = this(&args, "__hash__")?;
    Ok(Value::Int(ops::hash_builtin(vm, v)?))
}

fn slot_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let (this, key) = two(&args, "__getitem__")?;
    item::getitem_builtin(vm, this, key)
}

fn slot_setitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().ok_or_else(|| PyErr::type_error("descriptor '__setitem__' needs an argument"))?;
    let pos = args.posonly(&format!("{}.__setitem__", type_name(this)), "__setitem__", 2, 2)?;
    item::setitem_builtin(vm, this, &pos[0], pos[1].clone())?;
    Ok(Value::None)
}

fn slot_delitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let (this, key) = two(&args, "__delitem__")?;
    item::delitem_builtin(vm, this, key)?;
    Ok(Value::None)
}

fn slot_contains(vm: &Vm, args: Args) -> PyResult<Value> {
    let (this, x) = two(&args, "__contains__")?;
    item::contains_builtin(vm, this, x).map(Value::Bool)
}

const CMP: &[(&str, NativeFn)] =
    &[("__eq__", slot_eq), ("__ne__", slot_ne), ("__lt__", slot_lt), ("__le__", slot_le), ("__gt__", slot_gt), ("__ge__", slot_ge)];

const ARITH: &[(&str, NativeFn)] = &[
    ("__add__", slot_add),
    ("__radd__", slot_radd),
    ("__sub__", slot_sub),
    ("__rsub__", slot_rsub),
    ("__mul__", slot_mul),
    ("__rmul__", slot_rmul),
    ("__truediv__", slot_truediv),
    ("__rtruediv__", slot_rtruediv),
    ("__pow__", slot_pow),
    ("__rpow__", slot_rpow),
    ("__neg__", slot_neg),
    ("__pos__", slot_pos),
    ("__abs__", slot_abs),
    ("__bool__", slot_bool),
    ("__hash__", slot_hash),
    ("__repr__", slot_repr),
];

const REAL: &[(&str, NativeFn)] = &[
    ("__divmod__", slot_divmod),
    ("__rdivmod__", slot_rdivmod),
    ("__format__", super::str_format::builtin_dunder_format),
    ("__floordiv__", slot_floordiv),
    ("__rfloordiv__", slot_rfloordiv),
    ("__mod__", slot_mod),
    ("__rmod__", slot_rmod),
    ("__int__", slot_int),
    ("__float__", slot_float),
];

const INTEGER: &[(&str, NativeFn)] = &[
    ("__and__", slot_and),
    ("__rand__", slot_rand),
    ("__or__", slot_or),
    ("__ror__", slot_ror),
    ("__xor__", slot_xor),
    ("__rxor__", slot_rxor),
    ("__lshift__", slot_lshift),
    ("__rlshift__", slot_rlshift),
    ("__rshift__", slot_rshift),
    ("__rrshift__", slot_rrshift),
    ("__invert__", slot_invert),
    ("__index__", slot_index),
];

const SETOPS: &[(&str, NativeFn)] = &[
    ("__and__", slot_and),
    ("__rand__", slot_rand),
    ("__or__", slot_or),
    ("__ror__", slot_ror),
    ("__xor__", slot_xor),
    ("__rxor__", slot_rxor),
    ("__sub__", slot_sub),
    ("__rsub__", slot_rsub),
];

const CONTAINER: &[(&str, NativeFn)] =
    &[("__len__", slot_len), ("__iter__", slot_iter), ("__contains__", slot_contains), ("__repr__", slot_repr)];

const SEQUENCE: &[(&str, NativeFn)] =
    &[("__getitem__", slot_getitem), ("__add__", slot_add), ("__mul__", slot_mul), ("__rmul__", slot_rmul)];

const MUTABLE: &[(&str, NativeFn)] = &[("__setitem__", slot_setitem), ("__delitem__", slot_delitem)];

/// Set `__hash__ = None` (instances are unhashable).
fn unhashable(cls: &PyRef) {
    let ns = cls.dict.borrow().clone();
    if let Some(ns) = ns {
        dict::set_str(&ns, "__hash__", Value::None);
    }
}

/// Register the dunders. Runs before the per-type method tables, which may override
/// entries (e.g. `list.__iadd__`, `str.__mod__`).
pub fn init() {
    let t = types();
    let reg = |cls: &PyRef, owner: &'static str, tables: &[&[(&'static str, NativeFn)]]| {
        for table in tables {
            add_methods(cls, owner, table);
        }
    };
    reg(&t.int, "int", &[CMP, ARITH, REAL, INTEGER]);
    reg(
        &t.bool,
        "bool",
        &[&[
            ("__and__", slot_and),
            ("__rand__", slot_rand),
            ("__or__", slot_or),
            ("__ror__", slot_ror),
            ("__xor__", slot_xor),
            ("__rxor__", slot_rxor),
            ("__repr__", slot_repr),
        ]],
    );
    reg(&t.float, "float", &[CMP, ARITH, REAL]);
    reg(&t.complex, "complex", &[CMP, ARITH, &[("__format__", super::str_format::builtin_dunder_format)]]);
    for (cls, name) in [(&t.str, "str"), (&t.bytes, "bytes"), (&t.tuple, "tuple"), (&t.list, "list"), (&t.bytearray, "bytearray")] {
        reg(cls, name, &[CMP, CONTAINER, SEQUENCE, &[("__hash__", slot_hash)]]);
    }
    reg(&t.str, "str", &[&[("__mod__", slot_mod), ("__format__", super::str_format::builtin_dunder_format)]]);
    reg(&t.bytes, "bytes", &[&[("__mod__", slot_mod)]]);
    reg(&t.list, "list", &[MUTABLE]);
    reg(&t.bytearray, "bytearray", &[MUTABLE]);
    reg(&t.dict, "dict", &[CMP, CONTAINER, MUTABLE, &[("__getitem__", slot_getitem), ("__or__", slot_or), ("__ror__", slot_ror)]]);
    reg(&t.set, "set", &[CMP, CONTAINER, SETOPS]);
    reg(&t.frozenset, "frozenset", &[CMP, CONTAINER, SETOPS, &[("__hash__", slot_hash)]]);
    reg(&t.range, "range", &[CMP, CONTAINER, &[("__getitem__", slot_getitem), ("__hash__", slot_hash)]]);
    for (cls, name) in [(&t.dict_keys, "dict_keys"), (&t.dict_items, "dict_items")] {
        reg(cls, name, &[CMP, CONTAINER, SETOPS]);
    }
    // `in` on values scans them (no `__contains__` of its own, as in CPython).
    reg(&t.dict_values, "dict_values", &[&[("__len__", slot_len), ("__iter__", slot_iter), ("__repr__", slot_repr)]]);
    let iterator: &[(&str, NativeFn)] = &[("__iter__", slot_iter), ("__next__", slot_next)];
    let [rk, rv, ri] = &t.dict_reverseiterators;
    let [li, ti, sai, si, bi, bai] = &t.seq_iterators;
    for (cls, name) in [
        (&t.seq_iterator, "iterator"),
        (&t.range_iterator, "range_iterator"),
        (&t.dict_keyiterator, "dict_keyiterator"),
        (&t.dict_valueiterator, "dict_valueiterator"),
        (&t.dict_itemiterator, "dict_itemiterator"),
        (&t.set_iterator, "set_iterator"),
        (&t.native_iterator, "iterator"),
        (&t.enumerate, "enumerate"),
        (&t.zip, "zip"),
        (&t.map, "map"),
        (&t.filter, "filter"),
        (&t.reversed, "reversed"),
        (&t.callable_iterator, "callable_iterator"),
        (&t.list_reverseiterator, "list_reverseiterator"),
        (rk, "dict_reversekeyiterator"),
        (rv, "dict_reversevalueiterator"),
        (ri, "dict_reverseitemiterator"),
        (li, "list_iterator"),
        (ti, "tuple_iterator"),
        (sai, "str_ascii_iterator"),
        (si, "str_iterator"),
        (bi, "bytes_iterator"),
        (bai, "bytearray_iterator"),
    ] {
        reg(cls, name, &[iterator]);
    }
    // `__len__` and `__str__` need the mapping's own: `mappingproxy_methods`.
    let proxy_ops: &[(&str, NativeFn)] = &[
        ("__getitem__", slot_getitem),
        ("__iter__", slot_iter),
        ("__contains__", slot_contains),
        ("__repr__", slot_repr),
        ("__or__", slot_or),
        ("__ror__", slot_ror),
    ];
    reg(&t.mappingproxy, "mappingproxy", &[CMP, proxy_ops]);
    for cls in [&t.list, &t.dict, &t.set, &t.bytearray, &t.dict_keys, &t.dict_items, &t.mappingproxy] {
        unhashable(cls);
    }
}
