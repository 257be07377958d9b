//! Attribute access: `getattr`/`setattr`/`delattr` with the descriptor protocol (data
//! descriptors, instance `__dict__`, non-data descriptors, `__getattr__`), type attribute
//! lookup, and the builtin attributes of builtin objects (`__class__`, `__name__`, ...).

use super::call::{call, lookup_user, new_bound_method};
use super::{Args, PyErr, PyResult};
use crate::objects::typeobj::{self, type_data, type_name};
use crate::objects::{dict, function, types, Payload, Value};
use crate::vm::Vm;

/// Apply a descriptor's `__get__` for an attribute found on a type, accessed through
/// `obj` (or through the class itself when `obj` is `None` and `cls` is given).
pub fn bind(vm: &Vm, attr: &Value, obj: &Value) -> PyResult<Value> {
    match attr.payload() {
        Some(Payload::Function(_)) => Ok(new_bound_method(attr.clone(), obj.clone())),
        Some(Payload::NativeFunction(nf)) if nf.is_method && nf.self_.is_none() => Ok(function::bind_native(nf, obj.clone())),
        Some(Payload::ClassMethod(f)) => Ok(new_bound_method(f.clone(), Value::Obj(obj.class().clone()))),
        Some(Payload::MemberDescr { name, owner }) => member_get(obj, name, owner),
        Some(Payload::StaticMethod(f)) => Ok(f.clone()),
        Some(Payload::Property(p)) => {
            let (fget, name) = (&p.fget, &p.name);
            if fget.is_none() {
                return Err(property_error(obj, &name.borrow(), "getter", "unreadable attribute"));
            }
            call(vm, fget, Args::new(&[obj.clone()]))
        }
        _ => match lookup_user(attr.class(), "__get__") {
            Some(get) => call(vm, &get, Args::new(&[attr.clone(), obj.clone(), Value::Obj(obj.class().clone())])),
            None => Ok(attr.clone()),
        },
    }
}

pub(crate) fn is_data_descriptor(attr: &Value) -> bool {
    match attr.payload() {
        Some(Payload::Property(_)) | Some(Payload::MemberDescr { .. }) => true,
        Some(_) => lookup_user(attr.class(), "__set__").is_some() || lookup_user(attr.class(), "__delete__").is_some(),
        None => false,
    }
}

/// `getattr(obj, name)`.
pub fn getattr(vm: &Vm, obj: &Value, name: &str) -> PyResult<Value> {
    match lookup_attr(vm, obj, crate::objects::str::Key::new(name))? {
        Some(v) => Ok(v),
        None => Err(no_attribute(obj, name)),
    }
}

/// The `AttributeError` CPython raises for a missing attribute.
pub fn no_attribute(obj: &Value, name: &str) -> PyErr {
    let msg = match obj.payload() {
        Some(Payload::Type(t)) => format!("type object '{}' has no attribute '{name}'", t.name.borrow()),
        Some(Payload::Module(m)) => format!("module '{}' has no attribute '{name}'", m.name),
        _ => format!("'{}' object has no attribute '{name}'", type_name(obj)),
    };
    PyErr::attribute_error(obj, name, msg)
}

/// `getattr(obj, name)` with `None` for a missing attribute (other errors propagate).
pub fn getattr_opt(vm: &Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    getattr_opt_key(vm, obj, crate::objects::str::Key::new(name))
}

/// `getattr(obj, name)` with the name's hash known (attribute-name constants carry it).
pub fn getattr_key(vm: &Vm, obj: &Value, key: crate::objects::str::Key) -> PyResult<Value> {
    match lookup_attr(vm, obj, key)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(obj, key.text)),
    }
}

/// [`getattr_opt`] with the name's hash known.
pub fn getattr_opt_key(vm: &Vm, obj: &Value, key: crate::objects::str::Key) -> PyResult<Option<Value>> {
    match lookup_attr(vm, obj, key) {
        Err(e) if e.is("AttributeError") => Ok(None),
        r => r,
    }
}

