//! pip requirements files (`requirements*.txt`, `requirements*.in`, the files
//! of a `requirements/` folder), read line by line as pip reads them:
//!
//! - a `\` at the end of a line continues it on the next one; the logical line
//!   is reported at the line where it starts;
//! - `#` at the start of a line, or after whitespace, starts a comment (so
//!   `#egg=` in a URL is no comment);
//! - `-r FILE`/`--requirement FILE` and `-c FILE`/`--constraint FILE` (also
//!   `--requirement=FILE`, `-rFILE`) are [`Include`]s;
//! - options about where packages come from (`-i`, `--index-url`,
//!   `--find-links`, `--require-hashes`, `--pre`, ...) are skipped, and so are
//!   the options after a requirement (`--hash=...`, `--config-settings`, ...);
//!   an unknown option is a [`ParseError`];
//! - `-e`/`--editable` targets, bare URLs (`https://host/pkg-1.0.tar.gz`,
//!   `git+https://...#egg=name`), local paths (`.`, `./pkg`, `/abs/path`,
//!   `pkg-1.0.tar.gz`) and `name @ url` requirements cannot be audited; a
//!   location's name is its `#egg=` one, else its last path segment without
//!   the `.git` or archive suffix (and an archive's version), else the
//!   location itself;
//! - every other line is a PEP 508 requirement. `${VAR}`s are left as they
//!   are: a line that then is not a valid requirement is a [`ParseError`].
//!
//! A dependency's column and end column are the extent of the requirement (or
//! location) on its logical line, options and comments excluded; errors are
//! at column 1.

use crate::analyzers::deps::manifest::{Dependency, Include, Manifest, ParseError};

use super::{ARCHIVES, has_scheme, location, looks_like_path, requirement_or_path};

/// Options that do not change which packages are installed (skipped).
const SKIPPED_OPTIONS: &[&str] = &[
    "-i",
    "--index-url",
    "--extra-index-url",
    "--no-index",
    "-f",
    "--find-links",
    "--pre",
    "--no-binary",
    "--only-binary",
    "--prefer-binary",
    "--require-hashes",
    "--trusted-host",
    "--use-feature",
    "-Z",
    "--always-unzip",
    "--hash",
    "-C",
    "--config-settings",
    "--global-option",
    "--install-option",
];

/// Reads a requirements file.
pub fn read(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    for line in logical_lines(text) {
        read_line(&line, &mut manifest);
    }
    manifest
}

/// A line with its continuations joined, and the number of its first line.
struct Line {
    number: usize,
    text: String,
}

/// The lines of `text` with `\` continuations joined (pip's `join_lines`).
fn logical_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pending: Option<Line> = None;
    for (index, raw) in text.lines().enumerate() {
        let comment = raw.trim_start().starts_with('#');
        let continued = !comment && raw.ends_with('\\');
        let line = pending.get_or_insert_with(|| Line { number: index + 1, text: String::new() });
        if comment && !line.text.is_empty() {
            // A comment ends a continued line and stays a comment.
            line.text.push(' ');
        }
        line.text.push_str(if continued { raw.trim_end_matches('\\') } else { raw });
        if !continued {
            out.extend(pending.take());
        }
    }
    out.extend(pending);
    out
}

