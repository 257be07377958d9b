//! Struct sequences: the named-tuple-like types of native modules (`time.struct_time`,
//! `os.stat_result`, `sys.flags`, `sys.float_info`, ...). An instance is a `tuple` subclass
//! instance holding the first `n_sequence_fields` values; every field, including the ones
//! beyond the tuple part (`tm_zone`, `st_mtime`), is also readable by name from the
//! instance `__dict__`. Attributes are read-only, as in CPython.

use crate::objects::function::add_methods;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, tuple, types, Payload, PyRef, Value};
use crate::runtime::{iter, repr, Args, PyErr, PyResult};
use crate::vm::Vm;

/// Create a struct sequence type `module.name` with `fields`, of which the first
/// `n_sequence` form the tuple.
pub fn new_type(module: &str, name: &str, fields: &[&str], n_sequence: usize) -> PyRef {
    let t = types();
    let ns = dict::new_dict();
    dict::set_str(&ns, "__module__", Value::new_str(module));
    dict::set_str(&ns, "__qualname__", Value::new_str(name));
    let names: Vec<Value> = fields.iter().map(|f| Value::new_str(*f)).collect();
    dict::set_str(&ns, "__match_args__", Value::new_tuple(names[..n_sequence].to_vec()));
    dict::set_str(&ns, "_gild_fields", Value::new_tuple(names));
    dict::set_str(&ns, "n_fields", Value::from(fields.len()));
    dict::set_str(&ns, "n_sequence_fields", Value::from(n_sequence));
    dict::set_str(&ns, "n_unnamed_fields", Value::Int(0));
    let cls = typeobj::new_class(&t.type_, name, vec![t.tuple.clone()], &ns).unwrap_or_else(|_| t.tuple.clone());
    add_methods(
        &cls,
        "structseq",
        &[("__new__", structseq_new), ("__repr__", structseq_repr), ("__setattr__", structseq_setattr), ("__reduce__", structseq_reduce)],
    );
    cls.make_immortal();
    cls
}

fn class_int(cls: &PyRef, name: &str) -> usize {
    match cls.dict.borrow().as_ref().and_then(|d| dict::get_str(d, name)) {
        Some(Value::Int(i)) => i as usize,
        _ => 0,
    }
}

fn field_names(cls: &PyRef) -> Vec<Value> {
    typeobj::lookup(cls, "_gild_fields").and_then(|v| tuple::items(&v).map(|s| s.to_vec())).unwrap_or_default()
}

fn full_name(cls: &PyRef) -> String {
    let module = typeobj::lookup(cls, "__module__").and_then(|m| m.as_str().map(|s| s.as_str().to_string())).unwrap_or_default();
    format!("{module}.{}", typeobj::name_of(cls))
}

/// A new instance of the struct sequence `cls` from all its field values (missing trailing
/// values are `None`).
pub fn new_instance(cls: &PyRef, mut values: Vec<Value>) -> Value {
    let names = field_names(cls);
    let n_seq = class_int(cls, "n_sequence_fields").min(values.len());
    values.resize(names.len().max(values.len()), Value::None);
    let d = dict::new_dict();
    for (name, v) in names.iter().zip(values.iter()) {
        if let Some(n) = name.as_str() {
            dict::set_str(&d, n.as_str(), v.clone());
        }
    }
    values.truncate(n_seq);
    let o = PyRef::new(cls, Payload::Tuple(values.into_boxed_slice()));
    *o.dict.borrow_mut() = Some(d);
    Value::Obj(o)
}

