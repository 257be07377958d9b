//! Unit tests of the object model's Rust core (no bytecode involved): dict storage,
//! integer normalisation and arithmetic, hashing invariants, comparison, C3 MRO.

use gild::bytecode::{BinOp, CmpOp};
use gild::objects::{dict, typeobj, types, Value};
use gild::runtime::ops;
use gild::vm::Vm;
use num_bigint::BigInt;

/// A thread state whose test holds the GIL: the test harness runs tests on parallel
/// threads, and objects may only be touched by the GIL holder. Locals declared after it are
/// dropped first, so every object dies while the GIL is still held.
struct GilVm(Option<Vm>);

impl std::ops::Deref for GilVm {
    type Target = Vm;
    fn deref(&self) -> &Vm {
        self.0.as_ref().expect("vm")
    }
}

impl Drop for GilVm {
    fn drop(&mut self) {
        self.0.take();
        gild::runtime::gil::release();
    }
}

fn gil_vm() -> GilVm {
    gild::runtime::gil::acquire();
    GilVm(Some(Vm::new()))
}

fn int_str(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        other => gild::objects::int::as_bigint(other).map(|b| b.to_string()).unwrap_or_else(|| "?".into()),
    }
}

#[test]
fn dict_keeps_insertion_order_through_deletes_and_growth() {
    let _vm = gil_vm();
    let d = dict::new_dict();
    for i in 0..100 {
        dict::set_str(&d, &format!("k{i}"), Value::Int(i));
    }
    for i in (0..100).step_by(3) {
        assert!(dict::del_str(&d, &format!("k{i}")).is_some());
    }
    dict::set_str(&d, "k0", Value::Int(-1));
    let keys = dict::str_keys(&d);
    assert_eq!(keys.len(), 67);
    assert_eq!(keys.first().map(String::as_str), Some("k1"));
    assert_eq!(keys.last().map(String::as_str), Some("k0"));
    assert!(matches!(dict::get_str(&d, "k4"), Some(Value::Int(4))));
    assert!(dict::get_str(&d, "k3").is_none());
}

#[test]
fn ints_overflow_into_bigints_and_normalise_back() {
    let vm = gil_vm();
    let big = ops::binary_op(&vm, &Value::Int(i64::MAX), &Value::Int(1), BinOp::Add).unwrap();
    assert!(matches!(big, Value::Obj(_)));
    assert_eq!(int_str(&big), "9223372036854775808");
    let back = ops::binary_op(&vm, &big, &Value::Int(1), BinOp::Subtract).unwrap();
    assert!(matches!(back, Value::Int(i64::MAX)));
    let p = ops::binary_op(&vm, &Value::Int(2), &Value::Int(100), BinOp::Power).unwrap();
    assert_eq!(int_str(&p), (BigInt::from(1) << 100usize).to_string());
}

#[test]
fn floor_division_and_modulo_follow_python_signs() {
    let vm = gil_vm();
    let cases = [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1)];
    for (a, b, q, r) in cases {
        let fq = ops::binary_op(&vm, &Value::Int(a), &Value::Int(b), BinOp::FloorDivide).unwrap();
        let fr = ops::binary_op(&vm, &Value::Int(a), &Value::Int(b), BinOp::Remainder).unwrap();
        assert_eq!((int_str(&fq), int_str(&fr)), (q.to_string(), r.to_string()), "{a} // {b}");
    }
    assert_eq!(gild::num::float_divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
    let err = ops::binary_op(&vm, &Value::Int(1), &Value::Int(0), BinOp::FloorDivide).unwrap_err();
    assert!(err.is("ZeroDivisionError"));
}

#[test]
fn equal_numbers_hash_equal() {
    let vm = gil_vm();
    assert_eq!(ops::hash(&vm, &Value::Int(1)).unwrap(), ops::hash(&vm, &Value::Float(1.0)).unwrap());
    assert_eq!(ops::hash(&vm, &Value::Bool(true)).unwrap(), 1);
    assert_eq!(ops::hash(&vm, &Value::Int(-1)).unwrap(), -2);
    assert_eq!(ops::hash(&vm, &Value::Float(1.5)).unwrap(), 1152921504606846977);
    let big = Value::from_bigint(BigInt::from(1) << 70usize);
    assert_eq!(ops::hash(&vm, &big).unwrap(), ops::hash(&vm, &Value::Float(2f64.powi(70))).unwrap());
    let l = Value::new_list(vec![]);
    assert!(ops::hash(&vm, &l).unwrap_err().is("TypeError"));
}

