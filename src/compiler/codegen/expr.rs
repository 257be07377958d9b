//! Expression codegen: names, operators, calls (plain, method, keyword, `*`/`**`, implicit
//! `super()`), displays, comprehensions (separate code objects called with the first
//! iterator as `.0`), lambdas, `await`/`yield`/`yield from`, f-strings, conditional jumps
//! (`jump_if`), and the annotation unparser used under `from __future__ import annotations`.

use super::fold;
use super::stmt::binop;
use super::{pos_of, Compiler, FbKind, Label, Op, UnitKind, R};
use crate::bytecode::{CmpOp, Const, Conversion, Instr};
use crate::compiler::symtable::{node_key, CompKind};
use crate::compiler::CompileError;
use crate::syntax::ast::{self, *};

/// CPython's `STACK_USE_GUIDELINE`: above this many items, displays are built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

fn is_starred(e: &Expr) -> bool {
    matches!(e.node, ExprKind::Starred { .. })
}

impl<'a> Compiler<'a> {
    pub(crate) fn visit_expr(&mut self, e: &'a Expr) -> R {
        let saved = self.ur().pos;
        self.set_loc(e.loc);
        let r = self.visit_expr1(e);
        self.u().pos = saved;
        r
    }

    fn visit_exprs(&mut self, es: &'a [Expr]) -> R {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    /// Move the start of the current position to the attribute name when the attribute
    /// expression spans lines (CPython's `update_start_location_to_match_attr`).
    pub(crate) fn attr_loc(&mut self, attr_expr: &Expr, attr: &str) {
        let p = &mut self.u().pos;
        if p.lineno != attr_expr.loc.end_lineno {
            p.lineno = attr_expr.loc.end_lineno;
            let len = attr.len() as u32;
            if len <= attr_expr.loc.end_col_offset {
                p.col = attr_expr.loc.end_col_offset - len;
            }
            p.end_lineno = p.end_lineno.max(p.lineno);
            if p.lineno == p.end_lineno {
                p.end_col = p.end_col.max(p.col);
            }
        }
    }

    fn visit_expr1(&mut self, e: &'a Expr) -> R {
        if let Some(c) = fold::const_value(e, self.optimize) {
            self.load_const(c);
            return Ok(());
        }
        match &e.node {
            ExprKind::Name { id, ctx } => self.name_op(id, *ctx, e.loc)?,
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.visit_expr(v)?;
                    self.emit(match op {
                        BoolOp::And => Instr::JumpIfFalseOrPop { target: end },
                        BoolOp::Or => Instr::JumpIfTrueOrPop { target: end },
                    });
                }
                self.visit_expr(&values[n])?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.emit(Instr::Copy { n: 1 });
                self.visit_expr(target)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.emit(Instr::BinaryOp { op: binop(*op) });
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Instr::UnaryInvert,
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::UAdd => Instr::UnaryPositive,
                    UnaryOp::USub => Instr::UnaryNegative,
                });
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.jump(end);
                self.bind(next);
                self.visit_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack(elts, 0, Coll::Set, false)?,
            ExprKind::ListComp { elt, generators } => self.comprehension(e, CompKind::List, "<listcomp>", generators, elt, None)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, CompKind::Set, "<setcomp>", generators, elt, None)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, CompKind::Dict, "<dictcomp>", generators, key, Some(value))?
            }
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, CompKind::Generator, "<genexpr>", generators, elt, None)?,
            ExprKind::Await { value } => {
                if !self.is_function_scope() {
                    return Err(CompileError { msg: "'await' outside function".into(), loc: e.loc });
                }
                if !matches!(self.ur().kind, UnitKind::AsyncFunction | UnitKind::Comprehension) {
                    return Err(CompileError { msg: "'await' outside async function".into(), loc: e.loc });
                }
                self.visit_expr(value)?;
                self.emit(Instr::GetAwaitable { where_: 0 });
                self.load_const(Const::None);
                self.yield_from();
            }
            ExprKind::Yield { value } => {
                if !self.is_function_scope() {
                    return Err(CompileError { msg: "'yield' outside function".into(), loc: e.loc });
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom { value } => {
                if !self.is_function_scope() {
                    return Err(CompileError { msg: "'yield' outside function".into(), loc: e.loc });
                }
                if self.ur().kind == UnitKind::AsyncFunction {
                    return Err(CompileError { msg: "'yield from' inside async function".into(), loc: e.loc });
                }
                self.visit_expr(value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Const::None);
                self.yield_from();
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.visit_expr(value)?;
                let conv = match u32::try_from(*conversion).ok().and_then(char::from_u32) {
                    Some('s') => Conversion::Str,
                    Some('r') => Conversion::Repr,
                    Some('a') => Conversion::Ascii,
                    _ => Conversion::None,
                };
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
                self.emit(Instr::FormatValue { conv, has_spec: format_spec.is_some() });
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Self::str_const(""));
                    let i = self.name_index("join");
                    self.emit(Instr::LoadMethod { namei: i });
                    self.emit(Instr::BuildList { count: 0 });
                    for v in values {
                        self.visit_expr(v)?;
                        self.emit(Instr::ListAppend { i: 1 });
                    }
                    self.emit(Instr::CallMethod { argc: 1 });
                } else {
                    self.visit_exprs(values)?;
                    if values.len() != 1 {
                        self.emit(Instr::BuildString { count: values.len() as u32 });
                    }
                }
            }
            ExprKind::Constant { value, .. } => self.load_const(fold::from_ast(value)),
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.attr_loc(e, attr);
                let i = self.mangled_name_index(attr);
                self.emit(match ctx {
                    ExprContext::Load => Instr::LoadAttr { namei: i },
                    ExprContext::Store => Instr::StoreAttr { namei: i },
                    ExprContext::Del => Instr::DeleteAttr { namei: i },
                });
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.emit(match ctx {
                    ExprContext::Load => Instr::BinarySubscr,
                    ExprContext::Store => Instr::StoreSubscr,
                    ExprContext::Del => Instr::DeleteSubscr,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                let msg = if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(CompileError { msg: msg.into(), loc: e.loc });
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper] {
                    match x {
                        Some(x) => self.visit_expr(x)?,
                        None => self.load_const(Const::None),
                    }
                }
                let mut n = 2;
                if let Some(s) = step {
                    self.visit_expr(s)?;
                    n = 3;
                }
                self.emit(Instr::BuildSlice { argc: n });
            }
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => {
                let tuple = matches!(e.node, ExprKind::Tuple { .. });
                match ctx {
                    ExprContext::Store => self.assignment_helper(elts)?,
                    ExprContext::Del => self.visit_exprs(elts)?,
                    ExprContext::Load => self.starunpack(elts, 0, Coll::List, tuple)?,
                }
            }
        }
        Ok(())
    }

    // ----- displays -----

    /// Push a tuple of `es` (a constant when they all are).
    pub(crate) fn build_tuple_of(&mut self, es: &'a [Expr]) -> R {
        let consts: Option<Vec<Const>> = es.iter().map(|x| fold::const_value(x, self.optimize)).collect();
        if let Some(v) = consts {
            self.load_const(Const::Tuple(v));
            return Ok(());
        }
        self.visit_exprs(es)?;
        self.emit(Instr::BuildTuple { count: es.len() as u32 });
        Ok(())
    }

    /// A `for`/comprehension iterable or `in` operand: a list display becomes a tuple, a
    /// constant set a frozenset (CPython's `fold_iter`).
    pub(crate) fn visit_iter_expr(&mut self, e: &'a Expr) -> R {
        match &e.node {
            ExprKind::List { elts, ctx: ExprContext::Load } if !elts.iter().any(is_starred) => {
                let saved = self.ur().pos;
                self.set_loc(e.loc);
                let r = self.build_tuple_of(elts);
                self.u().pos = saved;
                r
            }
            ExprKind::Set { elts } if !elts.iter().any(is_starred) => {
                let consts: Option<Vec<Const>> = elts.iter().map(|x| fold::const_value(x, self.optimize)).collect();
                match consts {
                    Some(v) => {
                        let saved = self.ur().pos;
                        self.set_loc(e.loc);
                        self.load_const(Const::FrozenSet(v));
                        self.u().pos = saved;
                        Ok(())
                    }
                    None => self.visit_expr(e),
                }
            }
            _ => self.visit_expr(e),
        }
    }

    /// Lists, sets, tuples and positional call arguments with possible `*` items
    /// (`starunpack_helper`).
    fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, coll: Coll, tuple: bool) -> R {
        let n = elts.len();
        let (build, add, extend): (fn(u32) -> Instr, fn(u32) -> Instr, fn(u32) -> Instr) = match coll {
            Coll::List => (|c| Instr::BuildList { count: c }, |i| Instr::ListAppend { i }, |i| Instr::ListExtend { i }),
            Coll::Set => (|c| Instr::BuildSet { count: c }, |i| Instr::SetAdd { i }, |i| Instr::SetUpdate { i }),
        };
        if n > 2 {
            let consts: Option<Vec<Const>> =
                elts.iter().map(|x| if is_starred(x) { None } else { fold::const_value(x, self.optimize) }).collect();
            if let Some(v) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Const::Tuple(v));
                } else {
                    self.emit(build(pushed));
                    self.load_const(if coll == Coll::Set { Const::FrozenSet(v) } else { Const::Tuple(v) });
                    self.emit(extend(1));
                    if tuple {
                        self.emit(Instr::ListToTuple);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(is_starred);
        if !seen_star && !big {
            self.visit_exprs(elts)?;
            let count = n as u32 + pushed;
            self.emit(if tuple { Instr::BuildTuple { count } } else { build(count) });
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build(pushed));
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.node {
                if !built {
                    self.emit(build(i as u32 + pushed));
                    built = true;
                }
                self.visit_expr(value)?;
                self.emit(extend(1));
            } else {
                self.visit_expr(x)?;
                if built {
                    self.emit(add(1));
                }
            }
        }
        if tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> R {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Instr::DictUpdate { i: 1 });
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Instr::BuildMap { count: 0 });
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.emit(Instr::DictUpdate { i: 1 });
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Instr::DictUpdate { i: 1 });
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Instr::DictUpdate { i: 1 });
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instr::BuildMap { count: 0 });
        }
        Ok(())
    }

    fn subdict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], begin: usize, end: usize) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let consts: Option<Vec<Const>> =
                keys[begin..end].iter().map(|k| k.as_ref().and_then(|k| fold::const_value(k, self.optimize))).collect();
            if let Some(ks) = consts {
                self.visit_exprs(&values[begin..end])?;
                self.load_const(Const::Tuple(ks));
                self.emit(Instr::BuildConstKeyMap { count: n as u32 });
                return Ok(());
            }
        }
        if big {
            self.emit(Instr::BuildMap { count: 0 });
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.emit(Instr::MapAdd { i: 1 });
            }
        }
        if !big {
            self.emit(Instr::BuildMap { count: n as u32 });
        }
        Ok(())
    }

    /// Unpack the value on the stack into the targets `elts` (`assignment_helper`).
    fn assignment_helper(&mut self, elts: &'a [Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if is_starred(x) && !seen_star {
                if i >= 256 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.emit(Instr::UnpackEx { before: i as u32, after: (n - i - 1) as u32 });
                seen_star = true;
            } else if is_starred(x) {
                return Err(self.error("multiple starred expressions in assignment"));
            }
        }
        if !seen_star {
            self.emit(Instr::UnpackSequence { count: n as u32 });
        }
        for x in elts {
            match &x.node {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(x)?,
            }
        }
        Ok(())
    }

    // ----- comparisons and conditional jumps -----

    fn cmp_instr(op: ast::CmpOp) -> Instr {
        match op {
            ast::CmpOp::Eq => Instr::CompareOp { op: CmpOp::Eq },
            ast::CmpOp::NotEq => Instr::CompareOp { op: CmpOp::Ne },
            ast::CmpOp::Lt => Instr::CompareOp { op: CmpOp::Lt },
            ast::CmpOp::LtE => Instr::CompareOp { op: CmpOp::Le },
            ast::CmpOp::Gt => Instr::CompareOp { op: CmpOp::Gt },
            ast::CmpOp::GtE => Instr::CompareOp { op: CmpOp::Ge },
            ast::CmpOp::Is => Instr::IsOp { invert: false },
            ast::CmpOp::IsNot => Instr::IsOp { invert: true },
            ast::CmpOp::In => Instr::ContainsOp { invert: false },
            ast::CmpOp::NotIn => Instr::ContainsOp { invert: true },
        }
    }

    /// A comparator: the last operand of `in`/`not in` gets `fold_iter` treatment.
    fn comparator(&mut self, ops: &[ast::CmpOp], comparators: &'a [Expr], i: usize) -> R {
        let last = i + 1 == comparators.len();
        if last && matches!(ops[i], ast::CmpOp::In | ast::CmpOp::NotIn) {
            self.visit_iter_expr(&comparators[i])
        } else {
            self.visit_expr(&comparators[i])
        }
    }

    fn compare(&mut self, left: &'a Expr, ops: &[ast::CmpOp], comparators: &'a [Expr]) -> R {
        self.visit_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.comparator(ops, comparators, 0)?;
            self.emit(Self::cmp_instr(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.comparator(ops, comparators, i)?;
            self.emit(Instr::Swap { n: 2 });
            self.emit(Instr::Copy { n: 2 });
            self.emit(Self::cmp_instr(ops[i]));
            self.emit(Instr::JumpIfFalseOrPop { target: cleanup });
        }
        self.comparator(ops, comparators, n)?;
        self.emit(Self::cmp_instr(ops[n]));
        let end = self.new_label();
        self.jump(end);
        self.bind(cleanup);
        self.emit(Instr::Swap { n: 2 });
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    /// Evaluate `e` for its truth and jump to `next` when it equals `cond`
    /// (`compiler_jump_if`, including its special cases).
    ///
    /// As in CPython 3.11, a comparison tested here leaves its own location current
    /// after the jump: what the statement emits next (an `assert`'s raise) carries it,
    /// so `assert x == 2` underlines `x == 2`. The last comparison compiled wins.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> R {
        let saved = self.ur().pos;
        let own = pos_of(e.loc);
        self.set_loc(e.loc);
        let r = self.jump_if1(e, next, cond);
        let after = self.ur().pos;
        let leaked = matches!(e.node, ExprKind::Compare { .. }) || after != own;
        if !leaked {
            self.u().pos = saved;
        }
        r
    }

    fn jump_if1(&mut self, e: &'a Expr, next: Label, cond: bool) -> R {
        if let Some(c) = fold::const_value(e, self.optimize) {
            if let Some(t) = fold::is_true(&c) {
                if t == cond {
                    self.jump(next);
                } else {
                    self.emit(Instr::Nop);
                }
                return Ok(());
            }
        }
        match &e.node {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let n = values.len() - 1;
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { next };
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump(end);
                self.bind(next2);
                self.jump_if(orelse, next, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.comparator(ops, comparators, i)?;
                    self.emit(Instr::Swap { n: 2 });
                    self.emit(Instr::Copy { n: 2 });
                    self.emit(Self::cmp_instr(ops[i]));
                    self.emit(Instr::PopJumpIfFalse { target: cleanup });
                }
                self.comparator(ops, comparators, n)?;
                self.emit(Self::cmp_instr(ops[n]));
                self.emit(if cond { Instr::PopJumpIfTrue { target: next } } else { Instr::PopJumpIfFalse { target: next } });
                let end = self.new_label();
                self.jump(end);
                self.bind(cleanup);
                self.emit(Instr::PopTop);
                if !cond {
                    self.jump(next);
                }
                self.bind(end);
                return Ok(());
            }
            // `x is None` / `x is not None`: CPython's peephole makes these POP_JUMP_IF_NONE.
            ExprKind::Compare { left, ops, comparators }
                if matches!(ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot)
                    && matches!(comparators[0].node, ExprKind::Constant { value: Constant::None, .. }) =>
            {
                self.visit_expr(left)?;
                let is_none = (ops[0] == ast::CmpOp::Is) == cond;
                self.emit(if is_none { Instr::PopJumpIfNone { target: next } } else { Instr::PopJumpIfNotNone { target: next } });
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.emit(if cond { Instr::PopJumpIfTrue { target: next } } else { Instr::PopJumpIfFalse { target: next } });
        Ok(())
    }

    // ----- calls -----

    fn validate_keywords(&self, keywords: &[Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name == "__debug__" {
                return Err(CompileError { msg: "cannot assign to __debug__".into(), loc: k.loc });
            }
            for other in &keywords[i + 1..] {
                if other.arg.as_deref() == Some(name.as_str()) {
                    return Err(CompileError { msg: format!("keyword argument repeated: {name}"), loc: other.loc });
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        self.validate_keywords(keywords)?;
        if args.is_empty() && keywords.is_empty() && self.implicit_super(func)? {
            return Ok(());
        }
        if self.method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// Zero-argument `super()` in a method: `super(__class__, <first argument>)`.
    fn implicit_super(&mut self, func: &'a Expr) -> R<bool> {
        let ExprKind::Name { id, ctx: ExprContext::Load } = &func.node else {
            return Ok(false);
        };
        if id != "super" || !self.is_function_scope() || !self.is_builtin_super() {
            return Ok(false);
        }
        let u = self.ur();
        if u.argcount == 0 || !u.freevars.iter().any(|f| f == "__class__") {
            return Ok(false);
        }
        let first = u.varnames[0].clone();
        let saved = self.ur().pos;
        self.set_loc(func.loc);
        self.name_op("super", ExprContext::Load, func.loc)?;
        let i = self.deref_index("__class__", false);
        self.emit(Instr::LoadDeref { cell: i });
        self.name_op(&first, ExprContext::Load, func.loc)?;
        self.u().pos = saved;
        self.emit(Instr::Call { argc: 2 });
        Ok(true)
    }

    /// Is `e` a name imported at module level (CPython then avoids `LOAD_METHOD`)?
    fn is_import_originated(&self, e: &Expr) -> bool {
        match &e.node {
            ExprKind::Name { id, .. } => self.st.scopes[0].flags(id) & crate::compiler::symtable::def::IMPORT != 0,
            _ => false,
        }
    }

    fn method_call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R<bool> {
        let ExprKind::Attribute { value, attr, ctx: ExprContext::Load } = &func.node else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        if args.len() + keywords.len() + (!keywords.is_empty()) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(value)?;
        let saved = self.ur().pos;
        self.set_loc(func.loc);
        self.attr_loc(func, attr);
        let i = self.mangled_name_index(attr);
        self.emit(Instr::LoadMethod { namei: i });
        self.set_loc(e.loc);
        self.attr_loc(func, attr);
        self.visit_exprs(args)?;
        let argc = (args.len() + keywords.len()) as u32;
        if keywords.is_empty() {
            self.emit(Instr::CallMethod { argc });
        } else {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.kwnames(keywords);
            self.emit(Instr::CallMethodKw { argc });
        }
        self.u().pos = saved;
        Ok(true)
    }

    fn kwnames(&mut self, keywords: &[Keyword]) {
        let names = keywords.iter().map(|k| Self::str_const(k.arg.as_deref().unwrap_or(""))).collect();
        self.load_const(Const::Tuple(names));
    }

    /// Arguments and the call, with `pushed` positional arguments already on the stack
    /// above the callable (`compiler_call_helper`).
    pub(crate) fn call_helper(&mut self, pushed: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        self.validate_keywords(keywords)?;
        let ex_call = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            self.visit_exprs(args)?;
            let argc = pushed + (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Instr::Call { argc });
            } else {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kwnames(keywords);
                self.emit(Instr::CallKw { argc });
            }
            return Ok(());
        }
        // Positional arguments always become one tuple (the contract of CallFunctionEx).
        if pushed == 0 && args.len() == 1 && is_starred(&args[0]) {
            self.emit(Instr::BuildList { count: 0 });
            if let ExprKind::Starred { value, .. } = &args[0].node {
                self.visit_expr(value)?;
            }
            self.emit(Instr::ListExtend { i: 1 });
            self.emit(Instr::ListToTuple);
        } else if args.iter().any(is_starred) || pushed as usize + args.len() > STACK_USE_GUIDELINE {
            self.starunpack(args, pushed, Coll::List, true)?;
        } else {
            self.visit_exprs(args)?;
            self.emit(Instr::BuildTuple { count: pushed + args.len() as u32 });
        }
        let has_kwargs = !keywords.is_empty();
        if has_kwargs {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit(Instr::DictMerge { i: 1 });
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap { count: 0 });
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(Instr::DictMerge { i: 1 });
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                let n = keywords.len();
                self.subkwargs(&keywords[n - nseen..])?;
                if have_dict {
                    self.emit(Instr::DictMerge { i: 1 });
                }
            }
        }
        self.emit(Instr::CallFunctionEx { has_kwargs });
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [Keyword]) -> R {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            self.kwnames(kws);
            self.emit(Instr::BuildConstKeyMap { count: n as u32 });
            return Ok(());
        }
        if big {
            self.emit(Instr::BuildMap { count: 0 });
        }
        for k in kws {
            self.load_const(Self::str_const(k.arg.as_deref().unwrap_or("")));
            self.visit_expr(&k.value)?;
            if big {
                self.emit(Instr::MapAdd { i: 1 });
            }
        }
        if !big {
            self.emit(Instr::BuildMap { count: n as u32 });
        }
        Ok(())
    }

    // ----- lambdas and comprehensions -----

    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> R {
        let mut fl = 0;
        if !args.defaults.is_empty() {
            self.build_tuple_of(&args.defaults)?;
            fl |= crate::bytecode::opcode::make_function::DEFAULTS;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(Const::Str(PyString::Utf8(crate::compiler::symtable::mangle(self.ur().private.as_deref(), &a.arg))));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Const::Tuple(keys));
            self.emit(Instr::BuildConstKeyMap { count: n });
            fl |= crate::bytecode::opcode::make_function::KWDEFAULTS;
        }
        let scope = self.st.scope_for(node_key(e)).ok_or_else(|| self.error("internal compiler error: missing lambda scope"))?;
        self.enter_unit(scope, UnitKind::Lambda, "<lambda>", e.loc.lineno);
        self.add_const(Const::None);
        self.set_arg_counts(args);
        self.visit_expr(body)?;
        self.set_loc(body.loc);
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit();
        self.make_closure(code, fl);
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        name: &str,
        gens: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> R {
        let scope = self.st.scope_for(node_key(e)).ok_or_else(|| self.error("internal compiler error: missing comprehension scope"))?;
        let outer = self.ur().kind;
        self.enter_unit(scope, UnitKind::Comprehension, name, e.loc.lineno);
        self.set_loc(e.loc);
        let is_async = self.scope().coroutine;
        if is_async && kind != CompKind::Generator && !matches!(outer, UnitKind::AsyncFunction | UnitKind::Comprehension) {
            return Err(CompileError { msg: "asynchronous comprehension outside of an asynchronous function".into(), loc: e.loc });
        }
        match kind {
            CompKind::List => self.emit(Instr::BuildList { count: 0 }),
            CompKind::Set => self.emit(Instr::BuildSet { count: 0 }),
            CompKind::Dict => self.emit(Instr::BuildMap { count: 0 }),
            CompKind::Generator => {}
        }
        self.comp_generator(gens, 0, 0, elt, val, kind)?;
        if kind != CompKind::Generator {
            self.emit(Instr::ReturnValue);
        } else {
            self.unset_loc();
            self.load_const(Const::None);
            self.emit(Instr::ReturnValue);
        }
        let code = self.exit_unit();
        self.make_closure(code, 0);
        self.visit_iter_expr(&gens[0].iter)?;
        self.emit(if gens[0].is_async { Instr::GetAiter } else { Instr::GetIter });
        self.emit(Instr::Call { argc: 1 });
        if is_async && kind != CompKind::Generator {
            self.emit(Instr::GetAwaitable { where_: 0 });
            self.load_const(Const::None);
            self.yield_from();
        }
        Ok(())
    }

    fn comp_element(&mut self, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind, depth: u32) -> R {
        match kind {
            CompKind::Generator => {
                self.visit_expr(elt)?;
                self.emit(Instr::YieldValue);
                self.emit(Instr::PopTop);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.emit(Instr::ListAppend { i: depth + 1 });
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.emit(Instr::SetAdd { i: depth + 1 });
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.emit(Instr::MapAdd { i: depth + 1 });
            }
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        if gens[index].is_async {
            self.async_comp_generator(gens, index, depth, elt, val, kind)
        } else {
            self.sync_comp_generator(gens, index, depth, elt, val, kind)
        }
    }

    fn sync_comp_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let g = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            let i = self.varname_index(".0");
            self.emit(Instr::LoadFast { var: i });
        } else {
            // `for y in [f(x)]`: bind the single item directly.
            let single = match &g.iter.node {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 && !is_starred(&elts[0]) => Some(&elts[0]),
                _ => None,
            };
            if let Some(x) = single {
                self.visit_expr(x)?;
                start = None;
            } else {
                self.visit_iter_expr(&g.iter)?;
                self.emit(Instr::GetIter);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.bind(s);
            self.emit(Instr::ForIter { target: anchor });
        }
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comp_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comp_element(elt, val, kind, depth)?;
        }
        self.bind(if_cleanup);
        if let Some(s) = start {
            self.jump(s);
            self.bind(anchor);
        }
        Ok(())
    }

    fn async_comp_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        let g = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            let i = self.varname_index(".0");
            self.emit(Instr::LoadFast { var: i });
        } else {
            self.visit_expr(&g.iter)?;
            self.emit(Instr::GetAiter);
        }
        self.bind(start);
        self.push_fblock(FbKind::AsyncComprehensionGenerator, start, start)?;
        self.emit_op(Op::SetupFinally(except));
        self.emit(Instr::GetAnext);
        self.load_const(Const::None);
        self.yield_from();
        self.emit_op(Op::PopBlock);
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < gens.len() {
            self.comp_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comp_element(elt, val, kind, depth)?;
        }
        self.bind(if_cleanup);
        self.jump(start);
        self.pop_fblock();
        self.bind(except);
        self.emit(Instr::EndAsyncFor);
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coll {
    List,
    Set,
}

