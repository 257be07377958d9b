//! The bytecode cache (DESIGN §8): where a module's `.pyc` lives
//! (`DIR/__pycache__/NAME.gild-VER.pyc`), using a valid one instead of compiling, and
//! writing one atomically (a temporary file in the same folder renamed over the target, so
//! a concurrent reader sees the old file or the new one, never a torn one). Invalid files
//! (stale, truncated, corrupt, foreign) are ignored and rewritten. Also the batch compiler
//! behind `compileall` (files compiled in parallel with rayon, no Python objects touched).
//!
//! Frozen stdlib modules have no folder of their own: their cache files live in a per-user
//! folder, `$XDG_CACHE_HOME/gild` (default `~/.cache/gild`), in a subfolder named by the
//! build key (so binaries never share entries), validated by a hash of the embedded
//! source. Decoding a cache file is about 4x cheaper than compiling (see
//! `benches/pyc_startup.py`: cold vs warm), which is what a module imported on every start
//! (`dis`, `timeit`, ...) pays.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::bytecode::marshal::{self, Stamp, Validation};
use crate::bytecode::CodeObject;
use crate::objects::{dict, function, PyRef, Value};
use crate::runtime::{PyErr, PyResult};
use crate::syntax::Mode;

/// `sys.implementation.cache_tag`: `gild-` and the version without dots.
pub fn cache_tag() -> String {
    format!("gild-{}", crate::GILD_VERSION.replace('.', ""))
}

/// The cache file for `source` (`importlib.util.cache_from_source`): the file name up to
/// its last dot, the cache tag, `.opt-N` for optimisation levels above 0, then `.pyc`.
pub fn cache_path(source: &Path, optimize: u32) -> PathBuf {
    cache_path_opt(source, &if optimize > 0 { optimize.to_string() } else { String::new() })
}

/// [`cache_path`] with the optimisation suffix given as text (`""` for none). Like
/// CPython, a name without a dot keeps its whole text and gets no separator
/// (`foo` → `foogild-010.pyc`), and a leading dot is dropped (`.x` → `x.gild-010.pyc`).
pub fn cache_path_opt(source: &Path, opt: &str) -> PathBuf {
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (base, sep, rest) = match name.rfind('.') {
        Some(i) => (&name[..i], ".", &name[i + 1..]),
        None => ("", "", name.as_str()),
    };
    let mut file = format!("{}{sep}{}", if base.is_empty() { rest } else { base }, cache_tag());
    if !opt.is_empty() {
        file.push_str(&format!(".opt-{opt}"));
    }
    file.push_str(".pyc");
    source.parent().unwrap_or(Path::new("")).join("__pycache__").join(file)
}

/// Is writing `.pyc` files turned off (`-B`, `PYTHONDONTWRITEBYTECODE`, or user code
/// setting `sys.dont_write_bytecode`)?
fn dont_write_bytecode() -> bool {
    let sys = &super::interp().sys;
    let d = sys.dict.borrow().clone();
    d.and_then(|d| dict::get_str(&d, "dont_write_bytecode")).is_some_and(|v| !matches!(v, Value::Bool(false) | Value::Int(0) | Value::None))
}

