//! `os.path` (the `posixpath` module), implemented natively: pure path manipulation
//! (`join`, `split`, `splitext`, `dirname`, `basename`, `normpath`, `abspath`, `relpath`,
//! `commonprefix`, `commonpath`, `expanduser`, `expandvars`, `realpath`) following
//! CPython's `posixpath.py` step for step, and the file tests (`exists`, `isfile`,
//! `isdir`, `islink`, `getsize`, `getmtime`, ...). Paths are handled as bytes internally
//! (UTF-8 for `str`; every separator is ASCII), and results have the argument's type.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use crate::objects::function::native;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, module, str::new_bytes, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{iter, Args, PyErr, PyResult};
use crate::vm::Vm;

use super::os::{fspath, path_arg, stat_path, PathKinds};

/// A path argument as bytes, and whether it was `bytes`.
fn text(vm: &Vm, v: &Value) -> PyResult<(Vec<u8>, bool)> {
    let p = fspath(vm, v)?;
    Ok(match p.payload() {
        Some(crate::objects::Payload::Bytes(b)) => (b.to_vec(), true),
        _ => (p.as_str().map(|s| s.as_str().as_bytes().to_vec()).unwrap_or_default(), false),
    })
}

fn out(b: &[u8], is_bytes: bool) -> Value {
    if is_bytes {
        new_bytes(b.to_vec())
    } else {
        Value::new_str(String::from_utf8_lossy(b).into_owned())
    }
}

fn one<'a>(args: &Args<'a>, fname: &str) -> PyResult<&'a Value> {
    args.no_kwargs(fname)?;
    let pos = args.pos();
    match pos.len() {
        1 => Ok(&pos[0]),
        0 => Err(PyErr::type_error(format!("{fname}() missing 1 required positional argument: 'p'"))),
        n => Err(PyErr::type_error(format!("{fname}() takes 1 positional argument but {n} were given"))),
    }
}

fn rfind(p: &[u8], c: u8) -> Option<usize> {
    p.iter().rposition(|&x| x == c)
}

fn rstrip_sep(p: &[u8]) -> &[u8] {
    let end = p.iter().rposition(|&c| c != b'/').map_or(0, |i| i + 1);
    &p[..end]
}

/// `split(p)` over bytes: `(head, tail)`.
pub fn split_bytes(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let i = rfind(p, b'/').map_or(0, |i| i + 1);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.iter().any(|&c| c != b'/') { rstrip_sep(head) } else { head };
    (head.to_vec(), tail.to_vec())
}

fn splitext_bytes(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let sep = rfind(p, b'/').map_or(-1, |i| i as isize);
    let dot = rfind(p, b'.').map_or(-1, |i| i as isize);
    if dot > sep {
        let mut i = (sep + 1) as usize;
        while (i as isize) < dot {
            if p[i] != b'.' {
                let d = dot as usize;
                return (p[..d].to_vec(), p[d..].to_vec());
            }
            i += 1;
        }
    }
    (p.to_vec(), Vec::new())
}