fn read_line(line: &Line, manifest: &mut Manifest) {
    let content = strip_comment(&line.text);
    let text = content.trim();
    if text.is_empty() {
        return;
    }
    let lead = content.len() - content.trim_start().len();
    let column = content[..lead].chars().count() + 1;
    if text.starts_with('-') {
        read_option(line.number, column, text, manifest);
    } else {
        read_requirement(line.number, column, text, manifest);
    }
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

fn error(line: usize, message: String) -> ParseError {
    ParseError { line, column: 1, message }
}

/// An option line: `text` starts with `-`.
fn read_option(number: usize, column: usize, text: &str, manifest: &mut Manifest) {
    let (option, value_start) = split_option(text);
    let value = text[value_start..].trim_end();
    match option {
        "-r" | "--requirement" | "-c" | "--constraint" if value.is_empty() => {
            manifest.errors.push(error(number, format!("`{text}`: `{option}` needs a file name")));
        }
        "-r" | "--requirement" | "-c" | "--constraint" => {
            let constraint = matches!(option, "-c" | "--constraint");
            manifest.includes.push(Include { path: value.to_owned(), line: number, constraint });
        }
        "-e" | "--editable" => {
            let target = requirement_part(value);
            if target.is_empty() {
                manifest.errors.push(error(number, format!("`{text}`: `{option}` needs a path or URL")));
            } else {
                let column = column + text[..value_start].chars().count();
                manifest.deps.push(located(number, column, target));
            }
        }
        _ if SKIPPED_OPTIONS.contains(&option) => {}
        _ => manifest.errors.push(error(number, format!("`{text}` is neither a requirement nor a pip option"))),
    }
}

/// The option at the start of `text` and the offset of its value: `--opt
/// value`, `--opt=value`, `-o value`, `-ovalue`.
fn split_option(text: &str) -> (&str, usize) {
    let end = match text.strip_prefix("--") {
        Some(long) => long.find(|c: char| c == '=' || c.is_whitespace()).map_or(text.len(), |i| i + 2),
        None => text.char_indices().nth(2).map_or(text.len(), |(i, _)| i),
    };
    let rest = text[end..].trim_start();
    let rest = rest.strip_prefix('=').unwrap_or(rest).trim_start();
    (&text[..end], text.len() - rest.len())
}

/// A requirement line (it does not start with `-`).
fn read_requirement(number: usize, column: usize, text: &str, manifest: &mut Manifest) {
    let requirement = requirement_part(text);
    let head = requirement.split_once(';').map_or(requirement, |(head, _)| head).trim();
    if has_scheme(requirement) || (!head.contains('@') && looks_like_path(head)) {
        manifest.deps.push(located(number, column, requirement));
        return;
    }
    match requirement_or_path(requirement) {
        Ok((name, spec)) => {
            let end_column = column + requirement.chars().count();
            manifest.deps.push(Dependency { name, spec, line: number, column, end_column });
        }
        Err(message) => {
            let message = format!("`{requirement}` is not a valid requirement: {message}");
            manifest.errors.push(error(number, message));
        }
    }
}

/// `text` without the options after the requirement (`--hash=...`, `-C k=v`).
fn requirement_part(text: &str) -> &str {
    let mut after_space = false;
    for (i, c) in text.char_indices() {
        let rest = &text[i..];
        if after_space && (rest.starts_with("--") || rest.starts_with("-C")) {
            return text[..i].trim_end();
        }
        after_space = c.is_whitespace();
    }
    text.trim_end()
}

/// The dependency on a URL or local path at `column`, markers dropped (pip
/// splits them off at `; ` after a URL, at `;` after a path).
fn located(line: usize, column: usize, target: &str) -> Dependency {
    let separator = if has_scheme(target) { "; " } else { ";" };
    let target = target.split_once(separator).map_or(target, |(target, _)| target).trim();
    let end_column = column + target.chars().count();
    Dependency { name: name_of_location(target), spec: location(target), line, column, end_column }
}

/// The package name a URL or path stands for: its `#egg=` name, else its
/// last path segment without the `.git` or archive suffix (and an archive's
/// version), else the location itself.
fn name_of_location(location: &str) -> String {
    let (base, fragment) = location.split_once('#').unwrap_or((location, ""));
    if let Some(egg) = fragment.split('&').find_map(|part| part.strip_prefix("egg=")) {
        let end = egg.find(|c: char| !c.is_ascii_alphanumeric() && !matches!(c, '-' | '_' | '.')).unwrap_or(egg.len());
        if end > 0 {
            return egg[..end].to_owned();
        }
    }
    let base = base.split_once('?').map_or(base, |(base, _)| base).trim_end_matches(['/', '\\']);
    // A bare host (`https://host/`) has no path segment to name it.
    if base.split_once("://").is_some_and(|(_, rest)| !rest.contains('/')) {
        return location.to_owned();
    }
    let base = if base.ends_with(']') { base.rsplit_once('[').map_or(base, |(path, _)| path) } else { base };
    let segment = base.rsplit(['/', '\\', ':']).next().unwrap_or(base);
    // `repo.git@v1.0`: the revision is no part of the name.
    let segment = segment.split_once('@').map_or(segment, |(segment, _)| segment);
    let lower = segment.to_ascii_lowercase();
    let name = match ARCHIVES.iter().find(|suffix| lower.ends_with(**suffix)) {
        Some(suffix) => {
            let stem = segment.get(..segment.len() - suffix.len()).unwrap_or(segment);
            if *suffix == ".whl" { stem.split_once('-').map_or(stem, |(name, _)| name) } else { without_version(stem) }
        }
        None => segment.strip_suffix(".git").unwrap_or(segment),
    };
    if name.is_empty() || name == "." || name == ".." { location.to_owned() } else { name.to_owned() }
}

/// An sdist's stem without its version: `django-rest-framework-3.1` gives
/// `django-rest-framework`.
fn without_version(stem: &str) -> &str {
    let digit_after = |i: usize| stem[i + 1..].starts_with(|c: char| c.is_ascii_digit());
    stem.match_indices('-').map(|(i, _)| i).find(|&i| digit_after(i)).map_or(stem, |i| &stem[..i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzers::deps::manifest::Spec;

    fn summary(text: &str) -> Vec<(usize, String, Spec)> {
        read(text).deps.into_iter().map(|dep| (dep.line, dep.name, dep.spec)).collect()
    }

    fn pinned(version: &str) -> Spec {
        Spec::Pinned(version.to_owned())
    }

    #[test]
    fn continuations_are_reported_where_they_start() {
        let text = "flask==2.0 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\n# a comment \\\nrequests\nx\\\n";
        let expected = [
            (1, "flask".to_owned(), pinned("2.0")),
            (5, "requests".to_owned(), Spec::Range(String::new())),
            (6, "x".to_owned(), Spec::Range(String::new())),
        ];
        assert_eq!(summary(text), expected);
    }

    #[test]
    fn a_comment_line_ends_a_continuation() {
        let text = "django==3.2\\\n# pinned for now\n";
        assert_eq!(summary(text), [(1, "django".to_owned(), pinned("3.2"))]);
        assert!(read(text).errors.is_empty());
    }

    #[test]
    fn columns_span_the_requirement_only() {
        let manifest = read("\n  django>=3.2,<4  --hash=sha256:abc  # the LTS\n");
        let dep = &manifest.deps[0];
        assert_eq!((dep.line, dep.column, dep.end_column), (2, 3, 17));
        assert_eq!(dep.spec, Spec::Range(">=3.2, <4".into()));
        let manifest = read("-e ./libs/mylib\n");
        let dep = &manifest.deps[0];
        assert_eq!((dep.column, dep.end_column), (4, 16));
    }

    #[test]
    fn options_and_includes() {
        let text = "-r base.txt\n--requirement=dev.txt\n-cconstraints.txt\n--constraint c2.txt\n\
                    -i https://x/simple\n--pre\n--frobnicate\n-r\n--only-binary :all:\n";
        let manifest = read(text);
        let includes: Vec<(usize, &str, bool)> =
            manifest.includes.iter().map(|i| (i.line, i.path.as_str(), i.constraint)).collect();
        assert_eq!(
            includes,
            [(1, "base.txt", false), (2, "dev.txt", false), (3, "constraints.txt", true), (4, "c2.txt", true)]
        );
        assert_eq!(manifest.errors.iter().map(|e| e.line).collect::<Vec<_>>(), [7, 8]);
        assert!(manifest.deps.is_empty());
    }

    #[test]
    fn editables_urls_and_paths_cannot_be_audited() {
        let text = "-e .\n--editable=git+https://github.com/o/r.git#egg=r\n./pkg ; os_name == 'nt'\nx @ ../x\n\
                    https://files.example.com/Flask-2.0.1.tar.gz ; python_version > '3'\n";
        let got = summary(text);
        let mut reasons = Vec::new();
        for (_, name, spec) in &got {
            if let Spec::Unauditable(reason) = spec {
                reasons.push((name.as_str(), reason.as_str()));
            }
        }
        let expected = [
            (".", "a local path (.)"),
            ("r", "a VCS requirement (git+https://github.com/o/r.git#egg=r)"),
            ("pkg", "a local path (./pkg)"),
            ("x", "a local path (../x)"),
            ("Flask", "a URL requirement (https://files.example.com/Flask-2.0.1.tar.gz)"),
        ];
        assert_eq!(reasons, expected);
    }

    #[test]
    fn invalid_lines_are_errors_and_the_rest_is_read() {
        let manifest = read("django>>=1\nflask\n${PACKAGE}\nrequests==${VERSION}\n");
        assert_eq!(manifest.deps.len(), 1);
        let errors: Vec<(usize, usize)> = manifest.errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(errors, [(1, 1), (3, 1), (4, 1)]);
        assert!(manifest.errors[0].message.starts_with("`django>>=1` is not a valid requirement: "));
    }

    #[test]
    fn names_of_locations() {
        assert_eq!(name_of_location("git+https://github.com/org/repo.git@v1.0#egg=my-pkg&subdirectory=x"), "my-pkg");
        assert_eq!(name_of_location("git+https://github.com/org/repo.git@v1.0"), "repo");
        assert_eq!(name_of_location("git+git@github.com:org/repo.git"), "repo");
        assert_eq!(name_of_location("https://host/files/django-rest-framework-3.1.tar.gz"), "django-rest-framework");
        assert_eq!(name_of_location("./wheels/flask_cors-4.0.1-py2.py3-none-any.whl"), "flask_cors");
        assert_eq!(name_of_location("./libs/mylib[dev]"), "mylib");
        assert_eq!(name_of_location("C:\\src\\pkg\\"), "pkg");
        assert_eq!(name_of_location("."), ".");
        assert_eq!(name_of_location("https://host/"), "https://host/");
    }

    #[test]
    fn nothing_panics_on_odd_input() {
        for text in ["-", "--", "-e", "\\", "é\\\n\\", "#\\", " -r  ", "x @", "@", "-e é", "ü @ ./x", "--hash"] {
            read(text);
        }
    }
}
