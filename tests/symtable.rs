//! Symbol-table classification: which names are local, global, free or cell in each scope,
//! checked against what CPython 3.11's `symtable` module reports for the same source.

use gild::compiler::symtable::{build, NameScope, Scope, SymbolTable};
use gild::syntax::{parse_str, Mode};

fn table(src: &str) -> SymbolTable {
    let m = parse_str(src, Mode::Exec, "<test>").expect("parses");
    build(&m, false).expect("builds")
}

fn scope<'t>(st: &'t SymbolTable, name: &str) -> &'t Scope {
    st.scopes.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no scope {name}"))
}

#[test]
fn locals_globals_and_closures() {
    let st = table("x = 1\ndef f(a):\n    b = a\n    def g():\n        return a + x + c\n    return g\n");
    let f = scope(&st, "f");
    assert_eq!(f.scope_of("a"), NameScope::Cell);
    assert_eq!(f.scope_of("b"), NameScope::Local);
    assert_eq!(f.scope_of("g"), NameScope::Local);
    let g = scope(&st, "g");
    assert_eq!(g.scope_of("a"), NameScope::Free);
    assert_eq!(g.scope_of("x"), NameScope::GlobalImplicit);
    assert_eq!(g.scope_of("c"), NameScope::GlobalImplicit);
    assert!(g.has_free);
}

#[test]
fn global_and_nonlocal_declarations() {
    let st = table("def f():\n    global y\n    y = 1\n    z = 2\n    def g():\n        nonlocal z\n        z = 3\n");
    assert_eq!(scope(&st, "f").scope_of("y"), NameScope::GlobalExplicit);
    assert_eq!(scope(&st, "f").scope_of("z"), NameScope::Cell);
    assert_eq!(scope(&st, "g").scope_of("z"), NameScope::Free);
    // `global` in a function marks the name global in the module too (CPython does so).
    assert_eq!(st.scopes[0].scope_of("y"), NameScope::GlobalExplicit);
}

#[test]
fn global_in_nested_function_skips_enclosing_binding() {
    let st = table("def f():\n    x = 1\n    def g():\n        global x\n        return x\n");
    assert_eq!(scope(&st, "g").scope_of("x"), NameScope::GlobalExplicit);
    assert_eq!(scope(&st, "f").scope_of("x"), NameScope::Local);
}

#[test]
fn class_scopes_are_not_visible_to_methods() {
    let st = table("def f():\n    v = 1\n    class C:\n        v = 2\n        w = v\n        def m(self):\n            return v\n");
    let c = scope(&st, "C");
    assert_eq!(c.scope_of("v"), NameScope::Local);
    assert_eq!(scope(&st, "m").scope_of("v"), NameScope::Free);
    // The class body both binds `v` and passes the closure cell through.
    assert!(c.flags("v") & gild::compiler::symtable::def::FREE_CLASS != 0);
    assert_eq!(scope(&st, "f").scope_of("v"), NameScope::Cell);
}

#[test]
fn super_creates_class_cell() {
    let st = table("class C:\n    def m(self):\n        return super().m()\n");
    assert!(scope(&st, "C").needs_class_closure);
    assert_eq!(scope(&st, "m").scope_of("__class__"), NameScope::Free);
}

#[test]
fn comprehension_scopes() {
    let st = table("def f(n):\n    return [x + n for x in range(n) if (y := x)]\n");
    let lc = scope(&st, "listcomp");
    assert_eq!(lc.params, vec![".0".to_string()]);
    assert_eq!(lc.scope_of("x"), NameScope::Local);
    assert_eq!(lc.scope_of("n"), NameScope::Free);
    assert_eq!(lc.scope_of("y"), NameScope::Free);
    assert_eq!(lc.scope_of("range"), NameScope::Unknown);
    assert_eq!(scope(&st, "f").scope_of("range"), NameScope::GlobalImplicit);
    let f = scope(&st, "f");
    assert_eq!(f.scope_of("y"), NameScope::Cell);
    assert_eq!(f.scope_of("n"), NameScope::Cell);
}

#[test]
fn generator_and_coroutine_flags() {
    let st = table("def g():\n    yield 1\nasync def a():\n    await x\nasync def ag():\n    yield 1\n");
    assert!(scope(&st, "g").generator && !scope(&st, "g").coroutine);
    assert!(scope(&st, "a").coroutine && !scope(&st, "a").generator);
    assert!(scope(&st, "ag").coroutine && scope(&st, "ag").generator);
}

#[test]
fn scope_errors() {
    let err = |src: &str| {
        let m = parse_str(src, Mode::Exec, "<test>").expect("parses");
        build(&m, false).expect_err("fails").msg
    };
    assert_eq!(err("nonlocal x\n"), "nonlocal declaration not allowed at module level");
    assert_eq!(err("def f():\n    nonlocal x\n"), "no binding for nonlocal 'x' found");
    assert_eq!(err("def f(a):\n    global a\n"), "name 'a' is parameter and global");
    assert_eq!(err("def f(a, a): pass\n"), "duplicate argument 'a' in function definition");
    assert_eq!(err("def f():\n    from m import *\n"), "import * only allowed at module level");
    assert_eq!(err("def f():\n    [(yield) for x in y]\n"), "'yield' inside list comprehension");
}
