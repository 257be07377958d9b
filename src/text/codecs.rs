//! The built-in text codecs that `str.encode`, `bytes.decode` and `str(b, encoding)` use:
//! UTF-8, Latin-1 and ASCII with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace` and `xmlcharrefreplace`, and CPython's encoding-name normalisation.
//! Errors carry the fields of `UnicodeEncodeError`/`UnicodeDecodeError` (see "Standard
//! Encodings" and "Error Handlers" in the `codecs` documentation).

/// A codec this module implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Latin1,
    Ascii,
}

impl Codec {
    /// The name CPython shows in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Latin1 => 0x100,
            Codec::Ascii => 0x80,
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
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

fn handler(name: &str) -> Result<Handler, CodecError> {
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
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
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

fn push_decode_replacement(out: &mut String, h: Handler, bad: &[u8]) {
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
