//! Differential test of `gild::num` and `gild::text` against CPython: thousands of generated
//! cases are sent to one `python3 tests/tools/num_text_oracle.py` process and every answer
//! is compared with gild's. Skipped (with a message) when `python3` is not available.

#![allow(dead_code)] // helpers for areas still to come

use gild::num::{self, PyErrSpec};
use gild::text;
use num_bigint::BigInt;
use std::io::Write;
use std::process::{Command, Stdio};

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A float from a mix of edge values, "decimal-looking" values and random bit patterns.
    fn float(&mut self) -> f64 {
        match self.below(10) {
            0 => *self.pick(&[
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                f64::MAX,
                f64::MIN_POSITIVE,
                5e-324,
                1.0,
                -1.0,
                0.5,
                2.5,
                -2.5,
                2.675,
                1e22,
                1e16,
                1e15,
                9007199254740993.0,
                0.1,
                1e-5,
                1e-4,
                123456789.0,
                1.5e300,
                -1e-310,
            ]),
            1 | 2 => f64::from_bits(self.next()),
            3 | 4 => {
                let m = self.below(2_000_001) as f64 - 1_000_000.0;
                let e = self.below(25) as i32 - 12;
                m * 10f64.powi(e)
            }
            5 => (self.below(2001) as f64 - 1000.0) / 8.0,
            6 => {
                let m = self.below(100_000) as f64;
                let e = self.below(600) as i32 - 300;
                m * 10f64.powi(e)
            }
            7 => self.below(100) as f64 - 50.0,
            _ => {
                let x = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
                let e = self.below(80) as i32 - 40;
                if self.chance(50) {
                    -x * 2f64.powi(e)
                } else {
                    x * 2f64.powi(e)
                }
            }
        }
    }

    fn bigint(&mut self) -> BigInt {
        match self.below(6) {
            0 => BigInt::from(self.below(20) as i64 - 10),
            1 => BigInt::from(self.next() as i64),
            2 => {
                let mut v = BigInt::from(self.next());
                for _ in 0..self.below(6) {
                    v = v * BigInt::from(self.next()) + BigInt::from(self.next());
                }
                if self.chance(50) {
                    -v
                } else {
                    v
                }
            }
            3 => BigInt::from(1) << self.below(200) as usize,
            4 => -(BigInt::from(1) << self.below(200) as usize),
            _ => BigInt::from(self.below(100_000) as i64 - 50_000),
        }
    }
}

// ---- the tagged encoding shared with the oracle ----

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
fn a_f(x: f64) -> String {
    format!("f:{}", x.to_bits())
}
fn a_i(x: &BigInt) -> String {
    format!("i:{x}")
}
fn a_n(x: i64) -> String {
    format!("i:{x}")
}
fn a_s(s: &str) -> String {
    format!("s:{}", hex(s.as_bytes()))
}
fn a_b(b: &[u8]) -> String {
    format!("b:{}", hex(b))
}
fn a_bool(b: bool) -> String {
    format!("B:{}", b as u8)
}
fn r_f(x: f64) -> String {
    if x.is_nan() {
        "f:nan".into()
    } else {
        a_f(x)
    }
}
fn r_err(e: &PyErrSpec) -> String {
    format!("E:{}:{}", e.kind.name(), hex(e.msg.as_bytes()))
}
fn r_res<T>(r: Result<T, PyErrSpec>, f: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => r_err(&e),
    }
}

struct Suite {
    cases: Vec<(String, String)>,
}

impl Suite {
    fn add(&mut self, op: &str, args: &[String], got: String) {
        let mut line = op.to_string();
        for a in args {
            line.push('\t');
            line.push_str(a);
        }
        self.cases.push((line, got));
    }
}

