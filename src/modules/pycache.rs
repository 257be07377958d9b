//! `_pycache`: the native half of `importlib.util.cache_from_source`, `py_compile` and
//! `compileall` over the bytecode cache in `vm::pycache` (the Python halves live in
//! `stdlib/`).
//!
//! * `cache_from_source(path, opt)`: the cache file's path (`opt` is `""` or the level).
//! * `compile_file(source, cfile, dfile, optimize, mode)`: `None` on success, or
//!   `(SyntaxError instance, rendered text)` for a syntax error; `OSError` on I/O errors.
//!   `mode` is a `PycInvalidationMode` value: 1 timestamp, 2 checked hash, 3 unchecked.
//! * `compile_many(jobs, workers, force, optimize, mode)`: `jobs` is a list of
//!   `(source, cfile, dfile)`; compiles them in parallel (rayon, `workers` threads, 0 = one
//!   per core) and returns one `(status, text)` per job: status 0 = already up to date,
//!   1 = compiled, 2 = syntax error (`text` as CPython prints it), 3 = I/O error.

use std::path::{Path, PathBuf};

use crate::bytecode::marshal::Validation;
use crate::objects::function::native;
use crate::objects::{dict, module, tuple, PyRef, Value};
use crate::runtime::{iter, Args, PyErr, PyResult};
use crate::vm::pycache::{self, Job, Outcome};
use crate::vm::Vm;

fn str_of(v: &Value, what: &str) -> PyResult<String> {
    v.as_str().map(|s| s.as_str().to_string()).ok_or_else(|| PyErr::type_error(format!("{what} must be str")))
}

fn int_of(v: Option<&Value>) -> i64 {
    match v {
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i64,
        _ => 0,
    }
}

fn cache_from_source(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("cache_from_source", 2, 2)?;
    let path = str_of(&pos[0], "path")?;
    let opt = str_of(&pos[1], "optimization")?;
    Ok(Value::new_str(pycache::cache_path_opt(Path::new(&path), &opt).display().to_string()))
}

/// A `PycInvalidationMode` value as the cache's validation (unknown values: timestamp).
fn validation(mode: i64) -> Validation {
    match mode {
        2 => Validation::CheckedHash,
        3 => Validation::UncheckedHash,
        _ => Validation::Timestamp,
    }
}

fn job_from(source: String, cfile: String, dfile: Option<String>, optimize: i64, validation: Validation, force: bool) -> Job {
    Job {
        display_name: dfile.unwrap_or_else(|| source.clone()),
        source: PathBuf::from(source),
        cfile: PathBuf::from(cfile),
        optimize: optimize.max(0) as u32,
        validation,
        force,
    }
}

fn compile_file(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("compile_file", 5, 5)?;
    let dfile = if pos[2].is_none() { None } else { Some(str_of(&pos[2], "dfile")?) };
    let job =
        job_from(str_of(&pos[0], "file")?, str_of(&pos[1], "cfile")?, dfile, int_of(pos.get(3)), validation(int_of(pos.get(4))), true);
    match pycache::compile_file(&job) {
        Outcome::Fresh | Outcome::Compiled => Ok(Value::None),
        Outcome::SyntaxError(se) => {
            let exc = crate::vm::traceback::syntax_error_to_py(&se);
            Ok(Value::new_tuple(vec![exc.value(), Value::new_str(se.render())]))
        }
        Outcome::Io(e) => Err(super::os_error::from_io(&e, Some(Value::new_str(job.source.display().to_string())))),
    }
}

fn compile_many(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("compile_many", 5, 5)?;
    let (workers, force, optimize, mode) =
        (int_of(pos.get(1)), int_of(pos.get(2)) != 0, int_of(pos.get(3)), validation(int_of(pos.get(4))));
    let mut jobs = Vec::new();
    for item in iter::collect(vm, &pos[0])? {
        let parts =
            tuple::items(&item).filter(|p| p.len() == 3).ok_or_else(|| PyErr::type_error("jobs must be (source, cfile, dfile) tuples"))?;
        let dfile = if parts[2].is_none() { None } else { Some(str_of(&parts[2], "dfile")?) };
        jobs.push(job_from(str_of(&parts[0], "source")?, str_of(&parts[1], "cfile")?, dfile, optimize, mode, force));
    }
    let results = pycache::compile_many(&jobs, workers.max(0) as usize);
    let out = results
        .into_iter()
        .map(|r| {
            let (status, text) = match r {
                Outcome::Fresh => (0, Value::None),
                Outcome::Compiled => (1, Value::None),
                Outcome::SyntaxError(se) => (2, Value::new_str(se.render())),
                Outcome::Io(e) => (3, Value::new_str(e.to_string())),
            };
            Value::new_tuple(vec![Value::Int(status), text])
        })
        .collect();
    Ok(Value::new_list(out))
}

pub fn create(_name: &str) -> PyRef {
    let m = module::new_module("_pycache");
    if let Some(d) = module::globals(&m) {
        for (name, f) in [
            ("cache_from_source", cache_from_source as crate::objects::NativeFn),
            ("compile_file", compile_file),
            ("compile_many", compile_many),
        ] {
            dict::set_str(&d, name, native(name, f));
        }
    }
    m
}
