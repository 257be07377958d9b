//! Python's numeric hash: integers, floats and complex numbers hash to the same value
//! when they are equal (`hash(1) == hash(1.0) == hash(1+0j)`), by reducing the exact
//! value modulo the Mersenne prime 2**61 - 1. A nan hashes by object identity, which only
//! the caller knows, so it is left to the caller here.

use num_bigint::BigInt;
use num_traits::Signed;

/// The hash modulus `2**61 - 1` (`sys.hash_info.modulus`).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `hash(float('inf'))` (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314159;
/// The multiplier of the imaginary part (`sys.hash_info.imag`).
pub const HASH_IMAG: u64 = 1000003;

/// `-1` is reserved for errors in CPython's C API, so a hash of -1 becomes -2.
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int.
pub fn hash_int(n: &BigInt) -> i64 {
    let r = (n.magnitude() % HASH_MODULUS).iter_u64_digits().next().unwrap_or(0) as i64;
    fix(if n.is_negative() { -r } else { r })
}

/// `hash(x)` for a float; `None` for nan (hashed by identity).
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if x == 0.0 {
        return Some(0);
    }
    let (m, e) = super::float::decompose(x);
    // 2**61 ≡ 1 (mod P), so 2**e ≡ 2**(e mod 61) for negative `e` as well.
    let shift = e.rem_euclid(61) as u32;
    let h = (((m as u128) << shift) % HASH_MODULUS as u128) as i64;
    Some(fix(if x < 0.0 { -h } else { h }))
}

/// Combine the hashes of a complex number's parts (each from [`hash_float`], or the
/// identity hash for a nan part).
pub fn hash_complex_parts(real_hash: i64, imag_hash: i64) -> i64 {
    let h = (real_hash as u64).wrapping_add(HASH_IMAG.wrapping_mul(imag_hash as u64));
    fix(h as i64)
}

/// `hash(complex(re, im))`; `None` if a part is nan.
pub fn hash_complex(re: f64, im: f64) -> Option<i64> {
    Some(hash_complex_parts(hash_float(re)?, hash_float(im)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_hash_equal() {
        assert_eq!(hash_int(&BigInt::from(-1)), -2);
        assert_eq!(hash_float(1.0), Some(1));
        assert_eq!(hash_float(0.5), Some(1 << 60));
        assert_eq!(hash_int(&(BigInt::from(1) << 61usize)), 1);
        assert_eq!(hash_float(2f64.powi(61)), Some(1));
        assert_eq!(hash_complex(1.0, 0.0), Some(1));
    }
}