// ----- unparsing (annotations under `from __future__ import annotations`) -----

/// Python source for an expression, as `ast.unparse` writes it (the common forms).
pub(crate) fn unparse(e: &Expr) -> String {
    let mut s = String::new();
    unparse_into(e, 0, &mut s);
    s
}

fn precedence(e: &Expr) -> u8 {
    match &e.node {
        ExprKind::NamedExpr { .. } => 1,
        ExprKind::Lambda { .. } => 2,
        ExprKind::IfExp { .. } => 3,
        ExprKind::BoolOp { op: BoolOp::Or, .. } => 4,
        ExprKind::BoolOp { op: BoolOp::And, .. } => 5,
        ExprKind::UnaryOp { op: UnaryOp::Not, .. } => 6,
        ExprKind::Compare { .. } => 7,
        ExprKind::BinOp { op, .. } => match op {
            Operator::BitOr => 8,
            Operator::BitXor => 9,
            Operator::BitAnd => 10,
            Operator::LShift | Operator::RShift => 11,
            Operator::Add | Operator::Sub => 12,
            Operator::Mult | Operator::MatMult | Operator::Div | Operator::Mod | Operator::FloorDiv => 13,
            Operator::Pow => 15,
        },
        ExprKind::UnaryOp { .. } => 14,
        ExprKind::Await { .. } => 16,
        _ => 17,
    }
}

