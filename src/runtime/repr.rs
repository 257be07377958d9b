//! `repr()`, `str()` and `format()` of values: builtin payloads in Rust, user classes via
//! `__repr__`/`__str__`/`__format__`, with recursion guards for self-containing
//! containers (`[...]`, `{...}`).

use std::cell::RefCell;

use super::call::{call_bound, lookup_user};
use super::{Args, PyErr, PyResult};
use crate::objects::typeobj::{self, type_data, type_name};
use crate::objects::{exception, Payload, Value};
use crate::vm::Vm;

thread_local! {
    /// Containers whose repr is being computed on this thread (for `[...]`).
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `repr(v)` as Rust text.
pub fn repr(vm: &Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::None => return Ok("None".into()),
        Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => return Ok(i.to_string()),
        Value::Float(f) => return Ok(crate::num::float_repr(*f)),
        Value::Obj(_) => {}
    }
    if let Some(f) = lookup_user(v.class(), "__repr__") {
        let r = call_bound(vm, &f, v, Args::new(&[]))?;
        return match r.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(PyErr::type_error(format!("__repr__ returned non-string (type {})", type_name(&r)))),
        };
    }
    builtin_repr(vm, v)
}

/// The repr of builtin payloads (also `object.__repr__`).
pub fn builtin_repr(vm: &Vm, v: &Value) -> PyResult<String> {
    let Value::Obj(o) = v else { return repr(vm, v) };
    Ok(match &o.payload {
        Payload::Str(s) => crate::text::str_repr(s.as_str()),
        Payload::Int(b) => crate::num::int_to_decimal(b, crate::modules::sys::int_max_str_digits()).map_err(PyErr::from_spec)?,
        Payload::Float(f) => crate::num::float_repr(*f),
        Payload::Complex { re, im } => crate::num::complex_repr(*re, *im),
        Payload::Bytes(b) => crate::text::bytes_repr(b),
        Payload::Super { this_class, obj, obj_type } => {
            let name = crate::objects::typeobj::name_of(this_class);
            if obj.is_none() && obj_type.is(&crate::objects::types().object) {
                format!("<super: <class '{name}'>, NULL>")
            } else {
                format!("<super: <class '{name}'>, <{} object>>", crate::objects::typeobj::name_of(obj_type))
            }
        }
        Payload::MemberDescr { name, owner } => format!("<member '{name}' of '{}' objects>", crate::objects::typeobj::name_of(owner)),
        Payload::ByteArray(b) => crate::text::repr::bytearray_repr(&b.borrow(), &crate::objects::typeobj::name_of(o.class())),
        Payload::List(l) => {
            let items = l.borrow().clone();
            return guarded(o.addr(), "[...]", || Ok(format!("[{}]", join_reprs(vm, &items)?)));
        }
        Payload::Tuple(t) => {
            if t.len() == 1 {
                return guarded(o.addr(), "(...)", || Ok(format!("({},)", repr(vm, &t[0])?)));
            }
            return guarded(o.addr(), "(...)", || Ok(format!("({})", join_reprs(vm, t)?)));
        }
        Payload::Dict(d) => {
            let items: Vec<(Value, Value)> = d.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
            return guarded(o.addr(), "{...}", || {
                let mut parts = Vec::with_capacity(items.len());
                for (k, val) in &items {
                    parts.push(format!("{}: {}", repr(vm, k)?, repr(vm, val)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            });
        }
        Payload::Set(_) | Payload::FrozenSet(_) => {
            let items = crate::runtime::set::table_snapshot(v).map(|t| t.keys()).unwrap_or_default();
            let name = type_name(v);
            if items.is_empty() {
                return Ok(format!("{name}()"));
            }
            let exact_set = o.class().is(&crate::objects::types().set);
            let marker = if exact_set { "{...}".to_string() } else { format!("{name}(...)") };
            return guarded(o.addr(), &marker, || {
                let body = join_reprs(vm, &items)?;
                Ok(if exact_set { format!("{{{body}}}") } else { format!("{name}({{{body}}})") })
            });
        }
        Payload::Range { start, stop, step } => {
            if matches!(step, Value::Int(1)) {
                format!("range({}, {})", repr(vm, start)?, repr(vm, stop)?)
            } else {
                format!("range({}, {}, {})", repr(vm, start)?, repr(vm, stop)?, repr(vm, step)?)
            }
        }
        Payload::Slice { start, stop, step } => {
            format!("slice({}, {}, {})", repr(vm, start)?, repr(vm, stop)?, repr(vm, step)?)
        }
        Payload::Type(t) => {
            let module = if t.heap {
                typeobj::lookup(o, "__module__").and_then(|m| m.as_str().map(|s| s.as_str().to_string())).unwrap_or_default()
            } else {
                t.module.to_string()
            };
            if module == "builtins" || module.is_empty() {
                format!("<class '{}'>", t.qualname.borrow())
            } else {
                format!("<class '{}.{}'>", module, t.qualname.borrow())
            }
        }
        Payload::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), o.addr()),
        Payload::NativeFunction(nf) => match &nf.self_ {
            Some(s) if !matches!(s.payload(), Some(Payload::Module(_))) => {
                format!("<built-in method {} of {} object at {:#x}>", nf.name, type_name(s), s.id())
            }
            _ if nf.is_method => format!("<method '{}' of '{}' objects>", nf.name, nf.owner),
            _ => format!("<built-in function {}>", nf.name),
        },
        Payload::BoundMethod { func, self_ } => match func.payload() {
            // A native function bound as a method (`dict.fromkeys`, a classmethod of a
            // builtin type) shows as CPython's builtin methods do.
            Some(Payload::NativeFunction(nf)) => {
                format!("<built-in method {} of {} object at {:#x}>", nf.name, type_name(self_), self_.id())
            }
            Some(Payload::Function(f)) => format!("<bound method {} of {}>", f.qualname.borrow(), repr(vm, self_)?),
            _ => format!("<bound method ? of {}>", repr(vm, self_)?),
        },
        Payload::Module(m) => {
            let file = o.dict.borrow().as_ref().and_then(|d| crate::objects::dict::get_str(d, "__file__"));
            match file.as_ref().and_then(|f| f.as_str()) {
                Some(f) => format!("<module '{}' from '{}'>", m.name, f.as_str()),
                None => format!("<module '{}' (built-in)>", m.name),
            }
        }
        Payload::Exception(e) => {
            let args = e.borrow().args.clone();
            let items = crate::objects::tuple::items(&args).map(|t| t.to_vec()).unwrap_or_default();
            let name = type_name(v);
            if items.len() == 1 {
                format!("{name}({})", repr(vm, &items[0])?)
            } else {
                format!("{name}({})", join_reprs(vm, &items)?)
            }
        }
        Payload::Code(c) => {
            format!("<code object {} at {:#x}, file \"{}\", line {}>", c.code.name, o.addr(), c.code.filename, c.code.firstlineno)
        }
        Payload::Cell(c) => match &*c.borrow() {
            Some(x) => format!("<cell at {:#x}: {} object at {:#x}>", o.addr(), type_name(x), x.id()),
            None => format!("<cell at {:#x}: empty>", o.addr()),
        },
        Payload::Singleton => {
            let t = crate::objects::types();
            if o.is(&t.not_implemented) {
                "NotImplemented".into()
            } else if o.is(&t.ellipsis) {
                "Ellipsis".into()
            } else {
                "<marker>".into()
            }
        }
        Payload::DictView { .. } => crate::objects::dict_view::repr(vm, v)?,
        Payload::MappingProxy(m) => format!("mappingproxy({})", repr(vm, m)?),
        Payload::Generator(g) => format!("<generator object {} at {:#x}>", g.qualname(), o.addr()),
        _ => default_repr(v),
    })
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    let cls = v.class();
    let module = match type_data(cls) {
        Some(t) if t.heap => {
            typeobj::lookup(cls, "__module__").and_then(|m| m.as_str().map(|s| s.as_str().to_string())).unwrap_or_default()
        }
        Some(t) => t.module.to_string(),
        None => String::new(),
    };
    let qual = type_data(cls).map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    if module == "builtins" || module.is_empty() {
        format!("<{qual} object at {:#x}>", v.id())
    } else {
        format!("<{module}.{qual} object at {:#x}>", v.id())
    }
}

fn guarded(addr: usize, placeholder: &str, f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
    if REPR_STACK.with(|s| s.borrow().contains(&addr)) {
        return Ok(placeholder.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(addr));
    let r = f();
    REPR_STACK.with(|s| {
        s.borrow_mut().pop();
    });
    r
}

fn join_reprs(vm: &Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for it in items {
        parts.push(repr(vm, it)?);
    }
    Ok(parts.join(", "))
}

/// `str(v)` as Rust text.
pub fn str(vm: &Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        if lookup_user(v.class(), "__str__").is_none() {
            return Ok(s.as_str().to_string());
        }
    }
    if let Some(f) = lookup_user(v.class(), "__str__") {
        let r = call_bound(vm, &f, v, Args::new(&[]))?;
        return match r.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(PyErr::type_error(format!("__str__ returned non-string (type {})", type_name(&r)))),
        };
    }
    if let Some(e) = exception::exc_data(v) {
        return exception_str(vm, v, &e.borrow().args.clone());
    }
    if let Some(m) = crate::objects::mappingproxy::mapping(v) {
        return str(vm, m);
    }
    // `object.__str__` calls the type's `__repr__`; `str()` then checks the result.
    if let Some(f) = lookup_user(v.class(), "__repr__") {
        let r = call_bound(vm, &f, v, Args::new(&[]))?;
        return match r.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(PyErr::type_error(format!("__str__ returned non-string (type {})", type_name(&r)))),
        };
    }
    repr(vm, v)
}

