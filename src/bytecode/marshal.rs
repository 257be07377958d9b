//! The `.pyc` format: a [`CodeObject`] as bytes and back (DESIGN §8).
//!
//! A file is a fixed 56-byte header followed by the payload:
//!
//! | bytes | field |
//! |---|---|
//! | 0..8 | magic `GILDPYC\0` |
//! | 8..16 | build key: changes whenever the compiler or the instruction table changes |
//! | 16..20 | flags (PEP 552's): bit 0 = validated by a hash of the source instead of its mtime, bit 1 = check that hash on import |
//! | 20..24 | reserved (0) |
//! | 24..32 | source mtime in nanoseconds since the epoch (or the source hash) |
//! | 32..40 | source size in bytes |
//! | 40..48 | payload length |
//! | 48..56 | FNV-1a 64 checksum of the payload |
//!
//! All integers in the header are little-endian; the payload uses LEB128 varints, and
//! each name (`co_names`, `co_varnames`, ..., the file name) is written once per file and
//! referred to by number after (see `Shared`). Reading
//! never trusts the file: a short, corrupt or foreign file is an [`Invalid::Corrupt`] (the
//! importer recompiles and rewrites it), every index an instruction carries is checked
//! against the tables it indexes, and the stack discipline of every code object is
//! verified (`bytecode::verify`), so a decoded code object is as safe to run as a freshly
//! compiled one.

use num_bigint::BigInt;

use super::code::{CodeObject, Const, ExceptionEntry, Name, Position};
use super::numbering;
use super::opcode::TableOperand;
use crate::syntax::ast::PyString;

const MAGIC: &[u8; 8] = b"GILDPYC\0";
/// Size of the fixed header.
pub const HEADER_LEN: usize = 56;
const FLAG_HASH_BASED: u32 = 1;
const FLAG_CHECK_SOURCE: u32 = 2;
/// Nesting limit for constants (tuples, code objects) so a crafted file cannot exhaust
/// the stack.
const MAX_DEPTH: u32 = 200;

/// How a cache file is validated against its source (PEP 552; `py_compile`'s
/// `PycInvalidationMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    /// By the source's modification time and size.
    Timestamp,
    /// By a hash of the source text, checked on every import.
    CheckedHash,
    /// By a hash of the source text that the importer does not check: the file is used
    /// as long as it is well formed, whatever the source says now.
    UncheckedHash,
}

/// What a cache file must match to be used for a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Modification time in nanoseconds, or the source hash when hash-based.
    pub mtime_or_hash: u64,
    pub size: u64,
    pub validation: Validation,
}

impl Stamp {
    /// A stamp from the source file's metadata.
    pub fn from_metadata(meta: &std::fs::Metadata) -> Stamp {
        let mtime = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos() as u64);
        Stamp { mtime_or_hash: mtime, size: meta.len(), validation: Validation::Timestamp }
    }

    /// A checked hash-based stamp from the source text itself (frozen modules).
    pub fn from_source(source: &[u8]) -> Stamp {
        Stamp::hashed(source, Validation::CheckedHash)
    }

    /// A hash-based stamp (`validation` says whether the importer checks it).
    pub fn hashed(source: &[u8], validation: Validation) -> Stamp {
        Stamp { mtime_or_hash: fnv1a(source), size: source.len() as u64, validation }
    }

    pub fn is_hash_based(&self) -> bool {
        self.validation != Validation::Timestamp
    }
}

/// Why a cache file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Well formed, but written for another version of the source or of gild.
    Stale,
    /// Truncated, damaged or not a gild cache file at all.
    Corrupt(&'static str),
}

/// The payload checksum and the source hash: FNV-1a's multiply-xor step applied to 8-byte
/// words (then to the tail bytes). Each step is a bijection of the running value, so any
/// change confined to one word always changes the result.
pub fn fnv1a(data: &[u8]) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = data.chunks_exact(8);
    for w in &mut words {
        h = (h ^ u64_at(w, 0)).wrapping_mul(PRIME);
        h ^= h >> 29;
    }
    for &b in words.remainder() {
        h = (h ^ b as u64).wrapping_mul(PRIME);
    }
    h
}

