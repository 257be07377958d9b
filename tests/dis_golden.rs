//! Golden disassembly tests: each `tests/dis/<name>.py` is compiled by the built `gild`
//! (`-X dump-code`) and the disassembly compared with `<name>.dis`. `UPDATE_EXPECT=1`
//! rewrites the expected files (review the diff by hand: these are gild's own instruction
//! set, checked against CPython 3.11's `dis` of the same source).

use std::path::PathBuf;
use std::process::Command;

#[test]
fn dis_golden() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("dis");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| !v.is_empty() && v != "0");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/dis exists")
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
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
