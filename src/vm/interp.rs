//! The dispatch loop. `run_loop` switches frames for Python-to-Python calls and returns,
//! and unwinds exceptions through the exception table; `execute` runs instructions of one
//! frame until a control event. Each arm is a few lines: the work is in `runtime` and in
//! `vm::instr`.

use super::frame::Frame;
use super::{generator, instr, matching, unwind, Exit, Vm};
use crate::bytecode::Instr;
use crate::objects::function::code_of;
use crate::objects::{typeobj, types, Value};
use crate::runtime::{attr, attr_cache, exc_group, item, iter, ops, Args, PyErr, PyResult};

/// What `execute` stopped for (calls and returns between frames of one run are handled
/// inside it).
pub(crate) enum Control {
    /// The run's base frame returned.
    Return(Value),
    /// The run's base frame yielded (generators).
    Yield(Value),
}

/// Run `base` (and whatever it calls inline) until `base` returns or yields.
pub(crate) fn run_loop(vm: &Vm, base: Box<Frame>) -> (Option<Box<Frame>>, PyResult<Exit>) {
    let mut frame = base;
    debug_assert!(frame.caller.is_none());
    let outer = vm.current.get();
    frame.back = outer;
    vm.current.set(&*frame);
    loop {
        let err = match execute(vm, &mut frame) {
            Ok(Control::Return(v)) => {
                vm.current.set(outer);
                vm.recycle_frame(frame);
                return (None, Ok(Exit::Return(v)));
            }
            Ok(Control::Yield(v)) => {
                vm.current.set(outer);
                frame.back = std::ptr::null();
                return (Some(frame), Ok(Exit::Yield(v)));
            }
            Err(e) => e,
        };
        // Unwind: find a handler in this frame or its callers within this run.
        let mut err = err;
        loop {
            let reraised = vm.reraise.get();
            unwind::record(vm, &frame, &err);
            if vm.hooks.active.get() {
                if let Err(e) = super::trace::exception_event(vm, &frame, &err, reraised) {
                    err = e;
                }
            }
            match unwind::find_handler(&mut frame, err) {
                Ok(()) => break,
                Err(e) => err = e,
            }
            if vm.hooks.active.get() {
                if let Err(e) = super::trace::unwound(vm, &frame) {
                    err = e;
                }
            }
            let Some(caller) = frame.caller.take() else {
                vm.current.set(outer);
                return (None, Err(err));
            };
            vm.leave();
            if let Some((gen, _)) = frame.inline_gen.take() {
                err = super::generator::fail_inline(vm, &gen, err);
            }
            let done = std::mem::replace(&mut frame, caller);
            vm.current.set(&*frame);
            vm.recycle_frame(done);
        }
    }
}

/// `table[i]` for an instruction operand, without a bounds check. Sound because every
/// operand is in range for the tables of its own code object: codegen emits only such
/// operands, `marshal::check_indices` rejects a `.pyc` with any other, `Tables`' side
/// tables (`global_cache`, `attr_slot`) are built with one entry per name/instruction,
/// and a frame's `fast` always has one slot per `co_varnames` entry (`frame::bind_call`,
/// `Frame::for_module`). The hot arms use it; a debug build still checks.
#[inline(always)]
fn operand<T>(table: &[T], i: u32) -> &T {
    debug_assert!((i as usize) < table.len(), "operand {i} out of range {}", table.len());
    // SAFETY: see above.
    unsafe { table.get_unchecked(i as usize) }
}

#[inline(always)]
fn operand_mut<T>(table: &mut [T], i: u32) -> &mut T {
    debug_assert!((i as usize) < table.len(), "operand {i} out of range {}", table.len());
    // SAFETY: as for `operand`.
    unsafe { table.get_unchecked_mut(i as usize) }
}

#[inline]
fn pop(frame: &mut Frame) -> Value {
    frame.stack.pop()
}

#[inline]
fn top(frame: &Frame) -> &Value {
    frame.stack.last().unwrap_or(&Value::None)
}

