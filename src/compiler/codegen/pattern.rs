//! `match` statement codegen (CPython 3.11's pattern compiler).

use super::{Compiler, R};
use crate::syntax::ast::*;

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(
        &mut self,
        _s: &'a Stmt,
        _subject: &'a Expr,
        _cases: &'a [MatchCase],
    ) -> R {
        Err(self.error("match statements are not supported yet"))
    }
}
