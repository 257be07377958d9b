//! The text encodings that file objects support (UTF-8, UTF-8 with BOM, Latin-1, ASCII)
//! with the `strict`, `ignore`, `replace`, `backslashreplace` and `xmlcharrefreplace` error
//! handlers, incremental decoding (an incomplete UTF-8 sequence at the end of a chunk waits
//! for more data), and CPython's `UnicodeDecodeError`/`UnicodeEncodeError` messages.
//! Pure functions over bytes and `str`, no objects except when building the error.

use crate::objects::Value;
use crate::runtime::PyErr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    /// `utf-8-sig`: a BOM is skipped when reading and written first when writing.
    Utf8Sig,
    Latin1,
    Ascii,
}

impl Codec {
    /// The codec for an encoding name (CPython's normalisation: case, `-`, `_`, spaces).
    pub fn lookup(name: &str) -> Option<Codec> {
        let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
        Some(match n.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
            "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "us" | "cp367" => Codec::Ascii,
            _ => return None,
        })
    }

    /// The name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
        }
    }
}

/// A codec error: the range (in bytes for decoding, characters for encoding) and reason.
#[derive(Debug)]
pub struct CodecError {
    pub encoding: &'static str,
    pub decode: bool,
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
    /// The offending bytes (decoding) or characters (encoding).
    pub data: Vec<u32>,
}

impl CodecError {
    /// The Python exception (`UnicodeDecodeError` / `UnicodeEncodeError`) for a failure
    /// in `object` (the whole input), built like every other codec error so its `args`,
    /// attributes and `str()` are CPython's.
    pub fn to_py(&self, object: Value) -> PyErr {
        let name = if self.decode { "UnicodeDecodeError" } else { "UnicodeEncodeError" };
        super::unicode_error::new_error(
            name,
            vec![Value::new_str(self.encoding), object, Value::from(self.start), Value::from(self.end), Value::new_str(self.reason)],
        )
    }
}

/// An error handler, checked when an error occurs (as CPython does).
fn handler(errors: &str) -> Result<&str, PyErr> {
    match errors {
        "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace" | "surrogateescape" | "surrogatepass"
        | "namereplace" => Ok(errors),
        _ => Err(PyErr::new("LookupError", format!("unknown error handler name '{errors}'"))),
    }
}

/// Decode `data`. With `last` false, an incomplete UTF-8 sequence at the end is left
/// undecoded; returns the text and the number of bytes consumed.
pub fn decode(codec: Codec, data: &[u8], errors: &str, last: bool) -> Result<(String, usize), PyErr> {
    match codec {
        Codec::Latin1 => Ok((data.iter().map(|&b| b as char).collect(), data.len())),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    let err = CodecError {
                        encoding: "ascii",
                        decode: true,
                        start: i,
                        end: i + 1,
                        reason: "ordinal not in range(128)",
                        data: vec![b as u32],
                    };
                    decode_fallback(&mut out, &err, &data[i..i + 1], data, errors)?;
                }
            }
            Ok((out, data.len()))
        }
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut out = String::with_capacity(data.len());
            let mut pos = 0;
            loop {
                match std::str::from_utf8(&data[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok((out, data.len()));
                    }
                    Err(e) => {
                        let good = pos + e.valid_up_to();
                        // SAFETY-free: the prefix up to `valid_up_to` is valid UTF-8.
                        out.push_str(std::str::from_utf8(&data[pos..good]).unwrap_or(""));
                        let (bad_len, reason) = match e.error_len() {
                            Some(n) => {
                                let b = data[good];
                                let reason = if (0xc2..=0xf4).contains(&b) { "invalid continuation byte" } else { "invalid start byte" };
                                (n, reason)
                            }
                            None if !last => return Ok((out, good)),
                            None => (data.len() - good, "unexpected end of data"),
                        };
                        let end = good + bad_len;
                        let err = CodecError {
                            encoding: "utf-8",
                            decode: true,
                            start: good,
                            end,
                            reason,
                            data: data[good..end].iter().map(|&b| b as u32).collect(),
                        };
                        decode_fallback(&mut out, &err, &data[good..end], data, errors)?;
                        pos = end;
                    }
                }
            }
        }
    }
}

fn decode_fallback(out: &mut String, err: &CodecError, bad: &[u8], input: &[u8], errors: &str) -> Result<(), PyErr> {
    match handler(errors)? {
        "strict" | "surrogatepass" | "xmlcharrefreplace" | "namereplace" => Err(err.to_py(crate::objects::str::new_bytes(input.to_vec()))),
        "ignore" => Ok(()),
        "backslashreplace" => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        // Lone surrogates cannot be stored in gild strings (tests/py/DIVERGENCES.md):
        // `surrogateescape` decodes like `replace`.
        _ => {
            if errors == "surrogateescape" {
                for _ in bad {
                    out.push('\u{fffd}');
                }
            } else {
                out.push('\u{fffd}');
            }
            Ok(())
        }
    }
}

/// Encode `s`.
pub fn encode(codec: Codec, s: &str, errors: &str) -> Result<Vec<u8>, PyErr> {
    let limit: u32 = match codec {
        Codec::Utf8 | Codec::Utf8Sig => return Ok(s.as_bytes().to_vec()),
        Codec::Latin1 => 0x100,
        Codec::Ascii => 0x80,
    };
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] as u32 >= limit {
            i += 1;
        }
        let bad = &chars[start..i];
        match handler(errors)? {
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(bad.len())),
            "backslashreplace" => {
                for &ch in bad {
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
            "xmlcharrefreplace" => {
                for &ch in bad {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
            _ => {
                let reason = if limit == 0x80 { "ordinal not in range(128)" } else { "ordinal not in range(256)" };
                let err = CodecError {
                    encoding: codec.name(),
                    decode: false,
                    start,
                    end: i,
                    reason,
                    data: bad.iter().map(|&c| c as u32).collect(),
                };
                return Err(err.to_py(Value::new_str(s)));
            }
        }
    }
    Ok(out)
}
