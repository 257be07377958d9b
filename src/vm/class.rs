//! Class creation: `builtins.__build_class__` (metaclass selection, `__prepare__`, running
//! the class body, `__classcell__`), `type.__new__` (`__set_name__`, `__init_subclass__`),
//! and running `__del__` finalisers for the heap's finaliser hook.

use super::frame::{new_cell, Frame};
use super::{interp, Exit, Vm};
use crate::objects::function::code_of;
use crate::objects::typeobj::{self, type_data};
use crate::objects::{dict, types, Payload, PyRef, Value};
use crate::runtime::call::{call, call_bound};
use crate::runtime::{attr, Args, PyErr, PyResult};

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    let Some(name) = pos[1].as_str().map(|s| s.as_str().to_string()) else {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    };
    let bases: Vec<Value> = pos[2..].to_vec();
    let mut meta: Option<Value> = None;
    let mut kw_names = Vec::new();
    let mut kw_values = Vec::new();
    for (k, v) in args.kwargs() {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            kw_names.push(Value::new_str(k));
            kw_values.push(v.clone());
        }
    }
    let mut base_types = Vec::new();
    for b in &bases {
        match b.as_obj().filter(|o| type_data(o).is_some()) {
            Some(t) => base_types.push(t.clone()),
            None => {
                if let Some(mro_entries) = attr::getattr_opt(vm, b, "__mro_entries__")? {
                    let r = call(vm, &mro_entries, Args::new(&[Value::new_tuple(bases.clone())]))?;
                    for x in crate::runtime::iter::collect(vm, &r)? {
                        if let Some(t) = x.as_obj() {
                            base_types.push(t.clone());
                        }
                    }
                } else {
                    return Err(PyErr::type_error("bases must be types"));
                }
            }
        }
    }
    // The most derived metaclass among the explicit one and the bases' types.
    let mut winner = match &meta {
        Some(m) => m.clone(),
        None => Value::Obj(base_types.first().map(|b| b.class().clone()).unwrap_or_else(|| types().type_.clone())),
    };
    if let Some(w) = winner.as_obj().filter(|w| type_data(w).is_some()).cloned() {
        let mut w = w;
        for b in &base_types {
            let bm = b.class();
            if typeobj::is_subtype(&w, bm) {
                continue;
            }
            if typeobj::is_subtype(bm, &w) {
                w = bm.clone();
                continue;
            }
            return Err(PyErr::type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        winner = Value::Obj(w);
    }
    let bases_tuple = Value::new_tuple(base_types.iter().map(|b| Value::Obj(b.clone())).collect());
    // Namespace from __prepare__.
    let ns = match attr::getattr_opt(vm, &winner, "__prepare__")? {
        Some(prep) if !is_default_prepare(&prep) => {
            let mut a = vec![Value::new_str(name.as_str()), bases_tuple.clone()];
            a.extend(kw_values.iter().cloned());
            call(vm, &prep, Args { args: &a, kwnames: &kw_names })?
        }
        _ => Value::Obj(dict::new_dict()),
    };
    let ns_obj = match ns.as_obj() {
        Some(o) if typeobj::lookup(o.class(), "__getitem__").is_some() => o.clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{}.__prepare__() must return a mapping, not {}",
                winner.as_obj().map(typeobj::name_of).unwrap_or_default(),
                crate::objects::typeobj::type_name(&ns)
            )))
        }
    };
    // Run the body with the namespace as its locals.
    let Some(Payload::Function(f)) = func.payload() else {
        return Err(PyErr::type_error("__build_class__: func must be a function"));
    };
    let code = f.code.clone();
    let mut frame = Frame::for_module(code.clone(), f.globals.clone(), ns_obj.clone(), f.builtins.clone());
    if let Some(c) = code_of(&code) {
        frame.cells = (0..c.code.cellvars.len()).map(|_| new_cell(None)).collect();
    }
    if let Some(closure) = &f.closure {
        frame.cells.extend(closure.iter().cloned());
    }
    match vm.run(frame) {
        (_, Ok(Exit::Return(_))) => {}
        (_, Ok(Exit::Yield(_))) => return Err(PyErr::new("SystemError", "yield in class body")),
        (_, Err(e)) => return Err(e),
    }
    if !bases.is_empty() && base_types.len() != bases.len() || bases.iter().zip(&base_types).any(|(a, b)| !a.is(&Value::Obj(b.clone()))) {
        crate::runtime::item::setitem(vm, &ns, &Value::new_str("__orig_bases__"), Value::new_tuple(bases.clone()))?;
    }
    let mut a = vec![Value::new_str(name.as_str()), bases_tuple, ns.clone()];
    a.extend(kw_values);
    let cls = call(vm, &winner, Args { args: &a, kwnames: &kw_names })?;
    // Fill the `__class__` cell used by zero-argument super().
    if let Some(cell) = dict::get_str(&ns_obj, "__classcell__") {
        if let Some(Payload::Cell(c)) = cell.payload() {
            *c.borrow_mut() = Some(cls.clone());
        }
    }
    Ok(cls)
}

