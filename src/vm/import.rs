//! Imports: compiling source into code, `import` / `from ... import` (absolute and
//! relative, packages with `__init__.py`, `sys.modules`, partially initialised modules for
//! circular imports), `from m import *`, and running `__main__`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::frame::Frame;
use super::Vm;
use crate::bytecode::CodeObject;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, function, module, Payload, PyRef, Value};
use crate::runtime::{attr, iter, PyErr, PyResult};
use crate::syntax::{Mode, SyntaxError};

/// Parse and compile source text.
pub fn compile_source(source: &[u8], filename: &str, mode: Mode, optimize: u32) -> Result<CodeObject, SyntaxError> {
    let m = match mode {
        Mode::Exec => crate::syntax::parse_script(source, filename)?,
        _ => crate::syntax::parse_bytes(source, mode, filename)?,
    };
    crate::compiler::compile(&m, filename, mode, optimize)
        .map_err(|e| crate::compiler::to_syntax_error(&e, &String::from_utf8_lossy(source), filename))
}

/// Compile source given as a `str` (`compile()`/`exec()`/`eval()` of text): a coding
/// cookie is ignored, as CPython does for str input.
pub fn compile_text_to_code(text: &str, filename: &str, mode: Mode, optimize: u32) -> PyResult<PyRef> {
    let compiled = crate::syntax::parse_str(text, mode, filename)
        .and_then(|m| crate::compiler::compile(&m, filename, mode, optimize).map_err(|e| string_compile_error(&e, text, filename)));
    match compiled {
        Ok(c) => Ok(function::new_code(Arc::new(c))),
        Err(se) => Err(super::traceback::syntax_error_to_py(&se)),
    }
}

/// A compile result as a code object value, or the `SyntaxError` exception; the source
/// comes from a string (`compile(bytes)`, `exec`, the REPL), not a file.
pub fn compile_to_code(source: &[u8], filename: &str, mode: Mode, optimize: u32) -> PyResult<PyRef> {
    let compiled = match mode {
        Mode::Exec => crate::syntax::parse_script(source, filename),
        _ => crate::syntax::parse_bytes(source, mode, filename),
    }
    .and_then(|m| {
        crate::compiler::compile(&m, filename, mode, optimize)
            .map_err(|e| string_compile_error(&e, &String::from_utf8_lossy(source), filename))
    });
    match compiled {
        Ok(c) => Ok(function::new_code(Arc::new(c))),
        Err(se) => Err(super::traceback::syntax_error_to_py(&se)),
    }
}

/// A compiler (not parser) error in source that came from a string: CPython takes the
/// error's `text` from the file named `filename` (usually there is none, as for
/// `"<string>"`), not from the string.
fn string_compile_error(e: &crate::compiler::CompileError, source: &str, filename: &str) -> SyntaxError {
    let mut se = crate::compiler::to_syntax_error(e, source, filename);
    se.text = std::fs::read_to_string(filename).ok().and_then(|f| crate::syntax::error::source_line(&f, se.lineno));
    se
}

fn sys_path() -> Vec<String> {
    let sys = &super::interp().sys;
    let p = sys.dict.borrow().as_ref().and_then(|d| dict::get_str(d, "path"));
    p.and_then(|l| crate::objects::list::cell(&l).map(|c| c.borrow().clone()))
        .unwrap_or_default()
        .iter()
        .filter_map(|v| v.as_str().map(|s| s.as_str().to_string()))
        .collect()
}

/// Where a module's source lives.
enum Found {
    Module(PathBuf),
    Package(PathBuf),
}

fn find_in(dir: &str, name: &str) -> Option<Found> {
    if super::stdlib::is_frozen_dir(dir) {
        let pkg = format!("{dir}/{name}/__init__.py");
        if super::stdlib::exists(&pkg) {
            return Some(Found::Package(PathBuf::from(pkg)));
        }
        let file = format!("{dir}/{name}.py");
        return super::stdlib::exists(&file).then(|| Found::Module(PathBuf::from(file)));
    }
    let dir = Path::new(dir);
    let pkg = dir.join(name).join("__init__.py");
    if pkg.is_file() {
        return Some(Found::Package(pkg));
    }
    let file = dir.join(format!("{name}.py"));
    if file.is_file() {
        return Some(Found::Module(file));
    }
    None
}

