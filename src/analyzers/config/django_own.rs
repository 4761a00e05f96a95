//! DJ101-DJ112: what Django's `check --deploy` does not look at: password
//! validators, middleware order, password hashers, host and origin
//! allow-lists, CORS, SameSite, upload permissions and sizes.

use super::django::{Issue, Test, value};
use super::settings::{Settings, Val};
use crate::finding::Level::{High, Low, Medium};

const VALIDATORS: &str = "django.contrib.auth.password_validation.";
const BUILT_IN: &[&str] = &[
    "UserAttributeSimilarityValidator",
    "MinimumLengthValidator",
    "CommonPasswordValidator",
    "NumericPasswordValidator",
];

fn issue(rule: &'static str, severity: crate::finding::Level, setting: &'static str, message: String) -> Issue {
    Issue { rule, severity, setting, test: Test::Value, message }
}

/// A validator's short name and its OPTIONS dict.
type Validator = (String, Vec<(Val, Val)>);

/// The entries of AUTH_PASSWORD_VALIDATORS (None when they cannot be evaluated).
fn validators(s: &Settings) -> Option<Vec<Validator>> {
    let Val::Seq(entries) = value(s, "AUTH_PASSWORD_VALIDATORS") else { return None };
    let mut out = Vec::new();
    for entry in entries {
        let Val::Dict(items) = entry else { return None };
        let name = items.iter().find(|(k, _)| k.as_str() == Some("NAME")).and_then(|(_, v)| v.as_str())?;
        let options = match items.iter().find(|(k, _)| k.as_str() == Some("OPTIONS")) {
            Some((_, Val::Dict(o))) => o.clone(),
            Some(_) => return None,
            None => Vec::new(),
        };
        out.push((name.strip_prefix(VALIDATORS).unwrap_or(name).to_owned(), options));
    }
    Some(out)
}

fn option<'v>(options: &'v [(Val, Val)], key: &str) -> Option<&'v Val> {
    options.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
}