fn op_str(op: Operator) -> &'static str {
    match op {
        Operator::Add => "+",
        Operator::Sub => "-",
        Operator::Mult => "*",
        Operator::MatMult => "@",
        Operator::Div => "/",
        Operator::Mod => "%",
        Operator::Pow => "**",
        Operator::LShift => "<<",
        Operator::RShift => ">>",
        Operator::BitOr => "|",
        Operator::BitXor => "^",
        Operator::BitAnd => "&",
        Operator::FloorDiv => "//",
    }
}

pub fn repr_str(s: &PyString) -> String {
    if let PyString::Utf8(text) = s {
        return crate::text::str_repr(text);
    }
    // Lone surrogates (rare): escape them like CPython, everything else as above.
    let cps = s.code_points();
    let has_single = cps.contains(&('\'' as u32));
    let has_double = cps.contains(&('"' as u32));
    let q = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for c in cps {
        match char::from_u32(c) {
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some(ch) if ch == q => {
                out.push('\\');
                out.push(ch);
            }
            Some(ch) if (ch as u32) < 0x20 || ch as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", ch as u32)),
            Some(ch) if (0x80..0xa0).contains(&(ch as u32)) => out.push_str(&format!("\\x{:02x}", ch as u32)),
            Some(ch) => out.push(ch),
            None => out.push_str(&format!("\\u{c:04x}")),
        }
    }
    out.push(q);
    out
}

