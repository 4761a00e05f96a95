//! Static evaluation of Django settings modules, without importing them.
//!
//! Each file that could be a settings module is summarised (in parallel, with
//! the other per-file work) into the ordered list of what it does at module
//! level: assignments, in-place changes of lists, and `from x import *`.
//! The project phase then replays those events, following star imports, into
//! the final value of every setting, remembering where each was last set and
//! whether an environment variable's default decided it.

use std::sync::LazyLock;

use regex::Regex;
use ruff_python_ast::{Expr, Number, Operator, Stmt};
use ruff_text_size::Ranged;
use rustc_hash::FxHashMap;

use crate::python::PyFile;
use crate::python::suppress::Suppressions;

/// A Python value as far as static evaluation can tell.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    /// A list, tuple or set.
    Seq(Vec<Val>),
    Dict(Vec<(Val, Val)>),
    /// A dotted name that is not a setting (`CSP.NONCE`).
    Attr(String),
    /// A reference to a name assigned earlier (resolved at replay).
    Ref(String),
    /// `a + b`, resolved at replay.
    Add(Box<Val>, Box<Val>),
    /// An environment variable with a default: the default is what an
    /// unconfigured deployment gets. `typed` is false when a set variable is
    /// always a string (`os.environ.get`), true when it is converted (so it
    /// can become any value of its type).
    Env {
        var: String,
        default: Box<Val>,
        typed: bool,
    },
    /// Not statically known.
    Unknown,
}

impl Val {
    /// Python truthiness, when known.
    pub fn truthy(&self) -> Option<bool> {
        match self {
            Val::Str(s) => Some(!s.is_empty()),
            Val::Int(i) => Some(*i != 0),
            Val::Float(f) => Some(*f != 0.0),
            Val::Bool(b) => Some(*b),
            Val::None => Some(false),
            Val::Seq(v) => Some(!v.is_empty()),
            Val::Dict(d) => Some(!d.is_empty()),
            Val::Attr(_) => Some(true),
            _ => None,
        }
    }

