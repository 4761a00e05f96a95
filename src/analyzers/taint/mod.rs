//! Taint tracking: client data followed from where it enters (sources) to
//! the calls it must not reach unchecked (sinks), across the functions and
//! modules of the project.
//!
//! - `models.rs`: sources, sinks, sanitizers and guards, as data.
//! - `engine.rs`: one function at a time, statements in order, taint on
//!   access paths; a function's summary says which parameters reach its
//!   return value and which reach sinks.
//! - here: the project index (modules, classes, functions, imports resolved
//!   to the project's own code), the framework entry points (routes and
//!   their parameters), summaries computed on demand, once per function,
//!   and the findings with their flows.

mod engine;
pub mod models;

use std::cell::RefCell;
use std::sync::Arc;

use rayon::prelude::*;
use ruff_python_ast::{Expr, Parameters, Stmt, StmtClassDef, StmtFunctionDef};
use ruff_text_size::TextRange;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::finding::{self, Finding, FlowStep, Level, Location};
use crate::python::PyFile;
use crate::python::names::Imports;
use crate::rules::{self, Analyzer, Selection};
use engine::{FuncAnalysis, Hit, StepKind, Summary, TypesView};

/// A parsed Python file kept for the project-wide analysis.
pub struct TaintFile {
    /// The path as reported.
    pub path: String,
    pub file: PyFile,
}

/// Whether any taint rule is enabled.
pub fn any_enabled(selection: &Selection) -> bool {
    selection.enabled_rules().any(|r| r.analyzer == Analyzer::Taint)
}

pub type FuncId = usize;

pub struct Module<'a> {
    pub file: u32,
    dir: &'a str,
    pub imports: Imports,
    funcs: FxHashMap<&'a str, FuncId>,
    classes: FxHashMap<&'a str, usize>,
    /// Module-level names bound to constant collections or literals.
    pub constants: FxHashSet<&'a str>,
    /// Module-level `name = Ctor(...)`: name -> qualified constructor and the call.
    pub globals: FxHashMap<&'a str, (String, &'a Expr)>,
}

pub struct ClassInfo<'a> {
    pub module: usize,
    methods: FxHashMap<&'a str, FuncId>,
    /// Qualified names of the bases, as written.
    bases: Vec<String>,
    /// Annotated fields and whether each holds text.
    pub fields: Vec<(&'a str, bool)>,
    /// `self.<attr> = Ctor(...)` in its methods: attr -> qualified constructor
    /// (or annotation) and the call.
    pub attr_types: Vec<(&'a str, String, Option<&'a Expr>)>,
    /// An `Enum`: its values are fixed.
    enum_like: bool,
    def: &'a StmtClassDef,
}

pub struct Param<'a> {
    pub name: &'a str,
    pub range: TextRange,
    annotation: Option<&'a Expr>,
    default: Option<&'a Expr>,
}

pub struct FuncInfo<'a> {
    pub module: usize,
    pub class: Option<usize>,
    def: Option<&'a StmtFunctionDef>,
    pub body: &'a [Stmt],
    pub params: Vec<Param<'a>>,
    /// A method called on an instance: the first parameter is the receiver.
    pub bound: bool,
    /// A method of an `http.server` request handler.
    pub handler: bool,
    /// A Flask view: its return value is the response body.
    pub flask_route: bool,
    /// Parameters that are client data, with their bits.
    pub param_sources: Vec<(usize, u32)>,
    /// Parameters that are project classes (pydantic models).
    pub model_params: Vec<(usize, usize)>,
    /// Parameters that are the request object.
    pub request_params: Vec<usize>,
    range: TextRange,
}

pub struct Index<'a> {
    files: &'a [TaintFile],
    pub modules: Vec<Module<'a>>,
    pub classes: Vec<ClassInfo<'a>>,
    pub funcs: Vec<FuncInfo<'a>>,
    /// Dotted module names by every suffix (`shop.views`, `views`).
    by_suffix: FxHashMap<String, Vec<usize>>,
}

/// What a qualified name refers to in the project.
enum Target {
    Func(FuncId),
    Class(usize),
    Method(FuncId),
}