pub fn repr_bytes(b: &[u8]) -> String {
    crate::text::bytes_repr(b)
}

/// `repr(float)`.
pub fn repr_float(f: f64) -> String {
    crate::num::float_repr(f)
}

pub(crate) fn repr_const(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => repr_float(*f),
        Constant::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", repr_float(*imag).trim_end_matches(".0"))
            } else {
                format!("({}+{}j)", repr_float(*real), repr_float(*imag))
            }
        }
        Constant::Str(s) => repr_str(s),
        Constant::Bytes(b) => repr_bytes(b),
        Constant::Ellipsis => "...".into(),
    }
}

fn unparse_seq(es: &[Expr], out: &mut String) {
    for (i, x) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        unparse_into(x, 0, out);
    }
}

fn unparse_into(e: &Expr, parent: u8, out: &mut String) {
    let p = precedence(e);
    let paren = p < parent;
    if paren {
        out.push('(');
    }
    match &e.node {
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Constant { value, .. } => out.push_str(&repr_const(value)),
        ExprKind::Attribute { value, attr, .. } => {
            unparse_into(value, 17, out);
            if let ExprKind::Constant { value: Constant::Int(_), .. } = value.node {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            unparse_into(value, 17, out);
            out.push('[');
            match &slice.node {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    unparse_seq(elts, out);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => unparse_into(slice, 0, out),
            }
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            out.push('(');
            unparse_seq(elts, out);
            if elts.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            unparse_seq(elts, out);
            out.push(']');
        }
        ExprKind::Set { elts } => {
            out.push('{');
            unparse_seq(elts, out);
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        unparse_into(k, 0, out);
                        out.push_str(": ");
                        unparse_into(v, 0, out);
                    }
                    None => {
                        out.push_str("**");
                        unparse_into(v, 14, out);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::BinOp { left, op, right } => {
            let right_assoc = *op == Operator::Pow;
            unparse_into(left, if right_assoc { p + 1 } else { p }, out);
            out.push(' ');
            out.push_str(op_str(*op));
            out.push(' ');
            unparse_into(right, if right_assoc { p } else { p + 1 }, out);
        }
        ExprKind::UnaryOp { op, operand } => {
            out.push_str(match op {
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not ",
                UnaryOp::UAdd => "+",
                UnaryOp::USub => "-",
            });
            unparse_into(operand, p, out);
        }
        ExprKind::BoolOp { op, values } => {
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(if *op == BoolOp::And { " and " } else { " or " });
                }
                unparse_into(v, p + 1, out);
            }
        }
        ExprKind::Compare { left, ops, comparators } => {
            unparse_into(left, p + 1, out);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    ast::CmpOp::Eq => " == ",
                    ast::CmpOp::NotEq => " != ",
                    ast::CmpOp::Lt => " < ",
                    ast::CmpOp::LtE => " <= ",
                    ast::CmpOp::Gt => " > ",
                    ast::CmpOp::GtE => " >= ",
                    ast::CmpOp::Is => " is ",
                    ast::CmpOp::IsNot => " is not ",
                    ast::CmpOp::In => " in ",
                    ast::CmpOp::NotIn => " not in ",
                });
                unparse_into(c, p + 1, out);
            }
        }
        ExprKind::Call { func, args, keywords } => {
            unparse_into(func, 17, out);
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                unparse_into(a, 0, out);
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                unparse_into(&k.value, 0, out);
            }
            out.push(')');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            unparse_into(value, 8, out);
        }
        ExprKind::IfExp { test, body, orelse } => {
            unparse_into(body, p + 1, out);
            out.push_str(" if ");
            unparse_into(test, p + 1, out);
            out.push_str(" else ");
            unparse_into(orelse, p, out);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                unparse_into(l, 0, out);
            }
            out.push(':');
            if let Some(u) = upper {
                unparse_into(u, 0, out);
            }
            if let Some(s) = step {
                out.push(':');
                unparse_into(s, 0, out);
            }
        }
        ExprKind::Await { value } => {
            out.push_str("await ");
            unparse_into(value, p + 1, out);
        }
        _ => out.push_str("..."),
    }
    if paren {
        out.push(')');
    }
}
