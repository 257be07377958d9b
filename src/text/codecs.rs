//! The built-in text codecs that `str.encode`, `bytes.decode` and `str(b, encoding)` use:
//! UTF-8, Latin-1 and ASCII (UTF-16/32 in `codecs_wide`) with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace` and `xmlcharrefreplace`, and CPython's encoding-name normalisation.
//! Errors carry the fields of `UnicodeEncodeError`/`UnicodeDecodeError` (see "Standard
//! Encodings" and "Error Handlers" in the `codecs` documentation).

/// A codec this module implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    /// UTF-8 with a byte order mark written on encoding and skipped on decoding.
    Utf8Sig,
    Latin1,
    Ascii,
    /// UTF-16 / UTF-32 in the given byte order (`codecs_wide`).
    Utf16(Endian),
    Utf32(Endian),
}

/// The byte order of a UTF-16/32 codec: `Bom` is the plain `utf-16`/`utf-32` codec (a
/// byte order mark, little-endian by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endian {
    Bom,
    Little,
    Big,
}

impl Codec {
    /// The name CPython shows in error messages.
    pub fn name(self) -> &'static str {
        use Endian::*;
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
            Codec::Utf16(Bom) => "utf-16",
            Codec::Utf16(Little) => "utf-16-le",
            Codec::Utf16(Big) => "utf-16-be",
            Codec::Utf32(Bom) => "utf-32",
            Codec::Utf32(Little) => "utf-32-le",
            Codec::Utf32(Big) => "utf-32-be",
        }
    }

    /// The first code point an 8-bit codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Latin1 => 0x100,
            Codec::Ascii => 0x80,
            _ => 0x110000,
        }
    }
}

/// Look an encoding name up the way `codecs.lookup` normalises it (case, `-`/`_`/space).
pub fn lookup(name: &str) -> Option<Codec> {
    let norm: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Codec::Utf8),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Some(Codec::Latin1),
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" => Some(Codec::Ascii),
        "utf_8_sig" => Some(Codec::Utf8Sig),
        "utf_16" | "utf16" | "u16" => Some(Codec::Utf16(Endian::Bom)),
        "utf_16_le" | "utf_16le" => Some(Codec::Utf16(Endian::Little)),
        "utf_16_be" | "utf_16be" => Some(Codec::Utf16(Endian::Big)),
        "utf_32" | "utf32" | "u32" => Some(Codec::Utf32(Endian::Bom)),
        "utf_32_le" | "utf_32le" => Some(Codec::Utf32(Endian::Little)),
        "utf_32_be" | "utf_32be" => Some(Codec::Utf32(Endian::Big)),
        _ => None,
    }
}

/// Why encoding or decoding failed.
#[derive(Debug, Clone, PartialEq)]
pub enum CodecError {
    /// `LookupError: unknown error handler name '...'`.
    UnknownHandler(String),
    /// The fields of a `UnicodeEncodeError` / `UnicodeDecodeError`: `start..end` are
    /// character (encode) or byte (decode) positions.
    Unicode { codec: Codec, start: usize, end: usize, reason: String },
}

impl CodecError {
    /// The exception message CPython prints for an encode error over `s`.
    pub fn encode_message(&self, s: &str) -> String {
        match self {
            CodecError::UnknownHandler(h) => format!("unknown error handler name '{h}'"),
            CodecError::Unicode { codec, start, end, reason } => {
                if end - start == 1 {
                    let c = s.chars().nth(*start).map_or(0, |c| c as u32);
                    let shown = if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    format!("'{}' codec can't encode character '{shown}' in position {start}: {reason}", codec.name())
                } else {
                    format!("'{}' codec can't encode characters in position {start}-{}: {reason}", codec.name(), end - 1)
                }
            }
        }
    }

