//! Pure numeric algorithms with Python semantics (no objects, no GIL): float repr and
//! parsing, rounding, integer parsing, division semantics, the `math` module's functions.
