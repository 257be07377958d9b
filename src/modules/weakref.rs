//! The `_weakref` module: `ref` (`weakref.ReferenceType`, subclassable), `proxy` with
//! `ProxyType`/`CallableProxyType` (operations forwarded to the referent — arithmetic, in-place
//! operators, `__index__`/`__int__`/`__float__`, comparisons, items — `ReferenceError`
//! once it died), `getweakrefcount`, `getweakrefs`, `_remove_dead_weakref`. The storage and
//! clearing of weak references is `objects::weakref`; `weakref.py` builds on this module.

use crate::bytecode::{BinOp, CmpOp};
use crate::objects::function::{add_methods, native};
use crate::objects::typeobj::{self, type_name};
use crate::objects::weakref::{self as wr, WeakKind};
use crate::objects::{dict, module, types, NativeFn, Payload, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{attr, call, item, iter, ops, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

struct WeakTypes {
    reference: PyRef,
    proxy: PyRef,
    callable_proxy: PyRef,
}

static TYPES: once_cell::sync::OnceCell<GilShared<WeakTypes>> = once_cell::sync::OnceCell::new();

fn weak_types() -> &'static WeakTypes {
    TYPES.get_or_init(|| GilShared::new(make_types())).get()
}

/// `weakref.ReferenceType` (created on first use).
pub fn reference_type() -> PyRef {
    weak_types().reference.clone()
}

fn new_type(name: &str) -> PyRef {
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str("weakref"));
    dict::set_str(&ns, "__qualname__", Value::new_str(name));
    // No instance `__dict__` (subclasses get one) and no `__weakref__`.
    dict::set_str(&ns, "__slots__", Value::new_tuple(vec![]));
    let cls = typeobj::new_class(&t.type_, name, vec![t.object.clone()], &ns).unwrap_or_else(|_| t.object.clone());
    cls.make_immortal();
    cls
}

macro_rules! forward_binops {
    ($($f:ident, $rf:ident => $name:literal, $rname:literal, $op:ident;)*) => {
        $(
            fn $f(vm: &Vm, args: Args) -> PyResult<Value> {
                let (a, b) = two(&args)?;
                ops::binary_op(vm, &a, &b, BinOp::$op)
            }
            fn $rf(vm: &Vm, args: Args) -> PyResult<Value> {
                let (a, b) = two(&args)?;
                ops::binary_op(vm, &b, &a, BinOp::$op)
            }
        )*
        const PROXY_BINOPS: &[(&str, NativeFn)] = &[$(($name, $f), ($rname, $rf)),*];
    };
}

forward_binops! {
    p_add, p_radd => "__add__", "__radd__", Add;
    p_sub, p_rsub => "__sub__", "__rsub__", Subtract;
    p_mul, p_rmul => "__mul__", "__rmul__", Multiply;
    p_truediv, p_rtruediv => "__truediv__", "__rtruediv__", TrueDivide;
    p_floordiv, p_rfloordiv => "__floordiv__", "__rfloordiv__", FloorDivide;
    p_mod, p_rmod => "__mod__", "__rmod__", Remainder;
    p_pow, p_rpow => "__pow__", "__rpow__", Power;
    p_lshift, p_rlshift => "__lshift__", "__rlshift__", Lshift;
    p_rshift, p_rrshift => "__rshift__", "__rrshift__", Rshift;
    p_and, p_rand => "__and__", "__rand__", And;
    p_or, p_ror => "__or__", "__ror__", Or;
    p_xor, p_rxor => "__xor__", "__rxor__", Xor;
    p_matmul, p_rmatmul => "__matmul__", "__rmatmul__", MatrixMultiply;
}

