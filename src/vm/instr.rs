//! Instruction bodies too large for a dispatch arm: name resolution, calls and the call
//! layouts, function creation, container building, unpacking, formatting, `with`.

use super::frame::{bind_call, Frame};
use super::{generator, interp, Vm};
use crate::bytecode::opcode::make_function;
use crate::bytecode::{CodeObject, Conversion};
use crate::objects::function::{code_of, Function, GlobalCache};
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, types, Payload, PyRef, Value};
use crate::runtime::call::lookup_user;
use crate::runtime::{attr, iter, mapping, repr, Args, PyErr, PyResult};
use std::cell::RefCell;

/// The Rust text of a name constant.
#[inline]
pub(crate) fn name_str(v: &Value) -> &str {
    v.as_str().map(|s| s.as_str()).unwrap_or("")
}

/// The lookup key (text and cached hash) of a name constant.
#[inline]
pub(crate) fn name_key(v: &Value) -> crate::objects::str::Key<'_> {
    match v.as_str() {
        Some(s) => crate::objects::str::Key::of(s),
        None => crate::objects::str::Key::new(""),
    }
}

#[cold]
pub(crate) fn unbound_local(name: &str) -> PyErr {
    let e = PyErr::new("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value"));
    crate::runtime::set_attr_raw(&e.exc, "name", Value::new_str(name));
    e
}

/// Is `v` an instance of a user-defined class (whose dunders may override builtins)?
#[inline]
pub(crate) fn is_heap_instance(v: &Value) -> bool {
    match v {
        Value::Obj(o) => typeobj::type_data(o.class()).is_some_and(|t| t.heap),
        _ => false,
    }
}

fn mapping_get(vm: &Vm, m: &PyRef, key: &Value) -> PyResult<Option<Value>> {
    match &m.payload {
        Payload::Dict(d) if !is_heap_instance(&Value::Obj(m.clone())) => match key.as_str() {
            Some(s) => {
                let dd = d.borrow();
                Ok(dd.find_str(s.hash(), s.as_str()).and_then(|ix| dd.value_at(ix)))
            }
            None => mapping::get(vm, d, key),
        },
        _ => match crate::runtime::item::getitem(vm, &Value::Obj(m.clone()), key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is("KeyError") => Ok(None),
            Err(e) => Err(e),
        },
    }
}

pub(crate) fn load_name(vm: &Vm, frame: &Frame, name: &Value) -> PyResult<Value> {
    if let Some(l) = &frame.locals {
        if let Some(v) = mapping_get(vm, l, name)? {
            return Ok(v);
        }
    }
    load_global(frame, name)
}

pub(crate) fn load_global(frame: &Frame, name: &Value) -> PyResult<Value> {
    let Some(s) = name.as_str() else {
        return Err(PyErr::name_error("?"));
    };
    let h = s.hash();
    for d in [&frame.globals, &frame.builtins] {
        if let Payload::Dict(cell) = &d.payload {
            let dd = cell.borrow();
            if let Some(ix) = dd.find_str(h, s.as_str()) {
                if let Some(v) = dd.value_at(ix) {
                    return Ok(v);
                }
            }
        }
    }
    Err(PyErr::name_error(s.as_str()))
}

/// `LoadGlobal` through the code object's per-name cache.
#[inline]
pub(crate) fn load_global_cached(frame: &Frame, name: &Value, cache: &std::cell::Cell<GlobalCache>) -> PyResult<Value> {
    let (Payload::Dict(g), Payload::Dict(b)) = (&frame.globals.payload, &frame.builtins.payload) else {
        return load_global(frame, name);
    };
    let c = cache.get();
    {
        let gd = g.borrow();
        if c.globals_version != 0 && gd.version == c.globals_version {
            if !c.in_builtins {
                if let Some(v) = gd.value_at(c.index as usize) {
                    return Ok(v);
                }
            } else {
                let bd = b.borrow();
                if bd.version == c.builtins_version {
                    if let Some(v) = bd.value_at(c.index as usize) {
                        return Ok(v);
                    }
                }
            }
        }
    }
    let Some(s) = name.as_str() else { return Err(PyErr::name_error("?")) };
    let h = s.hash();
    let gd = g.borrow();
    if let Some(ix) = gd.find_str(h, s.as_str()) {
        cache.set(GlobalCache { globals_version: gd.version, builtins_version: 0, index: ix as u32, in_builtins: false });
        return gd.value_at(ix).ok_or_else(|| PyErr::name_error(s.as_str()));
    }
    let bd = b.borrow();
    if let Some(ix) = bd.find_str(h, s.as_str()) {
        cache.set(GlobalCache { globals_version: gd.version, builtins_version: bd.version, index: ix as u32, in_builtins: true });
        return bd.value_at(ix).ok_or_else(|| PyErr::name_error(s.as_str()));
    }
    Err(PyErr::name_error(s.as_str()))
}

