//! FL001-FL010: Flask app configuration in code.

use ruff_python_ast::{Expr, ExprAttribute, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{any_data, any_deep, name_of};
use super::{is_false, is_true, lists_star};
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{High, Low, Medium};

const LOADERS: &[&str] =
    &["from_object", "from_pyfile", "from_envvar", "from_mapping", "from_prefixed_env", "from_file"];
const REQUEST_DATA: &[&str] = &["args", "form", "values", "json", "files", "view_args", "cookies", "headers", "data"];

fn on(c: &Checker, id: &str) -> bool {
    c.web_rules.contains(id)
}

/// `<x>.config`
fn is_config(e: &Expr) -> bool {
    matches!(e, Expr::Attribute(a) if a.attr.as_str() == "config")
}

/// A write of a Flask config key (or the `debug`/`secret_key` attributes).
/// Only in files that import Flask: `self.debug = True` elsewhere is not an app.
fn config_write(c: &mut Checker, key: &str, value: &Expr, range: TextRange) {
    if !c.imports.imported_like("flask") {
        return;
    }
    c.web.config_keys.push(key.to_owned());
    match key {
        "DEBUG" if on(c, "FL001") && is_true(value) => c.report(
            "FL001",
            High,
            High,
            "Flask's DEBUG is switched on in code; the Werkzeug debugger lets anyone who sees an error page run code.",
            range,
            range,
        ),
        "SECRET_KEY" if on(c, "FL002") => {
            if let Some(text) = c.literal(value) {
                let short = if text.chars().count() < 32 { " (and it is short)" } else { "" };
                c.report(
                    "FL002",
                    High,
                    High,
                    format!("The Flask SECRET_KEY is written in the code{short}; anyone with the source can forge session cookies."),
                    range,
                    range,
                );
                c.mark_secret(text);
            }
        }
        "SESSION_COOKIE_SECURE" if on(c, "FL003") && is_false(value) => c.report(
            "FL003",
            Medium,
            High,
            "SESSION_COOKIE_SECURE is False, so the session cookie also travels over plain HTTP.",
            range,
            range,
        ),
        "SESSION_COOKIE_HTTPONLY" if on(c, "FL004") && is_false(value) => c.report(
            "FL004",
            Medium,
            High,
            "SESSION_COOKIE_HTTPONLY is False, so scripts (and XSS) can read the session cookie.",
            range,
            range,
        ),
        "SESSION_COOKIE_SAMESITE" if on(c, "FL005") => {
            if matches!(value, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("none")) {
                c.report(
                    "FL005",
                    Low,
                    High,
                    "SESSION_COOKIE_SAMESITE is 'None', so the session cookie is sent with cross-site requests.",
                    range,
                    range,
                );
            }
        }
        _ => {}
    }
}

pub(super) fn stmt(c: &mut Checker, stmt: &Stmt) {
    match stmt {
        Stmt::Assign(assign) => {
            for target in &assign.targets {
                match target {
                    Expr::Subscript(sub) if is_config(&sub.value) => {
                        if let Expr::StringLiteral(key) = sub.slice.as_ref() {
                            config_write(c, key.value.to_str(), &assign.value, stmt.range());
                        }
                    }
                    Expr::Attribute(a) if a.attr.as_str() == "debug" => {
                        config_write(c, "DEBUG", &assign.value, stmt.range())
                    }
                    Expr::Attribute(a) if a.attr.as_str() == "secret_key" => {
                        config_write(c, "SECRET_KEY", &assign.value, stmt.range())
                    }
                    _ => {}
                }
            }
        }
        Stmt::ClassDef(class) if class.bases().iter().any(|b| name_of(b).is_some_and(|n| n.ends_with("FlaskForm"))) => {
            c.web.csrf_protect = true;
        }
        _ => {}
    }
}

/// Attribute reads that show what the app does with requests.
pub(super) fn attribute(c: &mut Checker, attr: &ExprAttribute) {
    if name_of(&attr.value) == Some("request") {
        match attr.attr.as_str() {
            "form" => c.web.handles_forms = true,
            "files" => c.web.reads_files = true,
            _ => {}
        }
    }
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let qual = ctx.qual.as_str();
    let r = ctx.call.range();
    let name = ctx.name();
    if qual == "flask.Flask" {
        c.web.flask_apps.push(r);
    }
    if LOADERS.contains(&name) {
        c.web.loads_config = true;
    }
    if matches!(qual, "flask_wtf.csrf.CSRFProtect" | "flask_wtf.CSRFProtect") {
        c.web.csrf_protect = true;
    }
    // Routes that accept posted forms.
    if name == "post"
        || (name == "route"
            && ctx.kw_value("methods").is_some_and(|m| {
                any_deep(m, |e| matches!(e, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("post")))
            }))
    {
        c.web.handles_forms = true;
    }
    // app.config.update(KEY=V) / app.config.update({"KEY": V})
    if name == "update"
        && let Expr::Attribute(update) = ctx.call.func.as_ref()
        && is_config(&update.value)
    {
        for kw in ctx.call.arguments.keywords.iter() {
            if let Some(key) = &kw.arg {
                config_write(c, key.as_str(), &kw.value, r);
            }
        }
        if let Some(Expr::Dict(d)) = ctx.args().first() {
            for item in &d.items {
                if let Some(Expr::StringLiteral(key)) = &item.key {
                    config_write(c, key.value.to_str(), &item.value, r);
                }
            }
        }
    }
    if qual == "flask_talisman.Talisman" {
        c.web.talisman = true;
        let weak = ctx.kw_value("force_https").is_some_and(is_false)
            || matches!(ctx.kw_value("content_security_policy"), Some(Expr::NoneLiteral(_)));
        if weak && on(c, "FL007") {
            c.report(
                "FL007",
                Medium,
                Medium,
                "flask-talisman is set up with force_https=False or content_security_policy=None, turning off part of its protection.",
                r,
                r,
            );
        }
    }
    if on(c, "FL009")
        && matches!(qual, "flask_cors.CORS" | "flask_cors.cross_origin")
        && ctx.kw_value("supports_credentials").is_some_and(is_true)
    {
        let all = match ctx.kw_value("origins") {
            None => ctx.kw_value("resources").is_none(),
            Some(origins) => lists_star(origins),
        };
        if all {
            c.report(
                "FL009",
                High,
                High,
                "flask-cors allows every origin together with credentials: any website can make authenticated requests and read the answers.",
                r,
                r,
            );
        }
    }
    if on(c, "FL010")
        && qual == "flask.send_file"
        && let Some(path) = ctx.args().first().or_else(|| ctx.kw_value("path_or_file"))
        && any_data(path, rooted_in_request)
    {
        c.report(
            "FL010",
            High,
            Medium,
            "send_file() is given a path built from request data: `../` lets the client read any file the app can; use send_from_directory() with a fixed folder.",
            r,
            r,
        );
    }
}

/// `request.args[...]`, `request.files["f"].filename`, `request.form.get(...)`:
/// an attribute/subscript/`.get` chain that starts at request data.
fn rooted_in_request(expr: &Expr) -> bool {
    let mut cur = expr;
    loop {
        match cur {
            Expr::Attribute(a) => {
                if REQUEST_DATA.contains(&a.attr.as_str()) && name_of(&a.value) == Some("request") {
                    return true;
                }
                cur = &a.value;
            }
            Expr::Subscript(s) => cur = &s.value,
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Attribute(a) if a.attr.as_str() == "get" => cur = &a.value,
                _ => return false,
            },
            _ => return false,
        }
    }
}

