//! FA001-FA005: FastAPI and Starlette app configuration in code.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use super::lists_star;
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{High, Low, Medium};

fn on(c: &Checker, id: &str) -> bool {
    c.web_rules.contains(id)
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let qual = ctx.qual.as_str();
    let r = ctx.call.range();
    if matches!(qual, "fastapi.FastAPI" | "starlette.applications.Starlette") {
        c.web.fastapi_apps.push(r);
        let decided = ["docs_url", "redoc_url", "openapi_url"].iter().any(|k| ctx.kw_value(k).is_some());
        if qual == "fastapi.FastAPI" && !decided && on(c, "FA002") {
            c.report(
                "FA002",
                Low,
                Low,
                "The interactive API docs and the OpenAPI schema are served with no switch to turn them off in production (docs_url, redoc_url, openapi_url).",
                r,
                r,
            );
        }
    }
    // `app.add_middleware(X, ...)` or `Middleware(X, ...)`
    let is_middleware_call = ctx.name() == "add_middleware"
        || matches!(qual, "starlette.middleware.Middleware" | "fastapi.middleware.Middleware");
    if !is_middleware_call {
        return;
    }
    let Some(class) = ctx.args().first() else { return };
    let class = c.imports.qualified_call_name(class);
    let last = class.rsplit('.').next().unwrap_or("");
    let kw_true = |k: &str| matches!(ctx.kw_value(k), Some(Expr::BooleanLiteral(b)) if b.value);
    match last {
        "CORSMiddleware" => {
            let any_origin = ctx.kw_value("allow_origins").is_some_and(lists_star)
                || matches!(ctx.kw_value("allow_origin_regex"), Some(Expr::StringLiteral(s)) if matches!(s.value.to_str(), ".*" | "^.*$"));
            if on(c, "FA001") && any_origin && kw_true("allow_credentials") {
                c.report(
                    "FA001",
                    High,
                    High,
                    "CORS allows every origin together with credentials: Starlette then echoes any Origin, so any website can make authenticated requests and read the answers.",
                    r,
                    r,
                );
            }
        }
        "TrustedHostMiddleware" => {
            c.web.trusted_host = true;
            if on(c, "FA003") && ctx.kw_value("allowed_hosts").is_some_and(lists_star) {
                c.report("FA003", Medium, Medium, "TrustedHostMiddleware accepts any Host header ('*').", r, r);
            }
        }
        "HTTPSRedirectMiddleware" => c.web.https_redirect = true,
        "SessionMiddleware" if on(c, "FA005") => {
            if let Some(key) = ctx.kw_value("secret_key")
                && let Some(text) = c.literal(key)
            {
                c.report(
                    "FA005",
                    High,
                    High,
                    "The session signing key is written in the code; anyone with the source can forge sessions.",
                    r,
                    r,
                );
                c.mark_secret(text);
            } else if !kw_true("https_only") {
                c.report(
                    "FA005",
                    Medium,
                    Medium,
                    "The session cookie is not limited to HTTPS (https_only=True), so it also travels over plain HTTP.",
                    r,
                    r,
                );
            }
        }
        _ => {}
    }
}

pub(super) fn finish(c: &mut Checker) {
    let Some(&app) = c.web.fastapi_apps.first() else { return };
    if on(c, "FA003") && !c.web.trusted_host {
        c.report(
            "FA003",
            Low,
            Low,
            "No TrustedHostMiddleware: the app answers any Host header (host-header attacks such as poisoned links).",
            app,
            app,
        );
    }
    if on(c, "FA004") && !c.web.https_redirect {
        c.report(
            "FA004",
            Low,
            Low,
            "No HTTPSRedirectMiddleware: plain-HTTP requests are served (unless a proxy redirects them).",
            app,
            app,
        );
    }
}
