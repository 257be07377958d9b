//! Script-test runner (interim version from the front-end branch; the lead's runner replaces
//! it): runs every `tests/py/<area>/<name>.py` with gild and compares stdout, stderr and exit
//! code with the committed `<name>.out`, `<name>.err` (when non-empty) and `<name>.exit`
//! (when non-zero), where `$DIR` stands for the test's directory. An optional argument
//! filters by substring. Only the `syntax` area is run until the VM exists.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_gild"));
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_default();
    let dir = root.join("tests/py/syntax");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let (mut passed, mut failed) = (0, 0);
    for f in files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if !name.contains(&filter) {
            continue;
        }
        let out = match Command::new(&exe).arg(&f).current_dir(&dir).output() {
            Ok(o) => o,
            Err(e) => {
                println!("FAIL {name}: cannot run gild: {e}");
                failed += 1;
                continue;
            }
        };
        let d = dir.display().to_string();
        let read = |ext: &str| {
            std::fs::read_to_string(f.with_extension(ext))
                .unwrap_or_default()
                .replace("$DIR", &d)
        };
        let want_err = read("err");
        let want_exit: i32 = read("exit").trim().parse().unwrap_or(0);
        let got_err = String::from_utf8_lossy(&out.stderr).to_string();
        let got_exit = out.status.code().unwrap_or(-1);
        // Until the VM exists, only scripts expected to fail at compile time are comparable.
        if want_exit == 0 {
            continue;
        }
        if got_err == want_err && got_exit == want_exit {
            passed += 1;
        } else {
            failed += 1;
            println!("FAIL {name}\n--- expected (exit {want_exit})\n{want_err}--- got (exit {got_exit})\n{got_err}");
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
