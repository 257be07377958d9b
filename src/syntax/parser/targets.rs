//! Assignment, deletion and loop targets: parsing `star_targets`, converting a parsed
//! expression to `Store`/`Del` context, and CPython's "cannot assign to X" /
//! "cannot delete X" messages (`_PyPegen_get_expr_name`, `_PyPegen_get_invalid_target`).

use super::{ex, PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::token::Tok;

/// Which statement the target belongs to (selects CPython's message).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// `=` targets, `with ... as`, walrus.
    Star,
    /// `for` and comprehension targets.
    For,
    /// `del` targets.
    Del,
}

/// CPython's description of an expression in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target (CPython's `_PyPegen_get_invalid_target`).
pub fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.node {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter().find_map(|x| invalid_target(x, kind)),
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, .. } => {
            // `for x in y` parsed loosely: CPython blames the left operand of an `in`.
            if kind == TargetKind::For {
                invalid_target(left, kind)
            } else {
                Some(e)
            }
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Rewrite `e` (a valid target) to context `ctx`.
pub fn set_ctx(e: &mut Expr, ctx: ExprContext) {
    match &mut e.node {
        ExprKind::Name { ctx: c, .. } | ExprKind::Attribute { ctx: c, .. } | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_ctx(value, ctx);
        }
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_ctx(x, ctx);
            }
        }
        _ => {}
    }
}

impl<'a> Parser<'a> {
    /// Validate `e` as a target of `kind` and convert it to Store/Del context.
    pub fn to_target(&self, mut e: Expr, kind: TargetKind) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, kind) {
            let msg = match kind {
                TargetKind::Del => format!("cannot delete {}", expr_name(bad)),
                _ => format!("cannot assign to {}", expr_name(bad)),
            };
            return Err(self.error_at(msg, bad.loc));
        }
        set_ctx(&mut e, if kind == TargetKind::Del { ExprContext::Del } else { ExprContext::Store });
        Ok(e)
    }

    /// star_targets: star_target !',' | star_target (',' star_target)* [',']
    /// (parsed as expressions without comparisons, then validated)
    pub fn star_targets(&mut self, kind: TargetKind) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_target_item()?;
        if !self.at(Tok::Comma) {
            return self.to_target(first, kind);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if !(self.starts_expression() || self.at(Tok::Star)) || matches!(self.peek(), Tok::Not | Tok::Lambda) {
                break;
            }
            elts.push(self.star_target_item()?);
        }
        let t = ex(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start));
        self.to_target(t, kind)
    }

    fn star_target_item(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let start = self.start();
            self.bump();
            let value = self.star_target_item()?;
            return Ok(ex(ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load }, self.loc_from(start)));
        }
        self.bitwise_or()
    }

    /// CPython's `invalid_named_expression` for `NAME = expr` or `call() = expr` where an
    /// expression was expected (conditions, arguments, displays).
    pub fn check_named_assign(&mut self, a: &Expr) -> PResult<()> {
        if !self.at(Tok::Equal) {
            return Ok(());
        }
        let save = self.save();
        self.bump();
        let b = self.bitwise_or();
        let follows_eq = matches!(self.peek(), Tok::Equal | Tok::ColonEqual);
        self.restore(save);
        let Ok(b) = b else { return Ok(()) };
        if follows_eq {
            return Ok(());
        }
        match &a.node {
            ExprKind::Name { .. } => Err(self.error_at("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a.loc.to(b.loc))),
            ExprKind::List { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant { value: Constant::Bool(_) | Constant::None, .. }
            | ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. } => Ok(()),
            _ => Err(self.error_at(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(a)), a.loc)),
        }
    }
}