/// Attribute lookup: `None` when the generic lookup finds nothing; an `AttributeError`
/// raised by a user `__getattribute__`/`__getattr__` is returned as it is.
fn lookup_attr(vm: &Vm, obj: &Value, key: crate::objects::str::Key) -> PyResult<Option<Value>> {
    let name = key.text;
    let cls = obj.class().clone();
    if let Some(ga) = lookup_user(&cls, "__getattribute__") {
        return match call(vm, &ga, Args::new(&[obj.clone(), Value::new_str(name)])) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is("AttributeError") => getattr_hook(vm, obj, name, Some(e)),
            Err(e) => Err(e),
        };
    }
    if let Some(Payload::Type(_)) = obj.payload() {
        return type_getattr(vm, obj, name);
    }
    // As CPython's `slot_tp_getattr_hook`: an AttributeError raised during the generic
    // lookup (a property's getter, say) also falls back to `__getattr__`.
    match generic_getattr_key(vm, obj, key) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => getattr_hook(vm, obj, name, None),
        Err(e) if e.is("AttributeError") => getattr_hook(vm, obj, name, Some(e)),
        Err(e) => Err(e),
    }
}

/// `object.__getattribute__`: data descriptors on the type, the instance `__dict__`, other
/// descriptors and class attributes, then the builtin attributes of builtin objects.
pub fn generic_getattr(vm: &Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    generic_getattr_key(vm, obj, crate::objects::str::Key::new(name))
}

/// [`generic_getattr`] with the name's hash known.
pub fn generic_getattr_key(vm: &Vm, obj: &Value, key: crate::objects::str::Key) -> PyResult<Option<Value>> {
    let name = key.text;
    let cls = obj.class().clone();
    match obj.payload() {
        Some(Payload::Type(_)) => return type_getattr(vm, obj, name),
        Some(Payload::Super { .. }) => {
            if let Some(v) = super_getattr(vm, obj, key)? {
                return Ok(Some(v));
            }
        }
        _ => {}
    }
    let descr = typeobj::lookup_key(&cls, key);
    if let Some(d) = &descr {
        if is_data_descriptor(d) {
            return bind(vm, d, obj).map(Some);
        }
    }
    if let Some(d) = obj.as_obj().and_then(instance_dict) {
        if let Some(v) = dict::get_key(&d, key) {
            return Ok(Some(v));
        }
    }
    if let Some(d) = descr {
        return bind(vm, &d, obj).map(Some);
    }
    builtin_attr(vm, obj, name)
}

/// The `__dict__` of `o`, if it has one (instances of slotted classes keep it in their
/// slot storage).
pub fn instance_dict(o: &crate::objects::PyRef) -> Option<crate::objects::PyRef> {
    let d = o.dict.borrow().clone()?;
    if type_data(o.class()).is_some_and(|t| t.slotted) {
        return dict::get_str(&d, "__dict__").and_then(|v| v.as_obj().cloned());
    }
    Some(d)
}

/// `obj.__dict__ = value` (`None`: `del obj.__dict__`, which leaves a new empty dict, as
/// CPython 3.11 does) for objects that own a replaceable `__dict__`: instances of classes
/// with one, and functions. `None` when `o` is not such an object.
fn set_instance_dict(o: &crate::objects::PyRef, value: Option<&Value>) -> Option<PyResult<()>> {
    let replaceable = match &o.payload {
        Payload::Function(_) => true,
        Payload::Module(_) => return Some(Err(PyErr::new("AttributeError", "readonly attribute"))),
        Payload::Type(_) => false,
        _ => type_data(o.class()).is_some_and(|t| t.heap && t.has_dict),
    };
    if !replaceable {
        return None;
    }
    let new = match value {
        Some(v) if matches!(v.payload(), Some(Payload::Dict(_))) => v.as_obj()?.clone(),
        Some(v) => return Some(Err(PyErr::type_error(format!("__dict__ must be set to a dictionary, not a '{}'", type_name(v))))),
        None => dict::new_dict(),
    };
    let slotted = type_data(o.class()).is_some_and(|t| t.slotted);
    let old = if slotted {
        // The `__dict__` lives in the slot storage under its name.
        let storage = o.dict.borrow().clone();
        storage.and_then(|s| {
            let old = dict::get_str(&s, "__dict__");
            dict::set_str(&s, "__dict__", Value::Obj(new));
            old
        })
    } else {
        o.dict.borrow_mut().replace(new).map(Value::Obj)
    };
    drop(old); // outside the borrow: dropping may run `__del__`
    Some(Ok(()))
}

