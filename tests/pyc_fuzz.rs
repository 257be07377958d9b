//! Property test for the `.pyc` loader: real cache files, damaged (bytes flipped, cut
//! short) and crafted (instructions swapped, replaced, inserted or deleted, operands,
//! exception-table entries and stack sizes changed, all with a valid checksum), are
//! imported by the built `gild`. Each run must end normally or with a Python error —
//! never with a Rust panic (exit status 101, "internal error") or a signal. A file the
//! loader rejects is recompiled from the source, so most runs print the seed's output.
//! Deterministic (xorshift PRNG with a fixed seed); an endless loop in crafted code is
//! legitimate and only costs its run's time limit.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gild::bytecode::marshal::{self, Stamp, HEADER_LEN};
use gild::bytecode::{numbering, CodeObject, Const, ExceptionEntry};

mod common;
use common::Rng;

/// Modules that run most kinds of instruction when imported. They use no name that could
/// touch the file system or the process, whatever a mutation makes them call.
const SEEDS: &[&str] = &[
    r#"
def gen(n):
    for i in range(n):
        try:
            yield i * 2
        except ValueError as e:
            yield str(e)
        finally:
            pass

class Box:
    def __init__(self, v, *rest, k=1, **kw):
        self.v = v
        self.rest = rest
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def total(self):
        return sum([self.v, *self.rest])

def work(a, b=2, *args, c, **kw):
    x, *y, z = [a, b, *args, c]
    d = {**kw, 'a': a}
    s = {v for v in y if v}
    t = tuple(k for k in d)
    try:
        q = a / (b - 2)
    except ZeroDivisionError:
        q = None
    else:
        q = -q
    with Box(a, b) as bx:
        r = bx.total()
    return f"{x!r:>4} {z} {len(d)} {sorted(s)} {t} {q} {r:{3}}"

print(work(1, 2, 3, 4, c=5, e=6))
print(list(gen(3)), [i for i in gen(2) if i])
total = 0
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    total += i ** 2 % 7 << 1 | 3 & ~i ^ 1
print(total, not total, 1 if total > 2 else 0, (total, i)[0] is None)
"#,
    r#"
import sys
def outer():
    v = [1]
    def inner(w=0):
        nonlocal v
        v = v + [w]
        return v
    return inner

f = outer()
print(f(2), f(3))
def shape(p):
    match p:
        case [1, *rest]:
            return ('list', rest)
        case {'k': val, **other}:
            return ('map', val, other)
        case Box(a=0) as b:
            return ('box', b)
        case str() | bytes():
            return 'text'
        case _:
            return None

class Box:
    __match_args__ = ('a',)
    def __init__(self, a):
        self.a = a

print(shape([1, 2, 3]), shape({'k': 4, 'j': 5}), shape(Box(0)) [0], shape('s'), shape(2.5))
try:
    try:
        raise KeyError('x')
    except KeyError as e:
        raise ValueError('y') from e
except Exception as e:
    print(type(e).__name__, type(e.__cause__).__name__)
try:
    raise ExceptionGroup('g', [TypeError(1), ValueError(2)])
except* TypeError as eg:
    print('types', len(eg.exceptions))
except* ValueError:
    print('values')
async def co(x):
    return x + 1
c = co(1)
try:
    c.send(None)
except StopIteration as e:
    print('co', e.value)
data = b'ab' + bytes(2)
print(data[1:3], data[::-1][0], sys.maxsize > 0, 3 in [1, 2, 3], 'a' not in 'bc')
assert len(data) == 4, 'length'
del data
"#,
];

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gild_pyc_fuzz_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("__pycache__")).expect("create scratch dir");
    dir
}

fn cache_file(dir: &Path) -> PathBuf {
    dir.join("__pycache__").join(format!("m.gild-{}.pyc", env!("CARGO_PKG_VERSION").replace('.', "")))
}

/// How many code objects `code` holds, itself included.
fn count_codes(code: &CodeObject) -> usize {
    1 + code.consts.iter().map(|c| if let Const::Code(inner) = c { count_codes(inner) } else { 0 }).sum::<usize>()
}

