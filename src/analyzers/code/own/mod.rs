//! pyward's own code rules (`PY001`..`PY025`): the practices Bandit does not
//! cover, judged in context. One file per family:
//!
//! - `passwords.rs`: PY001-PY005 password hashing, storage and comparison
//! - `crypto.rs`: PY006-PY011 keys, IVs, salts, cipher modes, padding, key sizes
//! - `tokens.rs`: PY012-PY015 random tokens and JWTs
//! - `web.rs`: PY016-PY019, PY021, PY022, PY025 cookies, error leaks, mass assignment, sessions
//! - `logs.rs`: PY020 secrets written to logs
//! - `redos.rs`: PY023 catastrophic backtracking
//! - `tls.rs`: PY024 TLS verification switched off
//! - `django.rs`: DJ113 csrf_exempt views, DJ114 the admin at `admin/`
//! - `flask.rs`, `fastapi.rs`: FL001-FL010 and FA001-FA005, app configuration in code
//! - `uploads.rs`: UP003, UP004, UP006-UP010 uploaded files: where they are stored and
//!   served, archives, Cloudinary, image bombs, S3 ACLs and presigned URLs
//! - `upload_views.rs`: UP001, UP002, UP005 upload views followed statement by statement:
//!   the client's file name into a path, no type check, whole reads

mod crypto;
mod django;
mod fastapi;
mod flask;
mod logs;
mod passwords;
mod redos;
mod tls;
mod tokens;
mod upload_views;
mod uploads;
mod web;

use std::sync::LazyLock;

use regex::Regex;
use ruff_python_ast::{Expr, ExprCompare, InterpolatedStringElement, Stmt};

use super::{CallCtx, Checker};

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    passwords::call(c, ctx);
    crypto::call(c, ctx);
    tokens::call(c, ctx);
    web::call(c, ctx);
    logs::call(c, ctx);
    redos::call(c, ctx);
    tls::call(c, ctx);
    django::call(c, ctx);
    uploads::call(c, ctx);
    if !c.web_rules.is_empty() {
        flask::call(c, ctx);
        fastapi::call(c, ctx);
    }
}

/// What a file does with Flask and FastAPI apps, gathered during the walk
/// for the rules that judge the whole file.
#[derive(Debug, Default)]
pub struct WebFacts {
    pub flask_apps: Vec<ruff_text_size::TextRange>,
    pub fastapi_apps: Vec<ruff_text_size::TextRange>,
    pub config_keys: Vec<String>,
    pub loads_config: bool,
    pub handles_forms: bool,
    pub csrf_protect: bool,
    pub talisman: bool,
    pub reads_files: bool,
    pub trusted_host: bool,
    pub https_redirect: bool,
}

/// File-level rules, after the walk.
pub(super) fn finish(c: &mut Checker) {
    if !c.web_rules.is_empty() {
        flask::finish(c);
        fastapi::finish(c);
    }
}

pub(super) fn stmt<'a>(c: &mut Checker<'a>, stmt: &'a Stmt) {
    passwords::stmt(c, stmt);
    tokens::stmt(c, stmt);
    web::stmt(c, stmt);
    tls::stmt(c, stmt);
    django::stmt(c, stmt);
    uploads::stmt(c, stmt);
    if !c.web_rules.is_empty() {
        flask::stmt(c, stmt);
    }
}

pub(super) fn attribute(c: &mut Checker, attr: &ruff_python_ast::ExprAttribute) {
    flask::attribute(c, attr);
}

pub(super) fn compare(c: &mut Checker, cmp: &ExprCompare) {
    passwords::compare(c, cmp);
}

/// Compiles a word regex: `word` as a whole `_`-separated word of a name.
fn words(alternatives: &str) -> Regex {
    Regex::new(&format!("(?i)(^|_)({alternatives})(_|$)")).expect("static regex")
}

/// Words that make a password-looking name mean something else (`password_hash`).
const NOT_PASSWORD: &[&str] = &[
    "hash",
    "digest",
    "token",
    "reset",
    "salt",
    "length",
    "field",
    "label",
    "prompt",
    "validator",
    "policy",
    "url",
    "file",
    "path",
    "change",
    "form",
    "confirm",
];

pub(super) static PASSWORD: LazyLock<Regex> = LazyLock::new(|| words("password|passwd|pwd|passphrase|pass_phrase"));