impl<'a> Index<'a> {
    fn build(files: &'a [TaintFile]) -> Index<'a> {
        let mut index = Index {
            files,
            modules: Vec::new(),
            classes: Vec::new(),
            funcs: Vec::new(),
            by_suffix: FxHashMap::default(),
        };
        for (i, tf) in files.iter().enumerate() {
            index.add_module(i as u32, tf);
        }
        for m in 0..index.modules.len() {
            index.attr_types(m);
        }
        for f in 0..index.funcs.len() {
            index.entry_params(f);
        }
        for m in 0..index.modules.len() {
            index.django_urls(m);
        }
        index
    }

    fn add_module(&mut self, file: u32, tf: &'a TaintFile) {
        let path = tf.path.as_str();
        let body = tf.file.parsed.syntax().body.as_slice();
        let dir = path.rfind('/').map_or("", |i| &path[..i]);
        let mut imports = Imports::default();
        collect_imports(body, &mut imports);
        let mut constants = FxHashSet::default();
        let mut globals = FxHashMap::default();
        for stmt in body {
            if let Stmt::Assign(a) = stmt
                && let [Expr::Name(n)] = a.targets.as_slice()
                && let Expr::Call(call) = &*a.value
            {
                globals.insert(n.id.as_str(), (imports.qualified_call_name(&call.func), &*a.value));
            }
            if let Stmt::Assign(a) = stmt
                && let [Expr::Name(n)] = a.targets.as_slice()
                && is_constant_value(&a.value)
            {
                constants.insert(n.id.as_str());
            } else if let Stmt::AnnAssign(a) = stmt
                && let Expr::Name(n) = &*a.target
                && a.value.as_deref().is_some_and(is_constant_value)
            {
                constants.insert(n.id.as_str());
            }
        }
        let m = self.modules.len();
        let stem = path.strip_suffix(".py").or_else(|| path.strip_suffix(".pyw")).unwrap_or(path);
        let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
        let parts: Vec<&str> = stem.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
        for k in 1..=parts.len() {
            self.by_suffix.entry(parts[parts.len() - k..].join(".")).or_default().push(m);
        }
        self.modules.push(Module {
            file,
            dir,
            imports,
            funcs: FxHashMap::default(),
            classes: FxHashMap::default(),
            constants,
            globals,
        });
        // The module's own top-level code, as a function without parameters.
        self.funcs.push(FuncInfo {
            module: m,
            class: None,
            def: None,
            body,
            params: Vec::new(),
            bound: false,
            handler: false,
            flask_route: false,
            param_sources: Vec::new(),
            model_params: Vec::new(),
            request_params: Vec::new(),
            range: TextRange::new(0.into(), tf.file.text.len().try_into().unwrap_or(u32::MAX).into()),
        });
        self.add_defs(m, body, None, true);
    }

    fn add_defs(&mut self, m: usize, body: &'a [Stmt], class: Option<usize>, top: bool) {
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(def) => {
                    let f = self.add_func(m, def, class);
                    if let Some(c) = class {
                        self.classes[c].methods.insert(def.name.as_str(), f);
                    } else if top {
                        self.modules[m].funcs.insert(def.name.as_str(), f);
                    }
                    self.add_defs(m, &def.body, None, false);
                }
                Stmt::ClassDef(def) if class.is_none() => {
                    let imports = &self.modules[m].imports;
                    let bases: Vec<String> = def
                        .arguments
                        .as_ref()
                        .map(|a| a.args.iter().map(|b| imports.qualified_call_name(b)).collect())
                        .unwrap_or_default();
                    let enum_like = bases.iter().any(|b| b.ends_with("Enum") || b.ends_with("Choices"));
                    let c = self.classes.len();
                    self.classes.push(ClassInfo {
                        module: m,
                        methods: FxHashMap::default(),
                        bases,
                        fields: Vec::new(),
                        attr_types: Vec::new(),
                        enum_like,
                        def,
                    });
                    if top {
                        self.modules[m].classes.insert(def.name.as_str(), c);
                    }
                    self.add_defs(m, &def.body, Some(c), false);
                }
                Stmt::If(s) if top => {
                    self.add_defs(m, &s.body, class, top);
                    for clause in &s.elif_else_clauses {
                        self.add_defs(m, &clause.body, class, top);
                    }
                }
                Stmt::Try(s) if top => {
                    self.add_defs(m, &s.body, class, top);
                    for h in &s.handlers {
                        let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                        self.add_defs(m, &h.body, class, top);
                    }
                }
                _ => {}
            }
        }
    }

    fn add_func(&mut self, m: usize, def: &'a StmtFunctionDef, class: Option<usize>) -> FuncId {
        let params = params_of(&def.parameters);
        let imports = &self.modules[m].imports;
        let static_method = def
            .decorator_list
            .iter()
            .any(|d| matches!(&d.expression, Expr::Name(n) if n.id.as_str() == "staticmethod"));
        let handler = class.is_some_and(|c| {
            self.classes[c].bases.iter().any(|b| models::HANDLER_BASES.iter().any(|h| b.rsplit('.').next() == Some(h)))
        });
        let request_params = params
            .iter()
            .enumerate()
            .filter(|(_, p)| match p.annotation {
                // Annotated: only a request type makes it the request.
                Some(a) => {
                    let q = imports.qualified_call_name(a);
                    models::REQUEST_TYPES.iter().any(|t| q == *t || q.ends_with(&format!(".{t}")))
                }
                None => models::REQUEST_PARAM_NAMES.contains(&p.name),
            })
            .map(|(i, _)| i)
            .collect();
        let f = self.funcs.len();
        self.funcs.push(FuncInfo {
            module: m,
            class,
            def: Some(def),
            body: &def.body,
            params,
            bound: class.is_some() && !static_method,
            handler,
            flask_route: false,
            param_sources: Vec::new(),
            model_params: Vec::new(),
            request_params,
            range: def.range,
        });
        f
    }

    /// Fields of classes and the types of `self.<attr>` set in their methods.
    fn attr_types(&mut self, m: usize) {
        for c in 0..self.classes.len() {
            if self.classes[c].module != m {
                continue;
            }
            let def = self.classes[c].def;
            let mut fields = Vec::new();
            let mut attrs = Vec::new();
            for stmt in &def.body {
                match stmt {
                    Stmt::AnnAssign(a) => {
                        if let Expr::Name(n) = &*a.target {
                            let text = !matches!(self.annotation_kind(m, Some(&a.annotation)), AnnKind::NonText);
                            fields.push((n.id.as_str(), text));
                        }
                    }
                    // `engine = RuleEngine()` in the class body.
                    Stmt::Assign(a) => {
                        if let [Expr::Name(n)] = a.targets.as_slice()
                            && let Expr::Call(call) = &*a.value
                        {
                            let q = self.modules[m].imports.qualified_call_name(&call.func);
                            attrs.push((n.id.as_str(), q, Some(&*a.value)));
                        }
                    }
                    Stmt::FunctionDef(f) => {
                        let params = params_of(&f.parameters);
                        for s in &f.body {
                            let Stmt::Assign(a) = s else { continue };
                            let [Expr::Attribute(t)] = a.targets.as_slice() else { continue };
                            if !matches!(&*t.value, Expr::Name(n) if n.id.as_str() == "self") {
                                continue;
                            }
                            let imports = &self.modules[m].imports;
                            match &*a.value {
                                // `self.repo = Repo()`
                                Expr::Call(call) => attrs.push((
                                    t.attr.as_str(),
                                    imports.qualified_call_name(&call.func),
                                    Some(&*a.value),
                                )),
                                // `self.session = session` with `session: aiohttp.ClientSession`
                                Expr::Name(v) => {
                                    if let Some(ann) =
                                        params.iter().find(|p| p.name == v.id.as_str()).and_then(|p| p.annotation)
                                    {
                                        attrs.push((t.attr.as_str(), imports.qualified_call_name(ann), None));
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
            self.classes[c].fields = fields;
            self.classes[c].attr_types = attrs;
        }
    }

    /// Routes: Flask route variables, FastAPI parameters.
    fn entry_params(&mut self, f: FuncId) {
        let Some(def) = self.funcs[f].def else { return };
        let m = self.funcs[f].module;
        let imports = &self.modules[m].imports;
        let flask = imports.imported_like("flask") || imports.imported_like("quart");
        let fastapi = imports.imported_like("fastapi");
        let mut sources = Vec::new();
        let mut models_ = Vec::new();
        let mut flask_route = false;
        for d in &def.decorator_list {
            let Expr::Call(call) = &d.expression else { continue };
            let Expr::Attribute(a) = &*call.func else { continue };
            let verb = a.attr.as_str();
            let route = call.arguments.args.first().and_then(|p| match p {
                Expr::StringLiteral(s) => Some(s.value.to_str()),
                _ => None,
            });
            if flask && matches!(verb, "route" | "get" | "post" | "put" | "delete" | "patch") && !fastapi {
                flask_route = true;
                if let Some(route) = route {
                    for (name, text) in route_variables(route) {
                        if text && let Some(i) = self.funcs[f].params.iter().position(|p| p.name == name) {
                            sources.push((i, models::ALL));
                        }
                    }
                }
            } else if fastapi
                && matches!(
                    verb,
                    "get"
                        | "post"
                        | "put"
                        | "delete"
                        | "patch"
                        | "options"
                        | "head"
                        | "api_route"
                        | "websocket"
                        | "route"
                )
            {
                let func = &self.funcs[f];
                for (i, p) in func.params.iter().enumerate() {
                    if func.request_params.contains(&i) || (func.bound && i == 0) {
                        continue;
                    }
                    if let Some(Expr::Call(c)) = p.default {
                        let q = imports.qualified_call_name(&c.func);
                        if q.ends_with("Depends") || q.ends_with("Security") {
                            continue;
                        }
                    }
                    match self.annotation_kind(m, p.annotation) {
                        AnnKind::NonText => {}
                        AnnKind::Text(extra) => sources.push((i, models::ALL | extra)),
                        AnnKind::Model(c) => {
                            sources.push((i, models::ALL));
                            models_.push((i, c));
                        }
                    }
                }
            }
        }
        let func = &mut self.funcs[f];
        func.flask_route = flask_route;
        func.param_sources.extend(sources);
        func.model_params = models_;
    }

    /// What an annotation says a parameter may hold.
    fn annotation_kind(&self, m: usize, ann: Option<&Expr>) -> AnnKind {
        let Some(ann) = ann else { return AnnKind::Text(0) };
        match ann {
            Expr::NoneLiteral(_) => AnnKind::NonText,
            Expr::StringLiteral(_) => AnnKind::Text(0),
            Expr::BinOp(b) => self.union_kind(m, [&*b.left, &*b.right].into_iter()),
            Expr::Subscript(s) => {
                let outer = self.modules[m].imports.qualified_call_name(&s.value);
                let last = outer.rsplit('.').next().unwrap_or("");
                let inner: Vec<&Expr> = match &*s.slice {
                    Expr::Tuple(t) => t.elts.iter().collect(),
                    e => vec![e],
                };
                match last {
                    "Literal" => AnnKind::NonText,
                    "Annotated" => self.annotation_kind(m, inner.first().copied()),
                    "dict" | "Dict" | "Mapping" => AnnKind::Text(models::STRUCT),
                    _ => self.union_kind(m, inner.into_iter()),
                }
            }
            _ => {
                let q = self.modules[m].imports.qualified_call_name(ann);
                let last = q.rsplit('.').next().unwrap_or("");
                if models::NON_TEXT_TYPES.contains(&last) || models::NON_TEXT_TYPES.contains(&q.as_str()) {
                    return AnnKind::NonText;
                }
                if matches!(last, "dict" | "Dict" | "Any" | "Json" | "object") {
                    return AnnKind::Text(models::STRUCT);
                }
                if let Some(c) = self.resolve_class_in(m, &q) {
                    return if self.classes[c].enum_like { AnnKind::NonText } else { AnnKind::Model(c) };
                }
                AnnKind::Text(0)
            }
        }
    }

    fn union_kind<'e>(&self, m: usize, parts: impl Iterator<Item = &'e Expr>) -> AnnKind {
        let mut out = AnnKind::NonText;
        for p in parts {
            match self.annotation_kind(m, Some(p)) {
                AnnKind::NonText => {}
                k @ AnnKind::Model(_) => {
                    if matches!(out, AnnKind::NonText) {
                        out = k;
                    }
                }
                AnnKind::Text(x) => {
                    out = match out {
                        AnnKind::Text(y) => AnnKind::Text(x | y),
                        _ => AnnKind::Text(x),
                    }
                }
            }
        }
        out
    }

    /// Django: the string parameters of views routed in a `urls.py`.
    fn django_urls(&mut self, m: usize) {
        if !self.modules[m].imports.imported_like("django") {
            return;
        }
        let body = self.files[self.modules[m].file as usize].file.parsed.syntax().body.as_slice();
        let mut routes: Vec<(&'a str, bool, &'a Expr)> = Vec::new();
        for stmt in body {
            let value = match stmt {
                Stmt::Assign(a) => &*a.value,
                Stmt::AugAssign(a) => &*a.value,
                Stmt::AnnAssign(a) => match &a.value {
                    Some(v) => &**v,
                    None => continue,
                },
                Stmt::Expr(e) => &*e.value,
                _ => continue,
            };
            collect_routes(value, &self.modules[m].imports, &mut routes);
        }
        let mut updates: Vec<(FuncId, usize)> = Vec::new();
        for (pattern, regex, view) in routes {
            let vars = if regex { regex_groups(pattern) } else { route_variables(pattern) };
            if vars.iter().all(|(_, text)| !text) {
                continue;
            }
            let views: Vec<FuncId> = match view {
                Expr::Call(c) => match &*c.func {
                    Expr::Attribute(a) if a.attr.as_str() == "as_view" => {
                        let q = self.modules[m].imports.qualified_call_name(&a.value);
                        match self.resolve_class_in(m, &q) {
                            Some(c) => self.classes[c]
                                .methods
                                .iter()
                                .filter(|(n, _)| {
                                    matches!(**n, "get" | "post" | "put" | "patch" | "delete" | "head" | "dispatch")
                                })
                                .map(|(_, f)| *f)
                                .collect(),
                            None => Vec::new(),
                        }
                    }
                    _ => Vec::new(),
                },
                e => {
                    let q = self.modules[m].imports.qualified_call_name(e);
                    match self.resolve_qualified(m, &q, 0) {
                        Some(Target::Func(f)) | Some(Target::Method(f)) => vec![f],
                        _ => Vec::new(),
                    }
                }
            };
            for f in views {
                for (name, text) in &vars {
                    if *text && let Some(i) = self.funcs[f].params.iter().position(|p| p.name == *name) {
                        updates.push((f, i));
                    }
                }
            }
        }
        for (f, i) in updates {
            if !self.funcs[f].param_sources.iter().any(|(j, _)| *j == i) {
                self.funcs[f].param_sources.push((i, models::ALL));
            }
        }
    }

    /// The module a dotted name means, seen from module `from`: of the
    /// modules whose path ends with it, the one nearest to `from`.
    fn find_module(&self, from: usize, dotted: &str) -> Option<usize> {
        let candidates = self.by_suffix.get(dotted)?;
        let here = self.modules[from].dir;
        candidates.iter().copied().max_by_key(|&c| {
            let dir = self.modules[c].dir;
            let common = here.bytes().zip(dir.bytes()).take_while(|(a, b)| a == b).count();
            (common, usize::MAX - dir.len())
        })
    }

    fn resolve_qualified(&self, from: usize, qual: &str, depth: usize) -> Option<Target> {
        if depth > 3 || qual.is_empty() {
            return None;
        }
        let parts: Vec<&str> = qual.split('.').collect();
        if parts.len() == 1 {
            let module = &self.modules[from];
            if let Some(&f) = module.funcs.get(parts[0]) {
                return Some(Target::Func(f));
            }
            return module.classes.get(parts[0]).map(|&c| Target::Class(c));
        }
        for i in (1..parts.len()).rev() {
            let Some(m) = self.find_module(from, &parts[..i].join(".")) else { continue };
            let module = &self.modules[m];
            let rest = &parts[i..];
            match rest {
                [name] => {
                    if let Some(&f) = module.funcs.get(name) {
                        return Some(Target::Func(f));
                    }
                    if let Some(&c) = module.classes.get(name) {
                        return Some(Target::Class(c));
                    }
                    // Re-exported by the module (`from .views import x` in a package).
                    let again = module.imports.resolve_name(name);
                    if again != *name && m != from {
                        return self.resolve_qualified(m, &again, depth + 1);
                    }
                }
                [class, method] => {
                    if let Some(&c) = module.classes.get(class) {
                        return self.method(c, method, 0).map(Target::Method);
                    }
                }
                _ => {}
            }
            return None;
        }
        None
    }

    fn resolve_class_in(&self, from: usize, qual: &str) -> Option<usize> {
        match self.resolve_qualified(from, qual, 0) {
            Some(Target::Class(c)) => Some(c),
            _ => None,
        }
    }

    /// A method of a class or of its project bases.
    fn method(&self, class: usize, name: &str, depth: usize) -> Option<FuncId> {
        let info = &self.classes[class];
        if let Some(&f) = info.methods.get(name) {
            return Some(f);
        }
        if depth > 5 {
            return None;
        }
        info.bases
            .iter()
            .find_map(|b| self.resolve_class_in(info.module, b).and_then(|c| self.method(c, name, depth + 1)))
    }
}

enum AnnKind {
    NonText,
    Text(u32),
    Model(usize),
}

fn params_of(p: &Parameters) -> Vec<Param<'_>> {
    p.posonlyargs
        .iter()
        .chain(p.args.iter())
        .chain(p.kwonlyargs.iter())
        .map(|a| Param {
            name: a.parameter.name.as_str(),
            range: a.parameter.range,
            annotation: a.parameter.annotation.as_deref(),
            default: a.default.as_deref(),
        })
        .collect()
}

fn collect_imports(body: &[Stmt], imports: &mut Imports) {
    for stmt in body {
        match stmt {
            Stmt::Import(i) => imports.add_import(i),
            Stmt::ImportFrom(i) => imports.add_import_from(i),
            Stmt::FunctionDef(f) => collect_imports(&f.body, imports),
            Stmt::ClassDef(c) => collect_imports(&c.body, imports),
            Stmt::If(s) => {
                collect_imports(&s.body, imports);
                for c in &s.elif_else_clauses {
                    collect_imports(&c.body, imports);
                }
            }
            Stmt::Try(s) => {
                collect_imports(&s.body, imports);
                for h in &s.handlers {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_imports(&h.body, imports);
                }
                collect_imports(&s.orelse, imports);
                collect_imports(&s.finalbody, imports);
            }
            Stmt::With(s) => collect_imports(&s.body, imports),
            _ => {}
        }
    }
}

fn is_constant_value(e: &Expr) -> bool {
    let literal = engine::is_literal;
    match e {
        Expr::List(l) => l.elts.iter().all(literal),
        Expr::Tuple(t) => t.elts.iter().all(literal),
        Expr::Set(s) => s.elts.iter().all(literal),
        Expr::Dict(d) => d.items.iter().all(|i| i.key.as_ref().is_some_and(literal)),
        Expr::Call(c) => {
            matches!(&*c.func, Expr::Name(n) if matches!(n.id.as_str(), "frozenset" | "set" | "tuple"))
                && c.arguments.args.first().is_some_and(is_constant_value)
        }
        e => literal(e),
    }
}

/// `path("item/<int:pk>/", views.item)`, `re_path(r"^(?P<slug>[\w-]+)/$", ...)`.
fn collect_routes<'a>(e: &'a Expr, imports: &Imports, out: &mut Vec<(&'a str, bool, &'a Expr)>) {
    match e {
        Expr::List(l) => l.elts.iter().for_each(|x| collect_routes(x, imports, out)),
        Expr::Tuple(t) => t.elts.iter().for_each(|x| collect_routes(x, imports, out)),
        Expr::BinOp(b) => {
            collect_routes(&b.left, imports, out);
            collect_routes(&b.right, imports, out);
        }
        Expr::Call(c) => {
            let q = imports.qualified_call_name(&c.func);
            let last = q.rsplit('.').next().unwrap_or("");
            if matches!(last, "path" | "re_path" | "url")
                && let [Expr::StringLiteral(p), view, ..] = c.arguments.args.as_ref()
            {
                out.push((p.value.to_str(), last != "path", view));
            }
        }
        _ => {}
    }
}

/// The root names of the variables a Django or Jinja2 template prints
/// without escaping: `{{ x|safe }}`, `{{ x.y | safe }}`, and every `{{ x }}`
/// between `{% autoescape off %}` (or `false`) and `{% endautoescape %}`.
fn unescaped_in_template(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut raw = false;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        if let Some(tag) = after.strip_prefix("{%") {
            let Some(end) = tag.find("%}") else { break };
            let words: Vec<&str> = tag[..end].trim().trim_matches('-').split_whitespace().collect();
            match words.as_slice() {
                ["autoescape", flag, ..] => raw = matches!(*flag, "off" | "false" | "False"),
                ["endautoescape", ..] => raw = false,
                _ => {}
            }
            rest = &tag[end + 2..];
        } else if let Some(expr) = after.strip_prefix("{{") {
            let Some(end) = expr.find("}}") else { break };
            let body = expr[..end].trim().trim_matches('-').trim();
            let mut parts = body.split('|');
            let var = parts.next().unwrap_or("").trim();
            let safe = parts.any(|f| f.trim().split(['(', ':', ' ']).next() == Some("safe"));
            let root: String = var.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if (safe || raw) && !root.is_empty() && !out.contains(&root) {
                out.push(root);
            }
            rest = &expr[end + 2..];
        } else {
            rest = &after[1..];
        }
    }
    out
}

/// Route variables of Flask routes and Django `path()`s (the same syntax):
/// `<name>`, `<int:id>`, with whether each is text.
fn route_variables(route: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = route;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else { break };
        let inner = &rest[open + 1..open + close];
        let (conv, name) = match inner.split_once(':') {
            Some((c, n)) => (c.split('(').next().unwrap_or(c).trim(), n.trim()),
            None => ("string", inner.trim()),
        };
        out.push((name, !models::NON_TEXT_CONVERTERS.contains(&conv)));
        rest = &rest[open + close + 1..];
    }
    out
}

/// Named groups of a `re_path` pattern; digits-only groups are not text.
fn regex_groups(pattern: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(start) = rest.find("(?P<") {
        let after = &rest[start + 4..];
        let Some(end) = after.find('>') else { break };
        let name = &after[..end];
        let body = &after[end + 1..];
        let group = body.split(')').next().unwrap_or("");
        let digits = matches!(group, "\\d+" | "[0-9]+" | "\\d*" | "[0-9]*") || group.starts_with("\\d{");
        out.push((name, !digits));
        rest = &after[end..];
    }
    out
}

/// Words without which a function's text cannot read client data.
const TRIGGERS: &[&str] = &["request", "argv", "input(", "environ", "getenv", "self.path", "self.headers", "rfile"];

/// The analysis of a whole project: summaries cached per function, flows found.
pub struct Project<'a> {
    pub index: &'a Index<'a>,
    cache: RefCell<FxHashMap<FuncId, Arc<Summary>>>,
    in_progress: RefCell<FxHashSet<FuncId>>,
    hits: RefCell<FxHashMap<(u8, u32, u32), Hit>>,
    /// Interned sub-paths of parameters (`['list']`, `.name`); 0 is the whole.
    subpaths: RefCell<(Vec<String>, FxHashMap<String, u32>)>,
    /// Templates read, by path: the variables they print unescaped.
    templates: RefCell<FxHashMap<String, Arc<Vec<String>>>>,
}

