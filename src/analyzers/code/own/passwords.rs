//! PY001 password-fast-hash, PY002 weak-password-hash-params,
//! PY003 plaintext-password-field, PY004 password-stored-unhashed,
//! PY005 timing-unsafe-comparison.

use std::sync::LazyLock;

use regex::Regex;
use ruff_python_ast::{CmpOp, Expr, ExprCompare, Stmt};
use ruff_text_size::Ranged;

use super::{any_data, any_deep, arg, callee_name, int_value, is_constant, is_password_name, is_request_attr, name_of};
use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::{High, Low, Medium};

const FAST_HASHES: &[&str] = &[
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b",
    "blake2s",
];

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if c.on_py(1) {
        fast_hash(c, ctx);
    }
    if c.on_py(2) {
        weak_params(c, ctx);
    }
}

/// PY001: a fast hash (or HMAC) of something that says "password".
fn fast_hash(c: &mut Checker, ctx: &CallCtx) {
    let qual = ctx.qual.as_str();
    let data: Vec<&Expr> = match qual.strip_prefix("hashlib.") {
        Some(name) if FAST_HASHES.contains(&name) => {
            arg(ctx, 0, "data").or_else(|| ctx.kw_value("string")).into_iter().collect()
        }
        Some("new") => arg(ctx, 1, "data").into_iter().collect(),
        _ if qual == "hmac.new" || qual == "hmac.digest" => {
            arg(ctx, 0, "key").into_iter().chain(arg(ctx, 1, "msg")).collect()
        }
        _ => return,
    };
    let says_password = data.iter().any(|e| any_data(e, |x| name_of(x).is_some_and(is_password_name)));
    if says_password {
        let r = ctx.call.range();
        c.report(
            "PY001",
            High,
            Medium,
            format!("A password is hashed with the fast hash `{qual}`; use a password hashing function (Argon2, scrypt, bcrypt or PBKDF2)."),
            r,
            r,
        );
    }
}

/// PBKDF2 iteration guidance (OWASP) for a hash name.
fn pbkdf2_floor(hash: Option<&str>) -> i64 {
    match hash.map(str::to_ascii_lowercase).as_deref() {
        Some("sha1") => 1_300_000,
        Some("sha512") => 210_000,
        _ => 600_000,
    }
}

/// The hash a `cryptography` algorithm argument names (`hashes.SHA256()`).
fn algorithm_name(expr: Option<&Expr>) -> Option<String> {
    let name = match expr? {
        Expr::Call(call) => callee_name(call)?,
        Expr::Attribute(a) => a.attr.as_str(),
        Expr::Name(n) => n.id.as_str(),
        _ => return None,
    };
    Some(name.to_ascii_lowercase())
}

/// PY002: work factors below current guidance.
fn weak_params(c: &mut Checker, ctx: &CallCtx) {
    let qual = ctx.qual.as_str();
    let finding: Option<String> = if qual == "hashlib.pbkdf2_hmac" {
        let hash = arg(ctx, 0, "hash_name").and_then(super::super::str_lit);
        let floor = pbkdf2_floor(hash);
        arg(ctx, 3, "iterations").and_then(int_value).filter(|n| *n < floor).map(|n| {
            format!(
                "PBKDF2 with {n} iterations; current guidance for {} is at least {floor}",
                hash.unwrap_or("this hash")
            )
        })
    } else if qual.starts_with("cryptography.") && qual.ends_with(".PBKDF2HMAC") {
        let hash = algorithm_name(arg(ctx, 0, "algorithm"));
        let floor = pbkdf2_floor(hash.as_deref());
        arg(ctx, 3, "iterations")
            .and_then(int_value)
            .filter(|n| *n < floor)
            .map(|n| format!("PBKDF2 with {n} iterations; current guidance is at least {floor}"))
    } else if qual == "hashlib.scrypt" {
        ctx.kw_value("n")
            .and_then(int_value)
            .filter(|n| *n < 1 << 15)
            .map(|n| format!("scrypt with n={n}; use n of at least 2**15 (2**17 recommended)"))
    } else if qual == "bcrypt.gensalt" {
        arg(ctx, 0, "rounds")
            .and_then(int_value)
            .filter(|n| *n < 10)
            .map(|n| format!("bcrypt with cost {n}; use a cost of at least 10 (the default is 12)"))
    } else if qual == "argon2.PasswordHasher" {
        let time = arg(ctx, 0, "time_cost").and_then(int_value).filter(|t| *t < 3);
        let memory = arg(ctx, 1, "memory_cost").and_then(int_value).filter(|m| *m < 65536);
        match (time, memory) {
            (None, None) => None,
            (t, m) => Some(format!(
                "Argon2 with {}{}; keep at least argon2-cffi's defaults (time_cost=3, memory_cost=65536)",
                t.map(|t| format!("time_cost={t} ")).unwrap_or_default(),
                m.map(|m| format!("memory_cost={m}")).unwrap_or_default()
            )),
        }
    } else if ctx.name() == "using" {
        passlib_rounds(c, ctx)
    } else {
        None
    };
    if let Some(text) = finding {
        let r = ctx.call.range();
        c.report("PY002", Medium, High, format!("Password hashing too weak: {text}."), r, r);
    }
}