/// Apply `f` to the `k`-th code object of `code` (pre-order).
fn with_nth(code: &mut CodeObject, k: &mut usize, f: &mut dyn FnMut(&mut CodeObject)) {
    if *k == 0 {
        f(code);
        *k = usize::MAX;
        return;
    }
    *k -= 1;
    for c in code.consts.iter_mut() {
        if *k == usize::MAX {
            return;
        }
        if let Const::Code(inner) = c {
            with_nth(Arc::make_mut(inner), k, f);
        }
    }
}

/// A random value for an operand: usually small (a plausible index or count), sometimes
/// off by one from the original, sometimes huge.
fn operand(rng: &mut Rng, old: u32) -> u32 {
    match rng.below(4) {
        0 => old.wrapping_add(1),
        1 => old.wrapping_sub(1),
        2 => rng.below(6) as u32,
        _ => rng.next() as u32,
    }
}

/// One crafted change to a code object (the result may or may not be valid).
fn mutate_code(rng: &mut Rng, c: &mut CodeObject) {
    let n = c.instrs.len();
    if n == 0 {
        return;
    }
    match rng.below(9) {
        0 => {
            let (a, b) = (rng.below(n), rng.below(n));
            c.instrs.swap(a, b);
        }
        1 | 2 => {
            // Another opcode with the same operand values.
            let at = rng.below(n);
            let (_, ops) = numbering::encode(&c.instrs[at]);
            for _ in 0..20 {
                if let Some(i) = numbering::decode(rng.below(numbering::OPCODES.len()) as u8, ops) {
                    c.instrs[at] = i;
                    break;
                }
            }
        }
        3 | 4 => {
            let at = rng.below(n);
            let (op, mut ops) = numbering::encode(&c.instrs[at]);
            let slot = rng.below(numbering::operand_count(op).max(1));
            ops[slot] = operand(rng, ops[slot]);
            if let Some(i) = numbering::decode(op, ops) {
                c.instrs[at] = i;
            }
        }
        5 => {
            // Insert a copy of another instruction, or delete one.
            let at = rng.below(n);
            if rng.below(2) == 0 {
                let i = c.instrs[rng.below(n)];
                c.instrs.insert(at, i);
                c.positions.insert(at, c.positions[at]);
            } else if n > 1 {
                c.instrs.remove(at);
                c.positions.remove(at);
            }
        }
        6 | 7 => {
            if c.exception_table.is_empty() || rng.below(4) == 0 {
                let start = rng.below(n) as u32;
                let entry = ExceptionEntry {
                    start,
                    end: start + 1,
                    target: rng.below(n) as u32,
                    depth: rng.below(4) as u32,
                    lasti: rng.below(2) == 0,
                };
                c.exception_table.push(entry);
            } else {
                let k = rng.below(c.exception_table.len());
                let e = &mut c.exception_table[k];
                match rng.below(5) {
                    0 => e.depth = operand(rng, e.depth),
                    1 => e.target = rng.below(n + 1) as u32,
                    2 => e.start = rng.below(n + 1) as u32,
                    3 => e.end = rng.below(n + 1) as u32,
                    _ => e.lasti = !e.lasti,
                }
            }
        }
        _ => match rng.below(4) {
            0 => c.max_stack = c.max_stack.saturating_sub(1 + rng.below(2) as u32),
            1 => c.argcount = operand(rng, c.argcount),
            2 => c.flags ^= 1 << rng.below(10),
            _ => c.max_stack = 0,
        },
    }
}

