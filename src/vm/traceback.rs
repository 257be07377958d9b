//! Printing exceptions the way CPython 3.11 does on stderr: chained exceptions (cause /
//! context), `Traceback (most recent call last):`, one `File "...", line N, in name` entry
//! per traceback entry with its source line and `^^^^`/`~~~^^^~~~` markers, the final
//! `Type: message` line, and `__notes__`. `SyntaxError`s use the front end's display.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::Vm;
use crate::objects::exception::exc_data;
use crate::objects::function::code_of;
use crate::objects::typeobj::{self, type_data};
use crate::objects::{dict, types, Payload, Value};
use crate::runtime::{attr, repr, PyErr};

thread_local! {
    static SOURCES: std::cell::RefCell<HashMap<String, Option<Vec<String>>>> = std::cell::RefCell::new(HashMap::new());
}

/// Line `lineno` (1-based) of `filename`, read once per file.
pub fn source_line(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    if let Some(src) = super::stdlib::read(filename) {
        return src.lines().nth(lineno as usize - 1).map(str::to_string);
    }
    if filename.starts_with('<') {
        // Only sources registered by `register_source` (`<timeit-src>`, ...).
        return SOURCES.with(|s| s.borrow().get(filename).and_then(|l| l.as_ref()?.get(lineno as usize - 1).cloned()));
    }
    SOURCES.with(|s| {
        let mut s = s.borrow_mut();
        let lines = s
            .entry(filename.to_string())
            .or_insert_with(|| std::fs::read(filename).ok().map(|b| String::from_utf8_lossy(&b).lines().map(str::to_string).collect()));
        lines.as_ref().and_then(|l| l.get(lineno as usize - 1).cloned())
    })
}

/// Make `text` the source shown in tracebacks for `filename` (code compiled from a
/// string under a made-up name, as CPython's `linecache.cache` entries do).
pub fn register_source(filename: &str, text: &str) {
    SOURCES.with(|s| s.borrow_mut().insert(filename.to_string(), Some(text.lines().map(str::to_string).collect())));
}

/// Forget cached sources (after a file changed).
pub fn clear_cache() {
    SOURCES.with(|s| s.borrow_mut().clear());
}

/// Render `err` (and its chain) as CPython prints an uncaught exception.
pub fn format_exception(vm: &Vm, err: &PyErr) -> String {
    let mut p = Printer { out: String::new(), seen: Vec::new(), depth: 0, need_close: false };
    p.format(vm, &err.value());
    p.out
}

/// Print `err` to stderr (flushing stdout first, as CPython's order on a terminal).
pub fn print_exception(vm: &Vm, err: &PyErr) {
    let text = format_exception(vm, err);
    crate::modules::sys::flush_stdout(vm);
    crate::modules::sys::write_stderr_raw(&text);
}

/// CPython's report of an exception nobody can catch (`__del__`, callbacks).
pub fn print_unraisable(vm: &Vm, header: &str, err: &PyErr) {
    let mut text = format!("{header}\n");
    text.push_str(&format_exception(vm, err));
    crate::modules::sys::write_stderr_raw(&text);
}

/// Sub-exceptions shown per group; the rest are summarised (CPython's default).
const MAX_GROUP_WIDTH: usize = 15;
/// Nesting of groups shown before eliding (CPython's default).
const MAX_GROUP_DEPTH: usize = 10;