/// `normpath` over bytes.
pub fn normpath_bytes(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b".".to_vec();
    }
    let mut initial = if p.starts_with(b"/") { 1 } else { 0 };
    if initial == 1 && p.starts_with(b"//") && !p.starts_with(b"///") {
        initial = 2;
    }
    let mut comps: Vec<&[u8]> = Vec::new();
    for comp in p.split(|&c| c == b'/') {
        if comp.is_empty() || comp == b"." {
            continue;
        }
        if comp != b".." || (initial == 0 && comps.is_empty()) || comps.last().is_some_and(|c| *c == b"..") {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut r = vec![b'/'; initial];
    r.extend_from_slice(&comps.join(&b'/'));
    if r.is_empty() {
        r.push(b'.');
    }
    r
}

fn join_bytes(a: &[u8], rest: &[Vec<u8>]) -> Vec<u8> {
    let mut path = a.to_vec();
    for b in rest {
        if b.starts_with(b"/") {
            path = b.clone();
        } else if path.is_empty() || path.ends_with(b"/") {
            path.extend_from_slice(b);
        } else {
            path.push(b'/');
            path.extend_from_slice(b);
        }
    }
    path
}

fn cwd_bytes() -> PyResult<Vec<u8>> {
    std::env::current_dir().map(|p| p.as_os_str().as_bytes().to_vec()).map_err(|e| super::os_error::from_io(&e, None))
}

fn abspath_bytes(p: &[u8]) -> PyResult<Vec<u8>> {
    if p.starts_with(b"/") {
        return Ok(normpath_bytes(p));
    }
    Ok(normpath_bytes(&join_bytes(&cwd_bytes()?, &[p.to_vec()])))
}

/// `join(a, *p)`.
fn pp_join(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("join")?;
    let pos = args.pos();
    let Some(first) = pos.first() else {
        return Err(PyErr::type_error("join() missing 1 required positional argument: 'a'"));
    };
    let (a, is_bytes) = text(vm, first)?;
    let mut rest = Vec::new();
    for v in &pos[1..] {
        match text(vm, v) {
            Ok((b, kind)) if kind == is_bytes => rest.push(b),
            Ok(_) => return Err(PyErr::type_error("Can't mix strings and bytes in path components")),
            Err(e) if e.is("TypeError") => {
                return Err(PyErr::type_error(format!("join() argument must be str, bytes, or os.PathLike object, not '{}'", type_name(v))))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out(&join_bytes(&a, &rest), is_bytes))
}

fn pp_split(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, b) = text(vm, one(&args, "split")?)?;
    let (h, t) = split_bytes(&p);
    Ok(Value::new_tuple(vec![out(&h, b), out(&t, b)]))
}

fn pp_splitext(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, b) = text(vm, one(&args, "splitext")?)?;
    let (root, ext) = splitext_bytes(&p);
    Ok(Value::new_tuple(vec![out(&root, b), out(&ext, b)]))
}

fn pp_splitdrive(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, b) = text(vm, one(&args, "splitdrive")?)?;
    Ok(Value::new_tuple(vec![out(b"", b), out(&p, b)]))
}

fn pp_basename(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, b) = text(vm, one(&args, "basename")?)?;
    let i = rfind(&p, b'/').map_or(0, |i| i + 1);
    Ok(out(&p[i..], b))
}

fn pp_dirname(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, b) = text(vm, one(&args, "dirname")?)?;
    Ok(out(&split_bytes(&p).0, b))
}

fn pp_isabs(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, _) = text(vm, one(&args, "isabs")?)?;
    Ok(Value::Bool(p.starts_with(b"/")))
}

fn pp_normcase(vm: &Vm, args: Args) -> PyResult<Value> {
    fspath(vm, one(&args, "normcase")?)
}

fn pp_normpath(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, b) = text(vm, one(&args, "normpath")?)?;
    Ok(out(&normpath_bytes(&p), b))
}

fn pp_abspath(vm: &Vm, args: Args) -> PyResult<Value> {
    let (p, b) = text(vm, one(&args, "abspath")?)?;
    Ok(out(&abspath_bytes(&p)?, b))
}

fn pp_relpath(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = super::os::params(&args, "relpath", &["path", "start"], 2, 1)?;
    let path = p[0].unwrap_or(&Value::None);
    if !crate::runtime::ops::truthy(vm, path)? {
        return Err(PyErr::value_error("no path specified"));
    }
    let (path, is_bytes) = text(vm, path)?;
    let start = match p[1] {
        None | Some(Value::None) => b".".to_vec(),
        Some(s) => {
            let (s, kind) = text(vm, s)?;
            if kind != is_bytes {
                return Err(PyErr::type_error("Can't mix strings and bytes in path components"));
            }
            s
        }
    };
    let parts = |p: &[u8]| -> PyResult<Vec<Vec<u8>>> {
        Ok(abspath_bytes(p)?.split(|&c| c == b'/').filter(|c| !c.is_empty()).map(|c| c.to_vec()).collect())
    };
    let (s, t) = (parts(&start)?, parts(&path)?);
    let common = s.iter().zip(t.iter()).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<Vec<u8>> = vec![b"..".to_vec(); s.len() - common];
    rel.extend(t[common..].iter().cloned());
    if rel.is_empty() {
        return Ok(out(b".", is_bytes));
    }
    Ok(out(&join_bytes(&rel[0], &rel[1..]), is_bytes))
}

