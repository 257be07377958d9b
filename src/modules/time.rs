//! The `time` module: clocks (`time`, `monotonic`, `perf_counter`, `process_time`,
//! `thread_time` and their `_ns` forms), `sleep` (without the GIL), the calendar functions
//! over the C library (`gmtime`, `localtime`, `mktime`, `strftime`, `asctime`, `ctime`),
//! `struct_time`, and the time-zone constants (`timezone`, `altzone`, `daylight`,
//! `tzname`, `tzset`). `strptime` is not here (CPython implements it in Python).

use crate::objects::function::native;
use crate::objects::typeobj::type_name;
use crate::objects::{dict, int, module, tuple, PyRef, Value};
use crate::runtime::gil::GilShared;
use crate::runtime::{Args, PyErr, PyResult};
use crate::vm::Vm;

extern "C" {
    /// POSIX `tzset` (not bound by the `libc` crate).
    fn tzset();
}

static STRUCT_TIME: once_cell::sync::OnceCell<GilShared<PyRef>> = once_cell::sync::OnceCell::new();

/// The `time.struct_time` type (created on first use).
pub fn struct_time_type() -> &'static PyRef {
    STRUCT_TIME
        .get_or_init(|| {
            GilShared::new(super::structseq::new_type(
                "time",
                "struct_time",
                &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"],
                9,
            ))
        })
        .get()
}

/// A clock reading in nanoseconds.
pub(crate) fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer; the clock ids used are supported on Linux.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

/// Nanoseconds as float seconds, rounded as CPython's `_PyTime_AsSecondsDouble`.
fn ns_to_secs(ns: i128) -> f64 {
    if ns % 1_000_000_000 == 0 {
        (ns / 1_000_000_000) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn no_args(args: &Args, name: &str) -> PyResult<()> {
    let full = format!("time.{name}");
    args.no_kwargs(&full)?;
    args.check_count(&full, 0, 0)?;
    Ok(())
}

macro_rules! clocks {
    ($($secs:ident, $ns:ident => $name:literal, $clock:expr;)*) => {
        $(
            fn $secs(_vm: &Vm, args: Args) -> PyResult<Value> {
                no_args(&args, $name)?;
                Ok(Value::Float(ns_to_secs(clock_ns($clock))))
            }
            fn $ns(_vm: &Vm, args: Args) -> PyResult<Value> {
                no_args(&args, concat!($name, "_ns"))?;
                Ok(Value::from_bigint(clock_ns($clock).into()))
            }
        )*
        const CLOCKS: &[(&str, &str, crate::objects::NativeFn, crate::objects::NativeFn)] =
            &[$(($name, concat!($name, "_ns"), $secs, $ns)),*];
    };
}

clocks! {
    time_time, time_time_ns => "time", libc::CLOCK_REALTIME;
    time_monotonic, time_monotonic_ns => "monotonic", libc::CLOCK_MONOTONIC;
    time_perf_counter, time_perf_counter_ns => "perf_counter", libc::CLOCK_MONOTONIC;
    time_process_time, time_process_time_ns => "process_time", libc::CLOCK_PROCESS_CPUTIME_ID;
    time_thread_time, time_thread_time_ns => "thread_time", libc::CLOCK_THREAD_CPUTIME_ID;
}

/// A seconds value (int or float) as nanoseconds, for `sleep`.
pub(crate) fn timeout_ns(v: &Value) -> PyResult<i128> {
    let f = match v {
        Value::Float(f) => Some(*f),
        _ => match v.payload() {
            Some(crate::objects::Payload::Float(f)) => Some(*f),
            _ => None,
        },
    };
    if let Some(f) = f {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).ceil();
        if ns.abs() >= 9.2e18 {
            return Err(PyErr::overflow_error("timestamp too large to convert to C _PyTime_t"));
        }
        return Ok(ns as i128);
    }
    match int::as_bigint(v) {
        Some(b) => {
            use num_traits::ToPrimitive;
            let s = b
                .to_i64()
                .filter(|s| s.abs() < 9_223_372_036)
                .ok_or_else(|| PyErr::overflow_error("timestamp too large to convert to C _PyTime_t"))?;
            Ok(s as i128 * 1_000_000_000)
        }
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// `time.sleep(secs)`: sleeps without the GIL; a signal (Ctrl-C) interrupts it.
fn time_sleep(vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("time.sleep")?;
    let pos = args.check_count("time.sleep", 1, 1)?;
    let ns = timeout_ns(&pos[0])?;
    if ns < 0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    let deadline = clock_ns(libc::CLOCK_MONOTONIC) + ns;
    loop {
        let left = deadline - clock_ns(libc::CLOCK_MONOTONIC);
        if left <= 0 {
            return Ok(Value::None);
        }
        let interrupted = crate::runtime::gil::allow_threads(move || {
            let ts = libc::timespec { tv_sec: (left / 1_000_000_000) as libc::time_t, tv_nsec: (left % 1_000_000_000) as libc::c_long };
            // SAFETY: valid timespec pointer; the remaining-time pointer may be null.
            unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) != 0 }
        });
        if interrupted {
            vm.check_breaker()?;
        }
    }
}

/// A timestamp argument as `time_t` (floor rounding); `None` means now.
pub(crate) fn time_t_arg(v: Option<&Value>) -> PyResult<libc::time_t> {
    let v = match v {
        None | Some(Value::None) => return Ok((clock_ns(libc::CLOCK_REALTIME).div_euclid(1_000_000_000)) as libc::time_t),
        Some(v) => v,
    };
    let range = || PyErr::overflow_error("timestamp out of range for platform time_t");
    if let Value::Float(f) = v {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&f) {
            return Err(range());
        }
        return Ok(f as libc::time_t);
    }
    if let Some(crate::objects::Payload::Float(f)) = v.payload() {
        return time_t_arg(Some(&Value::Float(*f)));
    }
    match int::as_bigint(v) {
        Some(b) => {
            use num_traits::ToPrimitive;
            b.to_i64().map(|t| t as libc::time_t).ok_or_else(range)
        }
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn empty_tm() -> libc::tm {
    // SAFETY: `libc::tm` is a plain C struct for which all-zero bytes (with a null
    // `tm_zone`) is a valid value.
    unsafe { std::mem::zeroed() }
}

fn zone_name(tm: &libc::tm) -> Value {
    if tm.tm_zone.is_null() {
        return Value::None;
    }
    // SAFETY: a non-null `tm_zone` set by the C library points to a NUL-terminated string
    // that lives as long as the time-zone data.
    Value::new_str(unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
}

/// A `struct tm` as a `struct_time`.
fn tm_to_struct_time(tm: &libc::tm) -> Value {
    let fields = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        zone_name(tm),
        Value::Int(tm.tm_gmtoff as i64),
    ];
    super::structseq::new_instance(struct_time_type(), fields)
}

fn convert(t: libc::time_t, local: bool) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    // SAFETY: valid pointers to a local `time_t` and `tm`; the reentrant variants do not
    // keep them.
    let ok = unsafe {
        if local {
            !libc::localtime_r(&t, &mut tm).is_null()
        } else {
            !libc::gmtime_r(&t, &mut tm).is_null()
        }
    };
    if !ok {
        let errno = std::io::Error::last_os_error().raw_os_error().filter(|&e| e != 0).unwrap_or(libc::EOVERFLOW);
        return Err(super::os_error::from_errno(errno, None, None));
    }
    Ok(tm)
}

fn time_gmtime(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("time.gmtime")?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("gmtime() takes at most 1 argument ({} given)", pos.len())));
    }
    Ok(tm_to_struct_time(&convert(time_t_arg(pos.first())?, false)?))
}