/// The build key: the instruction table and the compiler's sources (hashed by `build.rs`).
pub fn build_key() -> u64 {
    static KEY: once_cell::sync::Lazy<u64> = once_cell::sync::Lazy::new(|| {
        let mut text = String::from(numbering::TABLE_TEXT);
        text.push_str(env!("GILD_COMPILER_HASH"));
        text.push_str(crate::GILD_VERSION);
        fnv1a(text.as_bytes())
    });
    *KEY
}

/// Serialise `code` with the header for `stamp`.
pub fn dumps(code: &CodeObject, stamp: Stamp) -> Vec<u8> {
    let mut payload = Vec::with_capacity(1024);
    write_code(&mut payload, code, &mut Shared::default());
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&build_key().to_le_bytes());
    let flags = match stamp.validation {
        Validation::Timestamp => 0,
        Validation::CheckedHash => FLAG_HASH_BASED | FLAG_CHECK_SOURCE,
        Validation::UncheckedHash => FLAG_HASH_BASED,
    };
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&stamp.mtime_or_hash.to_le_bytes());
    out.extend_from_slice(&stamp.size.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

fn u64_at(data: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&data[at..at + 8]);
    u64::from_le_bytes(b)
}

/// The stamp recorded in the header of `data`, if it is a cache file of this build.
pub fn recorded_stamp(data: &[u8]) -> Result<Stamp, Invalid> {
    if data.len() < HEADER_LEN {
        return Err(Invalid::Corrupt("truncated header"));
    }
    if &data[..8] != MAGIC {
        return Err(Invalid::Corrupt("bad magic number"));
    }
    if u64_at(data, 8) != build_key() {
        return Err(Invalid::Stale);
    }
    let flags = u32::from_le_bytes([data[16], data[17], data[18], data[19]]);
    let validation = match (flags & FLAG_HASH_BASED != 0, flags & FLAG_CHECK_SOURCE != 0) {
        (false, _) => Validation::Timestamp,
        (true, true) => Validation::CheckedHash,
        (true, false) => Validation::UncheckedHash,
    };
    Ok(Stamp { mtime_or_hash: u64_at(data, 24), size: u64_at(data, 32), validation })
}

/// Check the header of `data` against `expected` without decoding the payload.
pub fn check_header(data: &[u8], expected: Stamp) -> Result<(), Invalid> {
    if recorded_stamp(data)? != expected {
        return Err(Invalid::Stale);
    }
    Ok(())
}

/// Decode a cache file, checking it matches `expected`.
pub fn loads(data: &[u8], expected: Stamp) -> Result<CodeObject, Invalid> {
    check_header(data, expected)?;
    let len = u64_at(data, 40);
    let payload = &data[HEADER_LEN..];
    if payload.len() as u64 != len {
        return Err(Invalid::Corrupt("payload length mismatch"));
    }
    if fnv1a(payload) != u64_at(data, 48) {
        return Err(Invalid::Corrupt("checksum mismatch"));
    }
    let mut r = Reader { data: payload, pos: 0, names: Vec::new() };
    let code = r.code(0)?;
    if r.pos != payload.len() {
        return Err(Invalid::Corrupt("trailing bytes"));
    }
    Ok(code)
}

/// Replace `co_filename` in `code` and its nested code objects (a cache file moved with
/// its source, or a frozen module cached under another name).
pub fn set_filename(code: &mut CodeObject, filename: &str) {
    if &*code.filename != filename {
        share_filename(code, &filename.into());
    }
}

fn share_filename(code: &mut CodeObject, filename: &Name) {
    code.filename = filename.clone();
    for c in &mut code.consts {
        if let Const::Code(inner) = c {
            if inner.filename != *filename {
                share_filename(std::sync::Arc::make_mut(inner), filename);
            }
        }
    }
}

// ---- writing ----

/// A signed value as an unsigned one, small magnitudes small (0, -1, 1, -2 → 0, 1, 2, 3).
fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// The inverse of [`zigzag`].
fn unzigzag(z: u64) -> i64 {
    (z >> 1) as i64 ^ -((z & 1) as i64)
}

fn put_uv(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_uv(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// The names (see [`Name`]) already written to a file, by their order of first use: a
/// name is written as `len << 1` and its bytes the first time, as `index << 1 | 1` after.
/// (Decoding one string per use was a third of a warm start's allocations.)
#[derive(Default)]
struct Shared<'a> {
    index: std::collections::HashMap<&'a str, u32>,
}

fn put_name<'a>(out: &mut Vec<u8>, s: &'a str, shared: &mut Shared<'a>) {
    match shared.index.get(s) {
        Some(&k) => put_uv(out, (k as u64) << 1 | 1),
        None => {
            let k = shared.index.len() as u32;
            shared.index.insert(s, k);
            put_uv(out, (s.len() as u64) << 1);
            out.extend_from_slice(s.as_bytes());
        }
    }
}

