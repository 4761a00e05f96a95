//! Upload views, one function at a time: UP001 upload-client-filename,
//! UP002 upload-no-type-check, UP005 upload-read-unbounded.
//!
//! Each function's statements are followed in order: which variables hold an
//! upload (Flask `request.files[...]`, Django `request.FILES[...]`, FastAPI and
//! Starlette `UploadFile` parameters and `await request.form()` items, Flask-WTF
//! `form.<field>.data`), which hold the client's file name (`<upload>.filename`,
//! unless it went through `secure_filename`, `get_valid_filename`,
//! `os.path.basename` or `Path(...).name`), and which hold the upload's bytes.
//! Assigning a clean value to a variable clears it. Nothing crosses function
//! boundaries: the taint analysis is the place for that.

use ruff_python_ast::{Expr, ExprCall, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{callee_name, children, int_value};
use crate::analyzers::code::Checker;
use crate::finding::Level::{High, Low, Medium};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framework {
    /// Werkzeug's `FileStorage` (Flask, Quart, Flask-WTF): `.filename` is the raw client value.
    Flask,
    /// Django's `UploadedFile`: `.name` has had its directories stripped by Django.
    Django,
    /// Starlette's `UploadFile` (FastAPI too): `.filename` is the raw client value.
    Starlette,
}

struct Flow<'i> {
    imports: &'i crate::python::names::Imports,
    /// Variables holding one upload.
    uploads: FxHashMap<String, Framework>,
    /// Variables holding a list of uploads.
    lists: FxHashMap<String, Framework>,
    /// Variables holding `await request.form()`.
    forms: FxHashSet<String>,
    /// Variables holding (part of) the client's file name.
    names: FxHashSet<String>,
    /// Variables holding the upload's bytes (`data = await file.read()`, a chunk).
    data: FxHashSet<String>,
    flask_wtf: bool,
    /// UP001 sinks reached by the client's name.
    traversals: Vec<TextRange>,
    /// Calls that store the upload (UP002 is reported at the first).
    stores: Vec<TextRange>,
    /// Whole reads: the call and the upload's framework.
    reads: Vec<(TextRange, Framework)>,
}

/// Words that show a function checks the upload's type (UP002).
const TYPE_CHECKS: &[&str] = &[
    "content_type",
    "mimetype",
    "splitext",
    "suffix",
    "endswith",
    "allowed",
    "extension",
    "validate",
    "magic",
    "filetype",
    "imghdr",
    "verify(",
    "image.open",
];

/// Words that show a function bounds the upload's size (UP005).
const SIZE_CHECKS: &[&str] = &[".size", "content_length", "MAX_CONTENT_LENGTH", "max_size"];

