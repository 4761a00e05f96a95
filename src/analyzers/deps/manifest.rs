//! What the readers produce: the dependencies a manifest, lock file or
//! installed environment declares, each with the place that declares it.

use std::str::FromStr;

use pep440_rs::Operator;
use pep508_rs::{Requirement, VersionOrUrl};

/// The formats pyward reads, one reader module each (`readers/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Requirements,
    Pyproject,
    PoetryLock,
    Pipfile,
    PipfileLock,
    PdmLock,
    UvLock,
    Pylock,
    SetupCfg,
    /// `*.dist-info/METADATA` of an installed distribution.
    Installed,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Requirements => "requirements",
            Format::Pyproject => "pyproject.toml",
            Format::PoetryLock => "poetry.lock",
            Format::Pipfile => "Pipfile",
            Format::PipfileLock => "Pipfile.lock",
            Format::PdmLock => "pdm.lock",
            Format::UvLock => "uv.lock",
            Format::Pylock => "pylock.toml",
            Format::SetupCfg => "setup.cfg",
            Format::Installed => "installed",
        }
    }

    /// Whether the versions it gives are the ones installed (lock files and
    /// installed environments), not constraints a person wrote.
    pub fn is_lock(self) -> bool {
        matches!(self, Format::PoetryLock | Format::PipfileLock | Format::PdmLock | Format::UvLock | Format::Pylock)
    }
}

/// The format of a file, from its name (and, for requirements files, the
/// folder it is in): `requirements*.txt`, `requirements*.in`, any `.txt`/`.in`
/// in a `requirements/` folder, and the fixed names of the other formats.
pub fn format_of(path: &std::path::Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?;
    let format = match name {
        "pyproject.toml" => Format::Pyproject,
        "poetry.lock" => Format::PoetryLock,
        "Pipfile" => Format::Pipfile,
        "Pipfile.lock" => Format::PipfileLock,
        "pdm.lock" => Format::PdmLock,
        "uv.lock" => Format::UvLock,
        "pylock.toml" => Format::Pylock,
        "setup.cfg" => Format::SetupCfg,
        "METADATA" if path.parent().and_then(|p| p.to_str()).is_some_and(|p| p.ends_with(".dist-info")) => {
            Format::Installed
        }
        _ if name.starts_with("pylock.") && name.ends_with(".toml") => Format::Pylock,
        _ if name.ends_with(".txt") || name.ends_with(".in") => {
            let in_folder = path
                .parent()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str())
                .is_some_and(|n| n == "requirements" || n == "requirements.d");
            if name.contains("requirements") || in_folder {
                Format::Requirements
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(format)
}

/// What version of a package a dependency stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    /// Exactly this version: `==X` (no wildcard), `===X`, a lock file's or
    /// an installed distribution's version.
    Pinned(String),
    /// A PEP 440 specifier set as it will be matched (`>=2.0,<3`; empty for
    /// any version).
    Range(String),
    /// Cannot be audited against advisories; the reason, in words
    /// ("a VCS requirement (git+https://...)").
    Unauditable(String),
}

/// One declared dependency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// The name as written (normalise with [`normalize`] before matching).
    pub name: String,
    pub spec: Spec,
    /// 1-based line and column of the declaration, and the column after it.
    pub line: usize,
    pub column: usize,
    pub end_column: usize,
}

/// A `-r`/`-c` line of a requirements file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    /// The path as written (relative to the including file's folder).
    pub path: String,
    pub line: usize,
    /// `-c`/`--constraint` rather than `-r`/`--requirement`.
    pub constraint: bool,
}

/// Something in the file that could not be read; the rest still is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Everything one file declares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub deps: Vec<Dependency>,
    pub includes: Vec<Include>,
    pub errors: Vec<ParseError>,
}

