//! PY016 cookie-without-secure, PY017 cookie-without-httponly,
//! PY018 exception-details-exposed, PY019 exceptions-propagated,
//! PY021 mass-assignment-all-fields, PY022 mass-assignment-request-data,
//! PY025 pickle-serializer.

use ruff_python_ast::{Expr, Stmt, StmtClassDef, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};

use super::is_true;
use super::{any_data, arg, callee_name, is_request_attr, name_of};
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{High, Low, Medium};

const RESPONSES: &[&str] = &[
    "HttpResponse",
    "HttpResponseBadRequest",
    "HttpResponseServerError",
    "JsonResponse",
    "Response",
    "make_response",
    "jsonify",
    "HTMLResponse",
    "JSONResponse",
    "PlainTextResponse",
    "HTTPException",
    "abort",
    "json_response",
    "render_template_string",
];

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    let is_set_cookie = matches!(ctx.call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "set_cookie");
    let splat = ctx.call.arguments.keywords.iter().any(|k| k.arg.is_none());
    // `CookieJar.set_cookie(cookie)` takes a Cookie object: not a response cookie.
    let named = matches!(ctx.args().first(), Some(Expr::StringLiteral(_)))
        || ctx.kw_value("key").is_some()
        || ctx.args().len() >= 2
        || ctx.kw_value("value").is_some();
    if is_set_cookie && !splat && named {
        cookie(c, ctx, r);
    }
    if c.on_py(18) && RESPONSES.contains(&ctx.name()) && in_view_handler(c).is_some() {
        let exposes = ctx
            .args()
            .iter()
            .chain(ctx.call.arguments.keywords.iter().map(|k| &k.value))
            .any(|a| exposes_exception(c, a));
        if exposes {
            report_exposure(c, r);
        }
    }
    if c.on_py(19)
        && let Expr::Attribute(update) = ctx.call.func.as_ref()
        && update.attr.as_str() == "update"
        && matches!(update.value.as_ref(), Expr::Attribute(cfg) if cfg.attr.as_str() == "config")
        && ctx.kw_value("PROPAGATE_EXCEPTIONS").is_some_and(is_true)
    {
        report_propagation(c, r);
    }
    if c.on_py(22) && ctx.call.arguments.keywords.iter().any(|k| k.arg.is_none() && is_request_data(&k.value)) {
        c.report(
            "PY022",
            High,
            Medium,
            "Every field of the request is passed on as keyword arguments (mass assignment); pick the allowed fields or use a validated form/serializer.",
            r,
            r,
        );
    }
    if c.on_py(25)
        && ctx.qual.starts_with("itsdangerous.")
        && ctx.kw_value("serializer").and_then(name_of).is_some_and(|n| n.ends_with("pickle"))
    {
        report_pickle(c, r);
    }
}

fn cookie(c: &mut Checker, ctx: &CallCtx, r: TextRange) {
    let off = |kw: &str| match ctx.kw_value(kw) {
        None => true,
        Some(Expr::BooleanLiteral(b)) => !b.value,
        Some(_) => false,
    };
    if c.on_py(16) && off("secure") {
        let samesite_none = matches!(ctx.kw_value("samesite"), Some(Expr::StringLiteral(s)) if s.value.to_str().eq_ignore_ascii_case("none"));
        let text = if samesite_none {
            "A cookie with SameSite=None is set without `secure=True`; browsers reject it, and it would travel over plain HTTP."
        } else {
            "A cookie is set without `secure=True`, so it also travels over plain HTTP."
        };
        c.report("PY016", Medium, Medium, text, r, r);
    }
    if c.on_py(17)
        && let Some(Expr::StringLiteral(name)) = arg(ctx, 0, "key")
        && off("httponly")
    {
        let lower = name.value.to_str().to_ascii_lowercase();
        let session_like =
            ["session", "sess", "sid", "auth", "token", "jwt", "remember", "login"].iter().any(|w| lower.contains(w));
        if session_like && !lower.contains("csrf") {
            c.report(
                "PY017",
                Low,
                Medium,
                format!(
                    "Session-like cookie `{}` is readable by JavaScript; set `httponly=True`.",
                    name.value.to_str()
                ),
                r,
                r,
            );
        }
    }
}