/// Write `data` to `path` atomically, creating the `__pycache__` folder if needed.
pub fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)?;
        }
    }
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.{n}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let written = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp).and_then(|mut f| f.write_all(data));
    match written.and_then(|_| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// The code in cache file `data` if it is valid for `stamp`.
fn decode_cached(data: &[u8], stamp: Stamp, filename: &str) -> Option<CodeObject> {
    let mut code = marshal::loads(data, stamp).ok()?;
    marshal::set_filename(&mut code, filename);
    Some(code)
}

fn import_error(path: &Path, e: std::io::Error) -> PyErr {
    PyErr::new("ImportError", format!("{}: {e}", path.display()))
}

/// The code object of the module whose source is at `path` (named `filename` in
/// tracebacks): from a valid cache file, or compiled and then cached.
///
/// As in CPython (PEP 552), a hash-based cache file stays hash-based: a checked one is
/// validated by hashing the source, and rewritten the same way when stale; an unchecked
/// one is used without looking at the source at all.
pub fn module_code(path: &Path, filename: &str) -> PyResult<PyRef> {
    let text = path.to_string_lossy();
    if let Some(src) = super::stdlib::read(&text) {
        return frozen_module_code(&text, src.as_bytes(), filename);
    }
    let meta = std::fs::metadata(path).map_err(|e| import_error(path, e))?;
    let cfile = cache_path(path, 0);
    let cached = std::fs::read(&cfile).ok();
    let recorded = cached.as_deref().and_then(|d| marshal::recorded_stamp(d).ok());
    let validation = recorded.map_or(Validation::Timestamp, |s| s.validation);
    let mut source = None;
    let expected = match (validation, recorded) {
        (Validation::Timestamp, _) => Stamp::from_metadata(&meta),
        (Validation::UncheckedHash, Some(stamp)) => stamp,
        (v, _) => {
            let src = std::fs::read(path).map_err(|e| import_error(path, e))?;
            let stamp = Stamp::hashed(&src, v);
            source = Some(src);
            stamp
        }
    };
    if let Some(code) = cached.as_deref().and_then(|d| decode_cached(d, expected, filename)) {
        return Ok(function::new_code(Arc::new(code)));
    }
    let source = match source {
        Some(s) => s,
        None => std::fs::read(path).map_err(|e| import_error(path, e))?,
    };
    let code = match super::import::compile_source(&source, filename, Mode::Exec, 0) {
        Ok(c) => c,
        Err(se) => return Err(super::traceback::syntax_error_to_py(&se)),
    };
    let stamp = if validation == Validation::Timestamp { expected } else { Stamp::hashed(&source, validation) };
    // The stamp must describe the bytes compiled: a file rewritten between the stat and
    // the read gets a cache file that the next import finds stale.
    if !dont_write_bytecode() && source.len() as u64 == stamp.size {
        // Failing to write (read-only folder, full disk) is not an import error.
        let _ = write_atomic(&cfile, &marshal::dumps(&code, stamp));
    }
    Ok(function::new_code(Arc::new(code)))
}

/// The per-user cache file for the frozen module at `path` (`<stdlib>/dis.py`).
fn frozen_cache_path(path: &str) -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|p| !p.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?).join(".cache"),
    };
    let rel = path.strip_prefix(super::stdlib::ENTRY)?.trim_start_matches('/').replace('/', ".");
    Some(base.join("gild").join(format!("stdlib-{:016x}", marshal::build_key())).join(format!("{rel}c")))
}

fn frozen_module_code(path: &str, source: &[u8], filename: &str) -> PyResult<PyRef> {
    let stamp = Stamp::from_source(source);
    let cfile = frozen_cache_path(path);
    if let Some(code) = cfile.as_ref().and_then(|c| std::fs::read(c).ok()).and_then(|d| decode_cached(&d, stamp, filename)) {
        return Ok(function::new_code(Arc::new(code)));
    }
    let code = match super::import::compile_source(source, filename, Mode::Exec, 0) {
        Ok(c) => c,
        Err(se) => return Err(super::traceback::syntax_error_to_py(&se)),
    };
    if let Some(cfile) = cfile.filter(|_| !dont_write_bytecode()) {
        let _ = write_atomic(&cfile, &marshal::dumps(&code, stamp));
    }
    Ok(function::new_code(Arc::new(code)))
}

/// How compiling one file to a cache file went.
pub enum Outcome {
    /// The cache file was already valid (and `force` was not given).
    Fresh,
    Compiled,
    SyntaxError(crate::syntax::SyntaxError),
    /// Reading the source or writing the cache failed.
    Io(std::io::Error),
}

/// One file for [`compile_file`]: the source, its cache file, and the name to record in
/// the code (`dfile` of `py_compile`, else the source path).
pub struct Job {
    pub source: PathBuf,
    pub cfile: PathBuf,
    pub display_name: String,
    pub optimize: u32,
    pub validation: Validation,
    pub force: bool,
}

/// Compile one source file to its cache file. Touches no Python object, so it runs on
/// any thread.
pub fn compile_file(job: &Job) -> Outcome {
    let source = match std::fs::read(&job.source) {
        Ok(s) => s,
        Err(e) => return Outcome::Io(e),
    };
    let stamp = match job.validation {
        Validation::Timestamp => match std::fs::metadata(&job.source) {
            Ok(m) => Stamp::from_metadata(&m),
            Err(e) => return Outcome::Io(e),
        },
        v => Stamp::hashed(&source, v),
    };
    // Like CPython's `compileall`, only a timestamp-based cache file counts as up to date.
    if !job.force && !stamp.is_hash_based() && std::fs::read(&job.cfile).is_ok_and(|d| marshal::check_header(&d, stamp).is_ok()) {
        return Outcome::Fresh;
    }
    let code = match super::import::compile_source(&source, &job.display_name, Mode::Exec, job.optimize) {
        Ok(c) => c,
        Err(se) => return Outcome::SyntaxError(se),
    };
    match write_atomic(&job.cfile, &marshal::dumps(&code, stamp)) {
        Ok(()) => Outcome::Compiled,
        Err(e) => Outcome::Io(e),
    }
}

/// Compile `jobs` on `threads` worker threads (0: one per core), results in job order.
pub fn compile_many(jobs: &[Job], threads: usize) -> Vec<Outcome> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
    match pool {
        Ok(pool) => crate::runtime::gil::allow_threads(|| pool.install(|| jobs.par_iter().map(compile_file).collect())),
        Err(_) => jobs.iter().map(compile_file).collect(),
    }
}
