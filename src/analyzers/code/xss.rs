//! Cross-site scripting: B701 jinja2 autoescape, B702 Mako, B703 Django
//! mark_safe of non-constant data, B704 markupsafe.Markup.

use ruff_python_ast::{Expr, Operator, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextSize};

use super::{CallCtx, Checker, str_lit};
use crate::finding::Level::{High, Medium};

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    let func = ctx.name();
    if c.on(701) && func == "Environment" && ctx.has_segment("jinja2") {
        jinja2(c, ctx);
    }
    if c.on(702) && func == "Template" && ctx.has_segment("mako") {
        c.report(
            "B702",
            Medium,
            High,
            "Mako templates allow HTML/JS rendering by default and are inherently open to XSS attacks. Ensure variables in all templates are properly sanitized via the 'n', 'h' or 'x' flags (depending on context). For example, to HTML escape the variable 'data' do ${ data |h }.",
            r,
            r,
        );
    }
    if c.on(703)
        && matches!(func, "mark_safe" | "SafeText" | "SafeUnicode" | "SafeString" | "SafeBytes")
        && c.imports.imported_like("django.utils.safestring")
    {
        django_mark_safe(c, ctx);
    }
    if c.on(704) {
        markup(c, ctx);
    }
}

fn jinja2(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    let (confidence, text) = match ctx.kw_value("autoescape") {
        None => (
            High,
            "By default, jinja2 sets autoescape to False. Consider using autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.",
        ),
        Some(Expr::BooleanLiteral(b)) if !b.value => (
            High,
            "Using jinja2 templates with autoescape=False is dangerous and can lead to XSS. Use autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.",
        ),
        Some(Expr::BooleanLiteral(b)) if b.value => return,
        Some(Expr::Call(call))
            if matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "select_autoescape")
                || matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "select_autoescape") =>
        {
            return;
        }
        Some(_) => (
            Medium,
            "Using jinja2 templates with autoescape=False is dangerous and can lead to XSS. Ensure autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.",
        ),
    };
    c.report("B701", High, confidence, text, r, r);
}

fn markup(c: &mut Checker, ctx: &CallCtx) {
    let qual = ctx.qual.as_str();
    if !matches!(qual, "markupsafe.Markup" | "flask.Markup") && !c.opts.extend_markup_names.iter().any(|n| n == qual) {
        return;
    }
    let Some(first) = ctx.args().first() else {
        return;
    };
    if first.is_literal_expr() {
        return;
    }
    if let Expr::Call(inner) = first
        && !c.opts.allowed_markup_calls.is_empty()
    {
        let name = c.imports.qualified_call_name(&inner.func);
        if c.opts.allowed_markup_calls.contains(&name) {
            return;
        }
    }
    let r = ctx.call.range();
    c.report(
        "B704",
        Medium,
        High,
        format!("Potential XSS with ``{qual}`` detected. Do not use ``{}`` on untrusted data.", ctx.name()),
        r,
        r,
    );
}

/// Where B703 looks for assignments: the nearest enclosing (non-async)
/// function, else the module (Bandit's walk up `_bandit_parent`).
#[derive(Clone, Copy)]
enum Scope<'a> {
    Func(&'a StmtFunctionDef),
    Module(&'a [Stmt]),
}

impl<'a> Scope<'a> {
    fn body(&self) -> &'a [Stmt] {
        match self {
            Scope::Func(f) => &f.body,
            Scope::Module(m) => m,
        }
    }
    fn is_param(&self, name: &str) -> bool {
        match self {
            Scope::Func(f) => f.parameters.args.iter().any(|p| p.parameter.name.as_str() == name),
            Scope::Module(_) => false,
        }
    }
}

/// Bandit's analysis raises (and so reports nothing) on some shapes; `Crash`
/// models that, so pyward stays quiet where Bandit does.
struct Crash;

/// What an assignment search found: an assigned value, or a `with` statement
/// that binds the name (which Bandit treats as not provably safe).
enum Assigned<'a> {
    Value(&'a Expr),
    With,
}

