//! Methods of `object`, `type`, `BaseException`, the descriptor types (`property`,
//! `classmethod`, `staticmethod`, `super`), and the constructors (`__new__`) of the
//! builtin value types (`int`, `float`, `str`, `bool`, `list`, `tuple`, `dict`, `set`,
//! `range`, `slice`).

use std::cell::RefCell;

use num_traits::ToPrimitive;

use crate::objects::function::add_methods;
use crate::objects::typeobj::{self, type_data, type_name, BaseKind};
use crate::objects::{dict, int, types, Payload, PropertyData, PyRef, Value};
use crate::runtime::{attr, call, iter, mapping, ops, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

pub fn init() {
    let t = types();
    add_methods(
        &t.object,
        "object",
        &[
            ("__new__", object_new),
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__getattribute__", object_getattribute),
            ("__init_subclass__", crate::vm::class::object_init_subclass),
            ("__subclasshook__", object_subclasshook),
            ("__format__", object_format),
        ],
    );
    add_methods(
        &t.type_,
        "type",
        &[
            ("__new__", crate::vm::class::type_new),
            ("__init__", type_init),
            ("mro", type_mro),
            ("__call__", call::type_call),
            ("__setattr__", type_setattr),
            ("__delattr__", type_delattr),
            ("__or__", type_or),
            ("__ror__", type_ror),
        ],
    );
    // `list[int]` & co.: the builtin generic containers answer `__class_getitem__`.
    for (cls, owner) in [
        (&t.list, "list"),
        (&t.dict, "dict"),
        (&t.tuple, "tuple"),
        (&t.set, "set"),
        (&t.frozenset, "frozenset"),
        (&t.type_, "type"),
        (&t.mappingproxy, "mappingproxy"),
    ] {
        if let Some(ns) = cls.dict.borrow().as_ref() {
            let f = crate::objects::function::native_method(owner, "__class_getitem__", class_getitem);
            dict::set_str(ns, "__class_getitem__", Value::Obj(PyRef::new(&t.classmethod, Payload::ClassMethod(f))));
        }
    }
    // `object.__init_subclass__` and `object.__subclasshook__` are classmethods.
    if let Some(ns) = t.object.dict.borrow().as_ref() {
        for name in ["__init_subclass__", "__subclasshook__"] {
            if let Some(f) = dict::get_str(ns, name) {
                dict::set_str(ns, name, Value::Obj(PyRef::new(&t.classmethod, Payload::ClassMethod(f))));
            }
        }
    }
    add_methods(&t.none_type, "NoneType", &[("__new__", none_new)]);
    add_methods(&t.not_implemented_type, "NotImplementedType", &[("__new__", not_implemented_new)]);
    add_methods(&t.ellipsis_type, "ellipsis", &[("__new__", ellipsis_new)]);
    add_methods(&t.int, "int", &[("__new__", int_new)]);
    add_methods(&t.bool, "bool", &[("__new__", bool_new)]);
    add_methods(&t.float, "float", &[("__new__", float_new)]);
    add_methods(&t.str, "str", &[("__new__", str_new)]);
    add_methods(&t.list, "list", &[("__new__", list_new), ("__init__", list_init)]);
    add_methods(&t.tuple, "tuple", &[("__new__", tuple_new)]);
    add_methods(&t.dict, "dict", &[("__new__", dict_new), ("__init__", dict_init)]);
    add_methods(&t.set, "set", &[("__new__", set_new), ("__init__", set_init)]);
    add_methods(&t.range, "range", &[("__new__", range_new)]);
    add_methods(&t.module, "module", &[("__new__", module_new), ("__init__", module_init)]);
    add_methods(&t.method, "method", &[("__new__", method_new)]);
    add_methods(&t.slice, "slice", &[("__new__", slice_new)]);
    add_methods(
        &t.property,
        "property",
        &[
            ("__new__", property_new),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
        ],
    );
    add_methods(&t.classmethod, "classmethod", &[("__new__", classmethod_new), ("__get__", descr_get)]);
    add_methods(&t.staticmethod, "staticmethod", &[("__new__", staticmethod_new), ("__get__", descr_get)]);
    add_methods(&t.property, "property", &[("__get__", descr_get)]);
    add_methods(&t.function, "function", &[("__get__", descr_get)]);
    add_methods(&t.super_, "super", &[("__new__", super_new)]);
    add_methods(
        t.exc.get("BaseException"),
        "BaseException",
        &[("__new__", exc_new), ("__init__", exc_init), ("with_traceback", exc_with_traceback), ("add_note", exc_add_note)],
    );
    super::exception_init::init();
    // object.__hash__ is looked up by `__hash__ = None` checks; mark the singletons.
    let _ = BaseKind::Object;
}

/// The class a `__new__` was called with (its first argument), or CPython's TypeError.
pub(crate) fn cls_arg<'a>(args: &Args<'a>, fname: &str) -> PyResult<&'a PyRef> {
    args.args
        .first()
        .and_then(|v| v.as_obj())
        .filter(|o| type_data(o).is_some())
        .ok_or_else(|| PyErr::type_error(format!("{fname}(X): X is not a type object")))
}

