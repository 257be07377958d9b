//! The stack verifier for code objects read from a `.pyc` file (freshly compiled code is
//! trusted in release builds; debug builds check it too, at the end of
//! `compiler::codegen::assemble`). `marshal::check_indices` already ensures every operand
//! indexes its table and every jump lands inside the code; this pass makes sure running
//! the instructions keeps the value stack in shape, which the VM relies on when it reads
//! `n` values deep without checking (`Copy`, calls, `ListAppend`, `WithExceptStart`, ...).
//!
//! It is an abstract interpretation over stack depths, driven by the one table of stack
//! use, [`Instr::stack_io`]: from depth 0 at the first instruction, follow every
//! fall-through, jump and exception-handler edge, and reject the code when
//! - an instruction has an operand outside its domain ([`Instr::operands_valid`]),
//! - it needs more values than the stack holds (a pop from an empty stack),
//! - the depth can exceed `co_stacksize` (`max_stack`), or `co_stacksize` is far more
//!   than any path reaches (the frame allocates it up front),
//! - control can fall off the end of the instructions,
//! - two paths reach one instruction with different depths, or
//! - an exception-table entry covering an instruction keeps more values than the stack
//!   holds when the instruction starts, or the table is not sorted and disjoint.
//!
//! Codegen's own depth analysis (`compiler::codegen::assemble`) satisfies all of this by
//! construction; `tests` below checks that on real code.

use super::code::CodeObject;
use super::opcode::Instr;

/// Why a code object was rejected (for tests and debugging; the importer only needs to
/// know that it was).
pub type Rejection = &'static str;

/// Marks an instruction no path has reached yet.
const UNSEEN: u32 = u32::MAX;

thread_local! {
    /// Depth per instruction and the worklist, reused from one code object to the next
    /// (a module's `.pyc` holds one per function, class body and comprehension).
    static SCRATCH: std::cell::RefCell<(Vec<u32>, Vec<u32>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// Check the stack discipline of `code` (not of the code objects nested in its
/// constants: the `.pyc` reader calls this for each one it decodes).
pub fn check_stack(code: &CodeObject) -> Result<(), Rejection> {
    if code.instrs.is_empty() {
        return Err("empty code");
    }
    // Sorted and disjoint, as codegen emits it: then the entry covering an instruction
    // (`CodeObject::handler_for`, the first that matches) is the only one, found by a
    // binary search.
    if code.exception_table.windows(2).any(|w| w[1].start < w[0].end) {
        return Err("exception table out of order");
    }
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => {
            let (depth_at, work) = &mut *s;
            walk(code, depth_at, work)
        }
        Err(_) => walk(code, &mut Vec::new(), &mut Vec::new()),
    })
}

/// The abstract interpretation: straight-line runs are followed directly, jump and
/// handler targets go on `work` when first reached.
fn walk(code: &CodeObject, depth_at: &mut Vec<u32>, work: &mut Vec<u32>) -> Result<(), Rejection> {
    let n = code.instrs.len();
    let max = code.max_stack as u64;
    let table = &code.exception_table[..];
    depth_at.clear();
    depth_at.resize(n, UNSEEN);
    work.clear();
    // Record that `at` is reached with `depth`; true if it was not reached before.
    let reach = |at: usize, depth: u64, depth_at: &mut Vec<u32>| -> Result<bool, Rejection> {
        if depth > max {
            return Err("stack deeper than co_stacksize");
        }
        let slot = depth_at.get_mut(at).ok_or("jump out of range")?;
        if *slot == UNSEEN {
            *slot = depth as u32;
            Ok(true)
        } else if *slot as u64 == depth {
            Ok(false)
        } else {
            Err("inconsistent stack depth")
        }
    };
    reach(0, 0, depth_at)?;
    work.push(0);
    while let Some(first) = work.pop() {
        let mut at = first as usize;
        // The first table entry that ends after `at`: found once per run, then moved
        // along with `at`.
        let mut k = table.partition_point(|e| e.end as usize <= at);
        loop {
            let ins: Instr = code.instrs[at];
            if !ins.operands_valid() {
                return Err("invalid operand");
            }
            let depth = depth_at[at] as u64;
            let (inputs, outputs) = ins.stack_io(false);
            let base = depth.checked_sub(inputs as u64).ok_or("stack underflow")?;
            while k < table.len() && table[k].end as usize <= at {
                k += 1;
            }
            if k < table.len() {
                let e = &table[k];
                if e.start as usize <= at {
                    // Compared with the depth before the instruction: one that cannot raise
                    // may be covered by a handler that keeps what it pushes (`PushExcInfo`
                    // under its cleanup handler). One that raises after taking inputs the
                    // handler keeps leaves the stack short; the unwinder fills it up
                    // (`unwind::find_handler`).
                    if e.depth as u64 > depth {
                        return Err("exception handler deeper than the stack");
                    }
                    if reach(e.target as usize, e.depth as u64 + e.lasti as u64 + 1, depth_at)? {
                        work.push(e.target);
                    }
                }
            }
            if let Some(target) = ins.jump_target() {
                let (j_in, j_out) = ins.stack_io(true);
                let after = depth.checked_sub(j_in as u64).ok_or("stack underflow")? + j_out as u64;
                if reach(target as usize, after, depth_at)? {
                    work.push(target);
                }
            }
            if ins.is_terminator() {
                break;
            }
            at += 1;
            if at >= n {
                return Err("control falls off the end of the code");
            }
            if !reach(at, base + outputs as u64, depth_at)? {
                break;
            }
        }
    }
    // The frame allocates `co_stacksize` values up front: a file claiming far more than
    // its code can reach (`u32::MAX`) would abort on allocation instead of failing here.
    let reached = depth_at.iter().filter(|&&d| d != UNSEEN).max().copied().unwrap_or(0) as u64;
    if max > reached + STACK_SLACK {
        return Err("co_stacksize larger than the code can use");
    }
    Ok(())
}