pub(crate) fn store_name(vm: &Vm, frame: &Frame, name: &Value, v: Value) -> PyResult<()> {
    match &frame.locals {
        Some(l) if matches!(l.payload, Payload::Dict(_)) && !is_heap_instance(&Value::Obj(l.clone())) => {
            dict::set_str_key(l, name, v);
            Ok(())
        }
        Some(l) => crate::runtime::item::setitem(vm, &Value::Obj(l.clone()), name, v),
        None => {
            dict::set_str_key(&frame.globals, name, v);
            Ok(())
        }
    }
}

pub(crate) fn delete_name(vm: &Vm, frame: &Frame, name: &Value) -> PyResult<()> {
    let target = frame.locals.clone().unwrap_or_else(|| frame.globals.clone());
    match crate::runtime::item::delitem(vm, &Value::Obj(target), name) {
        Err(e) if e.is("KeyError") => Err(PyErr::name_error(name_str(name))),
        other => other,
    }
}

fn cell_name(code: &CodeObject, i: usize) -> &str {
    if i < code.cellvars.len() {
        &code.cellvars[i]
    } else {
        code.freevars.get(i - code.cellvars.len()).map(|s| &**s).unwrap_or("?")
    }
}

/// Cell `i` of `frame`. Codegen's frames always have it; a crafted `.pyc` can make a
/// function whose closure is shorter than its free variables.
pub(crate) fn cell(frame: &Frame, i: usize) -> PyResult<&PyRef> {
    frame.cells.get(i).ok_or_else(|| PyErr::new("SystemError", format!("no cell {i} in this frame (bad closure)")))
}

pub(crate) fn load_deref(frame: &Frame, code: &CodeObject, i: usize) -> PyResult<Value> {
    if let Payload::Cell(c) = &cell(frame, i)?.payload {
        if let Some(v) = c.borrow().as_ref() {
            return Ok(v.clone());
        }
    }
    let name = cell_name(code, i);
    if i < code.cellvars.len() {
        Err(unbound_local(name))
    } else {
        Err(PyErr::new(
            "NameError",
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        ))
    }
}

pub(crate) fn store_deref(frame: &Frame, i: usize, v: Option<Value>) -> PyResult<()> {
    if let Payload::Cell(c) = &cell(frame, i)?.payload {
        let old = c.replace(v);
        drop(old);
    }
    Ok(())
}

pub(crate) fn load_class_deref(vm: &Vm, frame: &Frame, code: &CodeObject, i: usize) -> PyResult<Value> {
    if let Some(l) = &frame.locals {
        if let Some(v) = mapping_get(vm, l, &Value::new_str(cell_name(code, i)))? {
            return Ok(v);
        }
    }
    load_deref(frame, code, i)
}

/// `LoadMethod`: `(method, self)` for plain methods on the type, else `(attr, marker)`.
pub(crate) fn load_method(vm: &Vm, obj: Value, key: crate::objects::str::Key) -> PyResult<(Value, Value)> {
    let cls = obj.class().clone();
    // `super().method(...)`: call the function found after `__class__` on the instance's
    // MRO with the instance, without making a bound method.
    if let Some(Payload::Super { obj: inst, obj_type, .. }) = obj.payload() {
        if !inst.as_obj().is_some_and(|o| o.is(obj_type)) && cls.is(&types().super_) {
            if let Some(f) = attr::super_lookup(&obj, key).filter(|f| matches!(f.payload(), Some(Payload::Function(_)))) {
                return Ok((f, inst.clone()));
            }
        }
    }
    // `super()` objects resolve methods along the instance's MRO, not their own type's.
    if !matches!(obj.payload(), Some(Payload::Type(_)) | Some(Payload::Super { .. })) && lookup_user(&cls, "__getattribute__").is_none() {
        if let Some(d) = typeobj::lookup_key(&cls, key) {
            let is_plain = match d.payload() {
                Some(Payload::Function(_)) => true,
                Some(Payload::NativeFunction(nf)) => nf.is_method && nf.self_.is_none(),
                _ => false,
            };
            if is_plain {
                let shadowed = obj.as_obj().and_then(attr::instance_dict).is_some_and(|dd| dict::get_key(&dd, key).is_some());
                if !shadowed {
                    return Ok((d, obj));
                }
            }
        }
    }
    let v = attr::getattr_key(vm, &obj, key)?;
    Ok((v, Value::Obj(types().no_self.clone())))
}

