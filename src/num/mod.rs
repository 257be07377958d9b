//! Pure numeric algorithms with Python semantics (no objects, no GIL): float repr and
//! parsing, rounding, integer parsing, division semantics, the `math` module's functions.

mod error;
pub mod float_fmt;

pub use error::{ErrKind, PyErrSpec, SpecResult};
pub use float_fmt::{complex_repr, double_to_string, float_repr, DtsFlags};
