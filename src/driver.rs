//! Top-level driver: turns a [`Config`] (built by the CLI) into a run — version banner,
//! debug dumps (`-X dump-ast`), or running a file / command / module / stdin — and maps the
//! outcome to a process exit code as CPython does.

use std::path::PathBuf;

/// What to run: the first non-option argument of the command line.
#[derive(Debug, Clone, Default)]
pub enum RunTarget {
    /// `gild FILE`
    File(PathBuf),
    /// `gild -c CMD`
    Command(String),
    /// `gild -m MODULE`
    Module(String),
    /// `gild -` or no argument: read the program from standard input (REPL on a terminal).
    #[default]
    Stdin,
}

/// Interpreter configuration; field names follow CPython's `sys.flags`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub target: RunTarget,
    /// `sys.argv`: `argv[0]` is the script path, `-c` or `-m`.
    pub argv: Vec<String>,
    /// `sys.orig_argv`: the command line as given.
    pub orig_argv: Vec<String>,
    pub xoptions: Vec<String>,
    pub warnoptions: Vec<String>,
    pub dont_write_bytecode: bool,
    pub ignore_environment: bool,
    pub isolated: bool,
    pub inspect: bool,
    pub unbuffered: bool,
    pub optimize: u32,
    pub quiet: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub safe_path: bool,
    pub skip_first_line: bool,
    pub verbose: u32,
    pub bytes_warning: u32,
    pub debug: bool,
    pub show_version: u32,
}

impl Config {
    /// The value of `-X name=value`, if given.
    pub fn xoption_value(&self, name: &str) -> Option<&str> {
        self.xoptions.iter().find_map(|o| o.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
    }

    /// True when `-X name` was given (with or without `=value`).
    pub fn has_xoption(&self, name: &str) -> bool {
        self.xoptions.iter().any(|o| o == name || o.strip_prefix(name).is_some_and(|r| r.starts_with('=')))
    }
}

/// Replace Rust's default panic message with one that says what a panic in gild means.
/// The release profile aborts after the hook runs (see `Cargo.toml`).
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        eprintln!("gild: internal error (this is a bug in gild, not in your program):");
        default(info);
    }));
}

/// Run according to `cfg` and return the process exit code.
pub fn run(cfg: Config) -> i32 {
    if cfg.show_version > 0 {
        let (a, b, c) = crate::PYTHON_VERSION;
        println!("Python {a}.{b}.{c}");
        return 0;
    }
    if let Some(dir) = cfg.xoption_value("parse-bench") {
        return parse_bench(dir);
    }
    if cfg.has_xoption("dump-code") {
        return dump_code(&cfg);
    }
    if cfg.has_xoption("dump-ast") || cfg.has_xoption("dump-tokens") {
        return dump_front_end(&cfg);
    }
    // The interpreter runs on its own thread with a large stack: Python-to-Python calls do
    // not use the Rust stack, but native code calling back into Python (sort keys, dunder
    // methods) nests, up to the recursion limit.
    const STACK: usize = 512 << 20;
    // SIGINT goes to the interpreter's main thread (it unblocks the signal at start-up).
    crate::modules::signal::block_in_thread();
    let handle = std::thread::Builder::new().name("MainThread".into()).stack_size(STACK).spawn(move || run_main_thread(cfg));
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 70,
    }
}

