//! The code analyzer: Bandit-compatible checks over one Python file.
//!
//! ONE traversal of the AST per file. The visitor keeps the little context the
//! checks need (the chain of parent nodes, the enclosing functions, the imports
//! seen so far) and dispatches each node to the check families below, each of
//! which returns early unless its rules are enabled.

mod blacklist;
mod crypto;
mod frameworks;
mod injection;
mod misc;
mod own;
mod passwords;
mod shell;
mod trojansource;
mod xss;

use std::borrow::Cow;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{
    Comprehension, ExceptHandler, Expr, ExprCall, ExprFString, InterpolatedStringElement, Keyword, MatchCase, Number,
    Parameters, Stmt, StmtFunctionDef, WithItem,
};
use ruff_text_size::{Ranged, TextRange};

use crate::config::CodeOptions;
use crate::finding::Level;
use crate::python::PyFile;
use crate::python::names::Imports;
use crate::rules::Selection;

/// A finding before suppression filtering and rendering.
#[derive(Debug, Clone)]
pub struct RawFinding {
    pub rule: &'static str,
    pub severity: Level,
    pub confidence: Level,
    pub message: String,
    /// The reported line (1-based).
    pub line: usize,
    /// The span to show (columns come from it when it starts on `line`).
    pub range: TextRange,
    /// Lines of the node that produced the finding (for suppressions).
    pub line_range: (usize, usize),
    /// A secret the finding is about: never printed whole, in any format.
    pub secret: Option<String>,
}

/// A parent in the chain from the module to the node being visited.
#[derive(Clone, Copy)]
pub(crate) enum Parent<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
    Keyword(&'a Keyword),
    Other(TextRange),
}

impl Parent<'_> {
    fn range(&self) -> TextRange {
        match self {
            Parent::Stmt(s) => s.range(),
            Parent::Expr(e) => e.range(),
            Parent::Keyword(k) => k.range(),
            Parent::Other(r) => *r,
        }
    }
}

/// What the checks see of a call.
pub(crate) struct CallCtx<'a> {
    pub call: &'a ExprCall,
    /// Qualified name, aliases resolved (`subprocess.Popen`).
    pub qual: String,
    /// Where the last segment of `qual` starts.
    name_start: usize,
}

impl<'a> CallCtx<'a> {
    fn new(call: &'a ExprCall, qual: String) -> Self {
        let name_start = qual.rfind('.').map_or(0, |i| i + 1);
        CallCtx { call, qual, name_start }
    }
    /// The last segment of the qualified name (Bandit's `call_function_name`).
    pub fn name(&self) -> &str {
        &self.qual[self.name_start..]
    }
    /// Whether one of the dotted segments of the qualified name is `segment`.
    pub fn has_segment(&self, segment: &str) -> bool {
        self.qual.contains(segment) && self.qual.split('.').any(|s| s == segment)
    }
    pub fn args(&self) -> &'a [Expr] {
        &self.call.arguments.args
    }
    pub fn keyword(&self, name: &str) -> Option<&'a Keyword> {
        self.call.arguments.keywords.iter().find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
    }
    pub fn kw_value(&self, name: &str) -> Option<&'a Expr> {
        self.keyword(name).map(|k| &k.value)
    }
    /// Bandit's `call_keywords[name]` value (None when absent or not a literal).
    pub fn kw_bval(&self, name: &str) -> BVal<'a> {
        self.kw_value(name).map_or(BVal::Null, bval)
    }
    /// Bandit's `get_call_arg_at_position(n)`.
    pub fn arg_bval(&self, n: usize) -> BVal<'a> {
        self.args().get(n).map_or(BVal::Null, bval)
    }
    /// Bandit's `check_call_arg_value(name, values)`: None if the keyword is
    /// absent (or not a literal), else whether it equals one of the values.
    pub fn kw_equals(&self, name: &str, values: &[&str]) -> Option<bool> {
        match self.kw_bval(name) {
            BVal::Null => None,
            v => Some(values.iter().any(|s| v.as_str() == Some(s))),
        }
    }
}

/// A Python value as Bandit's context accessors see it: literals become values,
/// `True`/`False`/`None` become strings, a name becomes its identifier and an
/// attribute its last segment; anything else is `Null`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum BVal<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
    List(Vec<BVal<'a>>),
    Other,
    Null,
}

