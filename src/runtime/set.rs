//! `set` and `frozenset` operations over the shared hash table (`objects::dict::DictData`
//! with `None` values).

use super::PyResult;
use crate::objects::dict::{DictData, Find};
use crate::objects::{types, Payload, PyRef, Value};
use crate::vm::Vm;

/// A frozenset from compile-time constants (all hashable without running Python code).
pub fn new_frozenset_from_consts(items: Vec<Value>) -> Value {
    let mut d = DictData::new();
    for it in items {
        let h = const_hash(&it);
        if let Find::Absent = d.find(h, &it) {
            d.insert_new(h, it, Value::None);
        }
    }
    Value::Obj(PyRef::new(&types().frozenset, Payload::FrozenSet(Box::new(d))))
}

fn const_hash(v: &Value) -> i64 {
    match v {
        Value::None => 0xfca86420,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => crate::objects::int::hash_i64(*i),
        Value::Float(f) => super::ops::hash_float(*f),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.hash(),
            Payload::Int(b) => crate::objects::int::hash_int(b),
            Payload::Bytes(b) => crate::objects::str::hash_bytes(b),
            _ => (o.addr() >> 4) as i64,
        },
    }
}

/// `hash(frozenset)`: order-independent combination of the element hashes (CPython's
/// shuffle-and-xor scheme).
pub fn frozenset_hash(_vm: &Vm, v: &Value) -> PyResult<i64> {
    let Some(Payload::FrozenSet(d)) = v.payload() else {
        return Ok(0);
    };
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    for e in d.iter() {
        hash ^= shuffle(e.hash as u64);
    }
    hash ^= ((d.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    Ok(if h == -1 { 590923713 } else { h })
}
