//! The readers: one module per format, each turning the text of one file into
//! the [`Manifest`] it declares (dependencies, `-r`/`-c` includes, and the
//! problems met on the way, each with its line).
//!
//! No reader fails as a whole: a malformed entry gives a [`ParseError`] and
//! the others are still read; a file that cannot be parsed at all (invalid
//! TOML or JSON) gives one [`ParseError`] where the parser stopped. No input
//! makes a reader panic.
//!
//! The helpers here are shared: positions of TOML tokens, the reasons given
//! for dependencies that come from somewhere else than a package index, and
//! the location of the `site-packages` folders of an installed environment.

pub mod installed;
pub mod pdm_lock;
pub mod pipfile;
pub mod pipfile_lock;
pub mod poetry_lock;
pub mod pylock;
pub mod pyproject;
pub mod requirements;
pub mod setup_cfg;
pub mod uv_lock;

mod loose;

use std::ops::Range;
use std::path::{Path, PathBuf};

use loose::Loose;

use super::manifest::{Dependency, Format, Manifest, ParseError, Spec, line_col, parse_requirement, url_reason};

/// Reads `text` as a file in `format`. A byte order mark is skipped.
pub fn read(format: Format, text: &str) -> Manifest {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::Requirements => requirements::read(text),
        Format::Pyproject => pyproject::read(text),
        Format::PoetryLock => poetry_lock::read(text),
        Format::Pipfile => pipfile::read(text),
        Format::PipfileLock => pipfile_lock::read(text),
        Format::PdmLock => pdm_lock::read(text),
        Format::UvLock => uv_lock::read(text),
        Format::Pylock => pylock::read(text),
        Format::SetupCfg => setup_cfg::read(text),
        Format::Installed => installed::read(text),
    }
}

/// The `site-packages` folders of `--python-env PATH`: PATH itself when it
/// holds `*.dist-info` folders (it is a `site-packages`), else those of the
/// virtualenv rooted there (`lib/python*/site-packages`,
/// `lib64/python*/site-packages`, `Lib/site-packages` on Windows), each once.
pub fn site_packages(env: &Path) -> Vec<PathBuf> {
    if !dist_info_dirs(env).is_empty() {
        return vec![env.to_path_buf()];
    }
    let mut found = Vec::new();
    for lib in ["lib", "lib64"] {
        let Ok(entries) = std::fs::read_dir(env.join(lib)) else { continue };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_str().is_some_and(|name| name.starts_with("python")))
            .map(|entry| entry.path().join("site-packages"))
            .filter(|path| path.is_dir())
            .collect();
        dirs.sort();
        found.extend(dirs);
    }
    let windows = env.join("Lib").join("site-packages");
    if windows.is_dir() {
        found.push(windows);
    }
    // `lib64` is often a link to `lib`, and `Lib` is `lib` on a case-insensitive file system.
    let mut seen = Vec::new();
    found.retain(|path| {
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let new = !seen.contains(&real);
        seen.push(real);
        new
    });
    found
}

/// Every `*.dist-info/METADATA` file in the `site-packages` folder `site`, sorted.
pub fn installed_metadata(site: &Path) -> Vec<PathBuf> {
    dist_info_dirs(site).into_iter().map(|dir| dir.join("METADATA")).filter(|path| path.is_file()).collect()
}

/// The `*.dist-info` folders in `dir`, sorted.
fn dist_info_dirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_str().is_some_and(|name| name.ends_with(".dist-info")))
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// What a lock file gives for a package it names without a version.
const NO_VERSION: &str = "no version in the lock file";

/// The version a lock file gives for a package (`version = "1.2.3"`).
fn locked_version(version: Option<&Loose>) -> Spec {
    match version.and_then(Loose::as_str).map(str::trim) {
        Some(version) if !version.is_empty() => Spec::Pinned(version.to_owned()),
        _ => Spec::Unauditable(NO_VERSION.to_owned()),
    }
}

/// A dependency on a version-control repository.
fn vcs(location: &str) -> Spec {
    Spec::Unauditable(format!("a VCS requirement ({location})"))
}

/// A dependency on a local folder or file.
fn local(location: &str) -> Spec {
    Spec::Unauditable(format!("a local path ({location})"))
}

/// A dependency on a location that may be a URL (see [`url_reason`]) or a
/// local path.
fn location(location: &str) -> Spec {
    if has_scheme(location) { Spec::Unauditable(url_reason(location)) } else { local(location) }
}

/// Whether `text` starts with a URL scheme (`https://`, `file:`, `git+...`).
fn has_scheme(text: &str) -> bool {
    let vcs = ["git+", "hg+", "svn+", "bzr+"].iter().any(|prefix| text.starts_with(prefix));
    vcs || text.starts_with("file:") || text.split_once("://").is_some_and(|(scheme, _)| is_scheme(scheme))
}

