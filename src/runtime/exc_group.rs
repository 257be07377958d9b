//! Exception groups (PEP 654): `BaseExceptionGroup`/`ExceptionGroup` construction and
//! methods (`split`, `subgroup`, `derive`), and the matching behind `except*`: splitting a
//! raised exception by the clause's type (`CheckEgMatch`) and merging what the clauses
//! raised back into one exception (`PrepReraiseStar`).

use super::call::call_method;
use super::{set_attr_raw, Args, PyErr, PyResult};
use crate::objects::exception::exc_data;
use crate::objects::function::add_methods;
use crate::objects::typeobj::{self, type_name};
use crate::objects::{dict, types, Payload, Value};
use crate::vm::Vm;

/// Register the methods of `BaseExceptionGroup`.
pub fn init() {
    let t = types();
    add_methods(
        t.exc.get("BaseExceptionGroup"),
        "BaseExceptionGroup",
        &[("__new__", eg_new), ("__init__", eg_init), ("split", eg_split), ("subgroup", eg_subgroup), ("derive", eg_derive)],
    );
}

/// Is `v` an exception group?
pub fn is_group(v: &Value) -> bool {
    typeobj::isinstance(v, types().exc.get("BaseExceptionGroup"))
}

fn stored(eg: &Value, name: &str) -> Option<Value> {
    eg.as_obj().and_then(|o| o.dict.borrow().clone()).and_then(|d| dict::get_str(&d, name))
}

/// The sub-exceptions of a group (`eg.exceptions`).
pub fn exceptions(eg: &Value) -> Vec<Value> {
    stored(eg, "exceptions").and_then(|t| crate::objects::tuple::items(&t).map(|x| x.to_vec())).unwrap_or_default()
}