/// Operations of two operands applied to the unwrapped operands with `$apply` (one of the
/// `ops` functions taking an operator of type `$kind`), and their name table.
macro_rules! forward_two {
    ($table:ident, $apply:path, $kind:ident; $($f:ident => $name:literal, $op:ident;)*) => {
        $(
            fn $f(vm: &Vm, args: Args) -> PyResult<Value> {
                let (a, b) = two(&args)?;
                $apply(vm, &a, &b, $kind::$op)
            }
        )*
        const $table: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

// The in-place operators: applied to the referent, whose result (often the referent
// itself) replaces the proxy in the assigned name, as in CPython.
forward_two! { PROXY_INPLACE, ops::binary_op, BinOp;
    p_iadd => "__iadd__", InplaceAdd;
    p_isub => "__isub__", InplaceSubtract;
    p_imul => "__imul__", InplaceMultiply;
    p_itruediv => "__itruediv__", InplaceTrueDivide;
    p_ifloordiv => "__ifloordiv__", InplaceFloorDivide;
    p_imod => "__imod__", InplaceRemainder;
    p_ipow => "__ipow__", InplacePower;
    p_ilshift => "__ilshift__", InplaceLshift;
    p_irshift => "__irshift__", InplaceRshift;
    p_iand => "__iand__", InplaceAnd;
    p_ior => "__ior__", InplaceOr;
    p_ixor => "__ixor__", InplaceXor;
    p_imatmul => "__imatmul__", InplaceMatrixMultiply;
}

forward_two! { PROXY_CMPS, ops::compare, CmpOp;
    p_lt => "__lt__", Lt;
    p_le => "__le__", Le;
    p_eq => "__eq__", Eq;
    p_ne => "__ne__", Ne;
    p_gt => "__gt__", Gt;
    p_ge => "__ge__", Ge;
}

fn make_types() -> WeakTypes {
    let reference = new_type("ReferenceType");
    add_methods(
        &reference,
        "weakref.ReferenceType",
        &[
            ("__new__", ref_new),
            ("__init__", ref_init),
            ("__call__", ref_call),
            ("__hash__", ref_hash),
            ("__eq__", ref_eq),
            ("__ne__", ref_ne),
            ("__repr__", ref_repr),
            ("__class_getitem__", ref_class_getitem),
        ],
    );
    if let Some(ns) = reference.dict.borrow().as_ref() {
        let getter = crate::objects::function::native_accessor("__callback__", ref_callback, 1);
        let prop = PyRef::new(
            &types().property,
            Payload::Property(Box::new(crate::objects::PropertyData {
                fget: getter,
                fset: Value::None,
                fdel: Value::None,
                doc: Value::None,
                name: std::cell::RefCell::new(Value::new_str("__callback__")),
            })),
        );
        dict::set_str(ns, "__callback__", Value::Obj(prop));
    }
    let proxy = new_type("ProxyType");
    let callable_proxy = new_type("CallableProxyType");
    let common: &[(&str, NativeFn)] = &[
        ("__getattribute__", p_getattr),
        ("__getattr__", p_getattr),
        ("__setattr__", p_setattr),
        ("__delattr__", p_delattr),
        ("__repr__", p_repr),
        ("__str__", p_str),
        ("__bool__", p_bool),
        ("__len__", p_len),
        ("__iter__", p_iter),
        ("__next__", p_next),
        ("__getitem__", p_getitem),
        ("__setitem__", p_setitem),
        ("__delitem__", p_delitem),
        ("__contains__", p_contains),
        ("__hash__", p_hash),
        ("__neg__", p_neg),
        ("__pos__", p_pos),
        ("__invert__", p_invert),
        ("__abs__", p_abs),
        ("__index__", p_index),
        ("__int__", p_int),
        ("__float__", p_float),
        ("__bytes__", p_bytes),
        ("__reversed__", p_reversed),
    ];
    for cls in [&proxy, &callable_proxy] {
        add_methods(cls, "weakproxy", common);
        add_methods(cls, "weakproxy", PROXY_BINOPS);
        add_methods(cls, "weakproxy", PROXY_CMPS);
        add_methods(cls, "weakproxy", PROXY_INPLACE);
    }
    add_methods(&callable_proxy, "weakcallableproxy", &[("__call__", p_call)]);
    WeakTypes { reference, proxy, callable_proxy }
}

/// The `_weakref` module.
pub fn create(name: &str) -> PyRef {
    let md = module::new_module(name);
    let Some(d) = module::globals(&md) else { return md };
    let wt = weak_types();
    dict::set_str(&d, "ref", Value::Obj(wt.reference.clone()));
    dict::set_str(&d, "ReferenceType", Value::Obj(wt.reference.clone()));
    dict::set_str(&d, "ProxyType", Value::Obj(wt.proxy.clone()));
    dict::set_str(&d, "CallableProxyType", Value::Obj(wt.callable_proxy.clone()));
    for (n, f) in [
        ("proxy", weakref_proxy as NativeFn),
        ("getweakrefcount", weakref_getweakrefcount),
        ("getweakrefs", weakref_getweakrefs),
        ("_remove_dead_weakref", weakref_remove_dead),
    ] {
        dict::set_str(&d, n, native(n, f));
    }
    md
}

fn cannot_weakref(v: &Value) -> PyErr {
    PyErr::type_error(format!("cannot create weak reference to '{}' object", full_type_name(v)))
}

/// The type name as CPython's `tp_name` shows it (`weakref.ReferenceType` for our types).
fn full_type_name(v: &Value) -> String {
    let cls = v.class();
    let wt = weak_types();
    if cls.is(&wt.reference) || cls.is(&wt.proxy) || cls.is(&wt.callable_proxy) {
        return format!("weakref.{}", typeobj::name_of(cls));
    }
    type_name(v).to_string()
}

/// The referent as a weakly referenceable object, or CPython's `TypeError`.
fn target_of(v: &Value) -> PyResult<PyRef> {
    match v.as_obj() {
        Some(o) if wr::accepts_weakrefs(o) => Ok(o.clone()),
        _ => Err(cannot_weakref(v)),
    }
}

/// `ReferenceType.__new__(cls, ob, callback=None)`.
fn ref_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first() else {
        return Err(PyErr::type_error("ReferenceType.__new__(): not enough arguments"));
    };
    if args.has_kwargs() {
        return Err(PyErr::type_error("ref() takes no keyword arguments"));
    }
    let pos = &args.pos()[1..];
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error(format!("__new__ expected at most 2 arguments, got {}", pos.len())).or_min(pos.len()));
    }
    let target = target_of(&pos[0])?;
    let callback = pos.get(1).cloned().unwrap_or(Value::None);
    let exact = cls.is(&weak_types().reference);
    let basic = exact && callback.is_none();
    if basic {
        if let Some(existing) = wr::find_basic(&target, WeakKind::Ref) {
            return Ok(Value::Obj(existing));
        }
    }
    Ok(Value::Obj(wr::new_weakref(cls, &target, callback, WeakKind::Ref, basic, !exact)))
}

