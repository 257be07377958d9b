//! Native modules (`builtins`, `sys`, ...) and the methods of builtin types, registered in
//! their type's namespace at start-up.

pub mod builtins;
pub mod bytes_methods;
pub mod dict_methods;
pub mod iterators;
pub mod list_methods;
pub mod math;
pub mod object_methods;
pub mod os_error;
pub mod range_methods;
pub mod set_methods;
pub mod slot_methods;
pub mod str_format;
pub mod str_methods;
pub mod structseq;
pub mod sys;
pub mod time;
pub mod unicode_error;

/// Create the native module `name`, if gild has one.
pub fn native_module(name: &str) -> Option<crate::objects::PyRef> {
    match name {
        "sys" => Some(crate::vm::interp().sys.clone()),
        "builtins" => Some(crate::vm::interp().builtins_module.clone()),
        "math" => Some(math::create()),
        "time" => Some(time::create()),
        _ => None,
    }
}
