//! Expression grammar: from `expressions`/`star_expressions` down to `atom`, including
//! displays, comprehensions, slices, lambdas and the "Perhaps you forgot a comma?" check.
//! Left-recursive rules (binary operators, `primary` trailers) are loops, so long chains
//! cost no recursion depth.

use super::{ex, PResult, Parser, EXPR_COST};
use crate::syntax::ast::*;
use crate::syntax::error::{RawError, SyntaxErrorKind};
use crate::syntax::token::Tok;

impl<'a> Parser<'a> {
    /// expressions: expression (',' expression)* [',']
    pub fn expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.expression()?);
        }
        Ok(ex(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start)))
    }

    /// star_expressions: star_expression (',' star_expression)* [',']
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if !self.starts_expression() && !self.at(Tok::Star) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(ex(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start)))
    }

    /// star_expression: '*' bitwise_or | expression
    pub fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let start = self.start();
            self.bump();
            let value = self.bitwise_or()?;
            return Ok(ex(ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load }, self.loc_from(start)));
        }
        self.expression()
    }

    /// star_named_expression: '*' bitwise_or | named_expression
    pub fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            let start = self.start();
            self.bump();
            let value = self.bitwise_or()?;
            return Ok(ex(ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load }, self.loc_from(start)));
        }
        self.named_expression()
    }

    /// named_expression: NAME ':=' expression | expression !':='
    pub fn named_expression(&mut self) -> PResult<Expr> {
        if self.peek() == Tok::Name && self.peek_at(1) == Tok::ColonEqual {
            let start = self.start();
            let t = self.bump();
            let id = self.ident(t);
            self.bump();
            let value = self.expression()?;
            let target = ex(ExprKind::Name { id, ctx: ExprContext::Store }, Self::tok_loc(t));
            return Ok(ex(ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }, self.loc_from(start)));
        }
        let e = self.expression()?;
        if self.at(Tok::ColonEqual) {
            return Err(self.error_at(format!("cannot use assignment expressions with {}", super::targets::expr_name(&e)), e.loc));
        }
        Ok(e)
    }

    /// True when the current token can start an expression.
    pub fn starts_expression(&mut self) -> bool {
        matches!(
            self.peek(),
            Tok::Name
                | Tok::Number
                | Tok::String
                | Tok::LPar
                | Tok::LSqb
                | Tok::LBrace
                | Tok::Minus
                | Tok::Plus
                | Tok::Tilde
                | Tok::Ellipsis
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::Not
                | Tok::Lambda
                | Tok::Await
        )
    }

    /// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    pub fn expression(&mut self) -> PResult<Expr> {
        if self.at(Tok::Lambda) {
            return self.lambdef();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if !self.at(Tok::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        if !self.at(Tok::Else) {
            return Err(self.error_at("expected 'else' after 'if' expression", body.loc.to(test.loc)));
        }
        self.bump();
        let orelse = self.nested(EXPR_COST, |p| p.expression())?;
        Ok(ex(ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) }, self.loc_from(start)))
    }

    /// lambdef: 'lambda' [lambda_params] ':' expression
    fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let args = if self.at(Tok::Colon) { Arguments::default() } else { self.parameters(false)? };
        self.expect(Tok::Colon)?;
        let body = self.nested(EXPR_COST, |p| p.expression())?;
        Ok(ex(ExprKind::Lambda { args: Box::new(args), body: Box::new(body) }, self.loc_from(start)))
    }

    /// disjunction: conjunction ('or' conjunction)+ | conjunction
    pub fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.conjunction()?;
        if !self.at(Tok::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(Tok::Or) {
            values.push(self.conjunction()?);
        }
        Ok(ex(ExprKind::BoolOp { op: BoolOp::Or, values }, self.loc_from(start)))
    }

    /// conjunction: inversion ('and' inversion)+ | inversion
    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.inversion()?;
        if !self.at(Tok::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(Tok::And) {
            values.push(self.inversion()?);
        }
        Ok(ex(ExprKind::BoolOp { op: BoolOp::And, values }, self.loc_from(start)))
    }

    /// inversion: 'not' inversion | comparison
    fn inversion(&mut self) -> PResult<Expr> {
        if self.at(Tok::Not) {
            let start = self.start();
            self.bump();
            let operand = self.nested(1, |p| p.inversion())?;
            return Ok(ex(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand) }, self.loc_from(start)));
        }
        self.comparison()
    }

    /// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.peek() {
                Tok::EqEqual => CmpOp::Eq,
                Tok::NotEqual => CmpOp::NotEq,
                Tok::Less => CmpOp::Lt,
                Tok::LessEqual => CmpOp::LtE,
                Tok::Greater => CmpOp::Gt,
                Tok::GreaterEqual => CmpOp::GtE,
                Tok::In => CmpOp::In,
                Tok::Is => {
                    if self.peek_at(1) == Tok::Not {
                        self.bump();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Not if self.peek_at(1) == Tok::In => {
                    self.bump();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(ex(ExprKind::Compare { left: Box::new(left), ops, comparators }, self.loc_from(start)))
    }

    /// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor  (and the levels below it down
    /// to `term`, by precedence climbing)
    pub fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(0)
    }

    fn binary(&mut self, level: u8) -> PResult<Expr> {
        if level == 6 {
            return self.factor();
        }
        let start = self.start();
        let mut left = self.binary(level + 1)?;
        let mut chain = 0u32;
        loop {
            chain += 1;
            if chain > super::MAX_CHAIN {
                return Err(super::chain_too_deep());
            }
            let op = match (level, self.peek()) {
                (0, Tok::VBar) => Operator::BitOr,
                (1, Tok::Circumflex) => Operator::BitXor,
                (2, Tok::Amper) => Operator::BitAnd,
                (3, Tok::LeftShift) => Operator::LShift,
                (3, Tok::RightShift) => Operator::RShift,
                (4, Tok::Plus) => Operator::Add,
                (4, Tok::Minus) => Operator::Sub,
                (5, Tok::Star) => Operator::Mult,
                (5, Tok::Slash) => Operator::Div,
                (5, Tok::DoubleSlash) => Operator::FloorDiv,
                (5, Tok::Percent) => Operator::Mod,
                (5, Tok::At) => Operator::MatMult,
                _ => return Ok(left),
            };
            self.bump();
            let right = self.binary(level + 1)?;
            left = ex(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, self.loc_from(start));
        }
    }

    /// factor: '+' factor | '-' factor | '~' factor | power
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            Tok::Plus => UnaryOp::UAdd,
            Tok::Minus => UnaryOp::USub,
            Tok::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.bump();
        let operand = self.nested(1, |p| p.factor())?;
        Ok(ex(ExprKind::UnaryOp { op, operand: Box::new(operand) }, self.loc_from(start)))
    }

    /// power: await_primary '**' factor | await_primary
    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.await_primary()?;
        if !self.at(Tok::DoubleStar) {
            return Ok(left);
        }
        self.bump();
        let right = self.nested(2, |p| p.factor())?;
        Ok(ex(ExprKind::BinOp { left: Box::new(left), op: Operator::Pow, right: Box::new(right) }, self.loc_from(start)))
    }

    /// await_primary: AWAIT primary | primary
    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at(Tok::Await) {
            let start = self.start();
            self.bump();
            let value = self.primary()?;
            return Ok(ex(ExprKind::Await { value: Box::new(value) }, self.loc_from(start)));
        }
        self.primary()
    }

    /// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' |
    ///          primary '[' slices ']' | atom
    pub fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        let mut chain = 0u32;
        loop {
            chain += 1;
            if chain > super::MAX_CHAIN {
                return Err(super::chain_too_deep());
            }
            match self.peek() {
                Tok::Dot => {
                    self.bump();
                    let (attr, _) = self.name()?;
                    e = ex(ExprKind::Attribute { value: Box::new(e), attr, ctx: ExprContext::Load }, self.loc_from(start));
                }
                Tok::LPar => {
                    let (args, keywords) = self.nested(EXPR_COST, |p| p.call_arguments())?;
                    e = ex(ExprKind::Call { func: Box::new(e), args, keywords }, self.loc_from(start));
                }
                Tok::LSqb => {
                    self.bump();
                    let slice = self.nested(EXPR_COST, |p| p.slices())?;
                    self.expect(Tok::RSqb)?;
                    e = ex(
                        ExprKind::Subscript { value: Box::new(e), slice: Box::new(slice), ctx: ExprContext::Load },
                        self.loc_from(start),
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    /// slices: slice !',' | ','.(slice | starred_expression)+ [',']
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at(Tok::Comma) {
            if let ExprKind::Starred { .. } = first.node {
                // `a[*b]` is a one-element tuple.
                return Ok(ex(ExprKind::Tuple { elts: vec![first], ctx: ExprContext::Load }, self.loc_from(start)));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RSqb) {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(ex(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start)))
    }

    /// slice: [expression] ':' [expression] [':' [expression] ] | named_expression
    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at(Tok::Star) {
            return self.star_named_expression();
        }
        let lower = if self.at(Tok::Colon) {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at(Tok::Colon) {
                self.check_missing_comma(&e)?;
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.bump(); // ':'
        let upper = if matches!(self.peek(), Tok::Colon | Tok::Comma | Tok::RSqb) { None } else { Some(Box::new(self.slice_bound()?)) };
        let step = if self.eat(Tok::Colon) {
            if matches!(self.peek(), Tok::Comma | Tok::RSqb) {
                None
            } else {
                Some(Box::new(self.slice_bound()?))
            }
        } else {
            None
        };
        Ok(ex(ExprKind::Slice { lower, upper, step }, self.loc_from(start)))
    }

    /// The upper bound or step of a slice (with the missing-comma check after it).
    fn slice_bound(&mut self) -> PResult<Expr> {
        let e = self.expression()?;
        if !matches!(self.peek(), Tok::Colon | Tok::Comma | Tok::RSqb) {
            self.check_missing_comma(&e)?;
        }
        Ok(e)
    }

    /// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | (tuple | group | genexp) |
    ///       (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
    pub fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let loc = Self::tok_loc(t);
        let c = |value| ExprKind::Constant { value, kind: None };
        match t.kind {
            Tok::Name => {
                self.bump();
                let id = self.ident(t);
                Ok(ex(ExprKind::Name { id, ctx: ExprContext::Load }, loc))
            }
            Tok::Number => {
                self.bump();
                let value = self.number(t)?;
                Ok(ex(c(value), loc))
            }
            Tok::String => self.strings(),
            Tok::True => {
                self.bump();
                Ok(ex(c(Constant::Bool(true)), loc))
            }
            Tok::False => {
                self.bump();
                Ok(ex(c(Constant::Bool(false)), loc))
            }
            Tok::None => {
                self.bump();
                Ok(ex(c(Constant::None), loc))
            }
            Tok::Ellipsis => {
                self.bump();
                Ok(ex(c(Constant::Ellipsis), loc))
            }
            Tok::LPar => self.nested(EXPR_COST, |p| p.paren_atom()),
            Tok::LSqb => self.nested(EXPR_COST, |p| p.list_atom()),
            Tok::LBrace => self.nested(EXPR_COST, |p| p.brace_atom()),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// tuple | group | genexp
    fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(Tok::RPar) {
            return Ok(ex(ExprKind::Tuple { elts: Vec::new(), ctx: ExprContext::Load }, self.loc_from(start)));
        }
        if self.at(Tok::Yield) {
            let e = self.yield_expr()?;
            self.expect(Tok::RPar)?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if matches!(self.peek(), Tok::For | Tok::Async) {
            if let ExprKind::Starred { .. } = first.node {
                return Err(self.error_at("iterable unpacking cannot be used in comprehension", first.loc));
            }
            let generators = self.for_if_clauses()?;
            self.expect(Tok::RPar)?;
            return Ok(ex(ExprKind::GeneratorExp { elt: Box::new(first), generators }, self.loc_from(start)));
        }
        if self.eat(Tok::RPar) {
            if let ExprKind::Starred { .. } = first.node {
                return Err(self.error_at("cannot use starred expression here", first.loc));
            }
            return Ok(first);
        }
        if !self.at(Tok::Comma) {
            self.check_item_end(&first)?;
            return Err(self.invalid_syntax());
        }
        let elts = self.rest_of_sequence(first, Tok::RPar)?;
        Ok(ex(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.loc_from(start)))
    }

    /// The remaining `, star_named_expression` items of a display, then the closing bracket.
    fn rest_of_sequence(&mut self, first: Expr, close: Tok) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.at(close) {
                break;
            }
            let e = self.star_named_expression()?;
            if !matches!(self.peek(), Tok::Comma) && self.peek() != close {
                self.check_item_end(&e)?;
            }
            elts.push(e);
        }
        self.expect(close)?;
        Ok(elts)
    }

    /// list | listcomp
    fn list_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(Tok::RSqb) {
            return Ok(ex(ExprKind::List { elts: Vec::new(), ctx: ExprContext::Load }, self.loc_from(start)));
        }
        let first = self.star_named_expression()?;
        if matches!(self.peek(), Tok::For | Tok::Async) {
            if let ExprKind::Starred { .. } = first.node {
                return Err(self.error_at("iterable unpacking cannot be used in comprehension", first.loc));
            }
            let generators = self.for_if_clauses()?;
            self.expect(Tok::RSqb)?;
            return Ok(ex(ExprKind::ListComp { elt: Box::new(first), generators }, self.loc_from(start)));
        }
        if !matches!(self.peek(), Tok::Comma | Tok::RSqb) {
            self.check_item_end(&first)?;
        }
        let elts = self.rest_of_sequence(first, Tok::RSqb)?;
        Ok(ex(ExprKind::List { elts, ctx: ExprContext::Load }, self.loc_from(start)))
    }

    /// dict | set | dictcomp | setcomp
    fn brace_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(Tok::RBrace) {
            return Ok(ex(ExprKind::Dict { keys: Vec::new(), values: Vec::new() }, self.loc_from(start)));
        }
        // First item decides dict vs set.
        if self.at(Tok::DoubleStar) {
            let stars = self.bump();
            let v = self.bitwise_or()?;
            if matches!(self.peek(), Tok::For | Tok::Async) {
                return Err(self.error_tok("dict unpacking cannot be used in dict comprehension", stars));
            }
            return self.dict_rest(start, None, v);
        }
        let first = self.star_named_expression()?;
        if self.eat(Tok::Colon) {
            if let ExprKind::Starred { .. } = first.node {
                return Err(self.error_at("cannot use a starred expression in a dictionary value", first.loc));
            }
            let value = self.dict_value()?;
            if matches!(self.peek(), Tok::For | Tok::Async) {
                let generators = self.for_if_clauses()?;
                self.expect(Tok::RBrace)?;
                return Ok(ex(ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators }, self.loc_from(start)));
            }
            return self.dict_rest(start, Some(first), value);
        }
        if matches!(self.peek(), Tok::For | Tok::Async) {
            if let ExprKind::Starred { .. } = first.node {
                return Err(self.error_at("iterable unpacking cannot be used in comprehension", first.loc));
            }
            let generators = self.for_if_clauses()?;
            self.expect(Tok::RBrace)?;
            return Ok(ex(ExprKind::SetComp { elt: Box::new(first), generators }, self.loc_from(start)));
        }
        if !matches!(self.peek(), Tok::Comma | Tok::RBrace) {
            self.check_item_end(&first)?;
        }
        let elts = self.rest_of_sequence(first, Tok::RBrace)?;
        Ok(ex(ExprKind::Set { elts }, self.loc_from(start)))
    }

    /// The rest of a dict display after its first item.
    fn dict_rest(&mut self, start: (u32, u32), k: Option<Expr>, v: Expr) -> PResult<Expr> {
        let mut keys = vec![k];
        let mut values = vec![v];
        while self.eat(Tok::Comma) {
            if self.at(Tok::RBrace) {
                break;
            }
            if self.eat(Tok::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
                continue;
            }
            let k = self.expression()?;
            if !self.at(Tok::Colon) {
                // CPython's `invalid_kvpair`: placed on the key's last character, no end.
                let col = k.loc.end_col_offset.saturating_sub(1);
                let e = RawError::new(
                    SyntaxErrorKind::Syntax,
                    "':' expected after dictionary key",
                    k.loc.end_lineno,
                    col,
                    k.loc.end_lineno,
                    col,
                );
                return Err(RawError { raw_end: Some(0), ..e });
            }
            self.bump();
            let v = self.dict_value()?;
            keys.push(Some(k));
            values.push(v);
        }
        if !self.at(Tok::RBrace) {
            if let Some(v) = values.last() {
                self.check_missing_comma(v)?;
            }
        }
        self.expect(Tok::RBrace)?;
        Ok(ex(ExprKind::Dict { keys, values }, self.loc_from(start)))
    }

    /// The value of a `key: value` item, with CPython's messages for a starred value and a
    /// missing one.
    fn dict_value(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            // Underlined from the '*' to the end of the token after the operand.
            let star = self.bump();
            self.bitwise_or()?;
            let next = self.tok();
            let msg = "cannot use a starred expression in a dictionary value";
            return Err(RawError::new(
                SyntaxErrorKind::Syntax,
                msg,
                star.lineno,
                star.col,
                next.end_lineno,
                next.end_col.saturating_sub(1),
            ));
        }
        if matches!(self.peek(), Tok::RBrace | Tok::Comma) {
            let colon = self.prev();
            return Err(self.error_tok("expression expected after dictionary key and ':'", colon));
        }
        self.expression()
    }

    /// After an item of a list, tuple or set display that is followed by neither ',' nor
    /// the closing bracket: CPython's checks for a missing comma and for `name = value`.
    fn check_item_end(&mut self, e: &Expr) -> PResult<()> {
        self.check_missing_comma(e)?;
        if self.at(Tok::Equal) {
            self.check_named_assign(e)?;
        }
        Ok(())
    }

    /// for_if_clauses: ([ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
    pub fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.at(Tok::Async) && self.peek_at(1) == Tok::For {
                self.bump();
                true
            } else {
                false
            };
            if !self.eat(Tok::For) {
                break;
            }
            let target = self.star_targets(super::targets::TargetKind::For)?;
            if !self.eat(Tok::In) {
                return Err(self.invalid_syntax());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(Tok::If) {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok(gens)
    }

    /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    pub fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(Tok::From) {
            let value = self.expression()?;
            return Ok(ex(ExprKind::YieldFrom { value: Box::new(value) }, self.loc_from(start)));
        }
        let value = if self.starts_expression() || self.at(Tok::Star) { Some(Box::new(self.star_expressions()?)) } else { None };
        Ok(ex(ExprKind::Yield { value }, self.loc_from(start)))
    }

    /// CPython's `invalid_expression`: inside brackets, an expression directly followed by
    /// another one is "invalid syntax. Perhaps you forgot a comma?".
    pub fn check_missing_comma(&mut self, a: &Expr) -> PResult<()> {
        let next = self.peek();
        let starts = matches!(
            next,
            Tok::Name
                | Tok::Number
                | Tok::String
                | Tok::LBrace
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::Ellipsis
                | Tok::Lambda
                | Tok::Not
                | Tok::Await
                | Tok::Tilde
                | Tok::LSqb
                | Tok::LPar
        );
        if !starts {
            return Ok(());
        }
        // `NAME STRING` (a bad prefix) and soft keywords are excluded, as are forms that
        // are not a plain expression.
        if next == Tok::String {
            if let ExprKind::Name { .. } = a.node {
                return Ok(());
            }
        }
        if matches!(a.node, ExprKind::Lambda { .. } | ExprKind::Starred { .. } | ExprKind::NamedExpr { .. } | ExprKind::IfExp { .. }) {
            return Ok(());
        }
        if matches!(next, Tok::LSqb | Tok::LPar) {
            return Ok(());
        }
        let save = self.save();
        let b = self.expression();
        match b {
            Ok(b) => {
                if matches!(self.peek(), Tok::In | Tok::For | Tok::Async | Tok::If | Tok::Else | Tok::ColonEqual)
                    && !matches!(next, Tok::Lambda)
                {
                    self.restore(save);
                    return Ok(());
                }
                Err(self.error_at("invalid syntax. Perhaps you forgot a comma?", a.loc.to(b.loc)))
            }
            Err(_) => {
                self.restore(save);
                Ok(())
            }
        }
    }
}