trait OrMin {
    fn or_min(self, n: usize) -> PyErr;
}

impl OrMin for PyErr {
    /// CPython's `PyArg_UnpackTuple` wording for too few arguments.
    fn or_min(self, n: usize) -> PyErr {
        if n == 0 {
            PyErr::type_error("__new__ expected at least 1 argument, got 0")
        } else {
            self
        }
    }
}

fn ref_init(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn self_data<'a>(args: &'a Args) -> PyResult<&'a wr::WeakRefData> {
    args.args
        .first()
        .and_then(|v| v.as_obj())
        .and_then(wr::data)
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'weakref.ReferenceType' object"))
}

/// `r()`: the referent, or `None` once it died.
fn ref_call(_vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_data(&args)?;
    if args.args.len() > 1 || args.has_kwargs() {
        return Err(PyErr::type_error(format!("weakref() takes exactly 0 arguments ({} given)", args.args.len() - 1)));
    }
    Ok(d.get().map(Value::Obj).unwrap_or(Value::None))
}

fn ref_callback(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(self_data(&args)?.callback.borrow().clone())
}

fn ref_hash(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_data(&args)?;
    if let Some(h) = d.hash.get() {
        return Ok(Value::Int(h));
    }
    let Some(t) = d.get() else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let h = ops::hash(vm, &Value::Obj(t))?;
    d.hash.set(Some(h));
    Ok(Value::Int(h))
}

/// Two weak references are equal when both referents live and are equal, or when they
/// are the same reference.
fn ref_eq_impl(vm: &Vm, args: &Args) -> PyResult<Option<bool>> {
    let d = self_data(args)?;
    let Some(other) = args.args.get(1) else {
        return Err(PyErr::type_error("expected 1 argument"));
    };
    let Some(od) = other.as_obj().and_then(wr::data) else {
        return Ok(None);
    };
    match (d.get(), od.get()) {
        (Some(a), Some(b)) => ops::compare_bool(vm, &Value::Obj(a), &Value::Obj(b), CmpOp::Eq).map(Some),
        _ => Ok(Some(args.args[0].is(other))),
    }
}

fn ref_eq(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(ref_eq_impl(vm, &args)?.map(Value::Bool).unwrap_or_else(Value::not_implemented))
}

fn ref_ne(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(ref_eq_impl(vm, &args)?.map(|b| Value::Bool(!b)).unwrap_or_else(Value::not_implemented))
}

