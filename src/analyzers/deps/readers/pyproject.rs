//! `pyproject.toml`: the PEP 621 `[project]` table's `dependencies` and
//! `optional-dependencies` (PEP 508 strings), the PEP 735
//! `[dependency-groups]` (PEP 508 strings; `{include-group = "..."}` tables
//! are skipped, the group they name is read on its own), and Poetry's
//! `[tool.poetry.dependencies]`, `[tool.poetry.dev-dependencies]` and
//! `[tool.poetry.group.<name>.dependencies]`.
//!
//! A Poetry dependency is a version constraint (`"^3.2"`, read with
//! [`poetry_constraint`]), a table (`{ version = "^3.2", extras = [...],
//! optional = true, python = "..." }`; one with `git`, `path`, `file` or
//! `url` cannot be audited), or an array of such tables (one dependency per
//! table). The `python` entry is the interpreter, not a package.
//!
//! A requirement string is reported at its line, a Poetry dependency at its
//! key's line (in an array, at its table's line). A file with none of these
//! sections declares nothing; invalid TOML gives one [`ParseError`] where
//! the parser stopped, and a value of the wrong type one at that value.
//!
//! [`ParseError`]: crate::analyzers::deps::manifest::ParseError

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::analyzers::deps::manifest::{Manifest, Spec, poetry_constraint};

use super::loose::Loose;
use super::{dependency, error_at, local, location, requirement_or_path, sorted, toml_error, vcs};

/// A table of dependencies by name, each name with its position.
type Entries = BTreeMap<Spanned<String>, Loose>;

#[derive(Deserialize)]
struct Document {
    project: Option<Project>,
    #[serde(rename = "dependency-groups")]
    dependency_groups: Option<Entries>,
    tool: Option<Tool>,
}

#[derive(Deserialize)]
struct Project {
    dependencies: Option<Spanned<Loose>>,
    #[serde(rename = "optional-dependencies")]
    optional_dependencies: Option<Entries>,
}

#[derive(Deserialize)]
struct Tool {
    poetry: Option<Poetry>,
}

#[derive(Deserialize)]
struct Poetry {
    dependencies: Option<Entries>,
    #[serde(rename = "dev-dependencies")]
    dev_dependencies: Option<Entries>,
    group: Option<BTreeMap<String, Group>>,
}

#[derive(Deserialize)]
struct Group {
    dependencies: Option<Entries>,
}

/// Reads a `pyproject.toml`.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let document: Document = match toml::from_str(text) {
        Ok(document) => document,
        Err(error) => {
            manifest.errors.push(toml_error(text, &error));
            return manifest;
        }
    };
    if let Some(project) = &document.project {
        if let Some(list) = &project.dependencies {
            requirements(text, list.get_ref(), list.span(), &mut manifest);
        }
        for (extra, list) in project.optional_dependencies.iter().flatten() {
            requirements(text, list, extra.span(), &mut manifest);
        }
    }
    for (group, list) in document.dependency_groups.iter().flatten() {
        requirements(text, list, group.span(), &mut manifest);
    }
    if let Some(poetry) = document.tool.as_ref().and_then(|tool| tool.poetry.as_ref()) {
        let groups = poetry.group.iter().flat_map(BTreeMap::values).filter_map(|group| group.dependencies.as_ref());
        for entries in poetry.dependencies.iter().chain(&poetry.dev_dependencies).chain(groups) {
            poetry_entries(text, entries, &mut manifest);
        }
    }
    sorted(manifest)
}

/// An array of PEP 508 requirement strings, declared at `at`.
fn requirements(text: &str, list: &Loose, at: Range<usize>, manifest: &mut Manifest) {
    let Loose::Array(items) = list else {
        let message = format!("expected an array of requirement strings, not {}", list.kind());
        manifest.errors.push(error_at(text, at, message));
        return;
    };
    for item in items {
        match item.get_ref() {
            Loose::Str(requirement) => requirement_string(text, item.span(), requirement, manifest),
            // PEP 735: `{include-group = "test"}` names another group, read on its own.
            Loose::Table(table) if table.contains_key("include-group") => {}
            other => {
                let message = format!("expected a requirement string, not {}", other.kind());
                manifest.errors.push(error_at(text, item.span(), message));
            }
        }
    }
}

fn requirement_string(text: &str, at: Range<usize>, requirement: &str, manifest: &mut Manifest) {
    match requirement_or_path(requirement) {
        Ok((name, spec)) => manifest.deps.push(dependency(text, at, &name, spec)),
        Err(message) => {
            let message = format!("`{requirement}` is not a valid requirement: {message}");
            manifest.errors.push(error_at(text, at, message));
        }
    }
}

/// A Poetry dependency table.
fn poetry_entries(text: &str, entries: &Entries, manifest: &mut Manifest) {
    for (name, value) in entries {
        if name.get_ref().eq_ignore_ascii_case("python") {
            continue;
        }
        if let Loose::Array(items) = value {
            for item in items {
                poetry_dependency(text, item.span(), name.get_ref(), item.get_ref(), manifest);
            }
        } else {
            poetry_dependency(text, name.span(), name.get_ref(), value, manifest);
        }
    }
}

