//! Frames: the execution state of one code object (instruction pointer, value stack, fast
//! locals, cells, namespaces), and binding call arguments to a function's parameters with
//! CPython's error messages.

use crate::bytecode::code::flags;
use crate::objects::function::{code_of, Code, Function};
use crate::objects::{dict, types, Payload, PyRef, Value};
use crate::runtime::{Args, PyErr, PyResult};

pub struct Frame {
    pub code: PyRef,
    /// Index of the next instruction.
    pub ip: usize,
    pub stack: super::stack::ValueStack,
    pub fast: Vec<Option<Value>>,
    /// Cell variables, then free variables.
    pub cells: Vec<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping of module and class-body frames.
    pub locals: Option<PyRef>,
    /// The frame object, once Python code asked for one (`sys._getframe`, tracebacks,
    /// tracing); it reads this frame while it exists (see `frame_object`).
    pub obj: std::cell::OnceCell<PyRef>,
    /// The frame that was running when this one started (`f_back`); null for the first
    /// frame of a thread and for a suspended generator.
    pub back: *const Frame,
    /// The suspended caller, when this frame was entered by a call inside the loop's run
    /// (`interp::execute`); `None` for the base frame of a run. The running frame owns the
    /// chain of its callers within the run.
    pub caller: Option<Box<Frame>>,
    /// For an `__init__` the loop runs inline for `cls(...)`: the new instance, which the
    /// caller receives when the frame returns `None` (any other value is a `TypeError`).
    pub init_self: Option<Value>,
    /// For a generator's frame that a `for` loop runs inline (see `vm::generator`): the
    /// generator, and where the loop's `ForIter` jumps when the generator is exhausted.
    pub inline_gen: Option<(Value, u32)>,
}

impl Drop for Frame {
    fn drop(&mut self) {
        if self.obj.get().is_some() {
            super::frame_object::detach(self);
        }
        // Unlinked one by one: a deep chain must not recurse on the Rust stack.
        let mut next = self.caller.take();
        while let Some(mut f) = next {
            next = f.caller.take();
        }
    }
}

impl Frame {
    /// The code data; `code` is always a code object.
    pub fn code_data(&self) -> &Code {
        code_of(&self.code).expect("frame code is a code object")
    }

    /// A frame for module-level (or `exec`) code: names live in `locals`.
    pub fn for_module(code: PyRef, globals: PyRef, locals: PyRef, builtins: PyRef) -> Box<Frame> {
        let (nlocals, ncells, stack) = match code_of(&code) {
            Some(c) => (c.code.varnames.len(), c.code.cellvars.len(), c.code.max_stack as usize),
            None => (0, 0, 0),
        };
        Box::new(Frame {
            code,
            ip: 0,
            stack: super::stack::ValueStack::with_capacity(stack),
            fast: vec![None; nlocals],
            cells: (0..ncells).map(|_| new_cell(None)).collect(),
            globals,
            builtins,
            locals: Some(locals),
            obj: std::cell::OnceCell::new(),
            back: std::ptr::null(),
            caller: None,
            init_self: None,
            inline_gen: None,
        })
    }

    /// The line being executed (of the last instruction started).
    pub fn current_line(&self) -> Option<u32> {
        self.code_data().code.line_of(self.ip.saturating_sub(1))
    }
}

/// What `locals()`/`globals()` see of a frame.
pub struct FrameView {
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The locals mapping (module and class bodies), or a snapshot dict of a function's
    /// bound local, cell and free variables.
    pub locals: PyRef,
}

impl FrameView {
    pub fn of(frame: &Frame) -> FrameView {
        let locals = match &frame.locals {
            Some(l) => l.clone(),
            None => frame.locals_snapshot(),
        };
        FrameView { globals: frame.globals.clone(), builtins: frame.builtins.clone(), locals }
    }
}

impl Frame {
    /// A dict of the bound fast locals, then cell and free variables, in CPython's order.
    pub fn locals_snapshot(&self) -> PyRef {
        let d = dict::new_dict();
        let code = &self.code_data().code;
        for (name, v) in code.varnames.iter().zip(&self.fast) {
            if let Some(v) = v {
                dict::set_str(&d, name, v.clone());
            }
        }
        let cell_names = code.cellvars.iter().chain(code.freevars.iter());
        for (name, cell) in cell_names.zip(&self.cells) {
            if let Payload::Cell(c) = &cell.payload {
                if let Some(v) = c.borrow().as_ref() {
                    dict::set_str(&d, name, v.clone());
                }
            }
        }
        d
    }
}

/// A new cell object.
pub fn new_cell(v: Option<Value>) -> PyRef {
    PyRef::new(&types().cell, Payload::Cell(std::cell::RefCell::new(v)))
}