/// A package name normalised per PEP 503: lower case, runs of `-_.` as `-`.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut sep = false;
    for c in name.trim().chars() {
        if matches!(c, '-' | '_' | '.') {
            sep = true;
        } else {
            if sep && !out.is_empty() {
                out.push('-');
            }
            sep = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
    (line, column)
}

/// Parses one PEP 508 requirement (`name[extras] specifiers ; marker` or
/// `name @ url`) into its name and [`Spec`]. Markers and extras do not change
/// what is audited: every dependency is audited whatever the platform.
pub fn parse_requirement(text: &str) -> Result<(String, Spec), String> {
    let text = text.trim();
    // Only the message: the error's own Display slices its input at a char
    // count as if it were a byte offset, and panics on some non-ASCII input.
    let req = Requirement::<pep508_rs::VerbatimUrl>::from_str(text).map_err(|e| first_line(&e.message.to_string()))?;
    // The name as written (pep508_rs normalises it: `Django` -> `django`).
    let name_end = text.find(|c: char| !c.is_ascii_alphanumeric() && !matches!(c, '-' | '_' | '.'));
    let written = &text[..name_end.unwrap_or(text.len())];
    let name = if written.is_empty() { req.name.to_string() } else { written.to_owned() };
    let spec = match req.version_or_url {
        None => Spec::Range(String::new()),
        // The URL as written: pep508_rs expands `${VAR}`s from the environment
        // (which could put a token in a report) and percent-encodes.
        Some(VersionOrUrl::Url(url)) => Spec::Unauditable(url_reason(url.given().unwrap_or_else(|| url.as_str()))),
        Some(VersionOrUrl::VersionSpecifier(specs)) => spec_of(&specs),
    };
    Ok((name, spec))
}

/// Pinned when the set is exactly one `==X` (no wildcard) or `===X`.
pub fn spec_of(specs: &pep440_rs::VersionSpecifiers) -> Spec {
    if let [only] = &specs[..]
        && matches!(only.operator(), Operator::Equal | Operator::ExactEqual)
    {
        return Spec::Pinned(only.version().to_string());
    }
    Spec::Range(specs.to_string())
}

/// Parses a PEP 440 specifier set (`>=1.0, <2`, `==1.2.3`, empty = any).
pub fn parse_specifiers(text: &str) -> Result<Spec, String> {
    let text = text.trim();
    if text.is_empty() || text == "*" {
        return Ok(Spec::Range(String::new()));
    }
    pep440_rs::VersionSpecifiers::from_str(text).map(|s| spec_of(&s)).map_err(|e| first_line(&e.to_string()))
}

/// Why a URL dependency cannot be audited, in words.
pub fn url_reason(url: &str) -> String {
    let kind = if url.starts_with("git+")
        || url.starts_with("hg+")
        || url.starts_with("svn+")
        || url.starts_with("bzr+")
        || url.ends_with(".git")
    {
        "a VCS requirement"
    } else if url.starts_with("file:") || url.starts_with('.') || url.starts_with('/') {
        "a local path"
    } else {
        "a URL requirement"
    };
    format!("{kind} ({url})")
}

/// Masks the credentials of every URL in `text`
/// (`https://user:token@host/x` becomes `https://user:****@host/x`;
/// a lone `https://token@host` becomes `https://****@host`), so that a
/// private index token in a requirement never reaches a report.
pub fn redact_url_credentials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("://") {
        let (head, tail) = rest.split_at(pos + 3);
        out.push_str(head);
        let authority_end =
            tail.find(|c: char| c == '/' || c == '?' || c == '#' || c.is_whitespace()).unwrap_or(tail.len());
        let authority = &tail[..authority_end];
        match authority.rfind('@') {
            Some(at) => {
                let userinfo = &authority[..at];
                match userinfo.split_once(':') {
                    Some((user, _)) => out.push_str(&format!("{user}:****")),
                    None => out.push_str("****"),
                }
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[authority_end..];
    }
    out.push_str(rest);
    out
}

/// Poetry's version constraints (`^1.2`, `~1.2`, `1.2.*`, `>=1,<2`, `1.2`)
/// as a PEP 440 specifier set.
pub fn poetry_constraint(text: &str) -> Result<Spec, String> {
    let mut parts = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        if part.is_empty() || part == "*" {
            continue;
        }
        if part.contains("||") || part.contains('|') {
            // A union: audit the whole union as a range of what it allows.
            return Ok(Spec::Range(String::new()));
        }
        if let Some(v) = part.strip_prefix('^') {
            let nums = release(v)?;
            let upper = match nums.iter().position(|&n| n != 0) {
                Some(i) => bump(&nums, i),
                None => bump(&nums, nums.len() - 1),
            };
            parts.push(format!(">={},<{upper}", v.trim()));
        } else if let Some(v) = part.strip_prefix("~=") {
            parts.push(format!("~={}", v.trim()));
        } else if let Some(v) = part.strip_prefix('~') {
            let nums = release(v)?;
            let upper = if nums.len() == 1 { bump(&nums, 0) } else { bump(&nums, 1) };
            parts.push(format!(">={},<{upper}", v.trim()));
        } else if part.starts_with(['<', '>', '=', '!']) {
            parts.push(part.to_owned());
        } else {
            parts.push(format!("=={part}"));
        }
    }
    parse_specifiers(&parts.join(","))
}

fn release(v: &str) -> Result<Vec<u64>, String> {
    let v = v.trim();
    let core: &str = v.split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap_or("");
    let nums: Result<Vec<u64>, _> = core.split('.').filter(|p| !p.is_empty()).map(str::parse).collect();
    match nums {
        Ok(n) if !n.is_empty() => Ok(n),
        _ => Err(format!("`{v}` is not a version")),
    }
}

/// The release with part `i` incremented and the parts after it dropped.
fn bump(nums: &[u64], i: usize) -> String {
    let mut out: Vec<u64> = nums[..=i].to_vec();
    out[i] = out[i].saturating_add(1);
    out.iter().map(u64::to_string).collect::<Vec<_>>().join(".")
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_credentials_are_masked() {
        assert_eq!(
            redact_url_credentials("pkg @ https://ci:s3cr3t@pypi.corp/simple/pkg.tar.gz#egg=pkg"),
            "pkg @ https://ci:****@pypi.corp/simple/pkg.tar.gz#egg=pkg"
        );
        assert_eq!(
            redact_url_credentials("git+https://ghp_abc@github.com/a/b.git"),
            "git+https://****@github.com/a/b.git"
        );
        assert_eq!(redact_url_credentials("https://host/x@y"), "https://host/x@y");
        assert_eq!(redact_url_credentials("no url"), "no url");
    }

    #[test]
    fn names_are_normalised_per_pep_503() {
        assert_eq!(normalize("Django"), "django");
        assert_eq!(normalize("zope.interface"), "zope-interface");
        assert_eq!(normalize("Foo__Bar-.baz"), "foo-bar-baz");
    }

    #[test]
    fn requirements_become_specs() {
        assert_eq!(parse_requirement("Django==3.2.0").unwrap(), ("Django".into(), Spec::Pinned("3.2.0".into())));
        assert_eq!(parse_requirement("django===3.2").unwrap().1, Spec::Pinned("3.2".into()));
        assert_eq!(parse_requirement("django==3.2.*").unwrap().1, Spec::Range("==3.2.*".into()));
        assert_eq!(
            parse_requirement("requests[socks]>=2.0 ; python_version>'3'").unwrap().1,
            Spec::Range(">=2.0".into())
        );
        assert_eq!(parse_requirement("flask").unwrap().1, Spec::Range(String::new()));
        assert!(matches!(
            parse_requirement("pkg @ git+https://github.com/a/b.git@v1").unwrap().1,
            Spec::Unauditable(r) if r.starts_with("a VCS requirement")
        ));
        assert!(parse_requirement("django ==").is_err());
    }

    #[test]
    fn requirement_errors_and_urls_are_read_safely() {
        // pep508_rs's error Display would slice inside `é` here.
        assert!(parse_requirement("pkg ; os_name == \"a\" éé").is_err());
        assert_eq!(
            parse_requirement("pkg @ https://example.com/${PYWARD_UNSET_VARIABLE}/pkg-1.0.tar.gz").unwrap().1,
            Spec::Unauditable("a URL requirement (https://example.com/${PYWARD_UNSET_VARIABLE}/pkg-1.0.tar.gz)".into())
        );
        assert_eq!(parse_requirement("Zope.Interface>=5").unwrap().0, "Zope.Interface");
        // The upper bound of `^MAX` saturates instead of overflowing.
        let _ = poetry_constraint("^18446744073709551615");
    }

    #[test]
    fn poetry_constraints() {
        assert_eq!(poetry_constraint("^1.2.3").unwrap(), Spec::Range(">=1.2.3, <2".into()));
        assert_eq!(poetry_constraint("^0.2.3").unwrap(), Spec::Range(">=0.2.3, <0.3".into()));
        assert_eq!(poetry_constraint("~1.2.3").unwrap(), Spec::Range(">=1.2.3, <1.3".into()));
        assert_eq!(poetry_constraint("3.2.0").unwrap(), Spec::Pinned("3.2.0".into()));
        assert_eq!(poetry_constraint("*").unwrap(), Spec::Range(String::new()));
    }

    #[test]
    fn file_names() {
        use std::path::Path;
        assert_eq!(format_of(Path::new("requirements-dev.txt")), Some(Format::Requirements));
        assert_eq!(format_of(Path::new("requirements/base.in")), Some(Format::Requirements));
        assert_eq!(format_of(Path::new("MANIFEST.in")), None);
        assert_eq!(format_of(Path::new("notes.txt")), None);
        assert_eq!(format_of(Path::new("pylock.dev.toml")), Some(Format::Pylock));
        assert_eq!(format_of(Path::new("x/foo-1.0.dist-info/METADATA")), Some(Format::Installed));
    }
}
