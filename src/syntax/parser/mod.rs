//! The recursive-descent parser for CPython 3.11's PEG grammar
//! (https://docs.python.org/3.11/reference/grammar.html). This file owns the parser state,
//! token access, node-location helpers, nesting limits and error construction; the grammar
//! lives in `expressions.rs`, `statements.rs`, `patterns.rs`, `arguments.rs` and
//! `targets.rs` (assignment-target validation), string literals in `../strings.rs`.
//!
//! Errors follow CPython: a tokenizer error is reported when the parser reaches the token
//! where it happened; specific messages come from checks placed where CPython's `invalid_*`
//! rules match; anything else is "invalid syntax" at the offending token.

mod arguments;
mod expressions;
mod patterns;
mod statements;
mod strings;
mod targets;

use super::ast::*;
use super::error::{RawError, SyntaxErrorKind};
use super::lexer::Lexed;
use super::token::{Tok, Token};
use super::Mode;

pub(crate) type PResult<T> = Result<T, RawError>;

/// Approximate CPython's parser stack limit (MAXSTACK = 6000 rule invocations): nesting
/// costs are charged per construct so that CPython-accepted programs are accepted.
const MAX_DEPTH: u32 = 6000;
/// Longest left-recursive chain (`a.b.c...`, `1+1+...`) accepted: CPython parses longer
/// ones but its compiler then fails with a RecursionError (near 3000 levels); stopping here
/// keeps every AST shallow enough to drop and walk recursively.
pub(crate) const MAX_CHAIN: u32 = 2990;

/// The error CPython 3.11 reports for an expression nested too deeply for its compiler.
pub(crate) fn chain_too_deep() -> RawError {
    RawError::new(SyntaxErrorKind::Recursion, "maximum recursion depth exceeded during compilation", 0, 0, 0, 0)
}

/// What re-entering the expression grammar from the top costs in CPython's rule levels.
pub(crate) const EXPR_COST: u32 = 20;

