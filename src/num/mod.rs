//! Pure numeric algorithms with Python semantics (no objects, no GIL): float repr and
//! parsing, rounding, integer parsing, division semantics, the `math` module's functions.

mod error;
pub mod float;
pub mod float_fmt;
pub mod hash;
pub mod int;
pub mod math;

pub use error::{ErrKind, PyErrSpec, SpecResult};
pub use float::*;
pub use float_fmt::{complex_repr, double_to_string, float_repr, DtsFlags};
pub use hash::{hash_complex, hash_complex_parts, hash_float, hash_int};
pub use int::*;