impl<'a> Project<'a> {
    /// The summary of a function, computed on first use. `None` while it is
    /// being computed (recursion) or when the call chain is too deep: the
    /// call is then treated like a library call.
    pub fn summary(&self, f: FuncId, depth: usize) -> Option<Arc<Summary>> {
        if let Some(s) = self.cache.borrow().get(&f) {
            return Some(s.clone());
        }
        if depth > 48 || !self.in_progress.borrow_mut().insert(f) {
            return None;
        }
        let summary = Arc::new(FuncAnalysis::new(self, f, depth).run());
        self.in_progress.borrow_mut().remove(&f);
        self.cache.borrow_mut().insert(f, summary.clone());
        Some(summary)
    }

    /// The variables a template prints without escaping (`{{ bio|safe }}`,
    /// inside `{% autoescape off %}`), found as `templates/<name>` in the
    /// module's folder or the nearest folder above it that has it.
    pub fn unescaped_vars(&self, module: usize, name: &str) -> Option<Arc<Vec<String>>> {
        if name.contains("..") || name.starts_with('/') {
            return None;
        }
        let mut dir = self.index.modules[module].dir;
        loop {
            let path = if dir.is_empty() { format!("templates/{name}") } else { format!("{dir}/templates/{name}") };
            if let Some(found) = self.templates.borrow().get(&path) {
                return Some(found.clone());
            }
            if let Ok(text) = std::fs::read_to_string(&path) {
                let vars = Arc::new(unescaped_in_template(&text));
                self.templates.borrow_mut().insert(path, vars.clone());
                return Some(vars);
            }
            if dir.is_empty() {
                return None;
            }
            dir = dir.rfind('/').map_or("", |i| &dir[..i]);
        }
    }

