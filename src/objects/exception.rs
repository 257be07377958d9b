//! `BaseException` and the builtin exception hierarchy: exception state (`args`,
//! `__traceback__`, `__cause__`, `__context__`, `__suppress_context__`) and traceback
//! entries. Raising and printing live in `runtime::errors` and `vm::traceback`.

use std::cell::RefCell;
use std::collections::HashMap;

use super::{typeobj, Payload, PyRef, Value};

/// The state of an exception instance. Subclass-specific attributes (`SystemExit.code`,
/// `StopIteration.value`, `OSError.errno`, `NameError.name`, ...) live in the instance
/// `__dict__`.
pub struct ExcData {
    pub args: Value,
    pub traceback: Option<PyRef>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// `OSError.characters_written`; -1 when unset (reading it raises `AttributeError`).
    pub characters_written: i64,
}

impl ExcData {
    pub fn new(args: Value) -> ExcData {
        ExcData { args, traceback: None, cause: Value::None, context: Value::None, suppress_context: false, characters_written: -1 }
    }
}

/// One traceback entry (`types.TracebackType`): the code that was running, the index of
/// the instruction, and the next (inner) entry.
pub struct TracebackData {
    pub code: PyRef,
    /// The frame's globals (for `tb_frame.f_globals` and `NameError` suggestions).
    pub globals: PyRef,
    pub lasti: u32,
    pub next: RefCell<Option<PyRef>>,
    /// The frame object (`tb_frame`).
    pub frame: PyRef,
}

/// The builtin exception classes by name.
pub struct ExcTypes {
    by_name: HashMap<&'static str, PyRef>,
    /// In definition order (for registering them in `builtins`).
    pub all: Vec<(&'static str, PyRef)>,
}

impl ExcTypes {
    /// The builtin exception class `name`. Panics on an unknown name (an interpreter bug:
    /// names are literals in gild's source).
    pub fn get(&self, name: &str) -> &PyRef {
        match self.by_name.get(name) {
            Some(t) => t,
            None => panic!("unknown builtin exception {name}"),
        }
    }
}

/// `(name, base)` for every builtin exception, parents before children (CPython 3.11).
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// Create the exception classes (during bootstrap, before methods exist).
pub fn create_types(type_: &PyRef, object: &PyRef) -> ExcTypes {
    let mut by_name: HashMap<&'static str, PyRef> = HashMap::new();
    let mut all = Vec::new();
    for &(name, base) in HIERARCHY {
        let mut bases = vec![if base.is_empty() { object.clone() } else { by_name[base].clone() }];
        if name == "ExceptionGroup" {
            bases.push(by_name["Exception"].clone());
        }
        let cls = typeobj::raw_exception_type(type_, name, bases);
        by_name.insert(name, cls.clone());
        all.push((name, cls));
    }
    ExcTypes { by_name, all }
}

/// The state of an exception value.
pub fn exc_data(v: &Value) -> Option<&RefCell<ExcData>> {
    match v.payload() {
        Some(Payload::Exception(e)) => Some(e),
        _ => None,
    }
}