fn pp_commonprefix(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = iter::collect(vm, one(&args, "commonprefix")?)?;
    if m.is_empty() {
        return Ok(Value::new_str(""));
    }
    let mut items = Vec::new();
    let mut is_bytes = false;
    for v in &m {
        let (p, b) = text(vm, v)?;
        is_bytes = b;
        items.push(p);
    }
    if is_bytes {
        let first = &items[0];
        let n = items.iter().map(|p| first.iter().zip(p).take_while(|(a, b)| a == b).count()).min().unwrap_or(0);
        return Ok(out(&first[..n], true));
    }
    // Compare characters, not bytes, so a prefix never ends inside a character.
    let strs: Vec<String> = items.iter().map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    let first: Vec<char> = strs[0].chars().collect();
    let n = strs.iter().map(|s| first.iter().zip(s.chars()).take_while(|(a, b)| **a == *b).count()).min().unwrap_or(0);
    Ok(Value::new_str(first[..n].iter().collect::<String>()))
}

fn pp_commonpath(vm: &Vm, args: Args) -> PyResult<Value> {
    let m = iter::collect(vm, one(&args, "commonpath")?)?;
    if m.is_empty() {
        return Err(PyErr::value_error("commonpath() arg is an empty sequence"));
    }
    let mut paths = Vec::new();
    let mut kind = None;
    for v in &m {
        let (p, b) = text(vm, v)?;
        if kind.is_some_and(|k| k != b) {
            return Err(PyErr::type_error("Can't mix strings and bytes in path components"));
        }
        kind = Some(b);
        paths.push(p);
    }
    let is_bytes = kind.unwrap_or(false);
    let abs: Vec<bool> = paths.iter().map(|p| p.starts_with(b"/")).collect();
    if abs.iter().any(|&a| a != abs[0]) {
        return Err(PyErr::value_error("Can't mix absolute and relative paths"));
    }
    let split: Vec<Vec<&[u8]>> = paths.iter().map(|p| p.split(|&c| c == b'/').filter(|c| !c.is_empty() && *c != b".").collect()).collect();
    let (s1, s2) = (split.iter().min().cloned().unwrap_or_default(), split.iter().max().cloned().unwrap_or_default());
    let n = s1.iter().zip(s2.iter()).take_while(|(a, b)| a == b).count();
    let mut r = if abs[0] { b"/".to_vec() } else { Vec::new() };
    r.extend_from_slice(&s1[..n].join(&b'/'));
    Ok(out(&r, is_bytes))
}

/// The home directory of `user` (the current user when `None`) from the password database.
fn home_of(user: Option<&[u8]>) -> Option<Vec<u8>> {
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 16384];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer refers to a live local buffer of the stated size; the returned
    // `pw_dir` points into `buf`, which outlives its use below.
    unsafe {
        let rc = match user {
            Some(name) => {
                let c = std::ffi::CString::new(name.to_vec()).ok()?;
                libc::getpwnam_r(c.as_ptr(), &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result)
            }
            None => libc::getpwuid_r(libc::getuid(), &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result),
        };
        if rc != 0 || result.is_null() || pwd.pw_dir.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr(pwd.pw_dir).to_bytes().to_vec())
    }
}

fn pp_expanduser(vm: &Vm, args: Args) -> PyResult<Value> {
    let orig = one(&args, "expanduser")?;
    let (p, b) = text(vm, orig)?;
    if !p.starts_with(b"~") {
        return fspath(vm, orig);
    }
    let i = p[1..].iter().position(|&c| c == b'/').map_or(p.len(), |i| i + 1);
    let home = if i == 1 {
        match std::env::var_os("HOME") {
            Some(h) => Some(h.as_bytes().to_vec()),
            None => home_of(None),
        }
    } else {
        home_of(Some(&p[1..i]))
    };
    let Some(home) = home else {
        return fspath(vm, orig);
    };
    let mut r = rstrip_sep(&home).to_vec();
    r.extend_from_slice(&p[i..]);
    if r.is_empty() {
        r.push(b'/');
    }
    Ok(out(&r, b))
}

