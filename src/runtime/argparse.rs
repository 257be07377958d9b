//! Argument checking for the methods of builtin types, with the exact messages of the
//! CPython calling conventions they mirror: `METH_NOARGS` / `METH_O` (qualified names,
//! "takes no arguments"), Argument Clinic positional-only (`"center expected at least 1
//! argument, got 0"`), old-style `PyArg_ParseTuple` (`"count() takes at least 1 argument
//! (0 given)"`) and Clinic keyword parsing (`"'x' is an invalid keyword argument for
//! split()"`), and native methods standing for Python `def`s (`def_args`: "f() missing 1
//! required positional argument: 'x'"). In every helper `self` is `args.args[0]` and is
//! not counted.

use super::{Args, PyErr, PyResult};
use crate::objects::Value;

/// The error builders are kept out of line (and marked cold), so the checks above inline
/// into the methods that call them as a compare and a branch.
#[cold]
#[inline(never)]
fn no_keywords_error(qual: &str) -> PyErr {
    PyErr::type_error(format!("{qual}() takes no keyword arguments"))
}

#[cold]
#[inline(never)]
fn count_error(msg: std::fmt::Arguments) -> PyErr {
    PyErr::type_error(msg.to_string())
}

#[cold]
#[inline(never)]
fn posonly_count_error(name: &str, min: usize, max: usize, n: usize) -> PyErr {
    PyErr::type_error(if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", plural(min))
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", plural(max))
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl<'a> Args<'a> {
    /// The positional arguments after `self`.
    #[inline]
    pub fn rest(&self) -> &'a [Value] {
        let p = self.pos();
        if p.is_empty() {
            p
        } else {
            &p[1..]
        }
    }

    /// "`qual`() takes no keyword arguments" (`qual` is `type.method`).
    #[inline]
    pub fn no_kw(&self, qual: &str) -> PyResult<()> {
        if self.has_kwargs() {
            return Err(no_keywords_error(qual));
        }
        Ok(())
    }

    /// A `METH_NOARGS` method.
    #[inline]
    pub fn noargs(&self, qual: &str) -> PyResult<()> {
        self.no_kw(qual)?;
        let n = self.rest().len();
        if n != 0 {
            return Err(count_error(format_args!("{qual}() takes no arguments ({n} given)")));
        }
        Ok(())
    }

    /// A `METH_O` method: exactly one positional argument.
    #[inline]
    pub fn one(&self, qual: &str) -> PyResult<&'a Value> {
        self.no_kw(qual)?;
        match self.rest() {
            [v] => Ok(v),
            r => Err(count_error(format_args!("{qual}() takes exactly one argument ({} given)", r.len()))),
        }
    }

    /// An Argument Clinic positional-only method (`name` unqualified, as CPython prints it).
    #[inline]
    pub fn posonly(&self, qual: &str, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kw(qual)?;
        Self::count_posonly(self.rest(), name, min, max)
    }

    /// `posonly` for a builtin function, which has no `self` (`reversed(sequence, /)`).
    #[inline]
    pub fn fn_posonly(&self, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kw(name)?;
        Self::count_posonly(self.pos(), name, min, max)
    }

    #[inline]
    fn count_posonly(r: &'a [Value], name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let n = r.len();
        if n < min || n > max {
            return Err(posonly_count_error(name, min, max, n));
        }
        Ok(r)
    }

    /// An old-style `PyArg_ParseTuple` method (`"count() takes at least 1 argument (0
    /// given)"`).
    pub fn tuple_args(&self, qual: &str, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kw(qual)?;
        let r = self.rest();
        let n = r.len();
        if n < min || n > max {
            let (how, k) = if min == max {
                ("exactly", min)
            } else if n < min {
                ("at least", min)
            } else {
                ("at most", max)
            };
            return Err(PyErr::type_error(format!("{name}() takes {how} {k} argument{} ({n} given)", plural(k))));
        }
        Ok(r)
    }

    /// Argument Clinic keyword parsing: `names` are the parameters in order, the first
    /// `posonly` positional-only, parameters from `maxpos` on keyword-only, the first
    /// `required` required. Returns one slot per name.
    pub fn keywords<const N: usize>(
        &self,
        fname: &str,
        names: [&str; N],
        posonly: usize,
        maxpos: usize,
        required: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        self.clinic(self.rest(), fname, names, posonly, maxpos, required)
    }

    /// `keywords` for a builtin function, which has no `self` (`pow(base, exp, mod=None)`).
    pub fn fn_keywords<const N: usize>(
        &self,
        fname: &str,
        names: [&str; N],
        posonly: usize,
        maxpos: usize,
        required: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        self.clinic(self.pos(), fname, names, posonly, maxpos, required)
    }

    fn clinic<const N: usize>(
        &self,
        pos: &'a [Value],
        fname: &str,
        names: [&str; N],
        posonly: usize,
        maxpos: usize,
        required: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        let nargs = pos.len();
        let nkw = self.kwnames.len();
        if nargs + nkw > N {
            return Err(PyErr::type_error(format!(
                "{fname}() takes at most {N} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                plural(N),
                nargs + nkw
            )));
        }
        let minpos = required.min(maxpos);
        if nargs > maxpos {
            return Err(PyErr::type_error(if maxpos == 0 {
                format!("{fname}() takes no positional arguments")
            } else {
                format!(
                    "{fname}() takes {} {maxpos} positional argument{} ({nargs} given)",
                    if minpos < maxpos { "at most" } else { "exactly" },
                    plural(maxpos)
                )
            }));
        }
        let minposonly = posonly.min(minpos);
        if nargs < minposonly {
            return Err(PyErr::type_error(format!(
                "{fname}() takes {} {minposonly} positional argument{} ({nargs} given)",
                if minposonly < maxpos { "at least" } else { "exactly" },
                plural(minposonly)
            )));
        }
        let mut out: [Option<&'a Value>; N] = [None; N];
        for (i, v) in pos.iter().enumerate() {
            out[i] = Some(v);
        }
        // As CPython: a missing required argument is reported before a stray keyword.
        let mut stray = None;
        for (k, v) in self.kwargs() {
            match names.iter().position(|n| *n == k).filter(|&i| i >= posonly) {
                Some(i) if i >= nargs => out[i] = Some(v),
                found => {
                    stray.get_or_insert((k, found));
                }
            }
        }
        for (i, slot) in out.iter().enumerate().take(required) {
            if slot.is_none() {
                return Err(PyErr::type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
            }
        }
        match stray {
            Some((k, Some(i))) => Err(PyErr::type_error(format!("argument for {fname}() given by name ('{k}') and position ({})", i + 1))),
            Some((k, None)) => Err(PyErr::type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
            None => Ok(out),
        }
    }
}

/// An integer argument (`int`, `bool`, or an object with `__index__`) as `i64`; CPython's
/// `OverflowError` when it does not fit a C `ssize_t`.
pub fn index_arg(vm: &crate::vm::Vm, v: &Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    match v {
        Value::Int(i) => return Ok(*i),
        Value::Bool(b) => return Ok(*b as i64),
        _ => {}
    }
    let n = index_bigint(vm, v)?;
    n.to_i64().ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// `operator.index(v)` as a `BigInt`.
pub fn index_bigint(vm: &crate::vm::Vm, v: &Value) -> PyResult<num_bigint::BigInt> {
    use crate::objects::{int, typeobj::type_name};
    if let Some(f) = super::call::lookup_user(v.class(), "__index__") {
        let r = super::call::call_bound(vm, &f, v, Args::new(&[]))?;
        return int::as_bigint(&r).ok_or_else(|| PyErr::type_error(format!("__index__ returned non-int (type {})", type_name(&r))));
    }
    int::as_bigint(v).ok_or_else(|| PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))
}

/// A `start`/`end` argument of the search methods (`_PyEval_SliceIndex`): `None` for
/// `None`, big values clamped to the `i64` range.
pub fn slice_index(vm: &crate::vm::Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    use num_traits::{Signed, ToPrimitive};
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(v) => {
            let is_index = super::ops::has_index(v);
            if !is_index {
                return Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"));
            }
            let n = index_bigint(vm, v)?;
            Ok(Some(n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX })))
        }
    }
}