fn is_default_prepare(f: &Value) -> bool {
    matches!(f.payload(), Some(Payload::NativeFunction(nf)) if nf.name == "__prepare__")
        || matches!(f.payload(), Some(Payload::BoundMethod { func, .. }) if matches!(func.payload(), Some(Payload::NativeFunction(nf)) if nf.name == "__prepare__"))
}

/// `type.__new__(meta, name, bases, ns, **kwds)`, or `type(obj)` with one argument.
pub fn type_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() == 2 {
        return Ok(Value::Obj(pos[1].class().clone()));
    }
    if pos.len() != 4 {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let meta = pos[0].as_obj().cloned().ok_or_else(|| PyErr::type_error("type.__new__(X): X is not a type object"))?;
    let name = pos[1]
        .as_str()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| PyErr::type_error(format!("type.__new__() argument 1 must be str, not {}", typeobj::type_name(&pos[1]))))?;
    let bases: Vec<PyRef> = crate::objects::tuple::items(&pos[2])
        .ok_or_else(|| PyErr::type_error(format!("type.__new__() argument 2 must be tuple, not {}", typeobj::type_name(&pos[2]))))?
        .iter()
        .filter_map(|b| b.as_obj().cloned())
        .collect();
    let ns = pos[3].as_obj().cloned().ok_or_else(|| PyErr::type_error("type.__new__() argument 3 must be dict"))?;
    let ns_copy = dict::new_dict();
    // The keys themselves (interned names from the class body), not new strings.
    for (k, v) in crate::objects::dict::items(&ns) {
        dict::set_str_key(&ns_copy, &k, v);
    }
    if dict::get_str(&ns_copy, "__module__").is_none() {
        if let Some(view) = vm.caller_view() {
            if let Some(m) = dict::get_str(&view.globals, "__name__") {
                dict::set_str(&ns_copy, "__module__", m);
            }
        }
    }
    // Every class has a `__doc__` (None without a docstring), as type.__new__ adds it,
    // unless `__doc__` is one of the class's slots.
    let doc_slot = dict::get_str(&ns_copy, "__slots__").is_some_and(|slots| match slots.payload() {
        Some(Payload::Str(s)) => s.as_str() == "__doc__",
        Some(Payload::Tuple(items)) => items.iter().any(|i| i.as_str().is_some_and(|s| s.as_str() == "__doc__")),
        Some(Payload::List(items)) => items.borrow().iter().any(|i| i.as_str().is_some_and(|s| s.as_str() == "__doc__")),
        _ => false,
    });
    if !doc_slot && dict::get_str(&ns_copy, "__doc__").is_none() {
        dict::set_str(&ns_copy, "__doc__", Value::None);
    }
    // Defining `__eq__` without `__hash__` makes instances unhashable.
    if dict::get_str(&ns_copy, "__eq__").is_some() && dict::get_str(&ns_copy, "__hash__").is_none() {
        dict::set_str(&ns_copy, "__hash__", Value::None);
    }
    // Functions named `__init_subclass__` and `__class_getitem__` are implicit classmethods;
    // `__new__` is an implicit staticmethod.
    for (n, wrap) in [("__init_subclass__", 0), ("__class_getitem__", 0), ("__new__", 1)] {
        if let Some(f) = dict::get_str(&ns_copy, n) {
            if matches!(f.payload(), Some(Payload::Function(_))) {
                let payload = if wrap == 0 { Payload::ClassMethod(f) } else { Payload::StaticMethod(f) };
                let cls = if wrap == 0 { &types().classmethod } else { &types().staticmethod };
                dict::set_str(&ns_copy, n, Value::Obj(PyRef::new(cls, payload)));
            }
        }
    }
    let cls = typeobj::new_class(&meta, &name, bases, &ns_copy)?;
    let cls_v = Value::Obj(cls.clone());
    // __set_name__ on descriptors.
    for (k, v) in dict::items(&ns_copy) {
        if let Some(set_name) = typeobj::lookup(v.class(), "__set_name__") {
            if let Err(e) = call_bound(vm, &set_name, &v, Args::new(&[cls_v.clone(), k.clone()])) {
                // CPython 3.11 wraps the failure, chained as its cause.
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    crate::objects::typeobj::type_name(&v),
                    crate::runtime::repr::repr(vm, &k)?,
                    typeobj::name_of(&cls)
                );
                let wrapped = PyErr::runtime_error(msg);
                if let Some(d) = crate::objects::exception::exc_data(&wrapped.value()) {
                    let mut d = d.borrow_mut();
                    d.cause = e.value();
                    d.context = e.value();
                    d.suppress_context = true;
                }
                return Err(wrapped);
            }
        }
    }
    // super(cls, cls).__init_subclass__(**kwds)
    let mro = type_data(&cls).map(|t| t.mro.borrow().clone()).unwrap_or_default();
    for parent in mro.iter().skip(1) {
        if let Some(d) = parent.dict.borrow().clone() {
            if let Some(f) = dict::get_str(&d, "__init_subclass__") {
                let func = match f.payload() {
                    Some(Payload::ClassMethod(inner)) => inner.clone(),
                    _ => f,
                };
                let kw_vals: Vec<Value> = args.kwargs().map(|(_, v)| v.clone()).collect();
                let kw_names: Vec<Value> = args.kwargs().map(|(k, _)| Value::new_str(k)).collect();
                let mut a = vec![cls_v.clone()];
                a.extend(kw_vals);
                call(vm, &func, Args { args: &a, kwnames: &kw_names })?;
                break;
            }
        }
    }
    Ok(cls_v)
}

