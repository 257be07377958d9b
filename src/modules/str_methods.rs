//! Methods of `str`, and `%`-formatting (`str % args`). The per-character algorithms live
//! in `crate::text`; this file converts arguments and builds the result objects.

use crate::objects::function::add_methods;
use crate::objects::typeobj::type_name;
use crate::objects::{types, Payload, Value};
use crate::runtime::{iter, ops, repr, Args, PyErr, PyResult};
use crate::text::percent::{parse_percent_format, ConvSpec, PercentCount, PercentItem};
use crate::vm::Vm;

pub fn init() {
    add_methods(
        &types().str,
        "str",
        &[
            ("join", str_join),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("upper", str_upper),
            ("lower", str_lower),
            ("replace", str_replace),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("count", str_count),
            ("isdigit", str_isdigit),
            ("isalpha", str_isalpha),
            ("isspace", str_isspace),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("isalnum", str_isalnum),
            ("format", str_format),
            ("encode", str_encode),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("partition", str_partition),
            ("splitlines", str_splitlines),
            ("title", str_title),
            ("capitalize", str_capitalize),
            ("__mod__", str_mod),
        ],
    );
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a str> {
    args.args.first().and_then(|v| v.as_str()).map(|s| s.as_str()).ok_or_else(|| PyErr::type_error("descriptor requires a 'str' object"))
}

fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    v.as_str().map(|s| s.as_str()).ok_or_else(|| PyErr::type_error(format!("{what} must be str, not {}", type_name(v))))
}

fn str_join(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("join", 2, 2)?;
    let sep = this(&args)?;
    let items = iter::collect(vm, &pos[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match it.as_str() {
            Some(s) => out.push_str(s.as_str()),
            None => return Err(PyErr::type_error(format!("sequence item {i}: expected str instance, {} found", type_name(it)))),
        }
    }
    Ok(Value::new_str(out))
}

fn split_args(args: &Args) -> PyResult<(Option<String>, i64)> {
    args.check_kwargs("split", &["sep", "maxsplit"])?;
    let pos = args.pos();
    let sep = match pos.get(1).or(args.kwarg("sep")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let s =
                str_arg(v, "must be str or None").map_err(|_| PyErr::type_error(format!("must be str or None, not {}", type_name(v))))?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.to_string())
        }
    };
    let maxsplit = match pos.get(2).or(args.kwarg("maxsplit")) {
        Some(v) => ops::index_value(v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn str_split(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let (sep, maxsplit) = split_args(&args)?;
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.split(sep.as_str()).map(str::to_string).collect()
            } else {
                s.splitn(maxsplit as usize + 1, sep.as_str()).map(str::to_string).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(char::is_whitespace);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(char::is_whitespace);
            }
            out
        }
    };
    Ok(Value::new_list(parts.into_iter().map(Value::new_str).collect()))
}

fn str_rsplit(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let (sep, maxsplit) = split_args(&args)?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.rsplit(sep.as_str()).map(str::to_string).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep.as_str()).map(str::to_string).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(char::is_whitespace);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map(|i| i + rest[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(char::is_whitespace);
            }
            out
        }
    };
    parts.reverse();
    Ok(Value::new_list(parts.into_iter().map(Value::new_str).collect()))
}

fn strip_impl(args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let s = this(args)?;
    let pos = args.check_count("strip", 1, 2)?;
    let r = match pos.get(1) {
        None | Some(Value::None) => {
            let t = if left { s.trim_start() } else { s };
            if right {
                t.trim_end()
            } else {
                t
            }
        }
        Some(v) => {
            let chars: Vec<char> = str_arg(v, "strip arg")?.chars().collect();
            let t = if left { s.trim_start_matches(|c| chars.contains(&c)) } else { s };
            if right {
                t.trim_end_matches(|c| chars.contains(&c))
            } else {
                t
            }
        }
    };
    Ok(Value::new_str(r))
}

fn str_strip(_vm: &Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, true, true)
}

fn str_lstrip(_vm: &Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, true, false)
}

fn str_rstrip(_vm: &Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, false, true)
}

fn str_upper(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        crate::text::unicode::push_upper(&mut out, c);
    }
    Ok(Value::new_str(out))
}