pub(super) fn function(c: &mut Checker, def: &StmtFunctionDef) {
    if !(c.on_up(1) || c.on_up(2) || c.on_up(5)) {
        return;
    }
    let mut flow = Flow {
        imports: &c.imports,
        uploads: FxHashMap::default(),
        lists: FxHashMap::default(),
        forms: FxHashSet::default(),
        names: FxHashSet::default(),
        data: FxHashSet::default(),
        flask_wtf: c.imports.imported_like("flask_wtf"),
        traversals: Vec::new(),
        stores: Vec::new(),
        reads: Vec::new(),
    };
    for p in def.parameters.iter_non_variadic_params() {
        let Some(annotation) = &p.parameter.annotation else { continue };
        let text = &c.file.text[annotation.range()];
        if text.contains("UploadFile") {
            let name = p.parameter.name.to_string();
            if text.contains("list[") || text.contains("List[") || text.contains("Sequence[") {
                flow.lists.insert(name, Framework::Starlette);
            } else {
                flow.uploads.insert(name, Framework::Starlette);
            }
        }
    }
    let body = &c.file.text[def.range()];
    // Most functions never touch an upload: without a parameter, `files`,
    // `FILES`, `request.form()` or (with Flask-WTF) `.data` there is nothing to follow.
    let may_hold_uploads = !flow.uploads.is_empty()
        || !flow.lists.is_empty()
        || body.contains("files")
        || body.contains("FILES")
        || body.contains("form(")
        || (flow.flask_wtf && body.contains(".data"));
    if !may_hold_uploads {
        return;
    }
    flow.block(&def.body);
    let Flow { traversals, stores, reads, .. } = flow;
    if c.on_up(1) {
        for at in traversals {
            c.report(
                "UP001",
                High,
                High,
                "The client's file name (`.filename`) reaches a file path: a name like `../../app/settings.py` writes outside the upload folder. Pass it through `werkzeug.utils.secure_filename`, or better, store under a generated name.",
                at,
                at,
            );
        }
    }
    if c.on_up(2)
        && let Some(&at) = stores.first()
    {
        let lower = body.to_ascii_lowercase();
        if !TYPE_CHECKS.iter().any(|w| lower.contains(w)) {
            c.report(
                "UP002",
                Medium,
                Medium,
                "An upload is stored without any check of its type (no extension allow-list, no content-type or content check): HTML, SVG, scripts and executables are stored as readily as images. Check the extension against an allow-list and the content against the type you expect.",
                at,
                at,
            );
        }
    }
    if c.on_up(5) && !SIZE_CHECKS.iter().any(|w| body.contains(w)) {
        for (at, framework) in reads {
            let (confidence, hint) = if framework == Framework::Flask {
                (Low, " (Flask's `MAX_CONTENT_LENGTH`, when the app sets it, bounds the request)")
            } else {
                (Medium, "")
            };
            c.report(
                "UP005",
                Medium,
                confidence,
                format!(
                    "An upload is read whole into memory with no bound on its size{hint}: one large file, or a few at once, exhausts the worker's memory. Check the size first, or read in chunks up to a limit."
                ),
                at,
                at,
            );
        }
    }
}

