//! The `gild` command: parses python3-compatible command-line flags into a [`gild::Config`]
//! and hands it to the library. Owns nothing else: no Python semantics live here.

use gild::{Config, RunTarget};

const USAGE_TAIL: &str = "[option] ... [-c cmd | -m mod | file | -] [arg] ...";

fn usage_error(prog: &str, msg: &str) -> ! {
    eprintln!("{msg}");
    eprintln!("usage: {prog} {USAGE_TAIL}");
    eprintln!("Try `python -h' for more information.");
    std::process::exit(2);
}

fn print_help(prog: &str) {
    println!("usage: {prog} {USAGE_TAIL}");
    print!(
        "\
Options (and corresponding environment variables):
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : accepted for compatibility (assert statements are removed)
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option:
         -X dump-ast    print the AST of FILE (or -c CMD) like ast.dump() and exit
         -X dump-tokens print the token stream of FILE and exit
         -X gil-policy=NAME  GIL scheduling: interval (default), interval-noforce,
                        ticks, fifo, io-priority
         -X gil-trace=FILE   write the GIL's events as Chrome trace JSON at exit
         -X gil-stats   print per-thread GIL statistics at exit
-x     : skip first line of source
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
"
    );
}

fn parse_args(args: Vec<String>) -> Config {
    let prog = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "gild".to_string());
    let mut cfg = Config { orig_argv: args.clone(), ..Config::default() };
    let mut i = 1;
    while i < args.len() {
        let arg = &args[i];
        if arg == "--" {
            i += 1;
            break;
        }
        if arg == "--help" {
            print_help(&prog);
            std::process::exit(0);
        }
        if arg == "--version" {
            cfg.show_version += 1;
            i += 1;
            continue;
        }
        if arg.starts_with("--") {
            usage_error(&prog, &format!("unknown option {arg}"));
        }
        if !arg.starts_with('-') || arg == "-" {
            break;
        }
        // A cluster of single-letter flags; `c`, `m`, `W` and `X` take the rest of the
        // cluster or the next argument.
        let flags: Vec<char> = arg[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let f = flags[j];
            let takes_arg = matches!(f, 'c' | 'm' | 'W' | 'X');
            let value = if takes_arg {
                let rest: String = flags[j + 1..].iter().collect();
                if !rest.is_empty() {
                    Some(rest)
                } else {
                    i += 1;
                    match args.get(i) {
                        Some(v) => Some(v.clone()),
                        None => usage_error(&prog, &format!("Argument expected for the -{f} option")),
                    }
                }
            } else {
                None
            };
            match (f, value) {
                ('c', Some(cmd)) => {
                    cfg.target = RunTarget::Command(cmd);
                    cfg.argv = std::iter::once("-c".to_string()).chain(args[i + 1..].iter().cloned()).collect();
                    return cfg;
                }
                ('m', Some(module)) => {
                    cfg.target = RunTarget::Module(module);
                    // sys.argv[0] becomes the module's file once it is found.
                    cfg.argv = std::iter::once("-m".to_string()).chain(args[i + 1..].iter().cloned()).collect();
                    return cfg;
                }
                ('X', Some(opt)) => cfg.xoptions.push(opt),
                ('W', Some(opt)) => cfg.warnoptions.push(opt),
                ('B', _) => cfg.dont_write_bytecode = true,
                ('E', _) => cfg.ignore_environment = true,
                ('I', _) => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                    cfg.no_user_site = true;
                }
                ('i', _) => cfg.inspect = true,
                ('u', _) => cfg.unbuffered = true,
                ('O', _) => cfg.optimize += 1,
                ('q', _) => cfg.quiet = true,
                ('s', _) => cfg.no_user_site = true,
                ('S', _) => cfg.no_site = true,
                ('P', _) => cfg.safe_path = true,
                ('x', _) => cfg.skip_first_line = true,
                ('v', _) => cfg.verbose += 1,
                ('b', _) => cfg.bytes_warning += 1,
                ('d', _) => cfg.debug = true,
                ('V', _) => cfg.show_version += 1,
                ('h' | '?', _) => {
                    print_help(&prog);
                    std::process::exit(0);
                }
                (other, _) => usage_error(&prog, &format!("Unknown option: -{other}")),
            }
            if takes_arg {
                break;
            }
            j += 1;
        }
        i += 1;
    }
    match args.get(i) {
        Some(path) if path == "-" => {
            cfg.target = RunTarget::Stdin;
            cfg.argv = args[i..].to_vec();
        }
        Some(path) => {
            cfg.target = RunTarget::File(path.into());
            cfg.argv = args[i..].to_vec();
        }
        None => {
            cfg.target = RunTarget::Stdin;
            cfg.argv = vec![String::new()];
        }
    }
    cfg
}

/// mimalloc's option numbers (`mi_option_t` in its `mimalloc.h`).
#[cfg(not(feature = "memcheck"))]
mod mi {
    pub const ARENA_EAGER_COMMIT: i32 = 4;
    pub const PURGE_DELAY: i32 = 15;
    extern "C" {
        pub fn mi_option_set(option: i32, value: std::ffi::c_long);
    }
}

/// Configure mimalloc (see `GLOBAL`) before anything allocates: commit arena memory as it
/// is used and give freed memory back to the system at once, so a program's peak memory
/// stays that of its live data (with mimalloc's defaults, `-c pass` peaked at 11 MB
/// instead of 6 MB and a list of a million ints at 81 MB instead of 39 MB). A
/// constructor of the first priority: it runs before mimalloc's own and before Rust's
/// runtime makes its first allocation, which creates the first arena.
#[cfg(all(not(feature = "memcheck"), target_os = "linux"))]
#[used]
#[link_section = ".init_array.00101"]
static TUNE_MIMALLOC: extern "C" fn() = {
    extern "C" fn tune() {
        // SAFETY: plain setters of mimalloc's options, before any thread exists.
        unsafe {
            mi::mi_option_set(mi::ARENA_EAGER_COMMIT, 0);
            mi::mi_option_set(mi::PURGE_DELAY, 0);
        }
    }
    tune
};

/// Under `--features memcheck` (glibc's malloc): let its heaps grow 16 MiB at a time
/// (address space only). By default the interpreter thread's heap grows a page or two per
/// `mprotect`, and importing a few thousand code objects made about 2,000 such calls.
fn tune_allocator() {
    #[cfg(all(feature = "memcheck", target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

fn main() {
    tune_allocator();
    gild::install_panic_hook();
    let args = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let cfg = parse_args(args);
    std::process::exit(gild::run(cfg));
}

// mimalloc: small allocations and frees (payload boxes, dict tables, list buffers) are a
// large share of an object's life, and glibc's malloc/free cost several times more per
// call (alloc_small: -7% instructions, gc_cycles: -24%). Valgrind memcheck builds keep
// the system allocator so that memcheck sees every block.
#[cfg(not(feature = "memcheck"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
