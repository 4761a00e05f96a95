//! The `METADATA` file of an installed distribution (`*.dist-info/METADATA`,
//! RFC 822 headers, then a blank line and the long description): its `Name:`
//! and `Version:` give one pinned dependency, reported at the `Version:`
//! line. Header names are case-insensitive; only the first of each counts; a
//! header's indented continuation lines are skipped. A missing or empty
//! `Name:` or `Version:` is a [`ParseError`].

use crate::analyzers::deps::manifest::{Dependency, Manifest, ParseError, Spec};

/// Reads a `METADATA` file.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let mut name: Option<&str> = None;
    // The version, its line and the column after that line.
    let mut version: Option<(&str, usize, usize)> = None;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((header, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        if header.trim().eq_ignore_ascii_case("name") {
            name = name.or(Some(value));
        } else if header.trim().eq_ignore_ascii_case("version") {
            version = version.or(Some((value, index + 1, line.chars().count() + 1)));
        }
    }
    let name = name.filter(|name| !name.is_empty());
    let version = version.filter(|(version, _, _)| !version.is_empty());
    if name.is_none() {
        manifest.errors.push(missing("Name"));
    }
    if version.is_none() {
        manifest.errors.push(missing("Version"));
    }
    if let (Some(name), Some((version, line, end_column))) = (name, version) {
        let spec = Spec::Pinned(version.to_owned());
        manifest.deps.push(Dependency { name: name.to_owned(), spec, line, column: 1, end_column });
    }
    manifest
}

fn missing(header: &str) -> ParseError {
    ParseError { line: 1, column: 1, message: format!("no `{header}:` header in the metadata") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_version_from_the_headers() {
        let text = "Metadata-Version: 2.1\nName: Django\nSummary: A framework\n  continued: Version: 9\n\
                    version: 3.2.25\nVersion: 1.0\n\nVersion: 2.0\n";
        let manifest = read(text);
        let expected = Dependency {
            name: "Django".into(),
            spec: Spec::Pinned("3.2.25".into()),
            line: 5,
            column: 1,
            end_column: 16,
        };
        assert_eq!(manifest.deps, [expected]);
        assert!(manifest.errors.is_empty());
    }

    #[test]
    fn missing_headers_are_errors() {
        let manifest = read("Metadata-Version: 2.1\nName: x\n\nVersion: 1.0\n");
        assert!(manifest.deps.is_empty());
        assert_eq!(manifest.errors.len(), 1);
        assert!(manifest.errors[0].message.contains("`Version:`"));
        assert_eq!(read("").errors.len(), 2);
        assert_eq!(read("Name:\nVersion: 1").errors.len(), 1);
    }
}