fn str_lower(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        crate::text::unicode::push_lower(&mut out, c);
    }
    Ok(Value::new_str(out))
}

fn str_title(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            crate::text::unicode::push_lower(&mut out, c);
        } else {
            crate::text::unicode::push_title(&mut out, c);
        }
        prev_cased = c.is_alphabetic();
    }
    Ok(Value::new_str(out))
}

fn str_capitalize(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            crate::text::unicode::push_title(&mut out, c);
        } else {
            crate::text::unicode::push_lower(&mut out, c);
        }
    }
    Ok(Value::new_str(out))
}

fn str_replace(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let pos = args.check_count("replace", 3, 4)?;
    let old = str_arg(&pos[1], "replace() argument 1")?;
    let new = str_arg(&pos[2], "replace() argument 2")?;
    let count = match pos.get(3) {
        Some(v) => ops::index_value(v)?,
        None => -1,
    };
    if count < 0 {
        return Ok(Value::new_str(if old.is_empty() { replace_empty(s, new, usize::MAX) } else { s.replace(old, new) }));
    }
    Ok(Value::new_str(if old.is_empty() { replace_empty(s, new, count as usize) } else { s.replacen(old, new, count as usize) }))
}

fn replace_empty(s: &str, new: &str, count: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for c in s.chars() {
        if n < count {
            out.push_str(new);
            n += 1;
        }
        out.push(c);
    }
    if n < count {
        out.push_str(new);
    }
    out
}

/// Character-index range `[start, end)` from optional slice-style arguments.
fn sub_range(s: &str, pos: &[Value], from: usize) -> PyResult<(usize, usize)> {
    let len = s.chars().count() as i64;
    let norm = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let i = ops::index_value(v)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    Ok((norm(pos.get(from), 0)? as usize, norm(pos.get(from + 1), len)? as usize))
}

fn char_slice(s: &str, start: usize, end: usize) -> &str {
    if end <= start {
        return "";
    }
    let b0 = s.char_indices().nth(start).map_or(s.len(), |(i, _)| i);
    let b1 = s.char_indices().nth(end).map_or(s.len(), |(i, _)| i);
    &s[b0..b1]
}

fn affix(args: &Args, name: &str, prefix: bool) -> PyResult<Value> {
    let s = this(args)?;
    let pos = args.check_count(name, 2, 4)?;
    let (start, end) = sub_range(s, pos, 2)?;
    if start > s.chars().count() {
        return Ok(Value::Bool(false));
    }
    let sub = char_slice(s, start, end);
    let test = |p: &Value| -> PyResult<bool> {
        let p = p
            .as_str()
            .map(|x| x.as_str())
            .ok_or_else(|| PyErr::type_error(format!("{name} first arg must be str or a tuple of str, not {}", type_name(p))))?;
        Ok(if prefix { sub.starts_with(p) } else { sub.ends_with(p) })
    };
    if let Some(items) = crate::objects::tuple::items(&pos[1]) {
        for p in items {
            if test(p)? {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(test(&pos[1])?))
}

fn str_startswith(_vm: &Vm, args: Args) -> PyResult<Value> {
    affix(&args, "startswith", true)
}

fn str_endswith(_vm: &Vm, args: Args) -> PyResult<Value> {
    affix(&args, "endswith", false)
}

fn find_impl(args: &Args, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let s = this(args)?;
    let pos = args.check_count(name, 2, 4)?;
    let needle = str_arg(&pos[1], "must be str").map_err(|_| PyErr::type_error(format!("must be str, not {}", type_name(&pos[1]))))?;
    let (start, end) = sub_range(s, pos, 2)?;
    if start > end || start > s.chars().count() {
        return Ok(None);
    }
    let hay = char_slice(s, start, end);
    let found = if reverse { hay.rfind(needle) } else { hay.find(needle) };
    Ok(found.map(|b| start + hay[..b].chars().count()))
}

fn str_find(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(&args, "find", false)?.map_or(-1, |i| i as i64)))
}

fn str_rfind(_vm: &Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(&args, "rfind", true)?.map_or(-1, |i| i as i64)))
}