/// The state of printing one exception tree: exception groups draw their members in
/// nested, `|`-margined boxes (CPython's `traceback.TracebackException.format`).
struct Printer {
    out: String,
    /// Exceptions already shown (a chain never loops).
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
}

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Append `text`, each line prefixed by the current indentation and margin.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    /// `exc` with the exceptions it was chained from, oldest first.
    fn format(&mut self, vm: &Vm, exc: &Value) {
        let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
        let mut cur = exc.clone();
        loop {
            self.seen.push(cur.id() as usize);
            let (cause, context, suppress) = match exc_data(&cur) {
                Some(d) => {
                    let d = d.borrow();
                    (d.cause.clone(), d.context.clone(), d.suppress_context)
                }
                None => (Value::None, Value::None, true),
            };
            let unseen = |v: &Value| !v.is_none() && !self.seen.contains(&(v.id() as usize));
            let next = if unseen(&cause) {
                Some(("\nThe above exception was the direct cause of the following exception:\n\n", cause))
            } else if !suppress && unseen(&context) {
                Some(("\nDuring handling of the above exception, another exception occurred:\n\n", context))
            } else {
                None
            };
            match next {
                Some((msg, e)) => {
                    chain.push((Some(msg), cur));
                    cur = e;
                }
                None => {
                    chain.push((None, cur));
                    break;
                }
            }
        }
        // `chain[i]`'s message introduces it after the exception it was chained from.
        let n = chain.len();
        for i in (0..n).rev() {
            let e = chain[i].1.clone();
            self.format_one(vm, &e);
            if i > 0 {
                if let Some(msg) = chain[i - 1].0 {
                    self.emit(msg, '|');
                }
            }
        }
    }

    fn format_one(&mut self, vm: &Vm, exc: &Value) {
        if !crate::runtime::exc_group::is_group(exc) {
            let mut text = String::new();
            if format_stack(exc, &mut text) {
                text.insert_str(0, "Traceback (most recent call last):\n");
            }
            text.push_str(&format_exception_only(vm, exc));
            self.emit(&text, '|');
            return;
        }
        if self.depth > MAX_GROUP_DEPTH {
            self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|');
            return;
        }
        let toplevel = self.depth == 0;
        if toplevel {
            self.depth += 1;
        }
        let mut stack = String::new();
        if format_stack(exc, &mut stack) {
            self.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
            self.emit(&stack, '|');
        }
        self.emit(&format_exception_only(vm, exc), '|');
        let members = crate::runtime::exc_group::exceptions(exc);
        let shown = if members.len() <= MAX_GROUP_WIDTH { members.len() } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let _ = writeln!(self.out, "{}{}+---------------- {title} ----------------", self.indent(), if i == 0 { "+-" } else { "  " });
            self.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                self.emit(&format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" }), '|');
            } else {
                self.format(vm, &members[i]);
            }
            if last && self.need_close {
                let _ = writeln!(self.out, "{}+------------------------------------", self.indent());
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if toplevel {
            self.depth = 0;
        }
    }
}

/// The traceback entries of `exc` (without the header line); false when it has none.
fn format_stack(exc: &Value, out: &mut String) -> bool {
    let Some(tb) = exc_data(exc).and_then(|d| d.borrow().traceback.clone()) else {
        return false;
    };
    let mut cur = Some(tb);
    let mut last: Option<(crate::bytecode::Name, u32, String)> = None;
    let mut repeats = 0usize;
    while let Some(t) = cur {
        let Payload::Traceback(td) = &t.payload else {
            break;
        };
        if let Some(c) = code_of(&td.code) {
            let pos = c.code.position_of(td.lasti as usize);
            let key = (c.code.filename.clone(), pos.lineno, c.code.name.clone());
            if last.as_ref() == Some(&key) {
                repeats += 1;
            } else {
                flush_repeats(out, repeats);
                repeats = 0;
                last = Some(key);
            }
            if repeats < 3 {
                format_entry(out, &c.code, td.lasti as usize);
            }
        }
        cur = td.next.borrow().clone();
    }
    flush_repeats(out, repeats);
    true
}

/// The `Type: message` line (or a `SyntaxError`'s caret display) and the notes.
fn format_exception_only(vm: &Vm, exc: &Value) -> String {
    let mut out =
        if typeobj::isinstance(exc, types().exc.get("SyntaxError")) { format_syntax_error(vm, exc) } else { exception_line(vm, exc) };
    if let Some(d) = exc.as_obj().and_then(|o| o.dict.borrow().clone()) {
        if let Some(notes) = dict::get_str(&d, "__notes__") {
            // Any sequence is printed item by item (a str character by character, as
            // CPython does); anything else by its repr.
            let chars = || notes.as_str().map(|s| s.as_str().chars().map(|c| Value::new_str(c.to_string())).collect());
            match crate::objects::tuple::items(&notes)
                .map(|t| t.to_vec())
                .or_else(|| crate::objects::list::cell(&notes).map(|c| c.borrow().clone()))
                .or_else(chars)
            {
                Some(items) => {
                    for n in items {
                        let s = match n.as_str() {
                            Some(s) => s.as_str().to_string(),
                            None => repr::str(vm, &n).unwrap_or_else(|_| "<note str() failed>".into()),
                        };
                        out.push_str(&s);
                        out.push('\n');
                    }
                }
                None => {
                    let s = repr::repr(vm, &notes).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                    let _ = writeln!(out, "{s}");
                }
            }
        }
    }
    out
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let n = repeats - 2;
        let _ = writeln!(out, "  [Previous line repeated {n} more time{}]", if n == 1 { "" } else { "s" });
    }
}

