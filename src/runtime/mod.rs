//! Abstract operations shared by the VM and the native code: errors ([`PyErr`]), call
//! arguments ([`Args`]), and the protocols in the submodules (operators, attributes,
//! iteration, calls). The GIL and object allocation are here too.

pub mod argparse;
pub mod attr;
pub mod attr_cache;
pub mod call;
pub mod exc_group;
pub mod gc;
pub mod gil;
pub mod gil_stats;
pub mod heap;
pub mod item;
pub mod iter;
pub mod mapping;
pub mod ops;
pub mod repr;
pub mod set;
pub mod spin;
pub mod workers;

use std::cell::RefCell;

use crate::objects::{exception::ExcData, types, Payload, PyRef, Value};

/// A raised Python exception: the exception instance (its traceback is inside it).
#[derive(Clone, Debug)]
pub struct PyErr {
    pub exc: PyRef,
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// A new exception of the builtin class `name` with `args`.
    #[cold]
    pub fn with_args(cls: &PyRef, args: Vec<Value>) -> PyErr {
        PyErr { exc: new_exception(cls, args) }
    }

    /// A new exception of the builtin class `name` with one message argument.
    #[cold]
    pub fn new(name: &str, msg: impl Into<String>) -> PyErr {
        PyErr::with_args(types().exc.get(name), vec![Value::new_str(msg.into())])
    }

    #[cold]
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new("TypeError", msg)
    }

    #[cold]
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new("ValueError", msg)
    }

    #[cold]
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new("IndexError", msg)
    }

    #[cold]
    pub fn overflow_error(msg: impl Into<String>) -> PyErr {
        PyErr::new("OverflowError", msg)
    }

    #[cold]
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new("ZeroDivisionError", msg)
    }

    #[cold]
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new("RuntimeError", msg)
    }

    #[cold]
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(types().exc.get("KeyError"), vec![key])
    }

    #[cold]
    pub fn stop_iteration(value: Option<Value>) -> PyErr {
        let args = value.map(|v| vec![v]).unwrap_or_default();
        let e = PyErr::with_args(types().exc.get("StopIteration"), args.clone());
        set_attr_raw(&e.exc, "value", args.into_iter().next().unwrap_or(Value::None));
        e
    }

    /// `NameError: name 'x' is not defined` (with `.name` set for suggestions).
    #[cold]
    pub fn name_error(name: &str) -> PyErr {
        let e = PyErr::new("NameError", format!("name '{name}' is not defined"));
        set_attr_raw(&e.exc, "name", Value::new_str(name));
        e
    }

    /// `AttributeError` with `.name` and `.obj` set (for "Did you mean" suggestions).
    #[cold]
    pub fn attribute_error(obj: &Value, name: &str, msg: String) -> PyErr {
        let e = PyErr::new("AttributeError", msg);
        set_attr_raw(&e.exc, "name", Value::new_str(name));
        set_attr_raw(&e.exc, "obj", obj.clone());
        e
    }

    /// Convert an error from the pure algorithm layer (`num`, `text`).
    #[cold]
    pub fn from_spec(e: crate::num::PyErrSpec) -> PyErr {
        PyErr::new(e.kind.name(), e.msg)
    }

    /// Is this exception an instance of `cls`?
    pub fn matches(&self, cls: &PyRef) -> bool {
        crate::objects::typeobj::is_subtype(self.exc.class(), cls)
    }

    pub fn is(&self, name: &str) -> bool {
        self.matches(types().exc.get(name))
    }

    pub fn value(&self) -> Value {
        Value::Obj(self.exc.clone())
    }
}

/// Build an exception instance of class `cls` (no `__init__` call).
pub fn new_exception(cls: &PyRef, args: Vec<Value>) -> PyRef {
    let e = PyRef::new(cls, Payload::Exception(Box::new(RefCell::new(ExcData::new(Value::new_tuple(args))))));
    *e.dict.borrow_mut() = Some(crate::objects::dict::new_dict());
    e
}

/// Set an attribute in an object's `__dict__` directly (no descriptors).
pub fn set_attr_raw(obj: &PyRef, name: &str, value: Value) {
    let d = obj.dict.borrow().clone();
    if let Some(d) = d {
        crate::objects::dict::set_str(&d, name, value);
    }
}

/// Arguments of a call, in CPython's vectorcall layout: `args` holds the positional
/// arguments followed by the keyword arguments' values, named by `kwnames` (str values).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [Value]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// `(name, value)` for each keyword argument.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let n = self.args.len() - self.kwnames.len();
        self.kwnames.iter().zip(self.args[n..].iter()).map(|(k, v)| (k.as_str().map(|s| s.as_str()).unwrap_or(""), v))
    }

    #[inline]
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }

    /// The keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kwargs().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Check there are no keyword arguments other than `allowed` (CPython's message).
    pub fn check_kwargs(&self, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for (k, _) in self.kwargs() {
            if !allowed.contains(&k) {
                return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {fname}()")));
            }
        }
        Ok(())
    }

    /// Check the positional count is in `min..=max` (CPython's wording for builtins).
    #[inline]
    pub fn check_count(&self, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        let n = pos.len();
        if n >= min && n <= max {
            return Ok(pos);
        }
        Err(count_error(fname, min, max, n))
    }

    /// No keyword arguments allowed (CPython: "f() takes no keyword arguments").
    #[inline]
    pub fn no_kwargs(&self, fname: &str) -> PyResult<()> {
        if self.has_kwargs() {
            return Err(PyErr::type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }
}

/// The message of [`Args::check_count`] (out of line and cold: the check itself inlines).
#[cold]
#[inline(never)]
fn count_error(fname: &str, min: usize, max: usize, n: usize) -> PyErr {
    PyErr::type_error(if min == max {
        match min {
            0 => format!("{fname}() takes no arguments ({n} given)"),
            1 => format!("{fname}() takes exactly one argument ({n} given)"),
            _ => format!("{fname} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!("{fname} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{fname} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    })
}