/// `s = s + t` / `s += t` on a `str` held in the local that the next instruction stores
/// to: unbind the local first, so that the string is usually referenced only by `a`, and
/// then append in place (CPython does the same for this pattern). Returns the result, or
/// `None` when the pattern does not apply (nothing has been changed then).
pub(crate) fn concat_in_place(
    frame: &mut Frame,
    op: crate::bytecode::BinOp,
    next: Option<&crate::bytecode::Instr>,
    a: &mut Value,
    b: &Value,
) -> Option<Value> {
    if !matches!(op, crate::bytecode::BinOp::Add | crate::bytecode::BinOp::InplaceAdd) {
        return None;
    }
    let Some(&crate::bytecode::Instr::StoreFast { var }) = next else { return None };
    let str_type = &types().str;
    let (Value::Obj(ao), Value::Obj(bo)) = (&*a, b) else { return None };
    if !ao.class().is(str_type) || !bo.class().is(str_type) {
        return None;
    }
    if !frame.fast.get(var as usize)?.as_ref().is_some_and(|v| v.is(a)) {
        return None;
    }
    let Payload::Str(t) = &bo.payload else { return None };
    let Value::Obj(ao) = a else { return None };
    if ao.refcount() != 2 {
        return None;
    }
    frame.fast[var as usize] = None;
    let Some(Payload::Str(s)) = ao.get_mut().map(|o| &mut o.payload) else {
        return None;
    };
    s.append(t);
    Some(a.clone())
}

/// For `CallMethod{argc}`: the callable, where its arguments start, and where the stack
/// is cut back to after the call.
#[inline]
pub(crate) fn method_call_layout(frame: &mut Frame, argc: usize) -> (Value, usize, usize) {
    let len = frame.stack.len();
    let meth_at = len - argc - 2;
    // Moved out (the slot is cut off with the arguments): no count update.
    let callable = std::mem::replace(&mut frame.stack[meth_at], Value::None);
    let self_slot = &frame.stack[meth_at + 1];
    let has_self = !matches!(self_slot, Value::Obj(o) if o.is(&types().no_self));
    (callable, if has_self { meth_at + 1 } else { meth_at + 2 }, meth_at)
}

/// Call `callable` with `frame.stack[start..]` as arguments (the last `kwnames.len()` are
/// keyword values). A Python function returns its new frame for the loop to enter;
/// anything else runs now and its result is pushed.
fn do_call(
    vm: &Vm,
    frame: &mut Frame,
    callable: &Value,
    start: usize,
    truncate_to: usize,
    kwnames: &[Value],
) -> PyResult<Option<Box<Frame>>> {
    if let Value::Obj(o) = callable {
        match &o.payload {
            Payload::Function(f) => {
                let new = bind_call(vm, f, None, Args { args: &frame.stack[start..], kwnames })?;
                frame.stack.truncate(truncate_to);
                if new.code_data().code.is_generator_like() {
                    frame.stack.push(generator::new_generator(new, f));
                    return Ok(None);
                }
                return Ok(Some(new));
            }
            Payload::BoundMethod { func, self_ } => {
                if let Some(Payload::Function(f)) = func.payload() {
                    let new = bind_call(vm, f, Some(self_), Args { args: &frame.stack[start..], kwnames })?;
                    frame.stack.truncate(truncate_to);
                    if new.code_data().code.is_generator_like() {
                        frame.stack.push(generator::new_generator(new, f));
                        return Ok(None);
                    }
                    return Ok(Some(new));
                }
            }
            // A builtin function or an unbound builtin method (the `LoadMethod` layout puts
            // the receiver first among the arguments): called directly.
            Payload::NativeFunction(nf) if nf.self_.is_none() && !nf.needs_frame => {
                let r = nf.call_unbound(vm, Args { args: &frame.stack[start..], kwnames });
                frame.stack.truncate(truncate_to);
                frame.stack.push(r?);
                super::trace::after_native_call(vm, frame);
                return Ok(None);
            }
            Payload::NativeFunction(_) | Payload::Type(_) if needs_frame(o) => {
                *vm.frame_view.borrow_mut() = Some(super::frame::FrameView::of(frame));
                let r = crate::runtime::call::call(vm, callable, Args { args: &frame.stack[start..], kwnames });
                vm.frame_view.borrow_mut().take();
                frame.stack.truncate(truncate_to);
                frame.stack.push(r?);
                super::trace::after_native_call(vm, frame);
                return Ok(None);
            }
            // A plain class: its `__init__` runs as a frame of this loop, which pushes the
            // instance when it returns (see `Frame::init_self`).
            Payload::Type(_) => {
                if let Some((obj, init)) = crate::runtime::call::plain_construct(o) {
                    if let Some(Payload::Function(f)) = init.payload() {
                        let mut new = bind_call(vm, f, Some(&obj), Args { args: &frame.stack[start..], kwnames })?;
                        frame.stack.truncate(truncate_to);
                        new.init_self = Some(obj);
                        return Ok(Some(new));
                    }
                }
            }
            _ => {}
        }
    }
    let r = crate::runtime::call::call(vm, callable, Args { args: &frame.stack[start..], kwnames })?;
    frame.stack.truncate(truncate_to);
    frame.stack.push(r);
    super::trace::after_native_call(vm, frame);
    Ok(None)
}