/// `expandvars`: `$name` and `${name}` (ASCII word characters) from the environment;
/// unknown variables are left as they are.
fn pp_expandvars(vm: &Vm, args: Args) -> PyResult<Value> {
    let orig = one(&args, "expandvars")?;
    let (p, b) = text(vm, orig)?;
    if !p.contains(&b'$') {
        return fspath(vm, orig);
    }
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut r = Vec::new();
    let mut i = 0;
    while i < p.len() {
        if p[i] == b'$' {
            let (name, end) = if p.get(i + 1) == Some(&b'{') {
                match p[i + 2..].iter().position(|&c| c == b'}') {
                    Some(j) => (&p[i + 2..i + 2 + j], i + 3 + j),
                    None => (&p[0..0], i + 1),
                }
            } else {
                let n = p[i + 1..].iter().take_while(|&&c| is_word(c)).count();
                (&p[i + 1..i + 1 + n], i + 1 + n)
            };
            if !name.is_empty() {
                if let Some(v) = std::env::var_os(OsStr::from_bytes(name)) {
                    r.extend_from_slice(v.as_bytes());
                    i = end;
                    continue;
                }
                r.extend_from_slice(&p[i..end]);
                i = end;
                continue;
            }
        }
        r.push(p[i]);
        i += 1;
    }
    Ok(out(&r, b))
}

/// `realpath(path, *, strict=False)`: resolve symbolic links component by component;
/// components that do not exist are kept as they are.
fn pp_realpath(vm: &Vm, args: Args) -> PyResult<Value> {
    let p = super::os::params(&args, "realpath", &["filename", "strict"], 1, 1)?;
    let (path, b) = text(vm, p[0].unwrap_or(&Value::None))?;
    let mut resolved = if path.starts_with(b"/") { b"/".to_vec() } else { cwd_bytes()? };
    let mut pending: Vec<Vec<u8>> = path.split(|&c| c == b'/').rev().map(|c| c.to_vec()).collect();
    let mut hops = 0;
    while let Some(comp) = pending.pop() {
        if comp.is_empty() || comp == b"." {
            continue;
        }
        if comp == b".." {
            let (h, _) = split_bytes(&resolved);
            resolved = if h.is_empty() { b"/".to_vec() } else { h };
            continue;
        }
        let next = join_bytes(&resolved, &[comp]);
        match std::fs::read_link(OsStr::from_bytes(&next)) {
            Ok(target) if hops < 40 => {
                hops += 1;
                let t = target.as_os_str().as_bytes();
                if t.starts_with(b"/") {
                    resolved = b"/".to_vec();
                }
                pending.extend(t.split(|&c| c == b'/').rev().map(|c| c.to_vec()));
            }
            _ => resolved = next,
        }
    }
    Ok(out(&normpath_bytes(&resolved), b))
}