    /// `value is True`, when known.
    pub fn is_true(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::Unknown | Val::Ref(_) | Val::Add(..) | Val::Env { .. } => None,
            _ => Some(false),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Python's `needle in self`: exact membership in a sequence, a
    /// substring test in a string; unknown for anything else (where Django's
    /// check would raise).
    pub fn contains_str(&self, needle: &str) -> Option<bool> {
        match self {
            Val::Seq(items) => {
                if items.iter().any(|i| i.as_str() == Some(needle)) {
                    Some(true)
                } else if items.iter().any(|i| matches!(i, Val::Unknown)) {
                    None
                } else {
                    Some(false)
                }
            }
            Val::Str(s) => Some(s.contains(needle)),
            _ => None,
        }
    }

    pub fn python_repr(&self) -> String {
        match self {
            Val::Str(s) => format!("{s:?}"),
            Val::Int(i) => i.to_string(),
            Val::Float(f) => f.to_string(),
            Val::Bool(true) => "True".into(),
            Val::Bool(false) => "False".into(),
            Val::None => "None".into(),
            Val::Seq(items) => format!("[{}]", items.iter().map(Val::python_repr).collect::<Vec<_>>().join(", ")),
            Val::Dict(_) => "{...}".into(),
            Val::Attr(a) => a.clone(),
            _ => "?".into(),
        }
    }
}

/// One module-level action of a settings module, in source order.
#[derive(Debug, Clone)]
pub enum Event {
    Assign { name: String, value: Val, line: usize },
    Append { name: String, value: Val, line: usize },
    Extend { name: String, value: Val, line: usize },
    Insert { name: String, index: i64, value: Val, line: usize },
    Remove { name: String, value: Val, line: usize },
    StarImport { module: String, line: usize },
}

/// What a file contributes to the Django settings picture.
#[derive(Debug, Clone)]
pub struct ModuleSummary {
    pub path: String,
    /// Dotted module name from the path (`mysite/settings/base.py` -> `mysite.settings.base`).
    pub module: String,
    pub events: Vec<Event>,
    /// Whether the module itself assigns a setting only Django settings have.
    pub django_evidence: bool,
    /// `DJANGO_SETTINGS_MODULE` values it sets (manage.py, wsgi.py, asgi.py).
    pub settings_module_refs: Vec<String>,
    /// Whether the file is a wsgi.py/asgi.py (preferred over manage.py).
    pub is_server_entry: bool,
    pub lines: Vec<String>,
    pub suppressions: Suppressions,
}

const DJANGO_ONLY: &[&str] =
    &["INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "WSGI_APPLICATION", "ASGI_APPLICATION", "MIDDLEWARE_CLASSES"];

static SETTINGS_MODULE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"DJANGO_SETTINGS_MODULE["']\s*,\s*["']([\w.]+)["']"#).expect("static regex"));

fn module_name(path: &str) -> String {
    let path = path.trim_start_matches("./").trim_end_matches(".py");
    let path = path.strip_suffix("/__init__").unwrap_or(path);
    path.replace(['/', '\\'], ".")
}

/// Summarises a parsed file, when it may matter for Django settings.
pub fn summarize(file: &PyFile, path: &str) -> Option<ModuleSummary> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let settings_module_refs: Vec<String> = if matches!(name, "manage.py" | "wsgi.py" | "asgi.py") {
        SETTINGS_MODULE_REF.captures_iter(&file.text).map(|c| c[1].to_owned()).collect()
    } else {
        Vec::new()
    };
    let module = module_name(path);
    let mut events = Vec::new();
    let mut django_evidence = false;
    for stmt in &file.parsed.syntax().body {
        let line = file.lines.line(stmt.range().start().to_usize());
        match stmt {
            Stmt::Assign(a) => {
                let value = eval(&a.value);
                for target in &a.targets {
                    if let Expr::Name(n) = target {
                        django_evidence |= DJANGO_ONLY.contains(&n.id.as_str());
                        events.push(Event::Assign { name: n.id.to_string(), value: value.clone(), line });
                    }
                }
            }
            Stmt::AnnAssign(a) => {
                if let (Expr::Name(n), Some(v)) = (a.target.as_ref(), &a.value) {
                    django_evidence |= DJANGO_ONLY.contains(&n.id.as_str());
                    events.push(Event::Assign { name: n.id.to_string(), value: eval(v), line });
                }
            }
            Stmt::AugAssign(a) if a.op == Operator::Add => {
                if let Expr::Name(n) = a.target.as_ref() {
                    events.push(Event::Extend { name: n.id.to_string(), value: eval(&a.value), line });
                }
            }
            Stmt::Expr(e) => {
                if let Expr::Call(call) = e.value.as_ref()
                    && let Expr::Attribute(attr) = call.func.as_ref()
                    && let Expr::Name(target) = attr.value.as_ref()
                {
                    let name = target.id.to_string();
                    let args = &call.arguments.args;
                    let event = match (attr.attr.as_str(), args.as_ref()) {
                        ("append", [v]) => Some(Event::Append { name, value: eval(v), line }),
                        ("extend", [v]) => Some(Event::Extend { name, value: eval(v), line }),
                        ("remove", [v]) => Some(Event::Remove { name, value: eval(v), line }),
                        ("insert", [i, v]) => match eval(i) {
                            Val::Int(index) => Some(Event::Insert { name, index, value: eval(v), line }),
                            _ => Some(Event::Assign { name, value: Val::Unknown, line }),
                        },
                        _ => None,
                    };
                    events.extend(event);
                }
            }
            Stmt::ImportFrom(i) if i.names.iter().any(|a| a.name.as_str() == "*") => {
                let target = resolve_import(&module, i.level, i.module.as_ref().map(|m| m.as_str()));
                events.push(Event::StarImport { module: target, line });
            }
            _ => {}
        }
    }
    let has_star = events.iter().any(|e| matches!(e, Event::StarImport { .. }));
    if !django_evidence && !has_star && settings_module_refs.is_empty() {
        return None;
    }
    Some(ModuleSummary {
        path: path.to_owned(),
        module,
        events,
        django_evidence,
        settings_module_refs,
        is_server_entry: matches!(name, "wsgi.py" | "asgi.py"),
        lines: file.text.lines().map(str::to_owned).collect(),
        suppressions: file.suppressions.clone(),
    })
}

/// The dotted name a (possibly relative) import refers to.
fn resolve_import(module: &str, level: u32, target: Option<&str>) -> String {
    if level == 0 {
        return target.unwrap_or("").to_owned();
    }
    let mut parts: Vec<&str> = module.split('.').collect();
    for _ in 0..level {
        parts.pop();
    }
    if let Some(t) = target {
        parts.push(t);
    }
    parts.join(".")
}

/// The value of an expression, as far as it is known without running code.
pub fn eval(expr: &Expr) -> Val {
    match expr {
        Expr::StringLiteral(s) => Val::Str(s.value.to_str().to_owned()),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => i.as_i64().map_or(Val::Unknown, Val::Int),
            Number::Float(f) => Val::Float(*f),
            Number::Complex { .. } => Val::Unknown,
        },
        Expr::BooleanLiteral(b) => Val::Bool(b.value),
        Expr::NoneLiteral(_) => Val::None,
        Expr::List(l) => Val::Seq(l.elts.iter().map(eval).collect()),
        Expr::Tuple(t) => Val::Seq(t.elts.iter().map(eval).collect()),
        Expr::Set(s) => Val::Seq(s.elts.iter().map(eval).collect()),
        Expr::Dict(d) => Val::Dict(
            d.items.iter().map(|item| (item.key.as_ref().map_or(Val::Unknown, eval), eval(&item.value))).collect(),
        ),
        Expr::Name(n) => Val::Ref(n.id.to_string()),
        Expr::Attribute(_) => dotted(expr).map_or(Val::Unknown, Val::Attr),
        Expr::BinOp(b) if b.op == Operator::Add => Val::Add(Box::new(eval(&b.left)), Box::new(eval(&b.right))),
        Expr::BinOp(b) if b.op == Operator::Mult => repeat(eval(&b.left), eval(&b.right)),
        Expr::Call(call) => {
            env_read(call).or_else(|| conversion(call)).or_else(|| collection(call)).unwrap_or(Val::Unknown)
        }
        // `(x for x in [...])` / `[x for x in (...)]`: the iterable itself.
        Expr::Generator(g) => identity_comprehension(&g.elt, &g.generators),
        Expr::ListComp(g) => identity_comprehension(&g.elt, &g.generators),
        Expr::SetComp(g) => identity_comprehension(&g.elt, &g.generators),
        Expr::Compare(cmp) if cmp.ops.len() == 1 => compare(&cmp.left, cmp.ops[0], &cmp.comparators[0]),
        _ => Val::Unknown,
    }
}

