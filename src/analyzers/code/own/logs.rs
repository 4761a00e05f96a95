//! PY020 secret-logged: passwords, keys and tokens written to logs or printed.

use std::sync::LazyLock;

use regex::Regex;
use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use super::{any_data, name_of};
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::Medium;

const LEVELS: &[&str] = &["debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"];

static SECRET: LazyLock<Regex> = LazyLock::new(|| {
    super::words(
        "password|passwd|pwd|passphrase|secret|secret_key|api_key|apikey|access_token|refresh_token|auth_token|id_token|bearer_token|session_token|private_key|client_secret|authorization|credentials?",
    )
});

/// Words that make a secret-looking name mean something harmless
/// (`password_hash`, `token_type`, `secret_name`), matched as whole words.
const NOT_SECRET: &[&str] = &[
    "hash",
    "hashed",
    "digest",
    "salt",
    "length",
    "len",
    "field",
    "label",
    "prompt",
    "validator",
    "validators",
    "policy",
    "url",
    "file",
    "path",
    "name",
    "type",
    "id",
    "count",
    "expires",
    "expiry",
    "header",
    "form",
    "required",
    "min",
    "max",
    "changed",
    "set",
    "reset",
];

fn is_secret_name(name: &str) -> bool {
    SECRET.is_match(name) && {
        // `id_token` is a secret even though `id` alone is harmless.
        let lower = name.to_ascii_lowercase().replace("id_token", "token");
        !lower.split('_').any(|part| NOT_SECRET.contains(&part))
    }
}

/// `request.headers`, `request.META`, `request.COOKIES` logged whole.
fn is_whole_request_metadata(e: &Expr) -> bool {
    matches!(e, Expr::Attribute(a) if matches!(a.attr.as_str(), "headers" | "META" | "COOKIES" | "cookies") && name_of(&a.value) == Some("request"))
}

fn is_logging_call(ctx: &CallCtx) -> bool {
    if ctx.qual == "print" {
        return true;
    }
    if let Some(level) = ctx.qual.strip_prefix("logging.") {
        return LEVELS.contains(&level);
    }
    match ctx.call.func.as_ref() {
        Expr::Attribute(a) if LEVELS.contains(&a.attr.as_str()) => {
            name_of(&a.value).is_some_and(|n| n.to_ascii_lowercase().contains("log"))
        }
        _ => false,
    }
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if !c.on_py(20) || !is_logging_call(ctx) {
        return;
    }
    let mut found: Option<String> = None;
    for a in ctx.args().iter().chain(ctx.call.arguments.keywords.iter().map(|k| &k.value)) {
        any_data(a, |e| {
            if is_whole_request_metadata(e) {
                found = Some("the request's headers or cookies".to_owned());
                return true;
            }
            if matches!(e, Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) | Expr::Call(_))
                && let Some(n) = name_of(e)
                && is_secret_name(n)
            {
                found = Some(format!("`{n}`"));
                return true;
            }
            false
        });
        if found.is_some() {
            break;
        }
    }
    if let Some(what) = found {
        let r = ctx.call.range();
        c.report(
            "PY020",
            Medium,
            Medium,
            format!("{what} is written to a log or printed; log a redacted form or nothing."),
            r,
            r,
        );
    }
}