fn run_main_thread(cfg: Config) -> i32 {
    let prog = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "gild".into());
    // Read the program before starting the interpreter (CPython reports a missing file
    // with exit code 2 and no traceback).
    let (source, filename, file_attr, path0) = match &cfg.target {
        RunTarget::File(path) => {
            let abs = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            // A directory runs its `__main__.py`, the directory first on `sys.path`.
            let is_dir = abs.is_dir();
            let (script, path0) = if is_dir {
                let main = abs.join("__main__.py");
                if !main.is_file() {
                    eprintln!("{prog}: can't find '__main__' module in '{}'", abs.display());
                    return 1;
                }
                (main, abs.display().to_string())
            } else {
                (abs.clone(), abs.parent().map(|p| p.display().to_string()).unwrap_or_default())
            };
            match std::fs::read(&script) {
                Ok(mut src) => {
                    if cfg.skip_first_line && !is_dir {
                        // `-x`: the first line is dropped but its newline kept, so line
                        // numbers stay those of the file.
                        let end = src.iter().position(|&b| b == b'\n').unwrap_or(src.len());
                        src.drain(..end);
                    }
                    let name = script.display().to_string();
                    (src, name.clone(), Some(name), path0)
                }
                Err(e) => {
                    let code = e.raw_os_error().unwrap_or(0);
                    let msg = crate::text::os_error_message(&e);
                    eprintln!("{prog}: can't open file '{}': [Errno {code}] {msg}", abs.display());
                    return 2;
                }
            }
        }
        RunTarget::Command(cmd) => (cmd.clone().into_bytes(), "<string>".to_string(), None, String::new()),
        RunTarget::Stdin if stdin_is_terminal() => return run_interactive(&cfg),
        RunTarget::Stdin => {
            let mut src = Vec::new();
            if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut src) {
                eprintln!("{prog}: can't read <stdin>: {e}");
                return 2;
            }
            (src, "<stdin>".to_string(), None, String::new())
        }
        RunTarget::Module(m) => return run_module(&cfg, m, &prog),
    };
    let vm = crate::vm::Vm::init(cfg.clone());
    set_sys_path(&cfg, &path0);
    let file_input = !matches!(cfg.target, RunTarget::Command(_));
    let result = crate::vm::import::run_main(&vm, &source, &filename, file_attr.as_deref(), file_input);
    let mut code = match result {
        Ok(_) => 0,
        Err(e) => exit_code_for(&vm, &e),
    };
    // `-i`: inspect interactively after the script (also after an uncaught exception).
    if cfg.inspect && code != KILLED_BY_SIGINT {
        code = crate::repl::run(&vm, &crate::vm::import::main_globals());
    }
    crate::vm::finalize(&vm);
    crate::modules::io::flush_all();
    crate::modules::sys::flush_stdout_raw();
    if code == KILLED_BY_SIGINT {
        die_of_sigint();
    }
    code
}

/// `gild -m MODULE`: `sys.path[0]` is the working directory; the module runs as
/// `__main__` (see `modules::runpy`).
fn run_module(cfg: &Config, name: &str, prog: &str) -> i32 {
    let vm = crate::vm::Vm::init(cfg.clone());
    let cwd = std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default();
    set_sys_path(cfg, &cwd);
    let code = match crate::modules::runpy::run_module_as_main(&vm, name) {
        Ok(_) => 0,
        Err(crate::modules::runpy::RunError::Raised(e)) => exit_code_for(&vm, &e),
        Err(crate::modules::runpy::RunError::Message(msg)) => {
            crate::modules::sys::flush_stdout_raw();
            eprintln!("{prog}: {msg}");
            1
        }
    };
    crate::vm::finalize(&vm);
    crate::modules::io::flush_all();
    crate::modules::sys::flush_stdout_raw();
    if code == KILLED_BY_SIGINT {
        die_of_sigint();
    }
    code
}

/// The exit status of a process killed by SIGINT, as a shell reports it.
const KILLED_BY_SIGINT: i32 = 130;

/// An uncaught `KeyboardInterrupt` ends the process by SIGINT (as CPython does), so the
/// parent sees a signal death rather than an exit status.
fn die_of_sigint() {
    // SAFETY: resetting SIGINT to its default action and raising it is async-signal-safe
    // and touches no Rust state; the process ends here.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
}

fn stdin_is_terminal() -> bool {
    // SAFETY: `isatty` only inspects file descriptor 0.
    unsafe { libc::isatty(0) == 1 }
}

/// `gild` on a terminal: the banner (unless `-q`) and the interactive loop.
fn run_interactive(cfg: &Config) -> i32 {
    let vm = crate::vm::Vm::init(cfg.clone());
    set_sys_path(cfg, "");
    if !cfg.quiet {
        let (a, b, c) = crate::PYTHON_VERSION;
        eprintln!("Python {a}.{b}.{c} (gild {}) on {}", crate::GILD_VERSION, std::env::consts::OS);
        eprintln!("Type \"exit()\" or Ctrl-D (i.e. EOF) to exit.");
    }
    let code = crate::repl::run(&vm, &crate::vm::import::main_globals());
    crate::vm::finalize(&vm);
    crate::modules::io::flush_all();
    crate::modules::sys::flush_stdout_raw();
    code
}