/// Does calling `o` read the caller's frame (`locals()`, ..., and `type(name, bases, ns)`,
/// which takes `__module__` from the caller's globals)?
#[inline]
fn needs_frame(o: &PyRef) -> bool {
    match &o.payload {
        Payload::NativeFunction(nf) => nf.needs_frame,
        _ => o.is(&types().type_),
    }
}

/// The Python function the loop can call inline with `n` arguments by position (see
/// `Function::inline_argc`), if `callable` is one.
#[inline(always)]
pub(crate) fn inline_callee(callable: &Value, n: usize) -> Option<&Function> {
    match callable {
        Value::Obj(o) => match &o.payload {
            Payload::Function(f) if f.inline_argc as usize == n => Some(f),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn call(vm: &Vm, frame: &mut Frame, callable: &Value, start: usize, truncate_to: usize) -> PyResult<Option<Box<Frame>>> {
    do_call(vm, frame, callable, start, truncate_to, &[])
}

pub(crate) fn call_kw(
    vm: &Vm,
    frame: &mut Frame,
    callable: &Value,
    start: usize,
    kwnames: &Value,
    truncate_to: usize,
) -> PyResult<Option<Box<Frame>>> {
    let names: Vec<Value> = crate::objects::tuple::items(kwnames).map(|t| t.to_vec()).unwrap_or_default();
    do_call(vm, frame, callable, start, truncate_to, &names)
}

/// `callable(*args, **kwargs)`.
pub(crate) fn call_ex(vm: &Vm, frame: &mut Frame, callable: Value, args: Value, kwargs: Option<Value>) -> PyResult<Option<Box<Frame>>> {
    let mut all: Vec<Value> = match crate::objects::tuple::items(&args) {
        Some(t) => t.to_vec(),
        None => iter::collect(vm, &args)?,
    };
    let mut kwnames = Vec::new();
    if let Some(kw) = kwargs {
        for (k, v) in dict::items(kw.as_obj().ok_or_else(|| PyErr::type_error("kwargs must be a dict"))?) {
            if k.as_str().is_none() {
                return Err(PyErr::type_error("keywords must be strings"));
            }
            kwnames.push(k);
            all.push(v);
        }
    }
    let start = frame.stack.len();
    frame.stack.extend(all);
    let r = do_call(vm, frame, &callable, start, start, &kwnames);
    if r.is_err() {
        frame.stack.truncate(start);
    }
    r
}

/// `MakeFunction`: the code object is on top, optional parts below it.
pub(crate) fn make_function(frame: &mut Frame, flags: u8) -> PyResult<Value> {
    let code = frame.stack.pop().as_obj().cloned().ok_or_else(|| PyErr::new("SystemError", "no code"))?;
    let closure = if flags & make_function::CLOSURE != 0 { Some(frame.stack.pop()) } else { None };
    let annotations = if flags & make_function::ANNOTATIONS != 0 { Some(frame.stack.pop()) } else { None };
    let kwdefaults = if flags & make_function::KWDEFAULTS != 0 { Some(frame.stack.pop()) } else { None };
    let defaults = if flags & make_function::DEFAULTS != 0 { Some(frame.stack.pop()) } else { None };
    let c = code_of(&code).ok_or_else(|| PyErr::new("SystemError", "MakeFunction without code"))?;
    let doc = match c.code.consts.first() {
        Some(crate::bytecode::Const::Str(_)) if c.code.flags & crate::bytecode::code::flags::OPTIMIZED != 0 => {
            c.first_const().unwrap_or(Value::None)
        }
        _ => Value::None,
    };
    let closure_cells = closure
        .as_ref()
        .and_then(crate::objects::tuple::items)
        .map(|t| t.iter().filter_map(|v| v.as_obj().cloned()).collect::<Vec<_>>().into_boxed_slice());
    let annotations = annotations.map(|a| {
        let d = dict::new_dict();
        if let Some(items) = crate::objects::tuple::items(&a) {
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    dict::set_str_key(&d, k, v.clone());
                }
            }
        }
        Value::Obj(d)
    });
    let module = dict::get_str(&frame.globals, "__name__").unwrap_or(Value::None);
    let f = Function {
        name: RefCell::new(c.code.name.clone()),
        qualname: RefCell::new(c.code.qualname.clone()),
        code: code.clone(),
        globals: frame.globals.clone(),
        builtins: frame.builtins.clone(),
        defaults: RefCell::new(defaults),
        kwdefaults: RefCell::new(kwdefaults),
        closure: closure_cells,
        inline_argc: if c.code.is_generator_like() { u32::MAX } else { c.simple_argc },
        doc: RefCell::new(doc),
        module: RefCell::new(module),
        annotations: RefCell::new(annotations),
    };
    let obj = PyRef::new(&types().function, Payload::Function(Box::new(f)));
    *obj.dict.borrow_mut() = Some(dict::new_dict());
    Ok(Value::Obj(obj))
}

/// A new empty `set`.
pub fn new_set() -> Value {
    Value::Obj(PyRef::new(&types().set, Payload::Set(Box::new(RefCell::new(Default::default())))))
}

pub(crate) fn set_add(vm: &Vm, s: &Value, v: Value) -> PyResult<()> {
    match s.payload() {
        Some(Payload::Set(cell)) => {
            let h = crate::runtime::ops::hash(vm, &v)?;
            crate::runtime::set::add_hashed(vm, cell, h, v).map(|_| ())
        }
        _ => Err(PyErr::type_error("set expected")),
    }
}

pub(crate) fn build_set(vm: &Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = new_set();
    for it in items {
        set_add(vm, &s, it)?;
    }
    Ok(s)
}

pub(crate) fn build_map(vm: &Vm, items: Vec<Value>) -> PyResult<Value> {
    let d = dict::new_dict();
    let Payload::Dict(cell) = &d.payload else {
        return Ok(Value::Obj(d));
    };
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        mapping::set(vm, cell, k, v)?;
    }
    Ok(Value::Obj(d))
}

