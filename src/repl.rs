//! The interactive interpreter (`gild` on a terminal, `gild -i`): reads one statement at a
//! time (continuing compound statements and open brackets with `... ` until they are
//! complete), compiles it in `single` mode so expression results are printed and bound to
//! `_`, and reports errors without ending the session.
//!
//! On a terminal, lines are read with `rustyline`: line editing, history kept in
//! `~/.gild_history` (`PYTHON_HISTORY`-style override: `GILD_HISTORY`), Tab completion of
//! names, keywords and attributes (see [`Completions`]), Ctrl-C cancels the line being
//! typed (`KeyboardInterrupt`), Ctrl-D on an empty line leaves. Otherwise lines are read
//! from standard input as they come, prompts going to stderr, as CPython does.

use std::io::{BufRead, Write};

use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::objects::typeobj::type_name;
use crate::objects::{dict, PyRef, Value};
use crate::runtime::{attr, call, Args};
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

/// Compile and run one complete statement; `Some(status)` when it raised `SystemExit`.
fn execute(vm: &Vm, globals: &PyRef, src: &str) -> Option<i32> {
    if src.trim().is_empty() {
        return None;
    }
    let code = match crate::vm::import::compile_to_code(src.as_bytes(), "<stdin>", Mode::Single, 0) {
        Ok(c) => c,
        Err(e) => {
            crate::vm::traceback::print_exception(vm, &e);
            return None;
        }
    };
    if let Err(e) = vm.run_code(code, globals) {
        if e.is("SystemExit") {
            return Some(crate::modules::sys::system_exit_code(vm, &e.value()));
        }
        crate::vm::traceback::print_exception(vm, &e);
    }
    crate::modules::sys::flush_stdout_raw();
    None
}

