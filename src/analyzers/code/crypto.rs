//! B324 weak hashes, B501 unverified HTTPS, B502-B504 SSL/TLS versions,
//! B505 weak keys.

use ruff_python_ast::{Expr, StmtFunctionDef};
use ruff_text_size::Ranged;

use super::{BVal, CallCtx, Checker};
use crate::finding::Level::{self, High, Low, Medium};

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if c.on(324) {
        weak_hash(c, ctx);
    }
    if c.on(501) {
        no_cert_validation(c, ctx);
    }
    if c.on(502) {
        bad_ssl_version(c, ctx);
    }
    if c.on(504) && ctx.qual == "ssl.wrap_socket" && ctx.kw_value("ssl_version").is_none() {
        let r = ctx.call.range();
        c.report(
            "B504",
            Low,
            Medium,
            "ssl.wrap_socket call with no SSL/TLS protocol version specified, the default SSLv23 could be insecure, possible security issue.",
            r,
            r,
        );
    }
    if c.on(505) {
        weak_key(c, ctx);
    }
}

const WEAK_HASHES: &[&str] = &["md4", "md5", "sha", "sha1"];
const WEAK_CRYPT: &[&str] = &["METHOD_CRYPT", "METHOD_MD5", "METHOD_BLOWFISH"];

fn weak_hash(c: &mut Checker, ctx: &CallCtx) {
    let func = ctx.name();
    let r = ctx.call.range();
    // `usedforsecurity=False` (or any value but a literal True) opts out.
    let for_security = || match ctx.kw_value("usedforsecurity") {
        None => true,
        Some(v) => super::bval(v).as_str() == Some("True"),
    };
    if ctx.has_segment("hashlib") {
        let name = if WEAK_HASHES.contains(&func) {
            Some(func.to_owned())
        } else if func == "new" {
            let name = if ctx.args().is_empty() { ctx.kw_bval("name") } else { ctx.arg_bval(0) };
            name.as_str().map(str::to_ascii_lowercase).filter(|n| WEAK_HASHES.contains(&n.as_str()))
        } else {
            None
        };
        if let Some(name) = name
            && for_security()
        {
            c.report(
                "B324",
                High,
                High,
                format!("Use of weak {} hash for security. Consider usedforsecurity=False", name.to_ascii_uppercase()),
                r,
                r,
            );
        }
    } else if (func == "crypt" || func == "mksalt") && ctx.has_segment("crypt") {
        let method = if func == "crypt" {
            if ctx.args().len() > 1 { ctx.arg_bval(1) } else { ctx.kw_bval("salt") }
        } else if ctx.args().is_empty() {
            ctx.kw_bval("method")
        } else {
            ctx.arg_bval(0)
        };
        if let Some(m) = method.as_str().filter(|m| WEAK_CRYPT.contains(m)) {
            c.report(
                "B324",
                Medium,
                High,
                format!("Use of insecure crypt.{} hash function.", m.to_ascii_uppercase()),
                r,
                r,
            );
        }
    }
}

fn no_cert_validation(c: &mut Checker, ctx: &CallCtx) {
    let Some(lib) = super::misc::is_http_call(ctx, true) else {
        return;
    };
    if ctx.kw_equals("verify", &["False"]) == Some(true) {
        let at = ctx.kw_value("verify").map_or(ctx.call.range(), Ranged::range);
        c.report(
            "B501",
            High,
            High,
            format!("Call to {lib} with verify=False disabling SSL certificate checks, security issue."),
            at,
            ctx.call.range(),
        );
    }
}

fn bad_ssl_version(c: &mut Checker, ctx: &CallCtx) {
    let bad: Vec<&str> = c.opts.bad_protocol_versions.iter().map(String::as_str).collect();
    let is_bad = |kw: &str| ctx.kw_equals(kw, &bad) == Some(true);
    let r = ctx.call.range();
    let at = |kw: &str| ctx.kw_value(kw).map_or(r, Ranged::range);
    // pyOpenSSL imports as `OpenSSL`; Bandit looks for `pyOpenSSL` and so never
    // matches the real module. pyward accepts both.
    let is_openssl_context = matches!(ctx.qual.as_str(), "OpenSSL.SSL.Context" | "pyOpenSSL.SSL.Context");
    if ctx.qual == "ssl.wrap_socket" {
        if is_bad("ssl_version") {
            c.report(
                "B502",
                High,
                High,
                "ssl.wrap_socket call with insecure SSL/TLS protocol version identified, security issue.",
                at("ssl_version"),
                r,
            );
        }
    } else if is_openssl_context {
        if is_bad("method") {
            c.report(
                "B502",
                High,
                High,
                "SSL.Context call with insecure SSL/TLS protocol version identified, security issue.",
                at("method"),
                r,
            );
        }
    } else if is_bad("method") || is_bad("ssl_version") {
        let kw = if ctx.kw_value("method").is_some() { "method" } else { "ssl_version" };
        c.report(
            "B502",
            Medium,
            Medium,
            "Function call with insecure SSL/TLS protocol identified, possible security issue.",
            at(kw),
            r,
        );
    }
}

