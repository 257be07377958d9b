//! The virtual machine: per-thread state ([`Vm`]) and, as it lands, the frame stack and the
//! dispatch loop (`interp.rs`, dispatch only), calls into Python code (`call.rs`), and
//! generators (`generator.rs`).
//!
//! Status: the object model and runtime protocols are in place; the bytecode dispatch loop
//! is the next step (issue 4), so calling a Python function reports that clearly instead
//! of running it. Nothing in the CLI reaches this path yet.

pub mod generator;

use std::cell::Cell;

use crate::objects::PyRef;
use crate::runtime::{Args, PyErr, PyResult};

/// Default `sys.getrecursionlimit()`.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// The state of one Python thread. Lives on that thread only (object handles are
/// `!Send`); shared interpreter state is reached through `runtime::gil::GilShared`.
pub struct Vm {
    /// Python call depth, checked against `recursion_limit` (`RecursionError`).
    pub depth: Cell<usize>,
    pub recursion_limit: Cell<usize>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        crate::objects::init_types();
        Vm {
            depth: Cell::new(0),
            recursion_limit: Cell::new(DEFAULT_RECURSION_LIMIT),
        }
    }

    /// Call a Python function object.
    pub fn call_function(&self, _func: &PyRef, _args: Args) -> PyResult<crate::objects::Value> {
        Err(PyErr::new(
            "SystemError",
            "gild: the bytecode interpreter is not built yet",
        ))
    }
}
