//! gild-only checks of the observable GIL (CPython has nothing to diff against):
//! `-X gil-trace=FILE` writes valid Chrome trace-event JSON of the documented shape (checked
//! with python3's `json`), `-X gil-stats` prints its table, `gil.report` renders HTML, and
//! the `gil` module's counters move. Skipped with a message when python3 is absent.

use std::path::PathBuf;
use std::process::Command;

const WORKLOAD: &str = r#"
import threading, time, gil
def burn():
    x = 0
    for i in range(200000):
        x += i
with gil.measure() as m:
    ts = [threading.Thread(target=burn) for _ in range(3)]
    for t in ts:
        t.start()
    time.sleep(0.002)
    for t in ts:
        t.join()
d = m.delta
assert d['acquisitions'] > 0 and d['voluntary_releases'] > 0, d
assert len(d['wait_hist']) == len(d['hold_hist']) == 40
s = gil.stats()
assert s['policy'] == gil.policy() and s['switch_interval'] == 0.005
assert any(t['name'] == 'Thread-1 (burn)' for t in s['threads']), s['threads']
for p in gil.policies():
    gil.set_policy(p)
    assert gil.policy() == p
gil.set_policy('interval')
try:
    gil.set_policy('nope')
except ValueError:
    pass
else:
    raise AssertionError('unknown policy accepted')
print('ok')
"#;

const CHECK_TRACE: &str = r#"
import json, sys
data = json.load(open(sys.argv[1]))
events = data['traceEvents']
names = {e['args']['name'] for e in events if e['ph'] == 'M' and e['name'] == 'thread_name'}
assert 'MainThread' in names and 'Thread-1 (burn)' in names, names
kinds = set()
for e in events:
    assert e['pid'] == 1 and isinstance(e['tid'], int), e
    if e['ph'] == 'X':
        assert e['name'] in ('waiting', 'holding'), e
        assert e['ts'] >= 0 and e['dur'] >= 0, e
        if e['name'] == 'holding':
            assert e['args']['reason'] in ('blocking', 'forced', 'tick', 'exit', 'end'), e
        kinds.add(e['name'])
    elif e['ph'] == 'C':
        assert e['name'] == 'waiting threads' and isinstance(e['args']['waiting'], int), e
        kinds.add('counter')
    elif e['ph'] == 'i':
        assert e['name'] in ('thread start', 'thread exit'), e
        kinds.add(e['name'])
    else:
        assert e['ph'] == 'M', e
assert kinds >= {'waiting', 'holding', 'counter', 'thread start', 'thread exit'}, kinds
print('trace ok')
"#;

fn have_python() -> bool {
    Command::new("python3").arg("-c").arg("pass").status().is_ok_and(|s| s.success())
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gild-gil-observe-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir.join(name)
}

#[test]
fn trace_stats_and_report() {
    if !have_python() {
        eprintln!("python3 not found: skipping the GIL trace check");
        return;
    }
    let gild = env!("CARGO_BIN_EXE_gild");
    let script = tmp("workload.py");
    let trace = tmp("trace.json");
    let html = tmp("report.html");
    std::fs::write(&script, WORKLOAD).expect("write script");
    let out = Command::new(gild)
        .arg("-X")
        .arg(format!("gil-trace={}", trace.display()))
        .arg("-X")
        .arg("gil-stats")
        .arg(&script)
        .output()
        .expect("run gild");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "gild failed:\n{stdout}\n{stderr}");
    assert_eq!(stdout.trim(), "ok");
    assert!(stderr.contains("gild GIL statistics") && stderr.contains("MainThread") && stderr.contains("total"), "{stderr}");

    let check = Command::new("python3").arg("-c").arg(CHECK_TRACE).arg(&trace).output().expect("run python3");
    assert!(check.status.success(), "trace check failed:\n{}", String::from_utf8_lossy(&check.stderr));

    let rep = Command::new(gild).args(["-m", "gil.report"]).arg(&trace).arg("-o").arg(&html).output().expect("run gil.report");
    assert!(rep.status.success(), "gil.report failed: {}", String::from_utf8_lossy(&rep.stderr));
    let page = std::fs::read_to_string(&html).expect("report written");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg") && page.contains("Thread-1 (burn)"));
    let _ = std::fs::remove_dir_all(script.parent().unwrap_or(&script));
}