fn format_entry(out: &mut String, code: &crate::bytecode::CodeObject, lasti: usize) {
    let pos = code.position_of(lasti);
    let _ = writeln!(out, "  File \"{}\", line {}, in {}", code.filename, pos.lineno, code.name);
    let Some(line) = source_line(&code.filename, pos.lineno) else {
        return;
    };
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    let indent_chars = line.chars().count() - stripped.chars().count();
    let stripped = stripped.trim_end();
    if stripped.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {stripped}");
    if pos.col == u32::MAX || pos.end_col == u32::MAX || pos.end_lineno == 0 {
        return;
    }
    let start = byte_to_char(&line, pos.col as usize);
    let mut end = byte_to_char(&line, pos.end_col as usize);
    let mut anchors = None;
    if pos.end_lineno == pos.lineno {
        let seg: String = line.chars().skip(start).take(end.saturating_sub(start)).collect();
        anchors = caret_anchors(&seg);
    } else {
        end = indent_chars + stripped.chars().count();
    }
    if end <= start {
        return;
    }
    let stripped_len = stripped.chars().count();
    if end - start >= stripped_len && anchors.is_none() {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start.saturating_sub(indent_chars)));
    match anchors {
        Some((l, r)) => {
            let width = end - start;
            let (l, r) = (l.min(width), r.min(width).max(l.min(width)));
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r - l));
            out.push_str(&"~".repeat(width - r));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
}

fn byte_to_char(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    match line.get(..b) {
        Some(s) => s.chars().count(),
        None => line.char_indices().take_while(|(i, _)| *i < b).count(),
    }
}

/// CPython's anchors for a binary operation (the operator) or a subscript (the brackets),
/// as character offsets into `segment`.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use crate::syntax::ast::{ExprKind, Mod, StmtKind};
    let m = crate::syntax::parse_str(segment, crate::syntax::Mode::Exec, "<anchors>").ok()?;
    let Mod::Module { body, .. } = m else {
        return None;
    };
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &body[0].node else {
        return None;
    };
    let bytes = segment.as_bytes();
    let norm = |b: usize| byte_to_char(segment, b);
    match &value.node {
        ExprKind::BinOp { left, right, .. } => {
            let op_start = left.loc.end_col_offset as usize;
            let op_end = right.loc.col_offset as usize;
            let op_str = segment.get(op_start..op_end)?;
            let op_offset = op_str.len() - op_str.trim_start().len();
            let mut l = op_start + op_offset;
            let mut r = l + 1;
            if op_offset + 1 < op_str.len() && !op_str.as_bytes()[op_offset + 1].is_ascii_whitespace() {
                r += 1;
            }
            while l < bytes.len() && (bytes[l].is_ascii_whitespace() || bytes[l] == b')' || bytes[l] == b'#') {
                l += 1;
                r += 1;
            }
            Some((norm(l), norm(r)))
        }
        ExprKind::Subscript { value: v, slice, .. } => {
            let mut l = v.loc.end_col_offset as usize;
            let mut r = slice.loc.end_col_offset as usize + 1;
            while l < bytes.len() && bytes[l] != b'[' {
                l += 1;
            }
            while r < bytes.len() && bytes[r] != b']' {
                r += 1;
            }
            if r < bytes.len() {
                r += 1;
            }
            Some((norm(l), norm(r)))
        }
        _ => None,
    }
}