/// `"abc" * 20`, `[x] * 3` (bounded).
fn repeat(value: Val, count: Val) -> Val {
    let (value, count) = match (value, count) {
        (Val::Int(n), v) | (v, Val::Int(n)) => (v, n),
        _ => return Val::Unknown,
    };
    let Ok(n) = usize::try_from(count.max(0)) else { return Val::Unknown };
    match value {
        Val::Str(text) if text.len().saturating_mul(n) <= 1 << 20 => Val::Str(text.repeat(n)),
        Val::Seq(items) if items.len().saturating_mul(n) <= 1 << 16 => {
            Val::Seq(std::iter::repeat_n(items, n).flatten().collect())
        }
        _ => Val::Unknown,
    }
}

/// `set()`, `frozenset([...])`, `list(...)`, `tuple(...)` of a known sequence.
fn collection(call: &ruff_python_ast::ExprCall) -> Option<Val> {
    let Expr::Name(n) = call.func.as_ref() else { return None };
    if !matches!(n.id.as_str(), "set" | "frozenset" | "list" | "tuple") || !call.arguments.keywords.is_empty() {
        return None;
    }
    match call.arguments.args.as_ref() {
        [] => Some(Val::Seq(Vec::new())),
        [arg] => match eval(arg) {
            Val::Seq(items) => Some(Val::Seq(items)),
            _ => Some(Val::Unknown),
        },
        _ => None,
    }
}

fn identity_comprehension(elt: &Expr, generators: &[ruff_python_ast::Comprehension]) -> Val {
    match (elt, generators) {
        (Expr::Name(e), [g])
            if g.ifs.is_empty() && !g.is_async && matches!(&g.target, Expr::Name(t) if t.id == e.id) =>
        {
            match eval(&g.iter) {
                Val::Seq(items) => Val::Seq(items),
                _ => Val::Unknown,
            }
        }
        _ => Val::Unknown,
    }
}

/// `bool(x)`, `int(x)`, `str(x)` and `x.lower()`/`x.upper()`/`x.strip()` of a
/// known or environment value, as Python computes them.
fn conversion(call: &ruff_python_ast::ExprCall) -> Option<Val> {
    let apply = |v: Val, f: &dyn Fn(Val) -> Val| match v {
        Val::Env { var, default, .. } => Val::Env { var, default: Box::new(f(*default)), typed: true },
        other => f(other),
    };
    match call.func.as_ref() {
        Expr::Name(n) if call.arguments.args.len() == 1 => {
            let arg = eval(&call.arguments.args[0]);
            match n.id.as_str() {
                "bool" => Some(apply(arg, &|v| v.truthy().map_or(Val::Unknown, Val::Bool))),
                "int" => Some(apply(arg, &|v| match v {
                    Val::Int(i) => Val::Int(i),
                    Val::Bool(b) => Val::Int(i64::from(b)),
                    Val::Str(s) => s.trim().parse().map_or(Val::Unknown, Val::Int),
                    _ => Val::Unknown,
                })),
                "str" => Some(apply(arg, &|v| match v {
                    Val::Str(s) => Val::Str(s),
                    Val::Int(i) => Val::Str(i.to_string()),
                    Val::Bool(b) => Val::Str(if b { "True".into() } else { "False".into() }),
                    _ => Val::Unknown,
                })),
                _ => None,
            }
        }
        Expr::Attribute(a)
            if call.arguments.args.is_empty() && matches!(a.attr.as_str(), "lower" | "upper" | "strip") =>
        {
            let method = a.attr.to_string();
            Some(apply(eval(&a.value), &move |v| match v {
                Val::Str(s) => Val::Str(match method.as_str() {
                    "lower" => s.to_lowercase(),
                    "upper" => s.to_uppercase(),
                    _ => s.trim().to_owned(),
                }),
                _ => Val::Unknown,
            }))
        }
        _ => None,
    }
}