/// The class a builtin type's `__new__` was called with, which must be a subtype of
/// `base` (`int.__new__(str)`: "str is not a subtype of int").
pub(crate) fn new_cls_arg<'a>(args: &Args<'a>, base: &PyRef) -> PyResult<&'a PyRef> {
    let base_name = typeobj::name_of(base);
    let cls = cls_arg(args, &format!("{base_name}.__new__"))?;
    if !typeobj::is_subtype(cls, base) {
        let name = typeobj::name_of(cls);
        return Err(PyErr::type_error(format!("{base_name}.__new__({name}): {name} is not a subtype of {base_name}")));
    }
    Ok(cls)
}

/// A new instance of `cls` carrying the payload its solid base needs.
pub fn alloc_instance(cls: &PyRef, payload: Payload) -> Value {
    let o = PyRef::new(cls, payload);
    if let Some(t) = type_data(cls).filter(|t| t.heap) {
        // The cycle collector sees an instance's own dicts through the instance until
        // Python code gets hold of them (`__dict__`), as CPython 3.11's inline values.
        // The attribute dict starts with room for as many attributes as this class's
        // instances have had (`TypeData::dict_hint`, raised by `attr_cache::store_attr`).
        let hint = t.dict_hint.get() as usize;
        let d = dict::new_instance_dict(if t.slotted { 0 } else { hint });
        if t.slotted && t.has_dict {
            let inner = dict::new_instance_dict(hint);
            dict::set_str(&d, "__dict__", Value::Obj(inner));
        }
        *o.dict.borrow_mut() = Some(d);
    }
    Value::Obj(o)
}

fn object_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(&args, "object.__new__")?;
    if type_data(cls).is_some_and(|t| t.is_abstract.get()) {
        return Err(abstract_instantiation(vm, cls));
    }
    let kind = type_data(cls).map(|t| t.kind).unwrap_or(BaseKind::Object);
    if kind != BaseKind::Object {
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            typeobj::name_of(cls),
            typeobj::name_of(cls)
        )));
    }
    Ok(alloc_instance(cls, Payload::Instance))
}

/// `object.__subclasshook__(subclass)`: no opinion (`NotImplemented`), so ABCs fall back
/// to their registry and real subclasses.
fn object_subclasshook(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::not_implemented())
}

/// `types.MethodType(func, obj)`: a bound method.
fn method_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("method")?;
    let pos = args.check_count("method", 3, 3)?;
    if !crate::modules::builtins::is_callable(&pos[1]) {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if pos[2].is_none() {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(call::new_bound_method(pos[1].clone(), pos[2].clone()))
}

/// `types.ModuleType.__new__`: an empty module, also for subclasses.
fn module_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(&args, "module.__new__")?;
    // The name lives in the payload (repr, `__name__`), so take it from the call now.
    let name = args.pos().get(1).or(args.kwarg("name")).and_then(|v| v.as_str()).map(|s| s.as_str().to_string()).unwrap_or_default();
    let m = crate::objects::module::new_module(&name);
    let d = m.dict.borrow().clone();
    let o = PyRef::new(cls, Payload::Module(crate::objects::module::ModuleData { name }));
    *o.dict.borrow_mut() = d;
    Ok(Value::Obj(o))
}

