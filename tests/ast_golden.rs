//! Golden AST tests: every `tests/ast/*.py` must dump exactly as CPython's
//! `ast.dump(ast.parse(source))` (computed on the fly; skipped without python3).

use std::process::Command;

#[test]
fn ast_golden_files_match_cpython() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ast");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/ast")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut bad = Vec::new();
    for f in &files {
        let Ok(out) = Command::new("python3")
            .args(["-c", "import ast,sys;print(ast.dump(ast.parse(open(sys.argv[1],'rb').read())))"])
            .arg(f)
            .output()
        else {
            println!("skipped: python3 not available");
            return;
        };
        let want = String::from_utf8_lossy(&out.stdout).trim_end().to_string();
        let src = std::fs::read(f).expect("read");
        let got = match gild::syntax::parse_bytes(&src, gild::syntax::Mode::Exec, &f.display().to_string()) {
            Ok(m) => gild::syntax::dump(&m),
            Err(e) => format!("error: {}", e.msg),
        };
        if got != want {
            bad.push(format!("{}:\n  gild:    {got}\n  cpython: {want}", f.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
