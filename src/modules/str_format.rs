//! `str.format`, `str.format_map` (the template grammar is `text::template`) and
//! `%`-formatting of `str` (`text::percent`): looking values up, converting them and
//! calling `__format__`.

use crate::objects::typeobj::type_name;
use crate::objects::{Payload, Value};
use crate::runtime::{attr, item, ops, repr, Args, PyErr, PyResult};
use crate::text::percent::{parse_percent_format, ConvSpec, PercentCount, PercentItem};
use crate::text::spec::{format_complex_typed, format_float_typed, format_int_typed, format_str_typed};
use crate::text::template::{parse_template, split_field_name, unknown_conversion, FieldAccess, FieldKey};
use crate::vm::Vm;

/// Where `str.format` finds its values: positional arguments and keywords, or (for
/// `format_map`) a mapping.
pub enum FormatSource<'a> {
    Args(&'a [Value], Args<'a>),
    Mapping(&'a Value),
}

/// Automatic field numbering state (`{}` versus `{0}`).
#[derive(PartialEq, Eq, Clone, Copy)]
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

/// `format(v, spec)` for a value whose class defines no `__format__` in Python: the
/// builtin types' own `__format__` (`object.__format__` for the others).
pub fn format_builtin(vm: &Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        if let Value::Int(i) = v {
            return Ok(i.to_string());
        }
    }
    let tn = type_name(v);
    let spec_err = PyErr::from_spec;
    let digits = super::sys::int_max_str_digits();
    match v {
        Value::Bool(_) if spec.is_empty() => repr::str(vm, v),
        Value::Int(_) | Value::Bool(_) => {
            let n = crate::objects::int::as_bigint(v).unwrap_or_default();
            format_int_typed(&n, spec, &tn, digits).map_err(spec_err)
        }
        Value::Float(f) => format_float_typed(*f, spec, &tn).map_err(spec_err),
        Value::None => {
            if spec.is_empty() {
                Ok("None".into())
            } else {
                Err(PyErr::type_error("unsupported format string passed to NoneType.__format__"))
            }
        }
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => format_str_typed(s.as_str(), spec, &tn).map_err(spec_err),
            Payload::Int(b) => format_int_typed(b, spec, &tn, digits).map_err(spec_err),
            Payload::Float(f) => format_float_typed(*f, spec, &tn).map_err(spec_err),
            Payload::Complex { re, im } => format_complex_typed(*re, *im, spec, &tn).map_err(spec_err),
            _ => {
                if spec.is_empty() {
                    repr::str(vm, v)
                } else {
                    Err(PyErr::type_error(format!("unsupported format string passed to {tn}.__format__")))
                }
            }
        },
    }
}

/// `int.__format__`, `float.__format__`, `str.__format__`, `complex.__format__`.
pub fn builtin_dunder_format(vm: &Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().ok_or_else(|| PyErr::type_error("descriptor '__format__' needs an argument"))?;
    let spec = args.one(&format!("{}.__format__", type_name(this)))?;
    let spec = spec.as_str().ok_or_else(|| PyErr::type_error(format!("__format__() argument must be str, not {}", type_name(spec))))?;
    // A bool formats as an int once a spec is given; `format_builtin` knows.
    Ok(Value::new_str(format_builtin(vm, this, spec.as_str())?))
}

/// `template.format(...)` / `template.format_map(mapping)`.
pub fn format_template(vm: &Vm, template: &str, src: &FormatSource) -> PyResult<String> {
    let mut numbering = Numbering::Unset;
    render(vm, template, src, &mut numbering, 2)
}