/// `str(exc)`: the single argument's str, `''` for none, the args tuple's repr otherwise;
/// `KeyError` uses the repr of its single argument.
pub fn exception_str(vm: &Vm, exc: &Value, args: &Value) -> PyResult<String> {
    if typeobj::isinstance(exc, crate::objects::types().exc.get("OSError")) {
        if let Some(s) = crate::modules::os_error::oserror_str(vm, exc)? {
            return Ok(s);
        }
    }
    if super::exc_group::is_group(exc) {
        return Ok(super::exc_group::group_str(exc));
    }
    if typeobj::isinstance(exc, crate::objects::types().exc.get("UnicodeError")) {
        if let Some(s) = crate::modules::unicode_error::unicode_error_str(vm, exc)? {
            return Ok(s);
        }
    }
    if typeobj::isinstance(exc, crate::objects::types().exc.get("SyntaxError")) {
        return crate::modules::exception_init::syntax_error_str(vm, exc);
    }
    let items = crate::objects::tuple::items(args).map(|t| t.to_vec()).unwrap_or_default();
    match items.len() {
        0 => Ok(String::new()),
        1 => {
            if typeobj::isinstance(exc, crate::objects::types().exc.get("KeyError")) {
                repr(vm, &items[0])
            } else {
                str(vm, &items[0])
            }
        }
        _ => repr(vm, args),
    }
}