/// Execute instructions, switching frames in place for Python-to-Python calls and
/// returns, until the run's base frame (the one without a `caller`) returns or yields, or
/// an error needs unwinding.
fn execute(vm: &Vm, frame_box: &mut Box<Frame>) -> PyResult<Control> {
    // Enter `$callee` as the running frame (a Python-to-Python call); the callee owns its
    // caller until it returns.
    macro_rules! enter_frame {
        ($l:lifetime, $callee:expr) => {{
            vm.enter()?;
            switch_to!($l, $callee);
        }};
    }
    // Make `$callee` the running frame, owning its caller (its depth already counted).
    macro_rules! switch_to {
        ($l:lifetime, $callee:expr) => {{
            let mut callee: Box<Frame> = $callee;
            callee.back = &**frame_box;
            vm.current.set(&*callee);
            let caller = std::mem::replace(frame_box, callee);
            frame_box.caller = Some(caller);
            continue $l;
        }};
    }
    // Return `$v` from the running frame to its caller (or out of this run).
    macro_rules! return_value {
        ($l:lifetime, $v:expr) => {{
            let mut v = $v;
            let Some(caller) = frame_box.caller.take() else {
                return Ok(Control::Return(v));
            };
            vm.leave();
            let init_self = frame_box.init_self.take();
            let inline_gen = frame_box.inline_gen.take();
            let done = std::mem::replace(frame_box, caller);
            vm.current.set(&**frame_box);
            vm.recycle_frame(done);
            if let Some((gen, target)) = inline_gen {
                // A generator run by the caller's `for` returned: the loop is over.
                generator::finish_inline(vm, &gen);
                frame_box.stack.pop();
                frame_box.ip = target as usize;
                continue $l;
            }
            if let Some(obj) = init_self {
                // An inline `__init__` (see `Frame::init_self`): the call's value is the
                // instance; the error belongs to the caller's call instruction.
                if !v.is_none() {
                    return Err(crate::runtime::call::init_returned(&v));
                }
                v = obj;
            }
            frame_box.stack.push(v);
            continue $l;
        }};
    }
    'frame: loop {
        // The running frame, borrowed directly (one indirection less on every stack
        // access than going through the box) until the next frame switch.
        let frame: &mut Frame = &mut **frame_box;
        let Some(c) = code_of(&frame.code) else {
            return Err(PyErr::new("SystemError", "frame without code"));
        };
        // SAFETY: `c` lives in the code object on the heap, which the frame's reference
        // keeps alive; `frame.code` is not reassigned while this frame runs (only
        // `bind_call` sets it, on a frame that is not running), and every frame switch
        // leaves this borrow by `continue 'frame`. (Holding a cloned handle instead cost a
        // count update per call and per return.)
        let c: &crate::objects::function::Code = unsafe { &*(c as *const crate::objects::function::Code) };
        // With a trace or profile hook set, `trace::instrs` picks the instructions whose
        // fetches miss and go through `trace::fetch`, which sends the events.
        let instrs: &[Instr] = if vm.hooks.active.get() { super::trace::instrs(vm, frame, c)? } else { &c.code.instrs[..] };
        let t = c.tables();
        let consts = &t.consts[..];
        let names = &t.names[..];
        if frame.ip == 0 {
            vm.check_breaker()?;
        }
        loop {
            // Matched by reference: each arm loads only its own operands.
            let traced;
            let ins: &Instr = match instrs.get(frame.ip) {
                Some(ins) => ins,
                None => match super::trace::fetch(vm, frame)? {
                    super::trace::Fetched::Run(ins) => {
                        traced = ins;
                        &traced
                    }
                    super::trace::Fetched::End => return_value!('frame, Value::None),
                    super::trace::Fetched::Reload => continue 'frame,
                },
            };
            frame.ip += 1;
            match *ins {
                Instr::Nop => {}
                Instr::PopTop => {
                    frame.stack.pop();
                }
                Instr::Copy { n } => {
                    let v = frame.stack[frame.stack.len() - n as usize].clone();
                    frame.stack.push(v);
                }
                Instr::Swap { n } => {
                    let len = frame.stack.len();
                    frame.stack.swap(len - 1, len - n as usize);
                }
                Instr::LoadConst { consti } => frame.stack.push(operand(consts, consti).clone()),
                Instr::LoadFast { var } => match operand(&frame.fast, var) {
                    Some(v) => {
                        let v = v.clone();
                        frame.stack.push(v)
                    }
                    None => return Err(instr::unbound_local(&c.code.varnames[var as usize])),
                },
                Instr::StoreFast { var } => {
                    let v = pop(frame);
                    let old = std::mem::replace(operand_mut(&mut frame.fast, var), Some(v));
                    drop(old);
                }
                Instr::DeleteFast { var } => {
                    if frame.fast[var as usize].take().is_none() {
                        return Err(instr::unbound_local(&c.code.varnames[var as usize]));
                    }
                }
                Instr::LoadName { namei } => {
                    let v = instr::load_name(vm, frame, &names[namei as usize])?;
                    frame.stack.push(v);
                }
                Instr::StoreName { namei } => {
                    let v = pop(frame);
                    instr::store_name(vm, frame, &names[namei as usize], v)?;
                }
                Instr::DeleteName { namei } => instr::delete_name(vm, frame, &names[namei as usize])?,
                Instr::LoadGlobal { namei } => {
                    let v = instr::load_global_cached(frame, operand(names, namei), operand(&t.global_cache, namei))?;
                    frame.stack.push(v);
                }
                Instr::StoreGlobal { namei } => {
                    let v = pop(frame);
                    crate::objects::dict::set_str_key(&frame.globals, &names[namei as usize], v);
                }
                Instr::DeleteGlobal { namei } => {
                    let name = instr::name_str(&names[namei as usize]);
                    if crate::objects::dict::del_str(&frame.globals, name).is_none() {
                        return Err(PyErr::name_error(name));
                    }
                }
                Instr::LoadDeref { cell } => {
                    let v = instr::load_deref(frame, &c.code, cell as usize)?;
                    frame.stack.push(v);
                }
                Instr::StoreDeref { cell } => {
                    let v = pop(frame);
                    instr::store_deref(frame, cell as usize, Some(v))?;
                }
                Instr::DeleteDeref { cell } => {
                    instr::load_deref(frame, &c.code, cell as usize)?;
                    instr::store_deref(frame, cell as usize, None)?;
                }
                Instr::LoadClassDeref { cell } => {
                    let v = instr::load_class_deref(vm, frame, &c.code, cell as usize)?;
                    frame.stack.push(v);
                }
                Instr::LoadClosure { cell } => {
                    let c = instr::cell(frame, cell as usize)?.clone();
                    frame.stack.push(Value::Obj(c));
                }
                Instr::LoadAttr { namei } => {
                    let obj = pop(frame);
                    // SAFETY: `frame.ip - 1` is this `LoadAttr` of `c`.
                    let cache = unsafe { t.load_cache_at(frame.ip - 1) };
                    let v = attr_cache::load_attr(vm, &obj, operand(names, namei), cache)?;
                    frame.stack.push(v);
                }
                Instr::StoreAttr { namei } => {
                    let obj = pop(frame);
                    let v = pop(frame);
                    attr_cache::store_attr(vm, &obj, operand(names, namei), v, t.store_cache_at(frame.ip - 1))?;
                }
                Instr::DeleteAttr { namei } => {
                    let obj = pop(frame);
                    attr::delattr(vm, &obj, instr::name_str(&names[namei as usize]))?;
                }
                Instr::LoadMethod { namei } => {
                    let obj = pop(frame);
                    // SAFETY: `frame.ip - 1` is this `LoadMethod` of `c`.
                    let cache = unsafe { t.load_cache_at(frame.ip - 1) };
                    let (m, s) = attr_cache::load_method(vm, obj, operand(names, namei), cache)?;
                    frame.stack.push(m);
                    frame.stack.push(s);
                }
                Instr::BinarySubscr => {
                    let key = pop(frame);
                    let container = pop(frame);
                    let v = match item::getitem_fast(&container, &key) {
                        Some(v) => v,
                        None => item::getitem(vm, &container, &key)?,
                    };
                    frame.stack.push(v);
                }
                Instr::StoreSubscr => {
                    let key = pop(frame);
                    let container = pop(frame);
                    let v = pop(frame);
                    if let Err(v) = item::setitem_fast(&container, &key, v) {
                        item::setitem(vm, &container, &key, v)?;
                    }
                }
                Instr::DeleteSubscr => {
                    let key = pop(frame);
                    let container = pop(frame);
                    item::delitem(vm, &container, &key)?;
                }
                Instr::BuildSlice { argc } => {
                    let step = if argc == 3 { pop(frame) } else { Value::None };
                    let stop = pop(frame);
                    let start = pop(frame);
                    frame.stack.push(item::new_slice(start, stop, step));
                }
                Instr::BinaryOp { op } => {
                    let b = pop(frame);
                    let mut a = pop(frame);
                    // Numbers first; then `s += t` appending in place; then the protocol.
                    let r = match ops::binop_fast(&a, &b, op) {
                        Some(r) => r,
                        None => match instr::concat_in_place(frame, op, instrs.get(frame.ip), &mut a, &b) {
                            Some(r) => r,
                            None => ops::binary_op(vm, &a, &b, op)?,
                        },
                    };
                    frame.stack.push(r);
                }
                Instr::UnaryNegative => {
                    let v = pop(frame);
                    frame.stack.push(ops::unary_op(vm, &v, "-")?);
                }
                Instr::UnaryPositive => {
                    let v = pop(frame);
                    frame.stack.push(ops::unary_op(vm, &v, "+")?);
                }
                Instr::UnaryInvert => {
                    let v = pop(frame);
                    frame.stack.push(ops::unary_op(vm, &v, "~")?);
                }
                Instr::UnaryNot => {
                    let v = pop(frame);
                    frame.stack.push(Value::Bool(!ops::truthy(vm, &v)?));
                }
                Instr::CompareOp { op } => {
                    let b = pop(frame);
                    let a = pop(frame);
                    let t = match ops::compare_fast(&a, &b, op) {
                        Some(t) => t,
                        None => match ops::native_compare(&a, &b, op) {
                            Some(r) if !instr::is_heap_instance(&a) && !instr::is_heap_instance(&b) => r?,
                            _ => {
                                let v = ops::compare(vm, &a, &b, op)?;
                                frame.stack.push(v);
                                continue;
                            }
                        },
                    };
                    // Fused with a following conditional jump: branch without materialising
                    // the bool on the stack.
                    match instrs.get(frame.ip) {
                        Some(&Instr::PopJumpIfFalse { target }) => {
                            frame.ip = if t { frame.ip + 1 } else { target as usize };
                        }
                        Some(&Instr::PopJumpIfTrue { target }) => {
                            frame.ip = if t { target as usize } else { frame.ip + 1 };
                        }
                        _ => frame.stack.push(Value::Bool(t)),
                    }
                }
                Instr::IsOp { invert } => {
                    let b = pop(frame);
                    let a = pop(frame);
                    frame.stack.push(Value::Bool(a.is(&b) != invert));
                }
                Instr::ContainsOp { invert } => {
                    let b = pop(frame);
                    let a = pop(frame);
                    frame.stack.push(Value::Bool(item::contains(vm, &b, &a)? != invert));
                }
                Instr::JumpForward { target } => frame.ip = target as usize,
                Instr::JumpBackward { target } => {
                    // Checked before jumping, so an exception raised here belongs to the
                    // loop's last instruction (inside any enclosing `try`).
                    vm.check_breaker()?;
                    frame.ip = target as usize;
                }
                Instr::PopJumpIfFalse { target } => {
                    let v = pop(frame);
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => ops::truthy(vm, &v)?,
                    };
                    if !t {
                        frame.ip = target as usize;
                    }
                }
                Instr::PopJumpIfTrue { target } => {
                    let v = pop(frame);
                    let t = match v {
                        Value::Bool(b) => b,
                        _ => ops::truthy(vm, &v)?,
                    };
                    if t {
                        frame.ip = target as usize;
                    }
                }
                Instr::PopJumpIfNone { target } => {
                    if pop(frame).is_none() {
                        frame.ip = target as usize;
                    }
                }
                Instr::PopJumpIfNotNone { target } => {
                    if !pop(frame).is_none() {
                        frame.ip = target as usize;
                    }
                }
                Instr::JumpIfFalseOrPop { target } => {
                    if !ops::truthy(vm, top(frame))? {
                        frame.ip = target as usize;
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop { target } => {
                    if ops::truthy(vm, top(frame))? {
                        frame.ip = target as usize;
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::GetIter => {
                    let v = pop(frame);
                    frame.stack.push(iter::iter(vm, &v)?);
                }
                Instr::ForIter { target } => {
                    // A generator's frame runs inline (see `vm::generator`).
                    if let Some(g) = generator::for_iter_inline(vm, top(frame), target)? {
                        switch_to!('frame, g);
                    }
                    match iter::for_iter_next(vm, top(frame))? {
                        Some(v) => frame.stack.push(v),
                        None => {
                            frame.stack.pop();
                            frame.ip = target as usize;
                        }
                    }
                }
                Instr::BuildTuple { count } => {
                    let items = frame.stack.split_off(frame.stack.len() - count as usize);
                    frame.stack.push(Value::new_tuple(items));
                }
                Instr::BuildList { count } => {
                    let items = frame.stack.split_off(frame.stack.len() - count as usize);
                    frame.stack.push(Value::new_list(items));
                }
                Instr::BuildSet { count } => {
                    let items = frame.stack.split_off(frame.stack.len() - count as usize);
                    frame.stack.push(instr::build_set(vm, items)?);
                }
                Instr::BuildMap { count } => {
                    let items = frame.stack.split_off(frame.stack.len() - 2 * count as usize);
                    frame.stack.push(instr::build_map(vm, items)?);
                }
                Instr::BuildConstKeyMap { count } => {
                    let keys = pop(frame);
                    let values = frame.stack.split_off(frame.stack.len() - count as usize);
                    frame.stack.push(instr::build_const_key_map(vm, keys, values)?);
                }
                Instr::BuildString { count } => {
                    let at = frame.stack.len() - count as usize;
                    let s = instr::build_string(&frame.stack[at..]);
                    frame.stack.truncate(at);
                    frame.stack.push(s);
                }
                Instr::ListAppend { i } => {
                    let v = pop(frame);
                    let l = &frame.stack[frame.stack.len() - i as usize];
                    ops::list_append(l, v);
                }
                Instr::SetAdd { i } => {
                    let v = pop(frame);
                    let s = frame.stack[frame.stack.len() - i as usize].clone();
                    instr::set_add(vm, &s, v)?;
                }
                Instr::MapAdd { i } => {
                    let v = pop(frame);
                    let k = pop(frame);
                    let d = frame.stack[frame.stack.len() - i as usize].clone();
                    instr::map_add(vm, &d, k, v)?;
                }
                Instr::ListExtend { i } => {
                    let v = pop(frame);
                    let l = frame.stack[frame.stack.len() - i as usize].clone();
                    instr::list_extend(vm, &l, &v)?;
                }
                Instr::SetUpdate { i } => {
                    let v = pop(frame);
                    let s = frame.stack[frame.stack.len() - i as usize].clone();
                    for x in iter::collect(vm, &v)? {
                        instr::set_add(vm, &s, x)?;
                    }
                }
                Instr::DictUpdate { i } => {
                    let v = pop(frame);
                    let d = frame.stack[frame.stack.len() - i as usize].clone();
                    instr::dict_update(vm, &d, &v, false)?;
                }
                Instr::DictMerge { i } => {
                    let v = pop(frame);
                    let d = frame.stack[frame.stack.len() - i as usize].clone();
                    let callee = frame.stack.get(frame.stack.len().wrapping_sub(i as usize + 2)).cloned();
                    instr::dict_merge(vm, &d, &v, callee.as_ref())?;
                }
                Instr::ListToTuple => {
                    let l = pop(frame);
                    let items = crate::objects::list::cell(&l).map(|c| c.borrow().clone()).unwrap_or_default();
                    frame.stack.push(Value::new_tuple(items));
                }
                Instr::UnpackSequence { count } => {
                    let seq = pop(frame);
                    instr::unpack(vm, frame, seq, count as usize, None)?;
                }
                Instr::UnpackEx { before, after } => {
                    let seq = pop(frame);
                    instr::unpack(vm, frame, seq, before as usize, Some(after as usize))?;
                }
                Instr::FormatValue { conv, has_spec } => {
                    let spec = if has_spec { Some(pop(frame)) } else { None };
                    let v = pop(frame);
                    frame.stack.push(instr::format_value(vm, v, conv, spec)?);
                }
                Instr::Call { argc } => {
                    let base = frame.stack.len() - argc as usize;
                    // Moved out (the slot is cut off with the arguments): no count update.
                    let callable = std::mem::replace(&mut frame.stack[base - 1], Value::None);
                    if let Some(f) = instr::inline_callee(&callable, argc as usize) {
                        enter_frame!('frame, super::frame::bind_inline(vm, f, &mut frame.stack, base, base - 1));
                    }
                    if let Some(callee) = instr::call(vm, frame, &callable, base, base - 1)? {
                        enter_frame!('frame, callee);
                    }
                }
                Instr::CallKw { argc } => {
                    let kwnames = pop(frame);
                    let base = frame.stack.len() - argc as usize;
                    let callable = frame.stack[base - 1].clone();
                    if let Some(callee) = instr::call_kw(vm, frame, &callable, base, &kwnames, base - 1)? {
                        enter_frame!('frame, callee);
                    }
                }
                Instr::CallMethod { argc } => {
                    let (callable, start, cut) = instr::method_call_layout(frame, argc as usize);
                    if let Some(f) = instr::inline_callee(&callable, frame.stack.len() - start) {
                        enter_frame!('frame, super::frame::bind_inline(vm, f, &mut frame.stack, start, cut));
                    }
                    if let Some(callee) = instr::call(vm, frame, &callable, start, cut)? {
                        enter_frame!('frame, callee);
                    }
                }
                Instr::CallMethodKw { argc } => {
                    let kwnames = pop(frame);
                    let (callable, start, cut) = instr::method_call_layout(frame, argc as usize);
                    if let Some(callee) = instr::call_kw(vm, frame, &callable, start, &kwnames, cut)? {
                        enter_frame!('frame, callee);
                    }
                }
                Instr::CallFunctionEx { has_kwargs } => {
                    let kwargs = if has_kwargs { Some(pop(frame)) } else { None };
                    let args = pop(frame);
                    let callable = pop(frame);
                    if let Some(callee) = instr::call_ex(vm, frame, callable, args, kwargs)? {
                        enter_frame!('frame, callee);
                    }
                }
                Instr::MakeFunction { flags } => {
                    let f = instr::make_function(frame, flags)?;
                    frame.stack.push(f);
                }
                Instr::LoadBuildClass => {
                    let f = crate::objects::dict::get_str(&frame.builtins, "__build_class__")
                        .ok_or_else(|| PyErr::new("NameError", "__build_class__ not found"))?;
                    frame.stack.push(f);
                }
                Instr::ReturnValue => return_value!('frame, pop(frame)),
                Instr::YieldValue => {
                    let v = pop(frame);
                    // A generator run by a `for` of the caller: the frame goes back into
                    // the generator and the value to the loop.
                    if let Some((gen, _)) = frame.inline_gen.take() {
                        if let Some(caller) = frame.caller.take() {
                            vm.leave();
                            let done = std::mem::replace(frame_box, caller);
                            vm.current.set(&**frame_box);
                            generator::suspend_inline(vm, &gen, done);
                            frame_box.stack.push(v);
                            continue 'frame;
                        }
                    }
                    return Ok(Control::Yield(v));
                }
                Instr::GetYieldFromIter => {
                    let v = pop(frame);
                    let it = if matches!(v.payload(), Some(crate::objects::Payload::Generator(_))) { v } else { iter::iter(vm, &v)? };
                    frame.stack.push(it);
                }
                Instr::Send { target } => {
                    let v = pop(frame);
                    match super::generator::send_to(vm, top(frame), v)? {
                        Ok(yielded) => frame.stack.push(yielded),
                        Err(returned) => {
                            frame.stack.pop();
                            frame.stack.push(returned);
                            frame.ip = target as usize;
                        }
                    }
                }
                Instr::BeforeWith => {
                    let mgr = pop(frame);
                    let (exit, entered) = instr::before_with(vm, mgr)?;
                    frame.stack.push(exit);
                    frame.stack.push(entered);
                }
                Instr::WithExceptStart => {
                    let r = instr::with_except_start(vm, frame)?;
                    frame.stack.push(r);
                }
                Instr::RaiseVarargs { argc } => {
                    let cause = if argc >= 2 { Some(pop(frame)) } else { None };
                    let exc = if argc >= 1 { Some(pop(frame)) } else { None };
                    return Err(unwind::do_raise(vm, exc, cause)?);
                }
                Instr::Reraise { set_lasti } => {
                    let exc = pop(frame);
                    if set_lasti {
                        // The saved offset only locates the frame's traceback line, which the
                        // first pass already recorded; the handler search must start from this
                        // instruction (CPython's RERAISE unwinds from its own offset).
                        pop(frame);
                    }
                    vm.reraise.set(true);
                    return Err(unwind::as_err(exc));
                }
                Instr::PushExcInfo => {
                    let exc = pop(frame);
                    let prev = vm.exc_info.replace(exc.clone());
                    frame.stack.push(prev);
                    frame.stack.push(exc);
                }
                Instr::PopExcept => {
                    let prev = pop(frame);
                    let old = vm.exc_info.replace(prev);
                    drop(old);
                }
                Instr::CheckExcMatch => {
                    let cls = pop(frame);
                    let r = unwind::exception_matches(top(frame), &cls)?;
                    frame.stack.push(Value::Bool(r));
                }
                Instr::LoadAssertionError => frame.stack.push(Value::Obj(types().exc.get("AssertionError").clone())),
                Instr::ImportName { namei } => {
                    let fromlist = pop(frame);
                    let level = pop(frame);
                    let m = super::import::import_name(vm, frame, instr::name_str(&names[namei as usize]), &fromlist, &level)?;
                    frame.stack.push(m);
                }
                Instr::ImportFrom { namei } => {
                    let v = super::import::import_from(vm, top(frame), instr::name_str(&names[namei as usize]))?;
                    frame.stack.push(v);
                }
                Instr::ImportStar => {
                    let m = pop(frame);
                    super::import::import_star(vm, frame, &m)?;
                }
                Instr::SetupAnnotations => instr::setup_annotations(vm, frame)?,
                Instr::PrintExpr => {
                    let v = pop(frame);
                    instr::print_expr(vm, v)?;
                }
                Instr::GetLen => {
                    let n = ops::len(vm, top(frame))?;
                    frame.stack.push(Value::from(n));
                }
                Instr::CheckEgMatch => {
                    let match_type = pop(frame);
                    let exc = pop(frame);
                    let (rest, matched) = exc_group::check_eg_match(vm, &exc, &match_type)?;
                    if !matched.is_none() {
                        vm.exc_info.replace(matched.clone());
                    }
                    frame.stack.push(rest);
                    frame.stack.push(matched);
                }
                Instr::PrepReraiseStar => {
                    let raised = pop(frame);
                    let orig = pop(frame);
                    frame.stack.push(exc_group::prep_reraise_star(vm, &orig, &raised)?);
                }
                Instr::MatchMapping => {
                    let r = matching::is_mapping(top(frame));
                    frame.stack.push(Value::Bool(r));
                }
                Instr::MatchSequence => {
                    let r = matching::is_sequence(top(frame));
                    frame.stack.push(Value::Bool(r));
                }
                Instr::MatchKeys => {
                    let len = frame.stack.len();
                    let r = matching::match_keys(vm, &frame.stack[len - 2], &frame.stack[len - 1])?;
                    frame.stack.push(r);
                }
                Instr::MatchClass { count } => {
                    let names = pop(frame);
                    let cls = pop(frame);
                    let subject = pop(frame);
                    frame.stack.push(matching::match_class(vm, &subject, &cls, &names, count as usize)?);
                }
                Instr::GetAwaitable { where_ } => {
                    let v = pop(frame);
                    frame.stack.push(generator::get_awaitable(vm, &v, where_)?);
                }
                Instr::GetAiter => {
                    let v = pop(frame);
                    frame.stack.push(generator::get_aiter(vm, &v)?);
                }
                Instr::GetAnext => {
                    let v = generator::get_anext(vm, top(frame))?;
                    frame.stack.push(v);
                }
                Instr::EndAsyncFor => {
                    let exc = pop(frame);
                    pop(frame);
                    if !typeobj::isinstance(&exc, types().exc.get("StopAsyncIteration")) {
                        vm.reraise.set(true);
                        return Err(unwind::as_err(exc));
                    }
                }
                Instr::BeforeAsyncWith => {
                    let mgr = pop(frame);
                    let (exit, entered) = generator::before_async_with(vm, &mgr)?;
                    frame.stack.push(exit);
                    frame.stack.push(entered);
                }
            }
        }
    }
}

/// Call `callable` with positional `args` from native code (re-exported helper).
pub fn call_value(vm: &Vm, callable: &Value, args: &[Value]) -> PyResult<Value> {
    crate::runtime::call::call(vm, callable, Args::new(args))
}
