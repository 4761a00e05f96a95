//! The per-function analysis: an abstract interpreter over one function's
//! statements, in order, with taint on access paths.
//!
//! Taint is a small set of labels; a label is where the data came from (a
//! source, or a parameter of the function for its summary), which sink
//! classes it is still dangerous for (sanitizers clear bits), and the steps
//! it took. Branches are analysed separately and joined; a branch that
//! always leaves (return, raise, abort) does not flow into what follows, so
//! `if x not in ALLOWED: abort(400)` cleans `x` below it. Loops run twice,
//! which is enough for a lattice this small to settle for the paths seen.

use std::sync::Arc;

use ruff_python_ast::{
    BoolOp, CmpOp, ElifElseClause, Expr, ExprAttribute, ExprCall, InterpolatedStringElement, Operator, Stmt, UnaryOp,
};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashMap;

use super::models::{self, ALL, Arg, Class, STRUCT, URL_FIXED, When};
use super::{FuncId, Index, Project};

/// The longest flow kept; later steps replace nothing, so the source and
/// the first steps survive.
const MAX_STEPS: u16 = 24;
/// Labels kept per value.
const MAX_LABELS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Source,
    Param,
    Assign,
    Call,
    Return,
    Sink,
}

/// One step of a flow, linked to the step before it.
#[derive(Debug)]
pub struct Step {
    pub file: u32,
    pub range: TextRange,
    pub kind: StepKind,
    pub prev: Option<Arc<Step>>,
    len: u16,
}