pub(crate) fn build_const_key_map(vm: &Vm, keys: Value, values: Vec<Value>) -> PyResult<Value> {
    let keys = crate::objects::tuple::items(&keys).map(|t| t.to_vec()).unwrap_or_default();
    let mut items = Vec::with_capacity(keys.len() * 2);
    for (k, v) in keys.into_iter().zip(values) {
        items.push(k);
        items.push(v);
    }
    build_map(vm, items)
}

pub(crate) fn build_string(items: &[Value]) -> Value {
    // One allocation of the final size (growing by pushes reallocated on most f-strings).
    let len = items.iter().map(|it| it.as_str().map_or(0, |p| p.as_str().len())).sum();
    let mut s = String::with_capacity(len);
    for it in items {
        if let Some(p) = it.as_str() {
            s.push_str(p.as_str());
        }
    }
    Value::new_str(s)
}

pub(crate) fn map_add(vm: &Vm, d: &Value, k: Value, v: Value) -> PyResult<()> {
    match d.payload() {
        Some(Payload::Dict(cell)) => mapping::set(vm, cell, k, v),
        _ => Err(PyErr::type_error("dict expected")),
    }
}

pub(crate) fn list_extend(vm: &Vm, l: &Value, v: &Value) -> PyResult<()> {
    let items = iter::collect(vm, v).map_err(|e| {
        if e.is("TypeError") && iter::iter(vm, v).is_err() {
            PyErr::type_error(format!("Value after * must be an iterable, not {}", type_name(v)))
        } else {
            e
        }
    })?;
    if let Some(cell) = crate::objects::list::cell(l) {
        cell.borrow_mut().extend(items);
    }
    Ok(())
}

