//! The error value of the pure algorithm layer: which Python exception a pure function
//! would raise, and CPython's exact message. The object layer turns it into a real
//! exception object; nothing here knows about objects.

use std::fmt;

/// The Python exception type a pure algorithm raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    OverflowError,
    ZeroDivisionError,
    TypeError,
}

impl ErrKind {
    /// The Python name of the exception type (`"ValueError"`).
    pub fn name(self) -> &'static str {
        match self {
            ErrKind::ValueError => "ValueError",
            ErrKind::OverflowError => "OverflowError",
            ErrKind::ZeroDivisionError => "ZeroDivisionError",
            ErrKind::TypeError => "TypeError",
        }
    }
}

/// A Python exception to raise: its type and CPython's message, word for word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyErrSpec {
    pub kind: ErrKind,
    pub msg: String,
}

/// The result of a pure algorithm that may raise.
pub type SpecResult<T> = Result<T, PyErrSpec>;

impl PyErrSpec {
    #[cold]
    pub fn new(kind: ErrKind, msg: impl Into<String>) -> Self {
        PyErrSpec { kind, msg: msg.into() }
    }
    #[cold]
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::ValueError, msg)
    }
    #[cold]
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::OverflowError, msg)
    }
    #[cold]
    pub fn zero_division(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::ZeroDivisionError, msg)
    }
    #[cold]
    pub fn type_error(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::TypeError, msg)
    }
}

/// `ValueError: msg` as Python prints it in a traceback's last line.
impl fmt::Display for PyErrSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.msg)
        }
    }
}

impl std::error::Error for PyErrSpec {}