fn str_index(_vm: &Vm, args: Args) -> PyResult<Value> {
    match find_impl(&args, "index", false)? {
        Some(i) => Ok(Value::from(i)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn str_count(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let pos = args.check_count("count", 2, 4)?;
    let needle = str_arg(&pos[1], "must be str")?;
    let (start, end) = sub_range(s, pos, 2)?;
    let hay = char_slice(s, start, end);
    if needle.is_empty() {
        return Ok(Value::from(hay.chars().count() + 1));
    }
    Ok(Value::from(hay.matches(needle).count()))
}

fn pred(args: &Args, f: impl Fn(char) -> bool) -> PyResult<Value> {
    let s = this(args)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn str_isdigit(_vm: &Vm, args: Args) -> PyResult<Value> {
    pred(&args, |c| crate::text::unicode::decimal_value(c).is_some() || c.is_numeric() && c.is_ascii_digit())
}

fn str_isalpha(_vm: &Vm, args: Args) -> PyResult<Value> {
    pred(&args, crate::text::unicode::is_alpha)
}

fn str_isalnum(_vm: &Vm, args: Args) -> PyResult<Value> {
    pred(&args, crate::text::unicode::is_alnum)
}

fn str_isspace(_vm: &Vm, args: Args) -> PyResult<Value> {
    pred(&args, crate::text::unicode::is_space)
}

fn str_isupper(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    Ok(Value::Bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)))
}

fn str_islower(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    Ok(Value::Bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)))
}

fn pad(args: &Args, name: &str, align: char) -> PyResult<Value> {
    let s = this(args)?;
    let pos = args.check_count(name, 2, 3)?;
    let width = ops::index_value(&pos[1])?.max(0) as usize;
    let fill = match pos.get(2) {
        Some(f) => {
            let f = str_arg(f, "fill character")?;
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(PyErr::type_error("The fill character must be exactly one character long")),
            }
        }
        None => ' ',
    };
    let len = s.chars().count();
    if width <= len {
        return Ok(args.args[0].clone());
    }
    let total = width - len;
    let (l, r) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let l = total / 2 + (total & width & 1);
            (l, total - l)
        }
    };
    let f = fill.to_string();
    Ok(Value::new_str(format!("{}{s}{}", f.repeat(l), f.repeat(r))))
}

fn str_center(_vm: &Vm, args: Args) -> PyResult<Value> {
    pad(&args, "center", '^')
}

fn str_ljust(_vm: &Vm, args: Args) -> PyResult<Value> {
    pad(&args, "ljust", '<')
}

fn str_rjust(_vm: &Vm, args: Args) -> PyResult<Value> {
    pad(&args, "rjust", '>')
}

fn str_zfill(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let pos = args.check_count("zfill", 2, 2)?;
    let width = ops::index_value(&pos[1])?.max(0) as usize;
    let len = s.chars().count();
    if width <= len {
        return Ok(Value::new_str(s));
    }
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), s),
    };
    Ok(Value::new_str(format!("{sign}{}{rest}", "0".repeat(width - len))))
}

fn str_partition(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let pos = args.check_count("partition", 2, 2)?;
    let sep = str_arg(&pos[1], "must be str")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    Ok(Value::new_tuple(match s.find(sep) {
        Some(i) => vec![Value::new_str(&s[..i]), Value::new_str(sep), Value::new_str(&s[i + sep.len()..])],
        None => vec![Value::new_str(s), Value::new_str(""), Value::new_str("")],
    }))
}

fn str_splitlines(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let keep = match args.pos().get(1).or(args.kwarg("keepends")) {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if crate::text::unicode::is_linebreak(c) {
            let mut end = b + c.len_utf8();
            if c == '\r' && chars.get(i + 1).is_some_and(|&(_, n)| n == '\n') {
                end += 1;
                i += 1;
            }
            out.push(Value::new_str(if keep { &s[start..end] } else { &s[start..b] }));
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(Value::new_str(&s[start..]));
    }
    Ok(Value::new_list(out))
}

fn str_encode(_vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    args.check_kwargs("encode", &["encoding", "errors"])?;
    let enc = args
        .pos()
        .get(1)
        .or(args.kwarg("encoding"))
        .and_then(|v| v.as_str().map(|x| x.as_str().to_lowercase()))
        .unwrap_or_else(|| "utf-8".into());
    match enc.replace('_', "-").as_str() {
        "utf-8" | "utf8" => Ok(crate::objects::str::new_bytes(s.as_bytes().to_vec())),
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if enc == "ascii" { 0x80 } else { 0x100 };
            let mut out = Vec::with_capacity(s.len());
            for (i, c) in s.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u8);
                } else {
                    let codec = if limit == 0x80 { "ascii" } else { "latin-1" };
                    return Err(PyErr::new(
                        "UnicodeEncodeError",
                        format!(
                            "'{codec}' codec can't encode character '\\u{:04x}' in position {i}: ordinal not in range({limit})",
                            c as u32
                        ),
                    ));
                }
            }
            Ok(crate::objects::str::new_bytes(out))
        }
        other => Err(PyErr::new("LookupError", format!("unknown encoding: {other}"))),
    }
}

