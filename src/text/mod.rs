//! Pure text algorithms with Python semantics (no objects, no GIL): `repr` of str and bytes,
//! the format-spec mini-language, `%`-formatting, and the `str` method algorithms.

pub mod bytes_methods;
pub mod codecs;
mod codecs_wide;
pub mod methods;
pub mod percent;
pub mod repr;
pub mod spec;
pub mod template;
pub mod unicode;
#[rustfmt::skip]
mod unicode_case_tables;
#[rustfmt::skip]
mod unicode_tables;

pub use crate::num::{ErrKind, PyErrSpec, SpecResult};
pub use repr::{bytes_repr, str_ascii, str_repr};
pub use spec::{format_complex, format_float, format_int, format_str, parse_format_spec, FormatSpec};

/// The `strerror` text CPython shows for an OS error (`[Errno 2] No such file or directory`),
/// without Rust's " (os error N)" suffix.
pub fn os_error_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(idx) => s[..idx].to_string(),
        None => s,
    }
}