/// `stat` for the file tests: `None` when the file is missing or the path invalid.
fn stat_opt(vm: &Vm, v: &Value, follow: bool) -> PyResult<Option<libc::stat>> {
    let path = match path_arg(vm, v, "stat", PathKinds::PathOrFd) {
        Ok(p) => p,
        Err(e) if e.is("ValueError") => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(stat_path(&path, follow).ok())
}

fn file_test(vm: &Vm, args: &Args, fname: &str, follow: bool, test: fn(&libc::stat) -> bool) -> PyResult<Value> {
    let v = one(args, fname)?;
    Ok(Value::Bool(stat_opt(vm, v, follow)?.is_some_and(|st| test(&st))))
}

fn pp_exists(vm: &Vm, args: Args) -> PyResult<Value> {
    file_test(vm, &args, "exists", true, |_| true)
}

fn pp_lexists(vm: &Vm, args: Args) -> PyResult<Value> {
    file_test(vm, &args, "lexists", false, |_| true)
}

fn pp_isfile(vm: &Vm, args: Args) -> PyResult<Value> {
    file_test(vm, &args, "isfile", true, |st| st.st_mode & libc::S_IFMT == libc::S_IFREG)
}

fn pp_isdir(vm: &Vm, args: Args) -> PyResult<Value> {
    file_test(vm, &args, "isdir", true, |st| st.st_mode & libc::S_IFMT == libc::S_IFDIR)
}

fn pp_islink(vm: &Vm, args: Args) -> PyResult<Value> {
    file_test(vm, &args, "islink", false, |st| st.st_mode & libc::S_IFMT == libc::S_IFLNK)
}

/// `os.stat(path)` raising as `os.stat` does.
fn stat_or_raise(vm: &Vm, v: &Value) -> PyResult<libc::stat> {
    let path = path_arg(vm, v, "stat", PathKinds::PathOrFd)?;
    stat_path(&path, true).map_err(|e| path.err(e))
}

fn pp_getsize(vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(stat_or_raise(vm, one(&args, "getsize")?)?.st_size))
}

fn pp_getmtime(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = stat_or_raise(vm, one(&args, "getmtime")?)?;
    Ok(Value::Float(st.st_mtime as f64 + st.st_mtime_nsec as f64 * 1e-9))
}

fn pp_getatime(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = stat_or_raise(vm, one(&args, "getatime")?)?;
    Ok(Value::Float(st.st_atime as f64 + st.st_atime_nsec as f64 * 1e-9))
}

fn pp_getctime(vm: &Vm, args: Args) -> PyResult<Value> {
    let st = stat_or_raise(vm, one(&args, "getctime")?)?;
    Ok(Value::Float(st.st_ctime as f64 + st.st_ctime_nsec as f64 * 1e-9))
}

fn pp_samefile(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("samefile")?;
    let pos = args.check_count("samefile", 2, 2)?;
    let (a, b) = (stat_or_raise(vm, &pos[0])?, stat_or_raise(vm, &pos[1])?);
    Ok(Value::Bool(a.st_ino == b.st_ino && a.st_dev == b.st_dev))
}

static MODULE: once_cell::sync::OnceCell<GilShared<PyRef>> = once_cell::sync::OnceCell::new();

/// The `posixpath` module (`os.path`), created once.
pub fn module() -> &'static PyRef {
    MODULE.get_or_init(|| GilShared::new(create())).get()
}

fn create() -> PyRef {
    let m = module::new_module("posixpath");
    m.make_immortal();
    let Some(d) = module::globals(&m) else { return m };
    let table: &[(&'static str, crate::objects::NativeFn)] = &[
        ("join", pp_join),
        ("split", pp_split),
        ("splitext", pp_splitext),
        ("splitdrive", pp_splitdrive),
        ("basename", pp_basename),
        ("dirname", pp_dirname),
        ("isabs", pp_isabs),
        ("normcase", pp_normcase),
        ("normpath", pp_normpath),
        ("abspath", pp_abspath),
        ("relpath", pp_relpath),
        ("commonprefix", pp_commonprefix),
        ("commonpath", pp_commonpath),
        ("expanduser", pp_expanduser),
        ("expandvars", pp_expandvars),
        ("realpath", pp_realpath),
        ("exists", pp_exists),
        ("lexists", pp_lexists),
        ("isfile", pp_isfile),
        ("isdir", pp_isdir),
        ("islink", pp_islink),
        ("getsize", pp_getsize),
        ("getmtime", pp_getmtime),
        ("getatime", pp_getatime),
        ("getctime", pp_getctime),
        ("samefile", pp_samefile),
    ];
    for (name, f) in table {
        dict::set_str(&d, name, native(name, *f));
    }
    for (k, v) in [
        ("sep", "/"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("defpath", "/bin:/usr/bin"),
        ("devnull", "/dev/null"),
    ] {
        dict::set_str(&d, k, Value::new_str(v));
    }
    dict::set_str(&d, "altsep", Value::None);
    dict::set_str(&d, "supports_unicode_filenames", Value::Bool(false));
    m
}