fn put_names<'a>(out: &mut Vec<u8>, v: &'a [Name], shared: &mut Shared<'a>) {
    put_uv(out, v.len() as u64);
    for s in v {
        put_name(out, s, shared);
    }
}

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const SMALL_INT: u8 = 3;
    pub const BIG_INT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const COMPLEX: u8 = 6;
    pub const STR: u8 = 7;
    pub const STR_CODE_POINTS: u8 = 8;
    pub const BYTES: u8 = 9;
    pub const ELLIPSIS: u8 = 10;
    pub const TUPLE: u8 = 11;
    pub const FROZENSET: u8 = 12;
    pub const CODE: u8 = 13;
}

fn put_const<'a>(out: &mut Vec<u8>, c: &'a Const, shared: &mut Shared<'a>) {
    match c {
        Const::None => out.push(tag::NONE),
        Const::Bool(false) => out.push(tag::FALSE),
        Const::Bool(true) => out.push(tag::TRUE),
        Const::Int(i) => match i64::try_from(i) {
            Ok(small) => {
                out.push(tag::SMALL_INT);
                put_uv(out, zigzag(small));
            }
            Err(_) => {
                out.push(tag::BIG_INT);
                put_bytes(out, &i.to_signed_bytes_le());
            }
        },
        Const::Float(f) => {
            out.push(tag::FLOAT);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Const::Complex { real, imag } => {
            out.push(tag::COMPLEX);
            out.extend_from_slice(&real.to_bits().to_le_bytes());
            out.extend_from_slice(&imag.to_bits().to_le_bytes());
        }
        Const::Str(PyString::Utf8(s)) => {
            out.push(tag::STR);
            put_bytes(out, s.as_bytes());
        }
        Const::Str(PyString::CodePoints(cps)) => {
            out.push(tag::STR_CODE_POINTS);
            put_uv(out, cps.len() as u64);
            for &cp in cps {
                put_uv(out, cp as u64);
            }
        }
        Const::Bytes(b) => {
            out.push(tag::BYTES);
            put_bytes(out, b);
        }
        Const::Ellipsis => out.push(tag::ELLIPSIS),
        Const::Tuple(items) | Const::FrozenSet(items) => {
            out.push(if matches!(c, Const::Tuple(_)) { tag::TUPLE } else { tag::FROZENSET });
            put_uv(out, items.len() as u64);
            for item in items {
                put_const(out, item, shared);
            }
        }
        Const::Code(code) => {
            out.push(tag::CODE);
            write_code(out, code, shared);
        }
    }
}

fn write_code<'a>(out: &mut Vec<u8>, code: &'a CodeObject, shared: &mut Shared<'a>) {
    put_uv(out, code.instrs.len() as u64);
    for i in &code.instrs {
        let (op, ops) = numbering::encode(i);
        out.push(op);
        for v in &ops[..numbering::operand_count(op)] {
            put_uv(out, *v as u64);
        }
    }
    // Lines as differences (from the previous instruction's line, and from the start
    // line), so nearly every value of the table takes one byte.
    put_uv(out, code.positions.len() as u64);
    let mut prev_line = 0u32;
    for p in &code.positions {
        put_uv(out, zigzag(p.lineno as i64 - prev_line as i64));
        put_uv(out, zigzag(p.end_lineno as i64 - p.lineno as i64));
        put_uv(out, p.col as u64);
        put_uv(out, p.end_col as u64);
        prev_line = p.lineno;
    }
    put_uv(out, code.exception_table.len() as u64);
    for e in &code.exception_table {
        for v in [e.start, e.end, e.target, e.depth] {
            put_uv(out, v as u64);
        }
        out.push(e.lasti as u8);
    }
    put_uv(out, code.consts.len() as u64);
    for c in &code.consts {
        put_const(out, c, shared);
    }
    put_names(out, &code.names, shared);
    put_names(out, &code.varnames, shared);
    put_names(out, &code.cellvars, shared);
    put_names(out, &code.freevars, shared);
    put_uv(out, code.cell2arg.len() as u64);
    for c in &code.cell2arg {
        put_uv(out, c.map_or(0, |v| v as u64 + 1));
    }
    for v in [code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags, code.firstlineno, code.max_stack] {
        put_uv(out, v as u64);
    }
    put_bytes(out, code.name.as_bytes());
    put_bytes(out, code.qualname.as_bytes());
    put_name(out, &code.filename, shared);
}