fn time_localtime(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("time.localtime")?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("localtime() takes at most 1 argument ({} given)", pos.len())));
    }
    Ok(tm_to_struct_time(&convert(time_t_arg(pos.first())?, true)?))
}

/// A C `int` from a tuple item (CPython's `"i"` format).
fn c_int(v: &Value) -> PyResult<i32> {
    if let Value::Float(_) = v {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = match int::as_bigint(v) {
        Some(b) => b,
        None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    };
    use num_traits::ToPrimitive;
    match i.to_i32() {
        Some(n) => Ok(n),
        None if i > num_bigint::BigInt::from(0) => Err(PyErr::overflow_error("signed integer is greater than maximum")),
        None => Err(PyErr::overflow_error("signed integer is less than minimum")),
    }
}

/// A time tuple argument as `struct tm` (CPython's `gettmarg`), plus the zone name it
/// carries (kept alive for `tm_zone`).
fn tm_arg(v: &Value, fname: &str) -> PyResult<(libc::tm, Option<std::ffi::CString>)> {
    let Some(items) = tuple::items(v) else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i32; 9];
    for (slot, item) in n.iter_mut().zip(items.iter()) {
        *slot = c_int(item)?;
    }
    let mut tm = empty_tm();
    tm.tm_year = n[0].wrapping_sub(1900);
    tm.tm_mon = n[1] - 1;
    tm.tm_mday = n[2];
    tm.tm_hour = n[3];
    tm.tm_min = n[4];
    tm.tm_sec = n[5];
    tm.tm_wday = (n[6] + 1) % 7;
    tm.tm_yday = n[7] - 1;
    tm.tm_isdst = n[8];
    let mut zone = None;
    if v.class().is(struct_time_type()) {
        if let Some(d) = v.as_obj().and_then(|o| o.dict.borrow().clone()) {
            if let Some(z) = dict::get_str(&d, "tm_zone").and_then(|z| z.as_str().map(|s| s.as_str().to_string())) {
                zone = std::ffi::CString::new(z).ok();
            }
            if let Some(Value::Int(off)) = dict::get_str(&d, "tm_gmtoff") {
                tm.tm_gmtoff = off as _;
            }
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// CPython's `checktm`: reject fields that would index C tables out of range, mapping the
/// zeros that Python code may pass to the lowest valid value.
fn check_tm(tm: &mut libc::tm) -> PyResult<()> {
    let err = |m: &str| Err(PyErr::value_error(m));
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return err("month out of range");
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return err("day of month out of range");
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return err("hour out of range");
    }
    if !(0..=59).contains(&tm.tm_min) {
        return err("minute out of range");
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return err("seconds out of range");
    }
    if tm.tm_wday < 0 {
        return err("day of week out of range");
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return err("day of year out of range");
    }
    Ok(())
}

/// The current local time as `struct tm`.
fn now_local() -> PyResult<libc::tm> {
    convert(time_t_arg(None)?, true)
}

fn time_strftime(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("time.strftime")?;
    let pos = args.pos();
    match pos.len() {
        0 => return Err(PyErr::type_error("strftime() takes at least 1 argument (0 given)")),
        1 | 2 => {}
        n => return Err(PyErr::type_error(format!("strftime() takes at most 2 arguments ({n} given)"))),
    }
    let Some(fmt) = pos[0].as_str() else {
        return Err(PyErr::type_error(format!("strftime() argument 1 must be str, not {}", type_name(&pos[0]))));
    };
    let (mut tm, _zone) = match pos.get(1) {
        Some(t) => tm_arg(t, "strftime")?,
        None => (now_local()?, None),
    };
    check_tm(&mut tm)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let fmt = fmt.as_str();
    if fmt.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    Ok(Value::new_str(strftime(fmt, &tm)))
}

/// The C library's `strftime`, growing the buffer until the result fits.
pub fn strftime(fmt: &str, tm: &libc::tm) -> String {
    if fmt.is_empty() {
        return String::new();
    }
    let Ok(cfmt) = std::ffi::CString::new(fmt) else { return String::new() };
    let mut size = 1024usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `cfmt` is NUL-terminated and `tm` valid.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), tm) };
        // An empty result is ambiguous (too small, or really empty); CPython gives up once
        // the buffer is 256 times the format's length.
        if n > 0 || size >= 256 * fmt.len() {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        size *= 2;
    }
}