/// `<weakref at 0x...; to 'C' at 0x...>`, `<weakref at 0x...; dead>`.
fn ref_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let d = self_data(&args)?;
    let me = args.args[0].id();
    Ok(Value::new_str(match d.get() {
        None => format!("<weakref at {me:#x}; dead>"),
        Some(t) => {
            let tv = Value::Obj(t);
            let name = attr::getattr_opt(vm, &tv, "__name__")?.and_then(|n| n.as_str().map(|s| s.as_str().to_string()));
            match name {
                Some(n) => format!("<weakref at {me:#x}; to '{}' at {:#x} ({n})>", full_type_name(&tv), tv.id()),
                None => format!("<weakref at {me:#x}; to '{}' at {:#x}>", full_type_name(&tv), tv.id()),
            }
        }
    }))
}

fn ref_class_getitem(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(args.args.first().cloned().unwrap_or(Value::None))
}

/// `proxy(object, callback=None)`.
fn weakref_proxy(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("proxy")?;
    args.check_count("proxy", 1, 2)?;
    let target = target_of(&args.args[0])?;
    let callback = args.args.get(1).cloned().unwrap_or(Value::None);
    let callable = super::builtins::is_callable(&args.args[0]);
    let (kind, cls) =
        if callable { (WeakKind::CallableProxy, &weak_types().callable_proxy) } else { (WeakKind::Proxy, &weak_types().proxy) };
    let basic = callback.is_none();
    if basic {
        if let Some(existing) = wr::find_basic(&target, kind) {
            return Ok(Value::Obj(existing));
        }
    }
    Ok(Value::Obj(wr::new_weakref(cls, &target, callback, kind, basic, false)))
}

fn weakref_getweakrefcount(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("getweakrefcount", 1, 1)?;
    Ok(Value::from(args.args[0].as_obj().map(|o| wr::refs_to(o).len()).unwrap_or(0)))
}

fn weakref_getweakrefs(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("getweakrefs", 1, 1)?;
    let refs = args.args[0].as_obj().map(wr::refs_to).unwrap_or_default();
    Ok(Value::new_list(refs.into_iter().map(Value::Obj).collect()))
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead weak reference.
fn weakref_remove_dead(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("_remove_dead_weakref", 2, 2)?;
    let d = &args.args[0];
    let Some(table) = d.as_obj().and_then(crate::runtime::mapping::table) else {
        return Err(PyErr::type_error(format!("_remove_dead_weakref() argument 1 must be dict, not {}", type_name(d))));
    };
    if let Some(v) = crate::runtime::mapping::get(vm, table, &args.args[1])? {
        if v.as_obj().and_then(wr::data).is_some_and(|w| !w.is_alive()) {
            crate::runtime::mapping::remove(vm, table, &args.args[1])?;
        }
    }
    Ok(Value::None)
}

// ---- proxies ----

fn dead_proxy() -> PyErr {
    PyErr::new("ReferenceError", "weakly-referenced object no longer exists")
}

/// The referent of a proxy value (other values unchanged); dead proxies raise.
fn unwrap(v: &Value) -> PyResult<Value> {
    match v.as_obj().and_then(wr::data) {
        Some(d) if d.kind != WeakKind::Ref => d.get().map(Value::Obj).ok_or_else(dead_proxy),
        _ => Ok(v.clone()),
    }
}

fn one(args: &Args) -> PyResult<Value> {
    unwrap(args.args.first().ok_or_else(|| PyErr::type_error("expected a proxy"))?)
}

fn two(args: &Args) -> PyResult<(Value, Value)> {
    if args.args.len() < 2 {
        return Err(PyErr::type_error("expected 1 argument"));
    }
    Ok((unwrap(&args.args[0])?, unwrap(&args.args[1])?))
}

fn name_arg(args: &Args) -> PyResult<String> {
    args.args
        .get(1)
        .and_then(|n| n.as_str().map(|s| s.as_str().to_string()))
        .ok_or_else(|| PyErr::type_error("attribute name must be string"))
}

fn p_getattr(vm: &Vm, args: Args) -> PyResult<Value> {
    let t = one(&args)?;
    attr::getattr(vm, &t, &name_arg(&args)?)
}

fn p_setattr(vm: &Vm, args: Args) -> PyResult<Value> {
    let t = one(&args)?;
    let v = args.args.get(2).cloned().ok_or_else(|| PyErr::type_error("expected 2 arguments"))?;
    attr::setattr(vm, &t, &name_arg(&args)?, v)?;
    Ok(Value::None)
}

fn p_delattr(vm: &Vm, args: Args) -> PyResult<Value> {
    let t = one(&args)?;
    attr::delattr(vm, &t, &name_arg(&args)?)?;
    Ok(Value::None)
}

fn p_repr(_vm: &Vm, args: Args) -> PyResult<Value> {
    let me = args.args.first().map(|v| v.id()).unwrap_or(0);
    let kind = if args.args.first().and_then(|v| v.as_obj()).and_then(wr::data).is_some_and(|d| d.kind == WeakKind::CallableProxy) {
        "weakcallableproxy"
    } else {
        "weakproxy"
    };
    Ok(Value::new_str(match args.args.first().and_then(|v| v.as_obj()).and_then(wr::data).and_then(|d| d.get()) {
        Some(t) => {
            let tv = Value::Obj(t);
            format!("<{kind} at {me:#x}; to '{}' at {:#x}>", full_type_name(&tv), tv.id())
        }
        None => format!("<{kind} at {me:#x}; dead>"),
    }))
}

fn p_str(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_str(repr::str(vm, &one(&args)?)?))
}

