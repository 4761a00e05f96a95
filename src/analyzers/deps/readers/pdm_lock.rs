//! `pdm.lock`: one `[[package]]` per locked distribution, with its `name`
//! and `version`. A `git`, `path` or `url` key says it does not come from a
//! package index, so it cannot be audited.
//!
//! PDM also locks `name[extra]` as a package of its own (with `extras =
//! [...]` and the same version, depending on the plain `name`): those
//! repeats are skipped. A package is reported at the line of its `name`.

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
    git: Option<Loose>,
    path: Option<Loose>,
    url: Option<Loose>,
    extras: Option<Loose>,
}

/// Reads a `pdm.lock`.
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
        if matches!(&package.extras, Some(Loose::Array(extras)) if !extras.is_empty()) {
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
        manifest.deps.push(dependency(text, name.span(), name_text, spec_of(package)));
    }
    sorted(manifest)
}

fn spec_of(package: &Package) -> Spec {
    if let Some(url) = package.git.as_ref().and_then(Loose::as_str) {
        return vcs(url);
    }
    if let Some(path) = package.path.as_ref().and_then(Loose::as_str) {
        return local(path);
    }
    if let Some(url) = package.url.as_ref().and_then(Loose::as_str) {
        return location(url);
    }
    locked_version(package.version.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_sources_and_extras() {
        let text = r#"[metadata]
groups = ["default"]
strategy = ["inherit_metadata"]
lock_version = "4.5.0"

[[package]]
name = "requests"
version = "2.32.3"
requires_python = ">=3.8"
groups = ["default"]

[[package]]
name = "requests"
version = "2.32.3"
extras = ["socks"]
dependencies = ["requests==2.32.3"]

[[package]]
name = "mylib"
version = "0.1.0"
path = "./libs/mylib"
editable = true

[[package]]
name = "tool"
version = "1.0"
git = "https://github.com/org/tool.git"
revision = "0123456789abcdef"

[[package]]
name = "wheel-only"
version = "1.0"
url = "https://example.com/wheel_only-1.0-py3-none-any.whl"
"#;
        let manifest = read(text);
        let got: Vec<(usize, &str, &Spec)> = manifest.deps.iter().map(|d| (d.line, d.name.as_str(), &d.spec)).collect();
        let url = Spec::Unauditable("a URL requirement (https://example.com/wheel_only-1.0-py3-none-any.whl)".into());
        let expected = [
            (7, "requests", &Spec::Pinned("2.32.3".into())),
            (19, "mylib", &local("./libs/mylib")),
            (25, "tool", &vcs("https://github.com/org/tool.git")),
            (31, "wheel-only", &url),
        ];
        assert_eq!(got, expected);
        assert!(manifest.errors.is_empty());
    }
}