/// `ModuleType(name, doc=None)`: sets `__name__` and `__doc__`.
fn module_init(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_kwargs("module", &["name", "doc"])?;
    let pos = args.pos();
    let this = pos.first().ok_or_else(|| PyErr::type_error("module.__init__() needs an argument"))?;
    let name =
        pos.get(1).or(args.kwarg("name")).ok_or_else(|| PyErr::type_error("module.__init__() missing required argument 'name' (pos 1)"))?;
    if name.as_str().is_none() {
        return Err(PyErr::type_error(format!("module.__init__() argument 'name' must be str, not {}", type_name(name))));
    }
    if pos.len() > 3 {
        return Err(PyErr::type_error(format!("module() takes at most 2 arguments ({} given)", pos.len() - 1)));
    }
    let doc = pos.get(2).or(args.kwarg("doc")).cloned().unwrap_or(Value::None);
    let ns = this.as_obj().and_then(|o| o.dict.borrow().clone());
    if let Some(ns) = ns {
        dict::set_str(&ns, "__name__", name.clone());
        dict::set_str(&ns, "__doc__", doc);
    }
    let _ = vm;
    Ok(Value::None)
}

/// CPython's refusal to instantiate a class with abstract methods left.
fn abstract_instantiation(vm: &Vm, cls: &PyRef) -> PyErr {
    let names = attr::getattr(vm, &Value::Obj(cls.clone()), "__abstractmethods__").and_then(|v| iter::collect(vm, &v));
    let mut names: Vec<String> = match names {
        Ok(items) => items.iter().map(|n| n.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()).collect(),
        Err(e) => return e,
    };
    names.sort();
    PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        typeobj::name_of(cls),
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    ))
}

fn object_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    if args.args.len() > 1 || args.has_kwargs() {
        let this = &args.args[0];
        let cls = this.class();
        let overrides_new = typeobj::lookup_with_owner(cls, "__new__").is_some_and(|(_, o)| !o.is(&types().object));
        let overrides_init = typeobj::lookup_with_owner(cls, "__init__").is_some_and(|(_, o)| !o.is(&types().object));
        if overrides_init || !overrides_new {
            return Err(PyErr::type_error(if overrides_init {
                "object.__init__() takes exactly one argument (the instance to initialize)".to_string()
            } else {
                format!("{}() takes no arguments", type_name(this))
            }));
        }
    }
    Ok(Value::None)
}

fn object_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = &args.args[0];
    if matches!(v.payload(), Some(Payload::Instance)) {
        return Ok(Value::new_str(repr::default_repr(v)));
    }
    Ok(Value::new_str(repr::builtin_repr(vm, v)?))
}

fn object_str(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::new_str(repr::repr(vm, &args.args[0])?))
}

fn object_eq(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__eq__", 2, 2)?;
    Ok(if pos[0].is(&pos[1]) { Value::Bool(true) } else { Value::not_implemented() })
}

fn object_ne(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__ne__", 2, 2)?;
    let eq = ops::compare(vm, &pos[0], &pos[1], crate::bytecode::CmpOp::Eq)?;
    if eq.is_not_implemented() {
        return Ok(eq);
    }
    Ok(Value::Bool(!ops::truthy(vm, &eq)?))
}

fn object_hash(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int((args.args[0].id() >> 4) as i64))
}

fn name_of_arg(v: &Value) -> PyResult<&str> {
    v.as_str().map(|s| s.as_str()).ok_or_else(|| PyErr::type_error(format!("attribute name must be string, not '{}'", type_name(v))))
}

fn object_setattr(vm: &Vm, args: Args) -> PyResult<Value> {
    set_or_delete(vm, args, false, true)
}

fn object_delattr(vm: &Vm, args: Args) -> PyResult<Value> {
    set_or_delete(vm, args, false, false)
}