fn p_bool(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(ops::truthy(vm, &one(&args)?)?))
}

fn p_len(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::from(ops::len(vm, &one(&args)?)?))
}

fn p_iter(vm: &Vm, args: Args) -> PyResult<Value> {
    iter::iter(vm, &one(&args)?)
}

fn p_next(vm: &Vm, args: Args) -> PyResult<Value> {
    let t = one(&args)?;
    match iter::next(vm, &t)? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args(types().exc.get("StopIteration"), vec![])),
    }
}

fn p_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let (t, k) = two(&args)?;
    item::getitem(vm, &t, &k)
}

fn p_setitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let (t, k) = two(&args)?;
    let v = args.args.get(2).cloned().ok_or_else(|| PyErr::type_error("expected 2 arguments"))?;
    item::setitem(vm, &t, &k, unwrap(&v)?)?;
    Ok(Value::None)
}

fn p_delitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let (t, k) = two(&args)?;
    item::delitem(vm, &t, &k)?;
    Ok(Value::None)
}

fn p_contains(vm: &Vm, args: Args) -> PyResult<Value> {
    let (t, k) = two(&args)?;
    Ok(Value::Bool(item::contains(vm, &t, &k)?))
}

fn p_hash(_vm: &Vm, args: Args) -> PyResult<Value> {
    let name = args.args.first().map(full_type_name).unwrap_or_default();
    Err(PyErr::type_error(format!("unhashable type: '{name}'")))
}

fn p_neg(vm: &Vm, args: Args) -> PyResult<Value> {
    ops::unary_op(vm, &one(&args)?, "-")
}

fn p_pos(vm: &Vm, args: Args) -> PyResult<Value> {
    ops::unary_op(vm, &one(&args)?, "+")
}

fn p_invert(vm: &Vm, args: Args) -> PyResult<Value> {
    ops::unary_op(vm, &one(&args)?, "~")
}

fn p_abs(vm: &Vm, args: Args) -> PyResult<Value> {
    super::builtins::builtin_abs(vm, Args::new(&[one(&args)?]))
}

/// `operator.index(referent)`: a proxy serves as an index when its referent does.
fn p_index(vm: &Vm, args: Args) -> PyResult<Value> {
    let t = one(&args)?;
    Ok(crate::objects::int::normalize(crate::runtime::argparse::index_bigint(vm, &t)?))
}

fn p_int(vm: &Vm, args: Args) -> PyResult<Value> {
    call::call(vm, &Value::Obj(types().int.clone()), Args::new(&[one(&args)?]))
}

fn p_float(vm: &Vm, args: Args) -> PyResult<Value> {
    call::call(vm, &Value::Obj(types().float.clone()), Args::new(&[one(&args)?]))
}

fn p_bytes(vm: &Vm, args: Args) -> PyResult<Value> {
    call::call_method(vm, &one(&args)?, "__bytes__", &[])
}

fn p_reversed(vm: &Vm, args: Args) -> PyResult<Value> {
    call::call_method(vm, &one(&args)?, "__reversed__", &[])
}

fn p_call(vm: &Vm, args: Args) -> PyResult<Value> {
    let t = one(&args)?;
    call::call(vm, &t, Args { args: &args.args[1..], kwnames: args.kwnames })
}
