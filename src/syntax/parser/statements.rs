//! Statement grammar: simple statements (assignments, imports, `del`, `global`, ...) and
//! compound statements (`if`, loops, `try`, `with`, `def`, `class`, decorators), blocks and
//! their indentation errors. `match` lives in `patterns.rs`.

use super::targets::TargetKind;
use super::{ex, st, PResult, Parser, EXPR_COST};
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::token::Tok;

impl<'a> Parser<'a> {
    /// statements: statement+ (up to ENDMARKER)
    pub fn statements_until_end(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.peek() {
                Tok::EndMarker => return Ok(body),
                Tok::Newline => {
                    self.bump();
                }
                Tok::Indent => return Err(self.invalid_syntax()),
                _ => self.statement(&mut body)?,
            }
        }
    }

    /// statement: compound_stmt | simple_stmts (appends to `out`)
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let s = match self.peek() {
            Tok::If => self.if_stmt(false)?,
            Tok::While => self.while_stmt()?,
            Tok::For => self.for_stmt(None)?,
            Tok::Try => self.try_stmt()?,
            Tok::With => self.with_stmt(None)?,
            Tok::Def => self.function_def(Vec::new(), None)?,
            Tok::Class => self.class_def(Vec::new())?,
            Tok::At => self.decorated()?,
            Tok::Async => self.async_stmt(Vec::new())?,
            Tok::Name if self.at_name("match") => {
                let save = self.save();
                match self.match_stmt()? {
                    Some(s) => s,
                    None => {
                        let r = self.simple_stmts(out);
                        if r.is_err() {
                            // CPython's `invalid_match_stmt`: `match subject` ending the line.
                            let after = self.save();
                            self.restore(save);
                            self.bump();
                            if self.subject_expr().is_ok() && self.at(Tok::Newline) {
                                let t = self.tok();
                                return Err(self.error_tok("expected ':'", t));
                            }
                            self.restore(after);
                        }
                        return r;
                    }
                }
            }
            _ => return self.simple_stmts(out),
        };
        out.push(s);
        Ok(())
    }

    /// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat(Tok::Semi) {
                if self.at(Tok::Newline) {
                    self.bump();
                    return Ok(());
                }
                continue;
            }
            if self.eat(Tok::Newline) {
                return Ok(());
            }
            return Err(self.invalid_syntax());
        }
    }

    /// simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt |
    ///   'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue' | global_stmt |
    ///   nonlocal_stmt
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let t = self.tok();
        match t.kind {
            Tok::Pass => {
                self.bump();
                Ok(st(StmtKind::Pass, Self::tok_loc(t)))
            }
            Tok::Break => {
                self.bump();
                Ok(st(StmtKind::Break, Self::tok_loc(t)))
            }
            Tok::Continue => {
                self.bump();
                Ok(st(StmtKind::Continue, Self::tok_loc(t)))
            }
            Tok::Return => {
                self.bump();
                let value = if self.starts_expression() || self.at(Tok::Star) { Some(Box::new(self.star_expressions()?)) } else { None };
                Ok(st(StmtKind::Return { value }, self.loc_from(start)))
            }
            Tok::Raise => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if self.starts_expression() {
                    exc = Some(Box::new(self.expression()?));
                    if self.eat(Tok::From) {
                        cause = Some(Box::new(self.expression()?));
                    }
                }
                Ok(st(StmtKind::Raise { exc, cause }, self.loc_from(start)))
            }
            Tok::Global | Tok::Nonlocal => {
                self.bump();
                let mut names = vec![self.name()?.0];
                while self.eat(Tok::Comma) {
                    names.push(self.name()?.0);
                }
                let loc = self.loc_from(start);
                Ok(st(if t.kind == Tok::Global { StmtKind::Global { names } } else { StmtKind::Nonlocal { names } }, loc))
            }
            Tok::Del => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let ts = self.start();
                    let e = self.star_target_del()?;
                    let _ = ts;
                    targets.push(self.to_target(e, TargetKind::Del)?);
                    if !self.eat(Tok::Comma) || matches!(self.peek(), Tok::Newline | Tok::Semi) {
                        break;
                    }
                }
                if !matches!(self.peek(), Tok::Newline | Tok::Semi) {
                    return Err(self.invalid_syntax());
                }
                Ok(st(StmtKind::Delete { targets }, self.loc_from(start)))
            }
            Tok::Assert => {
                self.bump();
                let test = Box::new(self.expression()?);
                let msg = if self.eat(Tok::Comma) { Some(Box::new(self.expression()?)) } else { None };
                Ok(st(StmtKind::Assert { test, msg }, self.loc_from(start)))
            }
            Tok::Import => self.import_name(),
            Tok::From => self.import_from(),
            _ => self.expr_or_assign_stmt(),
        }
    }

    fn star_target_del(&mut self) -> PResult<Expr> {
        self.bitwise_or()
    }

    /// assignment | star_expressions (expression statements, `=`, augmented and annotated
    /// assignment)
    fn expr_or_assign_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let first_is_paren = self.at(Tok::LPar);
        let first_is_yield = self.at(Tok::Yield);
        let first = if first_is_yield { self.yield_expr()? } else { self.star_expressions()? };
        match self.peek() {
            Tok::Colon => {
                // annotated assignment
                let annotation_target = match &first.node {
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
                    ExprKind::Tuple { .. } => Some("only single target (not tuple) can be annotated"),
                    ExprKind::List { .. } => Some("only single target (not list) can be annotated"),
                    _ => Some("illegal target for annotation"),
                };
                if let Some(msg) = annotation_target {
                    return Err(self.error_at(msg, first.loc));
                }
                self.bump();
                let annotation = self.expression()?;
                let value = if self.eat(Tok::Equal) {
                    Some(Box::new(if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? }))
                } else {
                    None
                };
                let simple = !first_is_paren && matches!(first.node, ExprKind::Name { .. });
                let target = self.to_target(first, TargetKind::Star)?;
                Ok(st(
                    StmtKind::AnnAssign { target: Box::new(target), annotation: Box::new(annotation), value, simple },
                    self.loc_from(start),
                ))
            }
            Tok::Equal => {
                let mut items = vec![first];
                // Which items are a bare (unparenthesized) `yield`.
                let mut bare_yield = vec![first_is_yield];
                while self.eat(Tok::Equal) {
                    let is_yield = self.at(Tok::Yield);
                    let e = if is_yield { self.yield_expr()? } else { self.star_expressions()? };
                    items.push(e);
                    bare_yield.push(is_yield);
                }
                let value = items.pop().unwrap_or_else(|| ex(ExprKind::Tuple { elts: Vec::new(), ctx: ExprContext::Load }, Loc::default()));
                let mut targets = Vec::with_capacity(items.len());
                let n = items.len();
                for (i, t) in items.into_iter().enumerate() {
                    // A bare `yield = ...` is refused as such; a parenthesized one is an
                    // expression that cannot be assigned to (CPython's two rules).
                    if let ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } = t.node {
                        if bare_yield[i] {
                            return Err(self.error_at("assignment to yield expression not possible", t.loc));
                        }
                        if i > 0 || n > 1 {
                            return Err(self.error_at("cannot assign to yield expression", t.loc));
                        }
                    }
                    if i == 0 && n == 1 && super::targets::invalid_target(&t, TargetKind::Star).is_some() {
                        self.check_here_message(&t, &value)?;
                    }
                    targets.push(self.to_target(t, TargetKind::Star)?);
                }
                if !matches!(self.peek(), Tok::Newline | Tok::Semi) {
                    return Err(self.invalid_syntax());
                }
                Ok(st(StmtKind::Assign { targets, value: Box::new(value), type_comment: None }, self.loc_from(start)))
            }
            Tok::ColonEqual if !is_bare_tuple(&first) && !(matches!(first.node, ExprKind::Name { .. }) && !first_is_paren) => {
                // CPython's `invalid_named_expression`: `expression ':=' expression`.
                let save = self.save();
                self.bump();
                let value_ok = self.expression().is_ok();
                self.restore(save);
                if value_ok {
                    let msg = format!("cannot use assignment expressions with {}", super::targets::expr_name(&first));
                    return Err(self.error_at(msg, first.loc));
                }
                Err(self.invalid_syntax())
            }
            k => {
                if let Some(op) = aug_op(k) {
                    match &first.node {
                        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
                        _ => {
                            let msg = format!("'{}' is an illegal expression for augmented assignment", super::targets::expr_name(&first));
                            return Err(self.error_at(msg, first.loc));
                        }
                    }
                    self.bump();
                    let value = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
                    let target = self.to_target(first, TargetKind::Star)?;
                    return Ok(st(StmtKind::AugAssign { target: Box::new(target), op, value: Box::new(value) }, self.loc_from(start)));
                }
                if !matches!(k, Tok::Newline | Tok::Semi) {
                    self.check_legacy_call(&first)?;
                }
                Ok(st(StmtKind::Expr { value: Box::new(first) }, self.loc_from(start)))
            }
        }
    }

    /// `f() = 1` at statement level: CPython's `invalid_named_expression` message variant.
    fn check_here_message(&mut self, t: &Expr, value: &Expr) -> PResult<()> {
        let elems: Vec<&Expr> = match &t.node {
            ExprKind::Tuple { elts, .. } if t.loc.col_offset == elts.first().map(|e| e.loc.col_offset).unwrap_or(0) => {
                elts.iter().collect()
            }
            _ => vec![t],
        };
        // The rule needs the value to start with a `bitwise_or` (what follows it does not
        // matter): a lambda, `not`, `yield` or a starred value does not.
        let value_ok = match &value.node {
            ExprKind::Lambda { .. } | ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } | ExprKind::Starred { .. } => false,
            ExprKind::UnaryOp { op: UnaryOp::Not, .. } => false,
            _ => true,
        };
        if !value_ok {
            return Ok(());
        }
        for e in elems {
            match &e.node {
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } | ExprKind::Starred { .. } => continue,
                ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } => return Ok(()),
                ExprKind::Constant { value: Constant::Bool(_) | Constant::None, .. } => return Ok(()),
                ExprKind::BoolOp { .. }
                | ExprKind::Compare { .. }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::NamedExpr { .. } => return Ok(()),
                ExprKind::UnaryOp { op: UnaryOp::Not, .. } => return Ok(()),
                _ => {
                    let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", super::targets::expr_name(e));
                    return Err(self.error_at(msg, e.loc));
                }
            }
        }
        Ok(())
    }

    /// invalid_legacy_expression: NAME !'(' star_expressions (`print x`, `exec "code"`)
    fn check_legacy_call(&mut self, first: &Expr) -> PResult<()> {
        if let ExprKind::Name { id, .. } = &first.node {
            if (id == "print" || id == "exec") && (self.starts_expression() || self.at(Tok::Star)) && !self.at(Tok::LPar) {
                let save = self.save();
                if let Ok(b) = self.star_expressions() {
                    let msg = format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?");
                    return Err(self.error_at(msg, first.loc.to(b.loc)));
                }
                self.restore(save);
            }
        }
        Ok(())
    }

    /// import_name: 'import' dotted_as_names
    fn import_name(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let mut names = Vec::new();
        loop {
            let s = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(Tok::As) { Some(self.name()?.0) } else { None };
            names.push(Alias { name, asname, loc: self.loc_from(s) });
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        Ok(st(StmtKind::Import { names }, self.loc_from(start)))
    }

    /// dotted_name: dotted_name '.' NAME | NAME
    fn dotted_name(&mut self) -> PResult<String> {
        let mut s = self.name()?.0;
        while self.at(Tok::Dot) {
            self.bump();
            s.push('.');
            s.push_str(&self.name()?.0);
        }
        Ok(s)
    }

    /// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets |
    ///              'from' ('.' | '...')+ 'import' import_from_targets
    fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let mut level = 0;
        loop {
            match self.peek() {
                Tok::Dot => level += 1,
                Tok::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(Tok::Name) { Some(self.dotted_name()?) } else { None };
        if module.is_none() && level == 0 {
            return Err(self.invalid_syntax());
        }
        if !self.eat(Tok::Import) {
            return Err(self.invalid_syntax());
        }
        let mut names = Vec::new();
        if self.at(Tok::Star) {
            let t = self.bump();
            names.push(Alias { name: "*".into(), asname: None, loc: Self::tok_loc(t) });
        } else {
            let paren = self.eat(Tok::LPar);
            loop {
                let s = self.start();
                let (name, _) = self.name()?;
                let asname = if self.eat(Tok::As) { Some(self.name()?.0) } else { None };
                names.push(Alias { name, asname, loc: self.loc_from(s) });
                if !self.at(Tok::Comma) {
                    break;
                }
                let comma = self.bump();
                if paren && self.at(Tok::RPar) {
                    break;
                }
                if !paren && matches!(self.peek(), Tok::Newline | Tok::Semi) {
                    let _ = comma;
                    let t = self.tok();
                    return Err(self.error_tok("trailing comma not allowed without surrounding parentheses", t));
                }
            }
            if paren {
                self.expect(Tok::RPar)?;
            }
        }
        Ok(st(StmtKind::ImportFrom { module, names, level }, self.loc_from(start)))
    }

    /// block: NEWLINE INDENT statements DEDENT | simple_stmts
    /// `what` names the statement for "expected an indented block after ... on line N".
    pub fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.nested(EXPR_COST, |p| p.block_inner(what, line))
    }

    fn block_inner(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !self.at(Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if !self.at(Tok::Indent) {
            if self.peek() == Tok::ErrorToken {
                return Err(self.invalid_syntax());
            }
            let t = self.tok();
            let msg = format!("expected an indented block after {what} on line {line}");
            return Err(self.error_tok_kind(SyntaxErrorKind::Indentation, msg, t));
        }
        self.bump();
        loop {
            match self.peek() {
                Tok::Dedent => {
                    self.bump();
                    return Ok(body);
                }
                Tok::EndMarker => return Ok(body),
                Tok::Indent => return Err(self.invalid_syntax()),
                _ => self.statement(&mut body)?,
            }
        }
    }

    /// if_stmt: 'if' named_expression ':' block elif_stmt | 'if' named_expression ':' block [else_block]
    fn if_stmt(&mut self, elif: bool) -> PResult<Stmt> {
        let start = self.start();
        let kw = self.bump();
        let test = self.condition()?;
        self.expect_colon()?;
        let body = self.block(if elif { "'elif' statement" } else { "'if' statement" }, kw.lineno)?;
        let orelse = match self.peek() {
            Tok::Elif => vec![self.if_stmt(true)?],
            Tok::Else => self.else_block()?,
            _ => Vec::new(),
        };
        Ok(st(StmtKind::If { test: Box::new(test), body, orelse }, self.loc_from(start)))
    }

    /// A `named_expression` used as a condition, with CPython's `if x = 1:` message.
    fn condition(&mut self) -> PResult<Expr> {
        let e = self.named_expression()?;
        if self.at(Tok::Equal) {
            self.check_named_assign(&e)?;
        }
        Ok(e)
    }

    /// else_block: 'else' &&':' block
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        let kw = self.bump();
        self.expect_forced(Tok::Colon, ":")?;
        self.block("'else' statement", kw.lineno)
    }

    /// while_stmt: 'while' named_expression ':' block [else_block]
    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kw = self.bump();
        let test = self.condition()?;
        self.expect_colon()?;
        let body = self.block("'while' statement", kw.lineno)?;
        let orelse = if self.at(Tok::Else) { self.else_block()? } else { Vec::new() };
        Ok(st(StmtKind::While { test: Box::new(test), body, orelse }, self.loc_from(start)))
    }

    /// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
    fn for_stmt(&mut self, async_start: Option<(u32, u32)>) -> PResult<Stmt> {
        let start = async_start.unwrap_or(self.start());
        let kw = self.bump();
        let target = self.star_targets(TargetKind::For)?;
        if !self.eat(Tok::In) {
            return Err(self.invalid_syntax());
        }
        let iter = self.star_expressions()?;
        self.expect_colon()?;
        let body = self.block("'for' statement", kw.lineno)?;
        let orelse = if self.at(Tok::Else) { self.else_block()? } else { Vec::new() };
        let (target, iter) = (Box::new(target), Box::new(iter));
        let node = if async_start.is_some() {
            StmtKind::AsyncFor { target, iter, body, orelse, type_comment: None }
        } else {
            StmtKind::For { target, iter, body, orelse, type_comment: None }
        };
        Ok(st(node, self.loc_from(start)))
    }

    /// with_stmt: [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block |
    ///            [ASYNC] 'with' ','.with_item+ ':' block
    fn with_stmt(&mut self, async_start: Option<(u32, u32)>) -> PResult<Stmt> {
        let start = async_start.unwrap_or(self.start());
        let kw = self.bump();
        let mut items = None;
        if self.at(Tok::LPar) {
            let save = self.save();
            self.bump();
            let r = self.with_items(true);
            match r {
                Ok(v) if self.at(Tok::RPar) && self.peek_at(1) == Tok::Colon => {
                    self.bump();
                    items = Some(v);
                }
                _ => self.restore(save),
            }
        }
        let items = match items {
            Some(v) => v,
            None => self.with_items(false)?,
        };
        self.expect_colon()?;
        let body = self.block("'with' statement", kw.lineno)?;
        let node = if async_start.is_some() {
            StmtKind::AsyncWith { items, body, type_comment: None }
        } else {
            StmtKind::With { items, body, type_comment: None }
        };
        Ok(st(node, self.loc_from(start)))
    }

    /// ','.with_item+ (with an optional trailing comma when parenthesised)
    /// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
    fn with_items(&mut self, parens: bool) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context_expr = self.expression()?;
            let optional_vars = if self.eat(Tok::As) {
                let e = self.star_target_single()?;
                if !matches!(self.peek(), Tok::Comma | Tok::RPar | Tok::Colon) {
                    return Err(self.invalid_syntax());
                }
                Some(Box::new(e))
            } else {
                None
            };
            items.push(WithItem { context_expr, optional_vars });
            if !self.eat(Tok::Comma) {
                break;
            }
            if parens && self.at(Tok::RPar) {
                break;
            }
        }
        Ok(items)
    }

    /// star_target (a single one, as in `with ... as x` and walrus-free contexts)
    fn star_target_single(&mut self) -> PResult<Expr> {
        let e = if self.at(Tok::Star) {
            let start = self.start();
            self.bump();
            let v = self.bitwise_or()?;
            ex(ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load }, self.loc_from(start))
        } else {
            self.bitwise_or()?
        };
        self.to_target(e, TargetKind::Star)
    }

    /// try_stmt: 'try' &&':' block finally_block | 'try' &&':' block except_block+
    ///   [else_block] [finally_block] | 'try' &&':' block except_star_block+ [else_block] [finally_block]
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kw = self.bump();
        self.expect_forced(Tok::Colon, ":")?;
        let body = self.block("'try' statement", kw.lineno)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.at(Tok::Except) {
            let hs = self.start();
            let ekw = self.bump();
            let is_star = self.eat(Tok::Star);
            match star {
                Some(s) if s != is_star => {
                    return Err(self.error_tok("cannot have both 'except' and 'except*' on the same 'try'", ekw));
                }
                _ => star = Some(is_star),
            }
            let mut type_ = None;
            let mut name = None;
            if !self.at(Tok::Colon) || is_star {
                if is_star && self.at(Tok::Colon) {
                    return Err(self.error_tok("expected one or more exception types", self.tok()));
                }
                let ts = self.start();
                let e = self.expression()?;
                if self.at(Tok::Comma) {
                    // `except A, B:`
                    let mut elts = vec![e];
                    while self.eat(Tok::Comma) {
                        if !self.starts_expression() {
                            break;
                        }
                        elts.push(self.expression()?);
                    }
                    let loc = self.loc_from(ts);
                    if self.at(Tok::Colon) || self.at(Tok::As) {
                        return Err(self.error_at("multiple exception types must be parenthesized", loc));
                    }
                    return Err(self.invalid_syntax());
                }
                type_ = Some(Box::new(e));
                if self.eat(Tok::As) {
                    name = Some(self.name()?.0);
                }
            }
            self.expect_colon()?;
            let what = if is_star { "'except*' statement" } else { "'except' statement" };
            let hbody = self.block(what, ekw.lineno)?;
            handlers.push(ExceptHandler { type_, name, body: hbody, loc: self.loc_from(hs) });
        }
        let orelse = if !handlers.is_empty() && self.at(Tok::Else) { self.else_block()? } else { Vec::new() };
        let finalbody = if self.at(Tok::Finally) {
            let fkw = self.bump();
            self.expect_forced(Tok::Colon, ":")?;
            self.block("'finally' statement", fkw.lineno)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let t = self.tok();
            if t.kind == Tok::ErrorToken {
                return Err(self.invalid_syntax());
            }
            return Err(self.error_tok("expected 'except' or 'finally' block", t));
        }
        let node = if star == Some(true) {
            StmtKind::TryStar { body, handlers, orelse, finalbody }
        } else {
            StmtKind::Try { body, handlers, orelse, finalbody }
        };
        Ok(st(node, self.loc_from(start)))
    }

    /// decorators: ('@' named_expression NEWLINE)+, then a function or class definition
    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(Tok::At) {
            decorators.push(self.named_expression()?);
            if !self.eat(Tok::Newline) {
                return Err(self.invalid_syntax());
            }
        }
        match self.peek() {
            Tok::Def => self.function_def(decorators, None),
            Tok::Class => self.class_def(decorators),
            Tok::Async => self.async_stmt(decorators),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// ASYNC (function_def | with_stmt | for_stmt)
    fn async_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        match self.peek() {
            Tok::Def => self.function_def(decorators, Some(start)),
            Tok::With if decorators.is_empty() => self.with_stmt(Some(start)),
            Tok::For if decorators.is_empty() => self.for_stmt(Some(start)),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
    fn function_def(&mut self, decorator_list: Vec<Expr>, async_start: Option<(u32, u32)>) -> PResult<Stmt> {
        let start = async_start.unwrap_or(self.start());
        let kw = self.bump();
        let (name, _) = self.name()?;
        self.expect_forced(Tok::LPar, "(")?;
        let args = self.parameters(true)?;
        self.expect(Tok::RPar)?;
        let returns = if self.eat(Tok::RArrow) { Some(Box::new(self.expression()?)) } else { None };
        self.expect_forced(Tok::Colon, ":")?;
        let body = self.block(&format!("function definition"), kw.lineno)?;
        let args = Box::new(args);
        let node = if async_start.is_some() {
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, type_comment: None }
        } else {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, type_comment: None }
        };
        Ok(st(node, self.loc_from(start)))
    }

    /// class_def_raw: 'class' NAME ['(' [arguments] ')'] &&':' block
    fn class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        let kw = self.bump();
        let (name, _) = self.name()?;
        let (bases, keywords) = if self.at(Tok::LPar) { self.class_arguments()? } else { (Vec::new(), Vec::new()) };
        self.expect_colon()?;
        let body = self.block("class definition", kw.lineno)?;
        Ok(st(StmtKind::ClassDef { name, bases, keywords, body, decorator_list }, self.loc_from(start)))
    }
}

/// The operator of an augmented-assignment token.
fn aug_op(t: Tok) -> Option<Operator> {
    Some(match t {
        Tok::PlusEqual => Operator::Add,
        Tok::MinEqual => Operator::Sub,
        Tok::StarEqual => Operator::Mult,
        Tok::AtEqual => Operator::MatMult,
        Tok::SlashEqual => Operator::Div,
        Tok::PercentEqual => Operator::Mod,
        Tok::AmperEqual => Operator::BitAnd,
        Tok::VBarEqual => Operator::BitOr,
        Tok::CircumflexEqual => Operator::BitXor,
        Tok::LeftShiftEqual => Operator::LShift,
        Tok::RightShiftEqual => Operator::RShift,
        Tok::DoubleStarEqual => Operator::Pow,
        Tok::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

/// An unparenthesized tuple (`a, b`): its location starts at its first element.
fn is_bare_tuple(e: &Expr) -> bool {
    matches!(&e.node, ExprKind::Tuple { elts, .. } if elts.first().is_some_and(|f| f.loc.col_offset == e.loc.col_offset && f.loc.lineno == e.loc.lineno))
}