fn render(vm: &Vm, template: &str, src: &FormatSource, numbering: &mut Numbering, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let (pieces, err) = parse_template(template);
    let mut out = String::new();
    for piece in pieces {
        out.push_str(&piece.literal);
        let Some(field) = piece.field else { continue };
        let value = field_value(vm, &field.name, src, numbering)?;
        let value = match field.conversion {
            None => value,
            Some('r') => Value::new_str(repr::repr(vm, &value)?),
            Some('s') => Value::new_str(repr::str(vm, &value)?),
            Some('a') => Value::new_str(ascii_of(vm, &value)?),
            Some(c) => return Err(PyErr::from_spec(unknown_conversion(c))),
        };
        let spec = if field.spec_needs_expanding { render(vm, &field.spec, src, numbering, depth - 1)? } else { field.spec };
        out.push_str(&crate::vm::instr::format(vm, &value, &spec)?);
    }
    if let Some(e) = err {
        return Err(PyErr::from_spec(e));
    }
    Ok(out)
}

fn field_value(vm: &Vm, name: &str, src: &FormatSource, numbering: &mut Numbering) -> PyResult<Value> {
    let (first, rest) = match split_field_name(name) {
        Ok(parts) => parts,
        Err(e) => {
            // CPython looks the first part up before it parses the accesses after it.
            let end = name.find(['.', '[']).unwrap_or(name.len());
            if end < name.len() {
                field_value(vm, &name[..end], src, numbering)?;
            }
            return Err(PyErr::from_spec(e));
        }
    };
    let index = match &first {
        FieldKey::Name(n) if n.is_empty() => {
            let i = match *numbering {
                Numbering::Manual => {
                    return Err(PyErr::value_error("cannot switch from manual field specification to automatic field numbering"))
                }
                Numbering::Unset => 0,
                Numbering::Auto(i) => i,
            };
            *numbering = Numbering::Auto(i + 1);
            Some(i)
        }
        FieldKey::Index(i) => {
            if let Numbering::Auto(_) = numbering {
                return Err(PyErr::value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            *numbering = Numbering::Manual;
            Some(*i)
        }
        FieldKey::Name(_) => None,
    };
    let mut value = match (index, &first, src) {
        (Some(i), _, FormatSource::Args(pos, _)) => pos
            .get(i)
            .cloned()
            .ok_or_else(|| PyErr::index_error(format!("Replacement index {i} out of range for positional args tuple")))?,
        (Some(_), _, FormatSource::Mapping(_)) => return Err(PyErr::value_error("Format string contains positional fields")),
        (None, FieldKey::Name(n), FormatSource::Args(_, args)) => {
            args.kwarg(n).cloned().ok_or_else(|| PyErr::key_error(Value::new_str(n.as_str())))?
        }
        (None, FieldKey::Name(n), FormatSource::Mapping(m)) => item::getitem(vm, m, &Value::new_str(n.as_str()))?,
        (None, FieldKey::Index(_), _) => Value::None,
    };
    for access in rest {
        value = match access {
            FieldAccess::Attr(a) => attr::getattr(vm, &value, &a)?,
            FieldAccess::Item(FieldKey::Index(i)) => item::getitem(vm, &value, &Value::from(i))?,
            FieldAccess::Item(FieldKey::Name(k)) => item::getitem(vm, &value, &Value::new_str(k))?,
        };
    }
    Ok(value)
}

/// `fmt % args`.
pub fn percent_format(vm: &Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let is_mapping = matches!(args.payload(), Some(Payload::Dict(_)))
        || (!matches!(args.payload(), Some(Payload::Tuple(_)) | Some(Payload::Str(_)))
            && crate::objects::typeobj::lookup(args.class(), "__getitem__").is_some());
    let out = percent_apply(vm, fmt, args, is_mapping, "string", &|k| Value::new_str(k), &mut |vm, v, spec| percent_one(vm, v, spec))?;
    Ok(Value::new_str(out))
}

/// The conversion of one `%` spec's value to text.
pub type PercentOne<'a> = dyn FnMut(&Vm, &Value, &ConvSpec) -> PyResult<String> + 'a;

/// The `%` formatting loop shared by `str` and `bytes` (which formats its Latin-1
/// decoding): fetches each spec's value from `args` (a mapping when `is_mapping`, looked
/// up with `key(name)`), converts it with `one`, and checks every argument was used
/// (`what` is "string" or "bytes" in that message).
pub fn percent_apply(
    vm: &Vm,
    fmt: &str,
    args: &Value,
    is_mapping: bool,
    what: &str,
    key_of: &dyn Fn(&str) -> Value,
    one: &mut PercentOne,
) -> PyResult<String> {
    let items = parse_percent_format(fmt);
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
                    crate::runtime::item::getitem(vm, args, &key_of(key.as_str()))?
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
                out.push_str(&one(vm, &value, &spec)?);
            }
        }
    }
    if next < tuple_args.len() && !used_mapping && !is_mapping {
        return Err(PyErr::type_error(format!("not all arguments converted during {what} formatting")));
    }
    Ok(out)
}

