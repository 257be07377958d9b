//! The value stack of one frame: a bump pointer over a buffer sized for the code object's
//! `max_stack`, so `push` and `pop` are a compare, a 16-byte move and a pointer step.
//!
//! `Vec<Value>` did the same work through a length (an index to scale on every access)
//! and an `Option` on every pop; on `nbody` the stack operations were ~27 of the ~70
//! machine instructions spent per bytecode (cachegrind), the largest single cost.
//!
//! Invariants (the `unsafe` below relies on them):
//! 1. `base..top` are initialised values owned by the stack; `top..end` is spare room.
//! 2. `base <= top <= end`, all three inside (or one past) the one allocation of
//!    capacity `end - base` made by `Vec::with_capacity`, which `Drop` gives back.
//!
//! Bounds are still checked: a push onto a full stack grows it (codegen's `max_stack`
//! makes that cold, but a wrong count must not corrupt memory), and a pop from an empty
//! stack yields `None` (the old behaviour) instead of reading below the buffer.

use crate::objects::Value;
use std::ptr;

pub struct ValueStack {
    base: *mut Value,
    top: *mut Value,
    end: *mut Value,
}

impl Default for ValueStack {
    fn default() -> Self {
        ValueStack::with_capacity(0)
    }
}

impl ValueStack {
    pub fn with_capacity(cap: usize) -> ValueStack {
        let mut v: Vec<Value> = Vec::with_capacity(cap);
        let cap = v.capacity();
        let base = v.as_mut_ptr();
        std::mem::forget(v);
        // SAFETY: `base` has room for `cap` values (invariant 2).
        ValueStack { base, top: base, end: unsafe { base.add(cap) } }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: both pointers are in one allocation with `base <= top` (invariant 2).
        unsafe { self.top.offset_from(self.base) as usize }
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.top == self.base
    }

    fn capacity(&self) -> usize {
        // SAFETY: as in `len`.
        unsafe { self.end.offset_from(self.base) as usize }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if self.top == self.end {
            self.grow(1);
        }
        // SAFETY: `top < end` now, so the slot is spare room of the buffer (invariant 1).
        unsafe {
            ptr::write(self.top, v);
            self.top = self.top.add(1);
        }
    }