impl BVal<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            BVal::Str(s) => Some(s),
            _ => None,
        }
    }
}

pub(crate) fn bval(expr: &Expr) -> BVal<'_> {
    match expr {
        Expr::StringLiteral(s) => BVal::Str(Cow::Borrowed(s.value.to_str())),
        Expr::BooleanLiteral(b) => BVal::Str(Cow::Borrowed(if b.value { "True" } else { "False" })),
        Expr::NoneLiteral(_) => BVal::Str(Cow::Borrowed("None")),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => i.as_i64().map_or(BVal::Other, BVal::Int),
            Number::Float(f) => BVal::Float(*f),
            Number::Complex { .. } => BVal::Other,
        },
        Expr::BytesLiteral(_) | Expr::EllipsisLiteral(_) | Expr::Dict(_) | Expr::Set(_) => BVal::Other,
        Expr::List(l) => BVal::List(l.elts.iter().map(bval).collect()),
        Expr::Tuple(t) => BVal::List(t.elts.iter().map(bval).collect()),
        Expr::Name(n) => BVal::Str(Cow::Borrowed(n.id.as_str())),
        Expr::Attribute(a) => BVal::Str(Cow::Borrowed(a.attr.as_str())),
        _ => BVal::Null,
    }
}

/// The text of a plain string literal.
pub(crate) fn str_lit(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::StringLiteral(s) => Some(s.value.to_str()),
        _ => None,
    }
}

pub struct Checker<'a> {
    pub(crate) file: &'a PyFile,
    pub(crate) path: &'a str,
    pub(crate) opts: &'a CodeOptions,
    enabled: [bool; 1000],
    /// `PY<n>` rules enabled.
    enabled_py: [bool; 100],
    enabled_up: [bool; 100],
    any_py: bool,
    /// The Django code rules DJ113 (csrf_exempt) and DJ114 (admin URL).
    pub(crate) dj113: bool,
    pub(crate) dj114: bool,
    /// Enabled Flask (FL) and FastAPI (FA) rules.
    pub(crate) web_rules: rustc_hash::FxHashSet<&'static str>,
    /// What the file does with Flask/FastAPI apps, for the file-level rules.
    pub(crate) web: own::WebFacts,
    pub(crate) imports: Imports,
    /// Module-level `NAME = <constant str or bytes>` bindings seen so far
    /// (see [`Checker::literal`]).
    pub(crate) constants: rustc_hash::FxHashMap<&'a str, &'a Expr>,
    /// Names bound by the enclosing `except ... as NAME:` handlers, each with
    /// the function depth it belongs to.
    pub(crate) except_names: Vec<(&'a str, usize)>,
    pub(crate) parents: Vec<Parent<'a>>,
    /// For each entry of `parents`, how many `BinOp`s end there in a row, so a
    /// string can find the top of its `+`/`%` chain in constant time.
    binop_runs: Vec<usize>,
    /// Enclosing function definitions, innermost last.
    pub(crate) funcs: Vec<&'a StmtFunctionDef>,
    pub(crate) module: &'a [Stmt],
    pub findings: Vec<RawFinding>,
}

impl<'a> Checker<'a> {
    /// Whether Bandit-style rule `B<n>` is enabled.
    pub(crate) fn on(&self, n: usize) -> bool {
        self.enabled[n]
    }

    /// Whether pyward's own rule `PY<n>` is enabled.
    pub(crate) fn on_py(&self, n: usize) -> bool {
        self.enabled_py[n]
    }

    /// Whether pyward's upload rule `UP<n>` is enabled.
    pub(crate) fn on_up(&self, n: usize) -> bool {
        self.enabled_up[n]
    }

    /// Whether any `PY` rule is enabled (lets the walk skip their bookkeeping).
    fn any_py(&self) -> bool {
        self.any_py
    }

