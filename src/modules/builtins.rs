//! The `builtins` module: builtin functions, the builtin types and exceptions by name, and
//! `__build_class__`. Methods of the builtin types are registered by their own files
//! (`modules::types_*`).

use crate::objects::function::native;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, int, module, types, Payload, PyRef, Value};
use crate::runtime::{attr, call, iter, ops, repr, Args, PyErr, PyResult};
use crate::vm::{instr, Vm};

/// Create the `builtins` module; returns the module and its dict.
pub fn create() -> (PyRef, PyRef) {
    super::object_methods::init();
    crate::vm::frame_object::init_type();
    super::slot_methods::init();
    super::list_methods::init();
    super::dict_methods::init();
    super::mappingproxy_methods::init();
    super::set_methods::init();
    super::str_methods::init();
    super::bytes_methods::init();
    super::range_methods::init();
    super::num_methods::init();
    super::iterators::init();
    super::os_error::init();
    super::unicode_error::init();
    crate::vm::generator::init();
    crate::runtime::exc_group::init();
    let m = module::new_module("builtins");
    let d = module::globals(&m).unwrap_or_else(dict::new_dict);
    let t = types();
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("classmethod", &t.classmethod),
        ("staticmethod", &t.staticmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
    ] {
        dict::set_str(&d, name, Value::Obj(ty.clone()));
    }
    for (name, cls) in &t.exc.all {
        dict::set_str(&d, name, Value::Obj(cls.clone()));
    }
    dict::set_str(&d, "EnvironmentError", Value::Obj(t.exc.get("OSError").clone()));
    dict::set_str(&d, "IOError", Value::Obj(t.exc.get("OSError").clone()));
    dict::set_str(&d, "None", Value::None);
    dict::set_str(&d, "True", Value::Bool(true));
    dict::set_str(&d, "False", Value::Bool(false));
    dict::set_str(&d, "NotImplemented", Value::Obj(t.not_implemented.clone()));
    dict::set_str(&d, "Ellipsis", Value::Obj(t.ellipsis.clone()));
    dict::set_str(&d, "__debug__", Value::Bool(true));
    dict::set_str(&d, "memoryview", Value::Obj(super::memoryview_methods::memoryview_type().clone()));
    let funcs: &[(&'static str, crate::objects::NativeFn)] = &[
        ("__build_class__", crate::vm::class::build_class),
        ("__import__", crate::vm::import::builtin_import),
        ("print", builtin_print),
        ("compile", super::eval::builtin_compile),
        ("exit", builtin_exit),
        ("quit", builtin_exit),
        ("help", builtin_help),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("ascii", builtin_ascii),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("aiter", builtin_aiter),
        ("anext", builtin_anext),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("hasattr", builtin_hasattr),
        ("delattr", builtin_delattr),
        ("id", builtin_id),
        ("hash", builtin_hash),
        ("abs", builtin_abs),
        ("callable", builtin_callable),
        ("breakpoint", builtin_breakpoint),
        ("chr", builtin_chr),
        ("ord", builtin_ord),
        ("format", builtin_format),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("any", builtin_any),
        ("all", builtin_all),
        ("sorted", builtin_sorted),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("hex", builtin_hex),
        ("oct", builtin_oct),
        ("bin", builtin_bin),
        ("round", builtin_round),
        ("open", super::io::builtin_open),
        ("input", super::io::builtin_input),
    ];
    for (name, f) in funcs {
        dict::set_str(&d, name, native(name, *f));
    }
    let frame_funcs: &[(&'static str, crate::objects::NativeFn)] = &[
        ("globals", builtin_globals),
        ("locals", builtin_locals),
        ("vars", builtin_vars),
        ("dir", builtin_dir),
        ("exec", super::eval::builtin_exec),
        ("eval", super::eval::builtin_eval),
    ];
    for (name, f) in frame_funcs {
        dict::set_str(&d, name, crate::objects::function::native_frame(name, *f));
    }
    m.make_immortal();
    (m, d)
}

/// `help([object])`: the body is Python (`stdlib/_gildhelp.py`), imported on first use.
fn builtin_help(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = crate::vm::import::import_module(vm, "_gildhelp")?;
    let f = crate::runtime::attr::getattr(vm, &m, "help")?;
    crate::runtime::call::call(vm, &f, args)
}

/// `exit([code])` / `quit([code])` (CPython's `site` adds them): raise `SystemExit`.
fn builtin_exit(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("exit", 0, 1)?;
    let e = PyErr::with_args(types().exc.get("SystemExit"), pos.to_vec());
    crate::runtime::set_attr_raw(&e.exc, "code", pos.first().cloned().unwrap_or(Value::None));
    Err(e)
}

fn builtin_print(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_kwargs("print", &["sep", "end", "file", "flush"])?;
    // `str(v)`, as the object itself when it is an exact `str` (what CPython hands `write`).
    let piece = |v: &Value| -> PyResult<Value> {
        if v.as_str().is_some() && ops::is_exact_str(v) {
            return Ok(v.clone());
        }
        Ok(Value::new_str(repr::str(vm, v)?))
    };
    let text_arg = |name: &str, default: &str| -> PyResult<Value> {
        match args.kwarg(name) {
            None | Some(Value::None) => Ok(Value::new_str(default)),
            Some(v) if v.as_str().is_some() => piece(v),
            Some(v) => Err(PyErr::type_error(format!("{name} must be None or a string, not {}", type_name(v)))),
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let flush = match args.kwarg("flush") {
        Some(f) => ops::truthy(vm, f)?,
        None => false,
    };
    let file = match args.kwarg("file") {
        None | Some(Value::None) => match super::sys::stdout_object()? {
            Some(f) => f,
            // `sys.stdout` is `None`: print does nothing, as in CPython.
            None => return Ok(Value::None),
        },
        Some(f) => f.clone(),
    };
    if super::sys::is_native_stdout(&file) {
        // gild's own stdout: one buffered write of the whole line. What was converted
        // before a failing `str()` is still written, as CPython's piecewise writes do.
        let mut out = String::new();
        for (i, v) in args.pos().iter().enumerate() {
            if i > 0 {
                out.push_str(text(&sep));
            }
            match piece(v) {
                Ok(t) => out.push_str(text(&t)),
                Err(e) => {
                    super::sys::write_stdout_raw(&out);
                    return Err(e);
                }
            }
        }
        out.push_str(text(&end));
        super::sys::write_stdout_raw(&out);
        if flush {
            super::sys::flush_stdout_raw();
        }
        return Ok(Value::None);
    }
    // Any other file: `write` per argument, separator and end, then `flush`, in CPython's
    // order (a file object sees exactly the calls CPython makes). `write` is looked up once.
    let write = attr::getattr(vm, &file, "write")?;
    let put = |t: &Value| call::call(vm, &write, Args::new(std::slice::from_ref(t)));
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            put(&sep)?;
        }
        put(&piece(v)?)?;
    }
    put(&end)?;
    if flush {
        call::call_method(vm, &file, "flush", &[])?;
    }
    Ok(Value::None)
}

/// The text of a `str` value (`""` for anything else).
fn text(v: &Value) -> &str {
    v.as_str().map(|s| s.as_str()).unwrap_or("")
}

fn one_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.no_kwargs(name)?;
    let pos = args.check_count(name, 1, 1)?;
    Ok(&pos[0])
}

/// `aiter(async_iterable)`: `type(x).__aiter__(x)`, which must have `__anext__`.
fn builtin_aiter(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "aiter")?;
    let Some(f) = typeobj::lookup(v.class(), "__aiter__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterable", type_name(v))));
    };
    let it = call::call_bound(vm, &f, v, Args::new(&[]))?;
    if typeobj::lookup(it.class(), "__anext__").is_none() {
        return Err(PyErr::type_error(format!("aiter() returned not an async iterator of type '{}'", type_name(&it))));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`: the awaitable of `__anext__()`; with a default,
/// wrapped so that `StopAsyncIteration` gives the default (`stdlib/_anext.py`).
fn builtin_anext(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("anext")?;
    let pos = args.check_count("anext", 1, 2)?;
    let it = &pos[0];
    let Some(f) = typeobj::lookup(it.class(), "__anext__") else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterator", type_name(it))));
    };
    let awaitable = call::call_bound(vm, &f, it, Args::new(&[]))?;
    match pos.get(1) {
        None => Ok(awaitable),
        Some(default) => {
            let module = crate::vm::import::import_module(vm, "_anext")?;
            let wrap = attr::getattr(vm, &module, "anext_awaitable")?;
            call::call(vm, &wrap, Args::new(&[awaitable, default.clone()]))
        }
    }
}

fn builtin_len(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "len")?;
    Ok(Value::from(ops::len(vm, v)?))
}

fn builtin_repr(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "repr")?;
    Ok(Value::new_str(repr::repr(vm, v)?))
}

fn builtin_ascii(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "ascii")?;
    Ok(Value::new_str(super::str_format::ascii_of(vm, v)?))
}

/// `isinstance` with a class, a tuple of classes, or any object whose type defines
/// `__instancecheck__` (ABCs, unions), in CPython's order: exact type, plain classes
/// (metaclass exactly `type`) without hooks, tuples, then the hook.
pub fn isinstance(vm: &Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Obj(c) = cls {
        if obj.class().is(c) {
            return Ok(true);
        }
        if c.class().is(&crate::objects::types().type_) {
            return Ok(typeobj::isinstance(obj, c));
        }
    }
    if let Some(Payload::Tuple(items)) = cls.payload() {
        for c in items.iter() {
            if isinstance(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = call::lookup_user(cls.class(), "__instancecheck__") {
        let r = call::call_bound(vm, &check, cls, Args::new(&[obj.clone()]))?;
        return ops::truthy(vm, &r);
    }
    match cls {
        Value::Obj(c) if typeobj::type_data(c).is_some() => Ok(typeobj::isinstance(obj, c)),
        _ => Err(PyErr::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn builtin_isinstance(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("isinstance")?;
    let pos = args.check_count("isinstance", 2, 2)?;
    Ok(Value::Bool(isinstance(vm, &pos[0], &pos[1])?))
}

fn issubclass(vm: &Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    let plain = cls.as_obj().is_some_and(|c| c.class().is(&crate::objects::types().type_));
    if !plain {
        if let Some(Payload::Tuple(items)) = cls.payload() {
            for c in items.iter() {
                if issubclass(vm, sub, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(check) = call::lookup_user(cls.class(), "__subclasscheck__") {
            let r = call::call_bound(vm, &check, cls, Args::new(&[sub.clone()]))?;
            return ops::truthy(vm, &r);
        }
    }
    match cls {
        Value::Obj(c) if typeobj::type_data(c).is_some() => {
            let Some(s) = sub.as_obj().filter(|s| typeobj::type_data(s).is_some()) else {
                return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
            };
            Ok(typeobj::is_subtype(s, c))
        }
        _ => Err(PyErr::type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
    }
}

fn builtin_issubclass(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("issubclass")?;
    let pos = args.check_count("issubclass", 2, 2)?;
    Ok(Value::Bool(issubclass(vm, &pos[0], &pos[1])?))
}

fn builtin_iter(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("iter")?;
    let pos = args.check_count("iter", 1, 2)?;
    if pos.len() == 2 {
        return super::iterators::callable_iter(vm, pos[0].clone(), pos[1].clone());
    }
    iter::iter(vm, &pos[0])
}

fn builtin_next(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("next")?;
    let pos = args.check_count("next", 1, 2)?;
    if typeobj::lookup(pos[0].class(), "__next__").is_none() && !is_builtin_iter(&pos[0]) {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", type_name(&pos[0]))));
    }
    if let Some(Payload::Generator(_)) = pos[0].payload() {
        // Keep the generator's return value in the `StopIteration`.
        return match crate::vm::generator::resume(vm, &pos[0], Value::None, None)? {
            Ok(v) => Ok(v),
            Err(r) => match pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::stop_iteration(if r.is_none() { None } else { Some(r) })),
            },
        };
    }
    match iter::next(vm, &pos[0])? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration(None)),
        },
    }
}

fn is_builtin_iter(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(Payload::SeqIter { .. })
            | Some(Payload::RangeIter { .. })
            | Some(Payload::DictIter { .. })
            | Some(Payload::NativeIter(_))
            | Some(Payload::Generator(_))
    )
}

fn attr_name(v: &Value) -> PyResult<&str> {
    v.as_str().map(|s| s.as_str()).ok_or_else(|| PyErr::type_error(format!("attribute name must be string, not '{}'", type_name(v))))
}

fn builtin_getattr(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("getattr")?;
    let pos = args.check_count("getattr", 2, 3)?;
    let name = attr_name(&pos[1])?;
    match attr::getattr(vm, &pos[0], name) {
        Ok(v) => Ok(v),
        Err(e) if e.is("AttributeError") && pos.len() == 3 => Ok(pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn builtin_setattr(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("setattr")?;
    let pos = args.check_count("setattr", 3, 3)?;
    attr::setattr(vm, &pos[0], attr_name(&pos[1])?, pos[2].clone())?;
    Ok(Value::None)
}

fn builtin_hasattr(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("hasattr")?;
    let pos = args.check_count("hasattr", 2, 2)?;
    match attr::getattr(vm, &pos[0], attr_name(&pos[1])?) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is("AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn builtin_delattr(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("delattr")?;
    let pos = args.check_count("delattr", 2, 2)?;
    attr::delattr(vm, &pos[0], attr_name(&pos[1])?)?;
    Ok(Value::None)
}

fn builtin_id(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "id")?;
    Ok(Value::Int(v.id()))
}

fn builtin_hash(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "hash")?;
    Ok(Value::Int(ops::hash(vm, v)?))
}

pub(crate) fn builtin_abs(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "abs")?;
    match v {
        Value::Int(i) => {
            Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| int::normalize(num_bigint::BigInt::from(*i).magnitude().clone().into())))
        }
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => {
            if let Some(b) = int::as_bigint(v).filter(|_| call::lookup_user(v.class(), "__abs__").is_none()) {
                return Ok(int::normalize(int::abs_big(&b)));
            }
            if let Some(Payload::Complex { re, im }) = v.payload() {
                return Ok(Value::Float(re.hypot(*im)));
            }
            match call::call_method_opt(vm, v, "__abs__", &[])? {
                Some(r) => Ok(r),
                None => Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", type_name(v)))),
            }
        }
    }
}

/// `callable(v)`.
pub fn is_callable(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Function(_)) | Some(Payload::NativeFunction(_)) | Some(Payload::BoundMethod { .. }) | Some(Payload::Type(_)) => true,
        _ => typeobj::lookup(v.class(), "__call__").is_some(),
    }
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` with the same arguments.
fn builtin_breakpoint(vm: &Vm, args: Args) -> PyResult<Value> {
    let sys = Value::Obj(crate::vm::interp().sys.clone());
    let hook = attr::getattr_opt(vm, &sys, "breakpointhook")?.ok_or_else(|| PyErr::runtime_error("lost sys.breakpointhook"))?;
    call::call(vm, &hook, args)
}

fn builtin_callable(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "callable")?;
    Ok(Value::Bool(is_callable(v)))
}

