//! DJ001-DJ027: the security checks of Django's `manage.py check --deploy`,
//! with Django's exact conditions (exact string membership for middleware,
//! `is True` for booleans, W010/W011 collapsing into W012 and W013/W014 into
//! W015), run on statically evaluated settings.

use super::settings::{Origin, Settings, Val};
use crate::finding::Level::{self, High, Low, Medium};

const SECURITY_MW: &str = "django.middleware.security.SecurityMiddleware";
const XFRAME_MW: &str = "django.middleware.clickjacking.XFrameOptionsMiddleware";
const CSRF_MW: &str = "django.middleware.csrf.CsrfViewMiddleware";
const SESSION_MW: &str = "django.contrib.sessions.middleware.SessionMiddleware";
const SESSION_APP: &str = "django.contrib.sessions";
const CSP_MW: &str = "django.middleware.csp.ContentSecurityPolicyMiddleware";
const CSP_PROCESSOR: &str = "django.template.context_processors.csp";

/// How a check judges its setting, which decides whether an environment
/// variable could change the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    /// `setting is True`: a variable read with `os.environ.get` is a string
    /// when set, never True, so it cannot make the check pass.
    IsTrue,
    /// Any other test (truthiness, membership, validity).
    Value,
}

/// One check result, before it is located and rendered.
pub struct Issue {
    pub rule: &'static str,
    pub severity: Level,
    /// The setting whose value decided it (for the location and confidence).
    pub setting: &'static str,
    pub test: Test,
    pub message: String,
}

/// Django's global default for a setting the checks read.
pub fn default(name: &str) -> Val {
    match name {
        "DEBUG"
        | "SECURE_HSTS_INCLUDE_SUBDOMAINS"
        | "SECURE_HSTS_PRELOAD"
        | "SECURE_SSL_REDIRECT"
        | "SESSION_COOKIE_SECURE"
        | "CSRF_COOKIE_SECURE"
        | "CSRF_USE_SESSIONS" => Val::Bool(false),
        "SECURE_CONTENT_TYPE_NOSNIFF" | "SESSION_COOKIE_HTTPONLY" => Val::Bool(true),
        "ALLOWED_HOSTS" | "SECRET_KEY_FALLBACKS" | "MIDDLEWARE" | "INSTALLED_APPS" | "TEMPLATES" => Val::Seq(vec![]),
        "SECRET_KEY" => Val::Str(String::new()),
        "X_FRAME_OPTIONS" => Val::Str("DENY".into()),
        "SECURE_CROSS_ORIGIN_OPENER_POLICY" | "SECURE_REFERRER_POLICY" => Val::Str("same-origin".into()),
        "SECURE_HSTS_SECONDS" => Val::Int(0),
        "SECURE_CSP" | "SECURE_CSP_REPORT_ONLY" => Val::Dict(vec![]),
        "AUTH_PASSWORD_VALIDATORS" | "CSRF_TRUSTED_ORIGINS" => Val::Seq(vec![]),
        "SESSION_COOKIE_SAMESITE" => Val::Str("Lax".into()),
        "FILE_UPLOAD_PERMISSIONS" => Val::Int(0o644),
        "FILE_UPLOAD_DIRECTORY_PERMISSIONS" => Val::None,
        "DATA_UPLOAD_MAX_MEMORY_SIZE" => Val::Int(2_621_440),
        "CORS_ALLOW_ALL_ORIGINS" | "CORS_ORIGIN_ALLOW_ALL" | "CORS_ALLOW_CREDENTIALS" => Val::Bool(false),
        "PASSWORD_HASHERS" => Val::Seq(vec![Val::Str("django.contrib.auth.hashers.PBKDF2PasswordHasher".into())]),
        _ => Val::Unknown,
    }
}

/// A setting's value (Django's default when unset).
pub fn value(s: &Settings, name: &str) -> Val {
    s.get(name).map_or_else(|| default(name), |(v, _)| v.clone())
}

pub fn origin<'s>(s: &'s Settings, name: &str) -> Option<&'s Origin> {
    s.get(name).map(|(_, o)| o)
}