/// The last line: `module.Qualname: message`, the module omitted for `builtins` and
/// `__main__` (as CPython's traceback printer does).
pub fn exception_line(vm: &Vm, exc: &Value) -> String {
    let name = exception_type_name(exc);
    let mut msg = match repr::str(vm, exc) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if let Some(s) = suggestion(vm, exc) {
        let _ = write!(msg, ". Did you mean: '{s}'?");
    }
    let _ = attr::object_type;
    if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    }
}

/// The exception's class as the last traceback line names it: its qualified name, with
/// the module in front unless it is `builtins` or `__main__`.
fn exception_type_name(exc: &Value) -> String {
    let cls = exc.class();
    let qual = type_data(cls).map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let module = match type_data(cls) {
        Some(t) if t.heap => {
            typeobj::lookup(cls, "__module__").and_then(|m| m.as_str().map(|s| s.as_str().to_string())).unwrap_or_default()
        }
        _ => "builtins".to_string(),
    };
    if module == "builtins" || module == "__main__" || module.is_empty() {
        qual
    } else {
        format!("{module}.{qual}")
    }
}

/// Candidate lists longer than this get no suggestion (CPython's limit).
const MAX_CANDIDATES: usize = 750;
/// Names longer than this are never close (CPython's limit).
const MAX_NAME_LEN: usize = 40;
/// Cost of inserting, deleting or replacing a character; a change of case costs 1.
const MOVE_COST: usize = 2;

/// The "Did you mean" name CPython appends to an uncaught `NameError` (names of the
/// innermost frame's code, then its globals, then builtins) or `AttributeError` (`dir()`
/// of the object).
fn suggestion(vm: &Vm, exc: &Value) -> Option<String> {
    let attr_of = |n: &str| exc.as_obj().and_then(|o| o.dict.borrow().clone()).and_then(|d| dict::get_str(&d, n));
    let name = attr_of("name")?;
    let name = name.as_str()?.as_str().to_string();
    if typeobj::isinstance(exc, types().exc.get("AttributeError")) {
        let obj = attr_of("obj")?;
        let mut names: Vec<String> =
            attr::dir_of(vm, &obj).ok()?.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_string())).collect();
        names.sort();
        return closest(&name, &names);
    }
    if !typeobj::isinstance(exc, types().exc.get("NameError")) {
        return None;
    }
    let mut tb = exc_data(exc)?.borrow().traceback.clone()?;
    loop {
        let next = match &tb.payload {
            Payload::Traceback(td) => td.next.borrow().clone(),
            _ => None,
        };
        match next {
            Some(n) => tb = n,
            None => break,
        }
    }
    let Payload::Traceback(td) = &tb.payload else {
        return None;
    };
    let varnames: Vec<String> = code_of(&td.code).map(|c| c.code.varnames.iter().map(|s| s.to_string()).collect()).unwrap_or_default();
    if let Some(s) = closest(&name, &varnames) {
        return Some(s);
    }
    let keys = |d: &crate::objects::PyRef| {
        dict::items(d).iter().filter_map(|(k, _)| k.as_str().map(|s| s.as_str().to_string())).collect::<Vec<_>>()
    };
    if let Some(s) = closest(&name, &keys(&td.globals)) {
        return Some(s);
    }
    let builtins = dict::get_str(&td.globals, "__builtins__")
        .and_then(|b| match b.payload() {
            Some(Payload::Dict(_)) => b.as_obj().cloned(),
            _ => b.as_obj().and_then(|m| m.dict.borrow().clone()),
        })
        .unwrap_or_else(|| super::interp().builtins.clone());
    closest(&name, &keys(&builtins))
}

/// The candidate nearest to `name` by the weighted edit distance, if close enough: at most
/// a third of the characters involved may change; earlier candidates win ties.
fn closest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut limit = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            limit = limit.min(d.saturating_sub(1));
        }
        let d = edit_distance(name.as_bytes(), c.as_bytes(), limit);
        if d <= limit && best.map_or(true, |(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.clone())
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        1
    } else {
        MOVE_COST
    }
}

