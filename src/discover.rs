//! Finding the files to scan: the `ignore` crate's walker (.gitignore honoured,
//! hidden folders skipped), minus virtual environments and excludes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

/// A file to analyse, or a path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Entry {
    /// `walked`: found in a folder (rather than named on the command line).
    File {
        path: PathBuf,
        display: String,
        walked: bool,
    },
    Error {
        display: String,
        message: String,
    },
}

/// Folders never worth scanning: virtual environments, caches, VCS data.
const SKIPPED_DIRS: &[&str] = &[
    "__pycache__",
    "node_modules",
    "site-packages",
    "venv",
    ".venv",
    "env",
    ".env",
    "virtualenv",
    ".tox",
    ".nox",
    ".eggs",
    ".git",
    ".hg",
    ".svn",
    "CVS",
    ".bzr",
    ".mypy_cache",
    ".pytest_cache",
];

/// Exclude patterns: a glob matched against the whole path or any one of its
/// components (`tests`, `*_pb2.py`, `build/*`), and, as Bandit does, a plain
/// string contained in the path.
pub struct Excludes {
    globs: GlobSet,
    plain: Vec<String>,
}

impl Excludes {
    pub fn new(patterns: &[String]) -> Result<Excludes, String> {
        let mut builder = GlobSetBuilder::new();
        let mut plain = Vec::new();
        for p in patterns {
            let p = p.trim().trim_end_matches('/');
            if p.is_empty() {
                continue;
            }
            let glob = Glob::new(p).map_err(|e| format!("bad exclude pattern `{p}`: {e}"))?;
            builder.add(glob);
            // Bandit matches `./dir/x.py`; pyward's paths have no `./`, so a
            // leading `*/` must also match at the top of the tree.
            if let Some(rest) = p.strip_prefix("*/") {
                builder.add(Glob::new(rest).map_err(|e| format!("bad exclude pattern `{p}`: {e}"))?);
            }
            if !p.contains(['*', '?', '[']) {
                plain.push(p.trim_start_matches("./").to_owned());
            }
        }
        let globs = builder.build().map_err(|e| e.to_string())?;
        Ok(Excludes { globs, plain })
    }

    pub fn is_excluded(&self, display: &str) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        let path = display.trim_start_matches("./");
        if self.globs.is_match(path) || Path::new(path).components().any(|c| self.globs.is_match(c.as_os_str())) {
            return true;
        }
        self.plain.iter().any(|p| path.contains(p.as_str()))
    }
}

pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

fn is_python(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("py" | "pyw"))
}

/// Dependency manifests and lock files (not installed METADATA: those are
/// read only from an environment named with `--python-env`).
fn is_manifest(path: &Path) -> bool {
    crate::analyzers::deps::manifest::format_of(path)
        .is_some_and(|f| f != crate::analyzers::deps::manifest::Format::Installed)
}

/// Walks the given paths, handing each entry to `emit` as soon as it is found
/// (so analysis can start before the walk ends). Files named explicitly are
/// always scanned (whatever their extension, as Bandit does); directories
/// yield their `.py`/`.pyw` files and dependency manifests. A file reached twice is emitted once.
pub fn discover(paths: &[PathBuf], excludes: &Excludes, every_file: bool, mut emit: impl FnMut(Entry)) {
    let mut seen = HashSet::new();
    let mut out = |entry: Entry| {
        let key = match &entry {
            Entry::File { display, .. } | Entry::Error { display, .. } => display.clone(),
        };
        if seen.insert(key) {
            emit(entry);
        }
    };
    for root in paths {
        match std::fs::symlink_metadata(root) {
            Err(e) => out(Entry::Error { display: display(root), message: e.to_string() }),
            Ok(m) if !(m.is_dir() || (m.file_type().is_symlink() && root.is_dir())) => {
                out(Entry::File { path: root.clone(), display: display(root), walked: false });
            }
            Ok(_) => walk(root, excludes, every_file, &mut out),
        }
    }
}

/// Hidden files that hold secrets often enough to be read by the secrets
/// analyzer (other hidden files and folders are skipped).
fn is_secret_bearing_hidden_file(name: &str) -> bool {
    name.starts_with(".env")
        || matches!(
            name,
            ".envrc"
                | ".pypirc"
                | ".netrc"
                | ".npmrc"
                | ".git-credentials"
                | ".gitlab-ci.yml"
                | ".travis.yml"
                | ".dockercfg"
                | ".s3cfg"
                | ".boto"
                | ".htpasswd"
                | ".flaskenv"
        )
}

/// Hidden folders read by the secrets analyzer (CI definitions, cloud CLIs).
const SECRET_BEARING_HIDDEN_DIRS: &[&str] = &[".github", ".circleci", ".aws", ".docker", ".gitlab"];

/// Whether a folder called `name` is left out of a walk (and out of the
/// trees of `--git-history`): virtual environments, caches, VCS data, and
/// hidden folders except those the secrets analyzer reads (`every_file`).
pub fn skips_dir(name: &str, every_file: bool) -> bool {
    SKIPPED_DIRS.contains(&name)
        || (name.starts_with('.') && !(every_file && SECRET_BEARING_HIDDEN_DIRS.contains(&name)))
}

/// Whether a file called `name` is left out: hidden files, except those the
/// secrets analyzer reads (`every_file`).
pub fn skips_file(name: &str, every_file: bool) -> bool {
    name.starts_with('.') && !(every_file && is_secret_bearing_hidden_file(name))
}

fn walk(root: &Path, excludes: &Excludes, every_file: bool, out: &mut impl FnMut(Entry)) {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .parents(true)
        .follow_links(false);
    let root_owned = root.to_path_buf();
    builder.filter_entry(move |entry| {
        let path = entry.path();
        if path == root_owned {
            return true;
        }
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_some_and(|t| t.is_dir()) {
            !skips_dir(&name, every_file) && !path.join("pyvenv.cfg").is_file()
        } else {
            !skips_file(&name, every_file)
        }
    });
    for result in builder.build() {
        match result {
            Ok(entry) => {
                let path = entry.path();
                let shown = display(path);
                if path != root && excludes.is_excluded(&shown) {
                    continue;
                }
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                if !is_dir && (every_file || is_python(path) || is_manifest(path)) {
                    out(Entry::File { path: path.to_path_buf(), display: shown, walked: true });
                }
            }
            Err(err) => {
                let (shown, message) = error_parts(&err);
                out(Entry::Error { display: shown.unwrap_or_else(|| display(root)), message });
            }
        }
    }
}

/// The path an `ignore` error is about, and what went wrong, in plain words.
fn error_parts(err: &ignore::Error) -> (Option<String>, String) {
    match err {
        ignore::Error::WithPath { path, err } => (Some(display(path)), error_parts(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_parts(err),
        ignore::Error::Loop { child, ancestor } => {
            (Some(display(child)), format!("symbolic link loop back to {}", ancestor.display()))
        }
        ignore::Error::Io(e) => (None, e.to_string()),
        other => (None, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excludes_match_globs_components_and_bandit_style_paths() {
        let ex = Excludes::new(&["*/vendored/*".into(), "build".into(), "*_pb2.py".into()]).unwrap();
        assert!(ex.is_excluded("vendored/b.py"));
        assert!(ex.is_excluded("src/vendored/b.py"));
        assert!(ex.is_excluded("build/x.py"));
        assert!(ex.is_excluded("pkg/api_pb2.py"));
        assert!(!ex.is_excluded("app/views.py"));
    }
}
