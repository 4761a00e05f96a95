//! String literals of a Python file read in context: the name a literal is
//! given to decides whether it is a framework signing key (SEC004) or a
//! password, token or API key (SEC005).
//!
//! Contexts: assignment to a variable, an attribute or a subscript with a
//! constant key (`SECRET_KEY = "..."`, `app.secret_key = "..."`,
//! `app.config["SECRET_KEY"] = "..."`), an annotated assignment, a keyword
//! argument (`connect(password="...")`), a dict entry (`{"api_key": "..."}`),
//! a parameter default (`def login(password="...")`), a comparison
//! (`if token == "..."`), and a lookup with a literal default
//! (`os.environ.get("API_TOKEN", "...")`).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{Hit, entropy, is_not_a_secret_value, is_placeholder};
use crate::finding::Level;
use crate::python::PyFile;

/// The words of an identifier or key: `DJANGO_SECRET_KEY`, `apiKey`,
/// `client-secret` give `django secret key`, `api key`, `client secret`.
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// SEC004: the name of a framework signing key.
fn is_signing_key(words: &[String]) -> bool {
    words.len() >= 2 && words[words.len() - 2] == "secret" && words[words.len() - 1] == "key"
}

/// Words that make a name a secret's.
const SECRET_WORDS: &[&str] =
    &["password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "credential", "credentials"];
/// Two-word names of secrets (`api_key`, `auth_key`, ...).
const SECRET_PAIRS: &[(&str, &str)] = &[
    ("api", "key"),
    ("auth", "key"),
    ("access", "key"),
    ("private", "key"),
    ("secret", "key"),
    ("signing", "key"),
    ("encryption", "key"),
    ("master", "key"),
    ("client", "secret"),
    ("app", "secret"),
];
/// Words that make a name something else than a secret (`token_url`,
/// `password_field`, `PASSWORD_MIN_LENGTH`, `secret_name`, `csrf_token`).
const NOT_SECRET_WORDS: &[&str] = &[
    "name",
    "url",
    "uri",
    "field",
    "fields",
    "header",
    "length",
    "len",
    "min",
    "max",
    "type",
    "file",
    "path",
    "id",
    "prompt",
    "label",
    "policy",
    "hash",
    "hashed",
    "count",
    "regex",
    "pattern",
    "expiry",
    "expires",
    "expiration",
    "ttl",
    "env",
    "var",
    "format",
    "template",
    "endpoint",
    "method",
    "scheme",
    "prefix",
    "suffix",
    "message",
    "msg",
    "error",
    "help",
    "display",
    "placeholder",
    "validator",
    "validators",
    "reset",
    "csrf",
    "public",
    "location",
    "dir",
    "key_id",
    "version",
    "timeout",
    "algorithm",
    "alg",
    "class",
    "backend",
    "param",
    "parameter",
    "query",
    "input",
    "widget",
    "description",
    "title",
    "column",
    "attr",
    "attribute",
    "lifetime",
    "age",
    "size",
];

/// SEC005: a password, token or key name (and not one of those that only
/// mention one).
fn is_secret_name(words: &[String]) -> bool {
    let named = words.iter().any(|w| SECRET_WORDS.contains(&w.as_str()))
        || words.windows(2).any(|p| SECRET_PAIRS.contains(&(p[0].as_str(), p[1].as_str())));
    named && !words.iter().any(|w| NOT_SECRET_WORDS.contains(&w.as_str()))
}

struct Finder<'a> {
    file: &'a PyFile,
    hits: Vec<Hit>,
}

/// The constant text of a string or bytes literal.
fn literal(expr: &Expr) -> Option<(String, TextRange)> {
    match expr {
        Expr::StringLiteral(s) => Some((s.value.to_str().to_owned(), s.range())),
        Expr::BytesLiteral(b) => {
            let bytes: Vec<u8> = b.value.bytes().collect();
            String::from_utf8(bytes).ok().map(|s| (s, b.range()))
        }
        _ => None,
    }
}

/// The name a target or key stands for: a variable, an attribute, or a
/// subscript/dict key that is a constant string.
fn name_of(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(n) => Some(n.id.as_str()),
        Expr::Attribute(a) => Some(a.attr.as_str()),
        Expr::Subscript(s) => match s.slice.as_ref() {
            Expr::StringLiteral(k) => Some(k.value.to_str()),
            _ => None,
        },
        Expr::StringLiteral(k) => Some(k.value.to_str()),
        _ => None,
    }
}