/// A frame for `func`, taken from the pool of finished frames when there is one (see
/// `Vm::recycle_frame`), with its code and namespaces set and nothing bound yet.
#[inline(always)]
fn fresh_frame(vm: &super::Vm, func: &Function, code: &crate::bytecode::CodeObject) -> Box<Frame> {
    let recycled = vm.frame_pool.borrow_mut().pop();
    match recycled {
        Some(mut f) => {
            // The frame kept its last code and namespaces: a repeated or recursive call to
            // the same function finds them in place.
            if !f.code.is(&func.code) {
                f.code = func.code.clone();
            }
            f.ip = 0;
            if !f.globals.is(&func.globals) {
                f.globals = func.globals.clone();
            }
            if !f.builtins.is(&func.builtins) {
                f.builtins = func.builtins.clone();
            }
            f
        }
        None => Box::new(Frame {
            code: func.code.clone(),
            ip: 0,
            stack: super::stack::ValueStack::with_capacity(code.max_stack as usize),
            fast: Vec::new(),
            cells: Vec::new(),
            globals: func.globals.clone(),
            builtins: func.builtins.clone(),
            locals: None,
            obj: std::cell::OnceCell::new(),
            back: std::ptr::null(),
            caller: None,
            init_self: None,
            inline_gen: None,
        }),
    }
}

/// The last steps of binding: unbound locals after the parameters, the closure's cells,
/// room for the value stack.
#[inline(always)]
fn finish_frame(f: &mut Frame, func: &Function, code: &crate::bytecode::CodeObject) {
    let nlocals = code.varnames.len();
    while f.fast.len() < nlocals {
        f.fast.push(None);
    }
    if let Some(closure) = &func.closure {
        f.cells.extend(closure.iter().cloned());
    }
    f.stack.reserve(code.max_stack as usize);
}

/// Build the frame for calling `func` with `self_` (a bound method's receiver, if any)
/// followed by `args`: bind parameters, create cells.
pub fn bind_call(vm: &super::Vm, func: &Function, self_: Option<&Value>, args: Args) -> PyResult<Box<Frame>> {
    let c = code_of(&func.code).ok_or_else(|| PyErr::new("SystemError", "function without code"))?;
    let code = &c.code;
    let mut f = fresh_frame(vm, func, code);
    let pos = args.pos();
    // The common call: exactly the positional parameters, nothing else to bind.
    if args.kwnames.is_empty() && pos.len() + usize::from(self_.is_some()) == c.simple_argc as usize {
        // Plain pushes: the generic `extend`/`resize` machinery costs more than the copies
        // themselves for the one to three arguments of a typical call.
        f.fast.reserve(code.varnames.len());
        if let Some(s) = self_ {
            f.fast.push(Some(s.clone()));
        }
        for v in pos {
            f.fast.push(Some(v.clone()));
        }
    } else {
        let frame = &mut *f;
        let bound = match self_ {
            Some(s) => {
                crate::runtime::call::with_prepended(s, args, |full| bind_general(func, code, &mut frame.fast, &mut frame.cells, full))
            }
            None => bind_general(func, code, &mut frame.fast, &mut frame.cells, args),
        };
        if let Err(e) = bound {
            vm.recycle_frame(f);
            return Err(e);
        }
    }
    finish_frame(&mut f, func, code);
    Ok(f)
}

/// The frame for a call the loop runs inline: `func.inline_argc` arguments at
/// `stack[start..]`, moved into the new frame's locals (no count updates); the caller's
/// stack is then cut back to `truncate_to`. The caller checked the count.
#[inline(always)]
pub fn bind_inline(vm: &super::Vm, func: &Function, stack: &mut super::stack::ValueStack, start: usize, truncate_to: usize) -> Box<Frame> {
    debug_assert_eq!(stack.len() - start, func.inline_argc as usize);
    // SAFETY: a function's code is a code object (`MakeFunction` checks it).
    let code = &unsafe { code_of(&func.code).unwrap_unchecked() }.code;
    let mut f = fresh_frame(vm, func, code);
    f.fast.reserve(code.varnames.len());
    stack.move_into_locals(start, &mut f.fast);
    stack.truncate(truncate_to);
    finish_frame(&mut f, func, code);
    f
}