fn poetry_dependency(text: &str, at: Range<usize>, name: &str, value: &Loose, manifest: &mut Manifest) {
    match poetry_spec(value) {
        Ok(spec) => manifest.deps.push(dependency(text, at, name, spec)),
        Err(message) => manifest.errors.push(error_at(text, at, format!("`{name}`: {message}"))),
    }
}

/// What a Poetry dependency's value (not an array) stands for.
fn poetry_spec(value: &Loose) -> Result<Spec, String> {
    if let Loose::Str(constraint) = value {
        return poetry_constraint(constraint);
    }
    if !matches!(value, Loose::Table(_)) {
        return Err(format!("expected a version constraint or a table, not {}", value.kind()));
    }
    if let Some(url) = value.str_of("git") {
        return Ok(vcs(url));
    }
    if let Some(path) = value.str_of("path").or_else(|| value.str_of("file")) {
        return Ok(local(path));
    }
    if let Some(url) = value.str_of("url") {
        return Ok(location(url));
    }
    match value.get("version") {
        None => Ok(Spec::Range(String::new())),
        Some(Loose::Str(constraint)) => poetry_constraint(constraint),
        Some(other) => Err(format!("`version` must be a string, not {}", other.kind())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzers::deps::manifest::Dependency;

    fn range(spec: &str) -> Spec {
        Spec::Range(spec.to_owned())
    }

    fn summary(deps: &[Dependency]) -> Vec<(usize, &str, &Spec)> {
        deps.iter().map(|dep| (dep.line, dep.name.as_str(), &dep.spec)).collect()
    }

    #[test]
    fn pep_621_and_735_requirements_with_positions() {
        let text = r#"[project]
name = "app"
dependencies = [
  "Django>=4.2,<5",
  'requests[socks] ; python_version >= "3.8"',
  42,
]

[project.optional-dependencies]
dev = ["pytest==8.0.0", "bad>>1"]

[dependency-groups]
test = ["coverage", {include-group = "dev"}]
"#;
        let manifest = read(text);
        let expected = [
            (4, "Django", &range(">=4.2, <5")),
            (5, "requests", &range("")),
            (10, "pytest", &Spec::Pinned("8.0.0".into())),
            (13, "coverage", &range("")),
        ];
        assert_eq!(summary(&manifest.deps), expected);
        let django = &manifest.deps[0];
        assert_eq!((django.column, django.end_column), (4, 18));
        let errors: Vec<(usize, &str)> = manifest.errors.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0], (6, "expected a requirement string, not an integer"));
        assert_eq!(errors[1].0, 10);
        assert!(errors[1].1.starts_with("`bad>>1` is not a valid requirement"));
    }

    #[test]
    fn poetry_dependencies_in_every_form() {
        let text = r#"[tool.poetry.dependencies]
python = "^3.10"
Django = "~4.2"
requests = { version = "^2.31", extras = ["socks"] }
mylib = { path = "../mylib", develop = true }
private = { git = "https://github.com/org/private.git", tag = "v1" }
numpy = [
    { version = "<1.25", python = "<3.9" },
    { version = "^1.26", python = ">=3.9" },
]
bad = 3

[tool.poetry.group.dev.dependencies]
pytest = "*"
"#;
        let manifest = read(text);
        let expected = [
            (3, "Django", &range(">=4.2, <4.3")),
            (4, "requests", &range(">=2.31, <3")),
            (5, "mylib", &local("../mylib")),
            (6, "private", &vcs("https://github.com/org/private.git")),
            (8, "numpy", &range("<1.25")),
            (9, "numpy", &range(">=1.26, <2")),
            (14, "pytest", &range("")),
        ];
        assert_eq!(summary(&manifest.deps), expected);
        assert_eq!((manifest.deps[0].column, manifest.deps[0].end_column), (1, 7));
        assert_eq!(manifest.errors.len(), 1);
        assert_eq!(manifest.errors[0].line, 11);
        assert_eq!(manifest.errors[0].message, "`bad`: expected a version constraint or a table, not an integer");
    }

    #[test]
    fn no_section_is_no_error_and_bad_toml_is_one() {
        assert_eq!(read("[build-system]\nrequires = [\"hatchling\"]\n"), Manifest::default());
        let manifest = read("[project]\ndependencies = [\"django\"\nname = 1\n");
        assert!(manifest.deps.is_empty());
        assert_eq!(manifest.errors.len(), 1);
        assert_eq!(manifest.errors[0].line, 3);
        let manifest = read("[project]\ndependencies = \"django\"\n");
        assert_eq!(manifest.errors[0].line, 2);
        assert!(manifest.errors[0].message.contains("expected an array"), "{}", manifest.errors[0].message);
    }
}