/// passlib's `<scheme>.using(rounds=N)` below the library's default.
fn passlib_rounds(c: &Checker, ctx: &CallCtx) -> Option<String> {
    let Expr::Attribute(attr) = ctx.call.func.as_ref() else { return None };
    let scheme_qual = c.imports.qualified_attr(&attr.value);
    let scheme_qual = if scheme_qual.is_empty() {
        match attr.value.as_ref() {
            Expr::Name(n) => c.imports.resolve_name(n.id.as_str()),
            _ => return None,
        }
    } else {
        scheme_qual
    };
    let scheme = scheme_qual.strip_prefix("passlib.hash.")?;
    let floor = match scheme {
        "pbkdf2_sha256" => 29_000,
        "pbkdf2_sha512" => 25_000,
        "pbkdf2_sha1" => 131_000,
        "sha256_crypt" => 535_000,
        "sha512_crypt" => 656_000,
        "bcrypt" | "bcrypt_sha256" => 12,
        "argon2" => 3,
        _ => return None,
    };
    let rounds = ctx.kw_value("rounds").and_then(int_value)?;
    (rounds < floor).then(|| format!("passlib {scheme} with rounds={rounds}; its default is {floor}"))
}

static SECRET_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i)^(password|passwd|pwd|passphrase|secret|secret_key|api_key|apikey|api_secret|access_token|refresh_token|auth_token|client_secret)$")
        .expect("static regex")
});

pub(super) fn stmt<'a>(c: &mut Checker<'a>, stmt: &'a Stmt) {
    match stmt {
        Stmt::ClassDef(class) if c.on_py(3) => plaintext_fields(c, class),
        Stmt::Assign(assign)
            if c.on_py(4)
                && assign.targets.iter().any(|t| matches!(t, Expr::Attribute(a) if a.attr.as_str() == "password")) =>
        {
            password_assignment(c, &assign.value, stmt.range());
        }
        _ => {}
    }
}

fn base_last(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Attribute(a) => Some(a.attr.as_str()),
        Expr::Call(call) => callee_name(call),
        _ => None,
    }
}

/// PY003: a model class with a plain-text password or secret column.
fn plaintext_fields(c: &mut Checker, class: &ruff_python_ast::StmtClassDef) {
    let bases: Vec<&str> = class.bases().iter().filter_map(base_last).collect();
    let is_model = bases.iter().any(|b| *b == "Model" || *b == "Base");
    let is_user = bases.iter().any(|b| matches!(*b, "AbstractBaseUser" | "AbstractUser" | "User"))
        || matches!(class.name.as_str(), "AbstractBaseUser" | "AbstractUser");
    // A class that defines set_password/check_password stores a hash.
    let hashes = class
        .body
        .iter()
        .any(|s| matches!(s, Stmt::FunctionDef(f) if matches!(f.name.as_str(), "set_password" | "check_password")));
    if !is_model || is_user || hashes {
        return;
    }
    for stmt in &class.body {
        let (target, value) = match stmt {
            Stmt::Assign(a) if a.targets.len() == 1 => (&a.targets[0], a.value.as_ref()),
            Stmt::AnnAssign(a) => match &a.value {
                Some(v) => (a.target.as_ref(), v.as_ref()),
                None => continue,
            },
            _ => continue,
        };
        let (Expr::Name(name), Expr::Call(call)) = (target, value) else { continue };
        if !SECRET_FIELD.is_match(name.id.as_str()) {
            continue;
        }
        let plain = match callee_name(call) {
            Some("CharField" | "TextField") => true,
            Some("Column" | "mapped_column") => call
                .arguments
                .args
                .first()
                .and_then(base_last)
                .is_some_and(|t| matches!(t, "String" | "Text" | "Unicode" | "UnicodeText")),
            _ => false,
        };
        if plain {
            let r = stmt.range();
            c.report(
                "PY003",
                Medium,
                Medium,
                format!("Model field `{}` stores a password or secret as plain text; store a password hash (or encrypt the secret).", name.id),
                r,
                r,
            );
        }
    }
}

