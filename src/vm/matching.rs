//! The `match` statement's run-time checks (PEP 634): is the subject a mapping or a
//! sequence, look up a mapping pattern's keys, and collect a class pattern's attributes
//! (`__match_args__`, CPython's "match self" builtins).

use super::Vm;
use crate::objects::typeobj::{self, type_data, BaseKind};
use crate::objects::{types, Payload, Value};
use crate::runtime::{attr, call, mapping, Args, PyErr, PyResult};

/// `MatchMapping`: dicts (and their subclasses) are mappings.
pub(crate) fn is_mapping(subject: &Value) -> bool {
    matches!(subject.payload(), Some(Payload::Dict(_)))
}

/// `MatchSequence`: lists, tuples, ranges (and subclasses), but never str/bytes/bytearray.
pub(crate) fn is_sequence(subject: &Value) -> bool {
    matches!(subject.payload(), Some(Payload::List(_)) | Some(Payload::Tuple(_)) | Some(Payload::Range { .. }))
}

/// `MatchKeys`: the values of `keys` in `subject` (looked up with its `get`), or `None`
/// when one is missing.
pub(crate) fn match_keys(vm: &Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = crate::objects::tuple::items(keys).map(|k| k.to_vec()).unwrap_or_default();
    if keys.is_empty() {
        return Ok(Value::new_tuple(vec![]));
    }
    let get = attr::getattr(vm, subject, "get")?;
    let missing = Value::Obj(types().no_self.clone());
    let seen = crate::objects::dict::new_dict();
    let Payload::Dict(seen_cell) = &seen.payload else {
        return Err(PyErr::new("SystemError", "dict expected"));
    };
    let mut values = Vec::with_capacity(keys.len());
    for k in keys {
        if mapping::contains(vm, seen_cell, &k)? {
            let r = crate::runtime::repr::repr(vm, &k)?;
            return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        mapping::set(vm, seen_cell, k.clone(), Value::None)?;
        let v = call::call(vm, &get, Args::new(&[k, missing.clone()]))?;
        if v.is(&missing) {
            return Ok(Value::None);
        }
        values.push(v);
    }
    Ok(Value::new_tuple(values))
}

/// Builtin classes whose single positional sub-pattern matches the subject itself.
fn matches_self(kind: BaseKind) -> bool {
    matches!(
        kind,
        BaseKind::Int
            | BaseKind::Float
            | BaseKind::Str
            | BaseKind::Bytes
            | BaseKind::ByteArray
            | BaseKind::List
            | BaseKind::Tuple
            | BaseKind::Dict
            | BaseKind::Set
            | BaseKind::FrozenSet
    )
}

/// `MatchClass`: if `subject` is an instance of `cls`, the attributes for the `count`
/// positional sub-patterns (named by `__match_args__`) followed by those named in `names`;
/// `None` when it is not an instance or an attribute is missing.
pub(crate) fn match_class(vm: &Vm, subject: &Value, cls: &Value, names: &Value, count: usize) -> PyResult<Value> {
    let Some(cls_ref) = cls.as_obj().filter(|c| type_data(c).is_some()) else {
        return Err(PyErr::type_error("called match pattern must be a type"));
    };
    if !crate::modules::builtins::isinstance(vm, subject, cls)? {
        return Ok(Value::None);
    }
    let cls_name = typeobj::name_of(cls_ref);
    let mut seen: Vec<String> = Vec::new();
    let mut attrs = Vec::new();
    let mut get = |name: &Value, attrs: &mut Vec<Value>| -> PyResult<bool> {
        let Some(n) = name.as_str().map(|s| s.as_str().to_string()) else {
            return Err(PyErr::type_error(format!("__match_args__ elements must be strings (got {})", typeobj::type_name(name))));
        };
        if seen.contains(&n) {
            return Err(PyErr::type_error(format!("{cls_name}() got multiple sub-patterns for attribute '{n}'")));
        }
        match attr::getattr_opt(vm, subject, &n)? {
            Some(v) => {
                attrs.push(v);
                seen.push(n);
                Ok(true)
            }
            None => Ok(false),
        }
    };
    if count > 0 {
        let match_args = attr::getattr_opt(vm, cls, "__match_args__")?;
        let (names_pos, match_self) = match &match_args {
            Some(m) => match m.payload() {
                Some(Payload::Tuple(t)) if m.class().is(&types().tuple) => (t.to_vec(), false),
                _ => return Err(PyErr::type_error(format!("{cls_name}.__match_args__ must be a tuple (got {})", typeobj::type_name(m)))),
            },
            None => (Vec::new(), type_data(cls_ref).is_some_and(|t| matches_self(t.kind))),
        };
        let allowed = if match_self { 1 } else { names_pos.len() };
        if allowed < count {
            return Err(PyErr::type_error(format!(
                "{cls_name}() accepts {allowed} positional sub-pattern{} ({count} given)",
                if allowed == 1 { "" } else { "s" }
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for n in &names_pos[..count] {
                if !get(n, &mut attrs)? {
                    return Ok(Value::None);
                }
            }
        }
    }
    for n in crate::objects::tuple::items(names).map(|t| t.to_vec()).unwrap_or_default() {
        if !get(&n, &mut attrs)? {
            return Ok(Value::None);
        }
    }
    Ok(Value::new_tuple(attrs))
}