fn is_scheme(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The suffixes of the archives pip installs from (sdists and wheels).
const ARCHIVES: [&str; 12] =
    [".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar.lz", ".tlz", ".tar.lzma", ".tar", ".zip"];

/// Whether `text` (no URL) names a local folder or file: `.`, `./x`, `../x`,
/// `/x`, `~/x`, `C:\x`, anything with a path separator, or an archive name.
fn looks_like_path(text: &str) -> bool {
    let drive = matches!(text.as_bytes(), [letter, b':', b'\\' | b'/', ..] if letter.is_ascii_alphabetic());
    drive
        || text.starts_with(['.', '/', '\\', '~'])
        || text.contains(['/', '\\'])
        || ARCHIVES.iter().any(|suffix| text.to_ascii_lowercase().ends_with(suffix))
}

/// Parses a PEP 508 requirement (see [`parse_requirement`]), also accepting
/// `name @ ./local/path`, which pip and uv take and PEP 508 does not (it wants
/// a URL there).
fn requirement_or_path(text: &str) -> Result<(String, Spec), String> {
    let message = match parse_requirement(text) {
        Ok(found) => return Ok(found),
        Err(message) => message,
    };
    let Some((name, target)) = text.split_once('@') else { return Err(message) };
    let name = name.split_once('[').map_or(name, |(name, _)| name).trim();
    let target = target.split_once(" ;").map_or(target, |(target, _)| target).trim();
    if is_name(name) && !target.is_empty() && !has_scheme(target) && looks_like_path(target) {
        Ok((name.to_owned(), local(target)))
    } else {
        Err(message)
    }
}

/// Whether `text` is a package name (PEP 508 allows letters, digits, `-_.`).
fn is_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Line, column and end column of the TOML key or string token at `span`,
/// without its quotes; the end column is at most the end of the first line.
fn token_position(text: &str, span: Range<usize>) -> (usize, usize, usize) {
    let raw = text.get(span.clone()).unwrap_or_default();
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|quote| raw.len() >= 2 * quote.len() && raw.starts_with(quote) && raw.ends_with(quote))
        .map_or(0, str::len);
    let start = span.start + quote;
    let end = span.end.saturating_sub(quote).max(start);
    let (line, column) = line_col(text, start);
    let line_end = text.get(start..).and_then(|rest| rest.find('\n')).map_or(text.len(), |i| start + i);
    let (_, end_column) = line_col(text, end.min(line_end));
    (line, column, end_column)
}

/// The dependency declared by the TOML token at `span`.
fn dependency(text: &str, span: Range<usize>, name: &str, spec: Spec) -> Dependency {
    let (line, column, end_column) = token_position(text, span);
    Dependency { name: name.to_owned(), spec, line, column, end_column }
}

/// A problem with the TOML token at `span`.
fn error_at(text: &str, span: Range<usize>, message: String) -> ParseError {
    let (line, column, _) = token_position(text, span);
    ParseError { line, column, message }
}

/// The error for a TOML file that could not be read: invalid TOML, or a
/// section of the wrong type.
fn toml_error(text: &str, error: &toml::de::Error) -> ParseError {
    let (line, column) = error.span().map_or((1, 1), |span| line_col(text, span.start));
    ParseError { line, column, message: error.message().trim().replace('\n', "; ") }
}

/// `manifest` with its dependencies and errors in file order.
fn sorted(mut manifest: Manifest) -> Manifest {
    manifest.deps.sort_by_key(|dep| (dep.line, dep.column));
    manifest.errors.sort_by_key(|error| (error.line, error.column));
    manifest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_told_apart() {
        assert!(has_scheme("https://example.com/x.tar.gz"));
        assert!(has_scheme("git+ssh://git@github.com/a/b.git"));
        assert!(has_scheme("git+git@github.com:a/b.git"));
        assert!(has_scheme("file:../x"));
        assert!(!has_scheme("name @ https://example.com/x.whl"));
        assert!(!has_scheme("django>=1; platform_release == 'a://b'"));
        assert!(looks_like_path("."));
        assert!(looks_like_path("../x"));
        assert!(looks_like_path("C:\\src\\pkg"));
        assert!(looks_like_path("libs/pkg"));
        assert!(looks_like_path("pkg-1.0-py3-none-any.WHL"));
        assert!(!looks_like_path("django"));
        let url = Spec::Unauditable("a URL requirement (https://example.com/x.zip)".into());
        assert_eq!(location("https://example.com/x.zip"), url);
        assert_eq!(location("wheels/x.whl"), Spec::Unauditable("a local path (wheels/x.whl)".into()));
    }

    #[test]
    fn named_local_paths_are_accepted() {
        assert_eq!(requirement_or_path("mylib @ ./libs/mylib").unwrap(), ("mylib".into(), local("./libs/mylib")));
        assert_eq!(requirement_or_path("mylib[x] @ ../mylib ; os_name == 'nt'").unwrap().1, local("../mylib"));
        assert!(requirement_or_path("mylib @ nothing-like-a-path").is_err());
        assert!(requirement_or_path("django>>=1").is_err());
    }

    #[test]
    fn token_positions_skip_quotes() {
        let text = "a = 1\nname = \"django\"\nx = '''\nlong\n'''\n";
        let start = text.find("\"django").unwrap();
        assert_eq!(token_position(text, start..start + 8), (2, 9, 15));
        let key = text.find("name").unwrap();
        assert_eq!(token_position(text, key..key + 4), (2, 1, 5));
        let long = text.find("'''").unwrap();
        assert_eq!(token_position(text, long..text.len() - 1).0, 3);
        assert_eq!(token_position(text, 1000..1001), (6, 1, 1));
    }
}