/// Check the arguments of a native method that stands for a Python method `qual` (e.g.
/// `Event.wait`) whose parameters after `self` are `names`, the first `required` of them
/// required, and report mistakes with the messages CPython gives for a `def`. Returns one
/// slot per name.
pub fn def_args<'a, const N: usize>(args: &Args<'a>, qual: &str, names: [&str; N], required: usize) -> PyResult<[Option<&'a Value>; N]> {
    let pos = args.rest();
    if pos.len() > N {
        let given = pos.len() + 1;
        let plural = if N == 0 { "" } else { "s" };
        return Err(PyErr::type_error(if N == required {
            format!("{qual}() takes {} positional argument{plural} but {given} were given", N + 1)
        } else {
            format!("{qual}() takes from {} to {} positional arguments but {given} were given", required + 1, N + 1)
        }));
    }
    let mut out = [None; N];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => return Err(PyErr::type_error(format!("{qual}() got multiple values for argument '{k}'"))),
            Some(i) => out[i] = Some(v),
            None => return Err(PyErr::type_error(format!("{qual}() got an unexpected keyword argument '{k}'"))),
        }
    }
    let missing: Vec<String> = names[..required].iter().zip(&out).filter(|(_, v)| v.is_none()).map(|(n, _)| format!("'{n}'")).collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            n => format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!("{qual}() missing {} required positional argument{s}: {list}", missing.len())));
    }
    Ok(out)
}