/// `sys.path`: the script's folder (or `''`), then `PYTHONPATH` unless `-E`/`-I`.
fn set_sys_path(cfg: &Config, first: &str) {
    let mut path = Vec::new();
    if !cfg.safe_path {
        path.push(first.to_string());
    }
    if !cfg.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            path.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    path.push(crate::vm::stdlib::ENTRY.to_string());
    let sys = &crate::vm::interp().sys;
    if let Some(d) = sys.dict.borrow().as_ref() {
        let list = crate::objects::Value::new_list(path.into_iter().map(crate::objects::Value::new_str).collect());
        crate::objects::dict::set_str(d, "path", list);
    }
}

/// The process exit code for an uncaught exception, printing it as CPython does.
fn exit_code_for(vm: &crate::vm::Vm, e: &crate::runtime::PyErr) -> i32 {
    if e.is("SystemExit") {
        return crate::modules::sys::system_exit_code(vm, &e.value());
    }
    crate::vm::traceback::print_exception(vm, e);
    if e.is("KeyboardInterrupt") {
        return KILLED_BY_SIGINT;
    }
    1
}

/// The program text for the `-X dump-*` debug views: the file, the `-c` command or stdin,
/// with its file name. `None` (after printing why) when the file cannot be read.
fn debug_source(cfg: &Config) -> Option<(Vec<u8>, String)> {
    match &cfg.target {
        RunTarget::File(path) => match std::fs::read(path) {
            Ok(s) => Some((s, path.display().to_string())),
            Err(e) => {
                eprintln!("gild: can't open file '{}': {}", path.display(), crate::text::os_error_message(&e));
                None
            }
        },
        RunTarget::Command(c) => Some((c.clone().into_bytes(), "<string>".to_string())),
        _ => {
            let mut buf = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf);
            Some((buf, "<stdin>".to_string()))
        }
    }
}

/// `-X dump-ast` / `-X dump-tokens`: print the front end's view of the file or `-c` command.
fn dump_front_end(cfg: &Config) -> i32 {
    let Some((source, filename)) = debug_source(cfg) else { return 2 };
    if cfg.has_xoption("dump-tokens") {
        print!("{}", crate::syntax::tokenize(&String::from_utf8_lossy(&source)));
        return 0;
    }
    match crate::syntax::parse_bytes(&source, crate::syntax::Mode::Exec, &filename) {
        Ok(m) => {
            println!("{}", crate::syntax::dump(&m));
            0
        }
        Err(e) => {
            eprint!("{}", e.render());
            1
        }
    }
}

/// `-X dump-code`: compile the file or `-c` command and print its disassembly.
fn dump_code(cfg: &Config) -> i32 {
    let Some((source, filename)) = debug_source(cfg) else { return 2 };
    match crate::compiler::compile_file_source(&source, &filename, cfg.optimize) {
        Ok(code) => {
            print!("{}", crate::bytecode::disasm::disassemble(&code));
            0
        }
        Err(text) => {
            eprint!("{text}");
            1
        }
    }
}

/// `-X parse-bench=DIR`: parse every `.py` file under DIR (files read up front) and print the
/// parse time, for `benches/parse_corpus.py`.
fn parse_bench(dir: &str) -> i32 {
    let mut files = Vec::new();
    collect_py(std::path::Path::new(dir), &mut files);
    files.sort();
    let sources: Vec<(String, Vec<u8>)> =
        files.iter().filter_map(|p| std::fs::read(p).ok().map(|s| (p.display().to_string(), s))).collect();
    let t0 = std::time::Instant::now();
    let mut ok = 0usize;
    for (name, src) in &sources {
        if crate::syntax::parse_bytes(src, crate::syntax::Mode::Exec, name).is_ok() {
            ok += 1;
        }
    }
    let dt = t0.elapsed().as_secs_f64();
    println!("files={} parsed={} seconds={:.4}", sources.len(), ok, dt);
    0
}

fn collect_py(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in rd.flatten() {
        let p = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            if p.file_name().is_some_and(|n| n == "site-packages") {
                continue;
            }
            collect_py(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}