    pub fn intern(&self, path: &str) -> u32 {
        let mut table = self.subpaths.borrow_mut();
        if let Some(&id) = table.1.get(path) {
            return id;
        }
        if table.0.is_empty() {
            table.0.push(String::new());
        }
        let id = table.0.len() as u32;
        table.0.push(path.to_owned());
        table.1.insert(path.to_owned(), id);
        id
    }

    pub fn subpath(&self, id: u32) -> String {
        self.subpaths.borrow().0.get(id as usize).cloned().unwrap_or_default()
    }

    pub fn report(&self, hit: Hit) {
        keep(&mut self.hits.borrow_mut(), hit);
    }

    /// The `__init__` a call of a project class runs.
    pub fn constructor(&self, module: usize, func: &Expr) -> Option<FuncId> {
        let qual = self.index.modules[module].imports.qualified_call_name(func);
        let class = self.index.resolve_class_in(module, &qual)?;
        self.index.method(class, "__init__", 0)
    }

    pub fn resolve_class(&self, module: usize, qual: &str) -> Option<usize> {
        self.index.resolve_class_in(module, qual)
    }

    /// The project function a call runs, and whether its first parameter
    /// is the receiver.
    pub fn resolve_call(
        &self,
        module: usize,
        current: FuncId,
        func: &Expr,
        types: &TypesView,
    ) -> Option<(FuncId, bool)> {
        let index = &self.index;
        let bound_of = |f: FuncId| (f, index.funcs[f].bound);
        match func {
            Expr::Name(n) => {
                let id = n.id.as_str();
                if let Some(&f) = index.modules[module].funcs.get(id) {
                    return Some((f, false));
                }
                let qual = index.modules[module].imports.resolve_name(id);
                match index.resolve_qualified(module, &qual, 0)? {
                    Target::Func(f) => Some((f, false)),
                    _ => None,
                }
            }
            Expr::Attribute(a) => {
                let name = a.attr.as_str();
                // `self.method(...)`, `cls.method(...)`
                if let Expr::Name(n) = &*a.value
                    && matches!(n.id.as_str(), "self" | "cls")
                    && let Some(c) = index.funcs[current].class
                {
                    return index.method(c, name, 0).map(bound_of);
                }
                // A name known to hold an instance.
                if let Some(p) = engine::access_path(&a.value)
                    && let Some(c) = types.class_of(&p)
                {
                    return index.method(c, name, 0).map(bound_of);
                }
                // A module-level instance: `audit = AuditRepo()`.
                if let Expr::Name(n) = &*a.value
                    && let Some((ctor, _)) = index.modules[module].globals.get(n.id.as_str())
                    && let Some(c) = index.resolve_class_in(module, ctor)
                {
                    return index.method(c, name, 0).map(bound_of);
                }
                // `self.repo.method(...)` with `self.repo = Repo()` in the class.
                if let Expr::Attribute(inner) = &*a.value
                    && matches!(&*inner.value, Expr::Name(n) if n.id.as_str() == "self")
                    && let Some(c) = index.funcs[current].class
                    && let Some((_, ctor, _)) =
                        index.classes[c].attr_types.iter().find(|(n, _, _)| *n == inner.attr.as_str())
                    && let Some(target) = index.resolve_class_in(index.classes[c].module, ctor)
                {
                    return index.method(target, name, 0).map(bound_of);
                }
                // `Repo().method(...)`
                if let Expr::Call(c) = &*a.value {
                    let q = index.modules[module].imports.qualified_call_name(&c.func);
                    if let Some(class) = index.resolve_class_in(module, &q) {
                        return index.method(class, name, 0).map(bound_of);
                    }
                    return None;
                }
                let qual = index.modules[module].imports.qualified_call_name(func);
                match index.resolve_qualified(module, &qual, 0)? {
                    Target::Func(f) => Some((f, false)),
                    Target::Method(f) => Some((f, false)),
                    Target::Class(_) => None,
                }
            }
            _ => None,
        }
    }
}