/// The rules that judge the whole file, reported at its first Flask(...) call.
pub(super) fn finish(c: &mut Checker) {
    let Some(&app) = c.web.flask_apps.first() else { return };
    let set = |c: &Checker, key: &str| c.web.config_keys.iter().any(|k| k == key);
    if on(c, "FL003") && !c.web.loads_config && !set(c, "SESSION_COOKIE_SECURE") {
        c.report(
            "FL003",
            Low,
            Medium,
            "SESSION_COOKIE_SECURE is never set for this app (Flask's default is False), so the session cookie also travels over plain HTTP.",
            app,
            app,
        );
    }
    if on(c, "FL006") && c.web.handles_forms && !c.web.csrf_protect {
        c.report(
            "FL006",
            Medium,
            Low,
            "This app handles form posts without CSRF protection (Flask-WTF's CSRFProtect or FlaskForm).",
            app,
            app,
        );
    }
    if on(c, "FL007") && !c.web.talisman {
        c.report(
            "FL007",
            Low,
            Low,
            "This app sets no security headers (HSTS, CSP, X-Frame-Options); flask-talisman adds them.",
            app,
            app,
        );
    }
    if on(c, "FL008") && c.web.reads_files && !c.web.loads_config && !set(c, "MAX_CONTENT_LENGTH") {
        c.report(
            "FL008",
            Medium,
            Low,
            "This app accepts uploads but never sets MAX_CONTENT_LENGTH, so a client can send a body of any size.",
            app,
            app,
        );
    }
}