/// `str.format(*args, **kwargs)`.
fn str_format(vm: &Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let pos = &args.pos()[1..];
    let mut out = String::new();
    let mut auto = 0usize;
    let mut chars = s.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, n)| n) == Some('{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek().map(|&(_, n)| n) == Some('}') => {
                chars.next();
                out.push('}');
            }
            '}' => return Err(PyErr::value_error("Single '}' encountered in format string")),
            '{' => {
                let mut field = String::new();
                let mut depth = 1;
                loop {
                    match chars.next() {
                        Some((_, '{')) => {
                            depth += 1;
                            field.push('{');
                        }
                        Some((_, '}')) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            field.push('}');
                        }
                        Some((_, ch)) => field.push(ch),
                        None => return Err(PyErr::value_error("expected '}' before end of string")),
                    }
                }
                out.push_str(&format_field(vm, &field, pos, &args, &mut auto)?);
            }
            _ => out.push(c),
        }
    }
    Ok(Value::new_str(out))
}

fn format_field(vm: &Vm, field: &str, pos: &[Value], args: &Args, auto: &mut usize) -> PyResult<String> {
    let (name_conv, spec) = match field.find(':') {
        Some(i) => (&field[..i], &field[i + 1..]),
        None => (field, ""),
    };
    let (name, conv) = match name_conv.find('!') {
        Some(i) => (&name_conv[..i], Some(&name_conv[i + 1..])),
        None => (name_conv, None),
    };
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (head, mut rest) = name.split_at(first_end);
    let mut value = if head.is_empty() {
        let v = pos
            .get(*auto)
            .cloned()
            .ok_or_else(|| PyErr::index_error(format!("Replacement index {} out of range for positional args tuple", *auto)))?;
        *auto += 1;
        v
    } else if let Ok(i) = head.parse::<usize>() {
        pos.get(i).cloned().ok_or_else(|| PyErr::index_error(format!("Replacement index {i} out of range for positional args tuple")))?
    } else {
        args.kwarg(head).cloned().ok_or_else(|| PyErr::key_error(Value::new_str(head)))?
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value = crate::runtime::attr::getattr(vm, &value, &r[..end])?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = key.parse::<i64>().map(Value::Int).unwrap_or_else(|_| Value::new_str(key));
            value = crate::runtime::item::getitem(vm, &value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(PyErr::value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let value = match conv {
        None => value,
        Some("r") => Value::new_str(repr::repr(vm, &value)?),
        Some("s") => Value::new_str(repr::str(vm, &value)?),
        Some("a") => Value::new_str(crate::text::str_ascii(&repr::repr(vm, &value)?).trim_matches('\'').to_string()),
        Some(c) => return Err(PyErr::value_error(format!("Unknown conversion specifier {c}"))),
    };
    let spec = if spec.contains('{') {
        let inner = str_format(vm, Args { args: &[&[Value::new_str(spec)][..], pos].concat(), kwnames: &[] })?;
        inner.as_str().map(|s| s.as_str().to_string()).unwrap_or_default()
    } else {
        spec.to_string()
    };
    crate::vm::instr::format(vm, &value, &spec)
}

fn str_mod(vm: &Vm, args: Args) -> PyResult<Value> {
    let pos = args.check_count("__mod__", 2, 2)?;
    percent_format(vm, this(&args)?, &pos[1])
}

/// `fmt % args`.
pub fn percent_format(vm: &Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let items = parse_percent_format(fmt);
    let is_mapping = matches!(args.payload(), Some(Payload::Dict(_)))
        || (!matches!(args.payload(), Some(Payload::Tuple(_)) | Some(Payload::Str(_)))
            && crate::objects::typeobj::lookup(args.class(), "__getitem__").is_some());
    let tuple_args: Vec<Value> = match args.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let mut next = 0usize;
    let mut used_mapping = false;
    let mut out = String::new();
    let take = |next: &mut usize| -> PyResult<Value> {
        let v = tuple_args.get(*next).cloned().ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    for item in items {
        match item {
            PercentItem::Literal(s) => out.push_str(&s),
            PercentItem::Conv(mut spec) => {
                let value = if let Some(key) = &spec.key {
                    if !is_mapping {
                        return Err(PyErr::type_error("format requires a mapping"));
                    }
                    used_mapping = true;
                    crate::runtime::item::getitem(vm, args, &Value::new_str(key.as_str()))?
                } else {
                    if spec.width == PercentCount::Star {
                        let w = take(&mut next)?;
                        let w = ops::index_value(&w).map_err(|_| PyErr::type_error("* wants int"))?;
                        if w < 0 {
                            spec.flags.left = true;
                        }
                        spec.width = PercentCount::Fixed(w.unsigned_abs() as usize);
                    }
                    if spec.precision == PercentCount::Star {
                        let p = take(&mut next)?;
                        let p = ops::index_value(&p).map_err(|_| PyErr::type_error("* wants int"))?;
                        spec.precision = PercentCount::Fixed(p.max(0) as usize);
                    }
                    if spec.error.is_some() {
                        Value::None
                    } else {
                        take(&mut next)?
                    }
                };
                if let Some(e) = spec.error.take() {
                    return Err(PyErr::from_spec(e));
                }
                out.push_str(&percent_one(vm, &value, &spec)?);
            }
        }
    }
    if next < tuple_args.len() && !used_mapping && !is_mapping {
        return Err(PyErr::type_error("not all arguments converted during string formatting"));
    }
    Ok(Value::new_str(out))
}

fn percent_one(vm: &Vm, v: &Value, spec: &ConvSpec) -> PyResult<String> {
    use crate::text::percent::{percent_char_from_int, percent_float, percent_int, percent_str};
    match spec.conv {
        's' => Ok(percent_str(&repr::str(vm, v)?, spec)),
        'r' => Ok(percent_str(&repr::repr(vm, v)?, spec)),
        'a' => Ok(percent_str(&crate::text::str_ascii(&repr::repr(vm, v)?).trim_matches('\''), spec)),
        'c' => {
            let c = match v.as_str() {
                Some(s) if s.char_len() == 1 => s.as_str().to_string(),
                Some(_) => return Err(PyErr::type_error("%c requires int or char")),
                None => match crate::objects::int::as_bigint(v) {
                    Some(n) => percent_char_from_int(&n).map_err(PyErr::from_spec)?.to_string(),
                    None => return Err(PyErr::type_error("%c requires int or char")),
                },
            };
            Ok(percent_str(&c, spec))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = match crate::objects::int::as_bigint(v) {
                Some(n) => n,
                None => match v {
                    Value::Float(f) => crate::num::float_to_bigint(*f).map_err(PyErr::from_spec)?,
                    _ => {
                        let kind =
                            if matches!(spec.conv, 'o' | 'x' | 'X') { "an integer is required" } else { "a real number is required" };
                        let _ = kind;
                        return Err(PyErr::type_error(format!("%{} format: a real number is required, not {}", spec.conv, type_name(v))));
                    }
                },
            };
            percent_int(&n, spec, 4300).map_err(PyErr::from_spec)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match v {
                Value::Float(f) => *f,
                _ => super::object_methods::to_float(vm, v)
                    .map_err(|_| PyErr::type_error(format!("must be real number, not {}", type_name(v))))?,
            };
            Ok(percent_float(f, spec))
        }
        c => Err(PyErr::value_error(format!("unsupported format character '{c}' (0x{:x})", c as u32))),
    }
}

/// `str.__iter__`-free helper: the items of an iterable as strings (used by `join`).
pub fn collect_strs(vm: &Vm, v: &Value) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for it in iter::collect(vm, v)? {
        out.push(repr::str(vm, &it)?);
    }
    Ok(out)
}
