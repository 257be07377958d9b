//! `match` statement codegen, following CPython 3.11's pattern compiler: the subject stays on
//! the stack while each case is tried; captured values are parked on the stack and stored
//! only when the whole pattern (and guard) succeeds; failure paths pop exactly what is on
//! the stack through a ladder of `fail_pop` labels.

use super::fold;
use super::{Compiler, Label, R};
use crate::bytecode::{BinOp, CmpOp, Const, Instr};
use crate::compiler::CompileError;
use crate::syntax::ast::*;

/// CPython's `pattern_context`.
struct PatternCtx {
    /// Names captured so far (their values are on the stack, in this order).
    stores: Vec<String>,
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items then falls into `fail_pop[n - 1]` ... `fail_pop[0]`.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that belong to the pattern being matched.
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(&p.node, PatternKind::MatchAs { pattern: None, name: None })
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.node, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, _s: &'a Stmt, subject: &'a Expr, cases: &'a [MatchCase]) -> R {
        self.visit_expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let last_tried = n - has_default as usize;
        for (i, m) in cases[..last_tried].iter().enumerate() {
            self.set_loc(m.pattern.loc);
            if i + 1 != last_tried {
                self.emit(Instr::Copy { n: 1 });
            }
            let mut pc =
                PatternCtx { stores: Vec::new(), allow_irrefutable: m.guard.is_some() || i + 1 == n, fail_pop: Vec::new(), on_top: 0 };
            self.pattern(&m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.name_op(&name, ExprContext::Store, m.pattern.loc)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i + 1 != last_tried {
                self.emit(Instr::PopTop);
            }
            self.visit_stmts(&m.body)?;
            self.jump(end);
            self.set_loc(m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = &cases[n - 1];
            self.set_loc(m.pattern.loc);
            if n == 1 {
                self.emit(Instr::PopTop);
            } else {
                self.emit(Instr::Nop);
            }
            if let Some(g) = &m.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_stmts(&m.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Jump (with `make`) to the label that pops everything this pattern left on the stack.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, make: fn(Label) -> Instr) {
        let pops = pc.on_top as usize + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops];
        self.emit(make(l));
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            self.emit(Instr::PopTop);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: u32) {
        while count > 1 {
            self.emit(Instr::Swap { n: count });
            count -= 1;
        }
    }

    fn store_capture(&mut self, name: Option<&str>, pc: &mut PatternCtx, loc: Loc) -> R {
        let Some(n) = name else {
            self.emit(Instr::PopTop);
            return Ok(());
        };
        if n == "__debug__" {
            return Err(CompileError { msg: "cannot assign to __debug__".into(), loc });
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(format!("multiple assignments to name '{n}' in pattern")));
        }
        let rotations = pc.on_top + pc.stores.len() as u32 + 1;
        self.rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        self.set_loc(p.loc);
        match &p.node {
            PatternKind::MatchValue { value } => {
                if matches!(value.node, ExprKind::Attribute { .. }) {
                    self.visit_expr(value)?;
                } else if let Some(c) = fold::const_value(value, self.optimize) {
                    self.load_const(c);
                } else {
                    return Err(self.error("patterns may only match literals and attribute lookups"));
                }
                self.emit(Instr::CompareOp { op: CmpOp::Eq });
                self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfFalse { target: l });
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(fold::from_ast(value));
                self.emit(Instr::IsOp { invert: false });
                self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfFalse { target: l });
            }
            PatternKind::MatchSequence { patterns } => self.sequence_pattern(patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => self.mapping_pattern(p, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar { name } => self.store_capture(name.as_deref(), pc, p.loc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match name {
                            Some(n) => self.error(format!("name capture '{n}' makes remaining patterns unreachable")),
                            None => self.error("wildcard makes remaining patterns unreachable"),
                        });
                    }
                    self.store_capture(name.as_deref(), pc, p.loc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Instr::Copy { n: 1 });
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(name.as_deref(), pc, p.loc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.or_pattern(patterns, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q.node, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfFalse { target: l });
        if star.is_none() {
            self.emit(Instr::GetLen);
            self.load_const(Const::Int(size.into()));
            self.emit(Instr::CompareOp { op: CmpOp::Eq });
            self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfFalse { target: l });
        } else if size > 1 {
            self.emit(Instr::GetLen);
            self.load_const(Const::Int((size - 1).into()));
            self.emit(Instr::CompareOp { op: CmpOp::Ge });
            self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfFalse { target: l });
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::PopTop);
        } else if star_wildcard {
            // `[a, *_, z]`: index the subject instead of unpacking it.
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Instr::Copy { n: 1 });
                if i < star {
                    self.load_const(Const::Int(i.into()));
                } else {
                    self.emit(Instr::GetLen);
                    self.load_const(Const::Int((size - i).into()));
                    self.emit(Instr::BinaryOp { op: BinOp::Subtract });
                }
                self.emit(Instr::BinarySubscr);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Instr::PopTop);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 {
                        return Err(self.error("too many expressions in star-unpacking sequence pattern"));
                    }
                    self.emit(Instr::UnpackEx { before: i as u32, after: (size - i - 1) as u32 });
                }
                None => self.emit(Instr::UnpackSequence { count: size as u32 }),
            }
            pc.on_top += size as u32;
            for q in patterns {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternCtx,
    ) -> R {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfFalse { target: l });
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Instr::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            self.load_const(Const::Int(size.into()));
            self.emit(Instr::CompareOp { op: CmpOp::Ge });
            self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfFalse { target: l });
        }
        let mut seen: Vec<Const> = Vec::new();
        let all_const = keys.iter().all(|k| !matches!(k.node, ExprKind::Attribute { .. }));
        for k in keys {
            if matches!(k.node, ExprKind::Attribute { .. }) {
                self.visit_expr(k)?;
                continue;
            }
            let Some(c) = fold::const_value(k, self.optimize) else {
                return Err(self.error("mapping pattern keys may only match literals and attribute lookups"));
            };
            if seen.contains(&c) {
                let r = crate::bytecode::disasm::const_repr(&c, &Default::default());
                self.set_loc(p.loc);
                return Err(self.error(format!("mapping pattern checks duplicate key ({r})")));
            }
            seen.push(c.clone());
            if !all_const {
                let saved = self.ur().pos;
                self.set_loc(k.loc);
                self.load_const(c);
                self.u().pos = saved;
            }
        }
        if all_const {
            self.load_const(Const::Tuple(seen));
        } else {
            self.emit(Instr::BuildTuple { count: size as u32 });
        }
        self.emit(Instr::MatchKeys);
        pc.on_top += 2;
        self.emit(Instr::Copy { n: 1 });
        self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfNone { target: l });
        self.emit(Instr::UnpackSequence { count: size as u32 });
        pc.on_top += size as u32;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(r) = rest {
            self.emit(Instr::BuildMap { count: 0 });
            self.emit(Instr::Swap { n: 3 });
            self.emit(Instr::DictUpdate { i: 2 });
            self.emit(Instr::UnpackSequence { count: size as u32 });
            let mut k = size as u32;
            while k > 0 {
                self.emit(Instr::Copy { n: 1 + k });
                k -= 1;
                self.emit(Instr::Swap { n: 2 });
                self.emit(Instr::DeleteSubscr);
            }
            self.store_capture(Some(r), pc, p.loc)?;
        } else {
            self.emit(Instr::PopTop);
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternCtx,
    ) -> R {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        for (i, a) in kwd_attrs.iter().enumerate() {
            if a == "__debug__" {
                self.set_loc(kwd_patterns[i].loc);
                return Err(self.error("cannot assign to __debug__"));
            }
            if let Some(j) = kwd_attrs[i + 1..].iter().position(|b| b == a) {
                self.set_loc(kwd_patterns[i + 1 + j].loc);
                return Err(self.error(format!("attribute name repeated in class pattern: {a}")));
            }
        }
        self.visit_expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Self::str_const(a)).collect();
        self.load_const(Const::Tuple(names));
        self.emit(Instr::MatchClass { count: nargs as u32 });
        self.emit(Instr::Copy { n: 1 });
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, |l| Instr::PopJumpIfNone { target: l });
        self.emit(Instr::UnpackSequence { count: (nargs + nattrs) as u32 });
        pc.on_top += (nargs + nattrs) as u32;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Instr::PopTop);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, alts: &'a [Pattern], pc: &mut PatternCtx) -> R {
        let end = self.new_label();
        let size = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Instr::Copy { n: 1 });
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => return Err(self.error("alternative patterns bind different names")),
                Some(ctl) => {
                    // Reorder captures on the stack to match the first alternative's order.
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.jump(end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(Instr::PopTop);
        self.jump_to_fail_pop(pc, |l| Instr::JumpForward { target: l });
        self.bind(end);
        let control = control.unwrap_or_default();
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{name}' in pattern")));
            }
            pc.stores.push(name);
        }
        self.emit(Instr::PopTop);
        Ok(())
    }
}