/// A function that handles requests: a `request`/`req` parameter, or a route decorator.
fn is_view(def: &StmtFunctionDef) -> bool {
    let p = &def.parameters;
    let has_request = p
        .posonlyargs
        .iter()
        .chain(&p.args)
        .chain(&p.kwonlyargs)
        .any(|a| matches!(a.parameter.name.as_str(), "request" | "req"));
    has_request
        || def.decorator_list.iter().any(|d| {
            matches!(&d.expression, Expr::Call(call) if callee_name(call).is_some_and(|n| matches!(n, "route" | "get" | "post" | "put" | "patch" | "delete" | "api_route" | "websocket" | "api_view")))
        })
}

/// A function whose return value becomes the response (Flask, FastAPI):
/// decorated with a route.
fn is_routed(def: &StmtFunctionDef) -> bool {
    def.decorator_list.iter().any(|d| {
        matches!(&d.expression, Expr::Call(call) if callee_name(call).is_some_and(|n| matches!(n, "route" | "get" | "post" | "put" | "patch" | "delete" | "api_route" | "websocket")))
    })
}

/// The names bound by `except ... as NAME` that are in scope here, when the
/// innermost function is a view.
fn in_view_handler<'a>(c: &Checker<'a>) -> Option<Vec<&'a str>> {
    let depth = c.funcs.len();
    let def = c.funcs.last()?;
    let names: Vec<&str> = c.except_names.iter().filter(|(_, d)| *d == depth).map(|(n, _)| *n).collect();
    (!names.is_empty() && is_view(def)).then_some(names)
}

fn exposes_exception(c: &Checker, expr: &Expr) -> bool {
    let Some(names) = in_view_handler(c) else { return false };
    any_data(expr, |e| match e {
        Expr::Name(n) => names.contains(&n.id.as_str()),
        Expr::Attribute(a) => {
            a.attr.as_str() == "args" && matches!(a.value.as_ref(), Expr::Name(n) if names.contains(&n.id.as_str()))
        }
        Expr::Call(call) => matches!(
            c.imports.qualified_call_name(&call.func).as_str(),
            "traceback.format_exc" | "traceback.format_exception"
        ),
        _ => false,
    })
}

fn report_exposure(c: &mut Checker, r: TextRange) {
    c.report(
        "PY018",
        Medium,
        Medium,
        "Exception details are sent to the user; log them and return a generic error message.",
        r,
        r,
    );
}

fn report_propagation(c: &mut Checker, r: TextRange) {
    c.report(
        "PY019",
        Medium,
        Medium,
        "Exceptions are propagated instead of handled, which can show tracebacks to users; leave PROPAGATE_EXCEPTIONS off in production.",
        r,
        r,
    );
}

fn report_pickle(c: &mut Checker, r: TextRange) {
    c.report(
        "PY025",
        High,
        High,
        "Session or signed data is deserialised with pickle; anyone who obtains the signing key can run code. Use JSON.",
        r,
        r,
    );
}

/// `request.POST`, `request.POST.dict()`, `dict(request.POST)`, `request.get_json()`, `await request.json()`.
fn is_request_data(e: &Expr) -> bool {
    match e {
        _ if is_request_attr(e) => true,
        Expr::Await(a) => is_request_data(&a.value),
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(a) if matches!(a.attr.as_str(), "dict" | "to_dict") => is_request_attr(&a.value),
            Expr::Attribute(a) if matches!(a.attr.as_str(), "get_json" | "json") => {
                name_of(&a.value) == Some("request")
            }
            Expr::Name(n) if n.id.as_str() == "dict" => call.arguments.args.first().is_some_and(is_request_attr),
            _ => false,
        },
        _ => false,
    }
}

