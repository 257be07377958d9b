//! The interactive interpreter (`gild` on a terminal, `gild -i`): reads one statement at a
//! time (continuing compound statements and open brackets with `... ` until they are
//! complete), compiles it in `single` mode so expression results are printed and bound to
//! `_`, and reports errors without ending the session. Prompts go to stderr, as CPython's.
//! Line editing and history come with the toolbox issue.

use std::io::{BufRead, Write};

use crate::objects::PyRef;
use crate::syntax::Mode;
use crate::vm::Vm;

/// Messages of parse errors that mean "the statement is not finished yet".
const INCOMPLETE: &[&str] = &[
    "unexpected EOF",
    "was never closed",
    "expected an indented block",
    "unterminated triple-quoted string literal",
    "unexpected end of input",
];

fn prompt(p: &str) {
    crate::modules::sys::flush_stdout_raw();
    let mut err = std::io::stderr();
    let _ = err.write_all(p.as_bytes());
    let _ = err.flush();
}

fn read_line(input: &mut impl BufRead) -> Option<String> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line),
    }
}

/// Does `src` need more lines? Open brackets, an unfinished block, a trailing backslash,
/// or a compound statement not yet closed by a blank line.
fn incomplete(src: &str) -> bool {
    let trimmed = src.trim_end_matches('\n');
    if trimmed.ends_with('\\') {
        return true;
    }
    match crate::syntax::parse_str(src, Mode::Single, "<stdin>") {
        Err(e) => INCOMPLETE.iter().any(|m| e.msg.contains(m)),
        Ok(_) => {
            let first = trimmed.lines().next().unwrap_or("").trim_end();
            let compound = first.ends_with(':') || first.starts_with('@');
            compound && !src.ends_with("\n\n")
        }
    }
}

/// Run the interactive loop with `globals` as the namespace; returns the exit code.
pub fn run(vm: &Vm, globals: &PyRef) -> i32 {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    loop {
        prompt(">>> ");
        let Some(first) = read_line(&mut input) else {
            prompt("\n");
            return 0;
        };
        let mut src = first;
        while incomplete(&src) {
            prompt("... ");
            match read_line(&mut input) {
                Some(line) => src.push_str(&line),
                None => break,
            }
        }
        if src.trim().is_empty() {
            continue;
        }
        let code = match crate::vm::import::compile_to_code(src.as_bytes(), "<stdin>", Mode::Single, 0) {
            Ok(c) => c,
            Err(e) => {
                crate::vm::traceback::print_exception(vm, &e);
                continue;
            }
        };
        if let Err(e) = vm.run_code(code, globals) {
            if e.is("SystemExit") {
                return crate::modules::sys::system_exit_code(vm, &e.value());
            }
            crate::vm::traceback::print_exception(vm, &e);
        }
    }
}
