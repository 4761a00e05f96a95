//! B101 assert, B102 exec, B103 chmod, B104 bind-all, B108 tmp paths,
//! B110/B112 try-except-pass/continue, B113 requests without timeout.

use ruff_python_ast::{ExceptHandler, Expr, Stmt, StmtAssert};
use ruff_text_size::{Ranged, TextRange};

use super::{BVal, CallCtx, Checker};
use crate::finding::Level::{High, Low, Medium};

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let range = ctx.call.range();
    if c.on(102) && ctx.qual == "exec" {
        c.report("B102", Medium, High, "Use of exec detected.", range, range);
    }
    if c.on(103) {
        chmod(c, ctx);
    }
    if c.on(113) {
        request_without_timeout(c, ctx);
    }
}

/// B103. Bandit matches any name containing "chmod"; pyward only the chmod
/// functions themselves (see docs/bandit-differences.md).
fn chmod(c: &mut Checker, ctx: &CallCtx) {
    if !matches!(ctx.name(), "chmod" | "fchmod" | "lchmod" | "fchmodat") || ctx.args().len() != 2 {
        return;
    }
    let BVal::Int(mode) = ctx.arg_bval(1) else {
        return;
    };
    const S_IWOTH: i64 = 0o2;
    const S_IXOTH: i64 = 0o1;
    const S_IWGRP: i64 = 0o20;
    const S_IXGRP: i64 = 0o10;
    if mode & (S_IWOTH | S_IXOTH | S_IWGRP | S_IXGRP) == 0 {
        return;
    }
    let severity = if mode & S_IWOTH != 0 { High } else { Medium };
    let file = match ctx.arg_bval(0) {
        BVal::Str(s) => s.into_owned(),
        BVal::Int(n) => n.to_string(),
        BVal::Float(f) => f.to_string(),
        _ => "NOT PARSED".to_owned(),
    };
    let range = ctx.call.range();
    c.report(
        "B103",
        severity,
        High,
        format!("Chmod setting a permissive mask {mode:#o} on file ({file})."),
        range,
        range,
    );
}

const HTTP_VERBS: &[&str] = &["get", "options", "head", "post", "put", "patch", "delete"];
const HTTPX_ATTRS: &[&str] =
    &["get", "options", "head", "post", "put", "patch", "delete", "request", "stream", "Client", "AsyncClient"];

/// True for `requests.<verb>` / `httpx.<verb|request|stream|Client|AsyncClient>`.
pub(super) fn is_http_call(ctx: &CallCtx, include_httpx: bool) -> Option<&'static str> {
    let first = ctx.qual.split('.').next().unwrap_or("");
    let name = ctx.name();
    if first == "requests" && HTTP_VERBS.contains(&name) {
        Some("requests")
    } else if include_httpx && first == "httpx" && HTTPX_ATTRS.contains(&name) {
        Some("httpx")
    } else {
        None
    }
}

/// B113. A `timeout=` keyword whose value is not a literal counts as a timeout
/// (Bandit reports it as missing; see docs/bandit-differences.md).
fn request_without_timeout(c: &mut Checker, ctx: &CallCtx) {
    let Some(lib) = is_http_call(ctx, true) else {
        return;
    };
    let range = ctx.call.range();
    let timeout = ctx.kw_value("timeout");
    if lib == "requests" && timeout.is_none() {
        c.report("B113", Medium, Low, format!("Call to {lib} without timeout"), range, range);
        return;
    }
    if matches!(timeout, Some(Expr::NoneLiteral(_))) {
        c.report("B113", Medium, Low, format!("Call to {lib} with timeout set to None"), range, range);
    }
}

pub(super) fn string(c: &mut Checker, value: &str, range: TextRange, node: TextRange) {
    if c.on(104) && value == "0.0.0.0" {
        c.report("B104", Medium, Medium, "Possible binding to all interfaces.", range, node);
    }
    if c.on(108) && c.opts.tmp_dirs.iter().any(|d| value.starts_with(d.as_str())) {
        c.report("B108", Medium, Medium, "Probable insecure usage of temp file/directory.", range, node);
    }
}

pub(super) fn assert(c: &mut Checker, assert: &StmtAssert) {
    if !c.on(101) || c.opts.assert_skips.iter().any(|g| g.is_match(c.path)) {
        return;
    }
    c.report(
        "B101",
        Low,
        High,
        "Use of assert detected. The enclosed code will be removed when compiling to optimised byte code.",
        assert.range,
        assert.range,
    );
}

pub(super) fn except_handler(c: &mut Checker, handler: &ExceptHandler) {
    if !c.on(110) && !c.on(112) {
        return;
    }
    let ExceptHandler::ExceptHandler(h) = handler;
    if h.body.len() != 1 {
        return;
    }
    let (id, rule, check_typed, text) = match &h.body[0] {
        Stmt::Pass(_) => (110, "B110", c.opts.pass_check_typed, "Try, Except, Pass detected."),
        Stmt::Continue(_) => (112, "B112", c.opts.continue_check_typed, "Try, Except, Continue detected."),
        _ => return,
    };
    if !c.on(id) {
        return;
    }
    if !check_typed {
        match h.type_.as_deref() {
            None => {}
            Some(Expr::Name(n)) if n.id.as_str() == "Exception" => {}
            Some(_) => return,
        }
    }
    c.report(rule, Low, High, text, h.range, h.range);
}