/// Follows client data through the project and reports the flows that reach
/// a sink of an enabled rule.
pub fn analyze(files: &[TaintFile], selection: &Selection) -> Vec<Finding> {
    if files.is_empty() || !any_enabled(selection) {
        return Vec::new();
    }
    let index = Index::build(files);
    let entries: Vec<FuncId> = (0..index.funcs.len()).filter(|&f| is_entry(&index, f)).collect();
    // Entry points are shared out among the worker threads, each with its
    // own summary cache (a callee two threads reach is summarised twice,
    // which costs less than sharing the cache would).
    let chunk = entries.len().div_ceil(rayon::current_num_threads().max(1) * 2).max(1);
    let hits = entries
        .par_chunks(chunk)
        .map(|chunk| {
            let project = Project {
                index: &index,
                cache: RefCell::default(),
                in_progress: RefCell::default(),
                hits: RefCell::default(),
                subpaths: RefCell::default(),
                templates: RefCell::default(),
            };
            for &f in chunk {
                project.summary(f, 0);
            }
            project.hits.into_inner()
        })
        .reduce(FxHashMap::default, |mut a, b| {
            for hit in b.into_values() {
                keep(&mut a, hit);
            }
            a
        });
    let mut findings: Vec<Finding> = hits
        .into_values()
        .filter(|h| selection.is_enabled(h.class.rule()))
        .filter_map(|h| to_finding(files, &h))
        .collect();
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // One finding per rule and line: `session.execute(text(sql))` is one flaw.
    findings
        .dedup_by(|b, a| a.rule == b.rule && a.location.path == b.location.path && a.location.line == b.location.line);
    findings
}

