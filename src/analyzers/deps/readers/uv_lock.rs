//! `uv.lock`: one `[[package]]` per locked distribution, with its `name`,
//! `version` and `source`, an inline table with one key:
//!
//! - `registry`: from a package index, audited;
//! - `git`, `url`, `path` or `directory`: from somewhere else, cannot be
//!   audited;
//! - `virtual` or `editable`: the project itself or a workspace member, the
//!   user's own code rather than a dependency, skipped.
//!
//! A package without a version (a dynamic one) cannot be audited. A package
//! is reported at the line of its `name`.

use serde::Deserialize;
use toml::Spanned;

use crate::analyzers::deps::manifest::{Manifest, Spec};

use super::loose::Loose;
use super::{dependency, error_at, local, location, locked_version, sorted, toml_error, vcs};

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    package: Vec<Spanned<Package>>,
}

#[derive(Deserialize)]
struct Package {
    name: Option<Spanned<Loose>>,
    version: Option<Loose>,
    source: Option<Loose>,
}

/// Reads a `uv.lock`.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let lock: Lock = match toml::from_str(text) {
        Ok(lock) => lock,
        Err(error) => {
            manifest.errors.push(toml_error(text, &error));
            return manifest;
        }
    };
    for package in &lock.package {
        let at = package.span();
        let package = package.get_ref();
        let source = package.source.as_ref();
        if source.is_some_and(|source| source.get("virtual").is_some() || source.get("editable").is_some()) {
            continue;
        }
        let Some(name) = &package.name else {
            manifest.errors.push(error_at(text, at, "a `[[package]]` without a `name`".to_owned()));
            continue;
        };
        let Some(name_text) = name.get_ref().as_str() else {
            let message = format!("a package `name` must be a string, not {}", name.get_ref().kind());
            manifest.errors.push(error_at(text, name.span(), message));
            continue;
        };
        let spec = source.and_then(source_spec).unwrap_or_else(|| locked_version(package.version.as_ref()));
        manifest.deps.push(dependency(text, name.span(), name_text, spec));
    }
    sorted(manifest)
}

/// Why a package from `source` cannot be audited; `None` for an index.
fn source_spec(source: &Loose) -> Option<Spec> {
    if let Some(url) = source.str_of("git") {
        return Some(vcs(url));
    }
    if let Some(url) = source.str_of("url") {
        return Some(location(url));
    }
    source.str_of("path").or_else(|| source.str_of("directory")).map(local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_by_source() {
        let text = r#"version = 1
revision = 2
requires-python = ">=3.12"

[[package]]
name = "app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "django" },
]

[[package]]
name = "django"
version = "5.0.6"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "httpx"
version = "0.27.0"
source = { git = "https://github.com/encode/httpx?tag=0.27.0#0123456789abcdef" }

[[package]]
name = "local-wheel"
version = "1.0"
source = { path = "wheels/local_wheel-1.0-py3-none-any.whl" }

[[package]]
name = "member"
version = "0.2.0"
source = { editable = "packages/member" }

[[package]]
name = "dynamic"
source = { registry = "https://pypi.org/simple" }
"#;
        let manifest = read(text);
        let got: Vec<(usize, &str, &Spec)> = manifest.deps.iter().map(|d| (d.line, d.name.as_str(), &d.spec)).collect();
        let no_version = Spec::Unauditable("no version in the lock file".into());
        let expected = [
            (14, "django", &Spec::Pinned("5.0.6".into())),
            (19, "httpx", &vcs("https://github.com/encode/httpx?tag=0.27.0#0123456789abcdef")),
            (24, "local-wheel", &local("wheels/local_wheel-1.0-py3-none-any.whl")),
            (34, "dynamic", &no_version),
        ];
        assert_eq!(got, expected);
        assert!(manifest.errors.is_empty());
    }
}