/// `{**m}` / `dict.update(m)`.
pub fn dict_update(vm: &Vm, d: &Value, m: &Value, _strict: bool) -> PyResult<()> {
    let Some(Payload::Dict(cell)) = d.payload() else {
        return Err(PyErr::type_error("dict expected"));
    };
    match m.payload() {
        Some(Payload::Dict(src)) if !is_heap_instance(m) => {
            let items: Vec<(Value, Value)> = src.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
            for (k, v) in items {
                mapping::set(vm, cell, k, v)?;
            }
            Ok(())
        }
        _ => {
            let keys = match attr::getattr_opt(vm, m, "keys")? {
                Some(k) => crate::runtime::call::call(vm, &k, Args::new(&[]))?,
                None => return Err(PyErr::type_error(format!("'{}' object is not a mapping", type_name(m)))),
            };
            for k in iter::collect(vm, &keys)? {
                let v = crate::runtime::item::getitem(vm, m, &k)?;
                mapping::set(vm, cell, k, v)?;
            }
            Ok(())
        }
    }
}

/// `f(**a, **b)`: like update, but a repeated keyword is an error naming the function.
pub(crate) fn dict_merge(vm: &Vm, d: &Value, m: &Value, callee: Option<&Value>) -> PyResult<()> {
    let Some(Payload::Dict(cell)) = d.payload() else {
        return Err(PyErr::type_error("dict expected"));
    };
    let fname = callee.map(callable_name).unwrap_or_default();
    if !matches!(m.payload(), Some(Payload::Dict(_))) && attr::getattr_opt(vm, m, "keys")?.is_none() {
        return Err(PyErr::type_error(format!("{fname} argument after ** must be a mapping, not {}", type_name(m))));
    }
    let tmp = Value::Obj(dict::new_dict());
    dict_update(vm, &tmp, m, false)?;
    for (k, v) in dict::items(tmp.as_obj().ok_or_else(|| PyErr::type_error("dict expected"))?) {
        if mapping::contains(vm, cell, &k)? {
            let key = repr::str(vm, &k)?;
            return Err(PyErr::type_error(format!("{fname} got multiple values for keyword argument '{key}'")));
        }
        mapping::set(vm, cell, k, v)?;
    }
    Ok(())
}

fn callable_name(v: &Value) -> String {
    match v.payload() {
        Some(Payload::Function(f)) => format!("{}()", f.qualname.borrow()),
        Some(Payload::NativeFunction(nf)) => format!("{}()", nf.name),
        Some(Payload::Type(t)) => format!("{}()", t.name.borrow()),
        _ => format!("{} object", type_name(v)),
    }
}

/// `UnpackSequence`/`UnpackEx`: push the items so the first ends on top.
pub(crate) fn unpack(vm: &Vm, frame: &mut Frame, seq: Value, before: usize, after: Option<usize>) -> PyResult<()> {
    // `a, b = t` with an exact tuple of the right length: no intermediate vector.
    if let (None, Some(Payload::Tuple(t))) = (after, seq.payload()) {
        if t.len() == before && !is_heap_instance(&seq) {
            frame.stack.extend(t.iter().rev().cloned());
            return Ok(());
        }
    }
    let items: Vec<Value> = match seq.payload() {
        Some(Payload::Tuple(t)) if !is_heap_instance(&seq) => t.to_vec(),
        Some(Payload::List(l)) if !is_heap_instance(&seq) => l.borrow().clone(),
        _ => match iter::collect(vm, &seq) {
            Ok(v) => v,
            Err(e) if e.is("TypeError") && iter::iter(vm, &seq).is_err() => {
                return Err(PyErr::type_error(format!("cannot unpack non-iterable {} object", type_name(&seq))))
            }
            Err(e) => return Err(e),
        },
    };
    match after {
        None => {
            if items.len() != before {
                return Err(if items.len() > before {
                    PyErr::value_error(format!("too many values to unpack (expected {before})"))
                } else {
                    PyErr::value_error(format!("not enough values to unpack (expected {before}, got {})", items.len()))
                });
            }
            frame.stack.extend(items.into_iter().rev());
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mut items = items;
            let tail = items.split_off(items.len() - after);
            let middle = items.split_off(before);
            for v in tail.into_iter().rev() {
                frame.stack.push(v);
            }
            frame.stack.push(Value::new_list(middle));
            for v in items.into_iter().rev() {
                frame.stack.push(v);
            }
        }
    }
    Ok(())
}