// ---- reading ----

/// `base` plus the zigzag-encoded difference `z`.
#[inline]
fn add_line(base: u32, z: u64) -> R<u32> {
    u32::try_from(base as i64 + unzigzag(z)).map_err(|_| Invalid::Corrupt("line number out of range"))
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// The names read so far (see [`Shared`]).
    names: Vec<Name>,
}

type R<T> = Result<T, Invalid>;

const TRUNCATED: Invalid = Invalid::Corrupt("truncated payload");

impl Reader<'_> {
    fn byte(&mut self) -> R<u8> {
        let b = *self.data.get(self.pos).ok_or(TRUNCATED)?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> R<&[u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len()).ok_or(TRUNCATED)?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    #[inline]
    fn uv(&mut self) -> R<u64> {
        // Most values (operands, columns, small counts) fit in one byte.
        if let Some(&b) = self.data.get(self.pos) {
            if b & 0x80 == 0 {
                self.pos += 1;
                return Ok(b as u64);
            }
        }
        self.uv_long()
    }

    fn uv_long(&mut self) -> R<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Invalid::Corrupt("varint too long"))
    }

    #[inline]
    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.uv()?).map_err(|_| Invalid::Corrupt("integer out of range"))
    }

    /// A line number written as its difference from `base` (see `write_code`).
    #[inline]
    fn line_from(&mut self, base: u32) -> R<u32> {
        let z = self.uv()?;
        add_line(base, z)
    }

    /// A count of items each at least one byte long (bounded by what is left, so a bad
    /// count cannot make us allocate a huge vector).
    fn count(&mut self) -> R<usize> {
        let n = self.uv()?;
        if n > (self.data.len() - self.pos) as u64 {
            return Err(Invalid::Corrupt("count exceeds file size"));
        }
        Ok(n as usize)
    }

    fn u64_le(&mut self) -> R<u64> {
        let b = self.take(8)?;
        Ok(u64_at(b, 0))
    }

    fn string(&mut self) -> R<String> {
        let n = self.count()?;
        let b = self.take(n)?;
        std::str::from_utf8(b).map(str::to_owned).map_err(|_| Invalid::Corrupt("invalid UTF-8"))
    }

    fn name(&mut self) -> R<Name> {
        let v = self.uv()?;
        if v & 1 == 1 {
            return usize::try_from(v >> 1).ok().and_then(|k| self.names.get(k)).cloned().ok_or(Invalid::Corrupt("bad name reference"));
        }
        if v >> 1 > (self.data.len() - self.pos) as u64 {
            return Err(TRUNCATED);
        }
        let b = self.take((v >> 1) as usize)?;
        let name: Name = std::str::from_utf8(b).map_err(|_| Invalid::Corrupt("invalid UTF-8"))?.into();
        self.names.push(name.clone());
        Ok(name)
    }

    fn names(&mut self) -> R<Vec<Name>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.name()?);
        }
        Ok(v)
    }

    fn constant(&mut self, depth: u32) -> R<Const> {
        if depth > MAX_DEPTH {
            return Err(Invalid::Corrupt("constants nested too deeply"));
        }
        Ok(match self.byte()? {
            tag::NONE => Const::None,
            tag::FALSE => Const::Bool(false),
            tag::TRUE => Const::Bool(true),
            tag::SMALL_INT => {
                let z = self.uv()?;
                Const::Int(BigInt::from(unzigzag(z)))
            }
            tag::BIG_INT => {
                let n = self.count()?;
                Const::Int(BigInt::from_signed_bytes_le(self.take(n)?))
            }
            tag::FLOAT => Const::Float(f64::from_bits(self.u64_le()?)),
            tag::COMPLEX => {
                let real = f64::from_bits(self.u64_le()?);
                Const::Complex { real, imag: f64::from_bits(self.u64_le()?) }
            }
            tag::STR => Const::Str(PyString::Utf8(self.string()?)),
            tag::STR_CODE_POINTS => {
                let n = self.count()?;
                let cps = (0..n).map(|_| self.u32()).collect::<R<Vec<u32>>>()?;
                if cps.iter().any(|&c| c > 0x10ffff) {
                    return Err(Invalid::Corrupt("code point out of range"));
                }
                Const::Str(PyString::CodePoints(cps))
            }
            tag::BYTES => {
                let n = self.count()?;
                Const::Bytes(self.take(n)?.to_vec())
            }
            tag::ELLIPSIS => Const::Ellipsis,
            t @ (tag::TUPLE | tag::FROZENSET) => {
                let n = self.count()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.constant(depth + 1)?);
                }
                if t == tag::TUPLE {
                    Const::Tuple(items)
                } else {
                    Const::FrozenSet(items)
                }
            }
            tag::CODE => Const::Code(std::sync::Arc::new(self.code(depth + 1)?)),
            _ => return Err(Invalid::Corrupt("unknown constant tag")),
        })
    }

    fn code(&mut self, depth: u32) -> R<CodeObject> {
        let n = self.count()?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let op = self.byte()?;
            let mut ops = [0u32; 2];
            match (numbering::operand_count(op), self.data.get(self.pos)) {
                (0, _) => {}
                // The usual operand: one that fits in one byte.
                (1, Some(&b)) if b & 0x80 == 0 => {
                    self.pos += 1;
                    ops[0] = b as u32;
                }
                (k, _) => {
                    for slot in ops.iter_mut().take(k) {
                        *slot = self.u32()?;
                    }
                }
            }
            instrs.push(numbering::decode(op, ops).ok_or(Invalid::Corrupt("invalid instruction"))?);
        }
        let n = self.count()?;
        let mut positions = Vec::with_capacity(n);
        let mut prev_line = 0u32;
        for _ in 0..n {
            // Nearly always the four values take one byte each: read them together.
            let p = match self.data.get(self.pos..self.pos + 4) {
                Some(&[a, b, c, d]) if (a | b | c | d) & 0x80 == 0 => {
                    self.pos += 4;
                    let lineno = add_line(prev_line, a as u64)?;
                    Position { lineno, end_lineno: add_line(lineno, b as u64)?, col: c as u32, end_col: d as u32 }
                }
                _ => {
                    let lineno = self.line_from(prev_line)?;
                    let end_lineno = self.line_from(lineno)?;
                    Position { lineno, end_lineno, col: self.u32()?, end_col: self.u32()? }
                }
            };
            positions.push(p);
            prev_line = p.lineno;
        }
        let n = self.count()?;
        let mut exception_table = Vec::with_capacity(n);
        for _ in 0..n {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let lasti = match self.byte()? {
                0 => false,
                1 => true,
                _ => return Err(Invalid::Corrupt("invalid exception-table entry")),
            };
            exception_table.push(ExceptionEntry { start, end, target, depth, lasti });
        }
        let n = self.count()?;
        let mut consts = Vec::with_capacity(n);
        for _ in 0..n {
            consts.push(self.constant(depth)?);
        }
        let names = self.names()?;
        let varnames = self.names()?;
        let cellvars = self.names()?;
        let freevars = self.names()?;
        let n = self.count()?;
        let cell2arg = (0..n).map(|_| self.u32().map(|v| v.checked_sub(1))).collect::<R<Vec<Option<u32>>>>()?;
        let code = CodeObject {
            instrs,
            positions,
            exception_table,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            argcount: self.u32()?,
            posonlyargcount: self.u32()?,
            kwonlyargcount: self.u32()?,
            flags: self.u32()?,
            firstlineno: self.u32()?,
            max_stack: self.u32()?,
            name: self.string()?,
            qualname: self.string()?,
            filename: self.name()?,
        };
        check_indices(&code)?;
        super::verify::check_stack(&code).map_err(Invalid::Corrupt)?;
        Ok(code)
    }
}