    /// The text of a constant str or bytes value written in the code: a
    /// literal, a module-level name bound to one earlier, `b"\0" * 16`,
    /// `bytes(16)`, or a concatenation of those. Bytes are read as Latin-1.
    /// The result is capped at 64 KiB (only its presence and start matter).
    pub(crate) fn literal(&self, expr: &Expr) -> Option<String> {
        const CAP: usize = 64 * 1024;
        match expr {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_owned()),
            Expr::BytesLiteral(b) => Some(b.value.bytes().take(CAP).map(char::from).collect()),
            Expr::Name(n) => self.constants.get(n.id.as_str()).and_then(|v| self.literal(v)),
            Expr::BinOp(b) if matches!(b.op, ruff_python_ast::Operator::Mult) => {
                let (text, count) = match (b.left.as_ref(), b.right.as_ref()) {
                    (other, Expr::NumberLiteral(n)) | (Expr::NumberLiteral(n), other) => (self.literal(other)?, n),
                    _ => return None,
                };
                let count = match &count.value {
                    ruff_python_ast::Number::Int(i) => i.as_u64()?,
                    _ => return None,
                };
                let count = usize::try_from(count).ok()?.min(CAP / text.len().max(1));
                Some(text.repeat(count))
            }
            Expr::BinOp(b) if matches!(b.op, ruff_python_ast::Operator::Add) => {
                let mut text = self.literal(&b.left)?;
                text.push_str(&self.literal(&b.right)?);
                text.truncate(CAP);
                Some(text)
            }
            Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(f) if f.id.as_str() == "bytes") => {
                match call.arguments.args.as_ref() {
                    [Expr::NumberLiteral(n)] => match &n.value {
                        ruff_python_ast::Number::Int(i) => {
                            Some("\0".repeat(usize::try_from(i.as_u64()?).ok()?.min(CAP)))
                        }
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        }
    }

    pub(crate) fn line_of(&self, offset: ruff_text_size::TextSize) -> usize {
        self.file.lines.line(offset.to_usize())
    }

    /// Inclusive line span of a range.
    pub(crate) fn lines_of(&self, range: TextRange) -> (usize, usize) {
        let start = self.line_of(range.start());
        let end_off = range.end().to_usize().saturating_sub(1).max(range.start().to_usize());
        (start, self.file.lines.line(end_off))
    }

    /// Records a finding of `rule` at `at`, produced by a node spanning `node`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn report(
        &mut self,
        rule: &'static str,
        severity: Level,
        confidence: Level,
        message: impl Into<String>,
        at: TextRange,
        node: TextRange,
    ) {
        let line = self.line_of(at.start());
        self.report_at_line(rule, severity, confidence, message, at, line, self.lines_of(node));
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn report_at_line(
        &mut self,
        rule: &'static str,
        severity: Level,
        confidence: Level,
        message: impl Into<String>,
        at: TextRange,
        line: usize,
        line_range: (usize, usize),
    ) {
        self.findings.push(RawFinding {
            rule,
            severity,
            confidence,
            message: message.into(),
            line,
            range: at,
            line_range,
            secret: None,
        });
    }

    fn push(&mut self, parent: Parent<'a>) {
        let run = if matches!(parent, Parent::Expr(Expr::BinOp(_))) {
            self.binop_runs.last().copied().unwrap_or(0) + 1
        } else {
            0
        };
        self.parents.push(parent);
        self.binop_runs.push(run);
    }

    fn pop(&mut self) {
        self.parents.pop();
        self.binop_runs.pop();
    }

    /// How many of the nearest parents are `BinOp`s in a row.
    pub(crate) fn binop_chain_len(&self) -> usize {
        self.binop_runs.last().copied().unwrap_or(0)
    }

    /// Marks the last finding as carrying a secret, to be masked in output.
    pub(crate) fn mark_secret(&mut self, secret: String) {
        if let Some(last) = self.findings.last_mut() {
            last.secret = Some(secret);
        }
    }

    /// The parent of the node being visited (`depth` 1), its grandparent (2), ...
    pub(crate) fn parent(&self, depth: usize) -> Option<Parent<'a>> {
        self.parents.len().checked_sub(depth).map(|i| self.parents[i])
    }

    fn check_call(&mut self, call: &'a ExprCall) {
        let ctx = CallCtx::new(call, self.imports.qualified_call_name(&call.func));
        blacklist::call(self, &ctx);
        misc::call(self, &ctx);
        passwords::call(self, &ctx);
        crypto::call(self, &ctx);
        shell::call(self, &ctx);
        injection::call(self, &ctx);
        frameworks::call(self, &ctx);
        xss::call(self, &ctx);
        if self.any_py() {
            own::call(self, &ctx);
        }
    }