/// Import the fully qualified module `name` (its parent must be imported already).
fn load_module(vm: &Vm, name: &str) -> PyResult<Value> {
    let modules = &super::interp().modules;
    if let Some(m) = dict::get_str(modules, name) {
        return Ok(m);
    }
    if let Some(m) = crate::modules::native_module(name) {
        if let Some(g) = module::globals(&m) {
            if dict::get_str(&g, "__spec__").is_none_or(|s| s.is_none()) {
                dict::set_str(&g, "__spec__", super::module_spec::new_spec(name, Some("built-in"), false, None));
            }
        }
        dict::set_str(modules, name, Value::Obj(m.clone()));
        return Ok(Value::Obj(m));
    }
    let (parent, leaf) = match name.rfind('.') {
        Some(i) => (Some(&name[..i]), &name[i + 1..]),
        None => (None, name),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let pm = load_module(vm, p)?;
            match attr::getattr_opt(vm, &pm, "__path__")? {
                Some(path) => iter::collect(vm, &path)?.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect(),
                None => return Err(module_not_found(name, format!("No module named '{name}'; '{p}' is not a package"))),
            }
        }
        None => sys_path(),
    };
    let found = search.iter().find_map(|d| find_in(d, leaf));
    let Some(found) = found else {
        return Err(module_not_found(name, format!("No module named '{name}'")));
    };
    let (file, is_pkg) = match found {
        Found::Module(f) => (f, false),
        Found::Package(f) => (f, true),
    };
    let filename = file.display().to_string();
    let code = super::pycache::module_code(&file, &filename)?;
    let m = module::new_module(name);
    let g = module::globals(&m).unwrap_or_else(dict::new_dict);
    dict::set_str(&g, "__file__", Value::new_str(filename.as_str()));
    let package = if is_pkg { name.to_string() } else { parent.unwrap_or("").to_string() };
    dict::set_str(&g, "__package__", Value::new_str(package));
    let search = is_pkg.then(|| vec![Value::new_str(file.parent().map(|p| p.display().to_string()).unwrap_or_default())]);
    if let Some(dirs) = &search {
        dict::set_str(&g, "__path__", Value::new_list(dirs.clone()));
    }
    let spec = super::module_spec::new_spec(name, Some(&filename), true, search);
    dict::set_str(&g, "__spec__", spec.clone());
    dict::set_str(&g, "__builtins__", Value::Obj(super::interp().builtins_module.clone()));
    let mv = Value::Obj(m.clone());
    dict::set_str(modules, name, mv.clone());
    super::module_spec::set_initializing(&spec, true);
    let ran = vm.run_code(code, &g);
    super::module_spec::set_initializing(&spec, false);
    if let Err(e) = ran {
        dict::del_str(modules, name);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    let result = dict::get_str(modules, name).unwrap_or(mv);
    if let Some(p) = parent {
        if let Some(pm) = dict::get_str(modules, p) {
            attr::setattr(vm, &pm, leaf, result.clone())?;
        }
    }
    Ok(result)
}

fn module_not_found(name: &str, msg: String) -> PyErr {
    let e = PyErr::new("ModuleNotFoundError", msg);
    crate::runtime::set_attr_raw(&e.exc, "name", Value::new_str(name));
    e
}

