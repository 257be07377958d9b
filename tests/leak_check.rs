//! Leak check: runs script tests from a few areas three times each inside one interpreter
//! and checks, with gild's live-object counter (`gc._live_objects()`), that the third run
//! leaves no more heap objects alive than the second. The first run may
//! add objects that stay on purpose (imported modules, interned names); any reference
//! count leak shows as growth on every run.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Areas whose scripts are checked, and scripts left out (with the reason).
const AREAS: &[&str] = &["basics", "classes", "closures", "descriptors", "dunders", "exceptions", "generators", "gc", "weakref", "scopes"];
const SKIP: &[(&str, &str)] = &[
    ("deep_free.py", "slow in debug builds; frees its own structures"),
    ("automatic.py", "depends on allocation counts of a fresh interpreter"),
    ("finalize_exit.py", "registers exit-time finalizers on purpose"),
    ("class_assign.py", "`__class__` assignment keeps the old class alive on purpose (heap.rs invariant 3)"),
    ("attr_cache_class_assign.py", "`__class__` assignment keeps the old class alive on purpose (heap.rs invariant 3)"),
];

/// Runs the script at `path` three times; returns the live-object counts after each run.
const DRIVER: &str = r#"
import gc, sys
path, report = sys.argv[1], sys.argv[2]
try:
    with open(path) as f:
        code = compile(f.read(), path, 'exec')
except SyntaxError:
    # Compile-error tests have nothing to run.
    with open(report, 'w') as f:
        f.write('skip')
    raise SystemExit
# Fill the VM's frame pool first: recycled frames keep their last globals and code until
# reused, which would look like one leaked namespace per run.
for _ in range(40):
    exec('pass', {})
counts = []
for _ in range(3):
    ns = {'__name__': '__leakcheck__', '__builtins__': __builtins__}
    try:
        exec(code, ns)
    except BaseException:
        pass
    ns.clear()
    del ns
    gc.collect()
    counts.append(gc._live_objects())
with open(report, 'w') as f:
    f.write(' '.join(map(str, counts)))
"#;

fn scripts(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for area in AREAS {
        let Ok(rd) = std::fs::read_dir(root.join(area)) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            if !name.ends_with(".py") || name.starts_with('_') || SKIP.iter().any(|(s, _)| *s == name) {
                continue;
            }
            // Scripts with arguments, stdin or interpreter flags are left to py_tests.
            let head = std::fs::read_to_string(&p).unwrap_or_default();
            if head.lines().take(3).any(|l| l.starts_with("# test:") && !l.contains("timeout")) {
                continue;
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn repeated_runs_leave_no_objects_behind() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("py");
    let tmp = std::env::temp_dir().join(format!("gild-leak-{}", std::process::id()));
    let mut failures = Vec::new();
    let list = scripts(&root);
    assert!(list.len() > 20, "expected scripts to check, found {}", list.len());
    for script in &list {
        let _ = std::fs::remove_file(&tmp);
        let dir = script.parent().expect("script has a folder");
        let out = Command::new(env!("CARGO_BIN_EXE_gild"))
            .args(["-c", DRIVER])
            .arg(script)
            .arg(&tmp)
            .current_dir(dir)
            .env("PYTHONHASHSEED", "0")
            .output()
            .expect("run gild");
        let report = std::fs::read_to_string(&tmp).unwrap_or_default();
        if report == "skip" {
            continue;
        }
        let counts: Vec<i64> = report.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        let name = script.strip_prefix(&root).unwrap_or(script).display().to_string();
        if counts.len() != 3 {
            failures.push(format!("{name}: no report (exit {:?}): {}", out.status.code(), String::from_utf8_lossy(&out.stderr)));
            continue;
        }
        // Growth is a leak. (The count may drop a little: frames recycled by the VM let go
        // of the namespace they last ran in when they are reused.)
        if counts[2] > counts[1] {
            failures.push(format!("{name}: live objects after runs 1, 2, 3: {counts:?}"));
        }
    }
    let _ = std::fs::remove_file(&tmp);
    assert!(failures.is_empty(), "{} of {} scripts leak:\n{}", failures.len(), list.len(), failures.join("\n"));
}