    /// A string constant, as Bandit's "Str" tests see it (never a docstring or
    /// any other bare expression statement).
    fn check_str(&mut self, value: &str, range: TextRange, parent: Option<Parent<'a>>) {
        let node_range = parent.map_or(range, |p| p.range());
        misc::string(self, value, range, node_range);
        passwords::string(self, value, range, node_range);
        injection::string(self, value, range, node_range);
    }

    fn visit_fstring(&mut self, fstring: &'a ExprFString) {
        let range = fstring.range;
        // Python's JoinedStr: adjacent literal text merged into one constant.
        let mut chunks: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut exprs: Vec<&'a InterpolatedStringElement> = Vec::new();
        for part in fstring.value.iter() {
            match part {
                ruff_python_ast::FStringPart::Literal(lit) => current.push_str(&lit.value),
                ruff_python_ast::FStringPart::FString(f) => {
                    for element in &f.elements {
                        match element {
                            InterpolatedStringElement::Literal(lit) => current.push_str(&lit.value),
                            InterpolatedStringElement::Interpolation(_) => {
                                if !current.is_empty() {
                                    chunks.push(std::mem::take(&mut current));
                                }
                                exprs.push(element);
                            }
                        }
                    }
                }
            }
        }
        if !current.is_empty() {
            chunks.push(current);
        }
        let parent = self.parent(1);
        for (i, chunk) in chunks.iter().enumerate() {
            // Constants inside an f-string have the f-string as parent.
            misc::string(self, chunk, range, range);
            if i == 0 {
                injection::fstring(self, &chunks, range, parent);
            }
        }
        self.push(Parent::Other(range));
        for element in exprs {
            self.visit_interpolated_string_element(element);
        }
        self.pop();
    }
}

impl<'a> Visitor<'a> for Checker<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(import) => {
                self.imports.add_import(import);
                blacklist::import(self, stmt);
            }
            Stmt::ImportFrom(import) => {
                self.imports.add_import_from(import);
                blacklist::import(self, stmt);
            }
            Stmt::Assert(assert) => misc::assert(self, assert),
            Stmt::FunctionDef(def) => {
                passwords::function_def(self, def);
                crypto::function_def(self, def);
            }
            _ => {}
        }
        if self.any_py() {
            own::stmt(self, stmt);
        }
        if self.parents.is_empty()
            && self.any_py
            && let Stmt::Assign(assign) = stmt
            && let [Expr::Name(name)] = assign.targets.as_slice()
            && self.literal(&assign.value).is_some()
        {
            self.constants.insert(name.id.as_str(), &assign.value);
        }
        self.push(Parent::Stmt(stmt));
        if let Stmt::FunctionDef(def) = stmt {
            self.funcs.push(def);
            visitor::walk_stmt(self, stmt);
            self.funcs.pop();
        } else {
            visitor::walk_stmt(self, stmt);
        }
        self.pop();
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(call) => self.check_call(call),
            Expr::StringLiteral(s) => {
                let parent = self.parent(1);
                if !matches!(parent, Some(Parent::Stmt(Stmt::Expr(_)))) {
                    self.check_str(s.value.to_str(), s.range, parent);
                }
            }
            Expr::FString(f) => {
                self.visit_fstring(f);
                return;
            }
            Expr::Compare(cmp) if self.on_py(5) => own::compare(self, cmp),
            Expr::Attribute(attr) if !self.web_rules.is_empty() => own::attribute(self, attr),
            _ => {}
        }
        self.push(Parent::Expr(expr));
        visitor::walk_expr(self, expr);
        self.pop();
    }

    fn visit_keyword(&mut self, keyword: &'a Keyword) {
        self.push(Parent::Keyword(keyword));
        visitor::walk_keyword(self, keyword);
        self.pop();
    }

    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        misc::except_handler(self, handler);
        let ExceptHandler::ExceptHandler(h) = handler;
        let named = h.name.as_ref().map(|n| (n.as_str(), self.funcs.len()));
        if let Some(entry) = named {
            self.except_names.push(entry);
        }
        self.push(Parent::Other(handler.range()));
        visitor::walk_except_handler(self, handler);
        self.pop();
        if named.is_some() {
            self.except_names.pop();
        }
    }

    fn visit_parameters(&mut self, parameters: &'a Parameters) {
        self.push(Parent::Other(parameters.range));
        visitor::walk_parameters(self, parameters);
        self.pop();
    }

    fn visit_comprehension(&mut self, comprehension: &'a Comprehension) {
        self.push(Parent::Other(comprehension.range));
        visitor::walk_comprehension(self, comprehension);
        self.pop();
    }

    fn visit_with_item(&mut self, item: &'a WithItem) {
        self.push(Parent::Other(item.range));
        visitor::walk_with_item(self, item);
        self.pop();
    }

    fn visit_match_case(&mut self, case: &'a MatchCase) {
        self.push(Parent::Other(case.range));
        visitor::walk_match_case(self, case);
        self.pop();
    }
}