fn is_terminal(fd: i32) -> bool {
    // SAFETY: `isatty` only inspects the file descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

/// Run the interactive loop with `globals` as the namespace; returns the exit code.
pub fn run(vm: &Vm, globals: &PyRef) -> i32 {
    if is_terminal(0) && is_terminal(1) {
        if let Some(code) = run_editor(vm, globals) {
            return code;
        }
    }
    run_plain(vm, globals)
}

/// Lines from a pipe or file: no editing, prompts on stderr.
fn run_plain(vm: &Vm, globals: &PyRef) -> i32 {
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
        if let Some(code) = execute(vm, globals, &src) {
            return code;
        }
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("GILD_HISTORY").filter(|p| !p.is_empty()) {
        return Some(p.into());
    }
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(|h| std::path::Path::new(&h).join(".gild_history"))
}

/// The line-editing loop; `None` if the terminal cannot be driven (then the caller
/// falls back to plain reading).
fn run_editor(vm: &Vm, globals: &PyRef) -> Option<i32> {
    let mut rl: Editor<Completions, DefaultHistory> = Editor::new().ok()?;
    rl.set_helper(Some(Completions { vm, globals: globals.clone() }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    let save = |rl: &mut Editor<Completions, DefaultHistory>| {
        if let Some(h) = &history {
            let _ = rl.save_history(h);
        }
    };
    loop {
        crate::modules::sys::flush_stdout_raw();
        let mut src = String::new();
        let mut cancelled = false;
        loop {
            match rl.readline(if src.is_empty() { ">>> " } else { "... " }) {
                Ok(line) => {
                    src.push_str(&line);
                    src.push('\n');
                    if !incomplete(&src) {
                        break;
                    }
                }
                Err(ReadlineError::Interrupted) => {
                    eprintln!("KeyboardInterrupt");
                    cancelled = true;
                    break;
                }
                Err(ReadlineError::Eof) if !src.is_empty() => break,
                Err(_) => {
                    save(&mut rl);
                    return Some(0);
                }
            }
        }
        if cancelled || src.trim().is_empty() {
            continue;
        }
        let _ = rl.add_history_entry(src.trim_end());
        if let Some(code) = execute(vm, globals, &src) {
            save(&mut rl);
            return Some(code);
        }
    }
}

/// Tab completion in the spirit of CPython's `rlcompleter`: keywords, then names of the
/// `__main__` namespace and builtins (callables get a `(`); after a dot, the attributes
/// of the object the dotted name before it refers to. Only plain names are looked up
/// (never arbitrary expressions), and a property is listed without being read, so
/// completing cannot run user code other than `__getattr__`-style lookups of the names
/// already typed.
pub struct Completions<'a> {
    vm: &'a Vm,
    globals: PyRef,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
];

impl Completions<'_> {
    fn builtins(&self) -> Option<PyRef> {
        crate::objects::module::globals(&crate::vm::interp().builtins_module)
    }

    fn lookup(&self, name: &str) -> Option<Value> {
        dict::get_str(&self.globals, name).or_else(|| self.builtins().and_then(|b| dict::get_str(&b, name)))
    }

    fn is_callable(&self, v: &Value) -> bool {
        let callable = self.lookup("callable");
        let r = callable.and_then(|c| call::call(self.vm, &c, Args::new(std::slice::from_ref(v))).ok());
        matches!(r, Some(Value::Bool(true)))
    }

    fn with_paren(&self, word: String, v: Option<&Value>) -> String {
        match v {
            Some(v) if self.is_callable(v) => word + "(",
            _ => word,
        }
    }

    fn global_matches(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for kw in KEYWORDS.iter().filter(|k| k.starts_with(text)) {
            out.push(match *kw {
                "finally" | "try" => format!("{kw}:"),
                "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => kw.to_string(),
                _ => format!("{kw} "),
            });
        }
        let mut names = dict::str_keys(&self.globals);
        if let Some(b) = self.builtins() {
            names.extend(dict::str_keys(&b));
        }
        for name in names {
            if name.starts_with(text) && name != "__builtins__" {
                let v = self.lookup(&name);
                let m = self.with_paren(name, v.as_ref());
                if !out.contains(&m) {
                    out.push(m);
                }
            }
        }
        out
    }

    fn attr_matches(&self, expr: &str, prefix: &str) -> Vec<String> {
        let mut parts = expr.split('.');
        let Some(mut obj) = parts.next().and_then(|first| self.lookup(first)) else { return Vec::new() };
        for part in parts {
            if self.is_property(&obj, part) {
                return Vec::new();
            }
            match attr::getattr_opt(self.vm, &obj, part) {
                Ok(Some(v)) => obj = v,
                _ => return Vec::new(),
            }
        }
        let Some(dir) = self.lookup("dir") else { return Vec::new() };
        let Ok(listing) = call::call(self.vm, &dir, Args::new(std::slice::from_ref(&obj))) else { return Vec::new() };
        let Ok(words) = crate::runtime::iter::collect(self.vm, &listing) else { return Vec::new() };
        let mut out = Vec::new();
        for w in words {
            let Some(word) = w.as_str().map(|s| s.as_str().to_string()) else { continue };
            // Like rlcompleter: no `_` names unless asked for, no `__` names for `_`.
            let hidden = (prefix.is_empty() && word.starts_with('_')) || (prefix == "_" && word.starts_with("__"));
            if !word.starts_with(prefix) || hidden {
                continue;
            }
            let full = format!("{expr}.{word}");
            if self.is_property(&obj, &word) {
                out.push(full);
                continue;
            }
            let v = attr::getattr_opt(self.vm, &obj, &word).ok().flatten();
            out.push(self.with_paren(full, v.as_ref()));
        }
        out.sort();
        out
    }

    /// Is `name` a property on the type of `obj` (so reading it would run its getter)?
    fn is_property(&self, obj: &Value, name: &str) -> bool {
        let cls = Value::Obj(obj.class().clone());
        matches!(attr::getattr_opt(self.vm, &cls, name), Ok(Some(v)) if type_name(&v) == "property")
    }
}

impl Completer for Completions<'_> {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        let head = &line[..pos];
        let start = head.rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')).map_or(0, |i| i + 1);
        let text = &head[start..];
        if text.is_empty() {
            // Tab on an empty line indents, as CPython's completer does.
            return Ok((pos, if head.trim().is_empty() { vec!["    ".into()] } else { Vec::new() }));
        }
        let matches = match text.rfind('.') {
            Some(dot) => self.attr_matches(&text[..dot], &text[dot + 1..]),
            None => self.global_matches(text),
        };
        Ok((start, matches))
    }
}

impl Hinter for Completions<'_> {
    type Hint = String;
}
impl Highlighter for Completions<'_> {}
impl Validator for Completions<'_> {}
impl Helper for Completions<'_> {}
