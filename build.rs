//! Build script: freezes the Python-source standard library (`stdlib/**/*.py`) into the
//! binary (DESIGN §8). It writes `$OUT_DIR/frozen_stdlib.rs`, a table of
//! `(relative path, source)` sorted by path, which `src/vm/stdlib.rs` searches.
//! It also sets `GILD_COMPILER_HASH`, a hash of the front end, compiler and bytecode
//! sources, which keys `.pyc` files (`src/bytecode/marshal.rs`): a changed compiler never
//! trusts cache files written by an older one.

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

/// FNV-1a over the files under `src/{syntax,compiler,bytecode}`, in path order.
fn compiler_hash(manifest: &Path) -> u64 {
    let mut files = Vec::new();
    for dir in ["syntax", "compiler", "bytecode"] {
        let d = manifest.join("src").join(dir);
        println!("cargo:rerun-if-changed={}", d.display());
        collect_all(&d, &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in f.to_string_lossy().bytes().chain(std::fs::read(&f).unwrap_or_default()) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn collect_all(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_all(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rustc-env=GILD_COMPILER_HASH={:016x}", compiler_hash(&manifest));
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