/// `str(eg)`: `message (N sub-exceptions)`.
pub fn group_str(eg: &Value) -> String {
    let msg = stored(eg, "message").and_then(|m| m.as_str().map(|s| s.as_str().to_string())).unwrap_or_default();
    let n = exceptions(eg).len();
    format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" })
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: validates the arguments and
/// picks `ExceptionGroup` when `BaseExceptionGroup` is given only `Exception`s.
fn eg_new(vm: &Vm, args: Args) -> PyResult<Value> {
    let t = types();
    let pos = args.pos();
    let Some(mut cls) = pos.first().and_then(|c| c.as_obj()).filter(|c| typeobj::type_data(c).is_some()).cloned() else {
        return Err(PyErr::type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    let name = typeobj::name_of(&cls);
    if args.has_kwargs() && pos.len() == 3 {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    // The argument errors name the base class whatever `cls` is, as CPython's do.
    if pos.len() != 3 || args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let (message, excs) = (&pos[1], &pos[2]);
    if message.as_str().is_none() {
        return Err(PyErr::type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", type_name(message))));
    }
    let is_seq = matches!(excs.payload(), Some(Payload::List(_)) | Some(Payload::Tuple(_)))
        || (typeobj::lookup(excs.class(), "__getitem__").is_some() && typeobj::lookup(excs.class(), "__len__").is_some());
    if !is_seq || matches!(excs.payload(), Some(Payload::Dict(_)) | Some(Payload::Str(_))) {
        return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
    }
    let items = super::iter::collect(vm, excs)?;
    if items.is_empty() {
        return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let base = t.exc.get("BaseException");
    let exception = t.exc.get("Exception");
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !typeobj::isinstance(e, base) {
            return Err(PyErr::value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !typeobj::isinstance(e, exception) {
            nested_base = true;
        }
    }
    let beg = t.exc.get("BaseExceptionGroup");
    if cls.is(beg) {
        if !nested_base {
            cls = t.exc.get("ExceptionGroup").clone();
        }
    } else if cls.is(t.exc.get("ExceptionGroup")) {
        if nested_base {
            return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && typeobj::is_subtype(&cls, exception) {
        return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{name}'")));
    }
    let e = super::new_exception(&cls, vec![message.clone(), excs.clone()]);
    set_attr_raw(&e, "message", message.clone());
    set_attr_raw(&e, "exceptions", Value::new_tuple(items));
    Ok(Value::Obj(e))
}

/// `BaseExceptionGroup.__init__`: the arguments were checked by `__new__`.
fn eg_init(_vm: &Vm, args: Args) -> PyResult<Value> {
    if let Some(d) = exc_data(&args.args[0]) {
        d.borrow_mut().args = Value::new_tuple(args.pos()[1..].to_vec());
    }
    Ok(Value::None)
}

/// How `split`/`subgroup` decide that an exception matches.
enum Matcher {
    /// A class or a tuple of classes.
    Types(Value),
    /// A predicate called with each exception.
    Predicate(Value),
    /// Leaves by identity (`except*` working out which exceptions were re-raised).
    Leaves(Vec<usize>),
}

impl Matcher {
    fn from_arg(condition: &Value) -> PyResult<Matcher> {
        let is_exc_class = |c: &Value| {
            c.as_obj().is_some_and(|o| typeobj::type_data(o).is_some() && typeobj::is_subtype(o, types().exc.get("BaseException")))
        };
        if is_exc_class(condition) {
            return Ok(Matcher::Types(condition.clone()));
        }
        if let Some(items) = crate::objects::tuple::items(condition) {
            if items.iter().all(is_exc_class) {
                return Ok(Matcher::Types(condition.clone()));
            }
        } else if crate::modules::builtins::is_callable(condition) && !matches!(condition.payload(), Some(Payload::Type(_))) {
            return Ok(Matcher::Predicate(condition.clone()));
        }
        Err(PyErr::type_error("expected a function, exception type or tuple of exception types"))
    }

    fn matches(&self, vm: &Vm, exc: &Value) -> PyResult<bool> {
        match self {
            Matcher::Types(t) => crate::vm::unwind::exception_matches(exc, t),
            Matcher::Predicate(f) => {
                let r = super::call::call(vm, f, Args::new(std::slice::from_ref(exc)))?;
                super::ops::truthy(vm, &r)
            }
            Matcher::Leaves(ids) => Ok(!is_group(exc) && ids.contains(&(exc.id() as usize))),
        }
    }
}

/// Split `exc` by `matcher` into `(match, rest)`, either `None` when empty.
fn split_recursive(vm: &Vm, exc: &Value, matcher: &Matcher, want_rest: bool) -> PyResult<(Value, Value)> {
    if matcher.matches(vm, exc)? {
        return Ok((exc.clone(), Value::None));
    }
    if !is_group(exc) {
        return Ok((Value::None, exc.clone()));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in exceptions(exc) {
        let (m, r) = split_recursive(vm, &e, matcher, want_rest)?;
        if !m.is_none() {
            matched.push(m);
        }
        if want_rest && !r.is_none() {
            rest.push(r);
        }
    }
    Ok((subset(vm, exc, matched)?, if want_rest { subset(vm, exc, rest)? } else { Value::None }))
}

/// `orig.derive(excs)` with `orig`'s traceback, cause, context and notes; `None` for no
/// exceptions.
fn subset(vm: &Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Value> {
    if excs.is_empty() {
        return Ok(Value::None);
    }
    let eg = call_method(vm, orig, "derive", &[Value::new_list(excs)])?;
    if !is_group(&eg) {
        return Err(PyErr::type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(src), Some(dst)) = (exc_data(orig), exc_data(&eg)) {
        let src = src.borrow();
        let mut dst = dst.borrow_mut();
        dst.traceback = src.traceback.clone();
        dst.cause = src.cause.clone();
        dst.context = src.context.clone();
    }
    if let (Some(notes), Some(o)) = (stored(orig, "__notes__"), eg.as_obj()) {
        let copy = match crate::objects::list::cell(&notes) {
            Some(l) => Value::new_list(l.borrow().clone()),
            None => notes,
        };
        set_attr_raw(o, "__notes__", copy);
    }
    Ok(eg)
}

fn eg_split(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("split", 2, 2)?;
    let matcher = Matcher::from_arg(&pos[1])?;
    let (m, r) = split_recursive(vm, &pos[0], &matcher, true)?;
    Ok(Value::new_tuple(vec![m, r]))
}

fn eg_subgroup(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("subgroup", 2, 2)?;
    let matcher = Matcher::from_arg(&pos[1])?;
    Ok(split_recursive(vm, &pos[0], &matcher, false)?.0)
}

fn eg_derive(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("derive", 2, 2)?;
    let message = stored(&pos[0], "message").unwrap_or_else(|| Value::new_str(""));
    let beg = Value::Obj(types().exc.get("BaseExceptionGroup").clone());
    eg_new(vm, Args::new(&[beg, message, pos[1].clone()]))
}

/// Build `ExceptionGroup(message, excs)` (or `BaseExceptionGroup` as the items require).
fn make_group(vm: &Vm, message: &str, excs: Vec<Value>) -> PyResult<Value> {
    let beg = Value::Obj(types().exc.get("BaseExceptionGroup").clone());
    eg_new(vm, Args::new(&[beg, Value::new_str(message), Value::new_list(excs)]))
}

/// Check an `except*` clause's type: exception classes only, and never a group class.
fn check_star_type(match_type: &Value) -> PyResult<()> {
    let classes: Vec<Value> = match crate::objects::tuple::items(match_type) {
        Some(items) => items.to_vec(),
        None => vec![match_type.clone()],
    };
    for c in &classes {
        let Some(cls) = c.as_obj().filter(|o| typeobj::type_data(o).is_some()) else {
            return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
        };
        if !typeobj::is_subtype(cls, types().exc.get("BaseException")) {
            return Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        if typeobj::is_subtype(cls, types().exc.get("BaseExceptionGroup")) {
            return Err(PyErr::type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
        }
    }
    Ok(())
}

/// `CheckEgMatch`: split `exc` by `match_type` into `(rest, match)`; `match` is `None`
/// when nothing matched (and `rest` is then `exc` unchanged). A matching naked exception
/// is wrapped in a group with an empty message.
pub fn check_eg_match(vm: &Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    check_star_type(match_type)?;
    if exc.is_none() {
        return Ok((Value::None, Value::None));
    }
    if crate::vm::unwind::exception_matches(exc, match_type)? {
        if is_group(exc) {
            return Ok((Value::None, exc.clone()));
        }
        let wrapped = make_group(vm, "", vec![exc.clone()])?;
        if let (Some(src), Some(dst)) = (exc_data(exc), exc_data(&wrapped)) {
            dst.borrow_mut().traceback = src.borrow().traceback.clone();
        }
        // CPython builds the wrapper from a tuple; keep `args` showing one.
        if let Some(d) = exc_data(&wrapped) {
            d.borrow_mut().args = Value::new_tuple(vec![Value::new_str(""), Value::new_tuple(vec![exc.clone()])]);
        }
        return Ok((Value::None, wrapped));
    }
    if is_group(exc) {
        let pair = call_method(vm, exc, "split", std::slice::from_ref(match_type))?;
        let items = crate::objects::tuple::items(&pair).map(|t| t.to_vec()).unwrap_or_default();
        if items.len() != 2 {
            return Err(PyErr::type_error(format!("{}.split must return a 2-tuple, got {}", type_name(exc), type_name(&pair))));
        }
        if items[0].is_none() {
            return Ok((exc.clone(), Value::None));
        }
        return Ok((items[1].clone(), items[0].clone()));
    }
    Ok((exc.clone(), Value::None))
}

/// Do `a` and `b` share traceback, cause, context and notes (a re-raise of a split part)?
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (exc_data(a), exc_data(b)) else {
        return false;
    };
    let (x, y) = (x.borrow(), y.borrow());
    let same_tb = match (&x.traceback, &y.traceback) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    let notes = (stored(a, "__notes__"), stored(b, "__notes__"));
    let same_notes = match &notes {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    same_tb && x.cause.is(&y.cause) && x.context.is(&y.context) && same_notes
}

/// The identities of the leaf exceptions of `exc`.
fn collect_leaves(exc: &Value, out: &mut Vec<usize>) {
    if is_group(exc) {
        for e in exceptions(exc) {
            collect_leaves(&e, out);
        }
    } else {
        out.push(exc.id() as usize);
    }
}

/// `PrepReraiseStar`: what an `except*` statement raises after its clauses ran: `None`,
/// or the re-raised parts of `orig` (kept in `orig`'s shape) together with the exceptions
/// the clauses raised, grouped.
pub fn prep_reraise_star(vm: &Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let items: Vec<Value> = crate::objects::list::cell(excs).map(|l| l.borrow().clone()).unwrap_or_default();
    if items.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(orig) {
        // A naked exception was wrapped: at most one clause ran.
        return Ok(items[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in items.into_iter().filter(|e| !e.is_none()) {
        if same_metadata(&e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut leaves = Vec::new();
    for e in &reraised {
        collect_leaves(e, &mut leaves);
    }
    let reraised_eg = if leaves.is_empty() { Value::None } else { split_recursive(vm, orig, &Matcher::Leaves(leaves), false)?.0 };
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() == 1 {
        return Ok(raised.pop().unwrap_or(Value::None));
    }
    make_group(vm, "", raised)
}