pub(super) fn stmt<'a>(c: &mut Checker<'a>, stmt: &'a Stmt) {
    let r = stmt.range();
    match stmt {
        Stmt::Return(ret) if c.on_py(18) && c.funcs.last().is_some_and(|f| is_routed(f)) => {
            if let Some(value) = &ret.value
                && exposes_exception(c, value)
            {
                report_exposure(c, r);
            }
        }
        Stmt::Assign(assign) => {
            let module_level = c.parents.is_empty();
            for target in &assign.targets {
                match target {
                    Expr::Name(n)
                        if c.on_py(19)
                            && module_level
                            && matches!(n.id.as_str(), "PROPAGATE_EXCEPTIONS" | "DEBUG_PROPAGATE_EXCEPTIONS")
                            && is_true(&assign.value) =>
                    {
                        report_propagation(c, r);
                    }
                    Expr::Subscript(s)
                        if c.on_py(19)
                            && matches!(s.value.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "config")
                            && matches!(s.slice.as_ref(), Expr::StringLiteral(k) if k.value.to_str() == "PROPAGATE_EXCEPTIONS")
                            && is_true(&assign.value) =>
                    {
                        report_propagation(c, r);
                    }
                    Expr::Name(n)
                        if c.on_py(25)
                            && module_level
                            && n.id.as_str() == "SESSION_SERIALIZER"
                            && matches!(assign.value.as_ref(), Expr::StringLiteral(s) if s.value.to_str().contains("PickleSerializer")) =>
                    {
                        report_pickle(c, r);
                    }
                    Expr::Attribute(a)
                        if c.on_py(25)
                            && a.attr.as_str() == "session_interface"
                            && matches!(assign.value.as_ref(), Expr::Call(call) if c.imports.qualified_call_name(&call.func).contains("Pickle")) =>
                    {
                        report_pickle(c, r);
                    }
                    _ => {}
                }
            }
        }
        Stmt::ClassDef(class) if c.on_py(21) => mass_assignment_meta(c, class),
        _ => {}
    }
}

const SENSITIVE_FIELDS: &[&str] =
    &["password", "is_staff", "is_superuser", "is_admin", "role", "permissions", "groups", "user_permissions"];

/// Whether a model named in `Meta.model` has sensitive fields: Django's User,
/// `get_user_model()`, or a class of this module that assigns one of them.
fn sensitive_model(c: &Checker, model: &Expr) -> bool {
    let name = match model {
        Expr::Name(n) => n.id.as_str(),
        Expr::Attribute(a) => a.attr.as_str(),
        Expr::Call(call) => return callee_name(call) == Some("get_user_model"),
        _ => return false,
    };
    if name == "User" {
        return true;
    }
    c.module.iter().any(|s| match s {
        Stmt::ClassDef(class) if class.name.as_str() == name => class.body.iter().any(|b| match b {
            Stmt::Assign(a) => {
                a.targets.iter().any(|t| matches!(t, Expr::Name(n) if SENSITIVE_FIELDS.contains(&n.id.as_str())))
            }
            Stmt::AnnAssign(a) => {
                matches!(a.target.as_ref(), Expr::Name(n) if SENSITIVE_FIELDS.contains(&n.id.as_str()))
            }
            _ => false,
        }),
        _ => false,
    })
}

/// PY021: `fields = "__all__"` (or a deny-list `exclude` on a sensitive model)
/// in the `Meta` of a ModelForm or ModelSerializer.
fn mass_assignment_meta(c: &mut Checker, class: &StmtClassDef) {
    let is_model_form = class.bases().iter().any(|b| {
        let last = match b {
            Expr::Name(n) => n.id.as_str(),
            Expr::Attribute(a) => a.attr.as_str(),
            _ => return false,
        };
        last.ends_with("ModelForm") || last.ends_with("ModelSerializer")
    });
    if !is_model_form {
        return;
    }
    let Some(meta) = class.body.iter().find_map(|s| match s {
        Stmt::ClassDef(m) if m.name.as_str() == "Meta" => Some(m),
        _ => None,
    }) else {
        return;
    };
    let model = meta.body.iter().find_map(|s| match s {
        Stmt::Assign(a) if matches!(a.targets.as_slice(), [Expr::Name(n)] if n.id.as_str() == "model") => {
            Some(a.value.as_ref())
        }
        _ => None,
    });
    for s in &meta.body {
        let Stmt::Assign(a) = s else { continue };
        let [Expr::Name(target)] = a.targets.as_slice() else { continue };
        let r = s.range();
        match target.id.as_str() {
            "fields" if matches!(a.value.as_ref(), Expr::StringLiteral(v) if v.value.to_str() == "__all__") => {
                c.report(
                    "PY021",
                    Medium,
                    Medium,
                    "`fields = \"__all__\"` binds every model field to user input, including ones added later; list the fields.",
                    r,
                    r,
                );
            }
            "exclude" if model.is_some_and(|m| sensitive_model(c, m)) => {
                c.report(
                    "PY021",
                    Low,
                    Medium,
                    "`exclude` is a deny-list on a model with sensitive fields; list the allowed `fields` instead.",
                    r,
                    r,
                );
            }
            _ => {}
        }
    }
}