/// Keeps one flow per sink and class: a request flow over a command-line one.
/// Of two flows to one sink, the one kept does not depend on the order they
/// were found in (nor on the number of threads): a request flow over a
/// command-line one, then the shortest, then the first source.
fn keep(hits: &mut FxHashMap<(u8, u32, u32), Hit>, hit: Hit) {
    let sink = &hit.trace;
    let key = (hit.class as u8, sink.file, sink.range.start().to_u32());
    let rank = |h: &Hit| {
        let steps = h.trace.chain();
        let source = &steps[0];
        (h.weak, steps.len(), source.file, source.range.start().to_u32(), source.range.end().to_u32())
    };
    match hits.get(&key) {
        Some(old) if rank(old) <= rank(&hit) => {}
        _ => {
            hits.insert(key, hit);
        }
    }
}

/// Functions worth starting from: those that can read client data.
fn is_entry(index: &Index, f: FuncId) -> bool {
    let info = &index.funcs[f];
    if !info.param_sources.is_empty() || !info.request_params.is_empty() || info.handler {
        return true;
    }
    let text = &index.files[index.modules[info.module].file as usize].file.text;
    let range = info.range;
    let body = &text[range.start().to_usize()..range.end().to_usize()];
    TRIGGERS.iter().any(|t| body.contains(t))
}