#[test]
fn mixed_comparisons_are_exact() {
    let vm = gil_vm();
    let big = Value::from_bigint(BigInt::from(2).pow(60u32) + 1);
    assert!(!ops::compare_bool(&vm, &big, &Value::Float(2f64.powi(60)), CmpOp::Eq).unwrap());
    assert!(ops::compare_bool(&vm, &big, &Value::Float(2f64.powi(60)), CmpOp::Gt).unwrap());
    assert!(ops::compare_bool(&vm, &Value::new_str("abc"), &Value::new_str("abd"), CmpOp::Lt).unwrap());
    let t1 = Value::new_tuple(vec![Value::Int(1), Value::new_str("x")]);
    let t2 = Value::new_tuple(vec![Value::Int(1), Value::new_str("y")]);
    assert!(ops::compare_bool(&vm, &t1, &t2, CmpOp::Lt).unwrap());
    let err = ops::compare_bool(&vm, &Value::Int(1), &Value::new_str("x"), CmpOp::Lt).unwrap_err();
    assert!(err.is("TypeError"));
}

#[test]
fn c3_mro_for_diamond_and_conflict() {
    let _vm = gil_vm();
    let t = types();
    let ns = || dict::new_dict();
    let a = typeobj::new_class(&t.type_, "A", vec![], &ns()).unwrap();
    let b = typeobj::new_class(&t.type_, "B", vec![a.clone()], &ns()).unwrap();
    let c = typeobj::new_class(&t.type_, "C", vec![a.clone()], &ns()).unwrap();
    let d = typeobj::new_class(&t.type_, "D", vec![b.clone(), c.clone()], &ns()).unwrap();
    let mro: Vec<String> = typeobj::type_data(&d).unwrap().mro.borrow().iter().map(typeobj::name_of).collect();
    assert_eq!(mro, ["D", "B", "C", "A", "object"]);
    let err = typeobj::new_class(&t.type_, "X", vec![a.clone(), b.clone()], &ns()).unwrap_err();
    assert!(err.is("TypeError"));
    assert!(typeobj::is_subtype(&d, &a));
    assert!(!typeobj::is_subtype(&a, &d));
}

#[test]
fn exception_hierarchy_matches_cpython() {
    let _vm = gil_vm();
    let exc = &types().exc;
    assert!(typeobj::is_subtype(exc.get("ModuleNotFoundError"), exc.get("ImportError")));
    assert!(typeobj::is_subtype(exc.get("TabError"), exc.get("SyntaxError")));
    assert!(!typeobj::is_subtype(exc.get("KeyboardInterrupt"), exc.get("Exception")));
    let eg: Vec<String> = typeobj::type_data(exc.get("ExceptionGroup")).unwrap().mro.borrow().iter().map(typeobj::name_of).collect();
    assert_eq!(eg, ["ExceptionGroup", "BaseExceptionGroup", "Exception", "BaseException", "object"]);
}

#[test]
fn dropping_a_long_chain_does_not_overflow_the_stack() {
    let _vm = gil_vm();
    let mut head = Value::None;
    for _ in 0..1_000_000 {
        head = Value::new_list(vec![head]);
    }
    drop(head);
}

#[test]
fn object_sizes_stay_small() {
    // A heap object is header + dict slot + payload; a str's payload is its text pointer,
    // length, char count and cached hash. Growing these costs memory on every object.
    let obj = std::mem::size_of::<gild::objects::PyObject>();
    let payload = std::mem::size_of::<gild::objects::Payload>();
    let value = std::mem::size_of::<Value>();
    println!("PyObject {obj} bytes, Payload {payload} bytes, Value {value} bytes");
    assert_eq!(value, 16);
    // Today: Payload 56 (the largest inline variants are `range`/`slice`'s three values),
    // PyObject 96. Large or rare payloads are boxed (dict tables, exceptions, properties).
    assert!(payload <= 56, "Payload grew to {payload} bytes");
    assert!(obj <= 96, "PyObject grew to {obj} bytes");
}