/// `type.__setattr__(cls, name, value)`: the class namespace path of the generic setattr
/// (which invalidates the attribute caches and refuses builtin types).
fn type_setattr(vm: &Vm, args: Args) -> PyResult<Value> {
    set_or_delete(vm, args, true, true)
}

fn type_delattr(vm: &Vm, args: Args) -> PyResult<Value> {
    set_or_delete(vm, args, true, false)
}

/// The four `__setattr__`/`__delattr__` slot functions of `object` and `type`: the
/// receiver must be a class for `type`'s and must not be one for `object`'s (which would
/// bypass `type.__setattr__` and with it the attribute caches' invalidation; CPython
/// refuses it too).
fn set_or_delete(vm: &Vm, args: Args, on_type: bool, set: bool) -> PyResult<Value> {
    let what = if set { "__setattr__" } else { "__delattr__" };
    let pos = args.check_count(what, if set { 3 } else { 2 }, if set { 3 } else { 2 })?;
    let is_type = matches!(pos[0].payload(), Some(Payload::Type(_)));
    if on_type && !is_type {
        return Err(PyErr::type_error(format!("descriptor '{what}' requires a 'type' object but received a '{}'", type_name(&pos[0]))));
    }
    if !on_type && is_type {
        return Err(PyErr::type_error(format!("can't apply this {what} to type object")));
    }
    attr::generic_setattr(vm, &pos[0], name_of_arg(&pos[1])?, pos.get(2).filter(|_| set).cloned())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__getattribute__", 2, 2)?;
    let name = name_of_arg(&pos[1])?;
    // The generic lookup without the user's __getattribute__ (which may be calling us).
    match attr::generic_getattr(vm, &pos[0], name)? {
        Some(v) => Ok(v),
        None => Err(attr::no_attribute(&pos[0], name)),
    }
}

fn object_format(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__format__", 2, 2)?;
    let spec = pos[1].as_str().map(|s| s.as_str()).unwrap_or("");
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", type_name(&pos[0]))));
    }
    Ok(Value::new_str(repr::str(vm, &pos[0])?))
}

fn type_init(_vm: &Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_mro(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(&args, "mro")?;
    let mro = type_data(cls).map(|t| t.mro.borrow().clone()).unwrap_or_default();
    Ok(Value::new_list(mro.into_iter().map(Value::Obj).collect()))
}

/// `type(None)()`, `type(NotImplemented)()`, `type(...)()`: the singleton itself.
fn singleton_new(args: &Args, shown: &str, v: Value) -> PyResult<Value> {
    if args.args.len() > 1 {
        return Err(PyErr::type_error(format!("{shown} takes no arguments")));
    }
    Ok(v)
}

fn none_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    singleton_new(&args, "NoneType", Value::None)
}

fn not_implemented_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    singleton_new(&args, "NotImplementedType", Value::not_implemented())
}

fn ellipsis_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    singleton_new(&args, "EllipsisType", Value::Obj(types().ellipsis.clone()))
}

/// Wrap a builtin value in an instance of a subclass when `cls` is not the exact type.
fn subclass_wrap(cls: &PyRef, exact: &PyRef, v: Value, payload: impl FnOnce(Value) -> Payload) -> Value {
    if cls.is(exact) {
        v
    } else {
        alloc_instance(cls, payload(v))
    }
}

fn int_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().int)?;
    args.check_kwargs("int", &["base"])?;
    let pos = &args.pos()[1..];
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("int() takes at most 2 arguments ({} given)", pos.len())));
    }
    let base = pos.get(1).or(args.kwarg("base")).cloned();
    let v = match (pos.first(), base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(PyErr::type_error("int() missing string argument")),
        (Some(x), Some(b)) => {
            // A huge base is out of range like any other (not an OverflowError).
            let b = crate::runtime::argparse::index_bigint(vm, &b)?.to_i64().unwrap_or(-1);
            if b != 0 && !(2..=36).contains(&b) {
                return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match x.payload() {
                Some(Payload::Str(s)) => int::normalize(
                    crate::num::parse_int_with_limit(s.as_str(), b as u32, super::sys::int_max_str_digits()).map_err(PyErr::from_spec)?,
                ),
                _ if crate::objects::bytes::is_bytes_like(x) => {
                    let by = crate::objects::bytes::data(x).unwrap_or_default();
                    int::normalize(crate::num::parse_int_bytes(&by, b as u32, super::sys::int_max_str_digits()).map_err(PyErr::from_spec)?)
                }
                _ => return Err(PyErr::type_error("int() can't convert non-string with explicit base")),
            }
        }
        (Some(x), None) => to_int(vm, x)?,
    };
    Ok(subclass_wrap(cls, &types().int, v, |v| Payload::Int(int::as_bigint(&v).unwrap_or_default())))
}