impl Step {
    pub fn root(file: u32, range: TextRange, kind: StepKind) -> Arc<Step> {
        Arc::new(Step { file, range, kind, prev: None, len: 1 })
    }
    fn push(self: &Arc<Step>, file: u32, range: TextRange, kind: StepKind) -> Arc<Step> {
        if self.len >= MAX_STEPS && kind != StepKind::Sink {
            return self.clone();
        }
        if self.file == file && self.range == range && kind != StepKind::Sink {
            return self.clone();
        }
        Arc::new(Step { file, range, kind, prev: Some(self.clone()), len: self.len + 1 })
    }
    /// The steps from the first to this one.
    pub fn chain(self: &Arc<Step>) -> Vec<Arc<Step>> {
        let mut out = Vec::with_capacity(self.len as usize);
        let mut cur = Some(self.clone());
        while let Some(step) = cur {
            cur = step.prev.clone();
            out.push(step);
        }
        out.reverse();
        out
    }
    /// This trace followed by `tail`'s steps.
    fn concat(self: &Arc<Step>, tail: &Arc<Step>) -> Arc<Step> {
        let mut out = self.clone();
        for step in tail.chain() {
            out = out.push(step.file, step.range, step.kind);
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Client data read at this place; `weak` for the command line,
    /// console and environment.
    Source { file: u32, at: u32, weak: bool },
    /// A parameter of the function being summarised, or a key or attribute
    /// of it (an interned sub-path, 0 for the whole parameter).
    Param(u16, u32),
}

#[derive(Debug, Clone)]
pub struct Label {
    pub origin: Origin,
    /// Sink classes the value is still dangerous for, plus [`STRUCT`].
    pub mask: u32,
    pub trace: Arc<Step>,
    /// In a function's summary: the value sits in a URL behind this
    /// parameter (`f"{redirect_uri}?state={state}"`), so it cannot choose the
    /// URL's host when the caller's value for that parameter is its own.
    /// `NOT_BEHIND` otherwise.
    pub behind: u16,
}

pub const NOT_BEHIND: u16 = u16::MAX;

/// The taint of a value: empty when clean.
#[derive(Debug, Clone, Default)]
pub struct Taint(pub Vec<Label>);

impl Taint {
    pub fn is_clean(&self) -> bool {
        self.0.is_empty()
    }
    fn add(&mut self, label: Label) {
        if label.mask & ALL == 0 {
            return;
        }
        if let Some(l) = self.0.iter_mut().find(|l| l.origin == label.origin) {
            l.mask |= label.mask;
            if l.behind != label.behind {
                l.behind = NOT_BEHIND;
            }
        } else if self.0.len() < MAX_LABELS {
            self.0.push(label);
        }
    }
    pub fn union(&mut self, other: &Taint) {
        for l in &other.0 {
            self.add(l.clone());
        }
    }
    fn cleared(mut self, bits: u32) -> Taint {
        for l in &mut self.0 {
            l.mask &= !bits;
        }
        self.0.retain(|l| l.mask & ALL != 0);
        self
    }
    fn with_flag(mut self, bits: u32) -> Taint {
        for l in &mut self.0 {
            l.mask |= bits;
        }
        self
    }
    fn step(mut self, file: u32, range: TextRange, kind: StepKind) -> Taint {
        for l in &mut self.0 {
            l.trace = l.trace.push(file, range, kind);
        }
        self
    }
}

/// A parameter that reaches a sink inside the function (or a callee).
#[derive(Debug, Clone)]
pub struct ParamSink {
    /// The parameter and its sub-path.
    pub param: (u16, u32),
    pub class: Class,
    /// The bits the parameter still carries at the sink.
    pub mask: u32,
    /// Bits a caller's label must carry for the flow to count.
    pub need: u32,
    /// From the parameter to the sink (the last step).
    pub trace: Arc<Step>,
}

/// What a function does with its parameters.
#[derive(Debug, Default)]
pub struct Summary {
    /// Labels of the return value: parameters (with what they still carry)
    /// and sources read inside.
    pub ret: Taint,
    pub sinks: Vec<ParamSink>,
}

/// A flow from a source to a sink.
#[derive(Debug, Clone)]
pub struct Hit {
    pub class: Class,
    pub weak: bool,
    /// From the source to the sink (the last step).
    pub trace: Arc<Step>,
}

/// What a name is known to hold, for method calls on it.
#[derive(Debug, Clone)]
enum Type {
    /// An instance of a project class.
    Class(usize),
    /// Created by this library constructor (qualified name).
    Lib(String),
    /// An lxml parser that does not resolve entities.
    SafeXmlParser,
    /// A SAX parser with external general entities switched on.
    UnsafeSax,
    /// What `urllib.parse.urlparse(<name>)` returned.
    ParsedUrl(String),
}

type State = FxHashMap<String, Taint>;
/// Access paths a condition cleans, with the bits it clears.
type Refinement = Vec<(String, u32)>;

pub struct FuncAnalysis<'p, 'a> {
    pub project: &'p Project<'a>,
    index: &'p Index<'a>,
    func: FuncId,
    module: usize,
    file: u32,
    state: State,
    types: FxHashMap<String, Type>,
    ret: Taint,
    pub sinks: Vec<ParamSink>,
    depth: usize,
    /// An `http.server` handler declared a non-HTML content type.
    non_html: bool,
    /// Names bound to a condition: what testing them proves.
    guards: FxHashMap<String, (Refinement, Refinement)>,
    /// Work done so far (state entries visited); the analysis of a function
    /// stops at [`WORK_BUDGET`], so generated modules with thousands of
    /// names and branches cost milliseconds, not minutes.
    work: std::cell::Cell<usize>,
    /// The parameter sinks recorded, to record each once.
    sink_keys: rustc_hash::FxHashSet<((u16, u32), u8, u32, u32)>,
}

/// See [`FuncAnalysis::work`].
const WORK_BUDGET: usize = 4_000_000;
/// Literals with more items than this are tracked as one value, not key by key.
const MAX_SPLIT: usize = 256;

impl<'p, 'a> FuncAnalysis<'p, 'a> {
    pub fn new(project: &'p Project<'a>, func: FuncId, depth: usize) -> Self {
        let index = &project.index;
        let module = index.funcs[func].module;
        FuncAnalysis {
            project,
            index,
            func,
            module,
            file: index.modules[module].file,
            state: State::default(),
            types: FxHashMap::default(),
            ret: Taint::default(),
            sinks: Vec::new(),
            depth,
            non_html: false,
            guards: FxHashMap::default(),
            work: std::cell::Cell::new(0),
            sink_keys: rustc_hash::FxHashSet::default(),
        }
    }

    /// Runs the analysis and returns the function's summary.
    pub fn run(mut self) -> Summary {
        let info = &self.index.funcs[self.func];
        for (i, p) in info.params.iter().enumerate() {
            let mut t = Taint::default();
            t.add(Label {
                origin: Origin::Param(i as u16, 0),
                mask: ALL | STRUCT,
                trace: Step::root(self.file, p.range, StepKind::Param),
                behind: NOT_BEHIND,
            });
            if let Some(&(_, mask)) = info.param_sources.iter().find(|(j, _)| *j == i) {
                t.add(Label {
                    origin: Origin::Source { file: self.file, at: p.range.start().to_u32(), weak: false },
                    mask,
                    trace: Step::root(self.file, p.range, StepKind::Source),
                    behind: NOT_BEHIND,
                });
            }
            self.state.insert(p.name.to_owned(), t);
            if let Some(&(_, class)) = info.model_params.iter().find(|(j, _)| *j == i) {
                for (field, text) in &self.index.classes[class].fields {
                    if !*text {
                        self.state.insert(format!("{}.{}", p.name, field), Taint::default());
                    }
                }
            }
        }
        if let Some(class) = info.class
            && info.bound
            && let Some(first) = info.params.first()
        {
            self.types.insert(first.name.to_owned(), Type::Class(class));
        }
        let body = info.body;
        self.block(body);
        // A constructor "returns" what it stored on the new object
        // (`self.query = request.GET["q"]`): the object carries it.
        if info.bound
            && info.def.is_some_and(|d| d.name.as_str() == "__init__")
            && let Some(me) = info.params.first()
        {
            let prefix = format!("{}.", me.name);
            let stored: Vec<Taint> =
                self.state.iter().filter(|(k, _)| k.starts_with(&prefix)).map(|(_, t)| t.clone()).collect();
            for t in stored {
                // Not the parameters' own labels: what the caller passes is
                // already in the object's taint.
                let own = Taint(t.0.into_iter().filter(|l| matches!(l.origin, Origin::Source { .. })).collect());
                self.ret.union(&own);
            }
        }
        Summary { ret: self.ret, sinks: self.sinks }
    }

    fn module(&self) -> &super::Module<'a> {
        &self.index.modules[self.module]
    }

    // ---- state -------------------------------------------------------------

    fn read_path(&self, path: &str) -> Taint {
        let Some((p, t)) = nearest(&self.state, path) else { return Taint::default() };
        if p.len() == path.len() {
            return t.clone();
        }
        // A key or attribute of a parameter: remember which, so a caller can
        // give the value it has under that key.
        let rest = &path[p.len()..];
        let mut t = t.clone();
        for l in &mut t.0 {
            if let Origin::Param(i, sub) = l.origin {
                let full = if sub == 0 { rest.to_owned() } else { format!("{}{rest}", self.project.subpath(sub)) };
                l.origin = Origin::Param(i, self.project.intern(&full));
            }
        }
        t
    }

    /// The value at `path` with everything stored under it.
    fn read_whole(&self, path: &str) -> Taint {
        self.charge(self.state.len());
        let mut t = self.read_path(path);
        for (k, v) in &self.state {
            if below(k, path) {
                t.union(v);
            }
        }
        t
    }

    /// Forgets `path` and everything stored under it.
    fn forget(&mut self, path: &str) {
        self.state.retain(|k, _| k != path && !below(k, path));
    }

    fn write_path(&mut self, path: String, t: Taint) {
        self.forget(&path);
        self.types.remove(&path);
        self.state.insert(path, t);
    }

    fn weak_write(&mut self, path: String, t: &Taint) {
        if t.is_clean() {
            return;
        }
        let mut old = self.read_path(&path);
        old.union(t);
        self.state.insert(path, old);
    }

    fn join(a: &State, b: &State) -> State {
        let read = |s: &State, path: &str| nearest(s, path).map(|(_, t)| t.clone()).unwrap_or_default();
        let mut out = State::default();
        for k in a.keys().chain(b.keys()) {
            if out.contains_key(k) {
                continue;
            }
            let mut t = read(a, k);
            t.union(&read(b, k));
            out.insert(k.clone(), t);
        }
        out
    }

    // ---- statements ----------------------------------------------------------

    /// Runs a block; true when it never falls through (or the function's
    /// work budget is spent: what follows is not analysed).
    fn block(&mut self, body: &'a [Stmt]) -> bool {
        for stmt in body {
            self.charge(self.state.len() + 1);
            if self.work.get() > WORK_BUDGET || self.stmt(stmt) {
                return true;
            }
        }
        false
    }

    /// Records a parameter that reaches a sink, once per sink and class.
    fn param_sink(&mut self, ps: ParamSink) {
        let key = (ps.param, ps.class as u8, ps.trace.file, ps.trace.range.start().to_u32());
        if self.sink_keys.insert(key) {
            self.sinks.push(ps);
        }
    }

    fn charge(&self, n: usize) {
        self.work.set(self.work.get().saturating_add(n));
    }

    /// A copy of the state, to analyse a branch from.
    fn snapshot(&self) -> State {
        self.charge(self.state.len());
        self.state.clone()
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> bool {
        match stmt {
            Stmt::Assign(s) => {
                let t = self.eval(&s.value);
                for target in &s.targets {
                    self.assign(target, Some(&s.value), t.clone(), s.range);
                }
            }
            Stmt::AnnAssign(s) => {
                if let Some(value) = &s.value {
                    let t = self.eval(value);
                    self.assign(&s.target, Some(value), t, s.range);
                }
            }
            Stmt::AugAssign(s) => {
                let mut t = self.eval(&s.value);
                if let Some(p) = access_path(&s.target) {
                    let old = self.read_whole(&p);
                    t.union(&old);
                    if matches!(s.op, Operator::Add | Operator::Mod) {
                        t = t.cleared(STRUCT);
                    }
                    let t = t.step(self.file, s.range, StepKind::Assign);
                    self.store_sinks(&s.target, &t, s.range);
                    self.write_path(p, t);
                }
            }
            Stmt::Expr(s) => {
                self.eval(&s.value);
                return self.is_exit_call(&s.value);
            }
            Stmt::Return(s) => {
                if let Some(value) = &s.value {
                    let t = self.eval(value);
                    if self.index.funcs[self.func].flask_route {
                        self.flask_return(value, &t);
                    }
                    let t = t.step(self.file, s.range, StepKind::Return);
                    self.ret.union(&t);
                }
                return true;
            }
            Stmt::Raise(s) => {
                if let Some(e) = &s.exc {
                    self.eval(e);
                }
                return true;
            }
            Stmt::Continue(_) | Stmt::Break(_) => return true,
            Stmt::If(s) => return self.if_chain(&s.test, &s.body, &s.elif_else_clauses),
            Stmt::For(s) => {
                let it = self.eval(&s.iter);
                self.looped(|this| {
                    this.assign(&s.target, None, it.clone(), s.range);
                    this.block(&s.body);
                });
                self.block(&s.orelse);
            }
            Stmt::While(s) => {
                self.eval(&s.test);
                let (yes, _) = self.refine(&s.test);
                self.looped(|this| {
                    this.apply(&yes);
                    this.block(&s.body);
                });
                self.block(&s.orelse);
            }
            Stmt::With(s) => {
                for item in &s.items {
                    let t = self.eval(&item.context_expr);
                    if let Some(var) = &item.optional_vars {
                        self.assign(var, Some(&item.context_expr), t, item.range());
                    }
                }
                return self.block(&s.body);
            }
            Stmt::Try(s) => {
                let before = self.snapshot();
                let mut ends = Vec::new();
                let body_exits = self.block(&s.body);
                let after_body = self.snapshot();
                if !body_exits {
                    self.block(&s.orelse);
                    ends.push(self.snapshot());
                }
                for handler in &s.handlers {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = handler;
                    self.state = Self::join(&before, &after_body);
                    if let Some(name) = &h.name {
                        self.write_path(name.to_string(), Taint::default());
                    }
                    if !self.block(&h.body) {
                        ends.push(self.snapshot());
                    }
                }
                let exits = ends.is_empty();
                self.state = match ends.split_first() {
                    Some((first, rest)) => rest.iter().fold(first.clone(), |acc, s| Self::join(&acc, s)),
                    None => Self::join(&before, &after_body),
                };
                let fin = self.block(&s.finalbody);
                return exits || fin;
            }
            Stmt::Match(s) => {
                self.eval(&s.subject);
                let before = self.snapshot();
                let mut joined: Option<State> = None;
                for case in &s.cases {
                    self.state = before.clone();
                    if let Some(guard) = &case.guard {
                        self.eval(guard);
                    }
                    if !self.block(&case.body) {
                        joined = Some(match joined {
                            Some(j) => Self::join(&j, &self.state),
                            None => self.snapshot(),
                        });
                    }
                }
                self.state = match joined {
                    Some(j) => Self::join(&j, &before),
                    None => before,
                };
            }
            Stmt::Delete(s) => {
                for t in &s.targets {
                    if let Some(p) = access_path(t) {
                        self.forget(&p);
                    }
                }
            }
            Stmt::Assert(s) => {
                self.eval(&s.test);
                let (yes, _) = self.refine(&s.test);
                self.apply(&yes);
            }
            _ => {}
        }
        false
    }

    fn looped(&mut self, mut body: impl FnMut(&mut Self)) {
        for _ in 0..2 {
            let before = self.snapshot();
            body(self);
            self.state = Self::join(&before, &self.state);
        }
    }

    fn if_chain(&mut self, test: &'a Expr, body: &'a [Stmt], rest: &'a [ElifElseClause]) -> bool {
        self.eval(test);
        let (yes, no) = self.refine(test);
        let before = self.snapshot();
        self.apply(&yes);
        let yes_exits = self.block(body);
        let yes_state = std::mem::replace(&mut self.state, before);
        self.apply(&no);
        let no_exits = match rest.split_first() {
            None => false,
            Some((clause, more)) => match &clause.test {
                Some(t) => self.if_chain(t, &clause.body, more),
                None => self.block(&clause.body),
            },
        };
        match (yes_exits, no_exits) {
            (true, true) => {
                self.state = Self::join(&yes_state, &self.state);
                true
            }
            (true, false) => false,
            (false, true) => {
                self.state = yes_state;
                false
            }
            (false, false) => {
                self.state = Self::join(&yes_state, &self.state);
                false
            }
        }
    }

    /// Whether an expression statement never returns (`abort(404)`, `sys.exit()`).
    fn is_exit_call(&self, e: &Expr) -> bool {
        let Expr::Call(call) = e else { return false };
        let qual = self.qual(&call.func);
        matches!(
            qual.as_str(),
            "flask.abort" | "werkzeug.exceptions.abort" | "sys.exit" | "os._exit" | "exit" | "quit" | "abort"
        ) || qual.ends_with(".abort")
    }

    // ---- assignment ------------------------------------------------------------

    fn assign(&mut self, target: &'a Expr, value: Option<&'a Expr>, t: Taint, range: TextRange) {
        match target {
            Expr::Tuple(_) | Expr::List(_) => {
                let elts = match target {
                    Expr::Tuple(t) => &t.elts,
                    Expr::List(l) => &l.elts,
                    _ => unreachable!(),
                };
                let values = match value {
                    Some(Expr::Tuple(v)) if v.elts.len() == elts.len() => Some(&v.elts),
                    Some(Expr::List(v)) if v.elts.len() == elts.len() => Some(&v.elts),
                    _ => None,
                };
                for (i, e) in elts.iter().enumerate() {
                    match values {
                        Some(vs) => {
                            let ti = self.eval(&vs[i]);
                            self.assign(e, Some(&vs[i]), ti, range);
                        }
                        None => self.assign(e, None, t.clone(), range),
                    }
                }
            }
            Expr::Starred(s) => self.assign(&s.value, None, t, range),
            Expr::Subscript(sub) if access_path(target).is_none() => {
                self.store_sinks(target, &t, range);
                if let Some(p) = access_path(&sub.value) {
                    self.weak_write(p, &t);
                }
            }
            _ => {
                let Some(p) = access_path(target) else { return };
                self.store_sinks(target, &t, range);
                let t = if t.is_clean() { t } else { t.step(self.file, range, StepKind::Assign) };
                match value {
                    Some(Expr::Dict(d))
                        if d.items.len() <= MAX_SPLIT
                            && d.items.iter().all(|i| i.key.as_ref().is_some_and(|k| key_text(k).is_some())) =>
                    {
                        self.write_path(p.clone(), Taint::default());
                        for item in &d.items {
                            if let Some(k) = item.key.as_ref().and_then(key_text) {
                                let tv = self.eval(&item.value);
                                let tv = if tv.is_clean() { tv } else { tv.step(self.file, range, StepKind::Assign) };
                                self.state.insert(format!("{p}[{k}]"), tv);
                            }
                        }
                    }
                    Some(Expr::List(l))
                        if l.elts.len() <= MAX_SPLIT && l.elts.iter().all(|e| !matches!(e, Expr::Starred(_))) =>
                    {
                        self.write_path(p.clone(), Taint::default());
                        for (i, e) in l.elts.iter().enumerate() {
                            let te = self.eval(e);
                            let te = if te.is_clean() { te } else { te.step(self.file, range, StepKind::Assign) };
                            self.state.insert(format!("{p}[{i}]"), te);
                        }
                    }
                    _ => {
                        let ty = value.and_then(|v| self.type_of(v));
                        // `url_is_safe = url_has_allowed_host_and_scheme(url, ...)`:
                        // testing the name later tests the guard.
                        let guard = match value {
                            Some(v @ (Expr::Call(_) | Expr::Compare(_) | Expr::BoolOp(_) | Expr::UnaryOp(_))) => {
                                Some(self.refine(v))
                            }
                            _ => None,
                        };
                        self.write_path(p.clone(), t);
                        match guard {
                            Some(g) if !g.0.is_empty() || !g.1.is_empty() => {
                                self.guards.insert(p.clone(), g);
                            }
                            _ => {
                                self.guards.remove(&p);
                            }
                        }
                        if let Some(ty) = ty {
                            self.types.insert(p, ty);
                        }
                    }
                }
            }
        }
    }

    /// What a value holds, for method calls on the name it is stored in.
    fn type_of(&self, value: &Expr) -> Option<Type> {
        let Expr::Call(call) = value else {
            return match value {
                Expr::Await(a) => self.type_of(&a.value),
                Expr::BinOp(b) if b.op == Operator::Div => Some(Type::Lib("pathlib.Path".to_owned())),
                _ => None,
            };
        };
        let qual = self.qual(&call.func);
        if qual.ends_with("XMLParser") {
            let off = call.arguments.keywords.iter().any(|k| {
                k.arg.as_ref().is_some_and(|a| a.as_str() == "resolve_entities")
                    && matches!(k.value, Expr::BooleanLiteral(ref b) if !b.value)
            });
            return off.then_some(Type::SafeXmlParser);
        }
        if qual.ends_with("get_session") || qual.ends_with("new_session") {
            return Some(Type::Lib("aiohttp_session.Session".to_owned()));
        }
        if matches!(qual.as_str(), "urllib.parse.urlparse" | "urllib.parse.urlsplit" | "urlparse.urlparse")
            && let Some(p) = call.arguments.args.first().and_then(access_path)
        {
            return Some(Type::ParsedUrl(p));
        }
        // Any response a view builds, besides the listed library types.
        if (qual.ends_with("Response") && !qual.contains("Redirect")) || qual.ends_with("make_response") {
            return Some(Type::Lib(qual));
        }
        self.classify(self.module, qual)
    }

    /// What a receiver holds: a local name's type, `self.<attr>` set in the
    /// class, a module-level instance, or a constructor called in place.
    fn recv_type(&self, recv: &Expr) -> Option<Type> {
        if let Some(p) = access_path(recv)
            && let Some(t) = self.types.get(&p)
        {
            return Some(t.clone());
        }
        let ctor = match recv {
            Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self") => {
                let class = self.index.funcs[self.func].class?;
                let info = &self.index.classes[class];
                info.attr_types
                    .iter()
                    .find(|(n, _, _)| *n == a.attr.as_str())
                    .map(|(_, q, e)| (info.module, q.clone(), *e))
            }
            Expr::Name(n) if !self.state.contains_key(n.id.as_str()) => {
                self.module().globals.get(n.id.as_str()).map(|(q, e)| (self.module, q.clone(), Some(*e)))
            }
            _ => None,
        };
        match ctor {
            Some((m, q, value)) => {
                if m == self.module
                    && let Some(t) = value.and_then(|v| self.type_of(v))
                {
                    return Some(t);
                }
                self.classify(m, q)
            }
            None => self.type_of(recv),
        }
    }

    /// A constructor's qualified name as a type: a project class, or one of
    /// the library types the sinks know (HTTP clients, responses, paths).
    fn classify(&self, module: usize, qual: String) -> Option<Type> {
        if let Some(class) = self.project.resolve_class(module, &qual) {
            return Some(Type::Class(class));
        }
        (models::HTTP_CLIENTS.contains(&qual.as_str())
            || models::RESPONSES.contains(&qual.as_str())
            || models::PATH_TYPES.contains(&qual.as_str()))
        .then_some(Type::Lib(qual))
    }

    /// Whether an expression is the session: Flask's `session`,
    /// `request.session`, or what `get_session(request)` returned.
    fn is_session(&self, e: &Expr) -> bool {
        match e {
            Expr::Attribute(a) => a.attr.as_str() == "session" && self.is_request(&a.value),
            Expr::Name(n) => {
                let qual = self.module().imports.resolve_name(n.id.as_str());
                matches!(qual.as_str(), "flask.session" | "quart.session")
                    || matches!(self.types.get(n.id.as_str()), Some(Type::Lib(t)) if t.ends_with(".Session") && !models::HTTP_CLIENTS.contains(&t.as_str()))
            }
            _ => false,
        }
    }

    /// Sinks written as stores: response headers and the session.
    fn store_sinks(&mut self, target: &'a Expr, t: &Taint, range: TextRange) {
        if t.is_clean() {
            return;
        }
        let Expr::Subscript(sub) = target else { return };
        let container = &*sub.value;
        let class = match container {
            Expr::Attribute(a) if a.attr.as_str() == "headers" => Some(Class::Header),
            Expr::Attribute(a) if a.attr.as_str() == "session" && self.is_request(&a.value) => Some(Class::Session),
            Expr::Name(n) => {
                let qual = self.module().imports.resolve_name(n.id.as_str());
                if matches!(qual.as_str(), "flask.session" | "quart.session") {
                    Some(Class::Session)
                } else if let Some(Type::Lib(ty)) = self.types.get(n.id.as_str()) {
                    if ty.ends_with(".Session") && !models::HTTP_CLIENTS.contains(&ty.as_str()) {
                        Some(Class::Session)
                    } else if models::PATH_TYPES.contains(&ty.as_str()) || models::HTTP_CLIENTS.contains(&ty.as_str()) {
                        None
                    } else {
                        Some(Class::Header)
                    }
                } else if n.id.as_str().contains("resp")
                    && str_lit(&sub.slice)
                        .is_some_and(|k| k.contains('-') && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                {
                    // `response["X-Trace-Id"] = ...` on a response passed in.
                    Some(Class::Header)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(class) = class {
            self.sink_hit(class, t, range, 0);
        }
    }

    // ---- guards ------------------------------------------------------------------

    /// What a condition proves when true and when false: (path, bits cleared).
    fn refine(&mut self, test: &'a Expr) -> (Refinement, Refinement) {
        let mut yes = Vec::new();
        let mut no = Vec::new();
        match test {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                let (y, n) = self.refine(&u.operand);
                return (n, y);
            }
            Expr::Name(n) => {
                if let Some((y, n)) = self.guards.get(n.id.as_str()) {
                    return (y.clone(), n.clone());
                }
            }
            Expr::BoolOp(b) => {
                // `A and B` proves both when true; when false, only what
                // both `not A` and `not B` prove (and the converse for `or`).
                let mut common: Option<Vec<(String, u32)>> = None;
                for v in &b.values {
                    let (y, n) = self.refine(v);
                    let (all, either) = match b.op {
                        BoolOp::And => (y, n),
                        BoolOp::Or => (n, y),
                    };
                    match b.op {
                        BoolOp::And => yes.extend(all),
                        BoolOp::Or => no.extend(all),
                    }
                    common = Some(match common {
                        None => either,
                        Some(c) => c
                            .into_iter()
                            .filter_map(|(p, bits)| either.iter().find(|(q, _)| *q == p).map(|(_, b2)| (p, bits & b2)))
                            .filter(|(_, bits)| *bits != 0)
                            .collect(),
                    });
                }
                let common = common.unwrap_or_default();
                match b.op {
                    BoolOp::And => no.extend(common),
                    BoolOp::Or => yes.extend(common),
                }
            }
            Expr::Compare(c) if c.ops.len() == 1 => {
                let left = &*c.left;
                let right = &c.comparators[0];
                match c.ops[0] {
                    // Membership in a constant or clean collection: the value
                    // is one of its (clean) elements.
                    CmpOp::In | CmpOp::NotIn
                        if self.is_constant_collection(right) || self.is_clean_collection(right) =>
                    {
                        let out = if c.ops[0] == CmpOp::In { &mut yes } else { &mut no };
                        self.guarded(left, ALL | STRUCT, out);
                    }
                    CmpOp::Eq | CmpOp::NotEq if is_literal(right) || is_literal(left) => {
                        let out = if c.ops[0] == CmpOp::Eq { &mut yes } else { &mut no };
                        let subject = if is_literal(right) { left } else { right };
                        self.guarded(subject, ALL | STRUCT, out);
                    }
                    CmpOp::Eq | CmpOp::NotEq if !matches!(left, Expr::Call(_)) => {
                        // Equal to a value of the server's own: `x == SHARE_ROOT`.
                        let out_yes = c.ops[0] == CmpOp::Eq;
                        let (lt, rt) = (self.eval(left), self.eval(right));
                        let subject = if rt.is_clean() && !lt.is_clean() {
                            Some(left)
                        } else if lt.is_clean() && !rt.is_clean() {
                            Some(right)
                        } else {
                            None
                        };
                        if let Some(s) = subject {
                            self.guarded(s, ALL | STRUCT, if out_yes { &mut yes } else { &mut no });
                        }
                    }
                    CmpOp::Eq | CmpOp::NotEq => {
                        // `os.path.commonpath([BASE, p]) == BASE`
                        if let Expr::Call(call) = left
                            && self.qual(&call.func).ends_with("commonpath")
                        {
                            let out = if c.ops[0] == CmpOp::Eq { &mut yes } else { &mut no };
                            for a in call.arguments.args.iter() {
                                for e in list_elts(a) {
                                    self.guarded(e, models::Class::Path.bit(), out);
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Expr::Call(call) => {
                let qual = self.qual(&call.func);
                if let Some(&(_, bits)) = models::GUARD_CALLS.iter().find(|(n, _)| models::matches(n, &qual)) {
                    if let Some(a) = call.arguments.args.first() {
                        self.guarded(a, bits, &mut yes);
                    }
                    if let Some(k) = call.arguments.keywords.iter().find(|k| k.arg.as_ref().is_some_and(|a| a == "url"))
                    {
                        self.guarded(&k.value, bits, &mut yes);
                    }
                } else if matches!(qual.as_str(), "re.fullmatch" | "re.match" | "regex.fullmatch" | "regex.match")
                    && call.arguments.args.first().is_some_and(|p| anchored(p, qual.ends_with("fullmatch")))
                    && let Some(s) = call.arguments.args.get(1)
                {
                    self.guarded(s, ALL | STRUCT, &mut yes);
                } else if let Expr::Attribute(a) = &*call.func {
                    let m = a.attr.as_str();
                    if models::GUARD_METHODS.contains(&m) {
                        self.guarded(&a.value, ALL | STRUCT, &mut yes);
                    } else if matches!(m, "fullmatch" | "match")
                        && let Some(s) = call.arguments.args.first()
                    {
                        // A compiled pattern of the module: `SLUG.fullmatch(x)`.
                        self.guarded(s, ALL | STRUCT, &mut yes);
                    } else if m == "startswith" {
                        if let Some(prefix) = call.arguments.args.first() {
                            let bits = match prefix {
                                Expr::StringLiteral(s) if fixes_host(s.value.to_str()) => URL_FIXED,
                                Expr::StringLiteral(_) => 0,
                                _ => Class::Path.bit(),
                            };
                            if bits != 0 {
                                self.guarded(&a.value, bits, &mut yes);
                            }
                        }
                    } else if m == "is_relative_to" {
                        self.guarded(&a.value, Class::Path.bit(), &mut yes);
                    }
                }
            }
            _ => {}
        }
        (yes, no)
    }

    /// The names a guard's subject stands for: `x`, `os.path.realpath(x)`,
    /// `Path(x).resolve()`, `urlparse(x).netloc`, `parsed.hostname`.
    fn guarded(&self, subject: &Expr, bits: u32, out: &mut Vec<(String, u32)>) {
        match subject {
            Expr::Call(call) => {
                if let Expr::Attribute(a) = &*call.func
                    && matches!(a.attr.as_str(), "resolve" | "absolute" | "lower" | "strip" | "casefold")
                {
                    self.guarded(&a.value, bits, out);
                    return;
                }
                // Normalisations of the subject: `os.path.realpath(x)`, `Path(x)`.
                let qual = self.qual(&call.func);
                let last = qual.rsplit('.').next().unwrap_or("");
                if matches!(
                    last,
                    "realpath"
                        | "abspath"
                        | "normpath"
                        | "Path"
                        | "PurePath"
                        | "urlparse"
                        | "urlsplit"
                        | "str"
                        | "normcase"
                ) && let Some(first) = call.arguments.args.first()
                {
                    self.guarded(first, bits, out);
                }
            }
            Expr::Attribute(a) if matches!(a.attr.as_str(), "netloc" | "hostname" | "scheme" | "host") => {
                if let Some(p) = access_path(&a.value)
                    && let Some(Type::ParsedUrl(url)) = self.types.get(&p)
                {
                    out.push((url.clone(), bits));
                }
                self.guarded(&a.value, bits, out);
            }
            _ => {
                if let Some(p) = access_path(subject) {
                    if let Some(Type::ParsedUrl(url)) = self.types.get(&p) {
                        out.push((url.clone(), bits));
                    }
                    out.push((p, bits));
                }
            }
        }
    }

    fn apply(&mut self, cleaned: &[(String, u32)]) {
        for (path, bits) in cleaned {
            let t = self.read_path(path).cleared(*bits);
            self.state.insert(path.clone(), t);
            for (k, v) in self.state.iter_mut() {
                if below(k, path) {
                    *v = std::mem::take(v).cleared(*bits);
                }
            }
        }
    }

    /// A collection that holds no client data (`client.registered_uris()`),
    /// but not a text: `"@" in email` says nothing about `"@"`.
    fn is_clean_collection(&mut self, e: &'a Expr) -> bool {
        if matches!(e, Expr::StringLiteral(_) | Expr::FString(_)) {
            return false;
        }
        self.eval(e).is_clean()
    }

    fn is_constant_collection(&self, e: &Expr) -> bool {
        match e {
            Expr::List(l) => l.elts.iter().all(is_literal),
            Expr::Tuple(t) => t.elts.iter().all(is_literal),
            Expr::Set(s) => s.elts.iter().all(is_literal),
            Expr::Dict(d) => d.items.iter().all(|i| i.key.as_ref().is_some_and(is_literal)),
            Expr::Name(n) => {
                let id = n.id.as_str();
                self.module().constants.contains(id)
                    || (id.len() > 1 && id.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()))
            }
            Expr::Attribute(a) => {
                !self.sourced(e)
                    && (a.attr.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
                        || matches!(a.attr.as_str(), "keys" | "values"))
            }
            Expr::Call(c) => match &*c.func {
                // `ALLOWED.keys()`, `frozenset({...})`
                Expr::Attribute(a) => {
                    matches!(a.attr.as_str(), "keys" | "values") && self.is_constant_collection(&a.value)
                }
                Expr::Name(n) => {
                    matches!(n.id.as_str(), "frozenset" | "set" | "tuple" | "list")
                        && c.arguments.args.first().is_some_and(|a| self.is_constant_collection(a))
                }
                _ => false,
            },
            _ => false,
        }
    }

    // ---- expressions ---------------------------------------------------------------

    pub fn eval(&mut self, e: &'a Expr) -> Taint {
        match e {
            Expr::BoolOp(b) => {
                let mut t = Taint::default();
                for v in &b.values {
                    t.union(&self.eval(v));
                }
                t
            }
            Expr::Named(n) => {
                let t = self.eval(&n.value);
                self.assign(&n.target, Some(&n.value), t.clone(), n.range);
                t
            }
            Expr::BinOp(b) => {
                let mut t = self.eval(&b.left);
                t.union(&self.eval(&b.right));
                if matches!(b.op, Operator::Add | Operator::Mod) && is_text_literal_start(&b.left) {
                    t = t.cleared(STRUCT);
                    if leading_text(&b.left).is_some_and(fixes_host) {
                        t = t.cleared(URL_FIXED);
                    }
                } else if b.op == Operator::Add
                    && matches!(&*b.left, Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_))
                    && self.eval(&b.left).is_clean()
                {
                    // `base_url + path` with a base of the server's own.
                    t = t.cleared(URL_FIXED);
                }
                // `"%s?%s" % (url, query)` with a url of the server's own.
                if b.op == Operator::Mod
                    && str_lit(&b.left).is_some_and(|f| f.starts_with("%s"))
                    && let Expr::Tuple(tu) = &*b.right
                    && let Some(first) = tu.elts.first()
                    && self.eval(first).is_clean()
                {
                    t = t.cleared(URL_FIXED);
                }
                t
            }
            Expr::UnaryOp(u) => {
                let t = self.eval(&u.operand);
                if u.op == UnaryOp::Not { Taint::default() } else { t }
            }
            Expr::Lambda(_) => Taint::default(),
            Expr::If(i) => {
                self.eval(&i.test);
                let (yes, no) = self.refine(&i.test);
                let before = self.snapshot();
                self.apply(&yes);
                let mut t = self.eval(&i.body);
                self.state.clone_from(&before);
                self.apply(&no);
                t.union(&self.eval(&i.orelse));
                self.state = before;
                t
            }
            Expr::Dict(d) => {
                let mut t = Taint::default();
                for item in &d.items {
                    t.union(&self.eval(&item.value));
                }
                t
            }
            Expr::Set(s) => self.eval_all(&s.elts),
            Expr::List(l) => self.eval_all(&l.elts),
            Expr::Tuple(tu) => self.eval_all(&tu.elts),
            Expr::ListComp(c) => self.comprehension(&c.generators, &c.elt, None),
            Expr::SetComp(c) => self.comprehension(&c.generators, &c.elt, None),
            Expr::Generator(c) => self.comprehension(&c.generators, &c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(&c.generators, k, Some(&c.value)),
                None => self.comprehension(&c.generators, &c.value, None),
            },
            Expr::Await(a) => self.eval(&a.value),
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.eval(v);
                }
                Taint::default()
            }
            Expr::YieldFrom(y) => {
                self.eval(&y.value);
                Taint::default()
            }
            Expr::Compare(c) => {
                self.eval(&c.left);
                for x in &c.comparators {
                    self.eval(x);
                }
                Taint::default()
            }
            Expr::Call(c) => self.call(c),
            Expr::FString(f) => {
                let mut t = Taint::default();
                let mut first_literal: Option<String> = None;
                let mut leading_param: Option<u16> = None;
                let mut first = true;
                for part in f.value.iter() {
                    match part {
                        ruff_python_ast::FStringPart::Literal(l) => {
                            if first {
                                first_literal = Some(l.value.to_string());
                            }
                        }
                        ruff_python_ast::FStringPart::FString(fs) => {
                            for (i, el) in fs.elements.iter().enumerate() {
                                match el {
                                    InterpolatedStringElement::Literal(l) => {
                                        if first && i == 0 {
                                            let prev = first_literal.take().unwrap_or_default();
                                            first_literal = Some(prev + &l.value);
                                        }
                                    }
                                    InterpolatedStringElement::Interpolation(x) => {
                                        let tx = self.eval(&x.expression);
                                        if first && i == 0 && first_literal.is_none() {
                                            // A URL that starts with a value of the server's own
                                            // (`f"{client.redirect_uri}?code={code}"`): the client
                                            // does not choose its scheme and host.
                                            if tx.is_clean() {
                                                first_literal = Some("/x".to_owned());
                                            } else if let [only] = tx.0.as_slice()
                                                && let Origin::Param(k, 0) = only.origin
                                            {
                                                leading_param = Some(k);
                                            }
                                        }
                                        t.union(&tx);
                                    }
                                }
                            }
                        }
                    }
                    first = false;
                }
                t = t.cleared(STRUCT);
                if first_literal.as_deref().is_some_and(fixes_host) {
                    t = t.cleared(URL_FIXED);
                }
                if let Some(k) = leading_param {
                    for l in &mut t.0 {
                        if l.origin != Origin::Param(k, 0) {
                            l.behind = k;
                        }
                    }
                }
                t
            }
            Expr::Attribute(a) => self.attribute(e, a),
            Expr::Subscript(s) => {
                if let Some(p) = access_path(e)
                    && self.rooted(&p)
                    && !self.sourced(e)
                {
                    self.eval(&s.slice);
                    return self.read_whole(&p);
                }
                let t = self.eval(&s.value);
                self.eval(&s.slice);
                widen(t, s.value.range(), s.range)
            }
            Expr::Starred(s) => self.eval(&s.value),
            Expr::Name(n) => self.read_whole(n.id.as_str()),
            _ => Taint::default(),
        }
    }

    fn eval_all(&mut self, elts: &'a [Expr]) -> Taint {
        let mut t = Taint::default();
        for e in elts {
            t.union(&self.eval(e));
        }
        t
    }

    fn comprehension(
        &mut self,
        generators: &'a [ruff_python_ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Taint {
        let saved = self.snapshot();
        let saved_types = self.types.clone();
        for g in generators {
            let it = self.eval(&g.iter);
            self.assign(&g.target, None, it, g.range);
            for cond in &g.ifs {
                self.eval(cond);
                let (yes, _) = self.refine(cond);
                self.apply(&yes);
            }
        }
        let mut t = self.eval(elt);
        if let Some(v) = value {
            t.union(&self.eval(v));
        }
        self.state = saved;
        self.types = saved_types;
        t
    }

    /// Whether an access path starts at a name this function has bound.
    fn rooted(&self, path: &str) -> bool {
        let root = path.split(['.', '[']).next().unwrap_or(path);
        self.state.contains_key(root)
    }

    /// Whether an expression reads client data at some point of its chain
    /// (`request.GET["q"]`, `self.headers.get("X")`): such reads are
    /// evaluated as sources, not as paths of the function's own state.
    fn sourced(&self, e: &Expr) -> bool {
        let mut cur = e;
        loop {
            match cur {
                Expr::Attribute(a) => {
                    if self.source_attr(a).is_some() {
                        return true;
                    }
                    cur = &a.value;
                }
                Expr::Subscript(s) => cur = &s.value,
                Expr::Call(c) => cur = &c.func,
                _ => return false,
            }
        }
    }

    /// The bits of a request attribute that holds client data
    /// (`request.GET`, `self.headers` in an `http.server` handler).
    fn source_attr(&self, a: &ExprAttribute) -> Option<u32> {
        let attr = a.attr.as_str();
        if self.is_request(&a.value)
            && let Some(&(_, extra)) = models::REQUEST_ATTRS.iter().find(|(n, _)| *n == attr)
        {
            return Some(ALL | extra);
        }
        (self.index.funcs[self.func].handler
            && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self")
            && models::HANDLER_ATTRS.contains(&attr))
        .then_some(ALL)
    }

    fn attribute(&mut self, e: &'a Expr, a: &'a ExprAttribute) -> Taint {
        let attr = a.attr.as_str();
        if let Some(mask) = self.source_attr(a) {
            return self.source(a.range, mask, false);
        }
        let qual = self.module().imports.qualified_attr(e);
        if models::WEAK_SOURCE_ATTRS.contains(&qual.as_str()) {
            return self.source(a.range, ALL, true);
        }
        if let Some(p) = access_path(&a.value)
            && self.rooted(&p)
            && !self.sourced(&a.value)
        {
            return self.read_whole(&format!("{p}.{attr}"));
        }
        let t = self.eval(&a.value);
        // `Path(name).name` and friends keep only the last component.
        if matches!(attr, "name" | "suffix" | "stem")
            && let Expr::Call(c) = &*a.value
            && models::PATH_TYPES.contains(&self.qual(&c.func).as_str())
        {
            return t.cleared(Class::Path.bit());
        }
        t
    }

    fn source(&self, range: TextRange, mask: u32, weak: bool) -> Taint {
        let mask =
            if mask & models::NOT_REDIRECT != 0 { mask & !models::NOT_REDIRECT & !Class::Redirect.bit() } else { mask };
        Taint(vec![Label {
            origin: Origin::Source { file: self.file, at: range.start().to_u32(), weak },
            mask,
            trace: Step::root(self.file, range, StepKind::Source),
            behind: NOT_BEHIND,
        }])
    }

    /// Whether an expression is the request object.
    fn is_request(&self, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => {
                let id = n.id.as_str();
                if self.index.funcs[self.func]
                    .request_params
                    .iter()
                    .any(|&i| self.index.funcs[self.func].params[i].name == id)
                {
                    return true;
                }
                let qual = self.module().imports.resolve_name(id);
                models::GLOBAL_REQUESTS.contains(&qual.as_str())
            }
            Expr::Attribute(a) => {
                a.attr.as_str() == "request" && matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self")
            }
            _ => false,
        }
    }

    /// The qualified name of a called expression; a method on something
    /// that is not a dotted name gets a leading `_` (`_.execute`).
    fn qual(&self, func: &Expr) -> String {
        let q = self.module().imports.qualified_call_name(func);
        if q.starts_with('.') {
            format!("_{q}")
        } else if q.is_empty() {
            match func {
                Expr::Attribute(a) => format!("_.{}", a.attr),
                _ => q,
            }
        } else {
            q
        }
    }

    // ---- calls ---------------------------------------------------------------------

    fn call(&mut self, call: &'a ExprCall) -> Taint {
        let func = &*call.func;
        let qual = self.qual(func);
        let method = match func {
            Expr::Attribute(a) => Some((&*a.value, a.attr.as_str())),
            _ => None,
        };
        // Sources that are calls.
        if let Some((recv, name)) = method
            && self.is_request(recv)
            && let Some(&(_, extra)) = models::REQUEST_METHODS.iter().find(|(n, _)| *n == name)
        {
            for a in &call.arguments.args {
                self.eval(a);
            }
            return self.source(call.range(), ALL | extra, false);
        }
        if models::WEAK_SOURCE_CALLS.contains(&qual.as_str()) {
            return self.source(call.range(), ALL, true);
        }
        let recv_t = match method {
            Some((recv, _)) => self.eval(recv),
            None => Taint::default(),
        };
        let args: Vec<Taint> = call.arguments.args.iter().map(|a| self.eval(a)).collect();
        let kws: Vec<Taint> = call.arguments.keywords.iter().map(|k| self.eval(&k.value)).collect();
        self.call_sinks(call, &qual, method, &recv_t, &args, &kws);

        let named: Vec<(&str, &Taint, &'a Expr)> = call
            .arguments
            .keywords
            .iter()
            .zip(&kws)
            .filter_map(|(k, t)| k.arg.as_ref().map(|a| (a.as_str(), t, &k.value)))
            .collect();
        let positional: Vec<(&Taint, Option<&'a Expr>)> =
            args.iter().zip(call.arguments.args.iter()).map(|(t, e)| (t, Some(e))).collect();
        let recv = (&recv_t, method.map(|(r, _)| r));
        // The project's own functions, through their summaries.
        if let Some((callee, bound)) = self.project.resolve_call(self.module, self.func, func, &self.types_view())
            && let Some(summary) = self.project.summary(callee, self.depth + 1)
        {
            return self.apply_summary(call.range(), callee, bound, &summary, recv, &positional, &named);
        }
        // A project class: its `__init__` runs with the arguments; the new
        // object carries what it was given.
        if let Some(init) = self.project.constructor(self.module, func)
            && let Some(summary) = self.project.summary(init, self.depth + 1)
        {
            let fresh = Taint::default();
            let stored = self.apply_summary(call.range(), init, true, &summary, (&fresh, None), &positional, &named);
            let mut all = union_of([&recv_t].into_iter().chain(&args).chain(&kws));
            all.union(&stored);
            return all;
        }
        // A project function handed over to run later with these arguments:
        // `background_tasks.add_task(f, x)`, `executor.submit(f, x)`.
        if let Some((_, name)) = method {
            let skip = match name {
                "add_task" | "submit" | "delay_call" | "call_soon" | "call_later" => 1,
                "run_in_executor" => 2,
                _ => 0,
            };
            if skip > 0
                && let Some(target) = call.arguments.args.get(skip - 1)
                && let Some((callee, bound)) =
                    self.project.resolve_call(self.module, self.func, target, &self.types_view())
                && let Some(summary) = self.project.summary(callee, self.depth + 1)
            {
                let (target_recv, target_expr) = match target {
                    Expr::Attribute(a) => (self.eval(&a.value), Some(&*a.value)),
                    _ => (Taint::default(), None),
                };
                self.apply_summary(
                    call.range(),
                    callee,
                    bound,
                    &summary,
                    (&target_recv, target_expr),
                    &positional[skip..],
                    &named,
                );
                return Taint::default();
            }
        }

        let mut all = union_of([&recv_t].into_iter().chain(&args).chain(&kws));
        if let Some(&(_, bits)) = models::SANITIZERS.iter().find(|(n, _)| models::matches(n, &qual)) {
            return all.cleared(bits);
        }
        if models::STRUCT_DECODERS.contains(&qual.as_str()) {
            return all.with_flag(STRUCT);
        }
        // Results of sinks that are not the data: an opened file, a cursor.
        // A query's result holds rows of the database, not the query's text.
        if models::SINKS.iter().any(|s| s.class == Class::Sql && models::matches(s.name, &qual)) {
            return Taint::default();
        }
        if matches!(qual.as_str(), "open" | "io.open" | "codecs.open" | "os.open" | "aiofiles.open")
            || qual.ends_with(".objects.get")
            || qual.contains(".objects.")
        {
            return Taint::default();
        }
        if let Some((recv, name)) = method {
            // A lookup in a constant table returns one of its values.
            if matches!(name, "get" | "setdefault") && self.is_constant_collection(recv) {
                return args.get(1).cloned().unwrap_or_default();
            }
            if models::CLEAN_METHODS.contains(&name) {
                return Taint::default();
            }
            if models::STORING_METHODS.contains(&name) {
                if let Some(p) = access_path(recv)
                    && !self.sourced(recv)
                {
                    let t = union_of(args.iter().chain(&kws)).step(self.file, call.range(), StepKind::Assign);
                    self.weak_write(p, &t);
                }
                return Taint::default();
            }
            // `d.get("key")` on a dict of this function reads that key.
            if matches!(name, "get" | "pop")
                && let Some(p) = access_path(recv)
                && self.rooted(&p)
                && !self.sourced(recv)
                && let Some(k) = call.arguments.args.first().and_then(key_text)
            {
                let mut t = self.read_whole(&format!("{p}[{k}]"));
                if let Some(d) = args.get(1) {
                    t.union(d);
                }
                return t;
            }
            // `value.replace("\r", "")` strips header line breaks.
            if name == "replace"
                && call.arguments.args.first().is_some_and(|a| str_lit(a).is_some_and(|s| s.contains(['\r', '\n'])))
            {
                return all.cleared(Class::Header.bit());
            }
            if matches!(name, "get" | "getlist" | "getone" | "get_all" | "pop") {
                all = widen(all, recv.range(), call.range());
            }
            // `"sep".join(parts)`, `"...{}".format(x)`: text built from the arguments.
            if matches!(name, "join" | "format") && is_text_literal_start(recv) {
                all = all.cleared(STRUCT);
                let leading_server_value = leading_text(recv)
                    .is_some_and(|f| f.starts_with("{}") || f.starts_with("{0}"))
                    && args.first().is_some_and(|a| a.is_clean());
                if name == "format" && (leading_text(recv).is_some_and(fixes_host) || leading_server_value) {
                    all = all.cleared(URL_FIXED);
                }
            }
        }
        all
    }

    fn types_view(&self) -> TypesView<'_> {
        TypesView(&self.types)
    }

    /// Checks the call against the sink models.
    fn call_sinks(
        &mut self,
        call: &'a ExprCall,
        qual: &str,
        method: Option<(&'a Expr, &'a str)>,
        recv_t: &Taint,
        args: &[Taint],
        kws: &[Taint],
    ) {
        let arg = |i: usize, kw: &str| -> Option<&Taint> {
            args.get(i).or_else(|| {
                call.arguments
                    .keywords
                    .iter()
                    .position(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == kw))
                    .map(|p| &kws[p])
            })
        };
        let mut hits: Vec<(Class, Taint, u32)> = Vec::new();
        for sink in models::SINKS {
            if !models::matches(sink.name, qual) {
                continue;
            }
            let mut need = 0;
            let value: Option<Taint> = match sink.arg {
                Arg::At(i, kw) => arg(i, kw).cloned(),
                Arg::Receiver => Some(recv_t.clone()),
                Arg::Any => Some(union_of(args.iter().chain(kws))),
            };
            let Some(mut value) = value else { continue };
            let keyword = |name: &str| {
                call.arguments
                    .keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
                    .map(|k| &k.value)
            };
            match sink.when {
                When::Always => {}
                When::Subprocess => {
                    let shell = keyword("shell").is_some_and(|v| !matches!(v, Expr::BooleanLiteral(b) if !b.value));
                    if !shell {
                        value = match call.arguments.args.first() {
                            Some(Expr::List(l)) => l.elts.first().map(|e| self.eval(e)).unwrap_or_default(),
                            Some(Expr::Tuple(l)) => l.elts.first().map(|e| self.eval(e)).unwrap_or_default(),
                            Some(e) => match access_path(e) {
                                Some(p) if self.rooted(&p) => self.read_path(&format!("{p}[0]")),
                                _ => value,
                            },
                            None => value,
                        };
                    }
                }
                When::HtmlUnlessTyped(kw) => {
                    let typed = keyword(kw)
                        .or_else(|| keyword("content_type"))
                        .or_else(|| (qual.starts_with("django.")).then(|| call.arguments.args.get(1)).flatten());
                    if let Some(Expr::StringLiteral(s)) = typed
                        && !s.value.to_str().contains("html")
                    {
                        continue;
                    }
                }
                When::HtmlIfTyped(kw) => {
                    let html = matches!(keyword(kw), Some(Expr::StringLiteral(s)) if s.value.to_str().contains("html"));
                    if !html {
                        continue;
                    }
                    if kw == "content_type" {
                        // aiohttp: the text or body keyword.
                        let mut t = Taint::default();
                        for name in ["text", "body"] {
                            if let Some(p) = call
                                .arguments
                                .keywords
                                .iter()
                                .position(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
                            {
                                t.union(&kws[p]);
                            }
                        }
                        value = t;
                    }
                }
                When::YamlUnsafe => {
                    let loader = keyword("Loader").or_else(|| call.arguments.args.get(1));
                    if let Some(l) = loader {
                        let name = self.module().imports.qualified_call_name(l);
                        let last = name.rsplit('.').next().unwrap_or("");
                        if matches!(last, "SafeLoader" | "CSafeLoader" | "BaseLoader") {
                            continue;
                        }
                    }
                }
                When::LxmlParser => {
                    if let Some(parser) = keyword("parser").or_else(|| call.arguments.args.get(1)) {
                        let safe = matches!(self.recv_type(parser), Some(Type::SafeXmlParser));
                        if safe {
                            continue;
                        }
                    }
                }
                When::Extra => {
                    let mut t = Taint::default();
                    for (k, kt) in call.arguments.keywords.iter().zip(kws) {
                        if k.arg
                            .as_ref()
                            .is_some_and(|a| matches!(a.as_str(), "where" | "select" | "tables" | "order_by"))
                        {
                            t.union(kt);
                        }
                    }
                    value = t;
                }
                When::Mongo => {
                    if !models::MONGO_LIBS.iter().any(|l| self.module().imports.imported_like(l)) {
                        continue;
                    }
                    // A `$where` value is code whatever its type; any other
                    // value must be able to hold an operator document.
                    let filter = call.arguments.args.first();
                    let where_t = match filter {
                        Some(Expr::Dict(d)) => d
                            .items
                            .iter()
                            .find(|i| i.key.as_ref().and_then(str_lit) == Some("$where"))
                            .map(|i| self.eval(&i.value)),
                        // Only a `$where` key this function stored: a parameter's
                        // keys are not known here.
                        Some(e) => access_path(e).and_then(|p| self.state.get(&format!("{p}['$where']")).cloned()),
                        None => None,
                    };
                    if let Some(w) = where_t
                        && !w.is_clean()
                    {
                        hits.push((sink.class, w, 0));
                    }
                    need = STRUCT;
                }
                When::Imports(lib) => {
                    if !self.module().imports.imported_module(lib) {
                        continue;
                    }
                }
                When::ReceiverLike(words) => {
                    let recv = method.map(|(r, _)| self.module().imports.qualified_call_name(r).to_ascii_lowercase());
                    if !recv.is_some_and(|r| words.iter().any(|w| r.contains(w))) {
                        continue;
                    }
                }
            }
            hits.push((sink.class, value, need));
        }
        // A template that prints a context variable unescaped (`{{ bio|safe }}`).
        self.template_context(call, qual, kws, &mut hits);
        // Headers given to a response constructor: `Response(..., headers={...})`.
        let last = qual.rsplit('.').next().unwrap_or("");
        if (last.ends_with("Response") || last == "make_response")
            && let Some(p) =
                call.arguments.keywords.iter().position(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "headers"))
        {
            hits.push((Class::Header, kws[p].clone(), 0));
        }
        // `self.wfile.write(page)` in an `http.server` handler that did not
        // declare a non-HTML type.
        if let Some((recv, "write")) = method
            && self.index.funcs[self.func].handler
            && matches!(recv, Expr::Attribute(a) if a.attr.as_str() == "wfile")
            && !self.non_html
            && let Some(t) = args.first()
        {
            hits.push((Class::Xss, t.clone(), 0));
        }
        if let Some((_, "send_header")) = method
            && call.arguments.args.first().and_then(str_lit).is_some_and(|h| h.eq_ignore_ascii_case("content-type"))
            && call.arguments.args.get(1).and_then(str_lit).is_some_and(|v| !v.contains("html"))
        {
            self.non_html = true;
        }
        // `session.update(...)` on the Flask or Django session.
        if let Some((recv, "update" | "setdefault")) = method
            && self.is_session(recv)
        {
            hits.push((Class::Session, union_of(args.iter().chain(kws)), 0));
        }
        // ldap3's `Connection.search(base, filter)` and python-ldap's `search(base, scope, filter)`.
        if let Some((_, "search")) = method
            && !qual.starts_with("re.")
            && !qual.starts_with("regex.")
            && (self.module().imports.imported_module("ldap") || self.module().imports.imported_module("ldap3"))
        {
            let (i, kw) =
                if self.module().imports.imported_module("ldap3") { (1, "search_filter") } else { (2, "filterstr") };
            if let Some(t) = arg(i, kw) {
                hits.push((Class::Ldap, t.clone(), 0));
            }
        }
        if let Some((recv, name)) = method {
            let recv_type = self.recv_type(recv);
            match recv_type {
                Some(Type::Lib(ty)) if models::HTTP_CLIENTS.contains(&ty.as_str()) => {
                    if let Some(&(_, i)) = models::HTTP_CLIENT_METHODS.iter().find(|(m, _)| *m == name)
                        && let Some(t) = arg(i, "url")
                    {
                        hits.push((Class::Ssrf, t.clone(), 0));
                    }
                }
                Some(Type::UnsafeSax) if name == "parse" => {
                    if let Some(t) = args.first() {
                        hits.push((Class::Xxe, t.clone(), 0));
                    }
                }
                _ => {}
            }
            if name == "setFeature"
                && call.arguments.args.first().is_some_and(|f| self.qual(f).ends_with("feature_external_ges"))
                && matches!(call.arguments.args.get(1), Some(Expr::BooleanLiteral(b)) if b.value)
                && let Some(p) = access_path(recv)
            {
                self.types.insert(p, Type::UnsafeSax);
            }
            // Methods of a path object built from client data.
            if models::PATH_METHODS.contains(&name) {
                let is_path = match recv {
                    Expr::BinOp(b) => b.op == Operator::Div,
                    Expr::Call(c) => models::PATH_TYPES.contains(&self.qual(&c.func).as_str()),
                    _ => access_path(recv).is_some_and(|p| {
                        matches!(self.types.get(&p), Some(Type::Lib(t)) if models::PATH_TYPES.contains(&t.as_str()))
                    }),
                };
                if is_path {
                    hits.push((Class::Path, recv_t.clone(), 0));
                }
            }
        }
        for (class, t, need) in hits {
            self.sink_hit(class, &t, call.range(), need);
        }
    }

    /// `render_template("page.html", bio=...)`, `render(request, "page.html", {"bio": ...})`:
    /// the context variables the template prints unescaped are HTML sinks.
    fn template_context(&mut self, call: &'a ExprCall, qual: &str, kws: &[Taint], hits: &mut Vec<(Class, Taint, u32)>) {
        let keyword =
            |n: &str| call.arguments.keywords.iter().position(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == n));
        // `env.get_template("page.html").render(bio=...)` (Jinja2) or `.render({...})`.
        let loaded = match &*call.func {
            Expr::Attribute(a) if a.attr.as_str() == "render" => match &*a.value {
                Expr::Call(c) if matches!(&*c.func, Expr::Attribute(g) if g.attr.as_str() == "get_template") => {
                    c.arguments.args.first().and_then(str_lit)
                }
                _ => None,
            },
            _ => None,
        };
        let (name, context_at) = match (qual, loaded) {
            (_, Some(name)) => (Some(name), if call.arguments.args.is_empty() { None } else { Some((0, "context")) }),
            ("flask.render_template", _) => (call.arguments.args.first().and_then(str_lit), None),
            ("django.shortcuts.render" | "django.template.response.TemplateResponse", _) => {
                (call.arguments.args.get(1).and_then(str_lit), Some((2, "context")))
            }
            ("django.template.loader.render_to_string", _) => {
                (call.arguments.args.first().and_then(str_lit), Some((1, "context")))
            }
            _ => return,
        };
        let name =
            name.or_else(|| keyword("template_name").map(|p| &call.arguments.keywords[p].value).and_then(str_lit));
        let Some(vars) = name.and_then(|n| self.project.unescaped_vars(self.module, n)) else { return };
        if vars.is_empty() {
            return;
        }
        let mut t = Taint::default();
        match context_at {
            // Flask: the keywords are the context; `**ctx` passes a whole dict.
            None => {
                for (k, kt) in call.arguments.keywords.iter().zip(kws) {
                    match &k.arg {
                        Some(a) if vars.iter().any(|v| v == a.as_str()) => t.union(kt),
                        None => t.union(kt),
                        _ => {}
                    }
                }
            }
            Some((i, kw)) => {
                let context =
                    call.arguments.args.get(i).or_else(|| keyword(kw).map(|p| &call.arguments.keywords[p].value));
                match context {
                    Some(Expr::Dict(d)) => {
                        for item in &d.items {
                            match item.key.as_ref().and_then(str_lit) {
                                Some(k) if !vars.iter().any(|v| v == k) => {}
                                _ => t.union(&self.eval(&item.value)),
                            }
                        }
                    }
                    Some(e) => match access_path(e) {
                        Some(p) if self.rooted(&p) => {
                            for v in vars.iter() {
                                t.union(&self.read_whole(&format!("{p}['{v}']")));
                            }
                        }
                        _ => t = self.eval(e),
                    },
                    None => {}
                }
            }
        }
        if !t.is_clean() {
            hits.push((Class::Xss, t, 0));
        }
    }

    /// A Flask view returns its response body: text built from client data
    /// is HTML.
    fn flask_return(&mut self, value: &'a Expr, t: &Taint) {
        let body = match value {
            Expr::Tuple(tu) => match tu.elts.first() {
                Some(b) => b,
                None => return,
            },
            v => v,
        };
        let texty = match body {
            Expr::FString(_) | Expr::BinOp(_) => true,
            Expr::Dict(_) | Expr::List(_) => false,
            Expr::Call(c) => {
                let qual = self.qual(&c.func);
                let last = qual.rsplit('.').next().unwrap_or("");
                !(last.ends_with("Response")
                    || last.ends_with("response")
                    || matches!(
                        last,
                        "redirect" | "jsonify" | "send_file" | "send_from_directory" | "abort" | "stream_with_context"
                    )
                    || self.recv_type(body).is_some())
            }
            Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => true,
            _ => false,
        };
        if !texty {
            return;
        }
        if let Some(p) = access_path(body)
            && matches!(self.types.get(&p), Some(Type::Lib(_)))
        {
            return;
        }
        let t = if matches!(body, Expr::Tuple(_)) { self.eval(body) } else { t.clone() };
        // A JSON body returned as is becomes a JSON response.
        let t = match body {
            Expr::Name(_) | Expr::Attribute(_) => Taint(t.0.into_iter().filter(|l| l.mask & STRUCT == 0).collect()),
            _ => t,
        };
        self.sink_hit(Class::Xss, &t, value.range(), 0);
    }

    /// Records the labels that reach a sink: a finding for sources, a
    /// summary entry for parameters.
    fn sink_hit(&mut self, class: Class, t: &Taint, range: TextRange, need: u32) {
        let need = need | class.bit();
        for l in &t.0 {
            if l.mask & need != need {
                continue;
            }
            let trace = l.trace.push(self.file, range, StepKind::Sink);
            match l.origin {
                Origin::Param(p, sub) => {
                    self.param_sink(ParamSink { param: (p, sub), class, mask: l.mask, need, trace });
                }
                Origin::Source { weak, .. } => self.project.report(Hit { class, weak, trace }),
            }
        }
    }

    /// Applies a callee's summary at a call: what its return value carries
    /// and which of the arguments reach its sinks. `args` and `kws` hold
    /// each argument's taint and expression (for key-sensitive parameters:
    /// a callee reading `record['list']` gets the caller's `record['list']`).
    #[allow(clippy::too_many_arguments)]
    fn apply_summary(
        &mut self,
        range: TextRange,
        callee: FuncId,
        bound: bool,
        summary: &Summary,
        recv: (&Taint, Option<&'a Expr>),
        args: &[(&Taint, Option<&'a Expr>)],
        kws: &[(&str, &Taint, &'a Expr)],
    ) -> Taint {
        let info = &self.index.funcs[callee];
        let mut by_param: Vec<Option<(&Taint, Option<&'a Expr>)>> = vec![None; info.params.len()];
        let offset = usize::from(bound);
        if bound && !by_param.is_empty() {
            by_param[0] = Some(recv);
        }
        for (i, a) in args.iter().enumerate() {
            if let Some(slot) = by_param.get_mut(i + offset) {
                *slot = Some(*a);
            }
        }
        for &(name, t, e) in kws {
            if let Some(i) = info.params.iter().position(|p| p.name == name) {
                by_param[i] = Some((t, Some(e)));
            }
        }
        let arg_taint = |this: &Self, param: u16, sub: u32| -> Option<Taint> {
            let (t, e) = (*by_param.get(param as usize)?)?;
            if sub != 0
                && let Some(e) = e
                && let Some(p) = access_path(e)
                && this.rooted(&p)
                && !this.sourced(e)
            {
                return Some(this.read_whole(&format!("{p}{}", this.project.subpath(sub))));
            }
            Some(t.clone())
        };
        let file = self.file;
        let here = |l: &Label| l.trace.push(file, range, StepKind::Call);
        let mut out = Taint::default();
        for l in &summary.ret.0 {
            match l.origin {
                Origin::Param(i, sub) => {
                    if let Some(arg) = arg_taint(self, i, sub) {
                        // Behind a parameter the caller fills with its own value:
                        // the URL's host is not the client's.
                        let fixed =
                            l.behind != NOT_BEHIND && arg_taint(self, l.behind, 0).is_some_and(|t| t.is_clean());
                        let clear = if fixed { URL_FIXED } else { 0 };
                        for a in &arg.0 {
                            out.add(Label {
                                origin: a.origin,
                                mask: a.mask & l.mask & !clear,
                                trace: here(a).concat(&l.trace),
                                behind: NOT_BEHIND,
                            });
                        }
                    }
                }
                Origin::Source { .. } => {
                    out.add(Label { origin: l.origin, mask: l.mask, trace: here(l), behind: NOT_BEHIND });
                }
            }
        }
        for ps in &summary.sinks {
            let Some(arg) = arg_taint(self, ps.param.0, ps.param.1) else { continue };
            for a in &arg.0 {
                let mask = a.mask & ps.mask;
                if mask & ps.need != ps.need {
                    continue;
                }
                let trace = here(a).concat(&ps.trace);
                match a.origin {
                    Origin::Param(p, sub) => {
                        self.param_sink(ParamSink { param: (p, sub), class: ps.class, mask, need: ps.need, trace })
                    }
                    Origin::Source { weak, .. } => self.project.report(Hit { class: ps.class, weak, trace }),
                }
            }
        }
        out
    }
}

/// Read-only view of a function's known types, for call resolution.
pub struct TypesView<'t>(&'t FxHashMap<String, Type>);

impl TypesView<'_> {
    /// The project class an access path holds an instance of.
    pub fn class_of(&self, path: &str) -> Option<usize> {
        match self.0.get(path) {
            Some(Type::Class(c)) => Some(*c),
            _ => None,
        }
    }
}

/// The union of several values' taints.
fn union_of<'t>(parts: impl IntoIterator<Item = &'t Taint>) -> Taint {
    let mut out = Taint::default();
    for t in parts {
        out.union(t);
    }
    out
}

/// Shows a source read as the whole expression that reads it
/// (`request.GET["q"]` rather than `request.GET`).
fn widen(mut t: Taint, inner: TextRange, outer: TextRange) -> Taint {
    for l in &mut t.0 {
        if l.trace.prev.is_none() && l.trace.kind == StepKind::Source && l.trace.range == inner {
            l.trace = Step::root(l.trace.file, outer, StepKind::Source);
        }
    }
    t
}

/// The access path of an expression: `x`, `x.attr`, `x['key']`, `x[0]`.
pub fn access_path(e: &Expr) -> Option<String> {
    match e {
        Expr::Name(n) => Some(n.id.to_string()),
        Expr::Attribute(a) => access_path(&a.value).map(|p| format!("{p}.{}", a.attr)),
        Expr::Subscript(s) => {
            let k = key_text(&s.slice)?;
            access_path(&s.value).map(|p| format!("{p}[{k}]"))
        }
        _ => None,
    }
}

/// A constant key as written in access paths.
fn key_text(e: &Expr) -> Option<String> {
    match e {
        Expr::StringLiteral(s) => Some(format!("'{}'", s.value.to_str())),
        Expr::NumberLiteral(n) => match &n.value {
            ruff_python_ast::Number::Int(i) => Some(i.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// The value stored at `path` or, failing that, at its nearest ancestor
/// (a key of a tainted dict is tainted), with the path it was found at.
fn nearest<'s, 'p>(state: &'s State, path: &'p str) -> Option<(&'p str, &'s Taint)> {
    let mut p = path;
    loop {
        if let Some(t) = state.get(p) {
            return Some((p, t));
        }
        p = parent(p)?;
    }
}

/// Whether `key` is stored under `path` (`x.a` or `x['k']` under `x`).
fn below(key: &str, path: &str) -> bool {
    key.len() > path.len() && key.starts_with(path) && matches!(key.as_bytes()[path.len()], b'.' | b'[')
}

/// The path one step up: `x.a` -> `x`, `x['k']` -> `x`.
fn parent(path: &str) -> Option<&str> {
    let cut = if path.ends_with(']') {
        // The opening bracket of the last key (keys contain no brackets we produce
        // other than quotes; find the last '[' outside a quoted key).
        let mut depth_quote = false;
        let mut pos = None;
        for (i, ch) in path.char_indices().rev() {
            match ch {
                '\'' => depth_quote = !depth_quote,
                '[' if !depth_quote => {
                    pos = Some(i);
                    break;
                }
                _ => {}
            }
        }
        pos?
    } else {
        path.rfind('.')?
    };
    Some(&path[..cut])
}

pub(super) fn is_literal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
    ) || matches!(e, Expr::UnaryOp(u) if matches!(*u.operand, Expr::NumberLiteral(_)))
}

fn str_lit(e: &Expr) -> Option<&str> {
    match e {
        Expr::StringLiteral(s) => Some(s.value.to_str()),
        _ => None,
    }
}

fn list_elts(e: &Expr) -> &[Expr] {
    match e {
        Expr::List(l) => &l.elts,
        Expr::Tuple(t) => &t.elts,
        _ => std::slice::from_ref(e),
    }
}

/// Whether an expression starts with literal text (so the result is text).
fn is_text_literal_start(e: &Expr) -> bool {
    match e {
        Expr::StringLiteral(_) | Expr::FString(_) => true,
        Expr::BinOp(b) => is_text_literal_start(&b.left),
        _ => false,
    }
}

/// The literal text an expression starts with.
fn leading_text(e: &Expr) -> Option<&str> {
    match e {
        Expr::StringLiteral(s) => Some(s.value.to_str()),
        Expr::BinOp(b) => leading_text(&b.left),
        _ => None,
    }
}

/// Whether a URL prefix fixes the scheme and host (`https://api.example.com/`)
/// or is a path on this site (`/profile/`).
pub fn fixes_host(prefix: &str) -> bool {
    if let Some(rest) = prefix.strip_prefix('/') {
        return rest.chars().next().is_some_and(|c| c != '/' && c != '\\');
    }
    let Some(colon) = prefix.find("://") else { return false };
    let scheme = &prefix[..colon];
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-')) {
        return false;
    }
    let rest = &prefix[colon + 3..];
    match rest.find(['/', '?', '#']) {
        Some(end) => end > 0 && !rest[..end].contains('@'),
        None => false,
    }
}

/// Whether a regular expression literal must match the whole subject.
fn anchored(pattern: &Expr, full: bool) -> bool {
    let Some(p) = str_lit(pattern) else {
        // A module-level compiled pattern or a constant name.
        return matches!(pattern, Expr::Name(_) | Expr::Attribute(_));
    };
    full || p.ends_with('$') || p.ends_with("\\Z") || p.ends_with("\\z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_fixed_by_prefixes() {
        assert!(fixes_host("https://api.example.com/users/"));
        assert!(fixes_host("https://api.example.com?q="));
        assert!(fixes_host("/profile/"));
        assert!(!fixes_host("//"));
        assert!(!fixes_host("/"));
        assert!(!fixes_host("https://"));
        assert!(!fixes_host("https://api.example.com"));
        assert!(!fixes_host("https://user@"));
        assert!(!fixes_host("http"));
    }

    #[test]
    fn parents_of_paths() {
        assert_eq!(parent("x.a"), Some("x"));
        assert_eq!(parent("x['k']"), Some("x"));
        assert_eq!(parent("x['a.b']"), Some("x"));
        assert_eq!(parent("x['k'].y"), Some("x['k']"));
        assert_eq!(parent("x"), None);
    }
}
