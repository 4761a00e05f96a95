//! The harness over the dependency-reader fixtures in tests/fixtures/deps/.
//!
//! Every file there with a `<file name>.expected` beside it is read with
//! `readers::read`, in the format its name gives (`manifest::format_of`), and
//! what the reader returns is compared with the `.expected` file, one item a
//! line: the dependencies, then the includes, then the errors, each in the
//! order returned.
//!
//! ```text
//! dep <line> <name> pinned <version>
//! dep <line> <name> range <specifier set, as pep440_rs displays it; * for any version>
//! dep <line> <name> unauditable <the start of the reason>
//! include <line> requirement|constraint <path>
//! error <line> <part of the message>
//! ```
//!
//! Blank lines and lines starting with `#` are comments. Every mismatching
//! fixture is shown as a diff (`-` expected, `+` returned) before the test
//! fails, and the test fails when it finds no fixture at all.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pyward::analyzers::deps::manifest::{Format, Manifest, Spec, format_of};
use pyward::analyzers::deps::readers;

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deps")
}

/// The path of the `.expected` file of `path`.
fn expected_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".expected");
    PathBuf::from(name)
}

/// Every file under `dir` that has a `.expected` file beside it.
fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            fixtures(&path, out);
        } else if !path.to_string_lossy().ends_with(".expected") && expected_path(&path).is_file() {
            out.push(path);
        }
    }
}

/// What a reader returned, in the `.expected` syntax.
fn render(manifest: &Manifest) -> Vec<String> {
    let mut out = Vec::new();
    for dep in &manifest.deps {
        let spec = match &dep.spec {
            Spec::Pinned(version) => format!("pinned {version}"),
            Spec::Range(range) if range.is_empty() => "range *".to_owned(),
            Spec::Range(range) => format!("range {range}"),
            Spec::Unauditable(reason) => format!("unauditable {reason}"),
        };
        out.push(format!("dep {} {} {spec}", dep.line, dep.name));
    }
    for include in &manifest.includes {
        let kind = if include.constraint { "constraint" } else { "requirement" };
        out.push(format!("include {} {kind} {}", include.line, include.path));
    }
    for error in &manifest.errors {
        out.push(format!("error {} {}", error.line, error.message.replace('\n', "\\n")));
    }
    out
}

/// Whether a returned line is what an expected line asks for: the same,
/// except that an unauditable reason need only start with the expected text
/// and an error message need only contain it.
fn matches(expected: &str, actual: &str) -> bool {
    let want: Vec<&str> = expected.splitn(3, ' ').collect();
    let got: Vec<&str> = actual.splitn(3, ' ').collect();
    match (want.as_slice(), got.as_slice()) {
        (["error", line, text], ["error", got_line, message]) => line == got_line && message.contains(text),
        (["dep", ..], _) if expected.split(' ').nth(3) == Some("unauditable") => actual.starts_with(expected),
        _ => expected == actual,
    }
}

/// A line diff of `expected` and `actual` (longest common subsequence under
/// [`matches`]), or `None` when they match.
fn diff(expected: &[String], actual: &[String]) -> Option<String> {
    let (n, m) = (expected.len(), actual.len());
    let mut common = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[i][j] = if matches(&expected[i], &actual[j]) {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    if n == m && common[0][0] == n {
        return None;
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && matches(&expected[i], &actual[j]) && common[i][j] == common[i + 1][j + 1] + 1 {
            out.push_str(&format!("    {}\n", actual[j]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || common[i][j + 1] >= common[i + 1][j]) {
            out.push_str(&format!("  + {}\n", actual[j]));
            j += 1;
        } else {
            out.push_str(&format!("  - {}\n", expected[i]));
            i += 1;
        }
    }
    Some(out)
}

/// The problem with one fixture, if any.
fn check(path: &Path) -> Option<String> {
    let Some(format) = format_of(path) else {
        return Some(format!("{}: its name gives no format (see manifest::format_of)", path.display()));
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return Some(format!("{}: cannot read it: {e}", path.display())),
    };
    let expected_text = std::fs::read_to_string(expected_path(path)).unwrap_or_default();
    let expected: Vec<String> = expected_text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let actual = render(&readers::read(format, &text));
    diff(&expected, &actual).map(|diff| format!("{} (read as {}):\n{diff}", path.display(), format.as_str()))
}

#[test]
fn every_dependency_fixture_reads_as_expected() {
    let root = fixtures_root();
    let mut files = Vec::new();
    fixtures(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no fixture with a .expected file under {}", root.display());
    let problems: Vec<String> = files.iter().filter_map(|path| check(path)).collect();
    assert!(problems.is_empty(), "{} of {} fixtures differ:\n\n{}", problems.len(), files.len(), problems.join("\n"));
}

#[test]
fn every_format_has_a_fixture() {
    let mut files = Vec::new();
    fixtures(&fixtures_root(), &mut files);
    let covered: BTreeSet<Format> = files.iter().filter_map(|path| format_of(path)).collect();
    let all = [
        Format::Requirements,
        Format::Pyproject,
        Format::PoetryLock,
        Format::Pipfile,
        Format::PipfileLock,
        Format::PdmLock,
        Format::UvLock,
        Format::Pylock,
        Format::SetupCfg,
        Format::Installed,
    ];
    let missing: Vec<&str> = all.into_iter().filter(|format| !covered.contains(format)).map(Format::as_str).collect();
    assert!(missing.is_empty(), "no fixture for: {}", missing.join(", "));
}

#[test]
fn site_packages_of_a_virtualenv_or_of_itself() {
    let venv = fixtures_root().join("venv");
    let site = venv.join("lib/python3.12/site-packages");
    assert_eq!(readers::site_packages(&venv), std::slice::from_ref(&site));
    assert_eq!(readers::site_packages(&site), std::slice::from_ref(&site));
    assert_eq!(readers::installed_metadata(&site), [site.join("requests-2.31.0.dist-info/METADATA")]);
    let installed = fixtures_root().join("installed/site-packages");
    let names: Vec<String> = readers::installed_metadata(&installed)
        .iter()
        .filter_map(|path| path.parent()?.file_name()?.to_str().map(str::to_owned))
        .collect();
    assert_eq!(names, ["Django-4.2.11.dist-info", "broken-0.1.dist-info", "zope.interface-6.4.dist-info"]);
    assert!(readers::site_packages(&fixtures_root().join("pyproject")).is_empty());
}

#[test]
fn the_matcher_and_the_diff() {
    assert!(matches("dep 3 x unauditable a local", "dep 3 x unauditable a local path (.)"));
    assert!(!matches("dep 3 x unauditable a local", "dep 3 xy unauditable a local path (.)"));
    assert!(matches("error 2 basic string", "error 2 invalid basic string"));
    assert!(!matches("error 2 basic string", "error 3 invalid basic string"));
    assert!(!matches("dep 1 x pinned 1.0", "dep 1 x pinned 1.0.1"));
    let expected = ["dep 1 a range *".to_owned(), "dep 2 b range *".to_owned()];
    let actual = ["dep 1 a range *".to_owned(), "dep 3 c range *".to_owned()];
    assert_eq!(diff(&expected, &expected), None);
    assert_eq!(diff(&expected, &actual).unwrap(), "    dep 1 a range *\n  + dep 3 c range *\n  - dep 2 b range *\n");
}
