//! PEP 751 lock files (`pylock.toml`, `pylock.<name>.toml`): one
//! `[[packages]]` per locked distribution, with its `name` and (optional)
//! `version`, and where it comes from: `sdist`/`wheels` (from an `index`),
//! or a `vcs`, `directory` or `archive` table, which cannot be audited (the
//! reason names `vcs.url`, `directory.path`, `archive.url` or
//! `archive.path`). A package from an index without a version cannot be
//! audited either.
//!
//! A package is reported at the line of its `name`.

use serde::Deserialize;
use toml::Spanned;

use crate::analyzers::deps::manifest::{Manifest, Spec};

use super::loose::Loose;
use super::{dependency, error_at, local, location, locked_version, sorted, toml_error, vcs};

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    packages: Vec<Spanned<Package>>,
}

#[derive(Deserialize)]
struct Package {
    name: Option<Spanned<Loose>>,
    version: Option<Loose>,
    vcs: Option<Loose>,
    directory: Option<Loose>,
    archive: Option<Loose>,
}

/// Reads a `pylock.toml`.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let lock: Lock = match toml::from_str(text) {
        Ok(lock) => lock,
        Err(error) => {
            manifest.errors.push(toml_error(text, &error));
            return manifest;
        }
    };
    for package in &lock.packages {
        let at = package.span();
        let package = package.get_ref();
        let Some(name) = &package.name else {
            manifest.errors.push(error_at(text, at, "a `[[packages]]` without a `name`".to_owned()));
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
    if let Some(vcs_source) = &package.vcs {
        let url = vcs_source.str_of("url").or_else(|| vcs_source.str_of("path"));
        return vcs(url.unwrap_or_default());
    }
    if let Some(directory) = &package.directory {
        return local(directory.str_of("path").unwrap_or_default());
    }
    if let Some(archive) = &package.archive {
        if let Some(url) = archive.str_of("url") {
            return location(url);
        }
        return local(archive.str_of("path").unwrap_or_default());
    }
    locked_version(package.version.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_by_source() {
        let text = r#"lock-version = "1.0"
environments = ["sys_platform == 'linux'"]
requires-python = ">=3.12"
created-by = "uv"

[[packages]]
name = "django"
version = "5.1.4"
index = "https://pypi.org/simple"
sdist = { url = "https://files.pythonhosted.org/packages/d3/e8/django-5.1.4.tar.gz", upload-time = 2024-12-04T15:32:21Z, size = 10794480, hashes = { sha256 = "de450c09e91879fa5a307f696e57c851955c910a438a35e6b4c895e86bedc82a" } }
wheels = [
    { url = "https://files.pythonhosted.org/packages/58/0b/django-5.1.4-py3-none-any.whl", upload-time = 2024-12-04T15:32:16Z, size = 8276180, hashes = { sha256 = "236e215f0a6d0bc1ad9d5d6dab8a1d9a3bf9c4c0a6a3c0c6e8e8e8e8e8e8e8e8" } },
]

[[packages]]
name = "tool"
version = "1.0"
vcs = { type = "git", url = "https://github.com/org/tool.git", commit-id = "0123456789abcdef0123456789abcdef01234567" }

[[packages]]
name = "mylib"
directory = { path = "./libs/mylib", editable = true }

[[packages]]
name = "thing"
archive = { url = "https://example.com/thing-2.0.tar.gz", hashes = { sha256 = "00" } }

[[packages]]
name = "nothing"
"#;
        let manifest = read(text);
        let got: Vec<(usize, &str, &Spec)> = manifest.deps.iter().map(|d| (d.line, d.name.as_str(), &d.spec)).collect();
        let archive = Spec::Unauditable("a URL requirement (https://example.com/thing-2.0.tar.gz)".into());
        let no_version = Spec::Unauditable("no version in the lock file".into());
        let expected = [
            (7, "django", &Spec::Pinned("5.1.4".into())),
            (16, "tool", &vcs("https://github.com/org/tool.git")),
            (21, "mylib", &local("./libs/mylib")),
            (25, "thing", &archive),
            (29, "nothing", &no_version),
        ];
        assert_eq!(got, expected);
        assert!(manifest.errors.is_empty());
    }
}
