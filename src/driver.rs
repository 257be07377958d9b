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
    /// True when `-X name` was given (with or without `=value`).
    pub fn has_xoption(&self, name: &str) -> bool {
        self.xoptions
            .iter()
            .any(|o| o == name || o.strip_prefix(name).is_some_and(|r| r.starts_with('=')))
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
    match &cfg.target {
        RunTarget::File(path) => {
            let prog = std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| "gild".into());
            let abs = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            match std::fs::read(&abs) {
                Ok(_source) => {
                    eprintln!("gild: running programs is not implemented yet");
                    1
                }
                Err(e) => {
                    let code = e.raw_os_error().unwrap_or(0);
                    let msg = crate::text::os_error_message(&e);
                    eprintln!(
                        "{prog}: can't open file '{}': [Errno {code}] {msg}",
                        abs.display()
                    );
                    2
                }
            }
        }
        _ => {
            eprintln!("gild: running programs is not implemented yet");
            1
        }
    }
}
