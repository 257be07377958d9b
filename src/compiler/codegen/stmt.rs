//! Statement codegen: definitions (functions, classes, closures, annotations), assignments,
//! control flow (`if`, loops, `break`/`continue`/`return` unwinding), `try`/`except`/
//! `except*`/`finally`, `with`/`async with`, imports, `assert`, `raise`. Code shapes follow
//! CPython 3.11's `Python/compile.c` so `dis` output lines up.

use super::fold;
use super::{Compiler, FbKind, Op, UnitKind, R};
use crate::bytecode::opcode::make_function;
use crate::bytecode::{BinOp, Const, Instr};
use crate::compiler::symtable::{def, mangle, node_key, NameScope};
use crate::compiler::CompileError;
use crate::syntax::ast::*;

/// The docstring of a body: its first statement, if that is a string constant.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&PyString> {
    match &body.first()?.node {
        StmtKind::Expr { value } => match &value.node {
            ExprKind::Constant { value: Constant::Str(s), .. } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Does the body contain an annotated assignment (not looking into nested scopes)?
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.node {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
        StmtKind::Try { body, handlers, orelse, finalbody } | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            handlers.iter().any(|h| find_ann(&h.body)) || find_ann(body) || find_ann(finalbody) || find_ann(orelse)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub(crate) fn visit_stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt) -> R {
        self.set_loc(s.loc);
        match &s.node {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, .. } => {
                self.function_def(s, name, args, body, decorator_list, returns.as_deref(), false)
            }
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, .. } => {
                self.function_def(s, name, args, body, decorator_list, returns.as_deref(), true)
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.class_def(s, name, bases, keywords, body, decorator_list)
            }
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => self.ann_assign(target, annotation, value.as_deref(), *simple),
            StmtKind::For { target, iter, body, orelse, .. } => self.for_stmt(target, iter, body, orelse),
            StmtKind::AsyncFor { target, iter, body, orelse, .. } => self.async_for(s, target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(test, next, false)?;
                self.visit_stmts(body)?;
                if !orelse.is_empty() {
                    self.unset_loc();
                    self.jump(end);
                    self.bind(next);
                    self.visit_stmts(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::With { items, body, .. } => self.with_stmt(s, items, body, 0),
            StmtKind::AsyncWith { items, body, .. } => self.async_with(s, items, body, 0),
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Instr::RaiseVarargs { argc: n });
                Ok(())
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, false)
                } else {
                    self.try_except(body, handlers, orelse)
                }
            }
            StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                if !finalbody.is_empty() {
                    self.try_finally(body, handlers, orelse, finalbody, true)
                } else {
                    self.try_star_except(body, handlers, orelse)
                }
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_deref()),
            StmtKind::Import { names } => self.import(names),
            StmtKind::ImportFrom { module, names, level } => self.import_from(s, module.as_deref(), names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.visit_expr(value)?;
                    self.emit(Instr::PrintExpr);
                    return Ok(());
                }
                if fold::const_value(value, self.optimize).is_some() {
                    self.emit(Instr::Nop);
                    return Ok(());
                }
                self.visit_expr(value)?;
                self.unset_loc();
                self.emit(Instr::PopTop);
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(Instr::Nop);
                Ok(())
            }
            StmtKind::Break => {
                self.emit(Instr::Nop);
                let lp = self.unwind_fblock_stack(false, true)?;
                let Some(lp) = lp else {
                    return Err(CompileError { msg: "'break' outside loop".into(), loc: s.loc });
                };
                self.unwind_fblock(&lp, false)?;
                self.jump(lp.exit);
                Ok(())
            }
            StmtKind::Continue => {
                self.emit(Instr::Nop);
                let lp = self.unwind_fblock_stack(false, true)?;
                let Some(lp) = lp else {
                    return Err(CompileError { msg: "'continue' not properly in loop".into(), loc: s.loc });
                };
                self.jump(lp.block);
                Ok(())
            }
        }
    }

    // ----- functions and classes -----

    /// Push the defaults tuple and keyword-only defaults dict; returns `MakeFunction` flags.
    fn default_arguments(&mut self, args: &'a Arguments) -> R<u8> {
        let mut fl = 0;
        if !args.defaults.is_empty() {
            self.build_tuple_of(&args.defaults)?;
            fl |= make_function::DEFAULTS;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(Const::Str(PyString::Utf8(mangle(self.ur().private.as_deref(), &a.arg))));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Const::Tuple(keys));
            self.emit(Instr::BuildConstKeyMap { count: n });
            fl |= make_function::KWDEFAULTS;
        }
        Ok(fl)
    }

    /// Push the annotations tuple `(name, value, ...)`; returns whether one was pushed.
    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> R<bool> {
        let mut n = 0;
        let mut one = |c: &mut Self, id: &str, ann: Option<&'a Expr>| -> R {
            let Some(ann) = ann else { return Ok(()) };
            let m = mangle(c.ur().private.as_deref(), id);
            c.load_const(Const::Str(PyString::Utf8(m)));
            c.annotation_value(ann)?;
            n += 2;
            Ok(())
        };
        for a in args.args.iter().chain(&args.posonlyargs) {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        if let Some(a) = &args.vararg {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        for a in &args.kwonlyargs {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        if let Some(a) = &args.kwarg {
            one(self, &a.arg, a.annotation.as_deref())?;
        }
        one(self, "return", returns)?;
        if n > 0 {
            self.emit(Instr::BuildTuple { count: n });
        }
        Ok(n > 0)
    }

    /// Evaluate an annotation (or, under `from __future__ import annotations`, push its
    /// source text).
    pub(crate) fn annotation_value(&mut self, ann: &'a Expr) -> R {
        if self.future.annotations {
            let text = super::expr::unparse(ann);
            self.load_const(Const::Str(PyString::Utf8(text)));
            return Ok(());
        }
        if let ExprKind::Starred { value, .. } = &ann.node {
            self.visit_expr(value)?;
            self.emit(Instr::UnpackSequence { count: 1 });
            return Ok(());
        }
        self.visit_expr(ann)
    }

    /// Load the closure cells `code` needs, then make the function (`compiler_make_closure`).
    pub(crate) fn make_closure(&mut self, code: crate::bytecode::CodeObject, mut fl: u8) {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let is_cell =
                    (self.ur().kind == UnitKind::Class && &**name == "__class__") || self.scope().scope_of(name) == NameScope::Cell;
                let i = self.deref_index(name, is_cell);
                self.emit(Instr::LoadClosure { cell: i });
            }
            self.emit(Instr::BuildTuple { count: code.freevars.len() as u32 });
            fl |= make_function::CLOSURE;
        }
        self.load_const(Const::Code(std::sync::Arc::new(code)));
        self.emit(Instr::MakeFunction { flags: fl });
    }

    fn scope_index(&self, key: usize) -> R<usize> {
        self.st.scope_for(key).ok_or_else(|| self.error("internal compiler error: missing symbol table scope"))
    }

    #[allow(clippy::too_many_arguments)]
    fn function_def(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decos: &'a [Expr],
        returns: Option<&'a Expr>,
        is_async: bool,
    ) -> R {
        for d in decos {
            self.visit_expr(d)?;
        }
        let firstlineno = decos.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let mut fl = self.default_arguments(args)?;
        if self.annotations(args, returns)? {
            fl |= make_function::ANNOTATIONS;
        }
        let scope = self.scope_index(node_key(s))?;
        self.enter_unit(scope, if is_async { UnitKind::AsyncFunction } else { UnitKind::Function }, name, firstlineno);
        let doc = if self.optimize < 2 { docstring(body) } else { None };
        self.add_const(doc.map_or(Const::None, |d| Const::Str(d.clone())));
        self.set_arg_counts(args);
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &body[start..] {
            self.visit_stmt(st)?;
        }
        self.unset_loc();
        self.load_const(Const::None);
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit();
        self.set_loc(s.loc);
        self.make_closure(code, fl);
        self.apply_decorators(decos);
        self.set_loc(s.loc);
        self.name_op(name, ExprContext::Store, s.loc)
    }

    pub(crate) fn set_arg_counts(&mut self, args: &Arguments) {
        let u = self.u();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        for d in decos.iter().rev() {
            self.set_loc(d.loc);
            self.emit(Instr::Call { argc: 1 });
        }
    }

    fn class_def(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decos: &'a [Expr],
    ) -> R {
        for d in decos {
            self.visit_expr(d)?;
        }
        let firstlineno = decos.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let scope = self.scope_index(node_key(s))?;
        self.enter_unit(scope, UnitKind::Class, name, firstlineno);
        // The prologue belongs to the first line (CPython's line events report it).
        self.set_loc(decos.first().map_or(s.loc, |d| d.loc));
        self.name_op("__name__", ExprContext::Load, s.loc)?;
        self.name_op("__module__", ExprContext::Store, s.loc)?;
        let q = self.ur().qualname.clone();
        self.load_const(Self::str_const(&q));
        self.name_op("__qualname__", ExprContext::Store, s.loc)?;
        self.body(body, false)?;
        self.unset_loc();
        if self.scope().needs_class_closure {
            self.emit(Instr::LoadClosure { cell: 0 });
            self.emit(Instr::Copy { n: 1 });
            self.name_op("__classcell__", ExprContext::Store, s.loc)?;
        } else {
            self.load_const(Const::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit();
        self.set_loc(s.loc);
        self.emit(Instr::LoadBuildClass);
        self.make_closure(code, 0);
        self.load_const(Self::str_const(name));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(decos);
        self.set_loc(s.loc);
        self.name_op(name, ExprContext::Store, s.loc)
    }

    // ----- simple statements -----

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> R {
        if !self.is_function_scope() {
            return Err(CompileError { msg: "'return' outside function".into(), loc: s.loc });
        }
        let ste = self.scope();
        if value.is_some() && ste.coroutine && ste.generator {
            return Err(CompileError { msg: "'return' with value in async generator".into(), loc: s.loc });
        }
        let folded = value.and_then(|v| fold::const_value(v, self.optimize));
        let preserve_tos = value.is_some() && folded.is_none();
        if preserve_tos {
            self.visit_expr(value.unwrap())?;
        } else if let Some(v) = value {
            self.set_loc(v.loc);
            self.emit(Instr::Nop);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
            self.emit(Instr::Nop);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        if !preserve_tos {
            self.load_const(folded.unwrap_or(Const::None));
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> R {
        // `a, b = b, a`: no tuple is built (CPython's peephole turns it into SWAPs).
        if let ([t], ExprKind::Tuple { elts: vals, .. }) = (targets, &value.node) {
            if let ExprKind::Tuple { elts: tgts, .. } | ExprKind::List { elts: tgts, .. } = &t.node {
                let n = tgts.len();
                let starred = |es: &[Expr]| es.iter().any(|e| matches!(e.node, ExprKind::Starred { .. }));
                if (2..=3).contains(&n)
                    && vals.len() == n
                    && !starred(tgts)
                    && !starred(vals)
                    && fold::const_value(value, self.optimize).is_none()
                {
                    for v in vals {
                        self.visit_expr(v)?;
                    }
                    self.set_loc(value.loc);
                    self.emit(Instr::Swap { n: n as u32 });
                    for e in tgts {
                        self.visit_expr(e)?;
                    }
                    return Ok(());
                }
            }
        }
        self.visit_expr(value)?;
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.emit(Instr::Copy { n: 1 });
            }
            self.visit_expr(t)?;
        }
        Ok(())
    }

    fn aug_assign(&mut self, s: &'a Stmt, target: &'a Expr, op: Operator, value: &'a Expr) -> R {
        self.set_loc(target.loc);
        match &target.node {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.visit_expr(obj)?;
                self.emit(Instr::Copy { n: 1 });
                self.attr_loc(target, attr);
                let i = self.mangled_name_index(attr);
                self.emit(Instr::LoadAttr { namei: i });
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.emit(Instr::Copy { n: 2 });
                self.emit(Instr::Copy { n: 2 });
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Load, target.loc)?,
            _ => return Err(self.error("illegal expression for augmented assignment")),
        }
        self.set_loc(s.loc);
        self.visit_expr(value)?;
        self.emit(Instr::BinaryOp { op: inplace_op(op) });
        self.set_loc(target.loc);
        match &target.node {
            ExprKind::Attribute { attr, .. } => {
                self.attr_loc(target, attr);
                self.emit(Instr::Swap { n: 2 });
                let i = self.mangled_name_index(attr);
                self.emit(Instr::StoreAttr { namei: i });
            }
            ExprKind::Subscript { .. } => {
                self.emit(Instr::Swap { n: 3 });
                self.emit(Instr::Swap { n: 2 });
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Store, target.loc)?,
            _ => {}
        }
        Ok(())
    }

    fn ann_assign(&mut self, target: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> R {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        let module_or_class = matches!(self.ur().kind, UnitKind::Module | UnitKind::Class);
        match &target.node {
            ExprKind::Name { id, .. } => {
                if id == "__debug__" {
                    return Err(CompileError { msg: "cannot assign to __debug__".into(), loc: target.loc });
                }
                if simple && module_or_class {
                    self.annotation_value(annotation)?;
                    let i = self.name_index("__annotations__");
                    self.emit(Instr::LoadName { namei: i });
                    let m = mangle(self.ur().private.as_deref(), id);
                    self.load_const(Const::Str(PyString::Utf8(m)));
                    self.emit(Instr::StoreSubscr);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.visit_expr(obj)?;
                    self.emit(Instr::PopTop);
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.visit_expr(obj)?;
                    self.emit(Instr::PopTop);
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => {}
        }
        if !simple && !self.future.annotations && module_or_class {
            self.visit_expr(annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> R {
        match &e.node {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(x)?;
                    self.emit(Instr::PopTop);
                }
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
            }
            _ => {
                self.visit_expr(e)?;
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> R {
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(test, end, true)?;
        self.emit(Instr::LoadAssertionError);
        if let Some(m) = msg {
            self.visit_expr(m)?;
            self.emit(Instr::Call { argc: 1 });
        }
        self.emit(Instr::RaiseVarargs { argc: 1 });
        self.bind(end);
        Ok(())
    }

    fn import(&mut self, names: &'a [Alias]) -> R {
        // CPython 3.11 gives every instruction of an `import` the statement's location.
        for a in names {
            self.load_const(Const::Int(0.into()));
            self.load_const(Const::None);
            let i = self.mangled_name_index(&a.name);
            self.emit(Instr::ImportName { namei: i });
            match &a.asname {
                Some(asname) => {
                    if a.name.contains('.') {
                        let parts: Vec<&str> = a.name.split('.').collect();
                        for (k, attr) in parts[1..].iter().enumerate() {
                            let i = self.name_index(attr);
                            self.emit(Instr::ImportFrom { namei: i });
                            if k + 2 < parts.len() {
                                self.emit(Instr::Swap { n: 2 });
                                self.emit(Instr::PopTop);
                            }
                        }
                        self.name_op(asname, ExprContext::Store, a.loc)?;
                        self.emit(Instr::PopTop);
                    } else {
                        self.name_op(asname, ExprContext::Store, a.loc)?;
                    }
                }
                None => {
                    let first = a.name.split('.').next().unwrap_or("");
                    self.name_op(first, ExprContext::Store, a.loc)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, s: &'a Stmt, module: Option<&'a str>, names: &'a [Alias], level: u32) -> R {
        if module == Some("__future__") && s.loc.lineno > self.future.lineno {
            return Err(CompileError { msg: "from __future__ imports must occur at the beginning of the file".into(), loc: s.loc });
        }
        self.load_const(Const::Int(level.into()));
        let tuple = names.iter().map(|a| Self::str_const(&a.name)).collect();
        self.load_const(Const::Tuple(tuple));
        let i = self.mangled_name_index(module.unwrap_or(""));
        self.emit(Instr::ImportName { namei: i });
        for (k, a) in names.iter().enumerate() {
            if k == 0 && a.name == "*" {
                self.emit(Instr::ImportStar);
                return Ok(());
            }
            let i = self.mangled_name_index(&a.name);
            self.emit(Instr::ImportFrom { namei: i });
            let store = a.asname.as_deref().unwrap_or(&a.name);
            self.name_op(store, ExprContext::Store, a.loc)?;
        }
        self.emit(Instr::PopTop);
        Ok(())
    }

    // ----- loops -----

    fn for_stmt(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FbKind::ForLoop, start, end)?;
        self.visit_iter_expr(iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.emit(Instr::ForIter { target: cleanup });
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.unset_loc();
        self.jump(start);
        self.bind(cleanup);
        self.pop_fblock();
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn check_async(&self, s: &Stmt, what: &str) -> R {
        if self.ur().kind != UnitKind::AsyncFunction {
            return Err(CompileError { msg: format!("'{what}' outside async function"), loc: s.loc });
        }
        Ok(())
    }

    fn async_for(&mut self, s: &'a Stmt, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        self.check_async(s, "async for")?;
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(iter)?;
        self.emit(Instr::GetAiter);
        self.bind(start);
        self.push_fblock(FbKind::ForLoop, start, end)?;
        self.emit_op(Op::SetupFinally(except));
        self.emit(Instr::GetAnext);
        self.load_const(Const::None);
        self.yield_from();
        self.emit_op(Op::PopBlock);
        self.visit_expr(target)?;
        self.visit_stmts(body)?;
        self.unset_loc();
        self.jump(start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(iter.loc);
        self.emit(Instr::EndAsyncFor);
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `while` as a top-tested loop closed by `JumpBackward` (CPython 3.11 re-tests at the
    /// bottom with a conditional backward jump; gild keeps the one backward jump so the VM's
    /// eval-breaker check stays on `JumpBackward` only).
    fn while_stmt(&mut self, s: &'a Stmt, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let lp = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(lp);
        self.push_fblock(FbKind::WhileLoop, lp, end)?;
        self.jump_if(test, anchor, false)?;
        self.visit_stmts(body)?;
        self.set_loc(s.loc);
        self.jump(lp);
        self.pop_fblock();
        self.bind(anchor);
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    // ----- try -----

    fn pop_except_and_reraise(&mut self) {
        self.emit(Instr::Copy { n: 3 });
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise { set_lasti: true });
    }

    fn try_finally(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt], finalbody: &'a [Stmt], star: bool) -> R {
        let body_l = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_op(Op::SetupFinally(end));
        self.bind(body_l);
        self.push_fblock(FbKind::FinallyTry(finalbody), body_l, end)?;
        if !handlers.is_empty() {
            if star {
                self.try_star_except(body, handlers, orelse)?;
            } else {
                self.try_except(body, handlers, orelse)?;
            }
        } else {
            self.visit_stmts(body)?;
        }
        self.unset_loc();
        self.emit_op(Op::PopBlock);
        self.pop_fblock();
        self.visit_stmts(finalbody)?;
        self.unset_loc();
        self.jump(exit);
        self.bind(end);
        self.unset_loc();
        self.emit_op(Op::SetupCleanup(cleanup));
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FbKind::FinallyEnd, end, end)?;
        self.visit_stmts(finalbody)?;
        self.pop_fblock();
        self.unset_loc();
        self.emit(Instr::Reraise { set_lasti: false });
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> R {
        let body_l = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_op(Op::SetupFinally(except));
        self.bind(body_l);
        self.push_fblock(FbKind::TryExcept, body_l, end)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.unset_loc();
        self.emit_op(Op::PopBlock);
        self.visit_stmts(orelse)?;
        self.unset_loc();
        self.jump(end);
        self.bind(except);
        self.unset_loc();
        self.emit_op(Op::SetupCleanup(cleanup));
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FbKind::ExceptionHandler, end, end)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.type_.is_none() && i + 1 < n {
                return Err(CompileError { msg: "default 'except:' must be last".into(), loc: h.loc });
            }
            except = self.new_label();
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.emit(Instr::PopJumpIfFalse { target: except });
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.name_op(name, ExprContext::Store, h.loc)?;
                self.emit_op(Op::SetupCleanup(cleanup_end));
                self.bind(cleanup_body);
                self.push_fblock(FbKind::HandlerCleanup(Some(name)), cleanup_body, cleanup_body)?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_op(Op::PopBlock);
                self.emit_op(Op::PopBlock);
                self.emit(Instr::PopExcept);
                self.load_const(Const::None);
                self.name_op(name, ExprContext::Store, h.loc)?;
                self.name_op(name, ExprContext::Del, h.loc)?;
                self.jump(end);
                self.bind(cleanup_end);
                self.unset_loc();
                self.load_const(Const::None);
                self.name_op(name, ExprContext::Store, h.loc)?;
                self.name_op(name, ExprContext::Del, h.loc)?;
                self.emit(Instr::Reraise { set_lasti: true });
            } else {
                let cleanup_body = self.new_label();
                self.emit(Instr::PopTop);
                self.bind(cleanup_body);
                self.push_fblock(FbKind::HandlerCleanup(None), cleanup_body, cleanup_body)?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.emit_op(Op::PopBlock);
                self.emit(Instr::PopExcept);
                self.jump(end);
            }
            self.bind(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Instr::Reraise { set_lasti: false });
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    fn try_star_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> R {
        let body_l = self.new_label();
        let except0 = self.new_label();
        let orelse_l = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_op(Op::SetupFinally(except0));
        self.bind(body_l);
        self.push_fblock(FbKind::TryExcept, body_l, end)?;
        self.visit_stmts(body)?;
        self.pop_fblock();
        self.unset_loc();
        self.emit_op(Op::PopBlock);
        self.jump(orelse_l);
        self.bind(except0);
        self.unset_loc();
        self.emit_op(Op::SetupCleanup(cleanup));
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FbKind::ExceptionGroupHandler, end, end)?;
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            let except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Instr::Copy { n: 1 });
                self.emit(Instr::BuildList { count: 0 });
                self.emit(Instr::Swap { n: 2 });
            }
            if let Some(t) = &h.type_ {
                self.visit_expr(t)?;
                self.emit(Instr::CheckEgMatch);
                self.emit(Instr::Copy { n: 1 });
                self.emit(Instr::PopJumpIfNone { target: no_match });
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.name_op(name, ExprContext::Store, h.loc)?,
                None => self.emit(Instr::PopTop),
            }
            self.emit_op(Op::SetupCleanup(cleanup_end));
            self.bind(cleanup_body);
            self.push_fblock(FbKind::HandlerCleanup(h.name.as_deref()), cleanup_body, cleanup_body)?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.emit_op(Op::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.name_op(name, ExprContext::Store, h.loc)?;
                self.name_op(name, ExprContext::Del, h.loc)?;
            }
            self.jump(except);
            self.bind(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.name_op(name, ExprContext::Store, h.loc)?;
                self.name_op(name, ExprContext::Del, h.loc)?;
            }
            self.emit(Instr::ListAppend { i: 3 });
            self.emit(Instr::PopTop);
            self.jump(except_with_error);
            self.bind(except);
            self.emit(Instr::Nop);
            self.jump(except_with_error);
            self.bind(no_match);
            self.emit(Instr::PopTop);
            self.bind(except_with_error);
            if i + 1 == n {
                self.emit(Instr::ListAppend { i: 1 });
                self.jump(reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy { n: 1 });
        self.emit(Instr::PopJumpIfNotNone { target: reraise });
        self.emit(Instr::PopTop);
        self.emit_op(Op::PopBlock);
        self.emit(Instr::PopExcept);
        self.jump(end);
        self.bind(reraise);
        self.emit_op(Op::PopBlock);
        self.emit(Instr::Swap { n: 2 });
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise { set_lasti: false });
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse_l);
        self.visit_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    // ----- with -----

    /// The tail of a `with` exception handler (`compiler_with_except_finish`): the exit
    /// result is on top; swallow the exception if it is true, else re-raise.
    fn with_except_finish(&mut self, cleanup: crate::compiler::codegen::Label) {
        let exit = self.new_label();
        self.emit(Instr::PopJumpIfTrue { target: exit });
        // CPython's RERAISE 2 also restores f_lasti from the stack; the saved lasti is not
        // directly below the exception here, so gild re-raises without restoring it (it
        // only affects the frame's f_lineno while the exception unwinds).
        self.emit(Instr::Reraise { set_lasti: false });
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.emit(Instr::PopTop);
        self.emit_op(Op::PopBlock);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopTop);
    }

    fn with_stmt(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> R {
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let item = &items[pos];
        self.visit_expr(&item.context_expr)?;
        self.emit(Instr::BeforeWith);
        self.emit_op(Op::SetupWith(final_));
        self.bind(block);
        self.push_fblock(FbKind::With(s.loc), block, final_)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Instr::PopTop),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1)?;
        }
        self.unset_loc();
        self.emit_op(Op::PopBlock);
        self.pop_fblock();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.emit(Instr::PopTop);
        self.jump(exit);
        self.bind(final_);
        self.emit_op(Op::SetupCleanup(cleanup));
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    fn async_with(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize) -> R {
        self.check_async(s, "async with")?;
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let item = &items[pos];
        self.visit_expr(&item.context_expr)?;
        self.emit(Instr::BeforeAsyncWith);
        self.emit(Instr::GetAwaitable { where_: 1 });
        self.load_const(Const::None);
        self.yield_from();
        self.emit_op(Op::SetupWith(final_));
        self.bind(block);
        self.push_fblock(FbKind::AsyncWith(s.loc), block, final_)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Instr::PopTop),
        }
        if pos + 1 == items.len() {
            self.visit_stmts(body)?;
        } else {
            self.async_with(s, items, body, pos + 1)?;
        }
        self.pop_fblock();
        self.emit_op(Op::PopBlock);
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.emit(Instr::GetAwaitable { where_: 2 });
        self.load_const(Const::None);
        self.yield_from();
        self.emit(Instr::PopTop);
        self.jump(exit);
        self.bind(final_);
        self.emit_op(Op::SetupCleanup(cleanup));
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::GetAwaitable { where_: 2 });
        self.load_const(Const::None);
        self.yield_from();
        self.with_except_finish(cleanup);
        self.bind(exit);
        Ok(())
    }

    /// Is `name` (as written in a call) the builtin `super`, as far as the compiler can tell?
    pub(crate) fn is_builtin_super(&self) -> bool {
        let ste = self.scope();
        ste.scope_of("super") == NameScope::GlobalImplicit && self.st.scopes[0].flags("super") & (def::BOUND | def::GLOBAL) == 0
    }
}

pub(crate) fn inplace_op(op: Operator) -> BinOp {
    match op {
        Operator::Add => BinOp::InplaceAdd,
        Operator::Sub => BinOp::InplaceSubtract,
        Operator::Mult => BinOp::InplaceMultiply,
        Operator::MatMult => BinOp::InplaceMatrixMultiply,
        Operator::Div => BinOp::InplaceTrueDivide,
        Operator::Mod => BinOp::InplaceRemainder,
        Operator::Pow => BinOp::InplacePower,
        Operator::LShift => BinOp::InplaceLshift,
        Operator::RShift => BinOp::InplaceRshift,
        Operator::BitOr => BinOp::InplaceOr,
        Operator::BitXor => BinOp::InplaceXor,
        Operator::BitAnd => BinOp::InplaceAnd,
        Operator::FloorDiv => BinOp::InplaceFloorDivide,
    }
}

pub(crate) fn binop(op: Operator) -> BinOp {
    inplace_op(op).base()
}
