//! The UTF-16 and UTF-32 codecs (`utf-16`, `utf-16-le`, `utf-16-be` and the `utf-32`
//! family) behind `str.encode`/`bytes.decode`: byte order marks, surrogate pairs, and the
//! decode errors CPython reports ("truncated data", "illegal UTF-16 surrogate", ...). See
//! "Standard Encodings" in the `codecs` documentation.

use super::codecs::{handler, push_decode_replacement, Codec, CodecError, Endian, Handler};

fn put(out: &mut Vec<u8>, unit: u32, width: usize, big: bool) {
    let bytes = unit.to_le_bytes();
    if big {
        out.extend(bytes[..width].iter().rev());
    } else {
        out.extend_from_slice(&bytes[..width]);
    }
}

/// `s.encode('utf-16...')` (`width` 2) or `s.encode('utf-32...')` (`width` 4): the plain
/// codec writes a little-endian byte order mark first.
pub fn encode_wide(s: &str, e: Endian, width: usize) -> Vec<u8> {
    let big = e == Endian::Big;
    let mut out = Vec::with_capacity(width * (s.len() + 1));
    if e == Endian::Bom {
        put(&mut out, 0xfeff, width, false);
    }
    if width == 2 {
        for unit in s.encode_utf16() {
            put(&mut out, unit as u32, 2, big);
        }
    } else {
        for c in s.chars() {
            put(&mut out, c as u32, 4, big);
        }
    }
    out
}

fn unit_at(b: &[u8], i: usize, width: usize, big: bool) -> u32 {
    let mut v = 0u32;
    for k in 0..width {
        let byte = if big { b[i + k] } else { b[i + width - 1 - k] };
        v = (v << 8) | byte as u32;
    }
    v
}

/// `b.decode(...)` for UTF-16 (`width` 2) or UTF-32 (`width` 4). The plain codec reads
/// a byte order mark if there is one (little-endian otherwise); errors name the byte
/// order actually used, as CPython's do.
pub fn decode_wide(b: &[u8], e: Endian, width: usize, errors: &str) -> Result<String, CodecError> {
    let mk = |e: Endian| if width == 2 { Codec::Utf16(e) } else { Codec::Utf32(e) };
    let (order, mut i) = match e {
        Endian::Bom => {
            let bom_le: &[u8] = if width == 2 { &[0xff, 0xfe] } else { &[0xff, 0xfe, 0, 0] };
            let bom_be: &[u8] = if width == 2 { &[0xfe, 0xff] } else { &[0, 0, 0xfe, 0xff] };
            if b.starts_with(bom_le) {
                (Endian::Little, width)
            } else if b.starts_with(bom_be) {
                (Endian::Big, width)
            } else {
                (Endian::Little, 0)
            }
        }
        e => (e, 0),
    };
    let codec = mk(order);
    let big = order == Endian::Big;
    let mut out = String::with_capacity(b.len() / width);
    while i < b.len() {
        // The error at `i`, if any: its end and reason.
        let bad: (usize, &str) = if b.len() - i < width {
            (b.len(), "truncated data")
        } else {
            let u = unit_at(b, i, width, big);
            let decoded = if width == 4 {
                match u {
                    0xd800..=0xdfff => Err("code point in surrogate code point range(0xd800, 0xe000)"),
                    0x110000.. => Err("code point not in range(0x110000)"),
                    _ => Ok((u, 4)),
                }
            } else {
                match u {
                    0xd800..=0xdbff if b.len() - i < 4 => Err("unexpected end of data"),
                    0xd800..=0xdbff => {
                        let lo = unit_at(b, i + 2, 2, big);
                        if (0xdc00..=0xdfff).contains(&lo) {
                            Ok((0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00), 4))
                        } else {
                            Err("illegal UTF-16 surrogate")
                        }
                    }
                    0xdc00..=0xdfff => Err("illegal encoding"),
                    _ => Ok((u, 2)),
                }
            };
            match decoded {
                Ok((cp, len)) => {
                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                    i += len;
                    continue;
                }
                // A bad unit spans one code unit, or the rest of the data at its end.
                Err(reason) => ((i + width).min(b.len()).max(if reason == "unexpected end of data" { b.len() } else { 0 }), reason),
            }
        };
        let (end, reason) = bad;
        match handler(errors)? {
            Handler::Strict | Handler::XmlCharRefReplace => {
                return Err(CodecError::Unicode { codec, start: i, end, reason: reason.into() });
            }
            h => push_decode_replacement(&mut out, h, &b[i..end]),
        }
        i = end;
    }
    Ok(out)
}