/// A name that says "password" (and not "password hash", "password field", ...).
pub(super) fn is_password_name(name: &str) -> bool {
    PASSWORD.is_match(name) && {
        let lower = name.to_ascii_lowercase();
        !NOT_PASSWORD.iter().any(|w| lower.contains(w))
    }
}

/// The name an expression is known by: a Name's id, an Attribute's attribute,
/// a Subscript's string key, or the string argument of `.get("...")`.
pub(super) fn name_of(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Attribute(a) => Some(a.attr.as_str()),
        Expr::Subscript(s) => match s.slice.as_ref() {
            Expr::StringLiteral(k) => Some(k.value.to_str()),
            _ => None,
        },
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(a) if a.attr.as_str() == "get" => match call.arguments.args.first() {
                Some(Expr::StringLiteral(k)) => Some(k.value.to_str()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The last segment of a call's callee (`models.CharField` -> `CharField`).
pub(super) fn callee_name(call: &ruff_python_ast::ExprCall) -> Option<&str> {
    match call.func.as_ref() {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Attribute(a) => Some(a.attr.as_str()),
        _ => None,
    }
}

/// The sub-expressions of an expression, for walks that must not recurse.
pub(super) fn children(expr: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    match expr {
        Expr::BinOp(b) => out.extend([b.left.as_ref(), b.right.as_ref()]),
        Expr::BoolOp(b) => out.extend(b.values.iter()),
        Expr::UnaryOp(u) => out.push(&u.operand),
        Expr::Call(call) => {
            out.push(&call.func);
            out.extend(call.arguments.args.iter());
            out.extend(call.arguments.keywords.iter().map(|k| &k.value));
        }
        Expr::Attribute(a) => out.push(&a.value),
        Expr::Subscript(s) => out.extend([s.value.as_ref(), s.slice.as_ref()]),
        Expr::List(l) => out.extend(l.elts.iter()),
        Expr::Tuple(t) => out.extend(t.elts.iter()),
        Expr::Set(s) => out.extend(s.elts.iter()),
        Expr::Dict(d) => {
            for item in &d.items {
                out.extend(item.key.iter());
                out.push(&item.value);
            }
        }
        Expr::FString(f) => out.extend(interpolations(f)),
        Expr::ListComp(l) => {
            out.push(&l.elt);
            out.extend(l.generators.iter().flat_map(|g| std::iter::once(&g.iter).chain(g.ifs.iter())));
        }
        Expr::SetComp(l) => {
            out.push(&l.elt);
            out.extend(l.generators.iter().flat_map(|g| std::iter::once(&g.iter).chain(g.ifs.iter())));
        }
        Expr::Generator(l) => {
            out.push(&l.elt);
            out.extend(l.generators.iter().flat_map(|g| std::iter::once(&g.iter).chain(g.ifs.iter())));
        }
        Expr::DictComp(l) => {
            out.extend(l.key.as_deref());
            out.push(&l.value);
            out.extend(l.generators.iter().flat_map(|g| std::iter::once(&g.iter).chain(g.ifs.iter())));
        }
        Expr::If(i) => out.extend([i.test.as_ref(), i.body.as_ref(), i.orelse.as_ref()]),
        Expr::Await(a) => out.push(&a.value),
        Expr::Starred(s) => out.push(&s.value),
        Expr::Compare(cmp) => {
            out.push(&cmp.left);
            out.extend(cmp.comparators.iter());
        }
        Expr::Named(n) => out.push(&n.value),
        _ => {}
    }
    out
}

/// The expressions interpolated in an f-string (format specs included).
fn interpolations(f: &ruff_python_ast::ExprFString) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut pending: Vec<&InterpolatedStringElement> = Vec::new();
    for part in f.value.iter() {
        if let ruff_python_ast::FStringPart::FString(fs) = part {
            pending.extend(fs.elements.iter());
        }
    }
    while let Some(element) = pending.pop() {
        if let InterpolatedStringElement::Interpolation(i) = element {
            out.push(i.expression.as_ref());
            if let Some(spec) = &i.format_spec {
                pending.extend(spec.elements.iter());
            }
        }
    }
    out
}

/// Walks every sub-expression (into calls too); stops at the first `found`.
pub(super) fn any_deep<'e>(expr: &'e Expr, mut found: impl FnMut(&'e Expr) -> bool) -> bool {
    let mut stack = vec![expr];
    let mut budget = 10_000;
    while let Some(e) = stack.pop() {
        if found(e) {
            return true;
        }
        budget -= 1;
        if budget == 0 {
            return false;
        }
        stack.extend(children(e));
    }
    false
}

/// Walks the data an expression carries: through `+`, `%`, f-strings,
/// `.format(...)`, `.join(...)`, `.encode()`/`.decode()`, `str()`/`repr()`/`bytes()`,
/// and container literals, but not into other calls (`len(password)` is not
/// the password).
pub(super) fn any_data<'e>(expr: &'e Expr, mut found: impl FnMut(&'e Expr) -> bool) -> bool {
    let mut stack = vec![expr];
    let mut budget = 10_000;
    while let Some(e) = stack.pop() {
        if found(e) {
            return true;
        }
        budget -= 1;
        if budget == 0 {
            return false;
        }
        match e {
            Expr::Call(call) => {
                let passes = match call.func.as_ref() {
                    Expr::Attribute(a) => {
                        if matches!(a.attr.as_str(), "format" | "encode" | "decode" | "join" | "strip") {
                            stack.push(&a.value);
                            true
                        } else {
                            false
                        }
                    }
                    Expr::Name(n) => matches!(n.id.as_str(), "str" | "repr" | "bytes" | "bytearray"),
                    _ => false,
                };
                if passes {
                    stack.extend(call.arguments.args.iter());
                    stack.extend(call.arguments.keywords.iter().map(|k| &k.value));
                }
            }
            Expr::BinOp(_)
            | Expr::FString(_)
            | Expr::List(_)
            | Expr::Tuple(_)
            | Expr::Set(_)
            | Expr::Dict(_)
            | Expr::Starred(_)
            | Expr::If(_)
            | Expr::Await(_) => stack.extend(children(e)),
            _ => {}
        }
    }
    false
}

/// An integer literal, or `A**B` / `A*B` of integer literals.
pub(super) fn int_value(expr: &Expr) -> Option<i64> {
    match expr {
        Expr::NumberLiteral(n) => match &n.value {
            ruff_python_ast::Number::Int(i) => i.as_i64(),
            _ => None,
        },
        Expr::BinOp(b) => {
            let (l, r) = (int_value(&b.left)?, int_value(&b.right)?);
            match b.op {
                ruff_python_ast::Operator::Pow => u32::try_from(r).ok().and_then(|r| l.checked_pow(r)),
                ruff_python_ast::Operator::Mult => l.checked_mul(r),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The `n`th positional argument, else the keyword `kw`.
pub(super) fn arg<'e>(ctx: &CallCtx<'e>, n: usize, kw: &str) -> Option<&'e Expr> {
    ctx.args().get(n).or_else(|| ctx.kw_value(kw))
}

/// Request data in Django, DRF, Flask or Starlette: `request.POST`, ... (also
/// through `self.request`).
pub(super) fn is_request_attr(expr: &Expr) -> bool {
    const DATA: &[&str] = &["POST", "GET", "data", "json", "form", "args", "values", "query_params"];
    matches!(expr, Expr::Attribute(a) if DATA.contains(&a.attr.as_str()) && name_of(&a.value) == Some("request"))
}

/// The literal `True`.
pub(super) fn is_true(e: &Expr) -> bool {
    matches!(e, Expr::BooleanLiteral(b) if b.value)
}

/// The literal `False`.
pub(super) fn is_false(e: &Expr) -> bool {
    matches!(e, Expr::BooleanLiteral(b) if !b.value)
}

/// `"*"`, or a list or tuple literal holding `"*"` (an allow-everything list).
pub(super) fn lists_star(e: &Expr) -> bool {
    let star = |x: &Expr| matches!(x, Expr::StringLiteral(s) if s.value.to_str() == "*");
    match e {
        Expr::List(l) => l.elts.iter().any(star),
        Expr::Tuple(t) => t.elts.iter().any(star),
        other => star(other),
    }
}

/// Any literal constant (str, bytes, number, bool, None, ...).
pub(super) fn is_constant(expr: &Expr) -> bool {
    expr.is_literal_expr()
}
