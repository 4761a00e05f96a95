//! B105, B106, B107: hard-coded passwords.

use std::sync::LazyLock;

use regex::Regex;
use ruff_python_ast::{Expr, Stmt, StmtFunctionDef};
use ruff_text_size::{Ranged, TextRange};

use super::{CallCtx, Checker, Parent, str_lit};
use crate::finding::Level::{Low, Medium};

/// Bandit's candidate names: `password`, `pass`, `passwd`, `pwd`, `token`,
/// `secret`, ... alone or as a `_`-separated word.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    let w = "(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)";
    Regex::new(&format!("(?i)(^{w}$|_{w}_|^{w}_|_{w}$)")).expect("static regex")
});

pub(crate) fn is_candidate(name: &str) -> bool {
    CANDIDATE.is_match(name)
}

fn message(value: &str) -> String {
    format!("Possible hardcoded password: '{}'", crate::report::redact(value))
}

/// B105, for a string constant whose parent is `parent`.
pub(super) fn string(c: &mut Checker, value: &str, range: TextRange, node: TextRange) {
    if !c.on(105) {
        return;
    }
    let Some(parent) = c.parent(1) else { return };
    let reported = match parent {
        // candidate = "literal"
        Parent::Stmt(Stmt::Assign(assign)) => {
            let hit = assign.targets.iter().any(|t| match t {
                Expr::Name(n) => is_candidate(n.id.as_str()),
                Expr::Attribute(a) => is_candidate(a.attr.as_str()),
                _ => false,
            });
            (hit && str_lit(&assign.value) == Some(value)).then(|| value.to_owned())
        }
        // {"candidate": <constant>} -- reported on the key
        Parent::Expr(Expr::Dict(dict)) if is_candidate(value) => dict
            .items
            .iter()
            .find(|item| item.key.as_ref().is_some_and(|k| k.range() == range))
            .and_then(|item| constant_text(c, &item.value)),
        // d["candidate"] = "literal"
        Parent::Expr(Expr::Subscript(_)) if is_candidate(value) => match c.parent(2) {
            Some(Parent::Stmt(Stmt::Assign(assign))) => str_lit(&assign.value).map(str::to_owned),
            _ => None,
        },
        // candidate == "literal"
        Parent::Expr(Expr::Compare(cmp)) => {
            let left = match cmp.left.as_ref() {
                Expr::Name(n) => Some(n.id.as_str()),
                Expr::Attribute(a) => Some(a.attr.as_str()),
                _ => None,
            };
            if left.is_some_and(is_candidate) {
                cmp.comparators.first().and_then(str_lit).map(str::to_owned)
            } else {
                None
            }
        }
        _ => None,
    };
    if let Some(secret) = reported {
        c.report("B105", Low, Medium, message(&secret), range, node);
        c.mark_secret(secret);
    }
}

/// The text Bandit would quote for a constant dict value: a string's value,
/// else the constant as written.
fn constant_text(c: &Checker, expr: &Expr) -> Option<String> {
    match expr {
        Expr::StringLiteral(s) => Some(s.value.to_str().to_owned()),
        Expr::NumberLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::EllipsisLiteral(_) => {
            let r = expr.range();
            c.file.text.get(r.start().to_usize()..r.end().to_usize()).map(str::to_owned)
        }
        _ => None,
    }
}

/// B106: `f(password="literal")`, reported on the value's line.
pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if !c.on(106) {
        return;
    }
    for kw in ctx.call.arguments.keywords.iter() {
        let Some(arg) = &kw.arg else { continue };
        if let Some(value) = str_lit(&kw.value)
            && is_candidate(arg.as_str())
        {
            let line = c.line_of(kw.value.range().start());
            let node = c.lines_of(ctx.call.range());
            c.report_at_line("B106", Low, Medium, message(value), kw.value.range(), line, node);
            c.mark_secret(value.to_owned());
            return;
        }
    }
}

/// B107: `def f(password="literal")`. Unlike Bandit, keyword-only parameters
/// and `async def` are checked too.
pub(super) fn function_def(c: &mut Checker, def: &StmtFunctionDef) {
    if !c.on(107) {
        return;
    }
    let params = def.parameters.posonlyargs.iter().chain(&def.parameters.args).chain(&def.parameters.kwonlyargs);
    for param in params {
        let Some(default) = param.default.as_deref() else {
            continue;
        };
        if let Some(value) = str_lit(default)
            && is_candidate(param.parameter.name.as_str())
        {
            let line = c.line_of(def.name.range.start());
            let end = c.lines_of(def.range).1;
            c.report_at_line("B107", Low, Medium, message(value), default.range(), line, (line, end));
            c.mark_secret(value.to_owned());
            return;
        }
    }
}