fn to_finding(files: &[TaintFile], hit: &Hit) -> Option<Finding> {
    let rule = rules::by_id(hit.class.rule())?;
    let steps = hit.trace.chain();
    let sink = steps.last()?;
    let source = steps.first()?;
    let tf = &files[sink.file as usize];
    let location = location_of(tf, sink.range);
    let line = location.line;
    if tf.file.suppressions.suppression(rule.id, line, (line, line)).is_some() {
        return None;
    }
    let snippet = tf.file.lines.line_text(&tf.file.text, line).to_owned();
    let flow: Vec<FlowStep> = steps
        .iter()
        .map(|s| {
            let f = &files[s.file as usize];
            FlowStep { location: location_of(f, s.range), kind: kind_name(s.kind), note: code_text(f, s.range) }
        })
        .collect();
    let src = &flow[0];
    let source_file = &files[source.file as usize];
    let whence = if source.file == sink.file {
        format!("line {}", src.location.line)
    } else {
        format!("{}:{}", source_file.path, src.location.line)
    };
    let what = if hit.weak { "Command-line, console or environment data" } else { "Request data" };
    let message = format!(
        "{what} reaches {}: `{}` ({whence}) flows into `{}`",
        hit.class.what(),
        src.note,
        flow.last().map_or("", |s| s.note.as_str())
    );
    let weak = hit.weak || crate::analyzers::code::is_test_path(&tf.path);
    Some(Finding {
        rule: rule.id,
        severity: rule.severity,
        confidence: if weak { Level::Low } else { rule.confidence },
        fingerprint: finding::fingerprint(rule.id, &tf.path, &snippet),
        line_range: (location.line, location.end_line),
        location,
        message,
        snippet,
        commit: None,
        flow,
    })
}