pub fn check(s: &Settings) -> Vec<Issue> {
    let mut out = Vec::new();
    if let Some(validators) = validators(s) {
        let missing: Vec<&str> = BUILT_IN.iter().copied().filter(|b| !validators.iter().any(|(n, _)| n == b)).collect();
        if !missing.is_empty() {
            out.push(issue(
                "DJ101",
                Medium,
                "AUTH_PASSWORD_VALIDATORS",
                format!("AUTH_PASSWORD_VALIDATORS lacks {}, so users can choose weak passwords.", missing.join(", ")),
            ));
        }
        for (name, options) in &validators {
            match name.as_str() {
                "MinimumLengthValidator" => {
                    let length = match option(options, "min_length") {
                        None => Some(8),
                        Some(Val::Int(n)) => Some(*n),
                        Some(_) => None,
                    };
                    if let Some(n) = length.filter(|n| *n < 12) {
                        let severity = if n < 8 { Medium } else { Low };
                        out.push(issue(
                            "DJ102",
                            severity,
                            "AUTH_PASSWORD_VALIDATORS",
                            format!("Passwords may be as short as {n} characters; require at least 12 (NIST SP 800-63B allows 8 at the very least)."),
                        ));
                    }
                }
                "UserAttributeSimilarityValidator" => {
                    let loose = match option(options, "max_similarity") {
                        Some(Val::Float(f)) => *f > 0.7,
                        Some(Val::Int(i)) => *i >= 1,
                        _ => false,
                    };
                    let no_attributes = matches!(option(options, "user_attributes"), Some(Val::Seq(a)) if a.is_empty());
                    if loose || no_attributes {
                        out.push(issue(
                            "DJ103",
                            Medium,
                            "AUTH_PASSWORD_VALIDATORS",
                            "UserAttributeSimilarityValidator is loosened (max_similarity above 0.7 or no user attributes), so passwords close to the username or e-mail pass.".into(),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    if let Val::Seq(middleware) = value(s, "MIDDLEWARE") {
        let pos = |name: &str| middleware.iter().position(|m| m.as_str() == Some(name));
        let security = pos("django.middleware.security.SecurityMiddleware");
        let session = pos("django.contrib.sessions.middleware.SessionMiddleware");
        let auth = pos("django.contrib.auth.middleware.AuthenticationMiddleware");
        let csrf = pos("django.middleware.csrf.CsrfViewMiddleware");
        if let Some(sec) = security {
            for later in [
                "django.contrib.sessions.middleware.SessionMiddleware",
                "django.middleware.common.CommonMiddleware",
                "django.middleware.csrf.CsrfViewMiddleware",
                "django.contrib.auth.middleware.AuthenticationMiddleware",
                "django.contrib.messages.middleware.MessageMiddleware",
            ] {
                if pos(later).is_some_and(|p| p < sec) {
                    out.push(issue(
                        "DJ104",
                        Medium,
                        "MIDDLEWARE",
                        format!("SecurityMiddleware comes after {later}; put it first so its redirect and headers apply before anything else runs."),
                    ));
                }
            }
        }
        if let (Some(a), Some(sess)) = (auth, session)
            && a < sess
        {
            out.push(issue("DJ104", Medium, "MIDDLEWARE", "AuthenticationMiddleware comes before SessionMiddleware, which it needs: every request fails with ImproperlyConfigured, or a custom stack skips authentication.".into()));
        }
        if let Some(c) = csrf {
            for remote in [
                "django.contrib.auth.middleware.RemoteUserMiddleware",
                "django.contrib.auth.middleware.PersistentRemoteUserMiddleware",
            ] {
                if pos(remote).is_some_and(|r| r < c) {
                    out.push(issue(
                        "DJ104",
                        Medium,
                        "MIDDLEWARE",
                        format!("CsrfViewMiddleware comes after {remote}, which may log users in and rotate the CSRF token; put CSRF first."),
                    ));
                }
            }
        }
        let auth_app = value(s, "INSTALLED_APPS").contains_str("django.contrib.auth");
        if auth_app == Some(true) && auth.is_none() {
            out.push(issue("DJ105", High, "MIDDLEWARE", "django.contrib.auth is installed but AuthenticationMiddleware is not in MIDDLEWARE, so request.user is never set and login_required cannot work.".into()));
        }
    }
    if let Val::Seq(hashers) = value(s, "PASSWORD_HASHERS")
        && let Some(first) = hashers.first().and_then(Val::as_str)
    {
        let weak = [
            "MD5PasswordHasher",
            "UnsaltedMD5PasswordHasher",
            "SHA1PasswordHasher",
            "UnsaltedSHA1PasswordHasher",
            "CryptPasswordHasher",
        ];
        if let Some(name) = first.strip_prefix("django.contrib.auth.hashers.").filter(|n| weak.contains(n)) {
            out.push(issue("DJ106", High, "PASSWORD_HASHERS", format!("New passwords are hashed with {name}, a fast or broken hash; put a password hasher (Argon2, PBKDF2, scrypt or bcrypt) first.")));
        }
    }
    if value(s, "ALLOWED_HOSTS").contains_str("*") == Some(true) && matches!(value(s, "ALLOWED_HOSTS"), Val::Seq(_)) {
        out.push(issue("DJ107", Medium, "ALLOWED_HOSTS", "ALLOWED_HOSTS accepts any Host header ('*'), which enables host-header attacks such as poisoned password-reset links.".into()));
    }
    if let Val::Seq(origins) = value(s, "CSRF_TRUSTED_ORIGINS") {
        for origin in origins.iter().filter_map(Val::as_str) {
            if origin.starts_with("http://") || matches!(origin, "*" | "https://*" | "http://*") {
                out.push(issue(
                    "DJ108",
                    Medium,
                    "CSRF_TRUSTED_ORIGINS",
                    format!(
                        "CSRF_TRUSTED_ORIGINS trusts {origin:?}: plain-HTTP or wildcard origins can forge requests."
                    ),
                ));
            }
        }
    }
    // django-cors-headers reads CORS_ALLOW_ALL_ORIGINS, falling back to the
    // old name only when the new one is unset.
    let setting =
        if s.get("CORS_ALLOW_ALL_ORIGINS").is_some() { "CORS_ALLOW_ALL_ORIGINS" } else { "CORS_ORIGIN_ALLOW_ALL" };
    let all_origins = value(s, setting).truthy() == Some(true);
    if all_origins && value(s, "CORS_ALLOW_CREDENTIALS").truthy() == Some(true) {
        out.push(issue("DJ109", High, setting, "CORS allows every origin together with credentials: any website can make authenticated requests and read the answers.".into()));
    }
    match value(s, "SESSION_COOKIE_SAMESITE") {
        Val::None | Val::Bool(false) => out.push(issue(
            "DJ110",
            Medium,
            "SESSION_COOKIE_SAMESITE",
            "SESSION_COOKIE_SAMESITE is None, so the session cookie is sent with cross-site requests.".into(),
        )),
        Val::Str(v) if v.eq_ignore_ascii_case("none") => out.push(issue(
            "DJ110",
            Medium,
            "SESSION_COOKIE_SAMESITE",
            "SESSION_COOKIE_SAMESITE is 'None', so the session cookie is sent with cross-site requests.".into(),
        )),
        _ => {}
    }
    for setting in ["FILE_UPLOAD_PERMISSIONS", "FILE_UPLOAD_DIRECTORY_PERMISSIONS"] {
        if let Val::Int(mode) = value(s, setting)
            && mode & 0o002 != 0
        {
            let name = if setting == "FILE_UPLOAD_PERMISSIONS" {
                "FILE_UPLOAD_PERMISSIONS"
            } else {
                "FILE_UPLOAD_DIRECTORY_PERMISSIONS"
            };
            out.push(issue(
                "DJ111",
                Medium,
                name,
                format!("{setting} is {mode:#o}: uploaded files are writable by every user of the server."),
            ));
        }
    }
    if value(s, "DATA_UPLOAD_MAX_MEMORY_SIZE") == Val::None && s.get("DATA_UPLOAD_MAX_MEMORY_SIZE").is_some() {
        out.push(issue(
            "DJ112",
            Low,
            "DATA_UPLOAD_MAX_MEMORY_SIZE",
            "DATA_UPLOAD_MAX_MEMORY_SIZE is None, so request bodies of any size are read into memory.".into(),
        ));
    }
    out
}