/// `int(x)` for one argument.
pub fn to_int(vm: &Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) => return Ok(x.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(f) => return crate::num::float_to_bigint(*f).map(int::normalize).map_err(PyErr::from_spec),
        _ => {}
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(f) = call::lookup_user(x.class(), name) {
            let r = call::call_bound(vm, &f, x, Args::new(&[]))?;
            return match int::as_bigint(&r) {
                Some(b) => Ok(int::normalize(b)),
                None => Err(PyErr::type_error(format!("{name} returned non-int (type {})", type_name(&r)))),
            };
        }
    }
    match x.payload() {
        Some(Payload::Int(b)) => Ok(int::normalize(b.clone())),
        Some(Payload::Float(f)) => crate::num::float_to_bigint(*f).map(int::normalize).map_err(PyErr::from_spec),
        Some(Payload::Str(s)) => {
            crate::num::parse_int_with_limit(s.as_str(), 10, super::sys::int_max_str_digits()).map(int::normalize).map_err(PyErr::from_spec)
        }
        _ if crate::objects::bytes::is_bytes_like(x) => {
            let b = crate::objects::bytes::data(x).unwrap_or_default();
            crate::num::parse_int_bytes(&b, 10, super::sys::int_max_str_digits()).map(int::normalize).map_err(PyErr::from_spec)
        }
        _ => {
            Err(PyErr::type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(x))))
        }
    }
}

fn bool_new(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("bool")?;
    let pos = &args.pos()[1..];
    match pos.len() {
        0 => Ok(Value::Bool(false)),
        1 => Ok(Value::Bool(ops::truthy(vm, &pos[0])?)),
        n => Err(PyErr::type_error(format!("bool expected at most 1 argument, got {n}"))),
    }
}

/// `float(x)` for one argument.
pub fn to_float(vm: &Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    if let Some(f) = call::lookup_user(x.class(), "__float__") {
        let r = call::call_bound(vm, &f, x, Args::new(&[]))?;
        return match r {
            Value::Float(f) => Ok(f),
            _ => Err(PyErr::type_error(format!("{}.__float__ returned non-float (type {})", type_name(x), type_name(&r)))),
        };
    }
    if let Some(f) = call::lookup_user(x.class(), "__index__") {
        let r = call::call_bound(vm, &f, x, Args::new(&[]))?;
        return int::as_bigint(&r).ok_or_else(|| PyErr::type_error("__index__ returned non-int")).and_then(|b| ops::int_to_f64(&b));
    }
    match x.payload() {
        Some(Payload::Float(f)) => Ok(*f),
        Some(Payload::Int(b)) => ops::int_to_f64(b),
        Some(Payload::Str(s)) => crate::num::parse_float(s.as_str()).map_err(PyErr::from_spec),
        Some(Payload::Bytes(b)) => crate::num::parse_float_bytes(b).map_err(PyErr::from_spec),
        _ => Err(PyErr::type_error(format!("float() argument must be a string or a real number, not '{}'", type_name(x)))),
    }
}

fn float_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().float)?;
    args.no_kwargs("float")?;
    let pos = &args.pos()[1..];
    let f = match pos.len() {
        0 => 0.0,
        1 => to_float(vm, &pos[0])?,
        n => return Err(PyErr::type_error(format!("float expected at most 1 argument, got {n}"))),
    };
    Ok(subclass_wrap(cls, &types().float, Value::Float(f), |_| Payload::Float(f)))
}