pub(crate) struct Parser<'a> {
    pub src: &'a str,
    pub toks: Vec<Token>,
    pub pos: usize,
    /// Index of the ErrorToken standing for a tokenizer error, and the error.
    lex_err: Option<(usize, RawError)>,
    /// Furthest token index examined (for choosing between a parser and a tokenizer error).
    max_pos: usize,
    depth: u32,
    /// Set while parsing an f-string replacement field (changes some messages).
    pub in_fstring: bool,
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, lexed: Lexed) -> Parser<'a> {
        Parser { src, toks: lexed.tokens, pos: 0, lex_err: lexed.error, max_pos: 0, depth: 0, in_fstring: false }
    }

    /// Parse the whole token stream in `mode`.
    pub fn parse(&mut self, mode: Mode) -> PResult<Mod> {
        let r = match mode {
            Mode::Exec => self.file(),
            Mode::Eval => self.eval_input(),
            Mode::Single => self.interactive(),
        };
        r.map_err(|e| self.prefer_lex_error(e))
    }

    /// A tokenizer error wins when the parser got as far as the token where it happened.
    /// Otherwise, like CPython (`_PyPegen_tokenize_full_source_to_check_for_errors`), the
    /// rest of the source is tokenized after a parse error and a tokenizer error that raises
    /// replaces it; an unclosed bracket does only when the parse error is on a later line.
    pub fn prefer_lex_error(&mut self, e: RawError) -> RawError {
        let Some((idx, le)) = &self.lex_err else {
            return e;
        };
        if self.max_pos >= *idx || self.pos >= *idx {
            return le.clone();
        }
        if e.kind == SyntaxErrorKind::Memory {
            return e;
        }
        let quiet = matches!(le.kind, SyntaxErrorKind::Indentation | SyntaxErrorKind::Tab)
            || le.msg == "unexpected character after line continuation character"
            || le.msg == "unexpected EOF while parsing";
        if quiet {
            return e;
        }
        if le.msg.ends_with("was never closed") {
            return if e.lineno > le.lineno { le.clone() } else { e };
        }
        le.clone()
    }

    /// file: [statements] ENDMARKER
    fn file(&mut self) -> PResult<Mod> {
        let body = self.statements_until_end()?;
        Ok(Mod::Module { body, type_ignores: Vec::new() })
    }

    /// eval: expressions NEWLINE* ENDMARKER
    fn eval_input(&mut self) -> PResult<Mod> {
        let body = self.expressions()?;
        while self.at(Tok::Newline) {
            self.bump();
        }
        if !self.at(Tok::EndMarker) {
            return Err(self.invalid_syntax());
        }
        Ok(Mod::Expression { body: Box::new(body) })
    }

    /// interactive: statement_newline
    fn interactive(&mut self) -> PResult<Mod> {
        let body = self.statements_until_end()?;
        Ok(Mod::Interactive { body })
    }

    // ----- token access -----

    #[inline]
    pub fn peek(&mut self) -> Tok {
        if self.pos > self.max_pos {
            self.max_pos = self.pos;
        }
        self.toks[self.pos].kind
    }

    #[inline]
    pub fn peek_at(&mut self, k: usize) -> Tok {
        let i = (self.pos + k).min(self.toks.len() - 1);
        if i > self.max_pos {
            self.max_pos = i;
        }
        self.toks[i].kind
    }

    #[inline]
    pub fn at(&mut self, t: Tok) -> bool {
        self.peek() == t
    }

    #[inline]
    pub fn tok(&self) -> Token {
        self.toks[self.pos]
    }

    /// Consume the current token (never moves past the last one).
    #[inline]
    pub fn bump(&mut self) -> Token {
        let t = self.toks[self.pos];
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    #[inline]
    pub fn eat(&mut self, t: Tok) -> bool {
        if self.peek() == t {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consume `t` or fail with "invalid syntax" at the current token.
    pub fn expect(&mut self, t: Tok) -> PResult<Token> {
        if self.peek() == t {
            Ok(self.bump())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Consume `t` or fail with "expected 'X'" located just after the previous token
    /// (CPython's `expect_forced_token`), e.g. "expected ':'".
    pub fn expect_forced(&mut self, t: Tok, text: &str) -> PResult<Token> {
        if self.peek() == t {
            return Ok(self.bump());
        }
        if self.peek() == Tok::ErrorToken {
            return Err(self.invalid_syntax());
        }
        let cur = self.tok();
        Err(self.error_tok(format!("expected '{text}'"), cur))
    }

    /// The ':' of a compound statement whose grammar has no forced colon (`if`, `while`,
    /// `for`, `with`, `class`, `except`, `case`): CPython says "expected ':'" only when the
    /// line ends there (its `invalid_*_stmt` rules); anything else is invalid syntax.
    pub fn expect_colon(&mut self) -> PResult<Token> {
        if self.peek() == Tok::Colon {
            return Ok(self.bump());
        }
        if self.peek() == Tok::Newline {
            let t = self.tok();
            return Err(self.error_tok("expected ':'", t));
        }
        Err(self.invalid_syntax())
    }

    /// The text of a token.
    pub fn text(&self, t: Token) -> &'a str {
        &self.src[t.start as usize..t.end as usize]
    }

    /// True when the current token is the NAME `s` (soft keywords).
    pub fn at_name(&mut self, s: &str) -> bool {
        self.peek() == Tok::Name && self.text(self.tok()) == s
    }

    /// The previously consumed token.
    pub fn prev(&self) -> Token {
        self.toks[self.pos.saturating_sub(1)]
    }

    /// A backtracking point.
    pub fn save(&self) -> (usize, usize) {
        (self.pos, self.max_pos)
    }

    /// Return to a backtracking point.
    pub fn restore(&mut self, s: (usize, usize)) {
        self.pos = s.0;
        self.max_pos = s.1;
    }

    // ----- locations -----

    /// Start position of the current token.
    pub fn start(&self) -> (u32, u32) {
        let t = self.toks[self.pos];
        (t.lineno, t.col)
    }

    /// A location from `start` to the end of the last consumed token that is not
    /// NEWLINE/INDENT/DEDENT (so a compound statement ends with its last statement).
    pub fn loc_from(&self, start: (u32, u32)) -> Loc {
        let mut i = self.pos.saturating_sub(1);
        while i > 0 && matches!(self.toks[i].kind, Tok::Newline | Tok::Indent | Tok::Dedent) && self.toks[i].start >= self.toks[i - 1].end {
            i -= 1;
        }
        let p = self.toks[i];
        Loc { lineno: start.0, col_offset: start.1, end_lineno: p.end_lineno, end_col_offset: p.end_col }
    }

    pub fn tok_loc(t: Token) -> Loc {
        Loc { lineno: t.lineno, col_offset: t.col, end_lineno: t.end_lineno, end_col_offset: t.end_col }
    }

    // ----- identifiers -----

    /// A NAME token's identifier, NFKC-normalised when not ASCII (as CPython does).
    pub fn ident(&self, t: Token) -> Identifier {
        let s = self.text(t);
        if s.is_ascii() {
            s.to_string()
        } else {
            use unicode_normalization::UnicodeNormalization;
            s.nfkc().collect()
        }
    }

    /// NAME (any name token that is not a hard keyword).
    pub fn name(&mut self) -> PResult<(Identifier, Token)> {
        if self.peek() == Tok::Name {
            let t = self.bump();
            Ok((self.ident(t), t))
        } else {
            Err(self.invalid_syntax())
        }
    }

    // ----- nesting limits -----

    /// Run `f` one nesting level deeper, charging `cost` against CPython's parser stack
    /// limit, on a stack that grows on demand (deep nesting never overflows Rust's stack).
    #[inline]
    pub fn nested<T>(&mut self, cost: u32, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.depth += cost;
        if self.depth > MAX_DEPTH {
            self.depth -= cost;
            return Err(RawError::new(SyntaxErrorKind::Memory, "", 0, 0, 0, 0));
        }
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || f(self));
        self.depth -= cost;
        r
    }

    // ----- errors -----

    /// "invalid syntax" at the current token (or the tokenizer's error if we reached it).
    pub fn invalid_syntax(&mut self) -> RawError {
        let t = self.tok();
        if let Some((idx, e)) = &self.lex_err {
            if self.pos >= *idx {
                return e.clone();
            }
        }
        if t.kind == Tok::Indent {
            return RawError {
                raw_end: Some(-1),
                ..RawError::new(
                    SyntaxErrorKind::Indentation,
                    "unexpected indent",
                    t.lineno,
                    t.end_col.saturating_sub(1),
                    t.end_lineno,
                    t.end_col,
                )
            };
        }
        if t.kind == Tok::Dedent {
            // A dedent the grammar does not expect (a mismatched one is the tokenizer's error).
            return self.error_tok_kind(SyntaxErrorKind::Indentation, "unexpected unindent", t);
        }
        if t.kind == Tok::EndMarker {
            // CPython reports "invalid syntax" at the end (the NEWLINE before is consumed).
            let p = self.prev();
            return RawError::new(SyntaxErrorKind::Syntax, "invalid syntax", p.lineno, p.col, p.end_lineno, p.end_col);
        }
        RawError::new(SyntaxErrorKind::Syntax, "invalid syntax", t.lineno, t.col, t.end_lineno, t.end_col)
    }

    /// A SyntaxError with `msg` over the range `loc`.
    pub fn error_at(&self, msg: impl Into<String>, loc: Loc) -> RawError {
        RawError::new(SyntaxErrorKind::Syntax, msg, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset)
    }

    /// A SyntaxError with `msg` at token `t`.
    pub fn error_tok(&self, msg: impl Into<String>, t: Token) -> RawError {
        self.error_tok_kind(SyntaxErrorKind::Syntax, msg, t)
    }

    /// An error of `kind` at token `t`. CPython's DEDENT and end-of-input tokens have no
    /// column: an error there is placed where the tokenizer stood (after a dedent's
    /// indentation, or after the last line read), with no end (`end_offset` -1); the
    /// lexer gives those tokens that column.
    pub fn error_tok_kind(&self, kind: SyntaxErrorKind, msg: impl Into<String>, t: Token) -> RawError {
        if matches!(t.kind, Tok::Dedent | Tok::EndMarker) {
            let col = if t.col == 0 { u32::MAX } else { t.col - 1 };
            let at_eof = t.start as usize >= self.src.len();
            return RawError { raw_end: Some(-1), at_eof, ..RawError::new(kind, msg, t.lineno, col, t.lineno, col) };
        }
        RawError::new(kind, msg, t.lineno, t.col, t.end_lineno, t.end_col)
    }
}

/// Make an expression node.
#[inline]
pub(crate) fn ex(node: ExprKind, loc: Loc) -> Expr {
    Expr { node, loc }
}

/// Make a statement node.
#[inline]
pub(crate) fn st(node: StmtKind, loc: Loc) -> Stmt {
    Stmt { node, loc }
}