/// Every table index an instruction carries is in range, every jump lands inside the
/// code, and the side tables have the shapes the VM relies on.
fn check_indices(code: &CodeObject) -> R<()> {
    let n = code.instrs.len() as u32;
    let bad = Invalid::Corrupt("operand out of range");
    if code.positions.len() != code.instrs.len() || code.cell2arg.len() != code.cellvars.len() {
        return Err(Invalid::Corrupt("inconsistent tables"));
    }
    if code.total_args() > code.varnames.len()
        || code.posonlyargcount > code.argcount
        || code.cell2arg.iter().flatten().any(|&a| a as usize >= code.varnames.len())
    {
        return Err(Invalid::Corrupt("inconsistent arguments"));
    }
    for e in &code.exception_table {
        if e.start > e.end || e.end > n || e.target >= n {
            return Err(Invalid::Corrupt("exception-table entry out of range"));
        }
    }
    let cells = (code.cellvars.len() + code.freevars.len()) as u32;
    for i in &code.instrs {
        let ok = match i.table_operand() {
            Some(TableOperand::Const(k)) => (k as usize) < code.consts.len(),
            Some(TableOperand::Local(k)) => (k as usize) < code.varnames.len(),
            Some(TableOperand::Name(k)) => (k as usize) < code.names.len(),
            Some(TableOperand::Cell(k)) => k < cells,
            None => i.jump_target().map_or(true, |t| t < n),
        };
        if !ok {
            return Err(bad);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CodeObject {
        let src = b"import os\nX = (1, 2.5, 'h\\xe9', b'b', None, ..., 10**30, -7, 3j)\ndef f(a, *b, c=1, **d):\n    def g():\n        return a\n    try:\n        return g() + len(d)\n    except KeyError as e:\n        raise ValueError from e\n";
        crate::compiler::compile_file_source(src, "m.py", 0).expect("compiles")
    }

    #[test]
    fn round_trip() {
        let code = sample();
        let stamp = Stamp { mtime_or_hash: 123, size: 45, validation: Validation::Timestamp };
        let data = dumps(&code, stamp);
        assert_eq!(loads(&data, stamp), Ok(code));
    }

    #[test]
    fn line_numbers_round_trip_in_any_order() {
        let mut code = sample();
        let lines = [7, 3, 0, u32::MAX, 1, u32::MAX - 1, 0];
        for (k, p) in code.positions.iter_mut().enumerate() {
            p.lineno = lines[k % lines.len()];
            p.end_lineno = lines[(k + 3) % lines.len()];
        }
        let stamp = Stamp { mtime_or_hash: 5, size: 6, validation: Validation::Timestamp };
        assert_eq!(loads(&dumps(&code, stamp), stamp), Ok(code));
    }

    #[test]
    fn stale_and_corrupt_are_detected() {
        let code = sample();
        let stamp = Stamp { mtime_or_hash: 1, size: 2, validation: Validation::Timestamp };
        let data = dumps(&code, stamp);
        assert_eq!(loads(&data, Stamp { size: 3, ..stamp }), Err(Invalid::Stale));
        assert_eq!(loads(&data, Stamp { validation: Validation::CheckedHash, ..stamp }), Err(Invalid::Stale));
        for v in [Validation::CheckedHash, Validation::UncheckedHash] {
            let hashed = Stamp { validation: v, ..stamp };
            assert_eq!(recorded_stamp(&dumps(&code, hashed)), Ok(hashed));
        }
        for cut in [0, 10, HEADER_LEN, data.len() - 1] {
            assert!(matches!(loads(&data[..cut], stamp), Err(Invalid::Corrupt(_))), "cut at {cut}");
        }
        // Flipping any single payload byte is caught (by the checksum).
        for k in (HEADER_LEN..data.len()).step_by(7) {
            let mut bad = data.clone();
            bad[k] ^= 0x55;
            assert!(matches!(loads(&bad, stamp), Err(Invalid::Corrupt(_))), "flip at {k}");
        }
    }

    #[test]
    fn payload_garbage_never_panics() {
        // Random payloads with a correct checksum exercise the decoder's own checks.
        let stamp = Stamp { mtime_or_hash: 0, size: 0, validation: Validation::Timestamp };
        let mut seed: u64 = 0x1234_5678;
        let valid = dumps(&sample(), stamp);
        for round in 0..2000 {
            let mut payload = valid[HEADER_LEN..].to_vec();
            for _ in 0..(1 + round % 5) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let at = (seed >> 33) as usize % payload.len();
                payload[at] = (seed >> 17) as u8;
            }
            if round % 3 == 0 {
                payload.truncate((seed >> 40) as usize % payload.len());
            }
            let mut data = valid[..HEADER_LEN].to_vec();
            data[40..48].copy_from_slice(&(payload.len() as u64).to_le_bytes());
            data[48..56].copy_from_slice(&fnv1a(&payload).to_le_bytes());
            data.extend_from_slice(&payload);
            let _ = loads(&data, stamp);
        }
    }
}
