//! The `match` statement (PEP 634) and every pattern kind: literal, capture, wildcard, value,
//! group, sequence, star, mapping, class, or- and as-patterns. `match` and `case` are soft
//! keywords: a statement starting with the name `match` is a match statement only when it
//! has the shape `match subject ':' NEWLINE`, else it is parsed again as an expression.

use super::{ex, st, PResult, Parser, EXPR_COST};
use crate::syntax::ast::*;
use crate::syntax::token::Tok;

fn pat(node: PatternKind, loc: Loc) -> Pattern {
    Pattern { node, loc }
}

impl<'a> Parser<'a> {
    /// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    /// Returns `None` (having consumed nothing) when this is not a match statement.
    pub fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let save = self.save();
        let start = self.start();
        let kw = self.bump();
        let subject = match self.subject_expr() {
            Ok(s) if self.at(Tok::Colon) => s,
            _ => {
                self.restore(save);
                return Ok(None);
            }
        };
        self.bump();
        if !self.at(Tok::Newline) {
            return Err(self.invalid_syntax());
        }
        self.bump();
        if !self.at(Tok::Indent) {
            let t = self.tok();
            let msg = format!("expected an indented block after 'match' statement on line {}", kw.lineno);
            return Err(self.error_tok_kind(crate::syntax::error::SyntaxErrorKind::Indentation, msg, t));
        }
        self.bump();
        let mut cases = Vec::new();
        while self.at_name("case") {
            cases.push(self.case_block()?);
        }
        if cases.is_empty() || !self.eat(Tok::Dedent) {
            if !self.at(Tok::EndMarker) || cases.is_empty() {
                return Err(self.invalid_syntax());
            }
        }
        Ok(Some(st(StmtKind::Match { subject: Box::new(subject), cases }, self.loc_from(start))))
    }

    /// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    pub fn subject_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_named_expression()?;
        if !self.at(Tok::Comma) {
            if let ExprKind::Starred { .. } = first.node {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::Colon) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(ex(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start)))
    }

    /// case_block: "case" patterns guard? ':' block
    fn case_block(&mut self) -> PResult<MatchCase> {
        let kw = self.bump();
        let pattern = self.patterns()?;
        let guard = if self.eat(Tok::If) { Some(Box::new(self.named_expression()?)) } else { None };
        self.expect_colon()?;
        let body = self.block("'case' statement", kw.lineno)?;
        Ok(MatchCase { pattern, guard, body })
    }

    /// patterns: open_sequence_pattern | pattern
    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at(Tok::Comma) {
            if let PatternKind::MatchStar { .. } = first.node {
                return Ok(pat(PatternKind::MatchSequence { patterns: vec![first] }, self.loc_from(start)));
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(Tok::Comma) {
            if matches!(self.peek(), Tok::Colon | Tok::If) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(pat(PatternKind::MatchSequence { patterns }, self.loc_from(start)))
    }

    /// maybe_star_pattern: star_pattern | pattern
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at(Tok::Star) {
            let start = self.start();
            self.bump();
            let (n, _) = self.name()?;
            let name = if n == "_" { None } else { Some(n) };
            return Ok(pat(PatternKind::MatchStar { name }, self.loc_from(start)));
        }
        self.pattern()
    }

    /// pattern: as_pattern | or_pattern;  as_pattern: or_pattern 'as' pattern_capture_target
    fn pattern(&mut self) -> PResult<Pattern> {
        self.nested(EXPR_COST, |p| {
            let start = p.start();
            let or = p.or_pattern()?;
            if !p.eat(Tok::As) {
                return Ok(or);
            }
            let t = p.tok();
            let (name, _) = p.name()?;
            if name == "_" {
                return Err(p.error_tok("cannot use '_' as a target", t));
            }
            Ok(pat(PatternKind::MatchAs { pattern: Some(Box::new(or)), name: Some(name) }, p.loc_from(start)))
        })
    }

    /// or_pattern: '|'.closed_pattern+
    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at(Tok::VBar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(Tok::VBar) {
            patterns.push(self.closed_pattern()?);
        }
        Ok(pat(PatternKind::MatchOr { patterns }, self.loc_from(start)))
    }

    /// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern |
    ///   group_pattern | sequence_pattern | mapping_pattern | class_pattern
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let t = self.tok();
        match t.kind {
            Tok::None | Tok::True | Tok::False => {
                self.bump();
                let value = match t.kind {
                    Tok::None => Constant::None,
                    Tok::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(pat(PatternKind::MatchSingleton { value }, Self::tok_loc(t)))
            }
            Tok::Number | Tok::Minus | Tok::String => {
                let value = self.literal_expr()?;
                Ok(pat(PatternKind::MatchValue { value: Box::new(value) }, self.loc_from(start)))
            }
            Tok::Name => {
                let e = self.name_or_attr()?;
                if self.at(Tok::LPar) {
                    return self.class_pattern(start, e);
                }
                match e.node {
                    ExprKind::Name { id, .. } => {
                        let name = if id == "_" { None } else { Some(id) };
                        Ok(pat(PatternKind::MatchAs { pattern: None, name }, e.loc))
                    }
                    _ => {
                        let loc = e.loc;
                        Ok(pat(PatternKind::MatchValue { value: Box::new(e) }, loc))
                    }
                }
            }
            Tok::LPar => {
                self.bump();
                if self.eat(Tok::RPar) {
                    return Ok(pat(PatternKind::MatchSequence { patterns: Vec::new() }, self.loc_from(start)));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat(Tok::RPar) {
                    if let PatternKind::MatchStar { .. } = first.node {
                        return Ok(pat(PatternKind::MatchSequence { patterns: vec![first] }, self.loc_from(start)));
                    }
                    return Ok(first);
                }
                let mut patterns = vec![first];
                while self.eat(Tok::Comma) {
                    if self.at(Tok::RPar) {
                        break;
                    }
                    patterns.push(self.maybe_star_pattern()?);
                }
                self.expect(Tok::RPar)?;
                Ok(pat(PatternKind::MatchSequence { patterns }, self.loc_from(start)))
            }
            Tok::LSqb => {
                self.bump();
                let mut patterns = Vec::new();
                while !self.at(Tok::RSqb) {
                    patterns.push(self.maybe_star_pattern()?);
                    if !self.eat(Tok::Comma) {
                        break;
                    }
                }
                self.expect(Tok::RSqb)?;
                Ok(pat(PatternKind::MatchSequence { patterns }, self.loc_from(start)))
            }
            Tok::LBrace => self.mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// name_or_attr: attr | NAME  (attr: name_or_attr '.' NAME)
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let (id, t) = self.name()?;
        let mut e = ex(ExprKind::Name { id, ctx: ExprContext::Load }, Self::tok_loc(t));
        while self.eat(Tok::Dot) {
            let (attr, _) = self.name()?;
            e = ex(ExprKind::Attribute { value: Box::new(e), attr, ctx: ExprContext::Load }, self.loc_from(start));
        }
        Ok(e)
    }

    /// literal_expr: signed_number !('+' | '-') | complex_number | strings  (and, for
    /// mapping keys, None/True/False)
    fn literal_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        match self.peek() {
            Tok::String => self.strings(),
            Tok::None | Tok::True | Tok::False => self.atom(),
            _ => {
                let real = self.signed_number()?;
                if matches!(self.peek(), Tok::Plus | Tok::Minus) {
                    let op = if self.bump().kind == Tok::Plus { Operator::Add } else { Operator::Sub };
                    if !matches!(
                        real.node,
                        ExprKind::Constant { value: Constant::Int(_) | Constant::Float(_), .. } | ExprKind::UnaryOp { .. }
                    ) {
                        return Err(self.error_at("real number required in complex literal", real.loc));
                    }
                    if let ExprKind::UnaryOp { operand, .. } = &real.node {
                        if let ExprKind::Constant { value: Constant::Complex { .. }, .. } = operand.node {
                            return Err(self.error_at("real number required in complex literal", real.loc));
                        }
                    }
                    let t = self.tok();
                    if t.kind != Tok::Number {
                        return Err(self.invalid_syntax());
                    }
                    let imag = self.atom()?;
                    if !matches!(imag.node, ExprKind::Constant { value: Constant::Complex { .. }, .. }) {
                        return Err(self.error_at("imaginary number required in complex literal", imag.loc));
                    }
                    return Ok(ex(ExprKind::BinOp { left: Box::new(real), op, right: Box::new(imag) }, self.loc_from(start)));
                }
                Ok(real)
            }
        }
    }

    /// signed_number: NUMBER | '-' NUMBER
    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.eat(Tok::Minus) {
            if !self.at(Tok::Number) {
                return Err(self.invalid_syntax());
            }
            let n = self.atom()?;
            return Ok(ex(ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(n) }, self.loc_from(start)));
        }
        if !self.at(Tok::Number) {
            return Err(self.invalid_syntax());
        }
        self.atom()
    }

    /// mapping_pattern: '{' [items_pattern [',' double_star_pattern] | double_star_pattern] [','] '}'
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(Tok::RBrace) {
            if self.eat(Tok::DoubleStar) {
                let (n, _) = self.name()?;
                rest = Some(n);
                self.eat(Tok::Comma);
                break;
            }
            let key = if self.at(Tok::Name) { self.name_or_attr()? } else { self.literal_expr()? };
            if let ExprKind::Name { .. } = key.node {
                return Err(self.invalid_syntax());
            }
            self.expect(Tok::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RBrace)?;
        Ok(pat(PatternKind::MatchMapping { keys, patterns, rest }, self.loc_from(start)))
    }

    /// class_pattern: name_or_attr '(' [pattern (',' pattern)*] [NAME '=' pattern (',' ...)*] [','] ')'
    fn class_pattern(&mut self, start: (u32, u32), cls: Expr) -> PResult<Pattern> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(Tok::RPar) {
            if self.peek() == Tok::Name && self.peek_at(1) == Tok::Equal {
                let (n, _) = self.name()?;
                self.bump();
                kwd_attrs.push(n);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.error_at("positional patterns follow keyword patterns", p.loc));
                }
                patterns.push(p);
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RPar)?;
        Ok(pat(PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns }, self.loc_from(start)))
    }
}
