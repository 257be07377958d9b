//! The frozen standard library: the `stdlib/**/*.py` sources compiled into the binary by
//! `build.rs` (DESIGN §8), so one `gild` binary works anywhere and starts fast.
//!
//! It appears on `sys.path` as the entry [`ENTRY`] (`"<stdlib>"`), placed where CPython
//! has its library folder (after `PYTHONPATH`), so a real folder earlier on `sys.path`
//! overrides a frozen module. A frozen module's `__file__` is `"<stdlib>/NAME.py"` and a
//! frozen package's `__path__` is `["<stdlib>/NAME"]`; the import system and the
//! traceback printer read such paths through [`read`] instead of the file system.

include!(concat!(env!("OUT_DIR"), "/frozen_stdlib.rs"));

/// The `sys.path` entry that stands for the frozen standard library.
pub const ENTRY: &str = "<stdlib>";

/// The path relative to `stdlib/` if `path` names a frozen location (`<stdlib>/x.py`).
fn relative(path: &str) -> Option<&str> {
    path.strip_prefix(ENTRY).and_then(|r| if r.is_empty() { Some("") } else { r.strip_prefix('/') })
}

/// The source of the frozen file at `path` (`<stdlib>/collections/__init__.py`).
pub fn read(path: &str) -> Option<&'static str> {
    let rel = relative(path)?;
    FROZEN.binary_search_by(|(p, _)| (*p).cmp(rel)).ok().map(|i| FROZEN[i].1)
}

/// Is `dir` the frozen library or a folder inside it?
pub fn is_frozen_dir(dir: &str) -> bool {
    relative(dir).is_some()
}

/// Does a frozen file or folder exist at `path`?
pub fn exists(path: &str) -> bool {
    let Some(rel) = relative(path) else { return false };
    if read(path).is_some() {
        return true;
    }
    let prefix = format!("{rel}/");
    let i = FROZEN.partition_point(|(p, _)| *p < prefix.as_str());
    FROZEN.get(i).is_some_and(|(p, _)| p.starts_with(&prefix))
}

/// The names of the top-level frozen modules and packages (for `sys.stdlib_module_names`
/// style listings and completion).
pub fn top_level_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = FROZEN.iter().map(|(p, _)| p.split('/').next().unwrap_or(p).trim_end_matches(".py")).collect();
    names.dedup();
    names
}