/// Runs every enabled code check over a parsed file. Findings come back
/// unsuppressed and unsorted.
pub fn check_file(file: &PyFile, path: &str, selection: &Selection, opts: &CodeOptions) -> Vec<RawFinding> {
    let mut enabled = [false; 1000];
    let mut enabled_py = [false; 100];
    let mut enabled_up = [false; 100];
    for rule in selection.enabled_rules() {
        if let Some(n) = rule.id.strip_prefix("PY").and_then(|n| n.parse::<usize>().ok())
            && n < 100
        {
            enabled_py[n] = true;
        } else if let Some(n) = rule.id.strip_prefix("UP").and_then(|n| n.parse::<usize>().ok())
            && n < 100
        {
            enabled_up[n] = true;
        } else if let Some(n) = rule.id.strip_prefix('B').and_then(|n| n.parse::<usize>().ok())
            && n < 1000
        {
            enabled[n] = true;
        }
    }
    let module = file.parsed.syntax();
    let mut checker = Checker {
        file,
        path,
        opts,
        enabled,
        enabled_py,
        enabled_up,
        any_py: enabled_py.iter().any(|e| *e)
            || enabled_up.iter().any(|e| *e)
            || selection.is_enabled("DJ113")
            || selection.is_enabled("DJ114")
            || selection.enabled_rules().any(|r| r.id.starts_with("FL") || r.id.starts_with("FA")),
        dj113: selection.is_enabled("DJ113"),
        dj114: selection.is_enabled("DJ114"),
        web_rules: selection
            .enabled_rules()
            .filter(|r| r.id.starts_with("FL") || r.id.starts_with("FA"))
            .map(|r| r.id)
            .collect(),
        web: own::WebFacts::default(),
        imports: Imports::default(),
        constants: rustc_hash::FxHashMap::default(),
        except_names: Vec::new(),
        parents: Vec::new(),
        binop_runs: Vec::new(),
        funcs: Vec::new(),
        module: &module.body,
        findings: Vec::new(),
    };
    checker.visit_body(&module.body);
    if checker.on(613) {
        trojansource::file(&mut checker);
    }
    if checker.any_py {
        own::finish(&mut checker);
    }
    let mut findings = checker.findings;
    // pyward's own rules judge context; in test code the context is usually
    // deliberate, so those findings drop to LOW confidence there.
    if is_test_path(path) {
        for f in findings.iter_mut().filter(|f| ["PY", "DJ", "FL", "FA", "UP"].iter().any(|p| f.rule.starts_with(p))) {
            f.confidence = Level::Low;
        }
    }
    findings
}

/// A file of a test suite: under a `tests`/`test`/`testing` folder, or named
/// `test_*.py`, `*_test.py`, `tests.py` or `conftest.py`.
pub(crate) fn is_test_path(path: &str) -> bool {
    let path = path.replace('\\', "/");
    let mut parts: Vec<&str> = path.split('/').collect();
    let file = parts.pop().unwrap_or("");
    parts.iter().any(|p| matches!(*p, "tests" | "test" | "testing"))
        || file.starts_with("test_")
        || file.ends_with("_test.py")
        || file == "tests.py"
        || file == "conftest.py"
}
