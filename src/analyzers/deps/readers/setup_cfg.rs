//! `setup.cfg`: `install_requires` in `[options]`, and every key of
//! `[options.extras_require]`: multi-line values with one PEP 508
//! requirement per line. An old one-line `a; b` list is split at its `;`s
//! when the whole line is not one requirement with a marker and every part
//! is a requirement. `install_requires = file: requirements.txt` (setuptools'
//! `file:` directive) is an [`Include`] of each file named.
//!
//! The INI file is read here, not with an INI crate, to know each line's
//! number: `[section]` headers, `key = value` (or `key: value`) lines, and
//! continuation lines indented deeper than their key; lines starting with
//! `#` or `;` are comments, and so is the rest of a requirement line from a
//! `#` after whitespace.
//!
//! [`Include`]: crate::analyzers::deps::manifest::Include

use crate::analyzers::deps::manifest::{Dependency, Include, Manifest, ParseError, Spec};

use super::requirement_or_path;

/// Reads a `setup.cfg`.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let mut section = String::new();
    // The indentation of the key whose value is being read, and whether that
    // value is a requirement list.
    let mut key: Option<(usize, bool)> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if let Some((key_indent, wanted)) = key
            && indent > key_indent
        {
            if wanted {
                requirement_line(number, line, indent, &mut manifest);
            }
            continue;
        }
        key = None;
        if let Some(name) = trimmed.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
            name.trim().clone_into(&mut section);
            continue;
        }
        let in_options = section == "options";
        let in_extras = section == "options.extras_require";
        let Some(delimiter) = trimmed.find(['=', ':']) else {
            if in_options || in_extras {
                let message = format!("`{trimmed}` is not `key = value`");
                manifest.errors.push(ParseError { line: number, column: 1, message });
            }
            continue;
        };
        let name = trimmed[..delimiter].trim().to_ascii_lowercase().replace('-', "_");
        let wanted = in_extras || (in_options && name == "install_requires");
        key = Some((indent, wanted));
        if !wanted {
            continue;
        }
        // Where the value starts in `line`.
        let value_start = indent + delimiter + 1;
        let value = line[value_start..].trim();
        if let Some(files) = value.strip_prefix("file:") {
            for path in files.split(',').map(str::trim).filter(|path| !path.is_empty()) {
                manifest.includes.push(Include { path: path.to_owned(), line: number, constraint: false });
            }
            key = Some((indent, false));
        } else {
            requirement_line(number, line, value_start, &mut manifest);
        }
    }
    manifest
}

/// The requirement(s) in `line` from byte `start`.
fn requirement_line(number: usize, line: &str, start: usize, manifest: &mut Manifest) {
    let Some(value) = line.get(start..) else { return };
    let value = strip_comment(value);
    let requirement = value.trim();
    if requirement.is_empty() {
        return;
    }
    let lead = value.len() - value.trim_start().len();
    let column = line.get(..start + lead).map_or(0, |before| before.chars().count()) + 1;
    match requirement_or_path(requirement) {
        Ok((name, spec)) => manifest.deps.push(at(number, column, requirement, name, spec)),
        Err(message) => match semicolon_list(requirement) {
            Some(parts) => {
                for (offset, part, name, spec) in parts {
                    let column = column + requirement[..offset].chars().count();
                    manifest.deps.push(at(number, column, part, name, spec));
                }
            }
            None => {
                let message = format!("`{requirement}` is not a valid requirement: {message}");
                manifest.errors.push(ParseError { line: number, column: 1, message });
            }
        },
    }
}

fn at(line: usize, column: usize, requirement: &str, name: String, spec: Spec) -> Dependency {
    Dependency { name, spec, line, column, end_column: column + requirement.chars().count() }
}

/// An old `a; b` list: each part (offset, text) with what it requires, when
/// there are several and every one is a requirement.
fn semicolon_list(text: &str) -> Option<Vec<(usize, &str, String, Spec)>> {
    let mut parts = Vec::new();
    let mut offset = 0;
    for part in text.split(';') {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let (name, spec) = requirement_or_path(trimmed).ok()?;
            parts.push((offset + part.len() - part.trim_start().len(), trimmed, name, spec));
        }
        offset += part.len() + 1;
    }
    (parts.len() > 1).then_some(parts)
}

/// `text` up to a `#` at its start or after whitespace.
fn strip_comment(text: &str) -> &str {
    let mut after_space = true;
    for (i, c) in text.char_indices() {
        if c == '#' && after_space {
            return &text[..i];
        }
        after_space = c.is_whitespace();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_lists_with_their_lines() {
        let text = "[metadata]\nname = app\ninstall_requires = not-this\n\n[options]\npackages = find:\n\
                    install_requires =\n    Django>=4.2  # LTS\n    # a comment\n\n\
                    \x20   requests[socks]; python_version>'3'\npython_requires = >=3.8\n\n\
                    [options.extras_require]\ndev = pytest; coverage\nbad =\n    >>1\ndocs = sphinx\n";
        let manifest = read(text);
        let got: Vec<_> = manifest.deps.iter().map(|d| (d.line, d.column, d.name.as_str())).collect();
        let want = [(8, 5, "Django"), (11, 5, "requests"), (15, 7, "pytest"), (15, 15, "coverage"), (18, 8, "sphinx")];
        assert_eq!(got, want);
        assert_eq!(manifest.deps[0].end_column, 16);
        assert_eq!(manifest.deps[0].spec, Spec::Range(">=4.2".into()));
        assert_eq!(manifest.errors.len(), 1);
        assert_eq!(manifest.errors[0].line, 17);
    }

    #[test]
    fn a_marker_is_no_list_separator_and_file_is_an_include() {
        let text = "[options]\ninstall_requires = foo; python_version < \"3.9\"\n[options]\n\
                    install-requires = file: requirements.in, extra.txt\n    ignored\n";
        let manifest = read(text);
        assert_eq!(manifest.deps.len(), 1);
        assert_eq!(manifest.deps[0].name, "foo");
        let includes: Vec<(&str, usize)> = manifest.includes.iter().map(|i| (i.path.as_str(), i.line)).collect();
        assert_eq!(includes, [("requirements.in", 4), ("extra.txt", 4)]);
        assert!(manifest.errors.is_empty());
    }

    #[test]
    fn no_panic_on_odd_lines() {
        for text in ["[options]\ninstall_requires=", "[options]\n=x", "[options]\né", "[", "  x\n   é = ü\n"] {
            read(text);
        }
    }
}