/// Read slot `name` of `obj` through a member descriptor of `owner`.
fn member_get(obj: &Value, name: &str, owner: &crate::objects::PyRef) -> PyResult<Value> {
    check_member_owner(obj, name, owner)?;
    let storage = obj.as_obj().and_then(|o| o.dict.borrow().clone());
    match storage.and_then(|d| dict::get_str(&d, name)) {
        Some(v) => Ok(v),
        None => Err(PyErr::attribute_error(obj, name, format!("'{}' object has no attribute '{name}'", type_name(obj)))),
    }
}

/// Write (or with `None` delete) slot `name` of `obj`.
fn member_set(obj: &Value, name: &str, owner: &crate::objects::PyRef, value: Option<Value>) -> PyResult<()> {
    check_member_owner(obj, name, owner)?;
    let Some(storage) = obj.as_obj().and_then(|o| o.dict.borrow().clone()) else {
        return Err(PyErr::attribute_error(obj, name, format!("'{}' object has no attribute '{name}'", type_name(obj))));
    };
    match value {
        Some(v) => {
            dict::set_str(&storage, name, v);
            Ok(())
        }
        None => match dict::del_str(&storage, name) {
            Some(_) => Ok(()),
            None => Err(PyErr::attribute_error(obj, name, name.to_string())),
        },
    }
}

fn check_member_owner(obj: &Value, name: &str, owner: &crate::objects::PyRef) -> PyResult<()> {
    if typeobj::isinstance(obj, owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
        typeobj::name_of(owner),
        type_name(obj)
    )))
}