/// Python threads run one after another reuse one parked OS thread (`runtime::workers`):
/// the ident and native id repeat, but every Python thread has its own counters, serial,
/// name and trace track, and starts with empty thread-local data.
const REUSE: &str = r#"
import threading, _thread, gil
loc = threading.local()
seen = []
def work(i):
    seen.append(getattr(loc, 'x', None))
    loc.x = i
ts = []
for i in range(4):
    t = threading.Thread(target=work, args=(i,), name='reuse-%d' % i)
    t.start()
    t.join()
    ts.append(t)
assert seen == [None] * 4, seen
assert len({t.ident for t in ts}) == 1, [t.ident for t in ts]
assert len({t.native_id for t in ts}) == 1, [t.native_id for t in ts]
mine = [s for s in gil.stats()['threads'] if s['name'].startswith('reuse-')]
assert [s['name'] for s in mine] == ['reuse-0', 'reuse-1', 'reuse-2', 'reuse-3'], mine
assert len({s['serial'] for s in mine}) == 4, mine
for s in mine:
    assert not s['alive'] and s['acquisitions'] >= 1 and s['ident'] == ts[0].ident, s
print('ok')
"#;

/// Run the script `src` (saved as `name`) under gild with `flags`, within 60 s, and check
/// that it succeeds printing `ok`.
fn run_ok(name: &str, src: &str, flags: &[String]) {
    let script = tmp(name);
    std::fs::write(&script, src).expect("write script");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gild"))
        .args(flags)
        .arg(&script)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run gild");
    let t0 = std::time::Instant::now();
    while child.try_wait().expect("wait for gild").is_none() {
        if t0.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{name} did not finish in 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("gild output");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.trim() == "ok", "{name} failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_file(&script);
}

#[test]
fn reused_os_threads_are_new_python_threads() {
    let trace = tmp("reuse.json");
    run_ok("reuse.py", REUSE, &["-X".into(), format!("gil-trace={}", trace.display())]);
    if have_python() {
        let check = r#"
import json, sys
events = json.load(open(sys.argv[1]))['traceEvents']
tracks = {e['args']['name']: e['tid'] for e in events if e['ph'] == 'M' and e['name'] == 'thread_name'}
reuse = [tracks['reuse-%d' % i] for i in range(4)]
assert len(set(reuse)) == 4, tracks
starts = [e['tid'] for e in events if e['ph'] == 'i' and e['name'] == 'thread start']
assert all(starts.count(t) == 1 for t in reuse), starts
"#;
        let c = Command::new("python3").arg("-c").arg(check).arg(&trace).output().expect("run python3");
        assert!(c.status.success(), "trace check failed:\n{}", String::from_utf8_lossy(&c.stderr));
    }
    let _ = std::fs::remove_file(&trace);
}

/// The GIL policy changes while threads sleep, block on locks and spin: waiters that began
/// waiting under one policy (on one condition variable) still get the GIL under the next,
/// and nothing is lost or stuck. Bounded by the test's own timeout on the child.
const SWITCHING: &str = r#"
import threading, time, gil, sys
sys.setswitchinterval(0.0005)
stop = False
counts = [0, 0, 0]
lock = threading.Lock()
def spin(k):
    while not stop:
        counts[k] += 1
def sleeper():
    n = 0
    while not stop:
        time.sleep(0.0002)
        with lock:
            n += 1
    counts[2] = n
ts = [threading.Thread(target=spin, args=(0,)), threading.Thread(target=spin, args=(1,)),
      threading.Thread(target=sleeper)]
for t in ts:
    t.start()
for p in gil.policies() * 3:
    gil.set_policy(p)
    time.sleep(0.01)
stop = True
for t in ts:
    t.join()
assert all(c > 0 for c in counts), counts
print('ok')
"#;

#[test]
fn policy_switches_under_load() {
    run_ok("switching.py", SWITCHING, &[]);
}

/// Under `io-priority`, a CPU-bound thread forced off the GIL for an I/O thread is made
/// `SCHED_BATCH` (policy 3 in `/proc/<tid>/stat`); a blocking call, a forced release under
/// another policy and the end of the Python thread give it `SCHED_OTHER` (0) back.
const SCHED: &str = r#"
import threading, time, gil, sys
sys.setswitchinterval(0.001)
def policy(t):
    with open('/proc/self/task/%d/stat' % t.native_id) as f:
        return int(f.read().rsplit(')', 1)[1].split()[38])
stop = False
phase = [0]
blocked = threading.Event()
go = threading.Event()
def cpu():
    while not stop:
        if phase[0] == 1:
            phase[0] = 2
            blocked.set()
            go.wait()
gil.set_policy('io-priority')
t = threading.Thread(target=cpu)
t.start()
for _ in range(20):
    time.sleep(0.001)
seen = [policy(t)]
phase[0] = 1
blocked.wait()
seen.append(policy(t))
go.set()
for _ in range(20):
    time.sleep(0.001)
seen.append(policy(t))
gil.set_policy('interval')
for _ in range(20):
    time.sleep(0.002)
seen.append(policy(t))
gil.set_policy('io-priority')
for _ in range(20):
    time.sleep(0.001)
seen.append(policy(t))
stop = True
t.join()
# `t` ended as SCHED_BATCH; its OS thread, if reused, starts the next thread on SCHED_OTHER.
# (`ticks` never forces a thread off, so nothing else changes the new thread's policy.)
gil.set_policy('ticks')
stop = False
t2 = threading.Thread(target=cpu)
t2.start()
time.sleep(0.01)
seen.append(policy(t2))
stop = True
t2.join()
assert seen == [3, 0, 3, 0, 3, 0], seen
print('ok')
"#;

#[test]
#[cfg(target_os = "linux")]
fn io_priority_batches_cpu_bound_threads() {
    run_ok("sched.py", SCHED, &[]);
}

/// Threads spin for the GIL (after a drop request, and under `io-priority` after being
/// forced off for an I/O thread) and a release leaves the GIL to a spinner instead of
/// waking a sleeper: with I/O threads, CPU threads and a lock under every policy, every
/// thread keeps getting the GIL and the totals are exact.
const SPINNING: &str = r#"
import threading, time, gil, sys
sys.setswitchinterval(0.0005)
for p in gil.policies():
    gil.set_policy(p)
    stop = False
    lock = threading.Lock()
    total = [0]
    counts = [0] * 6
    def cpu(k):
        while not stop:
            counts[k] += 1
            if counts[k] % 64 == 0:
                with lock:
                    total[0] += 1
    def io(k):
        for _ in range(100):
            time.sleep(0.0001)
            counts[k] += 1
            with lock:
                total[0] += 1
    ts = [threading.Thread(target=cpu, args=(k,)) for k in range(4)]
    ts += [threading.Thread(target=io, args=(k,)) for k in (4, 5)]
    for t in ts:
        t.start()
    for t in ts[4:]:
        t.join()
    stop = True
    for t in ts[:4]:
        t.join()
    assert counts[4] == counts[5] == 100 and all(c > 0 for c in counts[:4]), (p, counts)
    assert total[0] == 200 + sum(c // 64 for c in counts[:4]), (p, total, counts)
print('ok')
"#;

#[test]
fn spinning_waiters_lose_no_wake_up() {
    run_ok("spinning.py", SPINNING, &[]);
}
