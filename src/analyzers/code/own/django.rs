//! DJ113 django-csrf-exempt and DJ114 django-admin-default-url: the two
//! Django configuration rules that live in code rather than in settings.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{Low, Medium};

fn is_csrf_exempt(expr: &Expr) -> bool {
    match expr {
        Expr::Name(n) => n.id.as_str() == "csrf_exempt",
        Expr::Attribute(a) => a.attr.as_str() == "csrf_exempt",
        _ => false,
    }
}

fn report_exempt(c: &mut Checker, range: ruff_text_size::TextRange) {
    c.report(
        "DJ113",
        Medium,
        Medium,
        "This view is exempt from CSRF protection; any website can make a logged-in user's browser call it.",
        range,
        range,
    );
}

pub(super) fn stmt(c: &mut Checker, stmt: &Stmt) {
    if !c.dj113 {
        return;
    }
    if let Stmt::FunctionDef(def) = stmt {
        for decorator in &def.decorator_list {
            if is_csrf_exempt(&decorator.expression) {
                report_exempt(c, decorator.range);
            }
        }
    }
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    let r = ctx.call.range();
    // `csrf_exempt(view)`, and `@method_decorator(csrf_exempt, ...)` on a class.
    let exempt_call = is_csrf_exempt(&ctx.call.func) && !ctx.args().is_empty();
    let method_decorator = ctx.name() == "method_decorator" && ctx.args().first().is_some_and(is_csrf_exempt);
    if c.dj113 && (exempt_call || method_decorator) {
        report_exempt(c, r);
    }
    if c.dj114
        && matches!(ctx.name(), "path" | "re_path" | "url")
        && let [Expr::StringLiteral(route), target, ..] = ctx.args()
        && matches!(route.value.to_str(), "admin/" | "^admin/")
        && matches!(target, Expr::Attribute(a) if a.attr.as_str() == "urls" && matches!(a.value.as_ref(), Expr::Attribute(site) if site.attr.as_str() == "site"))
    {
        c.report(
            "DJ114",
            Low,
            Medium,
            "The Django admin is served at the default `admin/` URL, the first place automated attacks try; move it to an unguessable path.",
            r,
            r,
        );
    }
}
