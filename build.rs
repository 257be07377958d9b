//! Build script: freezes the Python-source standard library (`stdlib/**/*.py`) into the
//! binary (DESIGN §8). It writes `$OUT_DIR/frozen_stdlib.rs`, a table of
//! `(relative path, source)` sorted by path, which `src/vm/stdlib.rs` searches.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "__pycache__" {
            continue;
        }
        if path.is_dir() {
            collect(&path, root, out);
        } else if name.ends_with(".py") {
            let rel = path.strip_prefix(root).expect("under root").to_string_lossy().replace('\\', "/");
            out.push((rel, path));
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("stdlib");
    println!("cargo:rerun-if-changed=stdlib");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut src = String::from("/// `(path relative to stdlib/, source)`, sorted by path.\npub static FROZEN: &[(&str, &str)] = &[\n");
    for (rel, path) in &files {
        // Directories are watched for added files; each file for edits.
        if let Some(parent) = path.parent() {
            println!("cargo:rerun-if-changed={}", parent.display());
        }
        println!("cargo:rerun-if-changed={}", path.display());
        src.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("frozen_stdlib.rs");
    std::fs::write(out, src).expect("write frozen_stdlib.rs");
}