impl Flow<'_> {
    fn block(&mut self, body: &[Stmt]) {
        for stmt in body {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            // Nested functions and classes are analysed on their own.
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for target in &a.targets {
                    self.bind(target, &a.value);
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(value) = &a.value {
                    self.expr(value);
                    self.bind(&a.target, value);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let Expr::Name(n) = a.target.as_ref() {
                    if self.carries_name(&a.value) {
                        self.names.insert(n.id.to_string());
                    }
                    if self.carries_data(&a.value) {
                        self.data.insert(n.id.to_string());
                    }
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                if let Expr::Name(n) = f.target.as_ref() {
                    let name = n.id.to_string();
                    if let Some(framework) = self.list_of(&f.iter) {
                        self.uploads.insert(name, framework);
                    } else if self.chunks_of(&f.iter) {
                        self.data.insert(name);
                    }
                }
                self.block(&f.body);
                self.block(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.block(&w.body);
                self.block(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.block(&i.body);
                for clause in &i.elif_else_clauses {
                    if let Some(test) = &clause.test {
                        self.expr(test);
                    }
                    self.block(&clause.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                }
                self.block(&w.body);
            }
            Stmt::Try(t) => {
                self.block(&t.body);
                for handler in &t.handlers {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = handler;
                    self.block(&h.body);
                }
                self.block(&t.orelse);
                self.block(&t.finalbody);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for case in &m.cases {
                    self.block(&case.body);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Return(r) => {
                if let Some(value) = &r.value {
                    self.expr(value);
                }
            }
            _ => {}
        }
    }

    /// Binds `target = value`: what the value is decides what the names hold.
    fn bind(&mut self, target: &Expr, value: &Expr) {
        match target {
            Expr::Name(n) => {
                let name = n.id.to_string();
                self.uploads.remove(&name);
                self.lists.remove(&name);
                self.forms.remove(&name);
                if let Some(framework) = self.upload_of(value) {
                    self.uploads.insert(name.clone(), framework);
                } else if let Some(framework) = self.list_of(value) {
                    self.lists.insert(name.clone(), framework);
                } else if is_form_call(value) {
                    self.forms.insert(name.clone());
                }
                if self.carries_name(value) {
                    self.names.insert(name.clone());
                } else {
                    self.names.remove(&name);
                }
                if self.carries_data(value) {
                    self.data.insert(name);
                } else {
                    self.data.remove(&name);
                }
            }
            // `stem, ext = os.path.splitext(f.filename)`: the stem keeps the directories.
            Expr::Tuple(t) => {
                let split = matches!(value, Expr::Call(call) if callee_name(call) == Some("splitext"));
                for (i, element) in t.elts.iter().enumerate() {
                    if let Expr::Name(n) = element {
                        let name = n.id.to_string();
                        if self.carries_name(value) && !(split && i == 1) {
                            self.names.insert(name);
                        } else {
                            self.names.remove(&name);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Visits every call of an expression for sinks, stores and reads.
    fn expr(&mut self, expr: &Expr) {
        let mut calls = Vec::new();
        search(expr, |e| match e {
            // Lambdas are functions of their own.
            Expr::Lambda(_) => Step::Skip,
            Expr::Call(call) => {
                calls.push(call);
                Step::Descend
            }
            _ => Step::Descend,
        });
        for call in calls {
            self.call(call);
        }
    }

    fn call(&mut self, call: &ExprCall) {
        let args = &call.arguments.args;
        let kw = |name: &str| call.arguments.keywords.iter().find(|k| k.arg.as_deref() == Some(name)).map(|k| &k.value);
        let at = call.range();
        let Some(callee) = callee_name(call) else { return };
        let receiver = match call.func.as_ref() {
            Expr::Attribute(a) => Some(a.value.as_ref()),
            _ => None,
        };
        let qualified = self.imports.qualified_call_name(&call.func);
        match callee {
            "save" => {
                // `<upload>.save(path)` (Werkzeug), or `storage.save(name, <upload>)` (Django).
                if let Some(r) = receiver
                    && self.upload_of(r).is_some()
                {
                    self.stores.push(at);
                    if args.first().or(kw("dst")).is_some_and(|p| self.carries_name(p)) {
                        self.traversals.push(at);
                    }
                } else if args.iter().any(|a| self.upload_of(a).is_some() || self.carries_data(a)) {
                    self.stores.push(at);
                }
            }
            "open" => {
                let path = args.first().or(kw("file"));
                let mode = args.get(1).or(kw("mode"));
                let writes =
                    matches!(mode, Some(Expr::StringLiteral(s)) if s.value.to_str().contains(['w', 'a', 'x', '+']));
                let module_open = matches!(qualified.as_str(), "open" | "io.open" | "codecs.open" | "aiofiles.open");
                if module_open && !matches!(receiver, Some(Expr::Call(_))) {
                    if writes && path.is_some_and(|p| self.carries_name(p)) {
                        self.traversals.push(at);
                    }
                } else if qualified == "os.open" {
                    if path.is_some_and(|p| self.carries_name(p)) {
                        self.traversals.push(at);
                    }
                } else if let Some(r) = receiver
                    && matches!(args.first().or(kw("mode")), Some(Expr::StringLiteral(s)) if s.value.to_str().contains(['w', 'a', 'x', '+']))
                    && self.carries_name(r)
                {
                    // `Path(dest).open("wb")`.
                    self.traversals.push(at);
                }
            }
            "write_bytes" | "write_text" => {
                if receiver.is_some_and(|r| self.carries_name(r)) {
                    self.traversals.push(at);
                }
                if args.first().is_some_and(|a| self.carries_data(a)) {
                    self.stores.push(at);
                }
            }
            "write" | "writelines" if args.first().is_some_and(|a| self.carries_data(a)) => {
                self.stores.push(at);
            }
            "copyfileobj"
                if args.first().is_some_and(|a| self.upload_of(a).is_some() || self.upload_stream(a).is_some()) =>
            {
                self.stores.push(at);
            }
            "copy" | "copy2" | "copyfile" | "move" | "rename" | "replace"
                if matches!(qualified.split('.').next(), Some("shutil" | "os"))
                    && args.get(1).or(kw("dst")).is_some_and(|p| self.carries_name(p)) =>
            {
                self.traversals.push(at);
            }
            "read" => {
                let whole = match args.first() {
                    None => kw("size").is_none() && kw("n").is_none(),
                    Some(a) => int_value(a) == Some(-1) || matches!(a, Expr::UnaryOp(_)),
                };
                if whole
                    && let Some(r) = receiver
                    && let Some(framework) = self.upload_of(r).or_else(|| self.upload_stream(r))
                {
                    self.reads.push((at, framework));
                }
            }
            _ => {}
        }
    }

    /// The framework of an expression that is one upload.
    fn upload_of(&self, e: &Expr) -> Option<Framework> {
        match e {
            Expr::Name(n) => self.uploads.get(n.id.as_str()).copied(),
            // request.files["x"], request.FILES["x"], form["x"]
            Expr::Subscript(s) => self.files_of(&s.value).or_else(|| self.form_of(&s.value)),
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Attribute(a) if a.attr.as_str() == "get" => {
                    self.files_of(&a.value).or_else(|| self.form_of(&a.value))
                }
                _ => None,
            },
            // Flask-WTF: form.photo.data
            Expr::Attribute(a) if a.attr.as_str() == "data" && self.flask_wtf => match a.value.as_ref() {
                Expr::Attribute(field) if super::name_of(&field.value).is_some_and(|n| n.contains("form")) => {
                    Some(Framework::Flask)
                }
                _ => None,
            },
            Expr::Await(a) => self.upload_of(&a.value),
            _ => None,
        }
    }

    /// `<upload>.file` and `<upload>.stream`: the upload's byte stream.
    fn upload_stream(&self, e: &Expr) -> Option<Framework> {
        match e {
            Expr::Attribute(a) if matches!(a.attr.as_str(), "file" | "stream") => self.upload_of(&a.value),
            _ => None,
        }
    }

    /// `request.files` (Flask) or `request.FILES` (Django).
    fn files_of(&self, e: &Expr) -> Option<Framework> {
        let Expr::Attribute(a) = e else { return None };
        if super::name_of(&a.value) != Some("request") {
            return None;
        }
        match a.attr.as_str() {
            "files" => Some(Framework::Flask),
            "FILES" => Some(Framework::Django),
            _ => None,
        }
    }

    /// A variable holding `await request.form()`, or that call itself.
    fn form_of(&self, e: &Expr) -> Option<Framework> {
        match e {
            Expr::Name(n) if self.forms.contains(n.id.as_str()) => Some(Framework::Starlette),
            other if is_form_call(other) => Some(Framework::Starlette),
            _ => None,
        }
    }

    /// A list of uploads: `request.files.getlist(...)`, `.values()`, a
    /// `list[UploadFile]` parameter.
    fn list_of(&self, e: &Expr) -> Option<Framework> {
        match e {
            Expr::Name(n) => self.lists.get(n.id.as_str()).copied(),
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Attribute(a) if matches!(a.attr.as_str(), "getlist" | "values") => {
                    self.files_of(&a.value).or_else(|| self.form_of(&a.value))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `<upload>.chunks()`: each item is the upload's bytes.
    fn chunks_of(&self, e: &Expr) -> bool {
        matches!(e, Expr::Call(call) if matches!(call.func.as_ref(),
            Expr::Attribute(a) if a.attr.as_str() == "chunks" && self.upload_of(&a.value).is_some()))
    }

    /// Whether the value holds the client's file name, unsanitised.
    fn carries_name(&self, e: &Expr) -> bool {
        search(e, |e| match e {
            Expr::Name(n) if self.names.contains(n.id.as_str()) => Step::Found,
            Expr::Attribute(a)
                if a.attr.as_str() == "filename"
                    && matches!(self.upload_of(&a.value), Some(Framework::Flask | Framework::Starlette)) =>
            {
                Step::Found
            }
            // Path(name).name / .suffix / .stem: no directories left.
            Expr::Attribute(a)
                if matches!(a.attr.as_str(), "name" | "suffix" | "suffixes" | "stem")
                    && matches!(a.value.as_ref(), Expr::Call(_)) =>
            {
                Step::Skip
            }
            Expr::Call(call)
                if matches!(
                    callee_name(call),
                    Some("secure_filename" | "get_valid_filename" | "basename" | "len" | "bool" | "int" | "isinstance")
                ) =>
            {
                Step::Skip
            }
            // os.path.splitext(name)[1]: the extension only.
            Expr::Subscript(s)
                if matches!(s.value.as_ref(), Expr::Call(call) if callee_name(call) == Some("splitext"))
                    && int_value(&s.slice) == Some(1) =>
            {
                Step::Skip
            }
            // A comparison is not the name.
            Expr::Compare(_) | Expr::BoolOp(_) | Expr::Lambda(_) => Step::Skip,
            _ => Step::Descend,
        })
    }

    /// Whether the value holds the upload's bytes: `<upload>.read()`,
    /// `await <upload>.read()`, `<upload>.file.read()`, or a variable holding them.
    fn carries_data(&self, e: &Expr) -> bool {
        search(e, |e| match e {
            Expr::Name(n) if self.data.contains(n.id.as_str()) => Step::Found,
            Expr::Call(call)
                if matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "read"
                    && (self.upload_of(&a.value).is_some() || self.upload_stream(&a.value).is_some())) =>
            {
                Step::Found
            }
            Expr::Lambda(_) => Step::Skip,
            _ => Step::Descend,
        })
    }
}

/// What [`search`] does with a node.
enum Step {
    Found,
    /// Not this node nor anything under it.
    Skip,
    Descend,
}

/// Walks an expression depth-first without recursing (deep expressions must
/// not overflow the stack), with a budget for pathological sizes.
fn search<'e>(root: &'e Expr, mut step: impl FnMut(&'e Expr) -> Step) -> bool {
    let mut stack = vec![root];
    let mut budget = 10_000;
    while let Some(e) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            return false;
        }
        match step(e) {
            Step::Found => return true,
            Step::Skip => {}
            Step::Descend => stack.extend(children(e)),
        }
    }
    false
}

/// `await request.form()` (Starlette).
fn is_form_call(e: &Expr) -> bool {
    let Expr::Await(a) = e else { return false };
    matches!(a.value.as_ref(), Expr::Call(call) if matches!(call.func.as_ref(),
        Expr::Attribute(f) if f.attr.as_str() == "form" && super::name_of(&f.value) == Some("request")))
}

/// UP002 for Django models: a `FileField` with no `validators=`.
pub(super) fn file_field(c: &mut Checker, ctx: &crate::analyzers::code::CallCtx) {
    if ctx.qual != "django.db.models.FileField" || ctx.kw_value("validators").is_some() {
        return;
    }
    // Migrations repeat the models' fields: the model is where to fix it.
    if c.path.replace('\\', "/").split('/').any(|part| part == "migrations") {
        return;
    }
    let r = ctx.call.range();
    c.report(
        "UP002",
        Medium,
        Low,
        "A Django `FileField` without `validators=`: unless a form checks it, any file type (HTML, SVG, scripts) is accepted and stored. Add `FileExtensionValidator([...])` and check the content in the form.",
        r,
        r,
    );
}