/// Bind `args` to the parameters of `code` in the general case (keywords, defaults,
/// `*args`/`**kwargs`, keyword-only parameters, parameters that live in cells), filling
/// `fast` and pushing the cell variables onto `cells`.
fn bind_general(
    func: &Function,
    code: &crate::bytecode::CodeObject,
    fast: &mut Vec<Option<Value>>,
    cells: &mut Vec<PyRef>,
    args: Args,
) -> PyResult<()> {
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let posonly = code.posonlyargcount as usize;
    let has_varargs = code.flags & flags::VARARGS != 0;
    let has_varkw = code.flags & flags::VARKEYWORDS != 0;
    // CPython names the function by its current `__qualname__` (namedtuple sets it).
    let qualname = func.qualname.borrow();
    let fname: &str = &qualname;
    let pos = args.pos();

    // Positional arguments, then the other locals unbound.
    let n = pos.len().min(argcount);
    fast.extend(pos[..n].iter().map(|v| Some(v.clone())));
    fast.resize(code.varnames.len(), None);
    let mut next_slot = argcount + kwonly;
    if has_varargs {
        let rest = if pos.len() > argcount { pos[argcount..].to_vec() } else { Vec::new() };
        fast[next_slot] = Some(Value::new_tuple(rest));
        next_slot += 1;
    } else if pos.len() > argcount {
        return Err(too_many_positional(func, code, pos.len(), args));
    }
    let kwdict = if has_varkw {
        let d = dict::new_dict();
        fast[next_slot] = Some(Value::Obj(d.clone()));
        Some(d)
    } else {
        None
    };

    // Keyword arguments.
    let mut posonly_as_kw: Vec<&str> = Vec::new();
    for (name, v) in args.kwargs() {
        let idx = code.varnames[..argcount + kwonly].iter().position(|p| &**p == name);
        match idx {
            Some(i) if i >= posonly => {
                if fast[i].is_some() {
                    return Err(PyErr::type_error(format!("{fname}() got multiple values for argument '{name}'")));
                }
                fast[i] = Some(v.clone());
            }
            other => match &kwdict {
                Some(d) => {
                    if dict::get_str(d, name).is_some() {
                        return Err(PyErr::type_error(format!("{fname}() got multiple values for keyword argument '{name}'")));
                    }
                    dict::set_str(d, name, v.clone());
                }
                None if other.is_some() => posonly_as_kw.push(name),
                None => {
                    return Err(PyErr::type_error(format!("{fname}() got an unexpected keyword argument '{name}'")));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }

    // Defaults for missing positional parameters.
    let defaults: Vec<Value> =
        func.defaults.borrow().as_ref().and_then(|d| crate::objects::tuple::items(d).map(|t| t.to_vec())).unwrap_or_default();
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if fast[i].is_none() {
            if i >= first_default {
                fast[i] = Some(defaults[i - first_default].clone());
            } else {
                missing.push(code.varnames[i].to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_args(fname, "positional", &missing));
    }
    // Keyword-only parameters.
    let kwdefaults = func.kwdefaults.borrow().clone();
    let mut missing_kw = Vec::new();
    for i in argcount..argcount + kwonly {
        if fast[i].is_none() {
            let name = &code.varnames[i];
            match kwdefaults.as_ref().and_then(|d| d.as_obj().and_then(|d| dict::get_str(d, name))) {
                Some(v) => fast[i] = Some(v),
                None => missing_kw.push(name.to_string()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(missing_args(fname, "keyword-only", &missing_kw));
    }

    // Cells: parameters captured by inner functions move into their cell.
    for (i, _) in code.cellvars.iter().enumerate() {
        let init = code.cell2arg.get(i).copied().flatten().and_then(|a| fast.get_mut(a as usize).and_then(|s| s.take()));
        cells.push(new_cell(init));
    }
    Ok(())
}

fn too_many_positional(func: &Function, code: &crate::bytecode::CodeObject, given: usize, args: Args) -> PyErr {
    let argcount = code.argcount as usize;
    let ndefaults = func.defaults.borrow().as_ref().and_then(|d| crate::objects::tuple::items(d).map(|t| t.len())).unwrap_or(0);
    let takes = if ndefaults > 0 {
        // Saturating: a crafted `.pyc` can give more defaults than parameters.
        format!("from {} to {} positional arguments", argcount.saturating_sub(ndefaults), argcount)
    } else {
        format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
    };
    let kw_given =
        args.kwargs().filter(|(k, _)| code.varnames[argcount..argcount + code.kwonlyargcount as usize].iter().any(|p| **p == **k)).count();
    let was = if given == 1 { "was" } else { "were" };
    if kw_given > 0 {
        PyErr::type_error(format!(
            "{}() takes {takes} but {given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
            func.qualname.borrow(),
            if given == 1 { "" } else { "s" },
            if kw_given == 1 { "" } else { "s" }
        ))
    } else {
        PyErr::type_error(format!("{}() takes {takes} but {given} {was} given", func.qualname.borrow()))
    }
}

fn missing_args(fname: &str, kind: &str, names: &[String]) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
    };
    PyErr::type_error(format!(
        "{fname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}