/// Django's `_check_secret_key` on a string.
fn key_ok(k: &str) -> bool {
    let unique: std::collections::HashSet<char> = k.chars().collect();
    unique.len() >= 5 && k.chars().count() >= 50 && !k.starts_with("django-insecure-")
}

/// `check_secret_key`: any falsy SECRET_KEY makes Django's settings raise,
/// which the check turns into W009; a truthy non-string crashes the check.
fn secret_key_ok(key: &Val) -> Option<bool> {
    match key {
        Val::Str(k) => Some(key_ok(k)),
        other => match other.truthy() {
            Some(false) => Some(false),
            _ => None,
        },
    }
}

const REFERRER_POLICIES: &[&str] = &[
    "no-referrer",
    "no-referrer-when-downgrade",
    "origin",
    "origin-when-cross-origin",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
];

fn issue(rule: &'static str, severity: Level, setting: &'static str, message: impl Into<String>) -> Issue {
    let test = if matches!(
        setting,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS"
            | "SECURE_HSTS_PRELOAD"
            | "SECURE_CONTENT_TYPE_NOSNIFF"
            | "SECURE_SSL_REDIRECT"
            | "SESSION_COOKIE_SECURE"
            | "SESSION_COOKIE_HTTPONLY"
            | "CSRF_COOKIE_SECURE"
    ) {
        Test::IsTrue
    } else {
        Test::Value
    };
    Issue { rule, severity, setting, test, message: message.into() }
}