impl Finder<'_> {
    fn check(&mut self, name: &str, value: &Expr) {
        let Some((text, range)) = literal(value) else { return };
        let secret = text.trim();
        if secret.chars().count() < 8 || is_placeholder(secret) || secret.contains('\n') {
            return;
        }
        let w = words(name);
        let (detector, rule, provider, severity, confidence) = if is_signing_key(&w) {
            ("framework-secret-key", "SEC004", "Django/Flask", Level::High, Level::High)
        } else if is_secret_name(&w) {
            if is_not_a_secret_value(secret)
                || secret.contains(' ')
                || entropy(secret) <= 2.5
                || secret.contains("://") && !secret.contains('@')
            {
                return;
            }
            ("generic-secret", "SEC005", "generic", Level::Medium, Level::Medium)
        } else {
            return;
        };
        let (line, column) = self.file.lines.line_col(&self.file.text, range.start().to_usize());
        let (end_line, end_col) = self.file.lines.line_col(&self.file.text, range.end().to_usize());
        self.hits.push(Hit {
            detector,
            provider,
            rule,
            severity,
            confidence,
            line,
            column,
            end_column: if end_line == line { end_col } else { column + 1 },
            secret: secret.to_owned(),
        });
    }

    fn parameters(&mut self, params: &Parameters) {
        for p in params.iter_non_variadic_params() {
            if let Some(default) = p.default() {
                self.check(p.parameter.name.as_str(), default);
            }
        }
    }
}

impl<'a> Visitor<'a> for Finder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Assign(a) => {
                for target in &a.targets {
                    match target {
                        Expr::Tuple(t) => {
                            if let Expr::Tuple(values) = a.value.as_ref() {
                                for (n, v) in t.elts.iter().zip(&values.elts) {
                                    if let Some(name) = name_of(n) {
                                        self.check(name, v);
                                    }
                                }
                            }
                        }
                        other => {
                            if let Some(name) = name_of(other) {
                                self.check(name, &a.value);
                            }
                        }
                    }
                }
            }
            Stmt::AnnAssign(a) => {
                if let (Some(name), Some(value)) = (name_of(&a.target), a.value.as_deref()) {
                    self.check(name, value);
                }
            }
            Stmt::FunctionDef(f) => self.parameters(&f.parameters),
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(call) => {
                for kw in &call.arguments.keywords {
                    if let Some(arg) = &kw.arg {
                        self.check(arg.as_str(), &kw.value);
                    }
                }
                // `os.environ.get("API_TOKEN", "literal")`, `config.setdefault("password", "...")`.
                if let [Expr::StringLiteral(key), default, ..] = &call.arguments.args[..] {
                    self.check(key.value.to_str(), default);
                }
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(key) = item.key.as_ref().and_then(name_of) {
                        self.check(key, &item.value);
                    }
                }
            }
            Expr::Compare(c) => {
                if let ([op], [right]) = (&c.ops[..], &c.comparators[..])
                    && matches!(op, ruff_python_ast::CmpOp::Eq | ruff_python_ast::CmpOp::NotEq)
                {
                    if let Some(name) = name_of(&c.left).filter(|_| !matches!(c.left.as_ref(), Expr::StringLiteral(_)))
                    {
                        self.check(name, right);
                    }
                    if let Some(name) = name_of(right).filter(|_| !matches!(right, Expr::StringLiteral(_))) {
                        self.check(name, &c.left);
                    }
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

/// The name-based secrets of a Python file.
pub fn scan(file: &PyFile) -> Vec<Hit> {
    let mut finder = Finder { file, hits: Vec::new() };
    for stmt in file.parsed.suite() {
        finder.visit_stmt(stmt);
    }
    finder.hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(usize, &'static str, String)> {
        let file = crate::python::parse(src.to_owned()).unwrap();
        scan(&file).into_iter().map(|h| (h.line, h.rule, h.secret)).collect()
    }

    #[test]
    fn names_split_into_words() {
        assert_eq!(words("DJANGO_SECRET_KEY"), ["django", "secret", "key"]);
        assert_eq!(words("apiKey"), ["api", "key"]);
        assert_eq!(words("client-secret"), ["client", "secret"]);
    }

    #[test]
    fn contexts() {
        let src = r#"
SECRET_KEY = "k3y-for-signing-8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c"
app.config["SECRET_KEY"] = "another-signing-key-0a9b8c7d"
db = connect(host="db", password="Tr0ub4dor&3xyz")
settings = {"api_key": "a8f5f167f44f4964e6c998dee827110c"}
def login(user, token="9c1185a5c5e9fc54612808977ee8f548b2258d31"):
    if token == "f0e4c2f76c58916ec258f246851bea091d14d4247a2fc3e18694461b1816e13b":
        pass
TOKEN_URL = "https://auth.example.com/token"
password_field = "pass1word2"
api_key = os.environ.get("API_KEY", "default-key-1234abcd")
secret_name = "prod-database-credentials"
PASSWORD = "changeme"
"#;
        let got = found(src);
        let rules: Vec<(usize, &str)> = got.iter().map(|(l, r, _)| (*l, *r)).collect();
        assert_eq!(
            rules,
            vec![
                (2, "SEC004"),
                (3, "SEC004"),
                (4, "SEC005"),
                (5, "SEC005"),
                (6, "SEC005"),
                (7, "SEC005"),
                (11, "SEC005")
            ]
        );
    }
}