/// `a == b`, `a != b`, `a in (...)` where one side may be an environment value.
fn compare(left: &Expr, op: ruff_python_ast::CmpOp, right: &Expr) -> Val {
    use ruff_python_ast::CmpOp;
    let (l, r) = (eval(left), eval(right));
    let (l, var) = match l {
        Val::Env { var, default, .. } => (*default, Some(var)),
        other => (other, None),
    };
    let known = |v: &Val| !matches!(v, Val::Unknown | Val::Ref(_) | Val::Add(..) | Val::Env { .. });
    if !known(&l) || !known(&r) {
        return Val::Unknown;
    }
    let result = match op {
        CmpOp::Eq => Val::Bool(l == r),
        CmpOp::NotEq => Val::Bool(l != r),
        CmpOp::In => match &r {
            Val::Seq(items) => Val::Bool(items.contains(&l)),
            Val::Str(s) => l.as_str().map_or(Val::Unknown, |x| Val::Bool(s.contains(x))),
            _ => Val::Unknown,
        },
        _ => Val::Unknown,
    };
    match var {
        Some(var) => Val::Env { var, default: Box::new(result), typed: true },
        None => result,
    }
}

fn dotted(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Name(n) => Some(n.id.to_string()),
        Expr::Attribute(a) => Some(format!("{}.{}", dotted(&a.value)?, a.attr)),
        _ => None,
    }
}

/// `os.environ.get("X", d)`, `os.getenv("X", d)`, `env("X", default=d)`,
/// `env.bool("X", default=d)`, `config("X", default=d, cast=bool)`.
fn env_read(call: &ruff_python_ast::ExprCall) -> Option<Val> {
    let func = dotted(&call.func)?;
    let args = &call.arguments.args;
    let var = match args.first() {
        Some(Expr::StringLiteral(s)) => s.value.to_str().to_owned(),
        _ => return None,
    };
    let kw = |name: &str| {
        call.arguments.keywords.iter().find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name)).map(|k| &k.value)
    };
    let default = match func.as_str() {
        "os.environ.get" | "os.getenv" | "environ.get" | "getenv" => args.get(1).or_else(|| kw("default")),
        "env" | "env.str" | "env.bool" | "env.int" | "env.list" | "config" | "decouple.config" => kw("default"),
        _ => return None,
    };
    let Some(default) = default else {
        // `os.environ.get("X")` is None when X is unset; django-environ and
        // decouple raise instead.
        return Some(if matches!(func.as_str(), "os.environ.get" | "os.getenv" | "environ.get" | "getenv") {
            Val::Env { var, default: Box::new(Val::None), typed: false }
        } else {
            Val::Unknown
        });
    };
    let mut value = eval(default);
    // `cast=bool` / `env.bool`: a string default is parsed the way they do.
    let casts_bool =
        func == "env.bool" || kw("cast").is_some_and(|c| matches!(c, Expr::Name(n) if n.id.as_str() == "bool"));
    if casts_bool && let Val::Str(s) = &value {
        value = Val::Bool(matches!(s.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "y" | "on" | "t"));
    }
    let typed = kw("cast").is_some() || matches!(func.as_str(), "env.bool" | "env.int" | "env.list");
    Some(Val::Env { var, default: Box::new(value), typed })
}

/// Where a setting got its final value.
#[derive(Debug, Clone)]
pub struct Origin {
    pub path: String,
    pub line: usize,
    /// The environment variable whose default decided the value, if any,
    /// and whether a set variable is converted (else it is always a string).
    pub env_var: Option<String>,
    pub env_typed: bool,
}

