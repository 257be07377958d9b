//! The symbol table: one [`Scope`] per module, class body, function, lambda and
//! comprehension, recording how each name is used, then resolved to local / global / free /
//! cell as CPython 3.11's `Python/symtable.c` does (same passes, same error messages).
//! Codegen looks scopes up by the address of the AST node that opened them.
//!
//! Does not own code layout: `co_varnames` order beyond the parameters, and constant or name
//! tables, are decided by codegen.

use std::collections::{HashMap, HashSet};

use super::CompileError;
use crate::syntax::ast::*;

/// How a name is used inside one scope (bits, CPython's `DEF_*`).
pub mod def {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE_CLASS: u32 = 64;
    pub const IMPORT: u32 = 128;
    pub const ANNOT: u32 = 256;
    pub const COMP_ITER: u32 = 512;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives once resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    /// Not yet resolved (only during analysis).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

/// Which comprehension a comprehension scope implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Debug, Clone)]
pub struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug, Clone)]
pub struct Scope {
    pub name: String,
    pub kind: ScopeKind,
    pub comprehension: Option<CompKind>,
    pub is_lambda: bool,
    /// `async def` (set before the body is visited).
    pub is_async_def: bool,
    /// Symbol names in first-seen order, with their entries in `symbols`.
    pub order: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    /// Parameters in order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub nested: bool,
    /// Has free variables of its own.
    pub has_free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    /// A class whose methods use `__class__`/`super`: it gets a `__class__` cell.
    pub needs_class_closure: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// `global`/`nonlocal` statements: name and statement location (for error locations).
    directives: Vec<(String, Loc)>,
    pub loc: Loc,
}

impl Scope {
    fn new(name: &str, kind: ScopeKind, loc: Loc) -> Scope {
        Scope {
            name: name.to_string(),
            kind,
            comprehension: None,
            is_lambda: false,
            is_async_def: false,
            order: Vec::new(),
            symbols: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            nested: false,
            has_free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: Vec::new(),
            loc,
        }
    }

    /// The flags of `name` (0 when unknown); `name` must already be mangled.
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// The resolved scope of `name` (already mangled); `Unknown` when the name never occurs.
    pub fn scope_of(&self, name: &str) -> NameScope {
        self.symbols.get(name).map_or(NameScope::Unknown, |s| s.scope)
    }

    /// Names with the given resolved scope, sorted (CPython sorts cell and free variables).
    pub fn sorted_names(&self, want: NameScope, also_flag: u32) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == want || (also_flag != 0 && s.flags & also_flag != 0))
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }

    pub fn is_function(&self) -> bool {
        self.kind == ScopeKind::Function
    }
}

/// All scopes of one compilation unit; scope 0 is the module.
#[derive(Debug, Clone)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address → scope index.
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    /// The scope opened by the AST node at `addr` (see [`node_key`]).
    pub fn scope_for(&self, addr: usize) -> Option<usize> {
        self.by_node.get(&addr).copied()
    }
}

/// Key of a scope-opening node: its address.
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's private-name mangling: `__x` inside class `C` becomes `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

fn err(msg: impl Into<String>, loc: Loc) -> CompileError {
    CompileError { msg: msg.into(), loc }
}

type R<T = ()> = Result<T, CompileError>;

/// Build and analyse the symbol table of a module (or an `eval`/`single` input).
pub fn build(m: &Mod, future_annotations: bool) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        scopes: vec![Scope::new("top", ScopeKind::Module, Loc::default())],
        by_node: HashMap::new(),
        stack: vec![0],
        private: None,
        future_annotations,
    };
    match m {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            for s in body {
                b.stmt(s)?;
            }
        }
        Mod::Expression { body } => b.expr(body)?,
        Mod::FunctionType { .. } => {}
    }
    let mut st = SymbolTable { scopes: b.scopes, by_node: b.by_node };
    analyze(&mut st)?;
    Ok(st)
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    private: Option<String>,
    future_annotations: bool,
}

impl Builder {
    fn cur(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let i = self.cur();
        &mut self.scopes[i]
    }

