//! PY012 insecure-random-token, PY013 jwt-signature-not-verified,
//! PY014 jwt-claims-not-verified, PY015 jwt-hardcoded-key.

use std::sync::LazyLock;

use regex::Regex;
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::is_false;
use super::{arg, name_of};
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{High, Medium};

static TOKEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    super::words(
        "token|password|passwd|pwd|secret|nonce|otp|salt|reset_code|session_id|sessionid|api_key|apikey|secret_key|auth_key|csrf|verification_code|activation_code|confirmation_code|invite_code",
    )
});

const PREDICTABLE: &[&str] = &[
    "uuid.uuid1",
    "time.time",
    "time.time_ns",
    "datetime.now",
    "datetime.datetime.now",
    "datetime.utcnow",
    "datetime.datetime.utcnow",
];

pub(super) fn stmt<'a>(c: &mut Checker<'a>, stmt: &'a Stmt) {
    if !c.on_py(12) {
        return;
    }
    let (targets, value): (Vec<&Expr>, &Expr) = match stmt {
        Stmt::Assign(a) => (a.targets.iter().collect(), &a.value),
        Stmt::AnnAssign(a) => match &a.value {
            Some(v) => (vec![a.target.as_ref()], v),
            None => return,
        },
        Stmt::AugAssign(a) => (vec![a.target.as_ref()], &a.value),
        Stmt::Return(r) => match (&r.value, c.funcs.last()) {
            (Some(v), Some(f)) if TOKEN_NAME.is_match(f.name.as_str()) => {
                let what = format!("function `{}`", f.name);
                return check_value(c, &what, v, stmt.range());
            }
            _ => return,
        },
        _ => return,
    };
    if let Some(name) = targets.iter().filter_map(|t| name_of(t)).find(|n| TOKEN_NAME.is_match(n)) {
        check_value(c, &format!("`{name}`"), value, stmt.range());
    }
}

fn check_value(c: &mut Checker, what: &str, value: &Expr, range: TextRange) {
    let mut weak: Option<String> = None;
    let mut strong = false;
    // Walk the value; a keyed signature over it (a JWT, an HMAC, itsdangerous)
    // makes its inputs unpredictable to an attacker, so those calls are not entered.
    let mut stack = vec![value];
    let mut budget = 10_000usize;
    while let Some(e) = stack.pop() {
        budget = budget.saturating_sub(1);
        if budget == 0 {
            break;
        }
        if let Expr::Call(call) = e {
            let qual = c.imports.qualified_call_name(&call.func);
            if qual.starts_with("secrets.") || qual == "os.urandom" || qual == "random.SystemRandom" {
                strong = true;
                break;
            }
            if ["jwt.", "jose.", "itsdangerous.", "hmac."].iter().any(|p| qual.starts_with(p)) {
                continue;
            }
            if weak.is_none()
                && ((qual.starts_with("random.") && qual != "random.seed") || PREDICTABLE.contains(&qual.as_str()))
            {
                weak = Some(qual);
            }
        }
        stack.extend(super::children(e));
    }
    if let (Some(source), false) = (weak, strong) {
        c.report(
            "PY012",
            Medium,
            Medium,
            format!("{what} is made with `{source}`, which is predictable; use the `secrets` module."),
            range,
            range,
        );
    }
}

const DECODE: &[&str] = &["jwt.decode", "jwt.decode_complete", "jwt.api_jwt.decode", "jose.jwt.decode"];
const ENCODE: &[&str] = &["jwt.encode", "jose.jwt.encode"];

/// The keys of a dict literal set to `False`.
fn false_options(options: Option<&Expr>) -> Vec<String> {
    let Some(Expr::Dict(dict)) = options else { return Vec::new() };
    dict.items
        .iter()
        .filter(|item| is_false(&item.value))
        .filter_map(|item| match &item.key {
            Some(Expr::StringLiteral(k)) => Some(k.value.to_str().to_owned()),
            _ => None,
        })
        .collect()
}

fn lists_none(e: &Expr) -> bool {
    let is_none = |x: &Expr| matches!(x, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("none"));
    match e {
        Expr::List(l) => l.elts.iter().any(is_none),
        Expr::Tuple(t) => t.elts.iter().any(is_none),
        other => is_none(other),
    }
}

/// A PEM public key or certificate is not a secret (RS256 verification).
fn is_public_key(text: &str) -> bool {
    text.contains("PUBLIC KEY-----") || text.contains("BEGIN CERTIFICATE")
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let qual = ctx.qual.as_str();
    let r = ctx.call.range();
    let decode = DECODE.contains(&qual);
    if decode && (c.on_py(13) || c.on_py(14)) {
        let off = false_options(ctx.kw_value("options"));
        let signature_off = off.iter().any(|k| k == "verify_signature") || ctx.kw_value("verify").is_some_and(is_false);
        let algorithms = arg(ctx, 2, "algorithms");
        if c.on_py(13) {
            if signature_off {
                c.report(
                    "PY013",
                    High,
                    High,
                    "A JWT is decoded with signature verification switched off; anyone can forge it.",
                    r,
                    r,
                );
            } else if algorithms.is_some_and(lists_none) {
                c.report(
                    "PY013",
                    High,
                    High,
                    "A JWT is accepted with the `none` algorithm, i.e. without a signature.",
                    r,
                    r,
                );
            } else if algorithms.is_none() {
                c.report(
                    "PY013",
                    Medium,
                    Medium,
                    "A JWT is decoded without an `algorithms` allow-list; pass the algorithms you issue tokens with.",
                    r,
                    r,
                );
            }
        }
        let claims: Vec<&str> = off
            .iter()
            .map(String::as_str)
            .filter(|k| matches!(*k, "verify_exp" | "verify_nbf" | "verify_iat" | "verify_aud" | "verify_iss"))
            .collect();
        if c.on_py(14) && !signature_off && !claims.is_empty() {
            c.report(
                "PY014",
                Medium,
                High,
                format!(
                    "A JWT is decoded with {} switched off; expired or foreign tokens are accepted.",
                    claims.join(", ")
                ),
                r,
                r,
            );
        }
    }
    if c.on_py(13)
        && qual.starts_with("authlib")
        && qual.ends_with("JsonWebToken")
        && ctx.args().first().is_some_and(lists_none)
    {
        c.report(
            "PY013",
            High,
            High,
            "The JWT handler accepts the `none` algorithm, i.e. tokens without a signature.",
            r,
            r,
        );
    }
    if c.on_py(15)
        && (decode || ENCODE.contains(&qual))
        && let Some(key) = arg(ctx, 1, "key")
        && let Some(text) = c.literal(key)
        && !is_public_key(&text)
    {
        let len = text.chars().count();
        let short = if len < 32 { format!(" (and short: {len} characters)") } else { String::new() };
        c.report(
            "PY015",
            High,
            High,
            format!(
                "The JWT signing key is written in the code{short}; load it from the environment or a secrets manager."
            ),
            r,
            r,
        );
    }
}