fn str_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().str)?;
    args.check_kwargs("str", &["object", "encoding", "errors"])?;
    let pos = &args.pos()[1..];
    let obj = pos.first().or(args.kwarg("object"));
    let encoding = pos.get(1).or(args.kwarg("encoding"));
    let errors = pos.get(2).or(args.kwarg("errors"));
    if pos.len() > 3 {
        return Err(PyErr::type_error(format!("str() takes at most 3 arguments ({} given)", pos.len())));
    }
    let s = match (obj, encoding) {
        (None, _) => String::new(),
        (Some(o), None) if errors.is_none() => repr::str(vm, o)?,
        (Some(o), _) => {
            let data = crate::objects::bytes::data(o)
                .ok_or_else(|| PyErr::type_error(format!("decoding to str: need a bytes-like object, {} found", type_name(o))))?;
            super::str_methods::decode_bytes(o, &data, "str", encoding, errors)?
        }
    };
    if cls.is(&types().str) {
        return Ok(Value::new_str(s));
    }
    Ok(alloc_instance(cls, Payload::Str(crate::objects::PyStr::new(s))))
}

fn list_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().list)?;
    Ok(alloc_instance(cls, Payload::List(RefCell::new(Vec::new()))))
}

fn list_init(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("list")?;
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("list expected at most 1 argument, got {}", pos.len())));
    }
    let items = match pos.first() {
        Some(v) => iter::collect(vm, v)?,
        None => Vec::new(),
    };
    if let Some(cell) = crate::objects::list::cell(&args.args[0]) {
        let old = std::mem::replace(&mut *cell.borrow_mut(), items);
        drop(old);
    }
    Ok(Value::None)
}

fn tuple_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().tuple)?;
    args.no_kwargs("tuple")?;
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("tuple expected at most 1 argument, got {}", pos.len())));
    }
    if cls.is(&types().tuple) {
        if let Some(v) = pos.first() {
            if v.class().is(&types().tuple) {
                return Ok(v.clone());
            }
        }
    }
    let items = match pos.first() {
        Some(v) => iter::collect(vm, v)?,
        None => Vec::new(),
    };
    if cls.is(&types().tuple) {
        return Ok(Value::new_tuple(items));
    }
    Ok(alloc_instance(cls, Payload::Tuple(items.into_boxed_slice())))
}

fn dict_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().dict)?;
    Ok(alloc_instance(cls, Payload::Dict(Box::new(RefCell::new(Default::default())))))
}

fn dict_init(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    let this = &args.args[0];
    if let Some(src) = pos.first() {
        super::dict_methods::dict_update_from(vm, this, src)?;
    }
    if let Some(Payload::Dict(cell)) = this.payload() {
        for (k, v) in args.kwargs() {
            mapping::set(vm, cell, Value::new_str(k), v.clone())?;
        }
    }
    Ok(Value::None)
}

fn set_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().set)?;
    Ok(alloc_instance(cls, Payload::Set(Box::new(RefCell::new(Default::default())))))
}

fn set_init(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("set")?;
    let pos = &args.pos()[1..];
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("set expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(Payload::Set(cell)) = args.args[0].payload() {
        let old = cell.borrow_mut().clear();
        drop(old);
        if let Some(src) = pos.first() {
            crate::runtime::set::update_from(vm, cell, src)?;
        }
    }
    Ok(Value::None)
}

fn range_new(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("range")?;
    let pos = &args.pos()[1..];
    let idx = |v: &Value| -> PyResult<Value> {
        match ops::index_bigint(vm, v)? {
            Some(b) => Ok(int::normalize(b)),
            None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
        }
    };
    let (start, stop, step) = match pos.len() {
        1 => (Value::Int(0), idx(&pos[0])?, Value::Int(1)),
        2 => (idx(&pos[0])?, idx(&pos[1])?, Value::Int(1)),
        3 => (idx(&pos[0])?, idx(&pos[1])?, idx(&pos[2])?),
        0 => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        n => return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if matches!(step, Value::Int(0)) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(PyRef::new(&types().range, Payload::Range { start, stop, step })))
}