/// One `str` `%` conversion (also the numeric conversions of `bytes`).
pub fn percent_one(vm: &Vm, v: &Value, spec: &ConvSpec) -> PyResult<String> {
    use crate::text::percent::{percent_char_from_int, percent_float, percent_int, percent_str};
    match spec.conv {
        's' => Ok(percent_str(&repr::str(vm, v)?, spec)),
        'r' => Ok(percent_str(&repr::repr(vm, v)?, spec)),
        'a' => Ok(percent_str(&ascii_of(vm, v)?, spec)),
        'c' => {
            let c = match v.as_str() {
                Some(s) if s.char_len() == 1 => s.as_str().to_string(),
                Some(_) => return Err(PyErr::type_error("%c requires int or char")),
                None if ops::has_index(v) => {
                    let n = crate::runtime::argparse::index_bigint(vm, v)?;
                    percent_char_from_int(&n).map_err(PyErr::from_spec)?.to_string()
                }
                None => return Err(PyErr::type_error("%c requires int or char")),
            };
            Ok(percent_str(&c, spec))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            // `%x`/`%o` take integers (`__index__`); `%d` any number `int()` accepts.
            let integral = matches!(spec.conv, 'o' | 'x' | 'X');
            let wrong = || {
                let kind = if integral { "an integer is required" } else { "a real number is required" };
                PyErr::type_error(format!("%{} format: {kind}, not {}", spec.conv, type_name(v)))
            };
            let n = match crate::objects::int::as_bigint(v) {
                Some(n) => n,
                None if integral => {
                    if !ops::has_index(v) {
                        return Err(wrong());
                    }
                    crate::runtime::argparse::index_bigint(vm, v)?
                }
                None => {
                    let is_number = matches!(v, Value::Float(_))
                        || matches!(v.payload(), Some(Payload::Float(_)))
                        || ["__index__", "__int__", "__float__"].iter().any(|d| crate::runtime::call::lookup_user(v.class(), d).is_some());
                    if !is_number {
                        return Err(wrong());
                    }
                    let r = super::object_methods::to_int(vm, v).map_err(|e| if e.is("TypeError") { wrong() } else { e })?;
                    crate::objects::int::as_bigint(&r).unwrap_or_default()
                }
            };
            percent_int(&n, spec, super::sys::int_max_str_digits()).map_err(PyErr::from_spec)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match v {
                Value::Float(f) => *f,
                _ => super::object_methods::to_float(vm, v)
                    .map_err(|_| PyErr::type_error(format!("must be real number, not {}", type_name(v))))?,
            };
            Ok(percent_float(f, spec))
        }
        c => Err(PyErr::from_spec(crate::text::percent::unsupported_format_character(c, spec.index))),
    }
}

/// `ascii(v)`: `repr(v)` with every non-ASCII character escaped.
pub fn ascii_of(vm: &Vm, v: &Value) -> PyResult<String> {
    let r = repr::repr(vm, v)?;
    if r.is_ascii() {
        return Ok(r);
    }
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    Ok(out)
}