    /// Remove and return the top value (`None` on an empty stack, which only a codegen bug
    /// could cause).
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        if self.top == self.base {
            return Value::None;
        }
        // SAFETY: `top > base`, so `top - 1` holds an initialised value that we take over.
        unsafe {
            self.top = self.top.sub(1);
            ptr::read(self.top)
        }
    }

    /// The value `n` places from the top (`1` is the top itself).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> &Value {
        &self[self.len() - n]
    }

    /// Make room for `extra` more values without moving them later.
    pub fn reserve(&mut self, extra: usize) {
        // SAFETY: as in `len`.
        let spare = unsafe { self.end.offset_from(self.top) as usize };
        if spare < extra {
            self.grow(extra);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, extra: usize) {
        let len = self.len();
        let want = (len + extra).max(self.capacity() * 2).max(8);
        // SAFETY: rebuild the Vec this buffer came from (invariant 2, `len` values
        // initialised), let it reallocate, and take it apart again.
        unsafe {
            let mut v = Vec::from_raw_parts(self.base, len, self.capacity());
            v.reserve_exact(want - len);
            let cap = v.capacity();
            self.base = v.as_mut_ptr();
            self.top = self.base.add(len);
            self.end = self.base.add(cap);
            std::mem::forget(v);
        }
    }

    /// Drop the values above the first `len`.
    #[inline(always)]
    pub fn truncate(&mut self, len: usize) {
        let now = self.len();
        if len >= now {
            return;
        }
        // SAFETY: the values at `base + len .. top` are initialised (invariant 1); they
        // leave the stack before they are dropped, so a `__del__` run by the drop sees a
        // consistent stack.
        unsafe {
            self.top = self.base.add(len);
            ptr::drop_in_place(ptr::slice_from_raw_parts_mut(self.top, now - len));
        }
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Remove the values from position `at` up and return them in order.
    pub fn split_off(&mut self, at: usize) -> Vec<Value> {
        let len = self.len();
        assert!(at <= len, "value stack split below its bottom");
        let n = len - at;
        let mut out = Vec::with_capacity(n);
        // SAFETY: the `n` values at `base + at` are initialised (invariant 1); they move
        // into `out` and leave the stack by lowering `top`.
        unsafe {
            ptr::copy_nonoverlapping(self.base.add(at), out.as_mut_ptr(), n);
            out.set_len(n);
            self.top = self.base.add(at);
        }
        out
    }

    /// Move the values from position `at` up onto the end of `locals` (a call's
    /// arguments becoming the callee's parameters): no count updates, unlike a clone
    /// followed by a truncate.
    #[inline(always)]
    pub fn move_into_locals(&mut self, at: usize, locals: &mut Vec<Option<Value>>) {
        let len = self.len();
        assert!(at <= len, "value stack cut below its bottom");
        let n = len - at;
        locals.reserve(n);
        // SAFETY: the values at `base + at .. top` are initialised (invariant 1); each is
        // read once into the spare room `reserve` made in `locals`, and lowering `top`
        // takes them off the stack.
        unsafe {
            let dst = locals.as_mut_ptr().add(locals.len());
            for i in 0..n {
                ptr::write(dst.add(i), Some(ptr::read(self.base.add(at + i))));
            }
            locals.set_len(locals.len() + n);
            self.top = self.base.add(at);
        }
    }

    pub fn extend<I: IntoIterator<Item = Value>>(&mut self, items: I) {
        let it = items.into_iter();
        self.reserve(it.size_hint().0);
        for v in it {
            self.push(v);
        }
    }
}

impl std::ops::Deref for ValueStack {
    type Target = [Value];
    #[inline(always)]
    fn deref(&self) -> &[Value] {
        // SAFETY: `base..top` are initialised values (invariant 1).
        unsafe { std::slice::from_raw_parts(self.base, self.len()) }
    }
}

impl std::ops::DerefMut for ValueStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `deref`, borrowed mutably through `&mut self`.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len()) }
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        // SAFETY: give the buffer back as the Vec it came from (invariant 2); dropping
        // the Vec drops the `len` live values.
        unsafe { drop(Vec::from_raw_parts(self.base, self.len(), self.capacity())) }
    }
}

impl<'a> IntoIterator for &'a ValueStack {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_pop_grow_split() {
        let mut s = ValueStack::with_capacity(2);
        for i in 0..20 {
            s.push(Value::Int(i));
        }
        assert_eq!(s.len(), 20);
        assert!(matches!(s.peek(1), Value::Int(19)));
        let tail = s.split_off(15);
        assert_eq!(tail.len(), 5);
        assert!(matches!(tail[0], Value::Int(15)));
        assert!(matches!(s.pop(), Value::Int(14)));
        s.truncate(3);
        assert_eq!(s.len(), 3);
        s.swap(0, 2);
        assert!(matches!(s[0], Value::Int(2)));
        s.clear();
        assert!(s.is_empty());
        assert!(matches!(s.pop(), Value::None));
        s.extend(vec![Value::Int(7), Value::Bool(true)]);
        assert_eq!(s.len(), 2);
        let mut locals = vec![Some(Value::Int(1))];
        s.move_into_locals(1, &mut locals);
        assert_eq!(s.len(), 1);
        assert!(matches!(locals[..], [Some(Value::Int(1)), Some(Value::Bool(true))]));
    }

    #[test]
    fn empty_stack_has_no_allocation_to_misuse() {
        let mut s = ValueStack::default();
        assert!(s.is_empty());
        s.push(Value::Float(1.5));
        assert!(matches!(s.pop(), Value::Float(x) if x == 1.5));
    }
}
