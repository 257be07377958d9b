//! Native modules (`builtins`, `sys`, ...) and the methods of builtin types, registered in
//! their type's namespace at start-up.

pub mod atexit;
pub mod builtins;
pub mod bytes_methods;
pub mod dict_methods;
pub mod dis;
pub mod eval;
pub mod exception_init;
pub mod gc;
pub mod gil_module;
pub mod io;
pub mod io_base;
pub mod io_bytesio;
pub mod io_codec;
pub mod io_memory;
pub mod io_stringio;
pub mod iterators;
pub mod linecache;
pub mod list_methods;
pub mod lsprof;
pub mod mappingproxy_methods;
pub mod math;
pub mod memoryview_methods;
pub mod num_methods;
pub mod object_methods;
pub mod os;
pub mod os_error;
pub mod posixpath;
pub mod pycache;
pub mod queue;
pub mod range_methods;
pub mod runpy;
pub mod set_methods;
pub mod signal;
pub mod slot_methods;
pub mod str_format;
pub mod str_methods;
pub mod structseq;
pub mod sync;
pub mod sys;
pub mod thread;
pub mod time;
pub mod unicode_error;
pub mod weakref;

/// The native modules by import name, with their constructors. A module is created on
/// first import (start-up stays fast) and then lives in `sys.modules`.
const NATIVE: &[(&str, fn(&str) -> crate::objects::PyRef)] = &[
    ("sys", |_| crate::vm::interp().sys.clone()),
    ("builtins", |_| crate::vm::interp().builtins_module.clone()),
    ("math", |_| math::create()),
    ("time", |_| time::create()),
    ("os", |_| os::create()),
    ("posixpath", |_| posixpath::module().clone()),
    ("os.path", |_| posixpath::module().clone()),
    ("io", io::create),
    ("_io", io::create),
    ("_lsprof", |_| lsprof::create()),
    ("_weakref", weakref::create),
    ("atexit", atexit::create),
    ("gc", gc::create),
    ("_thread", thread::create),
    ("_queue", queue::create),
    ("_gil", gil_module::create),
    ("signal", signal::create),
    ("_pycache", pycache::create),
    ("_dis", dis::create),
    ("_linecache", linecache::create),
];

/// Does gild have a native module `name` (without creating it)?
pub fn native_module_exists(name: &str) -> bool {
    NATIVE.iter().any(|(n, _)| *n == name)
}

/// Create the native module `name`, if gild has one.
pub fn native_module(name: &str) -> Option<crate::objects::PyRef> {
    NATIVE.iter().find(|(n, _)| *n == name).map(|(_, make)| make(name))
}
