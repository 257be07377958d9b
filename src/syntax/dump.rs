//! `ast.dump()` output for a [`Mod`], exactly as CPython 3.11 prints
//! `ast.dump(ast.parse(src))` (no attributes, no indent; optional fields that are `None` are
//! left out, lists are always shown).

use super::ast::*;
use std::fmt::Write;

/// `ast.dump(m)`.
pub fn dump(m: &Mod) -> String {
    let mut d = Dumper { out: String::with_capacity(1024) };
    d.module(m);
    d.out
}

struct Dumper {
    out: String,
}

/// A field value to print.
enum F<'a> {
    E(&'a Expr),
    OE(&'a Option<Box<Expr>>),
    Es(&'a [Expr]),
    OEs(&'a [Option<Expr>]),
    S(&'a [Stmt]),
    Id(&'a str),
    OId(&'a Option<String>),
    Ids(&'a [String]),
    Int(i64),
    OptStr(&'a Option<String>),
    Raw(&'static str),
    C(&'a Constant),
    Args(&'a Arguments),
    OArg(&'a Option<Box<Arg>>),
    ArgList(&'a [Arg]),
    Kws(&'a [Keyword]),
    Aliases(&'a [Alias]),
    Items(&'a [WithItem]),
    Cases(&'a [MatchCase]),
    Handlers(&'a [ExceptHandler]),
    Comps(&'a [Comprehension]),
    P(&'a Pattern),
    OP(&'a Option<Box<Pattern>>),
    Ps(&'a [Pattern]),
}

impl Dumper {
    fn node(&mut self, name: &str, fields: &[(&str, F)]) {
        self.out.push_str(name);
        self.out.push('(');
        let mut first = true;
        for (fname, f) in fields {
            let skip = matches!(f, F::OE(None) | F::OId(None) | F::OptStr(None) | F::OArg(None) | F::OP(None));
            if skip {
                continue;
            }
            if !first {
                self.out.push_str(", ");
            }
            first = false;
            self.out.push_str(fname);
            self.out.push('=');
            self.field(f);
        }
        self.out.push(')');
    }

    fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            f(self, x);
        }
        self.out.push(']');
    }

    fn field(&mut self, f: &F) {
        match f {
            F::E(e) => self.expr(e),
            F::OE(Some(e)) => self.expr(e),
            F::Es(v) => self.list(v, |d, e| d.expr(e)),
            F::OEs(v) => self.list(v, |d, e| match e {
                Some(e) => d.expr(e),
                None => d.out.push_str("None"),
            }),
            F::S(v) => self.list(v, |d, s| d.stmt(s)),
            F::Id(s) => self.out.push_str(&crate::text::str_repr(s)),
            F::OId(Some(s)) | F::OptStr(Some(s)) => self.out.push_str(&crate::text::str_repr(s)),
            F::Ids(v) => self.list(v, |d, s| d.out.push_str(&crate::text::str_repr(s))),
            F::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            F::Raw(s) => self.out.push_str(s),
            F::C(c) => self.constant(c),
            F::Args(a) => self.arguments(a),
            F::OArg(Some(a)) => self.arg(a),
            F::ArgList(v) => self.list(v, |d, a| d.arg(a)),
            F::Kws(v) => self.list(v, |d, k| d.node("keyword", &[("arg", F::OId(&k.arg)), ("value", F::E(&k.value))])),
            F::Aliases(v) => self.list(v, |d, a| d.node("alias", &[("name", F::Id(&a.name)), ("asname", F::OId(&a.asname))])),
            F::Items(v) => self
                .list(v, |d, w| d.node("withitem", &[("context_expr", F::E(&w.context_expr)), ("optional_vars", F::OE(&w.optional_vars))])),
            F::Cases(v) => self.list(v, |d, c| {
                d.node("match_case", &[("pattern", F::P(&c.pattern)), ("guard", F::OE(&c.guard)), ("body", F::S(&c.body))])
            }),
            F::Handlers(v) => self
                .list(v, |d, h| d.node("ExceptHandler", &[("type", F::OE(&h.type_)), ("name", F::OId(&h.name)), ("body", F::S(&h.body))])),
            F::Comps(v) => self.list(v, |d, c| {
                d.node(
                    "comprehension",
                    &[
                        ("target", F::E(&c.target)),
                        ("iter", F::E(&c.iter)),
                        ("ifs", F::Es(&c.ifs)),
                        ("is_async", F::Int(c.is_async as i64)),
                    ],
                )
            }),
            F::P(p) => self.pattern(p),
            F::OP(Some(p)) => self.pattern(p),
            F::Ps(v) => self.list(v, |d, p| d.pattern(p)),
            F::OE(None) | F::OId(None) | F::OptStr(None) | F::OArg(None) | F::OP(None) => self.out.push_str("None"),
        }
    }

    fn module(&mut self, m: &Mod) {
        match m {
            Mod::Module { body, .. } => self.node("Module", &[("body", F::S(body)), ("type_ignores", F::Es(&[]))]),
            Mod::Interactive { body } => self.node("Interactive", &[("body", F::S(body))]),
            Mod::Expression { body } => self.node("Expression", &[("body", F::E(body))]),
            Mod::FunctionType { argtypes, returns } => {
                self.node("FunctionType", &[("argtypes", F::Es(argtypes)), ("returns", F::E(returns))])
            }
        }
    }

    fn arguments(&mut self, a: &Arguments) {
        self.node(
            "arguments",
            &[
                ("posonlyargs", F::ArgList(&a.posonlyargs)),
                ("args", F::ArgList(&a.args)),
                ("vararg", F::OArg(&a.vararg)),
                ("kwonlyargs", F::ArgList(&a.kwonlyargs)),
                ("kw_defaults", F::OEs(&a.kw_defaults)),
                ("kwarg", F::OArg(&a.kwarg)),
                ("defaults", F::Es(&a.defaults)),
            ],
        );
    }

    fn arg(&mut self, a: &Arg) {
        self.node("arg", &[("arg", F::Id(&a.arg)), ("annotation", F::OE(&a.annotation)), ("type_comment", F::OptStr(&a.type_comment))]);
    }

    fn stmt(&mut self, s: &Stmt) {
        use StmtKind::*;
        match &s.node {
            FunctionDef { name, args, body, decorator_list, returns, type_comment }
            | AsyncFunctionDef { name, args, body, decorator_list, returns, type_comment } => {
                let n = if matches!(s.node, FunctionDef { .. }) { "FunctionDef" } else { "AsyncFunctionDef" };
                self.node(
                    n,
                    &[
                        ("name", F::Id(name)),
                        ("args", F::Args(args)),
                        ("body", F::S(body)),
                        ("decorator_list", F::Es(decorator_list)),
                        ("returns", F::OE(returns)),
                        ("type_comment", F::OptStr(type_comment)),
                    ],
                )
            }
            ClassDef { name, bases, keywords, body, decorator_list } => self.node(
                "ClassDef",
                &[
                    ("name", F::Id(name)),
                    ("bases", F::Es(bases)),
                    ("keywords", F::Kws(keywords)),
                    ("body", F::S(body)),
                    ("decorator_list", F::Es(decorator_list)),
                ],
            ),
            Return { value } => self.node("Return", &[("value", F::OE(value))]),
            Delete { targets } => self.node("Delete", &[("targets", F::Es(targets))]),
            Assign { targets, value, type_comment } => {
                self.node("Assign", &[("targets", F::Es(targets)), ("value", F::E(value)), ("type_comment", F::OptStr(type_comment))])
            }
            AugAssign { target, op, value } => {
                self.node("AugAssign", &[("target", F::E(target)), ("op", F::Raw(op_name(*op))), ("value", F::E(value))])
            }
            AnnAssign { target, annotation, value, simple } => self.node(
                "AnnAssign",
                &[("target", F::E(target)), ("annotation", F::E(annotation)), ("value", F::OE(value)), ("simple", F::Int(*simple as i64))],
            ),
            For { target, iter, body, orelse, type_comment } | AsyncFor { target, iter, body, orelse, type_comment } => {
                let n = if matches!(s.node, For { .. }) { "For" } else { "AsyncFor" };
                self.node(
                    n,
                    &[
                        ("target", F::E(target)),
                        ("iter", F::E(iter)),
                        ("body", F::S(body)),
                        ("orelse", F::S(orelse)),
                        ("type_comment", F::OptStr(type_comment)),
                    ],
                )
            }
            While { test, body, orelse } => self.node("While", &[("test", F::E(test)), ("body", F::S(body)), ("orelse", F::S(orelse))]),
            If { test, body, orelse } => self.node("If", &[("test", F::E(test)), ("body", F::S(body)), ("orelse", F::S(orelse))]),
            With { items, body, type_comment } | AsyncWith { items, body, type_comment } => {
                let n = if matches!(s.node, With { .. }) { "With" } else { "AsyncWith" };
                self.node(n, &[("items", F::Items(items)), ("body", F::S(body)), ("type_comment", F::OptStr(type_comment))])
            }
            Match { subject, cases } => self.node("Match", &[("subject", F::E(subject)), ("cases", F::Cases(cases))]),
            Raise { exc, cause } => self.node("Raise", &[("exc", F::OE(exc)), ("cause", F::OE(cause))]),
            Try { body, handlers, orelse, finalbody } | TryStar { body, handlers, orelse, finalbody } => {
                let n = if matches!(s.node, Try { .. }) { "Try" } else { "TryStar" };
                self.node(
                    n,
                    &[("body", F::S(body)), ("handlers", F::Handlers(handlers)), ("orelse", F::S(orelse)), ("finalbody", F::S(finalbody))],
                )
            }
            Assert { test, msg } => self.node("Assert", &[("test", F::E(test)), ("msg", F::OE(msg))]),
            Import { names } => self.node("Import", &[("names", F::Aliases(names))]),
            ImportFrom { module, names, level } => {
                self.node("ImportFrom", &[("module", F::OId(module)), ("names", F::Aliases(names)), ("level", F::Int(*level as i64))])
            }
            Global { names } => self.node("Global", &[("names", F::Ids(names))]),
            Nonlocal { names } => self.node("Nonlocal", &[("names", F::Ids(names))]),
            Expr { value } => self.node("Expr", &[("value", F::E(value))]),
            Pass => self.out.push_str("Pass()"),
            Break => self.out.push_str("Break()"),
            Continue => self.out.push_str("Continue()"),
        }
    }

    fn expr(&mut self, e: &Expr) {
        // Long chains (`a.b.c...`, `1+1+...`) recurse through the left operand.
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e));
    }

    fn expr_inner(&mut self, e: &Expr) {
        use ExprKind::*;
        match &e.node {
            BoolOp { op, values } => self.node(
                "BoolOp",
                &[("op", F::Raw(if *op == super::ast::BoolOp::And { "And()" } else { "Or()" })), ("values", F::Es(values))],
            ),
            NamedExpr { target, value } => self.node("NamedExpr", &[("target", F::E(target)), ("value", F::E(value))]),
            BinOp { left, op, right } => self.node("BinOp", &[("left", F::E(left)), ("op", F::Raw(op_name(*op))), ("right", F::E(right))]),
            UnaryOp { op, operand } => {
                let o = match op {
                    super::ast::UnaryOp::Invert => "Invert()",
                    super::ast::UnaryOp::Not => "Not()",
                    super::ast::UnaryOp::UAdd => "UAdd()",
                    super::ast::UnaryOp::USub => "USub()",
                };
                self.node("UnaryOp", &[("op", F::Raw(o)), ("operand", F::E(operand))])
            }
            Lambda { args, body } => self.node("Lambda", &[("args", F::Args(args)), ("body", F::E(body))]),
            IfExp { test, body, orelse } => self.node("IfExp", &[("test", F::E(test)), ("body", F::E(body)), ("orelse", F::E(orelse))]),
            Dict { keys, values } => self.node("Dict", &[("keys", F::OEs(keys)), ("values", F::Es(values))]),
            Set { elts } => self.node("Set", &[("elts", F::Es(elts))]),
            ListComp { elt, generators } => self.node("ListComp", &[("elt", F::E(elt)), ("generators", F::Comps(generators))]),
            SetComp { elt, generators } => self.node("SetComp", &[("elt", F::E(elt)), ("generators", F::Comps(generators))]),
            DictComp { key, value, generators } => {
                self.node("DictComp", &[("key", F::E(key)), ("value", F::E(value)), ("generators", F::Comps(generators))])
            }
            GeneratorExp { elt, generators } => self.node("GeneratorExp", &[("elt", F::E(elt)), ("generators", F::Comps(generators))]),
            Await { value } => self.node("Await", &[("value", F::E(value))]),
            Yield { value } => self.node("Yield", &[("value", F::OE(value))]),
            YieldFrom { value } => self.node("YieldFrom", &[("value", F::E(value))]),
            Compare { left, ops, comparators } => {
                self.out.push_str("Compare(left=");
                self.expr(left);
                self.out.push_str(", ops=");
                self.list(ops, |d, o| d.out.push_str(cmp_name(*o)));
                self.out.push_str(", comparators=");
                self.list(comparators, |d, c| d.expr(c));
                self.out.push(')');
            }
            Call { func, args, keywords } => {
                self.node("Call", &[("func", F::E(func)), ("args", F::Es(args)), ("keywords", F::Kws(keywords))])
            }
            FormattedValue { value, conversion, format_spec } => self.node(
                "FormattedValue",
                &[("value", F::E(value)), ("conversion", F::Int(*conversion as i64)), ("format_spec", F::OE(format_spec))],
            ),
            JoinedStr { values } => self.node("JoinedStr", &[("values", F::Es(values))]),
            Constant { value, kind } => self.node("Constant", &[("value", F::C(value)), ("kind", F::OptStr(kind))]),
            Attribute { value, attr, ctx } => {
                self.node("Attribute", &[("value", F::E(value)), ("attr", F::Id(attr)), ("ctx", F::Raw(ctx_name(*ctx)))])
            }
            Subscript { value, slice, ctx } => {
                self.node("Subscript", &[("value", F::E(value)), ("slice", F::E(slice)), ("ctx", F::Raw(ctx_name(*ctx)))])
            }
            Starred { value, ctx } => self.node("Starred", &[("value", F::E(value)), ("ctx", F::Raw(ctx_name(*ctx)))]),
            Name { id, ctx } => self.node("Name", &[("id", F::Id(id)), ("ctx", F::Raw(ctx_name(*ctx)))]),
            List { elts, ctx } => self.node("List", &[("elts", F::Es(elts)), ("ctx", F::Raw(ctx_name(*ctx)))]),
            Tuple { elts, ctx } => self.node("Tuple", &[("elts", F::Es(elts)), ("ctx", F::Raw(ctx_name(*ctx)))]),
            Slice { lower, upper, step } => self.node("Slice", &[("lower", F::OE(lower)), ("upper", F::OE(upper)), ("step", F::OE(step))]),
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        use PatternKind::*;
        match &p.node {
            MatchValue { value } => self.node("MatchValue", &[("value", F::E(value))]),
            MatchSingleton { value } => self.node("MatchSingleton", &[("value", F::C(value))]),
            MatchSequence { patterns } => self.node("MatchSequence", &[("patterns", F::Ps(patterns))]),
            MatchMapping { keys, patterns, rest } => {
                self.node("MatchMapping", &[("keys", F::Es(keys)), ("patterns", F::Ps(patterns)), ("rest", F::OId(rest))])
            }
            MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => self.node(
                "MatchClass",
                &[
                    ("cls", F::E(cls)),
                    ("patterns", F::Ps(patterns)),
                    ("kwd_attrs", F::Ids(kwd_attrs)),
                    ("kwd_patterns", F::Ps(kwd_patterns)),
                ],
            ),
            MatchStar { name } => self.node("MatchStar", &[("name", F::OId(name))]),
            MatchAs { pattern, name } => self.node("MatchAs", &[("pattern", F::OP(pattern)), ("name", F::OId(name))]),
            MatchOr { patterns } => self.node("MatchOr", &[("patterns", F::Ps(patterns))]),
        }
    }

    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.out.push_str("None"),
            Constant::Bool(true) => self.out.push_str("True"),
            Constant::Bool(false) => self.out.push_str("False"),
            Constant::Ellipsis => self.out.push_str("Ellipsis"),
            Constant::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Constant::Float(f) => self.out.push_str(&crate::num::float_repr(*f)),
            Constant::Complex { real, imag } => self.out.push_str(&crate::num::complex_repr(*real, *imag)),
            Constant::Str(s) => self.out.push_str(&match s {
                PyString::Utf8(text) => crate::text::str_repr(text),
                PyString::CodePoints(cps) => str_repr_cp(cps),
            }),
            Constant::Bytes(b) => self.out.push_str(&crate::text::bytes_repr(b)),
        }
    }
}

fn op_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add()",
        Operator::Sub => "Sub()",
        Operator::Mult => "Mult()",
        Operator::MatMult => "MatMult()",
        Operator::Div => "Div()",
        Operator::Mod => "Mod()",
        Operator::Pow => "Pow()",
        Operator::LShift => "LShift()",
        Operator::RShift => "RShift()",
        Operator::BitOr => "BitOr()",
        Operator::BitXor => "BitXor()",
        Operator::BitAnd => "BitAnd()",
        Operator::FloorDiv => "FloorDiv()",
    }
}

fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq()",
        CmpOp::NotEq => "NotEq()",
        CmpOp::Lt => "Lt()",
        CmpOp::LtE => "LtE()",
        CmpOp::Gt => "Gt()",
        CmpOp::GtE => "GtE()",
        CmpOp::Is => "Is()",
        CmpOp::IsNot => "IsNot()",
        CmpOp::In => "In()",
        CmpOp::NotIn => "NotIn()",
    }
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load()",
        ExprContext::Store => "Store()",
        ExprContext::Del => "Del()",
    }
}

/// `repr()` of a str holding lone surrogates (which `crate::text::str_repr`, working on
/// Rust strings, cannot represent).
/// Python `repr()` of a str given as code points (lone surrogates allowed).
fn str_repr_cp(cps: &[u32]) -> String {
    let has_sq = cps.contains(&('\'' as u32));
    let has_dq = cps.contains(&('"' as u32));
    let q = if has_sq && !has_dq { '"' } else { '\'' };
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(q);
    for &cp in cps {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == q as u32 => {
                out.push('\\');
                out.push(q);
            }
            0x20..=0x7E => out.push(cp as u8 as char),
            _ if cp < 0x20 || cp == 0x7F => {
                let _ = write!(out, "\\x{cp:02x}");
            }
            _ => match char::from_u32(cp) {
                Some(c) if crate::syntax::lexer::is_printable(c) => out.push(c),
                _ if cp < 0x100 => {
                    let _ = write!(out, "\\x{cp:02x}");
                }
                _ if cp < 0x10000 => {
                    let _ = write!(out, "\\u{cp:04x}");
                }
                _ => {
                    let _ = write!(out, "\\U{cp:08x}");
                }
            },
        }
    }
    out.push(q);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strs() {
        let cp = |s: &str| s.chars().map(|c| c as u32).collect::<Vec<_>>();
        assert_eq!(str_repr_cp(&cp("a'b")), "\"a'b\"");
        assert_eq!(str_repr_cp(&cp("a'b\"")), "'a\\'b\"'");
        assert_eq!(str_repr_cp(&cp("\n\x01é\u{a0}")), "'\\n\\x01é\\xa0'");
        assert_eq!(str_repr_cp(&[0xD800]), "'\\ud800'");
    }
}