fn decode_for_display(s: &str) -> String {
    // Show s:/b: payloads as text to make failures readable.
    let mut out = String::new();
    for part in s.split('\t') {
        if let Some(h) = part.strip_prefix("s:").or_else(|| part.strip_prefix("b:")) {
            let bytes: Vec<u8> = (0..h.len() / 2)
                .filter_map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
                .collect();
            out.push_str(&format!("{:?} ", String::from_utf8_lossy(&bytes)));
        } else if let Some((kind, h)) = part.strip_prefix("E:").and_then(|p| p.split_once(':')) {
            let bytes: Vec<u8> = (0..h.len() / 2)
                .filter_map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
                .collect();
            out.push_str(&format!("{kind}({:?}) ", String::from_utf8_lossy(&bytes)));
        } else if let Some(bits) = part.strip_prefix("f:").and_then(|b| b.parse::<u64>().ok()) {
            out.push_str(&format!("{:?} ", f64::from_bits(bits)));
        } else {
            out.push_str(part);
            out.push(' ');
        }
    }
    out
}

// ---- case generators, one per area ----

fn repr_cases(s: &mut Suite, rng: &mut Rng) {
    for _ in 0..3000 {
        let x = rng.float();
        s.add("float_repr", &[a_f(x)], a_s(&num::float_repr(x)));
    }
    for _ in 0..500 {
        let (re, im) = (rng.float(), rng.float());
        s.add(
            "complex_repr",
            &[a_f(re), a_f(im)],
            a_s(&num::complex_repr(re, im)),
        );
    }
    let alphabet = [
        "a",
        "'",
        "\"",
        "\\",
        "\n",
        "\t",
        "\r",
        "\x00",
        "\x7f",
        "é",
        "\u{a0}",
        "\u{ad}",
        "\u{2028}",
        "€",
        "😀",
        "\u{e000}",
        "\u{10ffff}",
        "\u{378}",
        " ",
        "\u{3000}",
        "ß",
        "Z",
        "\u{1f}",
        "\u{85}",
        "\u{200b}",
        "\u{fff9}",
    ];
    for _ in 0..1000 {
        let n = rng.below(6);
        let st: String = (0..n).map(|_| *rng.pick(&alphabet)).collect();
        s.add("str_repr", &[a_s(&st)], a_s(&text::str_repr(&st)));
        s.add("str_ascii", &[a_s(&st)], a_s(&text::str_ascii(&st)));
        let b: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        let b2: Vec<u8> = st.bytes().collect();
        s.add("bytes_repr", &[a_b(&b)], a_s(&text::bytes_repr(&b)));
        s.add("bytes_repr", &[a_b(&b2)], a_s(&text::bytes_repr(&b2)));
    }
    // Every code point's printability, through repr of blocks of characters.
    let mut cp = 0u32;
    while cp < 0x110000 {
        let st: String = (cp..cp + 256).filter_map(char::from_u32).collect();
        s.add("str_repr", &[a_s(&st)], a_s(&text::str_repr(&st)));
        cp += 256;
    }
}

#[test]
fn differential_against_cpython() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut suite = Suite { cases: Vec::new() };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    repr_cases(&mut suite, &mut rng);

    let child = Command::new("python3")
        .arg(format!("{root}/tests/tools/num_text_oracle.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("skipping differential test: cannot run python3 ({e})");
            return;
        }
    };
    let mut input = String::new();
    for (line, _) in &suite.cases {
        input.push_str(line);
        input.push('\n');
    }
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        stdin.write_all(input.as_bytes()).expect("write cases");
    });
    let output = child.wait_with_output().expect("oracle output");
    writer.join().expect("writer");
    assert!(output.status.success(), "oracle failed");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let want: Vec<&str> = text.lines().collect();
    assert_eq!(want.len(), suite.cases.len(), "oracle answered every case");
    let mut failures = 0;
    for ((line, got), want) in suite.cases.iter().zip(want) {
        if got != want {
            failures += 1;
            if failures <= 40 {
                eprintln!(
                    "MISMATCH {}\n   gild:    {}\n   cpython: {}",
                    decode_for_display(line),
                    decode_for_display(got),
                    decode_for_display(want)
                );
            }
        }
    }
    eprintln!(
        "{} differential cases, {} mismatches",
        suite.cases.len(),
        failures
    );
    assert_eq!(failures, 0);
}