/// B503: a parameter default naming an insecure protocol. Unlike Bandit,
/// `async def` and keyword-only parameters are checked too.
pub(super) fn function_def(c: &mut Checker, def: &StmtFunctionDef) {
    if !c.on(503) {
        return;
    }
    let defaults = def
        .parameters
        .posonlyargs
        .iter()
        .chain(&def.parameters.args)
        .chain(&def.parameters.kwonlyargs)
        .filter_map(|p| p.default.as_deref());
    for default in defaults {
        if let Expr::Attribute(attr) = default
            && c.opts.bad_protocol_versions.iter().any(|b| b == attr.attr.as_str())
        {
            let line = c.line_of(def.name.range.start());
            let end = c.lines_of(def.range).1;
            c.report_at_line(
                "B503",
                Medium,
                Medium,
                "Function definition identified with insecure SSL/TLS protocol version by default, possible security issue.",
                def.name.range,
                line,
                (line, end),
            );
            return;
        }
    }
}

fn weak_key(c: &mut Checker, ctx: &CallCtx) {
    let (key_type, size) = match ctx.qual.as_str() {
        "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key" => ("DSA", key_size(ctx, "key_size", 0)),
        "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key" => ("RSA", key_size(ctx, "key_size", 1)),
        "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key" => ("EC", Some(curve_size(ctx))),
        "Crypto.PublicKey.DSA.generate" | "Cryptodome.PublicKey.DSA.generate" => ("DSA", key_size(ctx, "bits", 0)),
        "Crypto.PublicKey.RSA.generate" | "Cryptodome.PublicKey.RSA.generate" => ("RSA", key_size(ctx, "bits", 0)),
        _ => return,
    };
    let Some(size) = size else { return };
    let o = &c.opts.key_sizes;
    let thresholds: [(i64, Level); 2] = match key_type {
        "DSA" => [(o.dsa_high, High), (o.dsa_medium, Medium)],
        "RSA" => [(o.rsa_high, High), (o.rsa_medium, Medium)],
        _ => [(o.ec_high, High), (o.ec_medium, Medium)],
    };
    for (limit, level) in thresholds {
        if size < limit {
            let r = ctx.call.range();
            c.report(
                "B505",
                level,
                High,
                format!("{key_type} key sizes below {limit} bits are considered breakable. "),
                r,
                r,
            );
            return;
        }
    }
}

/// The key size of a call: the keyword, else the positional argument, else
/// the library default (2048). `None` when it is not a literal integer.
fn key_size(ctx: &CallCtx, keyword: &str, position: usize) -> Option<i64> {
    let truthy = |v: &BVal| !matches!(v, BVal::Null | BVal::Int(0)) && v.as_str() != Some("");
    let value = [ctx.kw_bval(keyword), ctx.arg_bval(position)].into_iter().find(truthy).unwrap_or(BVal::Int(2048));
    match value {
        BVal::Int(n) => Some(n),
        _ => None,
    }
}

/// The size of an EC curve named by `curve=` or the first argument, as an
/// attribute (`ec.SECP192R1`) or, unlike Bandit, an instance (`ec.SECP192R1()`).
fn curve_size(ctx: &CallCtx) -> i64 {
    let expr = ctx.kw_value("curve").or_else(|| ctx.args().first());
    let name = match expr {
        Some(Expr::Call(call)) => match call.func.as_ref() {
            Expr::Attribute(a) => Some(a.attr.as_str()),
            Expr::Name(n) => Some(n.id.as_str()),
            _ => None,
        },
        Some(Expr::Attribute(a)) => Some(a.attr.as_str()),
        Some(Expr::Name(n)) => Some(n.id.as_str()),
        Some(Expr::StringLiteral(s)) => Some(s.value.to_str()),
        _ => None,
    };
    match name.unwrap_or("") {
        "SECT571K1" => 571,
        "SECT571R1" => 570,
        "SECP521R1" => 521,
        "BrainpoolP512R1" => 512,
        "SECT409K1" | "SECT409R1" => 409,
        "BrainpoolP384R1" | "SECP384R1" => 384,
        "SECT283K1" | "SECT283R1" => 283,
        "BrainpoolP256R1" | "SECP256K1" | "SECP256R1" => 256,
        "SECT233K1" | "SECT233R1" => 233,
        "SECP224R1" => 224,
        "SECP192R1" => 192,
        "SECT163K1" | "SECT163R2" => 163,
        _ => 224,
    }
}