fn builtin_chr(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "chr")?;
    let i = match int::as_bigint(v) {
        Some(b) => num_traits::ToPrimitive::to_i64(&b).ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?,
        None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    };
    match u32::try_from(i).ok().filter(|&c| c < 0x110000) {
        Some(c) => match char::from_u32(c) {
            Some(ch) => Ok(Value::new_str(ch.to_string())),
            None => Err(PyErr::value_error("gild cannot represent lone surrogates yet")),
        },
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(_vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "ord")?;
    match v.payload() {
        Some(Payload::Str(s)) => {
            if s.char_len() == 1 {
                Ok(Value::Int(s.char_at(0).map(|c| c as i64).unwrap_or(0)))
            } else {
                Err(PyErr::type_error(format!("ord() expected a character, but string of length {} found", s.char_len())))
            }
        }
        _ => match crate::objects::bytes::data(v) {
            Some(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            Some(b) => Err(PyErr::type_error(format!("ord() expected a character, but string of length {} found", b.len()))),
            None => Err(PyErr::type_error(format!("ord() expected string of length 1, but {} found", type_name(v)))),
        },
    }
}

fn builtin_format(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("format")?;
    let pos = args.check_count("format", 1, 2)?;
    let spec = match pos.get(1) {
        Some(s) => s.as_str().map(|s| s.as_str().to_string()).ok_or_else(|| {
            // Argument Clinic names `None` itself rather than its type.
            let tn = if s.is_none() { "None".to_string() } else { type_name(s).to_string() };
            PyErr::type_error(format!("format() argument 2 must be str, not {tn}"))
        })?,
        None => String::new(),
    };
    Ok(Value::new_str(instr::format(vm, &pos[0], &spec)?))
}

fn builtin_globals(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("globals", 0, 0)?;
    match vm.caller_view() {
        Some(f) => Ok(Value::Obj(f.globals)),
        None => Ok(Value::None),
    }
}

fn builtin_locals(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_count("locals", 0, 0)?;
    match vm.caller_view() {
        Some(f) => Ok(Value::Obj(f.locals)),
        None => Ok(Value::None),
    }
}

/// `vars()` is `locals()`; `vars(obj)` is `obj.__dict__`.
fn builtin_vars(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("vars")?;
    let pos = args.check_count("vars", 0, 1)?;
    let Some(obj) = pos.first() else {
        return builtin_locals(vm, Args::new(&[]));
    };
    match attr::getattr_opt(vm, obj, "__dict__")? {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error("vars() argument must have __dict__ attribute")),
    }
}