/// PY004: `user.password = <request data or a literal>` without hashing.
fn password_assignment(c: &mut Checker, value: &Expr, range: ruff_text_size::TextRange) {
    if let Expr::Call(call) = value
        && callee_name(call).is_some_and(|n| n.to_ascii_lowercase().contains("hash") || n == "make_password")
    {
        return;
    }
    let from_request = any_deep(value, |e| {
        is_request_attr(e)
            || matches!(e, Expr::Attribute(a) if a.attr.as_str() == "cleaned_data")
            || matches!(e, Expr::Name(n) if n.id.as_str() == "cleaned_data")
    });
    if from_request {
        c.report(
            "PY004",
            High,
            Medium,
            "A password is stored without hashing; use `set_password()` / `make_password()` (Django) or a password hasher.",
            range,
            range,
        );
    }
}

static CMP_SECRET: LazyLock<Regex> = LazyLock::new(|| {
    super::words(
        "signature|digest|hmac|mac|access_token|auth_token|api_token|csrf_token|reset_token|session_token|secret_token|bearer_token|refresh_token|api_key|apikey|secret|secret_key|password|passwd|otp",
    )
});

fn secret_side(expr: &Expr) -> bool {
    if let Expr::Call(call) = expr
        && matches!(call.func.as_ref(), Expr::Attribute(a) if matches!(a.attr.as_str(), "digest" | "hexdigest"))
    {
        return true;
    }
    matches!(expr, Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_))
        && name_of(expr).is_some_and(|n| {
            CMP_SECRET.is_match(n) && !n.to_ascii_lowercase().split('_').any(|w| NOT_SECRET_VALUE.contains(&w))
        })
}

/// Words that make a secret-looking name describe the secret rather than be it
/// (`token_type`, `digest_size`, `secret_name`).
const NOT_SECRET_VALUE: &[&str] = &[
    "type", "kind", "name", "id", "count", "len", "length", "size", "prefix", "url", "format", "mode", "field", "names",
];

fn harmless_other(expr: &Expr) -> bool {
    if is_constant(expr) {
        return true;
    }
    if let Expr::Call(call) = expr
        && matches!(call.func.as_ref(), Expr::Name(n) if matches!(n.id.as_str(), "len" | "type" | "int" | "str" | "bool" | "float"))
    {
        return true;
    }
    false
}

fn metadata_attr(expr: &Expr) -> bool {
    matches!(expr, Expr::Attribute(a) if matches!(a.attr.as_str(), "type" | "kind" | "NAME" | "OP" | "name" | "value" | "id" | "pk"))
}

/// PY005: a secret compared with `==` / `!=`.
pub(super) fn compare(c: &mut Checker, cmp: &ExprCompare) {
    if cmp.ops.len() != 1 || !matches!(cmp.ops[0], CmpOp::Eq | CmpOp::NotEq) {
        return;
    }
    let (left, right) = (cmp.left.as_ref(), &cmp.comparators[0]);
    if metadata_attr(left) || metadata_attr(right) {
        return;
    }
    // `password != password_confirmation`: both are user input.
    let confirmation = |e: &Expr| {
        name_of(e).is_some_and(|n| {
            let lower = n.to_ascii_lowercase();
            super::PASSWORD.is_match(n)
                || ["confirm", "repeat", "again", "password2", "passwd2"].iter().any(|w| lower.contains(w))
        })
    };
    if confirmation(left) && confirmation(right) {
        return;
    }
    // `self.signature == other.signature`: two objects' properties, not a check.
    if name_of(left).is_some() && name_of(left) == name_of(right) {
        return;
    }
    let flagged = (secret_side(left) && !harmless_other(right)) || (secret_side(right) && !harmless_other(left));
    if flagged {
        c.report(
            "PY005",
            Low,
            Medium,
            "A secret is compared with `==`/`!=`, which takes longer the more characters match; use `hmac.compare_digest()`.",
            cmp.range,
            cmp.range,
        );
    }
}