fn slice_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("slice")?;
    let pos = &args.pos()[1..];
    let (a, b, c) = match pos.len() {
        1 => (Value::None, pos[0].clone(), Value::None),
        2 => (pos[0].clone(), pos[1].clone(), Value::None),
        3 => (pos[0].clone(), pos[1].clone(), pos[2].clone()),
        0 => return Err(PyErr::type_error("slice expected at least 1 argument, got 0")),
        n => return Err(PyErr::type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(crate::runtime::item::new_slice(a, b, c))
}

/// Call `name` in the frozen `_types` module (unions and generic aliases are written in
/// Python: `stdlib/_types.py`).
fn call_types_helper(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let module = crate::vm::import::import_module(vm, "_types")?;
    let f = attr::getattr(vm, &module, name)?;
    call::call(vm, &f, Args::new(args))
}

/// `a | b` where either side is a class: a `types.UnionType`, or `NotImplemented`.
pub fn type_union(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    call_types_helper(vm, "_type_or", &[a.clone(), b.clone()])
}

/// `type.__or__`: `int | str` builds a `types.UnionType` (PEP 604).
fn type_or(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__or__", 2, 2)?;
    call_types_helper(vm, "_type_or", pos)
}

/// `type.__ror__`: `None | int`.
fn type_ror(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__ror__", 2, 2)?;
    call_types_helper(vm, "_type_ror", pos)
}

/// `list.__class_getitem__(item)` and the other builtin containers: `types.GenericAlias`.
fn class_getitem(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__class_getitem__", 2, 2)?;
    call_types_helper(vm, "GenericAlias", pos)
}

/// `__get__` of the builtin descriptor types (functions, `classmethod`, `staticmethod`,
/// `property`), for code that calls the protocol by hand; attribute lookup binds them
/// directly without coming here.
fn descr_get(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("__get__")?;
    let pos = args.check_count("__get__", 2, 3)?;
    let (this, obj) = (&pos[0], &pos[1]);
    let owner = pos.get(2).filter(|v| !v.is_none());
    if obj.is_none() && owner.is_none() {
        return Err(PyErr::type_error("__get__(None, None) is invalid"));
    }
    match this.payload() {
        Some(Payload::ClassMethod(f)) => {
            let cls = owner.cloned().unwrap_or_else(|| Value::Obj(obj.class().clone()));
            Ok(call::new_bound_method(f.clone(), cls))
        }
        Some(Payload::StaticMethod(f)) => Ok(f.clone()),
        _ if obj.is_none() => Ok(this.clone()),
        _ => attr::bind(vm, this, obj),
    }
}

fn property_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().property)?;
    args.check_kwargs("property", &["fget", "fset", "fdel", "doc"])?;
    let pos = &args.pos()[1..];
    let get = |i: usize, name: &str| pos.get(i).or(args.kwarg(name)).cloned().unwrap_or(Value::None);
    let fget = get(0, "fget");
    let mut doc = get(3, "doc");
    if doc.is_none() {
        if let Some(Payload::Function(f)) = fget.payload() {
            doc = f.doc.borrow().clone();
        }
    }
    Ok(alloc_instance(
        cls,
        Payload::Property(Box::new(PropertyData {
            fget,
            fset: get(1, "fset"),
            fdel: get(2, "fdel"),
            doc,
            name: RefCell::new(Value::None),
        })),
    ))
}

fn property_copy(args: &Args, which: usize) -> PyResult<Value> {
    let pos = args.check_count("property", 2, 2)?;
    let Some(Payload::Property(p)) = pos[0].payload() else {
        return Err(PyErr::type_error("descriptor requires a 'property' object"));
    };
    let (fget, fset, fdel, doc, name) = (&p.fget, &p.fset, &p.fdel, &p.doc, &p.name);
    let f = pos[1].clone();
    let (g, s, d) = match which {
        0 => (f, fset.clone(), fdel.clone()),
        1 => (fget.clone(), f, fdel.clone()),
        _ => (fget.clone(), fset.clone(), f),
    };
    Ok(Value::Obj(PyRef::new(
        pos[0].class(),
        Payload::Property(Box::new(PropertyData { fget: g, fset: s, fdel: d, doc: doc.clone(), name: name.clone() })),
    )))
}

