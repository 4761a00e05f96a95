//! PY024 tls-verification-disabled: what Bandit's B501/B323 do not cover.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::is_false;
use super::name_of;
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{High, Medium};

fn is_cert_none(e: &Expr) -> bool {
    match e {
        Expr::Attribute(a) => a.attr.as_str() == "CERT_NONE",
        Expr::Name(n) => n.id.as_str() == "CERT_NONE",
        Expr::StringLiteral(s) => matches!(s.value.to_str(), "CERT_NONE" | "NONE"),
        _ => false,
    }
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if !c.on_py(24) {
        return;
    }
    let r = ctx.call.range();
    if matches!(ctx.qual.as_str(), "urllib3.disable_warnings" | "requests.packages.urllib3.disable_warnings") {
        c.report(
            "PY024",
            Medium,
            Medium,
            "urllib3's warnings about unverified HTTPS requests are silenced; fix the verification instead.",
            r,
            r,
        );
        return;
    }
    if ctx.kw_value("cert_reqs").is_some_and(is_cert_none) {
        c.report("PY024", High, High, "TLS certificates are not verified (`cert_reqs=CERT_NONE`).", r, r);
        return;
    }
    if (ctx.kw_value("ssl").is_some_and(is_false) || ctx.kw_value("verify_ssl").is_some_and(is_false))
        && c.imports.imported_like("aiohttp")
    {
        c.report("PY024", High, High, "aiohttp is told not to verify TLS certificates (`ssl=False`).", r, r);
    }
}

pub(super) fn stmt(c: &mut Checker, stmt: &Stmt) {
    if !c.on_py(24) {
        return;
    }
    let Stmt::Assign(assign) = stmt else { return };
    let r = stmt.range();
    for target in &assign.targets {
        let Expr::Attribute(a) = target else { continue };
        let text = match a.attr.as_str() {
            "check_hostname" if is_false(&assign.value) => {
                "TLS host name checking is switched off (`check_hostname = False`)."
            }
            "verify_mode" if is_cert_none(&assign.value) => {
                "TLS certificates are not verified (`verify_mode = CERT_NONE`)."
            }
            "verify"
                if is_false(&assign.value) && c.imports.imported_like("requests") && name_of(&a.value).is_some() =>
            {
                "A requests session is told not to verify TLS certificates (`session.verify = False`)."
            }
            _ => continue,
        };
        c.report("PY024", High, High, text, r, r);
        return;
    }
}