/// Weighted Levenshtein distance over bytes; anything above `limit` may be reported as
/// `limit + 1`.
fn edit_distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_NAME_LEN || b.len() > MAX_NAME_LEN {
        return limit + 1;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (long.len() - short.len()) * MOVE_COST > limit {
        return limit + 1;
    }
    // One row of the DP matrix: row[i] = cost of turning long[..j] into short[..i+1].
    let mut row: Vec<usize> = (1..=short.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &lc) in long.iter().enumerate() {
        let mut diag = j * MOVE_COST;
        let mut left = (j + 1) * MOVE_COST;
        let mut row_min = usize::MAX;
        for (i, &sc) in short.iter().enumerate() {
            let up = row[i];
            let v = (diag + substitution_cost(lc, sc)).min(up.min(left) + MOVE_COST);
            diag = up;
            row[i] = v;
            left = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
        result = left;
    }
    result
}

/// A `SyntaxError` raised at run time (`compile()`, `import`, or by user code): CPython's
/// location display built from its attributes when `lineno` is an int, then `Type: msg`;
/// otherwise the ordinary `Type: str(exc)` line.
fn format_syntax_error(vm: &Vm, exc: &Value) -> String {
    let get = |n: &str| attr::getattr_opt(vm, exc, n).ok().flatten().unwrap_or(Value::None);
    let int_of = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    let Some(lineno) = int_of(&get("lineno")) else {
        return exception_line(vm, exc);
    };
    let offset = int_of(&get("offset")).unwrap_or(0);
    let se = crate::syntax::SyntaxError {
        kind: crate::syntax::SyntaxErrorKind::Syntax,
        msg: String::new(),
        filename: match get("filename") {
            Value::None => "<string>".to_string(),
            f => repr::str(vm, &f).unwrap_or_default(),
        },
        lineno: lineno.max(0) as usize,
        offset: offset.max(0) as usize,
        end_lineno: int_of(&get("end_lineno")).unwrap_or(lineno).max(0) as usize,
        end_offset: int_of(&get("end_offset")).unwrap_or(-1),
        text: get("text").as_str().map(|s| s.as_str().to_string()),
        at_eof: false,
    };
    // (A negative offset, like 0, puts the caret left of the text: none is printed.)
    let mut out = se.render_location(exc.class().is(types().exc.get("SyntaxError")));
    let msg = match get("msg") {
        Value::None => String::new(),
        m => repr::str(vm, &m).unwrap_or_default(),
    };
    let name = exception_type_name(exc);
    if msg.is_empty() {
        let _ = writeln!(out, "{name}");
    } else {
        let _ = writeln!(out, "{name}: {msg}");
    }
    out
}

/// Convert a front-end `SyntaxError` into a Python exception instance.
pub fn syntax_error_to_py(se: &crate::syntax::SyntaxError) -> PyErr {
    let cls = se.kind.class_name();
    if !matches!(cls, "SyntaxError" | "IndentationError" | "TabError") {
        // Nesting too deep for the parser: MemoryError / RecursionError, no location.
        let args = if se.msg.is_empty() { vec![] } else { vec![Value::new_str(se.msg.as_str())] };
        return PyErr::with_args(types().exc.get(cls), args);
    }
    if se.lineno == 0 {
        // Raised before there is a location (an unknown source encoding): only a message.
        let e = PyErr::with_args(types().exc.get(cls), vec![Value::new_str(se.msg.as_str())]);
        crate::runtime::set_attr_raw(&e.exc, "msg", Value::new_str(se.msg.as_str()));
        return e;
    }
    let text = se.text.clone().map(Value::new_str).unwrap_or(Value::None);
    let details = Value::new_tuple(vec![
        Value::new_str(se.filename.as_str()),
        Value::from(se.lineno),
        Value::from(se.offset),
        text.clone(),
        Value::from(se.end_lineno),
        Value::from(se.end_offset),
    ]);
    let e = PyErr::with_args(types().exc.get(cls), vec![Value::new_str(se.msg.as_str()), details]);
    for (k, v) in [
        ("msg", Value::new_str(se.msg.as_str())),
        ("filename", Value::new_str(se.filename.as_str())),
        ("lineno", Value::from(se.lineno)),
        ("offset", Value::from(se.offset)),
        ("text", text),
        ("end_lineno", Value::from(se.end_lineno)),
        ("end_offset", Value::from(se.end_offset)),
        ("print_file_and_line", Value::None),
    ] {
        crate::runtime::set_attr_raw(&e.exc, k, v);
    }
    e
}