/// `cls(sequence, dict=None)`.
fn structseq_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.args.first() else {
        return Err(PyErr::type_error("structseq.__new__(): not enough arguments"));
    };
    let pos = &args.pos()[1..];
    let seq = pos
        .first()
        .or(args.kwarg("sequence"))
        .ok_or_else(|| PyErr::type_error("structseq() missing required argument 'sequence' (pos 1)"))?;
    let extra = pos.get(1).or(args.kwarg("dict")).cloned().unwrap_or(Value::None);
    if !matches!(seq.payload(), Some(Payload::Tuple(_)) | Some(Payload::List(_))) && typeobj::lookup(seq.class(), "__iter__").is_none() {
        return Err(PyErr::type_error("constructor requires a sequence"));
    }
    let mut values = iter::collect(vm, seq)?;
    let (min, max) = (class_int(cls, "n_sequence_fields"), class_int(cls, "n_fields"));
    let n = values.len();
    let name = full_name(cls);
    if n < min {
        let msg = if min == max {
            format!("{name}() takes a {min}-sequence ({n}-sequence given)")
        } else {
            format!("{name}() takes an at least {min}-sequence ({n}-sequence given)")
        };
        return Err(PyErr::type_error(msg));
    }
    if n > max {
        let msg = if min == max {
            format!("{name}() takes a {max}-sequence ({n}-sequence given)")
        } else {
            format!("{name}() takes an at most {max}-sequence ({n}-sequence given)")
        };
        return Err(PyErr::type_error(msg));
    }
    if let Some(Payload::Dict(_)) = extra.payload() {
        let names = field_names(cls);
        let d = extra.as_obj().cloned().ok_or_else(|| PyErr::type_error("dict expected"))?;
        values.resize(max, Value::None);
        for (i, name) in names.iter().enumerate().skip(n) {
            if let Some(v) = name.as_str().and_then(|s| dict::get_str(&d, s.as_str())) {
                values[i] = v;
            }
        }
    } else if !extra.is_none() {
        return Err(PyErr::type_error(format!("{name}() takes a dict as second arg, if any")));
    }
    // The tuple part holds exactly the sequence fields, even when more were given.
    let n_seq = min;
    let mut inst_values = values;
    if inst_values.len() < n_seq {
        inst_values.resize(n_seq, Value::None);
    }
    let v = new_instance(cls, inst_values);
    if let Some(Payload::Tuple(_)) = v.payload() {
        Ok(v)
    } else {
        Err(PyErr::type_error(format!("cannot create '{}' instances", type_name(&v))))
    }
}

fn structseq_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let cls = this.class().clone();
    let names = field_names(&cls);
    let items = tuple::items(this).map(|s| s.to_vec()).unwrap_or_default();
    let mut out = format!("{}(", full_name(&cls));
    for (i, (name, v)) in names.iter().zip(items.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name.as_str().map(|s| s.as_str()).unwrap_or("?"));
        out.push('=');
        out.push_str(&repr::repr(vm, v)?);
    }
    out.push(')');
    Ok(Value::new_str(out))
}

fn structseq_setattr(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__setattr__", 3, 3)?;
    let name = pos[1].as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let has = pos[0].as_obj().and_then(|o| o.dict.borrow().clone()).is_some_and(|d| dict::get_str(&d, &name).is_some());
    if has {
        return Err(PyErr::new("AttributeError", "readonly attribute"));
    }
    Err(PyErr::attribute_error(&pos[0], &name, format!("'{}' object has no attribute '{name}'", type_name(&pos[0]))))
}

fn structseq_reduce(_vm: &Vm, args: Args) -> PyResult<Value> {
    let this = &args.args[0];
    let cls = this.class().clone();
    let items = tuple::items(this).map(|s| s.to_vec()).unwrap_or_default();
    let names = field_names(&cls);
    let d = dict::new_dict();
    if let Some(inst) = this.as_obj().and_then(|o| o.dict.borrow().clone()) {
        for name in names.iter().skip(items.len()) {
            if let Some(n) = name.as_str() {
                if let Some(v) = dict::get_str(&inst, n.as_str()) {
                    dict::set_str(&d, n.as_str(), v);
                }
            }
        }
    }
    Ok(Value::new_tuple(vec![Value::Obj(cls), Value::new_tuple(vec![Value::new_tuple(items), Value::Obj(d)])]))
}