/// How far `co_stacksize` may exceed the deepest stack the verifier finds (codegen's own
/// count may include blocks the walk does not reach).
const STACK_SLACK: u64 = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{Const, ExceptionEntry};

    fn compile(src: &str) -> CodeObject {
        crate::compiler::compile_file_source(src.as_bytes(), "m.py", 0).expect("compiles")
    }

    fn check_all(code: &CodeObject, what: &str) {
        if let Err(why) = check_stack(code) {
            panic!("{what}: {} rejected: {why}\n{:?}", code.qualname, code.instrs);
        }
        for c in &code.consts {
            if let Const::Code(inner) = c {
                check_all(inner, what);
            }
        }
    }

    /// Every code object the compiler produces for the frozen standard library and the
    /// script tests passes (a false rejection would silently disable the cache).
    #[test]
    fn compiled_code_passes() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut stack = vec![root.join("stdlib"), root.join("tests/py")];
        let mut checked = 0;
        while let Some(dir) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&dir) else { continue };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "py") {
                    let src = std::fs::read(&p).unwrap_or_default();
                    if let Ok(code) = crate::compiler::compile_file_source(&src, "m.py", 0) {
                        check_all(&code, &p.display().to_string());
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 300, "only {checked} files compiled");
    }

    #[test]
    fn bad_stack_use_is_rejected() {
        let good = compile("def f(a, b):\n    try:\n        return [a, *b]\n    except KeyError:\n        return b\nprint(f(1, (2,)))\n");
        let f =
            good.consts.iter().find_map(|c| if let Const::Code(inner) = c { Some((**inner).clone()) } else { None }).expect("nested code");
        assert_eq!(check_stack(&f), Ok(()));
        let with = |edit: &dyn Fn(&mut CodeObject)| {
            let mut c = f.clone();
            edit(&mut c);
            check_stack(&c)
        };
        assert_eq!(with(&|c| c.instrs.insert(0, Instr::PopTop)), Err("stack underflow"));
        assert_eq!(with(&|c| c.max_stack -= 1), Err("stack deeper than co_stacksize"));
        assert_eq!(with(&|c| c.instrs.insert(0, Instr::Copy { n: 0 })), Err("invalid operand"));
        assert_eq!(with(&|c| c.instrs.insert(0, Instr::Call { argc: u32::MAX })), Err("stack underflow"));
        assert_eq!(with(&|c| c.instrs.insert(0, Instr::UnpackEx { before: u32::MAX, after: u32::MAX })), Err("stack underflow"));
        assert_eq!(
            with(&|c| {
                let last = c.instrs.len() - 1;
                c.instrs[last] = Instr::Nop;
            }),
            Err("control falls off the end of the code")
        );
        assert_eq!(with(&|c| c.exception_table[0].depth += 3), Err("exception handler deeper than the stack"));
        let entry = ExceptionEntry { start: 0, end: 1, target: 0, depth: 0, lasti: false };
        assert_eq!(with(&|c| c.exception_table.insert(0, entry)), Err("inconsistent stack depth"));
        assert_eq!(with(&|c| c.instrs.clear()), Err("empty code"));
        assert!(f.exception_table.len() >= 2);
        assert_eq!(with(&|c| c.exception_table.swap(0, 1)), Err("exception table out of order"));
    }
}