fn property_set_name(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__set_name__", 3, 3)?;
    if let Some(Payload::Property(p)) = pos[0].payload() {
        let name = &p.name;
        *name.borrow_mut() = pos[2].clone();
    }
    Ok(Value::None)
}

fn property_getter(_vm: &Vm, args: Args) -> PyResult<Value> {
    property_copy(&args, 0)
}

fn property_setter(_vm: &Vm, args: Args) -> PyResult<Value> {
    property_copy(&args, 1)
}

fn property_deleter(_vm: &Vm, args: Args) -> PyResult<Value> {
    property_copy(&args, 2)
}

fn classmethod_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().classmethod)?;
    let pos = args.check_count("classmethod", 2, 2)?;
    Ok(alloc_instance(cls, Payload::ClassMethod(pos[1].clone())))
}

fn staticmethod_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = new_cls_arg(&args, &types().staticmethod)?;
    let pos = args.check_count("staticmethod", 2, 2)?;
    Ok(alloc_instance(cls, Payload::StaticMethod(pos[1].clone())))
}

/// `super(type, obj)`: attribute lookup starts after `type` in `type(obj).__mro__`.
fn super_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = &args.pos()[1..];
    if pos.is_empty() {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let this_class = pos[0]
        .as_obj()
        .filter(|o| type_data(o).is_some())
        .cloned()
        .ok_or_else(|| PyErr::type_error(format!("super() argument 1 must be a type, not {}", type_name(&pos[0]))))?;
    let Some(obj) = pos.get(1).cloned() else {
        // `super(type)`: unbound; it finds nothing (see `attr::super_lookup`).
        let s = PyRef::new(&types().super_, Payload::Super { this_class, obj: Value::None, obj_type: types().object.clone() });
        return Ok(Value::Obj(s));
    };
    let obj_type = match obj.as_obj() {
        Some(o) if type_data(o).is_some() && typeobj::is_subtype(o, &this_class) => o.clone(),
        _ if typeobj::isinstance(&obj, &this_class) => obj.class().clone(),
        _ => return Err(PyErr::type_error("super(type, obj): obj must be an instance or subtype of type")),
    };
    let s = PyRef::new(&types().super_, Payload::Super { this_class, obj, obj_type });
    Ok(Value::Obj(s))
}

fn exc_new(_vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = cls_arg(&args, "BaseException.__new__")?;
    let e = crate::runtime::new_exception(cls, args.pos()[1..].to_vec());
    Ok(Value::Obj(e))
}

fn exc_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    exc_init_args(&args)?;
    Ok(Value::None)
}

/// `BaseException.__init__`: store the positional arguments as `args`; keyword arguments
/// are refused (`__new__` ignores them, so a subclass's own `__init__` may take some).
pub(crate) fn exc_init_args(args: &Args) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", type_name(&args.args[0]))));
    }
    if let Some(d) = crate::objects::exception::exc_data(&args.args[0]) {
        d.borrow_mut().args = Value::new_tuple(args.pos()[1..].to_vec());
    }
    Ok(())
}

fn exc_with_traceback(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("with_traceback", 2, 2)?;
    if let Some(d) = crate::objects::exception::exc_data(&pos[0]) {
        d.borrow_mut().traceback = pos[1].as_obj().cloned();
    }
    Ok(pos[0].clone())
}

fn exc_add_note(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("add_note", 2, 2)?;
    if pos[1].as_str().is_none() {
        return Err(PyErr::type_error(format!("note must be a str, not '{}'", type_name(&pos[1]))));
    }
    let notes = match attr::getattr_opt(vm, &pos[0], "__notes__")? {
        Some(n) => n,
        None => {
            let l = Value::new_list(vec![]);
            attr::setattr(vm, &pos[0], "__notes__", l.clone())?;
            l
        }
    };
    match crate::objects::list::cell(&notes) {
        Some(c) => c.borrow_mut().push(pos[1].clone()),
        None => return Err(PyErr::type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}