fn getattr_hook(vm: &Vm, obj: &Value, name: &str, err: Option<PyErr>) -> PyResult<Option<Value>> {
    if let Some(ga) = lookup_user(obj.class(), "__getattr__") {
        return call(vm, &ga, Args::new(&[obj.clone(), Value::new_str(name)])).map(Some);
    }
    if let Some(Payload::Module(_)) = obj.payload() {
        let d = obj.as_obj().and_then(|o| o.dict.borrow().clone());
        if let Some(f) = d.and_then(|d| dict::get_str(&d, "__getattr__")) {
            return call(vm, &f, Args::new(&[Value::new_str(name)])).map(Some);
        }
    }
    match err {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

/// Attribute lookup on a type object: the metatype's data descriptors, then the type's
/// own MRO (descriptors bound with no instance), then the metatype's other attributes.
fn type_getattr(vm: &Vm, cls_v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(cls) = cls_v.as_obj() else {
        return Ok(None);
    };
    if let Some(v) = builtin_attr(vm, cls_v, name)? {
        return Ok(Some(v));
    }
    if let Some(attr) = typeobj::lookup(cls, name) {
        return Ok(Some(match attr.payload() {
            Some(Payload::ClassMethod(f)) => new_bound_method(f.clone(), cls_v.clone()),
            Some(Payload::StaticMethod(f)) => f.clone(),
            Some(Payload::Function(_))
            | Some(Payload::NativeFunction(_))
            | Some(Payload::Property(_))
            | Some(Payload::MemberDescr { .. }) => attr,
            _ => match lookup_user(attr.class(), "__get__") {
                Some(get) => call(vm, &get, Args::new(&[attr.clone(), Value::None, cls_v.clone()]))?,
                None => attr,
            },
        }));
    }
    let meta = cls.class().clone();
    if let Some(attr) = typeobj::lookup(&meta, name) {
        return bind(vm, &attr, cls_v).map(Some);
    }
    if let Some(ga) = lookup_user(&meta, "__getattr__") {
        return match call(vm, &ga, Args::new(&[cls_v.clone(), Value::new_str(name)])) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is("AttributeError") => Ok(None),
            Err(e) => Err(e),
        };
    }
    Ok(None)
}

/// Attributes that builtin objects expose without a namespace entry.
fn builtin_attr(_vm: &Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(obj.class().clone())));
    }
    let Some(o) = obj.as_obj() else {
        return Ok(match (obj, name) {
            (Value::Int(i), "real" | "numerator") => Some(Value::Int(*i)),
            (Value::Bool(b), "real" | "numerator") => Some(Value::Int(*b as i64)),
            (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
            (Value::Float(f), "real") => Some(Value::Float(*f)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            _ => None,
        });
    };
    if name == "__dict__" {
        // A class's namespace is only handed out read-only: changes must go through
        // `type.__setattr__`, which invalidates the attribute caches.
        if matches!(o.payload, Payload::Type(_)) {
            return Ok(crate::objects::mappingproxy::of_type(o));
        }
        if let Some(d) = instance_dict(o) {
            // Handed to Python code: the collector must now see the dict on its own.
            crate::runtime::heap::gc_lists::track(&d);
            return Ok(Some(Value::Obj(d)));
        }
    }
    Ok(match (&o.payload, name) {
        (Payload::Type(t), "__name__") => Some(Value::new_str(t.name.borrow().clone())),
        (Payload::Type(t), "__qualname__") => Some(Value::new_str(t.qualname.borrow().clone())),
        (Payload::Type(t), "__mro__") => Some(Value::new_tuple(t.mro.borrow().iter().map(|c| Value::Obj(c.clone())).collect())),
        (Payload::Type(t), "__bases__") => Some(Value::new_tuple(t.bases.borrow().iter().map(|c| Value::Obj(c.clone())).collect())),
        (Payload::Type(t), "__base__") => Some(t.bases.borrow().first().map(|c| Value::Obj(c.clone())).unwrap_or(Value::None)),
        (Payload::Type(t), "__module__") if !t.heap => Some(Value::new_str(t.module)),
        (Payload::Type(t), "__doc__") if !t.heap => Some(Value::None),
        (Payload::Function(f), "__name__") => Some(Value::new_str(f.name.borrow().clone())),
        (Payload::Function(f), "__qualname__") => Some(Value::new_str(f.qualname.borrow().clone())),
        (Payload::Function(f), "__doc__") => Some(f.doc.borrow().clone()),
        (Payload::Function(f), "__module__") => Some(f.module.borrow().clone()),
        (Payload::Function(f), "__code__") => Some(Value::Obj(f.code.clone())),
        (Payload::Function(f), "__globals__") => Some(Value::Obj(f.globals.clone())),
        (Payload::Function(f), "__defaults__") => Some(f.defaults.borrow().clone().unwrap_or(Value::None)),
        (Payload::Function(f), "__kwdefaults__") => Some(f.kwdefaults.borrow().clone().unwrap_or(Value::None)),
        (Payload::Function(f), "__closure__") => Some(match &f.closure {
            Some(c) => Value::new_tuple(c.iter().map(|x| Value::Obj(x.clone())).collect()),
            None => Value::None,
        }),
        (Payload::Function(f), "__annotations__") => {
            let mut a = f.annotations.borrow_mut();
            Some(a.get_or_insert_with(|| Value::Obj(dict::new_dict())).clone())
        }
        (Payload::NativeFunction(nf), "__name__" | "__qualname__") => Some(Value::new_str(nf.name)),
        (Payload::NativeFunction(nf), "__self__") => Some(nf.self_.clone().unwrap_or(Value::None)),
        (Payload::NativeFunction(_), "__doc__") => Some(Value::None),
        (Payload::NativeFunction(_), "__module__") => Some(Value::None),
        (Payload::BoundMethod { func, .. }, "__func__") => Some(func.clone()),
        (Payload::BoundMethod { self_, .. }, "__self__") => Some(self_.clone()),
        (Payload::BoundMethod { func, .. }, "__name__" | "__qualname__" | "__doc__") => {
            return getattr_opt(_vm, func, name);
        }
        (Payload::Module(m), "__name__") => Some(Value::new_str(m.name.clone())),
        (Payload::Generator(g), "__name__") => Some(Value::new_str(g.name.as_str())),
        (Payload::Generator(g), "__qualname__") => Some(Value::new_str(g.qualname())),
        (Payload::Generator(g), "gi_running" | "cr_running") => Some(Value::Bool(g.state.get() == crate::vm::generator::GenState::Running)),
        (Payload::Generator(g), "gi_code" | "cr_code") => g.code(),
        (Payload::Generator(g), "gi_frame" | "cr_frame" | "ag_frame") => Some(crate::vm::generator::frame_object(_vm, g)),
        (Payload::Generator(g), "gi_suspended" | "cr_suspended") => {
            Some(Value::Bool(g.state.get() == crate::vm::generator::GenState::Suspended))
        }
        (Payload::Traceback(tb), "tb_next") => Some(tb.next.borrow().clone().map(Value::Obj).unwrap_or(Value::None)),
        (Payload::Traceback(tb), "tb_lasti") => {
            // Not started: CPython's frame is at its first instruction (offset 0).
            Some(Value::Int(if tb.lasti == crate::bytecode::code::NOT_STARTED { 0 } else { 2 * tb.lasti as i64 }))
        }
        (Payload::Traceback(tb), "tb_frame") => Some(Value::Obj(tb.frame.clone())),
        (Payload::Traceback(tb), "tb_lineno") => {
            let line = function::code_of(&tb.code).and_then(|c| c.code.line_of(tb.lasti as usize));
            Some(line.map(|l| Value::Int(l as i64)).unwrap_or(Value::None))
        }
        (Payload::Exception(e), "args") => Some(e.borrow().args.clone()),
        (Payload::Exception(e), "__traceback__") => Some(e.borrow().traceback.clone().map(Value::Obj).unwrap_or(Value::None)),
        (Payload::Exception(e), "__cause__") => Some(e.borrow().cause.clone()),
        (Payload::Exception(e), "__context__") => Some(e.borrow().context.clone()),
        (Payload::Exception(e), "__suppress_context__") => Some(Value::Bool(e.borrow().suppress_context)),
        (Payload::Int(b), "real" | "numerator") => Some(crate::objects::int::normalize(b.clone())),
        (Payload::Int(_), "imag") => Some(Value::Int(0)),
        (Payload::Int(_), "denominator") => Some(Value::Int(1)),
        (Payload::Complex { re, .. }, "real") => Some(Value::Float(*re)),
        (Payload::Complex { im, .. }, "imag") => Some(Value::Float(*im)),
        (Payload::Slice { start, .. }, "start") | (Payload::Range { start, .. }, "start") => Some(start.clone()),
        (Payload::Slice { stop, .. }, "stop") | (Payload::Range { stop, .. }, "stop") => Some(stop.clone()),
        (Payload::Slice { step, .. }, "step") | (Payload::Range { step, .. }, "step") => Some(step.clone()),
        (Payload::Property(p), "fget") => Some(p.fget.clone()),
        (Payload::Property(p), "fset") => Some(p.fset.clone()),
        (Payload::Property(p), "fdel") => Some(p.fdel.clone()),
        (Payload::Property(p), "__doc__") => Some(p.doc.clone()),
        (Payload::ClassMethod(f), "__func__") | (Payload::StaticMethod(f), "__func__") => Some(f.clone()),
        (Payload::Cell(c), "cell_contents") => match c.borrow().clone() {
            Some(v) => Some(v),
            None => return Err(PyErr::new("ValueError", "Cell is empty")),
        },
        (Payload::Code(c), _) => code_attr(c, name),
        _ => None,
    })
}

fn code_attr(c: &function::Code, name: &str) -> Option<Value> {
    let code = &c.code;
    let strs = |v: &[crate::bytecode::Name]| Value::new_tuple(v.iter().map(|s| Value::new_str(&**s)).collect());
    Some(match name {
        "co_name" => Value::new_str(code.name.as_str()),
        "co_qualname" => Value::new_str(code.qualname.as_str()),
        "co_filename" => Value::new_str(&*code.filename),
        "co_firstlineno" => Value::Int(code.firstlineno as i64),
        "co_argcount" => Value::Int(code.argcount as i64),
        "co_posonlyargcount" => Value::Int(code.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(code.kwonlyargcount as i64),
        "co_flags" => Value::Int(code.flags as i64),
        "co_nlocals" => Value::Int(code.varnames.len() as i64),
        "co_stacksize" => Value::Int(code.max_stack as i64),
        "co_varnames" => strs(&code.varnames),
        "co_cellvars" => strs(&code.cellvars),
        "co_freevars" => strs(&code.freevars),
        "co_names" => strs(&code.names),
        "co_consts" => Value::new_tuple(c.tables().consts.clone()),
        _ => return None,
    })
}

/// Attribute lookup through a `super` object.
pub fn super_getattr(vm: &Vm, sup: &Value, key: crate::objects::str::Key) -> PyResult<Option<Value>> {
    let Some(Payload::Super { obj, obj_type, .. }) = sup.payload() else {
        return Ok(None);
    };
    let Some(v) = super_lookup(sup, key) else {
        return Ok(None);
    };
    let is_type_obj = obj.as_obj().is_some_and(|o| o.is(obj_type));
    Ok(Some(match v.payload() {
        Some(Payload::ClassMethod(f)) => new_bound_method(f.clone(), Value::Obj(obj_type.clone())),
        Some(Payload::StaticMethod(f)) => f.clone(),
        _ if is_type_obj => v,
        _ => bind(vm, &v, obj)?,
    }))
}

/// The raw attribute `key` found along the MRO of a `super` object's type, after its
/// `this_class` (no descriptor applied). An unbound `super(type)` (made with `object` as its
/// type, which never contains `this_class` unless it is `object` itself) finds nothing.
pub fn super_lookup(sup: &Value, key: crate::objects::str::Key) -> Option<Value> {
    let Some(Payload::Super { this_class, obj_type, obj }) = sup.payload() else {
        return None;
    };
    if obj.is_none() && obj_type.is(&crate::objects::types().object) {
        return None;
    }
    let mro = type_data(obj_type)?.mro.borrow();
    let start = mro.iter().position(|c| c.is(this_class)).map(|i| i + 1).unwrap_or(mro.len());
    mro[start..].iter().find_map(|c| c.dict.borrow().as_ref().and_then(|d| dict::get_key(d, key)))
}

/// `obj.name = value` for a `str` name object (the `StoreAttr` instruction): plain instance
/// attributes go straight into the instance dict using the name's cached hash; everything
/// else takes the general path.
pub fn setattr_name(vm: &Vm, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
    let Some(s) = name.as_str() else {
        return Err(PyErr::type_error("attribute name must be string"));
    };
    if let Value::Obj(o) = obj {
        // Special names (`__class__`, `__dict__`) and `__slots__` classes take the general path.
        let plain_class = typeobj::type_data(o.class()).is_some_and(|t| !t.slotted);
        if matches!(o.payload, Payload::Instance)
            && plain_class
            && !s.as_str().starts_with("__")
            && lookup_user(o.class(), "__setattr__").is_none()
        {
            let key = crate::objects::str::Key::of(s);
            let descr = typeobj::lookup_key(o.class(), key);
            let plain = match &descr {
                None => true,
                Some(d) => !matches!(d.payload(), Some(Payload::Property(_))) && lookup_user(d.class(), "__set__").is_none(),
            };
            if plain {
                // Clone the dict handle out: dropping the old value may run `__del__`,
                // which may replace this object's `__dict__`.
                let d = o.dict.borrow().clone();
                if let Some(d) = d {
                    dict::set_str_key(&d, name, value);
                    return Ok(());
                }
            }
        }
    }
    setattr(vm, obj, s.as_str(), value)
}

/// `setattr(obj, name, value)`.
pub fn setattr(vm: &Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    let cls = obj.class().clone();
    if let Some(sa) = lookup_user(&cls, "__setattr__") {
        call(vm, &sa, Args::new(&[obj.clone(), Value::new_str(name), value]))?;
        return Ok(());
    }
    generic_setattr(vm, obj, name, Some(value))
}

/// `delattr(obj, name)`.
pub fn delattr(vm: &Vm, obj: &Value, name: &str) -> PyResult<()> {
    if let Some(da) = lookup_user(obj.class(), "__delattr__") {
        call(vm, &da, Args::new(&[obj.clone(), Value::new_str(name)]))?;
        return Ok(());
    }
    generic_setattr(vm, obj, name, None)
}

/// `object.__setattr__` / `object.__delattr__` (`value` `None` deletes).
pub fn generic_setattr(vm: &Vm, obj: &Value, name: &str, value: Option<Value>) -> PyResult<()> {
    let cls = obj.class().clone();
    if !matches!(obj.payload(), Some(Payload::Type(_))) {
        if let Some(d) = typeobj::lookup(&cls, name) {
            match (d.payload(), &value) {
                (Some(Payload::Property(p)), Some(v)) => {
                    let (fset, pname) = (&p.fset, &p.name);
                    if fset.is_none() {
                        return Err(property_error(obj, &pname.borrow(), "setter", "can't set attribute"));
                    }
                    call(vm, fset, Args::new(&[obj.clone(), v.clone()]))?;
                    return Ok(());
                }
                (Some(Payload::MemberDescr { name: mname, owner }), _) => return member_set(obj, mname, owner, value),
                (Some(Payload::Property(p)), None) => {
                    let (fdel, pname) = (&p.fdel, &p.name);
                    if fdel.is_none() {
                        return Err(property_error(obj, &pname.borrow(), "deleter", "can't delete attribute"));
                    }
                    call(vm, fdel, Args::new(&[obj.clone()]))?;
                    return Ok(());
                }
                _ => {
                    let hook = if value.is_some() { "__set__" } else { "__delete__" };
                    if let Some(set) = lookup_user(d.class(), hook) {
                        let mut a = vec![d.clone(), obj.clone()];
                        if let Some(v) = value {
                            a.push(v);
                        }
                        call(vm, &set, Args::new(&a))?;
                        return Ok(());
                    }
                }
            }
        }
    }
    if name == "__dict__" {
        if let Some(o) = obj.as_obj() {
            if let Some(r) = set_instance_dict(o, value.as_ref()) {
                return r;
            }
        }
    }
    let Some(o) = obj.as_obj() else {
        if name == "__class__" && value.is_some() {
            return Err(PyErr::type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
        }
        return Err(readonly_attr(obj, name));
    };
    if let Payload::Type(t) = &o.payload {
        typeobj::bump_type_epoch();
        if !t.heap {
            return Err(PyErr::type_error(format!("cannot set '{name}' attribute of immutable type '{}'", t.name.borrow())));
        }
        if name == "__del__" {
            t.has_del.set(true);
        }
        if name == "__abstractmethods__" {
            let abstract_ = match &value {
                Some(v) => super::ops::truthy(vm, v)?,
                None => false,
            };
            t.is_abstract.set(abstract_);
        }
    }
    if let (Payload::Function(f), Some(v)) = (&o.payload, &value) {
        match name {
            "__name__" => {
                if let Some(s) = v.as_str() {
                    *f.name.borrow_mut() = s.as_str().to_string();
                    return Ok(());
                }
                return Err(PyErr::type_error("__name__ must be set to a string object"));
            }
            "__qualname__" => {
                if let Some(s) = v.as_str() {
                    *f.qualname.borrow_mut() = s.as_str().to_string();
                    return Ok(());
                }
                return Err(PyErr::type_error("__qualname__ must be set to a string object"));
            }
            "__doc__" => {
                *f.doc.borrow_mut() = v.clone();
                return Ok(());
            }
            "__module__" => {
                *f.module.borrow_mut() = v.clone();
                return Ok(());
            }
            "__defaults__" => {
                *f.defaults.borrow_mut() = if v.is_none() { None } else { Some(v.clone()) };
                return Ok(());
            }
            _ => {}
        }
    }
    if let (Payload::Exception(e), Some(v)) = (&o.payload, &value) {
        match name {
            "__cause__" => {
                let mut e = e.borrow_mut();
                e.cause = v.clone();
                e.suppress_context = true;
                return Ok(());
            }
            "__context__" => {
                e.borrow_mut().context = v.clone();
                return Ok(());
            }
            "__suppress_context__" => {
                e.borrow_mut().suppress_context = matches!(v, Value::Bool(true));
                return Ok(());
            }
            "__traceback__" => {
                e.borrow_mut().traceback = v.as_obj().cloned();
                return Ok(());
            }
            "args" => {
                e.borrow_mut().args = Value::new_tuple(super::iter::collect(vm, v)?);
                return Ok(());
            }
            _ => {}
        }
    }
    if name == "__class__" {
        if let Some(v) = &value {
            if let Some(c) = v.as_obj().filter(|c| type_data(c).is_some_and(|t| t.heap)) {
                o.set_class(c);
                return Ok(());
            }
            return Err(PyErr::type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
        }
    }
    match instance_dict(o) {
        Some(d) => match value {
            Some(v) => {
                dict::set_str(&d, name, v);
                Ok(())
            }
            None => match dict::del_str(&d, name) {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, name)),
            },
        },
        None => Err(readonly_attr(obj, name)),
    }
}

/// A property without the needed function: CPython 3.11 names the property when
/// `__set_name__` told it its name.
fn property_error(obj: &Value, pname: &Value, missing: &str, anonymous: &str) -> PyErr {
    match pname.as_str() {
        Some(n) => PyErr::new(
            "AttributeError",
            format!("property '{}' of '{}' object has no {missing}", n.as_str(), crate::objects::typeobj::type_qualname(obj.class())),
        ),
        None => PyErr::new("AttributeError", anonymous),
    }
}

fn readonly_attr(obj: &Value, name: &str) -> PyErr {
    if typeobj::lookup(obj.class(), name).is_some() {
        PyErr::attribute_error(obj, name, format!("'{}' object attribute '{name}' is read-only", type_name(obj)))
    } else {
        PyErr::attribute_error(obj, name, format!("'{}' object has no attribute '{name}'", type_name(obj)))
    }
}

/// The unsorted names `dir(obj)` reports: a user `__dir__`, else the module's namespace,
/// a class's attributes along its MRO, or an instance's `__dict__` plus its class's.
pub fn dir_of(vm: &Vm, obj: &Value) -> PyResult<Vec<Value>> {
    if let Some(f) = lookup_user(obj.class(), "__dir__") {
        let r = super::call::call_bound(vm, &f, obj, Args::new(&[]))?;
        return super::iter::collect(vm, &r);
    }
    let names = dict::new_dict();
    let add_dict = |d: &crate::objects::PyRef| {
        for (k, _) in dict::items(d) {
            if let Some(s) = k.as_str() {
                dict::set_str(&names, s.as_str(), Value::None);
            }
        }
    };
    let add_class = |cls: &crate::objects::PyRef| {
        if let Some(t) = type_data(cls) {
            for c in t.mro.borrow().iter() {
                if let Some(d) = c.dict.borrow().as_ref() {
                    add_dict(d);
                }
            }
        }
    };
    match obj.payload() {
        Some(Payload::Module(_)) => {
            if let Some(d) = obj.as_obj().and_then(|o| o.dict.borrow().clone()) {
                add_dict(&d);
            }
        }
        Some(Payload::Type(_)) => {
            if let Some(c) = obj.as_obj() {
                add_class(c);
            }
        }
        _ => {
            if let Some(d) = obj.as_obj().and_then(instance_dict) {
                add_dict(&d);
            }
            add_class(obj.class());
            dict::set_str(&names, "__class__", Value::None);
        }
    }
    Ok(dict::items(&names).into_iter().map(|(k, _)| k).collect())
}

/// `hasattr`-style check used by protocols.
pub fn has_attr(vm: &Vm, obj: &Value, name: &str) -> PyResult<bool> {
    Ok(getattr_opt(vm, obj, name)?.is_some())
}

/// The type object `types().object` (for `super()` lookups ending the MRO).
pub fn object_type() -> Value {
    Value::Obj(types().object.clone())
}