/// Resolve a relative import against the importing module's package.
fn resolve_name(globals: &PyRef, name: &str, level: usize) -> PyResult<String> {
    if level == 0 {
        return Ok(name.to_string());
    }
    let package = dict::get_str(globals, "__package__")
        .and_then(|p| p.as_str().map(|s| s.as_str().to_string()))
        .filter(|p| !p.is_empty())
        .or_else(|| {
            let n = dict::get_str(globals, "__name__")?;
            let n = n.as_str()?.as_str().to_string();
            if dict::get_str(globals, "__path__").is_some() {
                Some(n)
            } else {
                n.rfind('.').map(|i| n[..i].to_string())
            }
        });
    let Some(package) = package else {
        return Err(PyErr::new("ImportError", "attempted relative import with no known parent package"));
    };
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(PyErr::new("ImportError", "attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level - 1)].join(".");
    Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
}

/// `ImportName`: `__import__(name, globals, None, fromlist, level)`.
pub(crate) fn import_name(vm: &Vm, frame: &Frame, name: &str, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let level = match level {
        Value::Int(i) if *i >= 0 => *i as usize,
        _ => 0,
    };
    import_with(vm, &frame.globals, name, fromlist, level)
}

/// The `builtins.__import__` function: `__import__(name, globals=None, locals=None,
/// fromlist=(), level=0)`.
pub fn builtin_import(vm: &Vm, args: crate::runtime::Args) -> PyResult<Value> {
    let names = ["name", "globals", "locals", "fromlist", "level"];
    let pos = args.pos();
    if pos.len() > 5 {
        return Err(PyErr::type_error(format!("__import__() takes at most 5 arguments ({} given)", pos.len())));
    }
    let mut vals: Vec<Option<Value>> = (0..5).map(|i| pos.get(i).cloned()).collect();
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) => vals[i] = Some(v.clone()),
            None => return Err(PyErr::type_error(format!("__import__() got an unexpected keyword argument '{k}'"))),
        }
    }
    let Some(name) = vals[0].take() else {
        return Err(PyErr::type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = name.as_str().map(|s| s.as_str().to_string()) else {
        return Err(PyErr::type_error("module name must be a string"));
    };
    let level = match vals[4].take() {
        None => 0,
        Some(Value::Int(i)) if i >= 0 => i as usize,
        Some(Value::Int(_)) => return Err(PyErr::new("ValueError", "level must be >= 0")),
        Some(v) => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&v)))),
    };
    if name.is_empty() && level == 0 {
        return Err(PyErr::new("ValueError", "Empty module name"));
    }
    let globals = match vals[1].take() {
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => g,
        _ if level > 0 => return Err(PyErr::new("KeyError", "'__name__' not in globals")),
        _ => dict::new_dict(),
    };
    let fromlist = vals[3].take().unwrap_or(Value::None);
    import_with(vm, &globals, &name, &fromlist, level)
}

fn import_with(vm: &Vm, globals: &PyRef, name: &str, fromlist: &Value, level: usize) -> PyResult<Value> {
    let full = resolve_name(globals, name, level)?;
    // Import every prefix (a.b.c imports a, a.b, a.b.c).
    let mut prefix = String::new();
    let mut first: Option<Value> = None;
    let mut last = Value::None;
    for part in full.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        last = load_module(vm, &prefix)?;
        if first.is_none() {
            first = Some(last.clone());
        }
    }
    let has_fromlist = !fromlist.is_none() && crate::runtime::ops::truthy(vm, fromlist)?;
    if has_fromlist || level > 0 && name.is_empty() {
        return Ok(last);
    }
    if level > 0 {
        // `from . import x` handled above; `import .a` is not valid syntax.
        return Ok(last);
    }
    Ok(first.unwrap_or(last))
}

/// `ImportFrom`: `from module import name`.
pub(crate) fn import_from(vm: &Vm, module: &Value, name: &str) -> PyResult<Value> {
    if let Some(v) = attr::getattr_opt(vm, module, name)? {
        return Ok(v);
    }
    let mod_name = attr::getattr_opt(vm, module, "__name__")?.and_then(|n| n.as_str().map(|s| s.as_str().to_string()));
    if let Some(mn) = &mod_name {
        let sub = format!("{mn}.{name}");
        if let Some(v) = dict::get_str(&super::interp().modules, &sub) {
            return Ok(v);
        }
        if attr::getattr_opt(vm, module, "__path__")?.is_some() {
            match load_module(vm, &sub) {
                Ok(v) => return Ok(v),
                Err(e) if e.is("ModuleNotFoundError") => {}
                Err(e) => return Err(e),
            }
        }
    }
    let mn = mod_name.unwrap_or_else(|| "<unknown module name>".into());
    let file = attr::getattr_opt(vm, module, "__file__")?.and_then(|f| f.as_str().map(|s| s.as_str().to_string()));
    let place = if super::module_spec::is_initializing(vm, module) {
        format!("partially initialized module '{mn}' (most likely due to a circular import)")
    } else {
        format!("'{mn}'")
    };
    let msg = match &file {
        Some(f) => format!("cannot import name '{name}' from {place} ({f})"),
        None => format!("cannot import name '{name}' from {place} (unknown location)"),
    };
    let e = PyErr::new("ImportError", msg);
    crate::runtime::set_attr_raw(&e.exc, "name", Value::new_str(mn));
    crate::runtime::set_attr_raw(&e.exc, "path", file.map(Value::new_str).unwrap_or(Value::None));
    Err(e)
}