    /// The exception message CPython prints for a decode error over `b`.
    pub fn decode_message(&self, b: &[u8]) -> String {
        match self {
            CodecError::UnknownHandler(h) => format!("unknown error handler name '{h}'"),
            CodecError::Unicode { codec, start, end, reason } => {
                if end - start == 1 {
                    format!("'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}", codec.name(), b[*start])
                } else {
                    format!("'{}' codec can't decode bytes in position {start}-{}: {reason}", codec.name(), end - 1)
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

pub(super) fn handler(name: &str) -> Result<Handler, CodecError> {
    Ok(match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        _ => return Err(CodecError::UnknownHandler(name.to_string())),
    })
}

/// `s.encode(codec, errors)`. The handler is only looked up when an error happens, as in
/// CPython.
pub fn encode(s: &str, codec: Codec, errors: &str) -> Result<Vec<u8>, CodecError> {
    match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => return Ok([&UTF8_BOM[..], s.as_bytes()].concat()),
        // gild strings hold no lone surrogates, so these never fail.
        Codec::Utf16(e) => return Ok(super::codecs_wide::encode_wide(s, e, 2)),
        Codec::Utf32(e) => return Ok(super::codecs_wide::encode_wide(s, e, 4)),
        Codec::Latin1 | Codec::Ascii => {}
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match handler(errors)? {
            Handler::Strict => return Err(CodecError::Unicode { codec, start: i, end, reason: format!("ordinal not in range({limit})") }),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat(b'?').take(end - i)),
            Handler::BackslashReplace => {
                for &ch in &chars[i..end] {
                    let c = ch as u32;
                    let esc = if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for &ch in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

const UTF8_BOM: [u8; 3] = [0xef, 0xbb, 0xbf];

pub(super) fn push_decode_replacement(out: &mut String, h: Handler, bad: &[u8]) {
    match h {
        Handler::Replace => out.push('\u{fffd}'),
        Handler::BackslashReplace => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        // `xmlcharrefreplace` only applies to encoding; CPython raises TypeError for it
        // while decoding, which the caller reports before getting here.
        _ => {}
    }
}

/// `b.decode(codec, errors)`.
pub fn decode(b: &[u8], codec: Codec, errors: &str) -> Result<String, CodecError> {
    match codec {
        Codec::Utf8Sig => {
            let body = b.strip_prefix(&UTF8_BOM[..]).unwrap_or(b);
            let skipped = b.len() - body.len();
            decode(body, Codec::Utf8, errors).map_err(|e| match e {
                CodecError::Unicode { start, end, reason, .. } => {
                    CodecError::Unicode { codec: Codec::Utf8, start: start + skipped, end: end + skipped, reason }
                }
                e => e,
            })
        }
        Codec::Utf16(e) => super::codecs_wide::decode_wide(b, e, 2, errors),
        Codec::Utf32(e) => super::codecs_wide::decode_wide(b, e, 4, errors),
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match handler(errors)? {
                    Handler::Strict | Handler::XmlCharRefReplace => {
                        return Err(CodecError::Unicode { codec, start: i, end: i + 1, reason: "ordinal not in range(128)".into() })
                    }
                    h => push_decode_replacement(&mut out, h, &b[i..i + 1]),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let start = offset + good;
                        // Rust reports the maximal invalid subpart, as CPython does.
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) => {
                                let lead = rest[good];
                                let bad_start = (0x80..=0xc1).contains(&lead) || lead >= 0xf5;
                                (n, if n == 1 && bad_start { "invalid start byte" } else { "invalid continuation byte" })
                            }
                        };
                        match handler(errors)? {
                            Handler::Strict | Handler::XmlCharRefReplace => {
                                return Err(CodecError::Unicode { codec, start, end: start + len, reason: reason.into() })
                            }
                            h => push_decode_replacement(&mut out, h, &rest[good..good + len]),
                        }
                        rest = &rest[good + len..];
                        offset = start + len;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors() {
        let e = decode(b"a\xe2\x82", Codec::Utf8, "strict").unwrap_err();
        assert_eq!(e.decode_message(b"a\xe2\x82"), "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data");
        let e = decode(b"\xed\xa0\x80", Codec::Utf8, "strict").unwrap_err();
        assert_eq!(e.decode_message(b"\xed\xa0\x80"), "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
        assert_eq!(decode(b"a\xe2\x82b", Codec::Utf8, "replace").unwrap(), "a\u{fffd}b");
        assert_eq!(encode("a\u{e9}\u{e9}b", Codec::Ascii, "replace").unwrap(), b"a??b");
    }
}
