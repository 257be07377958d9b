//! Native modules (`builtins`, `sys`, ...) and the methods of builtin types, registered in
//! their type's namespace at start-up.

pub mod builtins;
pub mod container_methods;
pub mod io;
pub mod io_codec;
pub mod iterators;
pub mod math;
pub mod object_methods;
pub mod os;
pub mod os_error;
pub mod posixpath;
pub mod str_methods;
pub mod structseq;
pub mod sys;
pub mod time;

/// Create the native module `name`, if gild has one.
pub fn native_module(name: &str) -> Option<crate::objects::PyRef> {
    match name {
        "sys" => Some(crate::vm::interp().sys.clone()),
        "builtins" => Some(crate::vm::interp().builtins_module.clone()),
        "math" => Some(math::create()),
        "time" => Some(time::create()),
        "os" => Some(os::create()),
        "io" | "_io" => Some(io::create(name)),
        "posixpath" | "os.path" => Some(posixpath::module().clone()),
        _ => None,
    }
}
