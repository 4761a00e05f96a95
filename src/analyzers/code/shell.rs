//! B602-B607 process execution, B609 wildcard injection. The three lists of
//! functions are Bandit's `shell_injection` options.

use ruff_python_ast::{Expr, Number};
use ruff_text_size::{Ranged, TextRange};

use super::{BVal, CallCtx, Checker};
use crate::finding::Level::{self, High, Low, Medium};

/// Bandit's `has_shell`: is the `shell=` keyword truthy as written?
fn has_shell(ctx: &CallCtx) -> bool {
    let Some(value) = ctx.kw_value("shell") else {
        return false;
    };
    match value {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => i.as_i64() != Some(0),
            Number::Float(f) => *f != 0.0,
            Number::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        },
        Expr::BooleanLiteral(b) => b.value,
        Expr::List(l) => !l.elts.is_empty(),
        Expr::Dict(d) => !d.items.is_empty(),
        Expr::NoneLiteral(_) => false,
        Expr::StringLiteral(s) => !s.value.is_empty(),
        Expr::BytesLiteral(b) => !b.value.is_empty(),
        Expr::EllipsisLiteral(_) => true,
        // A variable or a call may well be true.
        _ => true,
    }
}

/// LOW when the command is a plain string literal, HIGH otherwise.
fn shell_grade(ctx: &CallCtx) -> Level {
    if matches!(ctx.args().first(), Some(Expr::StringLiteral(_))) { Low } else { High }
}

fn full_path(cmd: &str) -> bool {
    let mut chars = cmd.chars();
    match chars.next() {
        Some('\\' | '/' | '.') => true,
        Some(c) if c.is_ascii_alphabetic() => chars.next() == Some(':'),
        _ => false,
    }
}

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if !c.on(602) && !c.on(603) && !c.on(604) && !c.on(605) && !c.on(606) && !c.on(607) && !c.on(609) {
        return;
    }
    let o = c.opts;
    let qual = ctx.qual.as_str();
    let in_subprocess = o.shell_subprocess.iter().any(|n| n == qual);
    let in_shell = o.shell_shell.iter().any(|n| n == qual);
    let in_no_shell = o.shell_no_shell.iter().any(|n| n == qual);
    let call_range = ctx.call.range();
    // B602-B604 are reported on the line of the `shell=` value when there is one.
    let shell_at: TextRange = ctx.kw_value("shell").map_or(call_range, Ranged::range);
    let shell = has_shell(ctx);

    if in_subprocess {
        if shell && c.on(602) && !ctx.args().is_empty() {
            let (sev, text) = match shell_grade(ctx) {
                Low => (
                    Low,
                    "subprocess call with shell=True seems safe, but may be changed in the future, consider rewriting without shell",
                ),
                _ => (High, "subprocess call with shell=True identified, security issue."),
            };
            c.report("B602", sev, High, text, shell_at, call_range);
        }
        if !shell && c.on(603) {
            c.report(
                "B603",
                Low,
                High,
                "subprocess call - check for execution of untrusted input.",
                shell_at,
                call_range,
            );
        }
    } else if shell && c.on(604) {
        c.report(
            "B604",
            Medium,
            Low,
            "Function call with shell=True parameter identified, possible security issue.",
            shell_at,
            call_range,
        );
    }
    if in_shell && c.on(605) && !ctx.args().is_empty() {
        let (sev, text) = match shell_grade(ctx) {
            Low => (
                Low,
                "Starting a process with a shell: Seems safe, but may be changed in the future, consider rewriting without shell",
            ),
            _ => (High, "Starting a process with a shell, possible injection detected, security issue."),
        };
        c.report("B605", sev, High, text, call_range, call_range);
    }
    if in_no_shell && c.on(606) {
        c.report("B606", Low, Medium, "Starting a process without a shell.", call_range, call_range);
    }
    if (in_subprocess || in_shell || in_no_shell) && c.on(607) {
        let mut first = ctx.args().first();
        if let Some(Expr::List(list)) = first
            && let Some(head) = list.elts.first()
        {
            first = Some(head);
        }
        if let Some(Expr::StringLiteral(s)) = first
            && !full_path(s.value.to_str())
        {
            c.report("B607", Low, High, "Starting a process with a partial executable path", call_range, call_range);
        }
    }
    if c.on(609) && (in_shell || (in_subprocess && ctx.kw_equals("shell", &["True"]) == Some(true))) {
        wildcard(c, ctx, shell_at);
    }
}

/// B609: `chown`, `chmod`, `tar` or `rsync` with a `*` in a shell command.
fn wildcard(c: &mut Checker, ctx: &CallCtx, at: TextRange) {
    let command = match ctx.arg_bval(0) {
        BVal::Str(s) => s.into_owned(),
        BVal::List(items) => items.iter().fold(String::new(), |mut acc, item| {
            acc.push(' ');
            acc.push_str(&python_str(item));
            acc
        }),
        _ => return,
    };
    if command.is_empty() || !command.contains('*') {
        return;
    }
    if ["chown", "chmod", "tar", "rsync"].iter().any(|f| command.contains(f)) {
        c.report(
            "B609",
            High,
            Medium,
            format!("Possible wildcard injection in call: {}", ctx.qual),
            at,
            ctx.call.range(),
        );
    }
}

/// `str(value)` of a Bandit literal value, enough for substring tests.
fn python_str(value: &BVal) -> String {
    match value {
        BVal::Str(s) => s.to_string(),
        BVal::Int(i) => i.to_string(),
        BVal::Float(f) => f.to_string(),
        BVal::List(items) => format!("[{}]", items.iter().map(python_str).collect::<Vec<_>>().join(", ")),
        BVal::Other | BVal::Null => "None".to_owned(),
    }
}
