//! What `gild -m MODULE` does (CPython's `runpy._run_module_as_main`): find the module
//! (importing its parent packages; a package runs its `__main__` submodule), set
//! `sys.argv[0]` to its file, and run its code as `__main__`. The code runs under two small
//! functions compiled as `<frozen runpy>` with CPython's line numbers, so a traceback shows
//! the same two `runpy` entries as CPython's. Failures to find the module are reported as
//! `<executable>: <message>` with exit status 1, as CPython does.

use std::path::PathBuf;

use crate::objects::function::native;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, module, Value};
use crate::runtime::{attr, repr, Args, PyErr, PyResult};
use crate::vm::import::{self, ModuleSource};
use crate::vm::Vm;

/// Why a module cannot be run: a message for `<executable>: ...`, or an exception raised
/// by the code imported on the way (printed as a traceback).
pub enum RunError {
    Message(String),
    Raised(PyErr),
}

impl From<PyErr> for RunError {
    fn from(e: PyErr) -> RunError {
        RunError::Raised(e)
    }
}

/// The module's file and package name (`runpy._get_module_details`).
fn module_details(vm: &Vm, name: &str) -> Result<(PathBuf, String), RunError> {
    if name.is_empty() || name.starts_with('.') {
        return Err(RunError::Message("Relative module names not supported".into()));
    }
    if name == "__main__" {
        return Err(RunError::Message(
            "Error while finding module specification for '__main__' (ValueError: __main__.__spec__ is None)".into(),
        ));
    }
    let pkg = name.rfind('.').map(|i| &name[..i]).unwrap_or("");
    let finding = |kind: &str, msg: &str| {
        let mut m = format!("Error while finding module specification for '{name}' ({kind}: {msg})");
        if let Some(stem) = name.strip_suffix(".py") {
            m.push_str(&format!(". Try using '{stem}' instead of '{name}' as the module name."));
        }
        RunError::Message(m)
    };
    if !pkg.is_empty() {
        if let Err(e) = import::import_module(vm, pkg) {
            if !e.is("ImportError") {
                return Err(e.into());
            }
            // A missing ancestor is reported as a lookup failure; other import errors
            // propagate.
            let missing = attr::getattr_opt(vm, &e.value(), "name")?.and_then(|n| n.as_str().map(|s| s.as_str().to_string()));
            match missing {
                Some(m) if m == pkg || pkg.starts_with(&format!("{m}.")) => {
                    let text = repr::str(vm, &e.value())?;
                    return Err(finding(&type_name(&e.value()), &text));
                }
                _ => return Err(e.into()),
            }
        }
    }
    let found = match import::find_module(vm, name)? {
        Ok(f) => f,
        Err(msg) => return Err(finding("ModuleNotFoundError", &msg)),
    };
    match found {
        None => Err(RunError::Message(format!("No module named {name}"))),
        Some(ModuleSource::Native) => Err(RunError::Message(format!("No code object available for {name}"))),
        Some(ModuleSource::File(_, true)) => {
            if name.ends_with(".__main__") {
                return Err(RunError::Message("Cannot use package as __main__ module".into()));
            }
            match module_details(vm, &format!("{name}.__main__")) {
                Err(RunError::Message(m)) if m.starts_with("No module named") => {
                    Err(RunError::Message(format!("{m}; '{name}' is a package and cannot be directly executed")))
                }
                other => other,
            }
        }
        Some(ModuleSource::File(path, false)) => Ok((path, pkg.to_string())),
    }
}

/// CPython 3.11.7's `runpy.py` calls the module's code at line 88 (`_run_code`), called
/// from line 198 (`_run_module_as_main`); the blank lines place the calls there.
fn shim_source() -> String {
    let mut s = "\n".repeat(86);
    s.push_str("def _run_code(code, run_globals):\n    _gild_exec(code, run_globals)\n");
    s.push_str(&"\n".repeat(108));
    s.push_str("def _run_module_as_main(code, run_globals):\n    _run_code(code, run_globals)\n");
    s
}

/// `_gild_exec(code, globals)`: run a code object in a namespace.
fn gild_exec(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("_gild_exec", 2, 2)?;
    let (Some(code), Some(globals)) = (pos[0].as_obj(), pos[1].as_obj()) else {
        return Err(PyErr::type_error("_gild_exec(code, globals)"));
    };
    vm.run_code(code.clone(), globals)
}

/// Run module `name` as `__main__`.
pub fn run_module_as_main(vm: &Vm, name: &str) -> Result<Value, RunError> {
    // Like CPython, an (empty) `__main__` exists while the parent packages are imported.
    let m = module::new_module("__main__");
    dict::set_str(&crate::vm::interp().modules, "__main__", Value::Obj(m.clone()));
    let (path, package) = module_details(vm, name)?;
    let filename = path.display().to_string();
    let code = crate::vm::pycache::module_code(&path, &filename)?;
    let sys = &crate::vm::interp().sys;
    if let Some(argv) = sys.dict.borrow().as_ref().and_then(|d| dict::get_str(d, "argv")) {
        if let Some(items) = crate::objects::list::cell(&argv) {
            if let Some(first) = items.borrow_mut().first_mut() {
                *first = Value::new_str(filename.as_str());
            }
        }
    }
    let g = module::globals(&m).unwrap_or_else(dict::new_dict);
    dict::set_str(&g, "__file__", Value::new_str(filename.as_str()));
    dict::set_str(&g, "__package__", Value::new_str(package));
    dict::set_str(&g, "__builtins__", Value::Obj(crate::vm::interp().builtins_module.clone()));
    let shim = import::compile_to_code(shim_source().as_bytes(), "<frozen runpy>", crate::syntax::Mode::Exec, 0)?;
    let sg = dict::new_dict();
    dict::set_str(&sg, "__name__", Value::new_str("runpy"));
    dict::set_str(&sg, "_gild_exec", native("_gild_exec", gild_exec));
    vm.run_code(shim, &sg)?;
    let Some(Value::Obj(runner)) = dict::get_str(&sg, "_run_module_as_main") else {
        return Err(RunError::Message("runpy shim is broken".into()));
    };
    Ok(vm.call_function(&runner, Args::new(&[Value::Obj(code), Value::Obj(g)]))?)
}