/// Runs every check; the caller keeps the enabled ones.
pub fn check(s: &Settings) -> Vec<Issue> {
    let mut out = Vec::new();
    let middleware = value(s, "MIDDLEWARE");
    let apps = value(s, "INSTALLED_APPS");
    let has_mw = |name: &str| middleware.contains_str(name);
    let sec_mw = has_mw(SECURITY_MW);

    if sec_mw == Some(false) {
        out.push(issue("DJ001", Medium, "MIDDLEWARE", "SecurityMiddleware is not in MIDDLEWARE, so HSTS, nosniff, the referrer and opener policies and the SSL redirect are all off."));
    }
    if has_mw(XFRAME_MW) == Some(false) {
        out.push(issue(
            "DJ002",
            Medium,
            "MIDDLEWARE",
            "XFrameOptionsMiddleware is not in MIDDLEWARE, so pages can be framed (clickjacking).",
        ));
    }
    let csrf_mw = has_mw(CSRF_MW);
    if csrf_mw == Some(false) {
        out.push(issue(
            "DJ003",
            High,
            "MIDDLEWARE",
            "CsrfViewMiddleware is not in MIDDLEWARE, so forms are not protected against cross-site request forgery.",
        ));
    }
    if sec_mw == Some(true) {
        let hsts = value(s, "SECURE_HSTS_SECONDS");
        match hsts.truthy() {
            Some(false) => out.push(issue(
                "DJ004",
                Medium,
                "SECURE_HSTS_SECONDS",
                "SECURE_HSTS_SECONDS is not set, so browsers are not told to use HTTPS only.",
            )),
            Some(true) => {
                if value(s, "SECURE_HSTS_INCLUDE_SUBDOMAINS").is_true() == Some(false) {
                    out.push(issue("DJ005", Low, "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_INCLUDE_SUBDOMAINS is not True, so subdomains can still be reached over plain HTTP."));
                }
                if value(s, "SECURE_HSTS_PRELOAD").is_true() == Some(false) {
                    out.push(issue("DJ021", Low, "SECURE_HSTS_PRELOAD", "SECURE_HSTS_PRELOAD is not True, so the site cannot be added to the browsers' HSTS preload list."));
                }
            }
            None => {}
        }
        if value(s, "SECURE_CONTENT_TYPE_NOSNIFF").is_true() == Some(false) {
            out.push(issue(
                "DJ006",
                Low,
                "SECURE_CONTENT_TYPE_NOSNIFF",
                "SECURE_CONTENT_TYPE_NOSNIFF is not True, so browsers may guess content types (MIME sniffing).",
            ));
        }
        if value(s, "SECURE_SSL_REDIRECT").is_true() == Some(false) {
            out.push(issue(
                "DJ008",
                Medium,
                "SECURE_SSL_REDIRECT",
                "SECURE_SSL_REDIRECT is not True, so plain-HTTP requests are served instead of redirected to HTTPS.",
            ));
        }
        match value(s, "SECURE_REFERRER_POLICY") {
            Val::None => out.push(issue(
                "DJ022",
                Low,
                "SECURE_REFERRER_POLICY",
                "SECURE_REFERRER_POLICY is None, so no Referrer-Policy header is sent.",
            )),
            policy => {
                // Django takes `set(value)` of a non-string: a dict's keys.
                let values: Option<Vec<String>> = match &policy {
                    Val::Str(text) => Some(text.split(',').map(|v| v.trim().to_owned()).collect()),
                    Val::Seq(items) => items.iter().map(|i| i.as_str().map(str::to_owned)).collect(),
                    Val::Dict(items) => items.iter().map(|(k, _)| k.as_str().map(str::to_owned)).collect(),
                    _ => None,
                };
                if let Some(values) = values
                    && !values.iter().all(|v| REFERRER_POLICIES.contains(&v.as_str()))
                {
                    out.push(issue(
                        "DJ023",
                        Low,
                        "SECURE_REFERRER_POLICY",
                        format!("SECURE_REFERRER_POLICY {} is not a valid Referrer-Policy.", policy.python_repr()),
                    ));
                }
            }
        }
        match value(s, "SECURE_CROSS_ORIGIN_OPENER_POLICY") {
            Val::Str(p) if matches!(p.as_str(), "same-origin" | "same-origin-allow-popups" | "unsafe-none") => {}
            // None is fine; an unhashable list or dict crashes Django's check.
            Val::None | Val::Seq(_) | Val::Dict(_) | Val::Unknown | Val::Env { .. } | Val::Ref(_) | Val::Add(..) => {}
            other => out.push(issue(
                "DJ024",
                Low,
                "SECURE_CROSS_ORIGIN_OPENER_POLICY",
                format!(
                    "SECURE_CROSS_ORIGIN_OPENER_POLICY {} is not a valid Cross-Origin-Opener-Policy.",
                    other.python_repr()
                ),
            )),
        }
    }
    if secret_key_ok(&value(s, "SECRET_KEY")) == Some(false) {
        out.push(issue("DJ009", High, "SECRET_KEY", "SECRET_KEY is shorter than 50 characters, has fewer than 5 distinct characters, or starts with 'django-insecure-'; generate a long random key and keep it out of the code."));
    }
    if let Val::Seq(fallbacks) = value(s, "SECRET_KEY_FALLBACKS") {
        // Only string entries are judged (Django's check crashes on others).
        for (i, key) in fallbacks.iter().enumerate() {
            if key.as_str().is_some_and(|k| !key_ok(k)) {
                out.push(issue("DJ025", High, "SECRET_KEY_FALLBACKS", format!("SECRET_KEY_FALLBACKS[{i}] is shorter than 50 characters, has fewer than 5 distinct characters, or starts with 'django-insecure-'.")));
            }
        }
    }
    let app = apps.contains_str(SESSION_APP);
    let session_mw = has_mw(SESSION_MW);
    if let (Some(app), Some(mw)) = (app, session_mw) {
        if value(s, "SESSION_COOKIE_SECURE").is_true() == Some(false) {
            match (app, mw) {
                (true, true) => out.push(issue("DJ012", Medium, "SESSION_COOKIE_SECURE", "SESSION_COOKIE_SECURE is not True, so the session cookie also travels over plain HTTP where it can be sniffed.")),
                (true, false) => out.push(issue("DJ010", Medium, "SESSION_COOKIE_SECURE", "django.contrib.sessions is installed but SESSION_COOKIE_SECURE is not True.")),
                (false, true) => out.push(issue("DJ011", Medium, "SESSION_COOKIE_SECURE", "SessionMiddleware is in MIDDLEWARE but SESSION_COOKIE_SECURE is not True.")),
                (false, false) => {}
            }
        }
        if value(s, "SESSION_COOKIE_HTTPONLY").is_true() == Some(false) {
            match (app, mw) {
                (true, true) => out.push(issue(
                    "DJ015",
                    Medium,
                    "SESSION_COOKIE_HTTPONLY",
                    "SESSION_COOKIE_HTTPONLY is not True, so scripts (and XSS) can read the session cookie.",
                )),
                (true, false) => out.push(issue(
                    "DJ013",
                    Medium,
                    "SESSION_COOKIE_HTTPONLY",
                    "django.contrib.sessions is installed but SESSION_COOKIE_HTTPONLY is not True.",
                )),
                (false, true) => out.push(issue(
                    "DJ014",
                    Medium,
                    "SESSION_COOKIE_HTTPONLY",
                    "SessionMiddleware is in MIDDLEWARE but SESSION_COOKIE_HTTPONLY is not True.",
                )),
                (false, false) => {}
            }
        }
    }
    if csrf_mw == Some(true)
        && value(s, "CSRF_USE_SESSIONS").truthy() == Some(false)
        && value(s, "CSRF_COOKIE_SECURE").is_true() == Some(false)
    {
        out.push(issue("DJ016", Medium, "CSRF_COOKIE_SECURE", "CsrfViewMiddleware is in MIDDLEWARE but CSRF_COOKIE_SECURE is not True, so the CSRF cookie also travels over plain HTTP."));
    }
    if value(s, "DEBUG").truthy() == Some(true) {
        out.push(issue(
            "DJ018",
            High,
            "DEBUG",
            "DEBUG is on: error pages show settings, source code and local variables to anyone.",
        ));
    }
    if has_mw(XFRAME_MW) == Some(true) {
        match value(s, "X_FRAME_OPTIONS") {
            Val::Str(v) if v == "DENY" => {}
            Val::Unknown | Val::Env { .. } => {}
            other => out.push(issue(
                "DJ019",
                Low,
                "X_FRAME_OPTIONS",
                format!("X_FRAME_OPTIONS is {}, not 'DENY'.", other.python_repr()),
            )),
        }
    }
    // Django refuses to start when ALLOWED_HOSTS is not a list or tuple.
    if matches!(value(s, "ALLOWED_HOSTS"), Val::Seq(ref hosts) if hosts.is_empty()) {
        out.push(issue("DJ020", Low, "ALLOWED_HOSTS", "ALLOWED_HOSTS is empty: in production every request is refused (and with DEBUG on, any Host header is accepted for localhost)."));
    }
    for setting in ["SECURE_CSP", "SECURE_CSP_REPORT_ONLY"] {
        match value(s, setting) {
            Val::None | Val::Dict(_) | Val::Unknown | Val::Env { .. } => {}
            other => out.push(issue(
                "DJ026",
                Low,
                if setting == "SECURE_CSP" { "SECURE_CSP" } else { "SECURE_CSP_REPORT_ONLY" },
                format!("{setting} must be a dictionary (got {}).", other.python_repr()),
            )),
        }
    }
    if has_mw(CSP_MW) == Some(true) && uses_nonce(s) && !has_csp_processor(s) {
        out.push(issue("DJ027", Low, "TEMPLATES", "The CSP uses a nonce but the 'django.template.context_processors.csp' context processor is not enabled, so templates cannot add it."));
    }
    out
}

fn is_nonce(v: &Val) -> bool {
    match v {
        Val::Attr(a) => a == "CSP.NONCE" || a.ends_with(".CSP.NONCE"),
        Val::Seq(items) => items.iter().any(is_nonce),
        _ => false,
    }
}

fn uses_nonce(s: &Settings) -> bool {
    ["SECURE_CSP", "SECURE_CSP_REPORT_ONLY"].iter().any(|name| match value(s, name) {
        Val::Dict(items) => items.iter().any(|(_, v)| is_nonce(v)),
        _ => false,
    })
}

fn has_csp_processor(s: &Settings) -> bool {
    let Val::Seq(templates) = value(s, "TEMPLATES") else { return true };
    templates.iter().any(|t| {
        let Val::Dict(items) = t else { return true };
        items.iter().any(|(k, v)| {
            k.as_str() == Some("OPTIONS")
                && match v {
                    Val::Dict(opts) => opts.iter().any(|(k, v)| {
                        k.as_str() == Some("context_processors") && v.contains_str(CSP_PROCESSOR) != Some(false)
                    }),
                    _ => true,
                }
        })
    })
}
