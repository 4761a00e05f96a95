//! `Pipfile.lock` (JSON): the `default` and `develop` objects, name to
//! `{"version": "==1.2.3", "hashes": [...], "markers": ...}` (a pinned
//! version), or to an entry that does not come from a package index and
//! cannot be audited: `{"git": ..., "ref": ...}`, `{"path": ...}`,
//! `{"file": ...}`, `{"editable": true, ...}`.
//!
//! JSON values carry no position: a package is reported at its key, found by
//! scanning the text for the keys of the objects inside the top-level one.
//! Invalid JSON gives one [`ParseError`] where the parser stopped.

use std::collections::HashMap;

use serde_json::Value;

use crate::analyzers::deps::manifest::{Dependency, Manifest, ParseError, Spec, line_col, parse_specifiers};

use super::{NO_VERSION, local, location, sorted, vcs};

/// The sections read, in order.
const SECTIONS: [&str; 2] = ["default", "develop"];

/// Reads a `Pipfile.lock`.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let document: Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => {
            let (line, column) = (error.line().max(1), error.column().max(1));
            manifest.errors.push(ParseError { line, column, message: format!("invalid JSON: {error}") });
            return manifest;
        }
    };
    let keys = key_offsets(text);
    for section in SECTIONS {
        let Some(packages) = document.get(section) else { continue };
        let at = keys.get(&(String::new(), section.to_owned())).copied().unwrap_or_default();
        let Some(packages) = packages.as_object() else {
            let (line, column) = line_col(text, at);
            let message = format!("`{section}` must be an object of packages");
            manifest.errors.push(ParseError { line, column, message });
            continue;
        };
        for (name, entry) in packages {
            // The key's opening quote; the name starts after it.
            let offset = keys.get(&(section.to_owned(), name.clone())).map_or(at, |offset| offset + 1);
            let (line, column) = line_col(text, offset);
            match spec_of(entry) {
                Ok(spec) => {
                    let end_column = column + name.chars().count();
                    manifest.deps.push(Dependency { name: name.clone(), spec, line, column, end_column });
                }
                Err(message) => {
                    let message = format!("`{name}`: {message}");
                    manifest.errors.push(ParseError { line, column, message });
                }
            }
        }
    }
    sorted(manifest)
}

/// What a package entry stands for.
fn spec_of(entry: &Value) -> Result<Spec, String> {
    let Some(entry) = entry.as_object() else { return Err(format!("expected an object, not `{entry}`")) };
    let text = |key: &str| entry.get(key).and_then(Value::as_str);
    if let Some(url) = ["git", "hg", "svn", "bzr"].into_iter().find_map(text) {
        return Ok(vcs(url));
    }
    if let Some(path) = text("path") {
        return Ok(local(path));
    }
    if let Some(file) = text("file") {
        return Ok(location(file));
    }
    if entry.get("editable").and_then(Value::as_bool) == Some(true) {
        return Ok(Spec::Unauditable("an editable requirement".to_owned()));
    }
    match entry.get("version") {
        None => Ok(Spec::Unauditable(NO_VERSION.to_owned())),
        Some(Value::String(version)) => parse_specifiers(version),
        Some(other) => Err(format!("`version` must be a string, not `{other}`")),
    }
}

/// The byte offset of the opening quote of each key of the top-level object
/// (`("", key)`) and of the objects in it (`(outer key, key)`).
fn key_offsets(text: &str) -> HashMap<(String, String), usize> {
    let bytes = text.as_bytes();
    let mut keys = HashMap::new();
    let mut depth = 0usize;
    let mut section = String::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                let mut next = end;
                while next < bytes.len() && bytes[next].is_ascii_whitespace() {
                    next += 1;
                }
                if bytes.get(next) == Some(&b':') {
                    let raw = text.get(start..end).unwrap_or_default();
                    let key = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.trim_matches('"').to_owned());
                    if depth == 1 {
                        section.clone_from(&key);
                        keys.entry((String::new(), key)).or_insert(start);
                    } else if depth == 2 {
                        keys.entry((section.clone(), key)).or_insert(start);
                    }
                }
                i = end;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_are_found_at_their_keys() {
        let text = r#"{
    "_meta": {
        "hash": {"sha256": "0123"},
        "pipfile-spec": 6,
        "requires": {"python_version": "3.12"},
        "sources": [{"name": "pypi", "url": "https://pypi.org/simple", "verify_ssl": true}]
    },
    "default": {
        "path": {
            "hashes": ["sha256:00"],
            "index": "pypi",
            "path": "./not/this",
            "version": "==16.10.0"
        },
        "django": {
            "hashes": ["sha256:11"],
            "markers": "python_version >= '3.8'",
            "version": "==4.2.11"
        },
        "mylib": {"editable": true, "path": "."},
        "bad": {"version": 4}
    },
    "develop": {
        "django": {"version": "==4.2.11"},
        "tool": {"git": "https://github.com/org/tool.git", "ref": "0123"}
    }
}"#;
        let manifest = read(text);
        let got: Vec<(usize, usize, &str, &Spec)> =
            manifest.deps.iter().map(|d| (d.line, d.column, d.name.as_str(), &d.spec)).collect();
        let expected = [
            (9, 10, "path", &local("./not/this")),
            (15, 10, "django", &Spec::Pinned("4.2.11".into())),
            (20, 10, "mylib", &local(".")),
            (24, 10, "django", &Spec::Pinned("4.2.11".into())),
            (25, 10, "tool", &vcs("https://github.com/org/tool.git")),
        ];
        assert_eq!(got, expected);
        assert_eq!(manifest.errors.len(), 1);
        assert_eq!(manifest.errors[0].line, 21);
    }

    #[test]
    fn invalid_json_is_one_error_where_it_stops() {
        let manifest = read("{\n  \"default\": {\n    \"django\": {\"version\": \"==4.2\"\n  }\n");
        assert!(manifest.deps.is_empty());
        assert_eq!(manifest.errors.len(), 1);
        assert!(manifest.errors[0].message.starts_with("invalid JSON"));
        let manifest = read("{\"default\": [\"django\"]}");
        assert_eq!(manifest.errors[0].message, "`default` must be an object of packages");
    }

    #[test]
    fn odd_keys_do_not_panic() {
        let offsets = key_offsets("{\"a\\\"b\": {\"\\u00e9\": 1}, \"c\": \"unterminated");
        assert_eq!(offsets.get(&(String::from("a\"b"), String::from("é"))), Some(&10));
    }
}