/// `object.__init_subclass__()`: accepts no keyword arguments.
pub fn object_init_subclass(_vm: &Vm, args: Args) -> PyResult<Value> {
    if let Some((k, _)) = args.kwargs().next() {
        let cls = args.args.first().and_then(|c| type_data(c.as_obj()?).map(|t| t.qualname.borrow().clone())).unwrap_or_default();
        let _ = k;
        return Err(PyErr::type_error(format!("{cls}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(Value::None)
}

/// The heap's finaliser hook: run `__del__`; an exception is reported as CPython's
/// "Exception ignored in" message. Returns whether the object was resurrected.
pub fn run_del(obj: &PyRef) -> bool {
    let v = Value::Obj(obj.clone());
    if let Payload::Generator(_) = &obj.payload {
        let vm = Vm::new();
        if let Err(e) = super::generator::gen_close(&vm, Args::new(std::slice::from_ref(&v))) {
            let text = crate::runtime::repr::repr(&vm, &v).unwrap_or_default();
            super::traceback::print_unraisable(&vm, &format!("Exception ignored in: {text}"), &e);
        }
        return obj.refcount() > 2;
    }
    let Some(del) = typeobj::lookup(obj.class(), "__del__") else {
        return false;
    };
    let vm = Vm::new();
    if let Err(e) = call_bound(&vm, &del, &v, Args::new(&[])) {
        let text = crate::runtime::repr::repr(&vm, &del).unwrap_or_default();
        super::traceback::print_unraisable(&vm, &format!("Exception ignored in: {text}"), &e);
    }
    let _ = interp;
    obj.refcount() > 2
}