    fn enter(&mut self, name: &str, kind: ScopeKind, key: usize, loc: Loc) -> usize {
        let parent = self.cur();
        let mut s = Scope::new(name, kind, loc);
        s.nested = self.scopes[parent].nested || self.scopes[parent].kind == ScopeKind::Function;
        s.comp_iter_expr = self.scopes[parent].comp_iter_expr;
        let idx = self.scopes.len();
        self.scopes.push(s);
        self.scopes[parent].children.push(idx);
        self.by_node.insert(key, idx);
        self.stack.push(idx);
        idx
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn lookup(&self, name: &str) -> u32 {
        let m = mangle(self.private.as_deref(), name);
        self.scopes[self.cur()].flags(&m)
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> R {
        let cur = self.cur();
        self.add_def_in(name, flag, cur, loc)
    }

    fn add_def_in(&mut self, name: &str, flag: u32, scope: usize, loc: Loc) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let s = &mut self.scopes[scope];
        let mut val = match s.symbols.get(&mangled) {
            Some(sym) => {
                if flag & def::PARAM != 0 && sym.flags & def::PARAM != 0 {
                    return Err(err(format!("duplicate argument '{name}' in function definition"), loc));
                }
                sym.flags | flag
            }
            None => flag,
        };
        if s.comp_iter_target {
            if val & (def::GLOBAL | def::NONLOCAL) != 0 {
                return Err(err(format!("comprehension inner loop cannot rebind assignment expression target '{name}'"), loc));
            }
            val |= def::COMP_ITER;
        }
        match s.symbols.get_mut(&mangled) {
            Some(sym) => sym.flags = val,
            None => {
                s.order.push(mangled.clone());
                s.symbols.insert(mangled.clone(), Symbol { flags: val, scope: NameScope::Unknown });
            }
        }
        if flag & def::PARAM != 0 {
            s.params.push(mangled);
        } else if flag & def::GLOBAL != 0 {
            // A `global` anywhere also marks the name in the module's table (CPython does
            // the same, which makes module-level code use STORE_GLOBAL for it).
            let top = &mut self.scopes[0];
            match top.symbols.get_mut(&mangled) {
                Some(sym) => sym.flags |= flag,
                None => {
                    top.order.push(mangled.clone());
                    top.symbols.insert(mangled, Symbol { flags: flag, scope: NameScope::Unknown });
                }
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn arg_annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> R {
        let all =
            args.posonlyargs.iter().chain(&args.args).chain(args.vararg.as_deref()).chain(&args.kwonlyargs).chain(args.kwarg.as_deref());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.annotation(ann)?;
            }
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> R {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.add_def(&a.arg, def::PARAM, a.loc)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.arg, def::PARAM, a.loc)?;
            self.cur_scope().varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.arg, def::PARAM, a.loc)?;
            self.cur_scope().varkeywords = true;
        }
        Ok(())
    }

    fn defaults(&mut self, args: &Arguments) -> R {
        self.exprs(&args.defaults)?;
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let m = mangle(self.private.as_deref(), name);
        self.cur_scope().directives.push((m, loc));
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match &s.node {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, .. }
            | StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, .. } => {
                self.add_def(name, def::LOCAL, s.loc)?;
                self.defaults(args)?;
                self.arg_annotations(args, returns.as_deref())?;
                self.exprs(decorator_list)?;
                self.enter(name, ScopeKind::Function, node_key(s), s.loc);
                if matches!(s.node, StmtKind::AsyncFunctionDef { .. }) {
                    let sc = self.cur_scope();
                    sc.coroutine = true;
                    sc.is_async_def = true;
                }
                self.params(args)?;
                self.stmts(body)?;
                self.exit();
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.add_def(name, def::LOCAL, s.loc)?;
                self.exprs(bases)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(decorator_list)?;
                self.enter(name, ScopeKind::Class, node_key(s), s.loc);
                let saved = self.private.replace(name.clone());
                let r = self.stmts(body);
                self.private = saved;
                r?;
                self.exit();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.cur_scope().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.node {
                    let cur = self.lookup(id);
                    if cur & (def::GLOBAL | def::NONLOCAL) != 0 && self.cur() != 0 && *simple {
                        let what = if cur & def::GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(err(format!("annotated name '{id}' can't be {what}"), s.loc));
                    }
                    if *simple {
                        self.add_def(id, def::ANNOT | def::LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, def::LOCAL, target.loc)?;
                    }
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::For { target, iter, body, orelse, .. } | StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, def::LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                        let msg = if cur & def::PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & def::USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & def::ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(name, def::GLOBAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                        let msg = if cur & def::PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & def::USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & def::ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(err(msg, s.loc));
                    }
                    self.add_def(name, def::NONLOCAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn alias(&mut self, a: &Alias) -> R {
        let store = match &a.asname {
            Some(n) => n.clone(),
            None => a.name.split('.').next().unwrap_or("").to_string(),
        };
        if store == "*" {
            if self.scopes[self.cur()].kind != ScopeKind::Module {
                return Err(err("import * only allowed at module level", a.loc));
            }
            return Ok(());
        }
        self.add_def(&store, def::IMPORT, a.loc)
    }

    fn expr(&mut self, e: &Expr) -> R {
        match &e.node {
            ExprKind::NamedExpr { target, value } => self.named_expr(e, target, value)?,
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                self.enter("lambda", ScopeKind::Function, node_key(e), e.loc);
                self.cur_scope().is_lambda = true;
                self.params(args)?;
                self.expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => self.comprehension(e, "listcomp", CompKind::List, generators, elt, None)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, "setcomp", CompKind::Set, generators, elt, None)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "dictcomp", CompKind::Dict, generators, key, Some(value))?
            }
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, "genexpr", CompKind::Generator, generators, elt, None)?,
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.yield_seen(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.expr(value)?;
                self.yield_seen(e)?;
            }
            ExprKind::Await { value } => {
                self.expr(value)?;
                self.cur_scope().coroutine = true;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { def::USE } else { def::LOCAL };
                self.add_def(id, flag, e.loc)?;
                // A load of `super` inside a function counts as a use of `__class__`.
                if *ctx == ExprContext::Load && self.scopes[self.cur()].kind == ScopeKind::Function && id == "super" {
                    self.add_def("__class__", def::USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn yield_seen(&mut self, e: &Expr) -> R {
        let s = self.cur_scope();
        s.generator = true;
        if let Some(kind) = s.comprehension {
            let what = match kind {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Generator => "generator expression",
            };
            return Err(err(format!("'yield' inside {what}"), e.loc));
        }
        Ok(())
    }

    fn named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> R {
        if self.scopes[self.cur()].comp_iter_expr > 0 {
            return Err(err("assignment expression cannot be used in a comprehension iterable expression", e.loc));
        }
        if self.scopes[self.cur()].comprehension.is_some() {
            if let ExprKind::Name { id, .. } = &target.node {
                self.extend_namedexpr_scope(id, target.loc)?;
            }
        }
        self.expr(value)?;
        self.expr(target)
    }

    /// `(x := v)` inside a comprehension binds `x` in the nearest enclosing
    /// non-comprehension scope.
    fn extend_namedexpr_scope(&mut self, name: &str, loc: Loc) -> R {
        for i in (0..self.stack.len()).rev() {
            let idx = self.stack[i];
            let ste = &self.scopes[idx];
            if ste.comprehension.is_some() {
                if ste.flags(&mangle(self.private.as_deref(), name)) & def::COMP_ITER != 0 {
                    return Err(err(format!("assignment expression cannot rebind comprehension iteration variable '{name}'"), loc));
                }
                continue;
            }
            match ste.kind {
                ScopeKind::Function => {
                    let in_scope = ste.flags(&mangle(self.private.as_deref(), name));
                    let flag = if in_scope & def::GLOBAL != 0 { def::GLOBAL } else { def::NONLOCAL };
                    self.add_def(name, flag, loc)?;
                    self.record_directive(name, loc);
                    return self.add_def_in(name, def::LOCAL, idx, loc);
                }
                ScopeKind::Module => {
                    self.add_def(name, def::GLOBAL, loc)?;
                    self.record_directive(name, loc);
                    return self.add_def_in(name, def::GLOBAL, idx, loc);
                }
                ScopeKind::Class => {
                    return Err(err("assignment expression within a comprehension cannot be used in a class body", loc));
                }
            }
        }
        Ok(())
    }

    fn comprehension(&mut self, e: &Expr, name: &str, kind: CompKind, gens: &[Comprehension], elt: &Expr, value: Option<&Expr>) -> R {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.cur_scope().comp_iter_expr += 1;
        let r = self.expr(&first.iter);
        self.cur_scope().comp_iter_expr -= 1;
        r?;
        self.enter(name, ScopeKind::Function, node_key(e), e.loc);
        let is_generator = kind == CompKind::Generator;
        {
            let s = self.cur_scope();
            s.comprehension = Some(kind);
            if first.is_async {
                s.coroutine = true;
            }
        }
        self.add_def(".0", def::PARAM, e.loc)?;
        self.cur_scope().comp_iter_target = true;
        let r = self.expr(&first.target);
        self.cur_scope().comp_iter_target = false;
        r?;
        self.exprs(&first.ifs)?;
        for g in &gens[1..] {
            self.cur_scope().comp_iter_target = true;
            let r = self.expr(&g.target);
            self.cur_scope().comp_iter_target = false;
            r?;
            self.cur_scope().comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.cur_scope().comp_iter_expr -= 1;
            r?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.cur_scope().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let s = self.cur_scope();
        s.generator = is_generator;
        let is_async = s.coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur_scope().coroutine = true;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, def::LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, def::LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.exprs(keys)?;
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(n) = rest {
                    self.add_def(n, def::LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q)?;
                }
            }
        }
        Ok(())
    }
}

// ----- analysis (CPython's analyze_block and friends) -----

fn analyze(st: &mut SymbolTable) -> R {
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    analyze_block(st, 0, None, &mut free, &mut global)
}

fn directive_loc(ste: &Scope, name: &str) -> Loc {
    ste.directives.iter().rev().find(|(n, _)| n == name).map_or(ste.loc, |(_, l)| *l)
}

fn analyze_block(
    st: &mut SymbolTable,
    idx: usize,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
) -> R {
    let mut local: HashSet<String> = HashSet::new();
    let mut scopes: HashMap<String, NameScope> = HashMap::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    let kind = st.scopes[idx].kind;

    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }

    // A working copy of `bound` that `global` declarations may shrink.
    let mut bound_work: Option<HashSet<String>> = bound.cloned();
    let order = st.scopes[idx].order.clone();
    for name in &order {
        let flags = st.scopes[idx].symbols[name].flags;
        let ste = &mut st.scopes[idx];
        let sc = if flags & def::GLOBAL != 0 {
            if flags & def::NONLOCAL != 0 {
                return Err(err(format!("name '{name}' is nonlocal and global"), directive_loc(ste, name)));
            }
            global.insert(name.clone());
            if let Some(b) = bound_work.as_mut() {
                b.remove(name);
            }
            NameScope::GlobalExplicit
        } else if flags & def::NONLOCAL != 0 {
            let Some(b) = bound_work.as_ref() else {
                return Err(err("nonlocal declaration not allowed at module level", directive_loc(ste, name)));
            };
            if !b.contains(name) {
                return Err(err(format!("no binding for nonlocal '{name}' found"), directive_loc(ste, name)));
            }
            ste.has_free = true;
            free.insert(name.clone());
            NameScope::Free
        } else if flags & def::BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            NameScope::Local
        } else if bound_work.as_ref().is_some_and(|b| b.contains(name)) {
            ste.has_free = true;
            free.insert(name.clone());
            NameScope::Free
        } else if global.contains(name) {
            NameScope::GlobalImplicit
        } else {
            if ste.nested {
                ste.has_free = true;
            }
            NameScope::GlobalImplicit
        };
        scopes.insert(name.clone(), sc);
    }

    if kind != ScopeKind::Class {
        if kind == ScopeKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound_work.as_ref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let mut allfree: HashSet<String> = HashSet::new();
    let children = st.scopes[idx].children.clone();
    for c in children {
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        let _ = &mut temp_bound;
        analyze_block(st, c, Some(&temp_bound), &mut temp_free, &mut temp_global)?;
        allfree.extend(temp_free);
        if st.scopes[c].has_free || st.scopes[c].child_free {
            st.scopes[idx].child_free = true;
        }
    }
    newfree.extend(allfree);

    // Locals captured by children become cells; `__class__` needed by methods becomes the
    // class's implicit cell.
    if kind == ScopeKind::Function {
        for (name, sc) in scopes.iter_mut() {
            if *sc == NameScope::Local && newfree.remove(name) {
                *sc = NameScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        st.scopes[idx].needs_class_closure = true;
    }

    // Record the results.
    let ste = &mut st.scopes[idx];
    for (name, sc) in &scopes {
        if let Some(sym) = ste.symbols.get_mut(name) {
            sym.scope = *sc;
        }
    }
    let mut pass_up: Vec<String> = newfree.iter().cloned().collect();
    pass_up.sort();
    for name in pass_up {
        if let Some(sym) = ste.symbols.get_mut(&name) {
            if kind == ScopeKind::Class && sym.flags & (def::BOUND | def::GLOBAL) != 0 {
                sym.flags |= def::FREE_CLASS;
            }
            continue;
        }
        if bound_work.as_ref().is_some_and(|b| !b.contains(&name)) {
            continue;
        }
        ste.order.push(name.clone());
        ste.symbols.insert(name, Symbol { flags: 0, scope: NameScope::Free });
    }
    free.extend(newfree);
    Ok(())
}
