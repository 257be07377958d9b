//! Calling: dispatch on the callable's kind (Python function, native function, bound
//! method, type, object with `__call__`), method lookup helpers, and class construction
//! (`type.__call__`: `__new__` then `__init__`).

use super::{Args, PyErr, PyResult};
use crate::objects::typeobj::{self, type_data, type_name};
use crate::objects::{function, types, Payload, PyRef, Value};
use crate::vm::Vm;

/// `callable(*args)`.
pub fn call(vm: &Vm, callable: &Value, args: Args) -> PyResult<Value> {
    let Value::Obj(o) = callable else {
        return Err(not_callable(callable));
    };
    match &o.payload {
        Payload::Function(_) => vm.call_function(o, args),
        Payload::NativeFunction(nf) => match &nf.self_ {
            Some(s) => with_prepended(s, args, |full| (nf.func)(vm, full)),
            None => nf.call_unbound(vm, args),
        },
        Payload::BoundMethod { func, self_ } => with_prepended(self_, args, |full| call(vm, func, full)),
        Payload::Type(_) => match lookup_user(o.class(), "__call__") {
            // A metaclass's `__call__` (which usually ends in `type.__call__`).
            Some(f) => call_bound(vm, &f, callable, args),
            None => call_type(vm, o, args),
        },
        _ => match typeobj::lookup(o.class(), "__call__") {
            Some(f) => call_bound(vm, &f, callable, args),
            None => Err(not_callable(callable)),
        },
    }
}

/// Run `f` with the arguments `first, *args.args` (keywords unchanged). Prepending a
/// receiver is the most common reshuffle of arguments (bound methods, `__new__`,
/// `__init__`, native methods); up to `SMALL` arguments are assembled on the Rust stack
/// instead of in a new `Vec` (an allocation and a free per call).
#[inline]
pub fn with_prepended<R>(first: &Value, args: Args, f: impl FnOnce(Args) -> R) -> R {
    const SMALL: usize = 6;
    let n = args.args.len() + 1;
    if n <= SMALL {
        let mut buf: [Value; SMALL] = std::array::from_fn(|_| Value::None);
        buf[0] = first.clone();
        for (slot, v) in buf[1..n].iter_mut().zip(args.args) {
            *slot = v.clone();
        }
        return f(Args { args: &buf[..n], kwnames: args.kwnames });
    }
    let mut full = Vec::with_capacity(n);
    full.push(first.clone());
    full.extend_from_slice(args.args);
    f(Args { args: &full, kwnames: args.kwnames })
}

fn not_callable(v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not callable", type_name(v)))
}

/// Call an attribute found on a type as a method of `self_`.
pub fn call_bound(vm: &Vm, func: &Value, self_: &Value, args: Args) -> PyResult<Value> {
    match func.payload() {
        Some(Payload::Function(_)) | Some(Payload::NativeFunction(_)) => with_prepended(self_, args, |full| call(vm, func, full)),
        _ => {
            let bound = super::attr::bind(vm, func, self_)?;
            call(vm, &bound, args)
        }
    }
}

/// The attribute `name` defined by a user (heap) class on `cls`'s MRO, if any. Builtin
/// types' own methods are not reported: callers use their Rust fast paths instead.
pub fn lookup_user(cls: &PyRef, name: &str) -> Option<Value> {
    let t = type_data(cls)?;
    if !t.heap {
        return None;
    }
    if let Some(i) = typeobj::hot_dunder_index(name) {
        let bits = typeobj::user_dunder_bits(t, || {
            let mut bits = 0u32;
            for (j, d) in typeobj::HOT_DUNDERS.iter().enumerate() {
                if lookup_user_walk(t, d).is_some() {
                    bits |= 1 << j;
                }
            }
            bits
        });
        if bits & (1 << i) == 0 {
            return None;
        }
    }
    lookup_user_walk(t, name)
}

fn lookup_user_walk(t: &typeobj::TypeData, name: &str) -> Option<Value> {
    let key = crate::objects::str::Key::new(name);
    for c in t.mro.borrow().iter() {
        let Some(td) = type_data(c) else { continue };
        if !td.heap {
            return None;
        }
        if let Some(d) = c.dict.borrow().as_ref() {
            if let Some(v) = crate::objects::dict::get_key(d, key) {
                return Some(v);
            }
        }
    }
    None
}

/// Call `type(obj).name(obj, *args)` if the type has `name`; `None` if it does not.
pub fn call_method_opt(vm: &Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    match typeobj::lookup(obj.class(), name) {
        Some(f) => call_bound(vm, &f, obj, Args::new(args)).map(Some),
        None => Ok(None),
    }
}

