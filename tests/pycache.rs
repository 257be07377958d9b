//! The `.pyc` cache seen from outside, through the built `gild`: a valid cache file is
//! used instead of the source, a damaged one (bad checksum) is rewritten, concurrent
//! processes importing the same module never read a torn file, `-B` and
//! `PYTHONDONTWRITEBYTECODE` write nothing, and `-m compileall -j` compiles a tree.
//! (Behaviour shared with CPython is tested by `tests/py/toolbox/pyc_*.py`.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gild_pycache_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

fn gild(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gild"));
    c.args(args).current_dir(dir).env_remove("PYTHONDONTWRITEBYTECODE").env_remove("PYTHONPATH").env("XDG_CACHE_HOME", dir.join("xdg"));
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = gild(dir, args).output().expect("run gild");
    assert!(out.status.success(), "gild {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn cache_file(dir: &Path, module: &str) -> PathBuf {
    dir.join("__pycache__").join(format!("{module}.gild-{}.pyc", env!("CARGO_PKG_VERSION").replace('.', "")))
}

#[test]
fn valid_cache_is_used_and_damaged_cache_rewritten() {
    let dir = scratch("used");
    let src = dir.join("m.py");
    std::fs::write(&src, "print('one')\n").unwrap();
    std::fs::write(dir.join("main.py"), "import m\n").unwrap();
    assert_eq!(stdout(&run(&dir, &["main.py"])), "one\n");
    let cfile = cache_file(&dir, "m");
    let good = std::fs::read(&cfile).expect("cache written");
    // Same size and mtime: the cache is trusted, so the old code runs.
    let mtime = std::fs::metadata(&src).unwrap().modified().unwrap();
    std::fs::write(&src, "print('two')\n").unwrap();
    std::fs::File::options().write(true).open(&src).unwrap().set_modified(mtime).unwrap();
    assert_eq!(stdout(&run(&dir, &["main.py"])), "one\n");
    // A flipped payload byte fails the checksum: recompiled from source and rewritten.
    let mut bad = good.clone();
    let last = bad.len() - 3;
    bad[last] ^= 0x40;
    std::fs::write(&cfile, &bad).unwrap();
    assert_eq!(stdout(&run(&dir, &["main.py"])), "two\n");
    let rewritten = std::fs::read(&cfile).unwrap();
    assert_ne!(rewritten, bad);
    assert_eq!(&rewritten[..8], b"GILDPYC\0");
    // A newer mtime makes the cache stale.
    std::fs::write(&src, "print('333')\n").unwrap();
    assert_eq!(stdout(&run(&dir, &["main.py"])), "333\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_bytecode_flags_write_nothing() {
    let dir = scratch("flags");
    std::fs::write(dir.join("m.py"), "X = 1\n").unwrap();
    std::fs::write(dir.join("main.py"), "import m\nprint(m.X)\n").unwrap();
    run(&dir, &["-B", "main.py"]);
    assert!(!dir.join("__pycache__").exists(), "-B wrote a cache");
    let out = gild(&dir, &["main.py"]).env("PYTHONDONTWRITEBYTECODE", "1").output().unwrap();
    assert_eq!(stdout(&out), "1\n");
    assert!(!dir.join("__pycache__").exists(), "PYTHONDONTWRITEBYTECODE wrote a cache");
    // -E ignores the variable.
    gild(&dir, &["-E", "main.py"]).env("PYTHONDONTWRITEBYTECODE", "1").output().unwrap();
    assert!(cache_file(&dir, "m").exists(), "-E should ignore PYTHONDONTWRITEBYTECODE");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn concurrent_imports_never_see_a_torn_file() {
    let dir = scratch("concurrent");
    // A module big enough that writing its cache file takes more than one write call.
    let mut src = String::new();
    for i in 0..400 {
        src.push_str(&format!("def f{i}(a, b=({i}, 'text {i}')):\n    return [a * {i} for _ in b]\n"));
    }
    src.push_str("TOTAL = sum(len(f(1)) for f in [f0, f1, f399])\n");
    std::fs::write(dir.join("big.py"), src).unwrap();
    std::fs::write(dir.join("main.py"), "import big\nprint(big.TOTAL)\n").unwrap();
    for _round in 0..3 {
        let _ = std::fs::remove_dir_all(dir.join("__pycache__"));
        let children: Vec<_> = (0..6).map(|_| gild(&dir, &["main.py"]).output()).collect();
        for c in children {
            let out = c.expect("run gild");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(stdout(&out), "6\n");
        }
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("__pycache__")).unwrap().flatten().map(|e| e.file_name()).collect();
    let _ = std::fs::remove_dir_all(dir.join("xdg"));
    assert_eq!(leftovers.len(), 1, "temporary files left behind: {leftovers:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn compileall_compiles_a_tree_in_parallel() {
    let dir = scratch("compileall");
    std::fs::create_dir_all(dir.join("tree/sub")).unwrap();
    for i in 0..8 {
        std::fs::write(dir.join(format!("tree/m{i}.py")), format!("X = {i}\n")).unwrap();
    }
    std::fs::write(dir.join("tree/sub/s.py"), "Y = 1\n").unwrap();
    std::fs::write(dir.join("tree/sub/bad.py"), "def (\n").unwrap();
    let out = gild(&dir, &["-m", "compileall", "-j", "3", "tree"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a syntax error makes compileall fail");
    let text = stdout(&out);
    assert!(text.starts_with("Listing 'tree'...\nListing 'tree/sub'...\n"), "{text}");
    assert!(text.contains("Compiling 'tree/m7.py'...\n") && text.contains("***   File \"tree/sub/bad.py\", line 1"), "{text}");
    for i in 0..8 {
        assert!(cache_file(&dir.join("tree"), &format!("m{i}")).exists());
    }
    assert!(cache_file(&dir.join("tree/sub"), "s").exists());
    // Up-to-date files are not compiled again.
    std::fs::remove_file(dir.join("tree/sub/bad.py")).unwrap();
    let again = run(&dir, &["-m", "compileall", "tree"]);
    assert_eq!(stdout(&again), "Listing 'tree'...\nListing 'tree/sub'...\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn frozen_stdlib_modules_are_cached_per_user() {
    let dir = scratch("frozen");
    let prog = "import dis; print(dis.opname[dis.opmap['LOAD_CONST']])";
    assert_eq!(stdout(&run(&dir, &["-c", prog])), "LOAD_CONST\n");
    let folder = std::fs::read_dir(dir.join("xdg").join("gild")).unwrap().flatten().next().expect("cache folder").path();
    let cfile = folder.join("dis.pyc");
    let good = std::fs::read(&cfile).expect("dis cached");
    std::fs::write(&cfile, &good[..good.len() / 2]).unwrap();
    assert_eq!(stdout(&run(&dir, &["-c", prog])), "LOAD_CONST\n");
    assert_eq!(std::fs::read(&cfile).unwrap(), good, "truncated cache rewritten");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A cache file with a valid checksum whose code would break the value stack (crafted,
/// or written by a buggy tool) is rejected by the verifier like a damaged one: the module
/// runs from source and the file is rewritten.
#[test]
fn cache_with_bad_stack_use_is_recompiled() {
    use gild::bytecode::{BinOp, Instr};
    let dir = scratch("verify");
    std::fs::write(dir.join("m.py"), "def f(a, b):\n    return a + b\nprint(f(1, 2))\n").unwrap();
    std::fs::write(dir.join("main.py"), "import m\n").unwrap();
    assert_eq!(stdout(&run(&dir, &["main.py"])), "3\n");
    let cfile = cache_file(&dir, "m");
    let good = std::fs::read(&cfile).unwrap();
    // `f` pops one value more than it has: `a + b + <nothing>`.
    craft(&dir, "f", &|f| {
        let ret = f.instrs.iter().position(|i| matches!(i, Instr::ReturnValue)).unwrap();
        f.instrs.insert(ret, Instr::BinaryOp { op: BinOp::Add });
        f.positions.insert(ret, f.positions[ret]);
    });
    let out = gild(&dir, &["main.py"]).output().unwrap();
    assert_eq!((stdout(&out), out.status.code()), ("3\n".to_string(), Some(0)), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&cfile).unwrap(), good, "the crafted file is rewritten");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A damaged unchecked hash-based cache file is recompiled and stays unchecked (CPython
/// raises on bad marshal data instead; see DIVERGENCES.md on `.pyc` files).
#[test]
fn damaged_unchecked_hash_cache_stays_unchecked() {
    use gild::bytecode::marshal::{self, Validation};
    let dir = scratch("unchecked");
    std::fs::write(dir.join("m.py"), "print('one')\n").unwrap();
    let compile = "import py_compile; py_compile.compile('m.py', invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)";
    run(&dir, &["-c", compile]);
    let cfile = cache_file(&dir, "m");
    let mut data = std::fs::read(&cfile).unwrap();
    assert_eq!(marshal::recorded_stamp(&data).unwrap().validation, Validation::UncheckedHash);
    let last = data.len() - 1;
    data[last] ^= 0x20;
    std::fs::write(&cfile, &data).unwrap();
    std::fs::write(dir.join("m.py"), "print('two')\n").unwrap();
    assert_eq!(stdout(&run(&dir, &["-c", "import m"])), "two\n");
    let rewritten = std::fs::read(&cfile).unwrap();
    assert_eq!(marshal::recorded_stamp(&rewritten).unwrap().validation, Validation::UncheckedHash);
    // Unchecked: a later change of the source is not noticed.
    std::fs::write(dir.join("m.py"), "print('333')\n").unwrap();
    assert_eq!(stdout(&run(&dir, &["-c", "import m"])), "two\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Rewrite the cache file of module `m` in `dir` with `edit` applied to its code object
/// named `name` (the module's own code, or a function nested at any depth).
fn craft(dir: &Path, name: &str, edit: &dyn Fn(&mut gild::bytecode::CodeObject)) {
    use gild::bytecode::{marshal, CodeObject, Const};
    fn walk(c: &mut CodeObject, name: &str, edit: &dyn Fn(&mut CodeObject)) {
        if c.name == name {
            edit(c);
        }
        for k in c.consts.iter_mut() {
            if let Const::Code(inner) = k {
                walk(std::sync::Arc::make_mut(inner), name, edit);
            }
        }
    }
    let cfile = cache_file(dir, "m");
    let data = std::fs::read(&cfile).unwrap();
    let stamp = marshal::recorded_stamp(&data).unwrap();
    let mut code = marshal::loads(&data, stamp).unwrap();
    walk(&mut code, name, edit);
    std::fs::write(&cfile, marshal::dumps(&code, stamp)).unwrap();
}

/// Crafted files that pass the loader's checks but misuse the frame: a closure shorter
/// than the function's free variables raises `SystemError` (it indexed past the cells);
/// argument counts whose sum overflows are rejected (they passed as a small total).
#[test]
fn crafted_closures_and_argument_counts_do_not_crash() {
    use gild::bytecode::Instr;
    let dir = scratch("crafted");
    std::fs::write(dir.join("m.py"), "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\nprint(outer()())\n")
        .unwrap();
    assert_eq!(stdout(&run(&dir, &["-c", "import m"])), "1\n");
    // `inner` gets an empty closure.
    craft(&dir, "outer", &|c| {
        for i in c.instrs.iter_mut() {
            match *i {
                Instr::LoadClosure { .. } => *i = Instr::Nop,
                Instr::BuildTuple { count: 1 } => *i = Instr::BuildTuple { count: 0 },
                _ => {}
            }
        }
    });
    let out = gild(&dir, &["-c", "import m"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("SystemError: no cell 0 in this frame"), "{err}");

    std::fs::write(dir.join("m.py"), "def f(a):\n    return a\nprint(f(5))\n").unwrap();
    assert_eq!(stdout(&run(&dir, &["-c", "import m"])), "5\n");
    // 1 + (u32::MAX) wraps to 0 parameters in `u32`.
    craft(&dir, "f", &|c| c.kwonlyargcount = u32::MAX);
    assert_eq!(stdout(&run(&dir, &["-c", "import m"])), "5\n", "the crafted file is rejected and recompiled");
    craft(&dir, "f", &|c| c.posonlyargcount = 2);
    assert_eq!(stdout(&run(&dir, &["-c", "import m"])), "5\n");
    // More defaults than parameters (the error message subtracted them).
    std::fs::write(dir.join("m.py"), "def f(a=1):\n    return a\ntry:\n    f(1, 2)\nexcept TypeError:\n    print('TypeError')\n").unwrap();
    assert_eq!(stdout(&run(&dir, &["-c", "import m"])), "TypeError\n");
    craft(&dir, "f", &|c| c.argcount = 0);
    let out = gild(&dir, &["-c", "import m"]).output().unwrap();
    assert_eq!((stdout(&out), out.status.code()), ("TypeError\n".to_string(), Some(0)), "{}", String::from_utf8_lossy(&out.stderr));
    // A stack size the code cannot use (the frame allocated it up front and aborted).
    craft(&dir, "f", &|c| c.max_stack = u32::MAX);
    let out = gild(&dir, &["-c", "import m"]).output().unwrap();
    assert_eq!((stdout(&out), out.status.code()), ("TypeError\n".to_string(), Some(0)), "{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}