fn kind_name(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Source => "source",
        StepKind::Param => "parameter",
        StepKind::Assign => "step",
        StepKind::Call => "call",
        StepKind::Return => "return",
        StepKind::Sink => "sink",
    }
}

fn location_of(tf: &TaintFile, range: TextRange) -> Location {
    let text = &tf.file.text;
    let (line, column) = tf.file.lines.line_col(text, range.start().to_usize());
    let (end_line, end_column) = tf.file.lines.line_col(text, range.end().to_usize());
    Location { path: tf.path.clone(), line, column, end_line, end_column }
}

/// The code of a step: its first line, trimmed and shortened.
fn code_text(tf: &TaintFile, range: TextRange) -> String {
    let text = &tf.file.text[range.start().to_usize()..range.end().to_usize()];
    let first = text.lines().next().unwrap_or("").trim();
    let mut out: String = first.chars().take(80).collect();
    if first.chars().count() > 80 || text.lines().nth(1).is_some() {
        out.push_str(" ...");
    }
    out
}

/// Removes the pattern-rule findings that a taint finding at the same line
/// already reports (B608 for T001, B602 for T002, ...).
pub fn drop_redundant(findings: &mut Vec<Finding>) {
    let mut lines: FxHashSet<(&'static str, String, usize)> = FxHashSet::default();
    for f in findings.iter() {
        if let Some(class) = models::CLASSES.iter().find(|c| c.rule() == f.rule) {
            for &p in class.pattern_rules() {
                lines.insert((p, f.location.path.clone(), f.location.line));
            }
        }
    }
    if lines.is_empty() {
        return;
    }
    findings.retain(|f| !lines.contains(&(f.rule, f.location.path.clone(), f.location.line)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_variables_and_regex_groups() {
        assert_eq!(
            route_variables("u/<str:name>/<int:pk>/<slug>"),
            vec![("name", true), ("pk", false), ("slug", true)]
        );
        assert_eq!(regex_groups(r"^(?P<pk>\d+)/(?P<slug>[\w-]+)/$"), vec![("pk", false), ("slug", true)]);
    }

    #[test]
    fn unescaped_template_variables() {
        let t =
            "{{ a }} {{ b|safe }} {{ c.d | safe }} {{ e|upper }}{% autoescape off %}{{ f }}{% endautoescape %}{{ g }}";
        assert_eq!(unescaped_in_template(t), vec!["b", "c", "f"]);
        assert_eq!(unescaped_in_template("{% autoescape false %}{{ x.y }}{% endautoescape %} {{ y }}"), vec!["x"]);
        assert!(unescaped_in_template("{{ unclosed").is_empty());
    }

    #[test]
    fn class_rule_ids_match() {
        use models::Class;
        assert_eq!(Class::Sql.rule(), "T001");
        assert_eq!(Class::Regex.rule(), "T016");
    }
}