/// `from module import *`.
pub(crate) fn import_star(vm: &Vm, frame: &Frame, module: &Value) -> PyResult<()> {
    let target = frame.locals.clone().unwrap_or_else(|| frame.globals.clone());
    let names: Vec<Value> = match attr::getattr_opt(vm, module, "__all__")? {
        Some(all) => iter::collect(vm, &all)?,
        None => {
            let d = attr::getattr(vm, module, "__dict__")?;
            let d = d.as_obj().cloned().ok_or_else(|| PyErr::type_error("module __dict__ is not a dict"))?;
            dict::str_keys(&d).into_iter().filter(|k| !k.starts_with('_')).map(Value::new_str).collect()
        }
    };
    for n in names {
        let Some(s) = n.as_str() else {
            let mn = attr::getattr_opt(vm, module, "__name__")?.and_then(|m| m.as_str().map(|s| s.as_str().to_string()));
            let mn = mn.unwrap_or_else(|| "module".to_string());
            return Err(PyErr::type_error(format!("Item in {mn}.__all__ must be str, not {}", type_name(&n))));
        };
        let v = attr::getattr(vm, module, s.as_str())?;
        crate::runtime::item::setitem(vm, &Value::Obj(target.clone()), &n, v)?;
    }
    let _ = Payload::Instance;
    Ok(())
}

/// The namespace of `__main__` (created, empty, if nothing ran yet): for the REPL.
pub fn main_globals() -> PyRef {
    let modules = &super::interp().modules;
    if let Some(m) = dict::get_str(modules, "__main__").and_then(|m| m.as_obj().cloned()) {
        if let Some(g) = module::globals(&m) {
            return g;
        }
    }
    let m = module::new_module("__main__");
    let g = module::globals(&m).unwrap_or_else(dict::new_dict);
    dict::set_str(&g, "__builtins__", Value::Obj(super::interp().builtins_module.clone()));
    dict::set_str(modules, "__main__", Value::Obj(m));
    g
}

/// Run source as the `__main__` module; `file_input` when it was read from a file or
/// stdin (CPython's file tokenizer, which places errors at the end of input differently).
pub fn run_main(vm: &Vm, source: &[u8], filename: &str, file_attr: Option<&str>, file_input: bool) -> PyResult<Value> {
    let code = match compile_source(source, filename, Mode::Exec, 0) {
        Ok(c) => function::new_code(Arc::new(c)),
        Err(se) => {
            let se = if file_input { se.for_file_input() } else { se };
            return Err(super::traceback::syntax_error_to_py(&se));
        }
    };
    let m = module::new_module("__main__");
    let g = module::globals(&m).unwrap_or_else(dict::new_dict);
    if let Some(f) = file_attr {
        dict::set_str(&g, "__file__", Value::new_str(f));
    }
    dict::set_str(&g, "__builtins__", Value::Obj(super::interp().builtins_module.clone()));
    dict::set_str(&super::interp().modules, "__main__", Value::Obj(m.clone()));
    vm.run_code(code, &g)
}

/// Where the code of module `name` would come from, found without running it (for `gild
/// -m`): its parent package must already be imported.
pub enum ModuleSource {
    /// A native module (no code object).
    Native,
    /// A source file; `true` for a package's `__init__.py`.
    File(PathBuf, bool),
}

/// Look `name` up on `sys.path` or its parent package's `__path__`. `Err` carries the
/// `ModuleNotFoundError` message CPython's `find_spec` gives when the parent is not a
/// package.
pub fn find_module(vm: &Vm, name: &str) -> PyResult<Result<Option<ModuleSource>, String>> {
    if crate::modules::native_module_exists(name) {
        return Ok(Ok(Some(ModuleSource::Native)));
    }
    let (parent, leaf) = match name.rfind('.') {
        Some(i) => (Some(&name[..i]), &name[i + 1..]),
        None => (None, name),
    };
    let search: Vec<String> = match parent {
        Some(p) => {
            let pm = load_module(vm, p)?;
            match attr::getattr_opt(vm, &pm, "__path__")? {
                Some(path) => iter::collect(vm, &path)?.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect(),
                None => return Ok(Err(format!("__path__ attribute not found on '{p}' while trying to find '{name}'"))),
            }
        }
        None => sys_path(),
    };
    Ok(Ok(search.iter().find_map(|d| find_in(d, leaf)).map(|f| match f {
        Found::Module(p) => ModuleSource::File(p, false),
        Found::Package(p) => ModuleSource::File(p, true),
    })))
}

/// Import module `name` (and its parents), as `import name` does.
pub fn import_module(vm: &Vm, name: &str) -> PyResult<Value> {
    let mut prefix = String::new();
    let mut last = Value::None;
    for part in name.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        last = load_module(vm, &prefix)?;
    }
    Ok(last)
}
