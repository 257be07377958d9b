//! Real-corpus test: every `.py` file of CPython's stdlib (site-packages excluded; set
//! `GILD_CORPUS_SITE_PACKAGES=1` to include it, or `GILD_CORPUS_DIR` to use another tree)
//! must dump exactly as `ast.dump(ast.parse(source))` does in CPython. Files CPython itself
//! cannot parse are skipped. Skipped with a message when python3 is absent.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn collect(dir: &Path, site: bool, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            if !site && p.file_name().is_some_and(|n| n == "site-packages") {
                continue;
            }
            collect(&p, site, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn stdlib_dir() -> Option<PathBuf> {
    if let Ok(d) = std::env::var("GILD_CORPUS_DIR") {
        return Some(PathBuf::from(d));
    }
    let out = Command::new("python3").args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let d = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    d.is_dir().then_some(d)
}

/// Run the helper and return (path, Some(dump) | None when CPython rejects the file).
fn cpython_dumps(files: &[PathBuf]) -> Option<Vec<(String, Option<Vec<u8>>)>> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/ast_dump_corpus.py");
    let mut child = Command::new("python3").arg(tool).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    let list: String = files.iter().map(|p| format!("{}\n", p.display())).collect();
    let mut stdin = child.stdin.take()?;
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(list.as_bytes());
    });
    let mut buf = Vec::new();
    child.stdout.take()?.read_to_end(&mut buf).ok()?;
    let _ = writer.join();
    child.wait().ok()?;
    let mut res = Vec::new();
    let mut i = 0;
    while i < buf.len() {
        let nl = buf[i..].iter().position(|&b| b == b'\n')? + i;
        let header = std::str::from_utf8(&buf[i..nl]).ok()?;
        let (a, b) = header.split_once(' ')?;
        let plen: usize = a.parse().ok()?;
        let dlen: i64 = b.parse().ok()?;
        i = nl + 1;
        let path = String::from_utf8_lossy(&buf[i..i + plen]).to_string();
        i += plen;
        let dump = if dlen < 0 {
            None
        } else {
            let d = buf[i..i + dlen as usize].to_vec();
            i += dlen as usize;
            Some(d)
        };
        res.push((path, dump));
    }
    Some(res)
}

#[test]
fn stdlib_corpus_dumps_like_cpython() {
    let Some(dir) = stdlib_dir() else {
        println!("skipped: python3 or its stdlib directory is not available");
        return;
    };
    let site = std::env::var("GILD_CORPUS_SITE_PACKAGES").is_ok();
    let mut files = Vec::new();
    collect(&dir, site, &mut files);
    files.sort();
    let t0 = std::time::Instant::now();
    // CPython's dumps are produced while gild's are (two cores: one each).
    let files2 = files.clone();
    let gild_thread = std::thread::spawn(move || {
        files2
            .iter()
            .map(|p| {
                let src = std::fs::read(p).unwrap_or_default();
                let name = p.display().to_string();
                let r = std::thread::Builder::new()
                    .stack_size(16 << 20)
                    .spawn(move || match gild::syntax::parse_bytes(&src, gild::syntax::Mode::Exec, &name) {
                        Ok(m) => Ok(gild::syntax::dump(&m)),
                        Err(e) => Err(format!("{}: {} (line {}, offset {})", e.kind.class_name(), e.msg, e.lineno, e.offset)),
                    })
                    .ok()
                    .and_then(|h| h.join().ok())
                    .unwrap_or_else(|| Err("panic".into()));
                r
            })
            .collect::<Vec<_>>()
    });
    let Some(cp) = cpython_dumps(&files) else {
        println!("skipped: could not run the CPython helper");
        return;
    };
    let ours = gild_thread.join().expect("gild parsing thread");
    let mut total = 0;
    let mut parsed = 0;
    let mut same = 0;
    let mut bad: Vec<String> = Vec::new();
    for ((path, want), got) in cp.iter().zip(ours.iter()) {
        let Some(want) = want else { continue };
        total += 1;
        match got {
            Ok(d) => {
                parsed += 1;
                if d.as_bytes() == &want[..] {
                    same += 1;
                } else {
                    let at = d.bytes().zip(want.iter()).position(|(a, b)| a != *b).unwrap_or(d.len().min(want.len()));
                    let lo = at.saturating_sub(80);
                    let show = |s: &[u8]| String::from_utf8_lossy(&s[lo.min(s.len())..(at + 80).min(s.len())]).to_string();
                    bad.push(format!("{path}: dump differs at byte {at}\n   gild:    {}\n   cpython: {}", show(d.as_bytes()), show(want)));
                }
            }
            Err(e) => bad.push(format!("{path}: {e}")),
        }
    }
    println!("corpus: {total} files CPython parses; gild parsed {parsed}, dumped identically {same} ({:.1}s)", t0.elapsed().as_secs_f64());
    for b in bad.iter().take(30) {
        println!("{b}");
    }
    assert!(bad.is_empty(), "{} of {total} files differ", bad.len());
}