/// `format(value, spec)`.
pub fn format(vm: &Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(f) = lookup_user(v.class(), "__format__") {
        let r = crate::runtime::call::call_bound(vm, &f, v, Args::new(&[Value::new_str(spec)]))?;
        return match r.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(PyErr::type_error(format!("__format__ must return a str, not {}", type_name(&r)))),
        };
    }
    crate::modules::str_format::format_builtin(vm, v, spec)
}

pub(crate) fn format_value(vm: &Vm, v: Value, conv: Conversion, spec: Option<Value>) -> PyResult<Value> {
    let v = match conv {
        Conversion::None => v,
        Conversion::Str => Value::new_str(repr::str(vm, &v)?),
        Conversion::Repr => Value::new_str(repr::repr(vm, &v)?),
        Conversion::Ascii => Value::new_str(crate::modules::str_format::ascii_of(vm, &v)?),
    };
    let spec_s = spec.as_ref().and_then(|s| s.as_str().map(|p| p.as_str().to_string())).unwrap_or_default();
    if spec_s.is_empty() && crate::runtime::ops::is_exact_str(&v) {
        return Ok(v);
    }
    Ok(Value::new_str(format(vm, &v, &spec_s)?))
}

/// `with mgr:` entry: `(bound __exit__, mgr.__enter__())`.
pub(crate) fn before_with(vm: &Vm, mgr: Value) -> PyResult<(Value, Value)> {
    let cls = mgr.class().clone();
    let enter = typeobj::lookup(&cls, "__enter__");
    let exit = typeobj::lookup(&cls, "__exit__");
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let missing = if typeobj::lookup(&cls, "__enter__").is_none() { "" } else { " (missed __exit__ method)" };
        return Err(PyErr::type_error(format!("'{}' object does not support the context manager protocol{missing}", type_name(&mgr))));
    };
    let exit_bound = attr::bind(vm, &exit, &mgr)?;
    let entered = crate::runtime::call::call_bound(vm, &enter, &mgr, Args::new(&[]))?;
    Ok((exit_bound, entered))
}

/// `WithExceptStart`: call `exit(type, exc, tb)` with the exception on top of the stack.
pub(crate) fn with_except_start(vm: &Vm, frame: &Frame) -> PyResult<Value> {
    let len = frame.stack.len();
    let exc = frame.stack[len - 1].clone();
    let exit = frame.stack[len - 4].clone();
    let tb = match crate::objects::exception::exc_data(&exc) {
        Some(e) => e.borrow().traceback.clone().map(Value::Obj).unwrap_or(Value::None),
        None => Value::None,
    };
    let cls = Value::Obj(exc.class().clone());
    crate::runtime::call::call(vm, &exit, Args::new(&[cls, exc, tb]))
}

pub(crate) fn setup_annotations(vm: &Vm, frame: &Frame) -> PyResult<()> {
    let target = frame.locals.clone().unwrap_or_else(|| frame.globals.clone());
    let key = Value::new_str("__annotations__");
    if mapping_get(vm, &target, &key)?.is_none() {
        crate::runtime::item::setitem(vm, &Value::Obj(target), &key, Value::Obj(dict::new_dict()))?;
    }
    Ok(())
}

/// REPL: print the repr of a non-`None` result and bind it to `builtins._`.
pub(crate) fn print_expr(vm: &Vm, v: Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let text = repr::repr(vm, &v)?;
    crate::modules::sys::write_stdout(vm, &format!("{text}\n"))?;
    dict::set_str(&super::interp().builtins, "_", v);
    Ok(())
}

/// Re-export for natives that need to call a value.
pub fn call_value(vm: &Vm, callable: &Value, args: &[Value]) -> PyResult<Value> {
    interp::call_value(vm, callable, args)
}