const WDAY: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `asctime` text: `Sun Jun 20 23:21:05 1993`.
fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY[tm.tm_wday.rem_euclid(7) as usize],
        MON[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn time_asctime(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("time.asctime")?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("asctime() takes at most 1 argument ({} given)", pos.len())));
    }
    let mut tm = match pos.first() {
        Some(t) => tm_arg(t, "asctime")?.0,
        None => now_local()?,
    };
    check_tm(&mut tm)?;
    Ok(Value::new_str(asctime_text(&tm)))
}

fn time_ctime(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("time.ctime")?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("ctime() takes at most 1 argument ({} given)", pos.len())));
    }
    Ok(Value::new_str(asctime_text(&convert(time_t_arg(pos.first())?, true)?)))
}

fn time_mktime(_vm: &Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("time.mktime")?;
    let pos = args.check_count("time.mktime", 1, 1)?;
    let (mut tm, _zone) = tm_arg(&pos[0], "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, initialised struct tm.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// `timezone`, `altzone`, `daylight`, `tzname` from the offsets in January and July of
/// the current year (CPython's method on platforms with `tm_gmtoff`).
fn set_timezone(d: &PyRef) {
    // SAFETY: `tzset` only reads the TZ environment variable and updates libc globals.
    unsafe { tzset() };
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = clock_ns(libc::CLOCK_REALTIME).div_euclid(1_000_000_000) as i64;
    let jan = (now / YEAR) * YEAR;
    let info =
        |t: i64| convert(t as libc::time_t, true).map(|tm| (-(tm.tm_gmtoff as i64), zone_name(&tm))).unwrap_or((0, Value::new_str("UTC")));
    let (janzone, janname) = info(jan);
    let (julzone, julname) = info(jan + YEAR / 2);
    let (tz, alt, names) = if janzone < julzone {
        // Southern hemisphere: daylight saving time is in January.
        (julzone, janzone, vec![julname, janname])
    } else {
        (janzone, julzone, vec![janname, julname])
    };
    dict::set_str(d, "timezone", Value::Int(tz));
    dict::set_str(d, "altzone", Value::Int(alt));
    dict::set_str(d, "daylight", Value::Int((janzone != julzone) as i64));
    dict::set_str(d, "tzname", Value::new_tuple(names));
}

fn time_tzset(_vm: &Vm, args: Args) -> PyResult<Value> {
    no_args(&args, "tzset")?;
    if let Some(m) = dict::get_str(&crate::vm::interp().modules, "time") {
        if let Some(d) = m.as_obj().and_then(|o| o.dict.borrow().clone()) {
            set_timezone(&d);
        }
    }
    Ok(Value::None)
}

/// The clock-id argument of `clock_gettime` and friends (a C int).
fn clock_id(v: &Value) -> PyResult<libc::clockid_t> {
    match v {
        Value::Int(i) => i32::try_from(*i).map_err(|_| PyErr::overflow_error("signed integer is greater than maximum")),
        Value::Bool(b) => Ok(*b as i32),
        _ => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// `clock_gettime` of `id`, nanoseconds, or `OSError` for an unknown clock.
fn clock_checked(id: libc::clockid_t) -> PyResult<i128> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer; an unknown id makes the call fail (EINVAL).
    if unsafe { libc::clock_gettime(id, &mut ts) } != 0 {
        return Err(super::os_error::last_os_error(None));
    }
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

fn time_clock_gettime(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("clock_gettime", 1, 1)?;
    Ok(Value::Float(ns_to_secs(clock_checked(clock_id(&pos[0])?)?)))
}

fn time_clock_gettime_ns(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("clock_gettime_ns", 1, 1)?;
    Ok(Value::from_bigint(clock_checked(clock_id(&pos[0])?)?.into()))
}

fn time_clock_getres(_vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("clock_getres", 1, 1)?;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer.
    if unsafe { libc::clock_getres(clock_id(&pos[0])?, &mut ts) } != 0 {
        return Err(super::os_error::last_os_error(None));
    }
    Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// `time.get_clock_info(name)`: a `types.SimpleNamespace` describing the clock behind
/// one of the module's clock functions.
fn time_get_clock_info(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("get_clock_info", 1, 1)?;
    let Some(name) = pos[0].as_str() else {
        return Err(PyErr::type_error(format!("get_clock_info() argument 1 must be str, not {}", type_name(&pos[0]))));
    };
    let (clock, cname, monotonic, adjustable) = match name.as_str() {
        "time" => (libc::CLOCK_REALTIME, "CLOCK_REALTIME", false, true),
        "monotonic" | "perf_counter" => (libc::CLOCK_MONOTONIC, "CLOCK_MONOTONIC", true, false),
        "process_time" => (libc::CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID", true, false),
        "thread_time" => (libc::CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID", true, false),
        _ => return Err(PyErr::value_error("unknown clock")),
    };
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer; the clock ids above exist on Linux.
    unsafe { libc::clock_getres(clock, &mut ts) };
    let types_mod = crate::vm::import::import_module(vm, "types")?;
    let ns_cls = crate::runtime::attr::getattr(vm, &types_mod, "SimpleNamespace")?;
    let names = ["implementation", "monotonic", "adjustable", "resolution"].map(Value::new_str);
    let mut a = vec![
        Value::new_str(format!("clock_gettime({cname})")),
        Value::Bool(monotonic),
        Value::Bool(adjustable),
        Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9),
    ];
    a.shrink_to_fit();
    crate::runtime::call::call(vm, &ns_cls, Args { args: &a, kwnames: &names })
}

/// Create the `time` module.
pub fn create() -> PyRef {
    let m = module::new_module("time");
    let Some(d) = module::globals(&m) else { return m };
    for (name, name_ns, f, f_ns) in CLOCKS {
        dict::set_str(&d, name, native(name, *f));
        dict::set_str(&d, name_ns, native(name_ns, *f_ns));
    }
    let table: &[(&'static str, crate::objects::NativeFn)] = &[
        ("sleep", time_sleep),
        ("gmtime", time_gmtime),
        ("localtime", time_localtime),
        ("strftime", time_strftime),
        ("asctime", time_asctime),
        ("ctime", time_ctime),
        ("mktime", time_mktime),
        ("tzset", time_tzset),
        ("clock_gettime", time_clock_gettime),
        ("clock_gettime_ns", time_clock_gettime_ns),
        ("clock_getres", time_clock_getres),
        ("get_clock_info", time_get_clock_info),
    ];
    for (name, f) in table {
        dict::set_str(&d, name, native(name, *f));
    }
    dict::set_str(&d, "struct_time", Value::Obj(struct_time_type().clone()));
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        dict::set_str(&d, name, Value::Int(id as i64));
    }
    set_timezone(&d);
    m
}