struct Analysis<'c, 'a> {
    c: &'c Checker<'a>,
    scope: Scope<'a>,
    budget: usize,
}

impl<'a> Analysis<'_, 'a> {
    fn line(&self, offset: TextSize) -> usize {
        self.c.line_of(offset)
    }

    fn stmt_line(&self, stmt: &Stmt) -> usize {
        match stmt {
            Stmt::FunctionDef(f) => self.line(f.name.range.start()),
            Stmt::ClassDef(cd) => self.line(cd.name.range.start()),
            _ => self.line(stmt.range().start()),
        }
    }

    /// Bandit's `DeepAssignation.is_assigned`, flattened into `out`.
    fn assigned_in(&self, stmt: &'a Stmt, var: &str, out: &mut Vec<Assigned<'a>>) -> Result<(), Crash> {
        match stmt {
            Stmt::FunctionDef(f) if !f.is_async => {
                for s in &f.body {
                    self.assigned_in(s, var, out)?;
                }
            }
            Stmt::With(w) if !w.is_async => {
                // Each item overwrites the previous result; the last one counts.
                let mut result = Vec::new();
                for item in &w.items {
                    result.clear();
                    let binds = matches!(item.optional_vars.as_deref(), Some(Expr::Name(n)) if n.id.as_str() == var);
                    if binds {
                        result.push(Assigned::With);
                    } else {
                        for s in &w.body {
                            self.assigned_in(s, var, &mut result)?;
                        }
                    }
                }
                out.extend(result);
            }
            Stmt::Try(t) => {
                for s in &t.body {
                    self.assigned_in(s, var, out)?;
                }
                for h in &t.handlers {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                    for s in &h.body {
                        self.assigned_in(s, var, out)?;
                    }
                }
                for s in t.orelse.iter().chain(&t.finalbody) {
                    self.assigned_in(s, var, out)?;
                }
            }
            Stmt::If(i) => {
                for s in &i.body {
                    self.assigned_in(s, var, out)?;
                }
                // Python's `orelse` of an if/elif chain.
                for clause in &i.elif_else_clauses {
                    for s in &clause.body {
                        self.assigned_in(s, var, out)?;
                    }
                }
            }
            Stmt::For(f) if !f.is_async => {
                for s in f.body.iter().chain(&f.orelse) {
                    self.assigned_in(s, var, out)?;
                }
            }
            Stmt::While(w) => {
                for s in w.body.iter().chain(&w.orelse) {
                    self.assigned_in(s, var, out)?;
                }
            }
            Stmt::AugAssign(a) => {
                if matches!(a.target.as_ref(), Expr::Name(n) if n.id.as_str() == var) {
                    out.push(Assigned::Value(&a.value));
                }
            }
            Stmt::Assign(a) => match (a.targets.first(), a.value.as_ref()) {
                (Some(Expr::Name(n)), _) if n.id.as_str() == var => out.push(Assigned::Value(&a.value)),
                (Some(Expr::Tuple(target)), Expr::Tuple(value)) => {
                    for (pos, name) in target.elts.iter().enumerate() {
                        let Expr::Name(name) = name else {
                            return Err(Crash);
                        };
                        if name.id.as_str() == var {
                            if let Some(v) = value.elts.get(pos) {
                                out.push(Assigned::Value(v));
                            }
                            break;
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        Ok(())
    }

    /// Bandit's `evaluate_var`: is `var` provably built from string literals
    /// before line `until`?
    fn var_is_safe(&mut self, var: &str, until: usize) -> Result<bool, Crash> {
        if self.budget == 0 {
            return Ok(false);
        }
        self.budget -= 1;
        if self.scope.is_param(var) {
            return Ok(false);
        }
        let mut secure = false;
        for stmt in self.scope.body() {
            let line = self.stmt_line(stmt);
            if line >= until {
                break;
            }
            let mut found = Vec::new();
            self.assigned_in(stmt, var, &mut found)?;
            if found.is_empty() {
                continue;
            }
            // A single assignment is a value; a compound statement a list.
            let single = !matches!(
                stmt,
                Stmt::FunctionDef(_) | Stmt::With(_) | Stmt::Try(_) | Stmt::If(_) | Stmt::For(_) | Stmt::While(_)
            );
            if single && let [Assigned::Value(value)] = found.as_slice() {
                match value {
                    Expr::StringLiteral(_) => secure = true,
                    Expr::Name(n) => {
                        let at = self.line(n.range.start());
                        secure = self.var_is_safe(n.id.as_str(), at)?;
                    }
                    Expr::Call(call) => secure = self.call_is_safe(call)?,
                    _ => return Ok(false),
                }
                continue;
            }
            let mut all = true;
            for item in &found {
                let ok = match item {
                    Assigned::Value(Expr::StringLiteral(_)) => true,
                    Assigned::Value(Expr::Name(n)) => self.var_is_safe(n.id.as_str(), line)?,
                    _ => false,
                };
                if !ok {
                    all = false;
                    break;
                }
            }
            if !all {
                return Ok(false);
            }
            secure = true;
        }
        Ok(secure)
    }

    /// Bandit's `evaluate_call`: `"literal".format(<safe args>)`.
    fn call_is_safe(&mut self, call: &'a ruff_python_ast::ExprCall) -> Result<bool, Crash> {
        let Expr::Attribute(attr) = call.func.as_ref() else {
            return Ok(false);
        };
        if attr.attr.as_str() != "format" || !attr.value.is_literal_expr() || !call.arguments.keywords.is_empty() {
            return Ok(false);
        }
        let line = self.line(call.range().start());
        self.format_args_safe(call.arguments.args.iter().collect(), line)
    }

    fn format_args_safe(&mut self, mut args: Vec<&'a Expr>, line: usize) -> Result<bool, Crash> {
        let mut secure = 0;
        let mut i = 0;
        while i < args.len() {
            let ok = match args[i] {
                Expr::StringLiteral(_) => true,
                Expr::Name(n) => self.var_is_safe(n.id.as_str(), line)?,
                Expr::Call(inner) => self.call_is_safe(inner)?,
                Expr::Starred(s) => match s.value.as_ref() {
                    Expr::List(l) => {
                        args.extend(l.elts.iter());
                        true
                    }
                    Expr::Tuple(t) => {
                        args.extend(t.elts.iter());
                        true
                    }
                    _ => false,
                },
                _ => false,
            };
            if !ok {
                break;
            }
            secure += 1;
            i += 1;
        }
        Ok(secure == args.len())
    }
}

fn django_mark_safe(c: &mut Checker, ctx: &CallCtx) {
    // Bandit raises on a call without positional arguments and reports nothing.
    let Some(xss) = ctx.args().first() else {
        return;
    };
    if str_lit(xss).is_some() {
        return;
    }
    let scope = c.funcs.iter().rev().find(|f| !f.is_async).map_or(Scope::Module(c.module), |f| Scope::Func(f));
    let call_line = c.line_of(ctx.call.range().start());
    let mut analysis = Analysis { c, scope, budget: 10_000 };
    let secure = match xss {
        Expr::Name(n) => {
            if scope.is_param(n.id.as_str()) {
                Ok(false)
            } else {
                analysis.var_is_safe(n.id.as_str(), call_line)
            }
        }
        Expr::Call(call) => analysis.call_is_safe(call),
        Expr::BinOp(b) if b.op == Operator::Mod && str_lit(&b.left).is_some() => {
            let args: Vec<&Expr> = match b.right.as_ref() {
                Expr::Tuple(t) => t.elts.iter().collect(),
                other => vec![other],
            };
            let line = analysis.line(b.range.start());
            analysis.format_args_safe(args, line)
        }
        _ => Ok(false),
    };
    if let Ok(false) = secure {
        let r = ctx.call.range();
        c.report("B703", Medium, High, "Potential XSS on mark_safe function.", r, r);
    }
}
