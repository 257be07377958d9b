//! The interactive prompt driven through a pseudo-terminal, as a person types: results
//! and `_`, Tab completion of names and attributes, Ctrl-C cancelling a line, a
//! traceback that does not end the session, multi-line blocks, `help()`, history saved to
//! `$HOME/.gild_history`, Ctrl-D leaving with status 0. Each step waits at most a few
//! seconds for the text it expects, so a hang fails the test instead of blocking CI.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Pty {
    master: std::fs::File,
    child: Child,
    seen: String,
}

impl Pty {
    fn spawn(args: &[&str], home: &std::path::Path) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize { ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0 };
        // SAFETY: openpty writes two new descriptors into the out-pointers.
        let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
        assert_eq!(rc, 0, "openpty failed");
        // SAFETY: both descriptors were just created and are owned here.
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let stdio = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup pty"));
        let child = Command::new(env!("CARGO_BIN_EXE_gild"))
            .args(args)
            .env("HOME", home)
            .env("TERM", "xterm")
            .env_remove("GILD_HISTORY")
            .stdin(stdio(&slave))
            .stdout(stdio(&slave))
            .stderr(stdio(&slave))
            .spawn()
            .expect("spawn gild");
        drop(slave);
        let master = std::fs::File::from(master);
        // SAFETY: sets O_NONBLOCK on a descriptor we own.
        unsafe {
            let fd = std::os::fd::AsRawFd::as_raw_fd(&master);
            libc::fcntl(fd, libc::F_SETFL, libc::fcntl(fd, libc::F_GETFL) | libc::O_NONBLOCK);
        }
        Pty { master, child, seen: String::new() }
    }

    fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).expect("write to pty");
    }

    /// Read until `want` has appeared after everything already consumed; returns the
    /// text read up to it.
    fn expect(&mut self, want: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut buf = [0u8; 4096];
        loop {
            if let Some(i) = self.seen.find(want) {
                let upto = self.seen[..i + want.len()].to_string();
                self.seen.drain(..i + want.len());
                return upto;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {want:?}; screen so far: {:?}", self.seen);
            match self.master.read(&mut buf) {
                Ok(0) => std::thread::sleep(Duration::from_millis(20)),
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(Duration::from_millis(20)),
                // EIO: the child closed the terminal.
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    fn wait(mut self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("gild did not exit; screen: {:?}", self.seen);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn scratch_home(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gild_repl_{name}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create home");
    dir
}

/// Type `keys` at the prompt; wait for `want`, then for the next prompt (keys typed
/// before the prompt appears could be discarded when the editor takes the terminal).
fn step(t: &mut Pty, keys: &str, want: &str) {
    t.send(keys);
    t.expect(want);
    t.expect(">>> ");
}

#[test]
fn interactive_session() {
    let home = scratch_home("session");
    let mut t = Pty::spawn(&["-q"], &home);
    t.expect(">>> ");
    step(&mut t, "6*7\r", "42\r\n");
    step(&mut t, "_ + 1\r", "43\r\n");
    step(&mut t, "value = 5\r", "\n");
    // Name completion: a unique prefix completes, with "(" for a callable.
    step(&mut t, "valu\t\r", "5\r\n");
    step(&mut t, "pri\t'done')\r", "done\r\n");
    // Attribute completion after a dot.
    t.send("class K:\r");
    t.expect("... ");
    t.send("    counter = 3\r");
    t.expect("... ");
    step(&mut t, "\r", "\n");
    step(&mut t, "K.coun\t\r", "3\r\n");
    // Ctrl-C abandons the line being typed.
    t.send("this is not run");
    t.expect("not run");
    step(&mut t, "\x03", "KeyboardInterrupt");
    // An exception prints a traceback and the session goes on.
    step(&mut t, "1/0\r", "ZeroDivisionError: division by zero");
    t.send("def f(x):\r");
    t.expect("... ");
    t.send("    return x + 1\r");
    t.expect("... ");
    step(&mut t, "\r", "\n");
    step(&mut t, "f(value)\r", "6\r\n");
    step(&mut t, "help(f)\r", "f(x)\r\n");
    t.send("\x04");
    assert_eq!(t.wait(), 0);
    let history = std::fs::read_to_string(home.join(".gild_history")).expect("history saved");
    assert!(history.contains("6*7") && history.contains("f(value)"), "history: {history:?}");
    // The next session starts with that history: Up recalls earlier lines.
    let mut t = Pty::spawn(&["-q"], &home);
    t.expect(">>> ");
    step(&mut t, "value = 9\r", "\n");
    step(&mut t, "f = lambda x: x * 100\r", "\n");
    step(&mut t, "\x1b[A\x1b[A\x1b[A\x1b[A\r", "900\r\n");
    t.send("exit()\r");
    assert_eq!(t.wait(), 0);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn exit_status_and_inspect_after_script() {
    let home = scratch_home("inspect");
    let script = home.join("s.py");
    std::fs::write(&script, "answer = 41\n").unwrap();
    let mut t = Pty::spawn(&["-i", script.to_str().unwrap()], &home);
    t.expect(">>> ");
    t.send("answer + 1\r");
    t.expect("42\r\n");
    t.send("raise SystemExit(3)\r");
    assert_eq!(t.wait(), 3);
    let _ = std::fs::remove_dir_all(&home);
}
