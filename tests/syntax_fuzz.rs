//! Property test for the front end: random bytes, truncations and mutations of real source
//! must give `Ok` or a `SyntaxError`, never a panic or a stack overflow. Deterministic
//! (xorshift PRNG with a fixed seed) and bounded in time.

use gild::syntax::{dump, parse_bytes, Mode};
use std::time::{Duration, Instant};

mod common;
use common::Rng;

const SEED_SOURCES: &[&str] = &[
    "def f(a, /, b=1, *c, d, **e) -> int:\n    return [x async for x in y if x] + {k: v for k, v in z}\n",
    "class A(B, metaclass=M):\n    @dec\n    async def g(self):\n        await x\n        yield from y\n",
    "match p:\n    case [1, *r] | {'a': 1, **kw} if r:\n        pass\n    case P(x=0) as q:\n        pass\n",
    "x = f'{a!r:>{w}} {b=}' b'\\x00' rb'\\d'\ntry:\n    pass\nexcept* E as e:\n    raise X from e\nfinally:\n    del a[1:2, ::3]\n",
    "with (open(a) as f, open(b) as g):\n    x: int = lambda *a, k=1, **kw: (yield)\n    print(*a, sep='', **k)\n",
    "if a:\n\tpass\nelif b:\n    pass\nelse:\n  while not a is not b <= c: break\n",
    "s = '''multi\nline''' + \"\\N{BULLET}\" + u'x' \\\n    + 0x_ff + 1_0.5e3j\n",
];

const FRAGMENTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", "f'{", "}'", "\"\"\"", "'''", "\\", "\\\n", "\t", "    ", "\n", ":", "=", ":=", "*", "**", "lambda",
    "not ", "-", "if ", "else ", "match ", "case ", "_", "async ", "await ", "yield ", "\u{20ac}", "\u{a0}", "0x", "1_", "0777", "#", ";",
    ",", ".", "...", "!r", "\r", "\0", "\u{feff}",
];

fn check(src: &[u8]) {
    let owned = src.to_vec();
    // gild's main thread has 8 MiB of stack; test threads only 2 MiB.
    let h = std::thread::Builder::new().stack_size(8 << 20).spawn(move || check_inner(&owned)).expect("spawn");
    if h.join().is_err() {
        panic!("front end panicked on input {:?}", String::from_utf8_lossy(src));
    }
}

fn check_inner(src: &[u8]) {
    let r = std::panic::catch_unwind(|| {
        if let Ok(m) = parse_bytes(src, Mode::Exec, "<fuzz>") {
            let _ = dump(&m);
        }
        if let Ok(s) = std::str::from_utf8(src) {
            let _ = gild::syntax::parse_str(s, Mode::Eval, "<fuzz>");
            let _ = gild::syntax::tokenize(s);
        }
    });
    if r.is_err() {
        panic!("front end panicked on input {:?}", String::from_utf8_lossy(src));
    }
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut seeds: Vec<Vec<u8>> = SEED_SOURCES.iter().map(|s| s.as_bytes().to_vec()).collect();
    // Real files from the repository's own script tests, when present.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/syntax");
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten().take(40) {
            if e.path().extension().is_some_and(|x| x == "py") {
                if let Ok(b) = std::fs::read(e.path()) {
                    if b.len() < 20_000 {
                        seeds.push(b);
                    }
                }
            }
        }
    }
    let deadline = Instant::now() + Duration::from_secs(4);
    let mut n = 0;
    while Instant::now() < deadline {
        let base = &seeds[rng.below(seeds.len())];
        let mut s = base.clone();
        match rng.below(5) {
            0 => {
                // random bytes
                let len = rng.below(64);
                s = (0..len).map(|_| rng.next() as u8).collect();
            }
            1 => s.truncate(rng.below(s.len() + 1)),
            _ => {
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(s.len() + 1);
                    match rng.below(3) {
                        0 => {
                            let f = FRAGMENTS[rng.below(FRAGMENTS.len())];
                            s.splice(at..at, f.bytes());
                        }
                        1 if at < s.len() => {
                            s.remove(at);
                        }
                        _ if at < s.len() => s[at] = rng.next() as u8,
                        _ => {}
                    }
                }
            }
        }
        check(&s);
        n += 1;
    }
    // Deep nesting of every kind.
    for (pre, mid, post) in [
        ("(", "1", ")"),
        ("[", "1", "]"),
        ("-", "1", ""),
        ("not ", "1", ""),
        ("lambda:", "1", ""),
        ("f'{", "1", "}'"),
        ("x if y else ", "1", ""),
        ("a**", "1", ""),
        ("{1:", "1", "}"),
    ] {
        for depth in [10usize, 150, 250, 3000, 100_000] {
            let src = format!("{}{}{}\n", pre.repeat(depth), mid, post.repeat(depth));
            check(src.as_bytes());
        }
    }
    let mut deep_if = String::new();
    for i in 0..200 {
        deep_if.push_str(&" ".repeat(i));
        deep_if.push_str("if x:\n");
    }
    deep_if.push_str(&" ".repeat(200));
    deep_if.push_str("pass\n");
    check(deep_if.as_bytes());
    check(format!("x{}\n", ".a".repeat(200_000)).as_bytes());
    check(format!("1{}\n", "+1".repeat(200_000)).as_bytes());
    assert!(n > 100, "only {n} inputs in the time budget");
}
