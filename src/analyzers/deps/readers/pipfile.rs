//! `Pipfile` (TOML): the `[packages]` and `[dev-packages]` tables, name to
//! either a version (`"*"` for any, `"==1.2"`, `">=1.0,<2"`; a bare `"1.2"`
//! is taken as `==1.2`) or a table: `{ version = "...", extras = [...],
//! markers = "..." }`, or one that does not come from a package index and
//! cannot be audited: `{ git = "...", ref = "..." }` (or `hg`, `svn`,
//! `bzr`), `{ path = "..." }`, `{ file = "..." }`,
//! `{ editable = true, path = "." }`.
//!
//! A package is reported at the line of its key. Other tables (`[source]`,
//! `[requires]`, custom package categories) are not read.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::analyzers::deps::manifest::{Manifest, Spec, parse_specifiers};

use super::loose::Loose;
use super::{dependency, error_at, local, location, sorted, toml_error, vcs};

/// A table of packages by name, each name with its position.
type Entries = BTreeMap<Spanned<String>, Loose>;

#[derive(Deserialize)]
struct Pipfile {
    packages: Option<Entries>,
    #[serde(rename = "dev-packages")]
    dev_packages: Option<Entries>,
}

/// Reads a `Pipfile`.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let pipfile: Pipfile = match toml::from_str(text) {
        Ok(pipfile) => pipfile,
        Err(error) => {
            manifest.errors.push(toml_error(text, &error));
            return manifest;
        }
    };
    for (name, value) in pipfile.packages.iter().chain(&pipfile.dev_packages).flatten() {
        match spec_of(value) {
            Ok(spec) => manifest.deps.push(dependency(text, name.span(), name.get_ref(), spec)),
            Err(message) => {
                let message = format!("`{}`: {message}", name.get_ref());
                manifest.errors.push(error_at(text, name.span(), message));
            }
        }
    }
    sorted(manifest)
}

/// What a package entry stands for.
fn spec_of(value: &Loose) -> Result<Spec, String> {
    if let Loose::Str(version) = value {
        return version_spec(version);
    }
    if !matches!(value, Loose::Table(_)) {
        return Err(format!("expected a version string or a table, not {}", value.kind()));
    }
    if let Some(url) = ["git", "hg", "svn", "bzr"].into_iter().find_map(|key| value.str_of(key)) {
        return Ok(vcs(url));
    }
    if let Some(path) = value.str_of("path") {
        return Ok(local(path));
    }
    if let Some(file) = value.str_of("file") {
        return Ok(location(file));
    }
    match value.get("version") {
        None => Ok(Spec::Range(String::new())),
        Some(Loose::Str(version)) => version_spec(version),
        Some(other) => Err(format!("`version` must be a string, not {}", other.kind())),
    }
}

/// A Pipfile version: a specifier set, `*`, or a bare version (`==`).
fn version_spec(version: &str) -> Result<Spec, String> {
    let version = version.trim();
    if version.starts_with(|c: char| c.is_ascii_digit()) {
        parse_specifiers(&format!("=={version}"))
    } else {
        parse_specifiers(version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_in_every_form() {
        let text = r#"[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
django = "==4.2.11"
requests = {version = ">=2.31,<3", extras = ["socks"]}
flask = "*"
gunicorn = "21.2.0"
mylib = {editable = true, path = "."}
tool = {git = "https://github.com/org/tool.git", ref = "v1.0"}
bad = ">>1"

[dev-packages]
pytest = {markers = "python_version >= '3.8'"}

[requires]
python_version = "3.12"
"#;
        let manifest = read(text);
        let got: Vec<(usize, &str, &Spec)> = manifest.deps.iter().map(|d| (d.line, d.name.as_str(), &d.spec)).collect();
        let expected = [
            (7, "django", &Spec::Pinned("4.2.11".into())),
            (8, "requests", &Spec::Range(">=2.31, <3".into())),
            (9, "flask", &Spec::Range(String::new())),
            (10, "gunicorn", &Spec::Pinned("21.2.0".into())),
            (11, "mylib", &local(".")),
            (12, "tool", &vcs("https://github.com/org/tool.git")),
            (16, "pytest", &Spec::Range(String::new())),
        ];
        assert_eq!(got, expected);
        assert_eq!(manifest.errors.len(), 1);
        assert_eq!(manifest.errors[0].line, 13);
        assert!(manifest.errors[0].message.starts_with("`bad`: "), "{}", manifest.errors[0].message);
    }
}