/// `dir()`: the sorted names of the caller's locals; `dir(obj)`: `obj.__dir__()` sorted.
fn builtin_dir(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("dir")?;
    let pos = args.check_count("dir", 0, 1)?;
    let names = match pos.first() {
        None => match vm.caller_view() {
            Some(f) => iter::collect(vm, &Value::Obj(f.locals))?,
            None => Vec::new(),
        },
        Some(obj) => attr::dir_of(vm, obj)?,
    };
    let list = Value::new_list(names);
    super::list_methods::list_sort(vm, Args::new(std::slice::from_ref(&list)))?;
    Ok(list)
}

fn min_max(vm: &Vm, args: Args, name: &str, op: crate::bytecode::CmpOp) -> PyResult<Value> {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if let Some((k, _)) = args.kwargs().find(|(k, _)| !matches!(*k, "key" | "default")) {
        return Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
    }
    let key = args.kwarg("key").filter(|k| !k.is_none()).cloned();
    let default = args.kwarg("default").cloned();
    let items = match pos.len() {
        1 => iter::collect(vm, &pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => call::call(vm, f, Args::new(&[it.clone()]))?,
            None => it.clone(),
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                if ops::compare_bool(vm, &k, &bk, op)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn builtin_min(vm: &Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", crate::bytecode::CmpOp::Lt)
}

fn builtin_max(vm: &Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", crate::bytecode::CmpOp::Gt)
}

fn builtin_sum(vm: &Vm, args: Args) -> PyResult<Value> {
    let [iterable, start] = args.fn_keywords("sum", ["iterable", "start"], 1, 2, 1)?;
    let mut acc = start.cloned().unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    match acc.payload() {
        Some(Payload::Bytes(_)) => return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        Some(Payload::ByteArray(_)) => return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
        _ => {}
    }
    let it = iter::iter(vm, iterable.unwrap_or(&Value::None))?;
    while let Some(x) = iter::next(vm, &it)? {
        acc = match ops::binop_fast(&acc, &x, crate::bytecode::BinOp::Add) {
            Some(r) => r,
            None => ops::binary_op(vm, &acc, &x, crate::bytecode::BinOp::Add)?,
        };
    }
    Ok(acc)
}

fn builtin_any(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "any")?;
    let it = iter::iter(vm, v)?;
    while let Some(x) = iter::next(vm, &it)? {
        if ops::truthy(vm, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn builtin_all(vm: &Vm, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "all")?;
    let it = iter::iter(vm, v)?;
    while let Some(x) = iter::next(vm, &it)? {
        if !ops::truthy(vm, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn builtin_sorted(vm: &Vm, args: Args) -> PyResult<Value> {
    args.check_kwargs("sort", &["key", "reverse"])?;
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = iter::collect(vm, &pos[0])?;
    let list = Value::new_list(items);
    let kw: Vec<Value> = args.kwargs().map(|(_, v)| v.clone()).collect();
    let kwnames: Vec<Value> = args.kwargs().map(|(k, _)| Value::new_str(k)).collect();
    let mut a = vec![list.clone()];
    a.extend(kw);
    super::list_methods::list_sort(vm, Args { args: &a, kwnames: &kwnames })?;
    Ok(list)
}

fn builtin_divmod(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("divmod")?;
    let pos = args.check_count("divmod", 2, 2)?;
    if call::lookup_user(pos[0].class(), "__divmod__").is_some() {
        let r = call::call_method(vm, &pos[0], "__divmod__", &[pos[1].clone()])?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if call::lookup_user(pos[1].class(), "__rdivmod__").is_some() {
        let r = call::call_method(vm, &pos[1], "__rdivmod__", &[pos[0].clone()])?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if let Some(r) = ops::native_divmod(&pos[0], &pos[1]) {
        return r;
    }
    Err(PyErr::type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", type_name(&pos[0]), type_name(&pos[1]))))
}

fn builtin_pow(vm: &Vm, args: Args) -> PyResult<Value> {
    let [base, exp, modulus] = args.fn_keywords("pow", ["base", "exp", "mod"], 0, 3, 2)?;
    let (base, exp) = (base.unwrap_or(&Value::None), exp.unwrap_or(&Value::None));
    match modulus.filter(|m| !m.is_none()) {
        Some(m) => ops::ternary_pow(vm, base, exp, m),
        None => ops::binary_op(vm, base, exp, crate::bytecode::BinOp::Power),
    }
}

fn int_arg(v: &Value, fname: &str) -> PyResult<num_bigint::BigInt> {
    let _ = fname;
    ops::index_bigint_novm(v)?.ok_or_else(|| PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))
}

fn radix(v: &Value, fname: &str, prefix: &str, r: u32) -> PyResult<Value> {
    let n = int_arg(v, fname)?;
    let digits = n.magnitude().to_str_radix(r);
    let sign = if n.sign() == num_bigint::Sign::Minus { "-" } else { "" };
    Ok(Value::new_str(format!("{sign}{prefix}{digits}")))
}

fn builtin_hex(_vm: &Vm, args: Args) -> PyResult<Value> {
    radix(one_arg(&args, "hex")?, "hex", "0x", 16)
}

fn builtin_oct(_vm: &Vm, args: Args) -> PyResult<Value> {
    radix(one_arg(&args, "oct")?, "oct", "0o", 8)
}

fn builtin_bin(_vm: &Vm, args: Args) -> PyResult<Value> {
    radix(one_arg(&args, "bin")?, "bin", "0b", 2)
}

fn builtin_round(vm: &Vm, args: Args) -> PyResult<Value> {
    let [number, ndigits] = args.fn_keywords("round", ["number", "ndigits"], 0, 2, 1)?;
    let nd = ndigits.filter(|v| !v.is_none()).cloned();
    let x = number.unwrap_or(&Value::None);
    if let Some(f) = call::lookup_user(x.class(), "__round__") {
        let a: Vec<Value> = nd.into_iter().collect();
        return call::call_bound(vm, &f, x, Args::new(&a));
    }
    if let Some(r) = super::num_methods::round_builtin(vm, x, nd.as_ref()) {
        return r;
    }
    Err(PyErr::type_error(format!("type {} doesn't define __round__ method", type_name(x))))
}
