//! Parameter lists (`def` and `lambda`) and call arguments, with CPython 3.11's messages for
//! misplaced `/`, `*`, `**`, defaults, and positional-after-keyword arguments.

use super::{ex, PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::token::{Tok, Token};

impl<'a> Parser<'a> {
    /// parameters / lambda_parameters: the whole `[posonly /] [args] [*[vararg] kwonly] [**kwarg]`
    /// list up to (not including) the closing `)` or `:`. `annotated` is true for `def`.
    pub fn parameters(&mut self, annotated: bool) -> PResult<Arguments> {
        let close = if annotated { Tok::RPar } else { Tok::Colon };
        let mut a = Arguments::default();
        let mut pos: Vec<Arg> = Vec::new();
        let mut defaults: Vec<Expr> = Vec::new();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_kwarg = false;
        loop {
            if self.at(close) {
                break;
            }
            let t = self.tok();
            if seen_kwarg {
                return Err(self.error_tok("arguments cannot follow var-keyword argument", t));
            }
            match t.kind {
                Tok::Slash => {
                    if seen_slash {
                        return Err(self.error_tok("/ may appear only once", t));
                    }
                    if seen_star {
                        return Err(self.error_tok("/ must be ahead of *", t));
                    }
                    if pos.is_empty() {
                        if self.peek_at(1) != Tok::Comma {
                            return Err(self.invalid_syntax());
                        }
                        return Err(self.error_tok("at least one argument must precede /", t));
                    }
                    self.bump();
                    seen_slash = true;
                    a.posonlyargs = std::mem::take(&mut pos);
                }
                Tok::Star => {
                    if seen_star {
                        return Err(self.error_tok("* argument may appear only once", t));
                    }
                    self.bump();
                    seen_star = true;
                    // Bare `*`: keyword-only parameters must follow. A `def` points at the
                    // '*', a lambda at the last token looked at (CPython's two rules differ).
                    let bare_star_error =
                        |p: &Self, last: Token| p.error_tok("named arguments must follow bare *", if annotated { t } else { last });
                    if self.at(Tok::Comma) {
                        let after = self.peek_at(1);
                        if after == close || after == Tok::DoubleStar {
                            return Err(bare_star_error(self, self.toks.get(self.pos + 1).copied().unwrap_or(t)));
                        }
                    } else if self.at(close) {
                        return Err(bare_star_error(self, self.tok()));
                    } else {
                        let arg = self.param(annotated, true)?;
                        if self.at(Tok::Equal) {
                            let e = self.tok();
                            return Err(self.error_tok("var-positional argument cannot have default value", e));
                        }
                        a.vararg = Some(Box::new(arg));
                    }
                }
                Tok::DoubleStar => {
                    self.bump();
                    let arg = self.param(annotated, false)?;
                    if self.at(Tok::Equal) {
                        let e = self.tok();
                        return Err(self.error_tok("var-keyword argument cannot have default value", e));
                    }
                    a.kwarg = Some(Box::new(arg));
                    seen_kwarg = true;
                }
                Tok::Name => {
                    let arg = self.param(annotated, false)?;
                    let default = if self.eat(Tok::Equal) { Some(self.expression()?) } else { None };
                    if seen_star {
                        a.kwonlyargs.push(arg);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => defaults.push(d),
                            None => {
                                if !defaults.is_empty() {
                                    return Err(self.error_at("non-default argument follows default argument", arg.loc));
                                }
                            }
                        }
                        pos.push(arg);
                    }
                }
                _ => return Err(self.invalid_syntax()),
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        a.args = pos;
        a.defaults = defaults;
        Ok(a)
    }

    /// param: NAME annotation? (`*args` may have a starred annotation in `def`).
    fn param(&mut self, annotated: bool, star: bool) -> PResult<Arg> {
        let start = self.start();
        let (name, _) = self.name()?;
        let annotation = if annotated && self.eat(Tok::Colon) {
            if star && self.at(Tok::Star) {
                let s = self.start();
                self.bump();
                let v = self.expression()?;
                Some(Box::new(ex(ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load }, self.loc_from(s))))
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(Arg { arg: name, annotation, type_comment: None, loc: self.loc_from(start) })
    }

    /// '(' [arguments] ')' after a callee: positional, `*`, keyword and `**` arguments, or a
    /// lone generator expression.
    pub fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.arguments(true)
    }

    /// '(' [arguments] ')' of a class definition: as a call's, but a lone generator
    /// expression is not allowed (it is only part of a call's grammar).
    pub fn class_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.arguments(false)
    }

    fn arguments(&mut self, genexp: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.start();
        self.bump();
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kw = false;
        let mut seen_dstar = false;
        while !self.at(Tok::RPar) {
            let start = self.start();
            let t = self.tok();
            match t.kind {
                Tok::Star => {
                    self.bump();
                    let value = self.expression()?;
                    let e = ex(ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load }, self.loc_from(start));
                    if seen_dstar {
                        return Err(self.error_tok("iterable argument unpacking follows keyword argument unpacking", t));
                    }
                    args.push(e);
                }
                Tok::DoubleStar => {
                    self.bump();
                    let value = self.expression()?;
                    keywords.push(Keyword { arg: None, value, loc: self.loc_from(start) });
                    seen_dstar = true;
                }
                Tok::Name if self.peek_at(1) == Tok::Equal => {
                    self.bump();
                    self.bump();
                    let value = self.expression()?;
                    if !matches!(self.peek(), Tok::Comma | Tok::RPar) {
                        self.check_missing_comma(&value)?;
                    }
                    keywords.push(Keyword { arg: Some(self.ident(t)), value, loc: self.loc_from(start) });
                    seen_kw = true;
                }
                _ => {
                    // args: (assignment_expression | expression !':='): only a bare name
                    // may be assigned to here, anything else before ':=' is invalid syntax.
                    let e = if t.kind == Tok::Name && self.peek_at(1) == Tok::ColonEqual {
                        self.named_expression()?
                    } else {
                        self.expression()?
                    };
                    if self.at(Tok::ColonEqual) {
                        return Err(self.invalid_syntax());
                    }
                    if matches!(self.peek(), Tok::For | Tok::Async) {
                        let for_pos = self.save();
                        let generators = self.for_if_clauses()?;
                        let only = args.is_empty() && keywords.is_empty() && self.at(Tok::RPar);
                        if only && !genexp {
                            self.restore(for_pos);
                            return Err(self.invalid_syntax());
                        }
                        if !only {
                            let g = ex(ExprKind::GeneratorExp { elt: Box::new(e), generators }, self.loc_from(start));
                            return Err(self.error_at("Generator expression must be parenthesized", g.loc));
                        }
                        self.bump();
                        let loc = self.loc_from(open);
                        args.push(ex(ExprKind::GeneratorExp { elt: Box::new(e), generators }, loc));
                        return Ok((args, keywords));
                    }
                    if self.at(Tok::Equal) {
                        let end = self.tok();
                        let loc = Loc { end_lineno: end.end_lineno, end_col_offset: end.end_col, ..e.loc };
                        return Err(self.error_at("expression cannot contain assignment, perhaps you meant \"==\"?", loc));
                    }
                    // CPython points at the token after the offending argument.
                    let after = self.tok();
                    if seen_dstar {
                        return Err(self.error_tok("positional argument follows keyword argument unpacking", after));
                    }
                    if seen_kw {
                        return Err(self.error_tok("positional argument follows keyword argument", after));
                    }
                    if !matches!(self.peek(), Tok::Comma | Tok::RPar) {
                        self.check_missing_comma(&e)?;
                    }
                    args.push(e);
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RPar)?;
        Ok((args, keywords))
    }
}
