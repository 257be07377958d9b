//! Golden disassembly tests: each `tests/dis/<name>.py` is compiled by the built `gild`
//! (`-X dump-code`) and the disassembly compared with `<name>.dis`; each
//! `tests/dis/api/<name>.py` is a script using the `dis` module, run by gild, its output
//! compared with `<name>.out` (code-object addresses and the folder normalised); and
//! `gild -m dis FILE` must print what `-X dump-code` prints (one disassembler).
//! `UPDATE_EXPECT=1` rewrites the expected files from gild's output (review the diff by
//! hand: these are gild's own instruction set, checked against CPython 3.11's `dis` of
//! the same source).

use std::path::{Path, PathBuf};
use std::process::Command;

fn update_mode() -> bool {
    std::env::var("UPDATE_EXPECT").is_ok_and(|v| !v.is_empty() && v != "0")
}

fn py_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("test folder exists")
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    names
}

/// Replace each `at 0x...` address with `at 0xADDR`, and `dir` with `$DIR`.
fn normalise(text: &str, dir: &Path) -> String {
    let text = text.replace(&dir.display().to_string(), "$DIR");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i + 6]);
        out.push_str("ADDR");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn run_gild(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gild")).args(args).current_dir(dir).env_remove("PYTHONPATH").output().expect("run gild");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        text.push_str(&format!("--- exit {:?}\n{}", out.status.code(), String::from_utf8_lossy(&out.stderr)));
    }
    normalise(&text, dir)
}

#[test]
fn dis_module_golden() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("dis").join("api");
    let mut failures = Vec::new();
    for name in py_files(&dir) {
        let actual = run_gild(&dir, &[&name]);
        let expected_path = dir.join(name.replace(".py", ".out"));
        if update_mode() {
            std::fs::write(&expected_path, &actual).expect("write expected");
            continue;
        }
        if std::fs::read_to_string(&expected_path).unwrap_or_default() != actual {
            failures.push(format!("{name}: output differs from {}", expected_path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dash_m_dis_matches_dump_code() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("dis");
    for name in py_files(&dir) {
        let dumped = run_gild(&dir, &["-X", "dump-code", &name]);
        let via_dis = run_gild(&dir, &["-m", "dis", &name]);
        assert_eq!(dumped, via_dis, "{name}: `-m dis` and `-X dump-code` disagree");
    }
}

#[test]
fn dis_golden() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("dis");
    let update = update_mode();
    let names = py_files(&dir);
    let mut failures = Vec::new();
    for name in &names {
        let out = Command::new(env!("CARGO_BIN_EXE_gild")).args(["-X", "dump-code", name]).current_dir(&dir).output().expect("run gild");
        let mut actual = String::from_utf8_lossy(&out.stdout).into_owned();
        if !out.status.success() {
            actual.push_str(&format!("--- exit {:?}\n{}", out.status.code(), String::from_utf8_lossy(&out.stderr)));
        }
        let expected_path = dir.join(name.replace(".py", ".dis"));
        if update {
            std::fs::write(&expected_path, &actual).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{name}: disassembly differs from {}", expected_path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