/// The cache file for `valid` damaged in one of several ways.
fn mutate_file(rng: &mut Rng, valid: &[u8], stamp: Stamp) -> Vec<u8> {
    let kind = rng.below(10);
    if kind < 7 {
        let mut code = marshal::loads(valid, stamp).expect("seed cache decodes");
        let total = count_codes(&code);
        for _ in 0..1 + rng.below(3) {
            let mut k = rng.below(total);
            with_nth(&mut code, &mut k, &mut |c| mutate_code(rng, c));
        }
        return marshal::dumps(&code, stamp);
    }
    let mut payload = valid[HEADER_LEN..].to_vec();
    match kind {
        7 => {
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(payload.len());
                payload[at] ^= 1 << rng.below(8);
            }
        }
        8 => payload.truncate(rng.below(payload.len())),
        _ => {
            // Damage without fixing the checksum.
            let mut data = valid.to_vec();
            let at = rng.below(data.len());
            data[at] = data[at].wrapping_add(1 + rng.below(255) as u8);
            return data;
        }
    }
    let mut data = valid[..HEADER_LEN].to_vec();
    data[40..48].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    data[48..56].copy_from_slice(&marshal::fnv1a(&payload).to_le_bytes());
    data.extend_from_slice(&payload);
    data
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    timed_out: bool,
}

/// `gild -c "import m"` in `dir`, killed after `limit`.
fn import_m(dir: &Path, limit: Duration) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gild"))
        .args(["-c", "import m"])
        .current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("PYTHONPATH")
        .env("XDG_CACHE_HOME", dir.join("xdg"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gild");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) if started.elapsed() > limit => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    let code = status.and_then(|s| s.code().or_else(|| std::os::unix::process::ExitStatusExt::signal(&s).map(|sig| -sig)));
    Run { code, stdout: out_reader.join().unwrap_or_default(), stderr: err_reader.join().unwrap_or_default(), timed_out }
}

#[test]
fn damaged_and_crafted_cache_files_never_crash() {
    let dir = scratch();
    let src_path = dir.join("m.py");
    let mtime = std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    // Longer or different runs by hand: GILD_PYC_FUZZ=CASES[,SEED].
    let knob = std::env::var("GILD_PYC_FUZZ").unwrap_or_default();
    let mut knobs = knob.split(',').map(|v| v.trim().parse::<u64>().ok());
    let cases = knobs.next().flatten().unwrap_or(150);
    let mut rng = Rng(knobs.next().flatten().unwrap_or(0x2545_F491_4F6C_DD1D) | 1);
    let mut runs = 0;
    let mut rejected = 0;
    let mut failures = Vec::new();
    for seed in SEEDS {
        std::fs::write(&src_path, seed).unwrap();
        std::fs::File::options().write(true).open(&src_path).unwrap().set_modified(mtime).unwrap();
        let stamp = Stamp::from_metadata(&std::fs::metadata(&src_path).unwrap());
        let code = gild::compiler::compile_file_source(seed.as_bytes(), "m.py", 0).expect("seed compiles");
        let valid = marshal::dumps(&code, stamp);
        std::fs::write(cache_file(&dir), &valid).unwrap();
        let expected = import_m(&dir, Duration::from_secs(20));
        assert_eq!(expected.code, Some(0), "seed failed: {}", expected.stderr);
        for case in 0..cases {
            let data = mutate_file(&mut rng, &valid, stamp);
            std::fs::write(cache_file(&dir), &data).unwrap();
            let r = import_m(&dir, Duration::from_secs(3));
            runs += 1;
            // 70 is gild's status after a Rust panic, 101 Rust's default.
            let crashed = !r.timed_out && (r.code.is_none() || matches!(r.code, Some(70 | 101)) || r.code.is_some_and(|c| c < 0));
            if crashed || r.stderr.contains("internal error") {
                let keep = dir.join(format!("crash_{}_{case}.pyc", failures.len()));
                let _ = std::fs::write(&keep, &data);
                failures.push(format!("case {case}: status {:?}, kept as {}\n{}", r.code, keep.display(), r.stderr));
            }
            if std::fs::read(cache_file(&dir)).ok().as_deref() != Some(&data[..]) {
                rejected += 1;
                assert_eq!(r.stdout, expected.stdout, "case {case}: a rejected cache file must be replaced by the source's code");
            }
        }
    }
    eprintln!("STATS runs {runs} rejected {rejected}");
    assert!(failures.is_empty(), "{} of {runs} runs crashed:\n{}", failures.len(), failures.join("\n"));
    assert!(rejected > runs / 4 && rejected < runs, "{rejected} of {runs} mutated files rejected");
    let _ = std::fs::remove_dir_all(&dir);
}
