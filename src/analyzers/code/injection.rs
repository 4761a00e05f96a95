//! B601 paramiko, B608 SQL built from strings, B610 Django extra(),
//! B611 Django RawSQL.

use std::sync::LazyLock;

use regex::Regex;
use ruff_python_ast::{Expr, ExprBinOp};
use ruff_text_size::{Ranged, TextRange};

use super::{CallCtx, Checker, Parent, str_lit};
use crate::finding::Level::{Low, Medium};

static SQL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)(select\s.*from\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s.*set\s)")
        .expect("static regex")
});

/// How many nodes of a `+`/`%` chain are looked at to assemble one statement.
/// Bandit looks at all of them, for every string of the chain, which is
/// quadratic; real queries are far below this bound.
const CHAIN_BUDGET: usize = 256;

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    if c.on(601) && ctx.name() == "exec_command" && c.imports.imported_like("paramiko") {
        c.report(
            "B601",
            Medium,
            Medium,
            "Possible shell injection via Paramiko call, check inputs are properly sanitized.",
            r,
            r,
        );
    }
    if c.on(610) && ctx.name() == "extra" && django_extra_insecure(ctx) {
        c.report("B610", Medium, Medium, "Use of extra potential SQL attack vector.", r, r);
    }
    if c.on(611) && ctx.name() == "RawSQL" && c.imports.imported_like("django.db.models") {
        let sql = ctx.args().first().or_else(|| ctx.kw_value("sql"));
        if let Some(sql) = sql
            && str_lit(sql).is_none()
        {
            c.report("B611", Medium, Medium, "Use of RawSQL potential SQL attack vector.", r, r);
        }
    }
}

fn django_extra_insecure(ctx: &CallCtx) -> bool {
    const POSITIONAL: [&str; 6] = ["select", "where", "params", "tables", "order_by", "select_params"];
    let arg = |name: &str| -> Option<&Expr> {
        match POSITIONAL.iter().position(|p| *p == name).and_then(|i| ctx.args().get(i)) {
            Some(e) => Some(e),
            None => ctx.kw_value(name),
        }
    };
    for key in ["where", "tables"] {
        if let Some(value) = arg(key) {
            match value {
                Expr::List(list) => {
                    if list.elts.iter().any(|e| str_lit(e).is_none()) {
                        return true;
                    }
                }
                _ => return true,
            }
        }
    }
    match arg("select") {
        None => false,
        Some(Expr::Dict(dict)) => dict
            .items
            .iter()
            .any(|item| item.key.as_ref().is_none_or(|k| str_lit(k).is_none()) || str_lit(&item.value).is_none()),
        Some(_) => true,
    }
}

fn called_name<'a>(wrapper: Option<Parent<'a>>) -> Option<&'a str> {
    match wrapper {
        Some(Parent::Expr(Expr::Call(call))) => match call.func.as_ref() {
            Expr::Attribute(a) => Some(a.attr.as_str()),
            Expr::Name(n) => Some(n.id.as_str()),
            _ => None,
        },
        _ => None,
    }
}

fn report(c: &mut Checker, statement: &str, wrapper: Option<Parent>, replace: bool, at: TextRange, node: TextRange) {
    if !SQL.is_match(statement) {
        return;
    }
    let execute = called_name(wrapper).is_some_and(|n| n == "execute" || n == "executemany");
    let confidence = if execute && !replace { Medium } else { Low };
    c.report(
        "B608",
        Medium,
        confidence,
        "Possible SQL injection vector through string-based query construction.",
        at,
        node,
    );
}

/// B608 for a string constant (its parent chain is on the checker's stack).
pub(super) fn string(c: &mut Checker, value: &str, range: TextRange, node: TextRange) {
    if !c.on(608) {
        return;
    }
    match c.parent(1) {
        Some(Parent::Expr(Expr::BinOp(stop))) => {
            let chain = c.binop_chain_len();
            let Some(Parent::Expr(Expr::BinOp(top))) = c.parent(chain) else {
                return;
            };
            let wrapper = c.parent(chain + 1);
            let mut statement = value.to_owned();
            collect_strings(top, stop, &mut statement);
            report(c, &statement, wrapper, false, range, node);
        }
        Some(Parent::Expr(Expr::Attribute(attr))) if matches!(attr.attr.as_str(), "format" | "replace") => {
            let replace = attr.attr.as_str() == "replace";
            let wrapper = c.parent(3);
            report(c, value, wrapper, replace, range, node);
        }
        _ => {}
    }
}

/// Bandit's `concat_string`: the string leaves of the chain under `top`, in
/// order, skipping the subtree of `stop` (the string's own parent), joined
/// with spaces after the string itself.
fn collect_strings(top: &ExprBinOp, stop: &ExprBinOp, out: &mut String) {
    // Iterative in-order walk with a budget; `stop` is never entered.
    let mut stack: Vec<&Expr> = vec![&top.right, &top.left];
    if std::ptr::eq(top, stop) {
        return;
    }
    let mut budget = CHAIN_BUDGET;
    while let Some(expr) = stack.pop() {
        if budget == 0 {
            break;
        }
        budget -= 1;
        match expr {
            Expr::BinOp(b) if !std::ptr::eq(b, stop) => {
                stack.push(&b.right);
                stack.push(&b.left);
            }
            Expr::StringLiteral(s) => {
                out.push(' ');
                out.push_str(s.value.to_str());
            }
            _ => {}
        }
    }
}

/// B608 for an f-string: one check on its literal parts joined, reported once.
pub(super) fn fstring(c: &mut Checker, chunks: &[String], range: TextRange, parent: Option<Parent>) {
    if !c.on(608) {
        return;
    }
    let statement = chunks.concat();
    report(c, &statement, parent, false, range, range);
}