/// `obj.name(*args)` through normal attribute lookup.
pub fn call_method(vm: &Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = super::attr::getattr(vm, obj, name)?;
    call(vm, &f, Args::new(args))
}

/// `type.__call__(cls, *args)`.
pub fn type_call(vm: &Vm, args: Args) -> PyResult<Value> {
    let cls = args.args.first().and_then(|c| c.as_obj()).filter(|c| type_data(c).is_some()).cloned();
    let Some(cls) = cls else {
        return Err(PyErr::type_error("descriptor '__call__' requires a 'type' object"));
    };
    call_type(vm, &cls, Args { args: &args.args[1..], kwnames: args.kwnames })
}

/// `cls(*args)`: `type(x)` with one argument, else `__new__` followed by `__init__`.
fn call_type(vm: &Vm, cls: &PyRef, args: Args) -> PyResult<Value> {
    let t = types();
    if cls.is(&t.type_) && args.args.len() == 1 && args.kwnames.is_empty() {
        return Ok(Value::Obj(args.args[0].class().clone()));
    }
    let cls_v = Value::Obj(cls.clone());
    let (new, init_of_cls) = typeobj::ctor_methods(cls);
    let obj = match &new {
        Some(new_f) => {
            let func = match new_f.payload() {
                Some(Payload::StaticMethod(f)) => f.clone(),
                _ => new_f.clone(),
            };
            with_prepended(&cls_v, args, |full| call(vm, &func, full))?
        }
        None => return Err(PyErr::type_error(format!("cannot create '{}' instances", typeobj::name_of(cls)))),
    };
    if !typeobj::isinstance(&obj, cls) {
        return Ok(obj);
    }
    let init = if obj.class().is(cls) { init_of_cls } else { typeobj::lookup_key(obj.class(), crate::objects::str::KEY_INIT.key()) };
    if let Some(init) = init {
        if !is_object_init(&init) {
            let r = call_bound(vm, &init, &obj, args)?;
            if !r.is_none() {
                return Err(init_returned(&r));
            }
        } else if !args.args.is_empty() && new.as_ref().is_some_and(is_object_new) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", typeobj::name_of(cls))));
        }
    }
    Ok(obj)
}

/// For `cls(...)` whose construction is plain — the metaclass does not override
/// `__call__`, `__new__` is `object.__new__` and may allocate (`cls` is not abstract and
/// has no builtin base), and `__init__` is a Python function that is not a generator — a
/// new instance and that `__init__`, for the loop to run `__init__` as an inline frame
/// (`vm::instr::do_call`). `None` sends the call through [`call_type`].
pub fn plain_construct(cls: &PyRef) -> Option<(Value, Value)> {
    let t = type_data(cls)?;
    if !t.heap || t.kind != typeobj::BaseKind::Object || t.is_abstract.get() || lookup_user(cls.class(), "__call__").is_some() {
        return None;
    }
    let (new, init) = typeobj::ctor_methods(cls);
    let init = init?;
    match init.payload() {
        Some(Payload::Function(f)) if !function::code_of(&f.code)?.code.is_generator_like() => {}
        _ => return None,
    }
    if !new.as_ref().is_some_and(is_object_new) {
        return None;
    }
    Some((crate::modules::object_methods::alloc_instance(cls, Payload::Instance), init))
}

/// The error when an `__init__` returns `r`, not `None`.
#[cold]
pub fn init_returned(r: &Value) -> PyErr {
    PyErr::type_error(format!("__init__() should return None, not '{}'", type_name(r)))
}

/// Is `f` (a class's `__new__` as found on its MRO) `object.__new__`?
fn is_object_new(f: &Value) -> bool {
    let f = match f.payload() {
        Some(Payload::StaticMethod(inner)) => inner,
        _ => f,
    };
    matches!(f.payload(), Some(Payload::NativeFunction(nf)) if nf.name == "__new__" && nf.owner == "object")
}

fn is_object_init(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::NativeFunction(nf)) if nf.name == "__init__" && nf.owner == "object")
}

/// Make a bound method object.
pub fn new_bound_method(func: Value, self_: Value) -> Value {
    Value::Obj(PyRef::new(&types().method, Payload::BoundMethod { func, self_ }))
}

/// Wrap a native function as a value (re-exported for modules).
pub fn native(name: &'static str, f: crate::objects::NativeFn) -> Value {
    function::native(name, f)
}