/// The evaluated settings of one audited module.
#[derive(Debug, Default)]
pub struct Settings {
    pub values: FxHashMap<String, (Val, Origin)>,
}

impl Settings {
    pub fn get(&self, name: &str) -> Option<&(Val, Origin)> {
        self.values.get(name)
    }
}

/// Replays a module's events (following star imports) into final values.
pub fn replay(root: &ModuleSummary, all: &[ModuleSummary]) -> Settings {
    let mut settings = Settings::default();
    let mut stack = Vec::new();
    apply(root, all, &mut settings, &mut stack);
    settings
}

fn find<'m>(module: &str, all: &'m [ModuleSummary]) -> Option<&'m ModuleSummary> {
    all.iter().find(|m| m.module == module || m.module.ends_with(&format!(".{module}")))
}

fn apply(m: &ModuleSummary, all: &[ModuleSummary], s: &mut Settings, stack: &mut Vec<String>) {
    if stack.contains(&m.module) || stack.len() > 32 {
        return;
    }
    stack.push(m.module.clone());
    for event in &m.events {
        match event {
            Event::StarImport { module, .. } => {
                if let Some(target) = find(module, all) {
                    apply(target, all, s, stack);
                }
            }
            Event::Assign { name, value, line } => {
                let (value, env) = resolve(value, s);
                let (env_var, env_typed) = env.map_or((None, false), |(v, t)| (Some(v), t));
                s.values
                    .insert(name.clone(), (value, Origin { path: m.path.clone(), line: *line, env_var, env_typed }));
            }
            Event::Append { name, value, line }
            | Event::Extend { name, value, line }
            | Event::Insert { name, value, line, .. }
            | Event::Remove { name, value, line } => {
                let (item, env) = resolve(value, s);
                let Some((current, origin)) = s.values.get_mut(name) else { continue };
                let updated = match (event, std::mem::replace(current, Val::Unknown)) {
                    (Event::Append { .. }, Val::Seq(mut items)) => {
                        items.push(item);
                        Val::Seq(items)
                    }
                    (Event::Extend { .. }, Val::Seq(mut items)) => match item {
                        Val::Seq(more) => {
                            items.extend(more);
                            Val::Seq(items)
                        }
                        _ => Val::Unknown,
                    },
                    (Event::Insert { index, .. }, Val::Seq(mut items)) => {
                        let len = items.len() as i64;
                        let at = if *index < 0 { (len + index).max(0) } else { (*index).min(len) };
                        items.insert(at as usize, item);
                        Val::Seq(items)
                    }
                    (Event::Remove { .. }, Val::Seq(mut items)) => match items.iter().position(|i| *i == item) {
                        Some(pos) => {
                            items.remove(pos);
                            Val::Seq(items)
                        }
                        // Python raises ValueError; the module would not load.
                        None => Val::Unknown,
                    },
                    _ => Val::Unknown,
                };
                *current = updated;
                let (env_var, env_typed) = match env {
                    Some((var, typed)) => (Some(var), typed),
                    None => (origin.env_var.take(), origin.env_typed),
                };
                *origin = Origin { path: m.path.clone(), line: *line, env_var, env_typed };
            }
        }
    }
    stack.pop();
}

/// Resolves references and concatenations against the settings so far.
fn resolve(value: &Val, s: &Settings) -> (Val, Option<(String, bool)>) {
    match value {
        Val::Ref(name) => match s.values.get(name) {
            Some((v, origin)) => (v.clone(), origin.env_var.clone().map(|var| (var, origin.env_typed))),
            None => (Val::Unknown, None),
        },
        Val::Add(a, b) => {
            let (a, ea) = resolve(a, s);
            let (b, eb) = resolve(b, s);
            let sum = match (a, b) {
                (Val::Seq(mut x), Val::Seq(y)) => {
                    x.extend(y);
                    Val::Seq(x)
                }
                (Val::Str(x), Val::Str(y)) => Val::Str(x + &y),
                _ => Val::Unknown,
            };
            (sum, ea.or(eb))
        }
        Val::Env { var, default, typed } => {
            let (v, _) = resolve(default, s);
            (v, Some((var.clone(), *typed)))
        }
        Val::Seq(items) => {
            let mut env = None;
            let items = items
                .iter()
                .map(|i| {
                    let (v, e) = resolve(i, s);
                    env = env.take().or(e);
                    v
                })
                .collect();
            (Val::Seq(items), env)
        }
        Val::Dict(items) => {
            let items = items.iter().map(|(k, v)| (resolve(k, s).0, resolve(v, s).0)).collect();
            (Val::Dict(items), None)
        }
        other => (other.clone(), None),
    }
}
