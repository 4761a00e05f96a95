//! The one harness over every annotated fixture in tests/fixtures/code/.
//!
//! `tests/fixtures/code/B602.py` is scanned with only rule B602 enabled (a
//! file whose name is not a rule id, such as `nosec.py`, with every rule). A
//! line that must be flagged ends with `# expect: B602` or, with its grade,
//! `# expect: B602:HIGH/HIGH`; several ids are comma-separated and repeated
//! ids mean repeated findings. Any missing or extra finding fails the test.

use std::path::{Path, PathBuf};

use pyward::ScanOptions;
use pyward::rules::{self, Selection};

#[derive(Debug, Clone, PartialEq)]
struct Expect {
    line: usize,
    rule: String,
    grade: Option<(String, String)>,
}

fn expectations(text: &str) -> Vec<Expect> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(pos) = line.find("# expect:") else {
            continue;
        };
        // A note may follow the annotations after ` --`.
        let list = &line[pos + "# expect:".len()..];
        let list = list.split_once(" --").map_or(list, |(l, _)| l);
        for item in list.split(',') {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let (rule, grade) = match item.split_once(':') {
                Some((rule, grade)) => {
                    let (sev, conf) = grade.split_once('/').expect("grade is SEVERITY/CONFIDENCE");
                    // An explanation may follow the grade: `DJ004:MEDIUM/HIGH  -- not set`.
                    let conf = conf.split_whitespace().next().unwrap_or_default();
                    (rule.trim(), Some((sev.trim().to_owned(), conf.to_owned())))
                }
                None => (item, None),
            };
            out.push(Expect { line: i + 1, rule: rule.to_owned(), grade });
        }
    }
    out
}

fn check(path: &Path) -> Vec<String> {
    // `DJ004_safe.py` checks rule DJ004 like `DJ004.py` does.
    let stem = path.file_stem().unwrap().to_string_lossy().split('_').next().unwrap_or_default().to_string();
    // Scanned under its bare file name: pyward lowers the confidence of its own
    // rules in test folders, and the fixtures live in one.
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let mut opts = ScanOptions::new(vec![]);
    opts.stdin = Some((name, std::fs::read(path).expect("fixture readable")));
    // A fixture not named after a rule (`nosec.py`) runs every rule but the
    // taint rules, which have fixtures of their own (and would replace the
    // pattern findings these fixtures are about).
    opts.selection = if rules::by_id(&stem).is_some() {
        Selection::new(std::slice::from_ref(&stem), &[])
    } else {
        Selection::new(&[], &["T".to_owned()])
    };
    let result = pyward::scan(&opts).expect("scan runs");
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let mut expected = expectations(&text);
    let mut problems = Vec::new();
    for f in &result.findings {
        let pos = expected.iter().position(|e| {
            e.line == f.location.line
                && e.rule == f.rule
                && e.grade.as_ref().is_none_or(|(s, c)| s == f.severity.as_str() && c == f.confidence.as_str())
        });
        match pos {
            Some(i) => {
                expected.remove(i);
            }
            None => problems.push(format!(
                "{}:{}: unexpected {} {}/{}: {}",
                path.display(),
                f.location.line,
                f.rule,
                f.severity,
                f.confidence,
                f.message
            )),
        }
    }
    for e in expected {
        let grade = e.grade.map(|(s, c)| format!(":{s}/{c}")).unwrap_or_default();
        problems.push(format!("{}:{}: missing {}{}", path.display(), e.line, e.rule, grade));
    }
    problems
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_matches_its_annotations() {
    let files = fixtures("code");
    assert!(files.len() >= 75, "expected a fixture per Bandit rule, found {}", files.len());
    let problems: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    assert!(problems.is_empty(), "{} fixture problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_taint_fixture_matches_its_annotations() {
    let files = fixtures("taint");
    assert!(files.len() >= 16, "expected a fixture per taint rule, found {}", files.len());
    let problems: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    assert!(problems.is_empty(), "{} fixture problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_config_fixture_matches_its_annotations() {
    let files = fixtures("config");
    let problems: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    assert!(problems.is_empty(), "{} fixture problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// The dependency-audit fixtures: each folder of tests/fixtures/deps-audit
/// named after a rule is scanned as a project (so `-r` includes work), with
/// only that rule enabled, against the small OSV database in `db/`; every
/// file in it carries `# expect:` annotations like the Python fixtures.
fn check_deps_folder(dir: &Path) -> Vec<String> {
    let rule = dir.file_name().unwrap().to_string_lossy().to_string();
    let root = dir.parent().unwrap();
    let cache = tempfile::tempdir().expect("temp dir");
    let mut opts = ScanOptions::new(vec![dir.to_path_buf()]);
    opts.selection = Selection::new(std::slice::from_ref(&rule), &[]);
    opts.deps.db = Some(root.join("db"));
    opts.deps.offline = true;
    opts.deps.cache_dir = Some(cache.path().to_path_buf());
    let result = pyward::scan(&opts).expect("scan runs");
    let mut problems = compare_folder(dir, dir, &result);
    let summary = result.deps.as_ref().expect("the dependency audit ran");
    if rule.starts_with("DEP") && !summary.audited {
        problems.push(format!("{}: dependencies were not audited: {:?}", dir.display(), summary.reason));
    }
    problems
}

/// The annotations of a fixture file: `# expect:` comments, or for files
/// that cannot carry comments (JSON, notebooks) a sidecar `<file>.expect`
/// with one `LINE RULE:SEVERITY/CONFIDENCE` per line.
fn file_expectations(file: &Path) -> Vec<Expect> {
    let sidecar = PathBuf::from(format!("{}.expect", file.display()));
    if sidecar.is_file() {
        let text = std::fs::read_to_string(&sidecar).expect("sidecar readable");
        return text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .flat_map(|l| {
                let (line, rest) = l.trim().split_once(char::is_whitespace).expect("LINE RULE");
                let mut e = expectations(&format!("# expect: {rest}"));
                for x in &mut e {
                    x.line = line.parse().expect("a line number");
                }
                e
            })
            .collect();
    }
    expectations(&String::from_utf8_lossy(&std::fs::read(file).expect("fixture readable")))
}

/// Compares a scan of `scanned` (a copy of, or the same as, the fixture
/// folder `dir`) with the annotations of every file in `dir`.
fn compare_folder(dir: &Path, scanned: &Path, result: &pyward::ScanResult) -> Vec<String> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_none_or(|x| x != "expect") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut problems = Vec::new();
    let mut findings: Vec<&pyward::finding::Finding> = result.findings.iter().collect();
    for file in &files {
        let shown = scanned.join(file.strip_prefix(dir).unwrap()).to_string_lossy().to_string();
        let mut expected = file_expectations(file);
        findings.retain(|f| {
            if f.location.path != shown {
                return true;
            }
            let pos = expected.iter().position(|e| {
                e.line == f.location.line
                    && e.rule == f.rule
                    && e.grade.as_ref().is_none_or(|(s, c)| s == f.severity.as_str() && c == f.confidence.as_str())
            });
            match pos {
                Some(i) => {
                    expected.remove(i);
                }
                None => problems.push(format!(
                    "{shown}:{}: unexpected {} {}/{}: {}",
                    f.location.line, f.rule, f.severity, f.confidence, f.message
                )),
            }
            false
        });
        for e in expected {
            let grade = e.grade.map(|(s, c)| format!(":{s}/{c}")).unwrap_or_default();
            problems.push(format!("{shown}:{}: missing {}{}", e.line, e.rule, grade));
        }
    }
    for f in findings {
        problems
            .push(format!("{}:{}: unexpected {} outside the fixture files", f.location.path, f.location.line, f.rule));
    }
    problems
}

/// Copies a folder (hidden files included) into `to`.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_tree(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

/// The secrets fixtures: each folder of tests/fixtures/secrets named after a
/// rule is copied to a temporary folder (secrets under tests/ are reported at
/// LOW confidence) and scanned with only that rule.
fn check_secrets_folder(dir: &Path) -> Vec<String> {
    let rule = dir.file_name().unwrap().to_string_lossy().to_string();
    let tmp = tempfile::tempdir().expect("temp dir");
    let copy = tmp.path().join(&rule);
    copy_tree(dir, &copy);
    let mut opts = ScanOptions::new(vec![copy.clone()]);
    opts.selection = Selection::new(std::slice::from_ref(&rule), &[]);
    opts.deps.offline = true;
    let result = pyward::scan(&opts).expect("scan runs");
    compare_folder(dir, &copy, &result)
}

fn rule_folders(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(kind);
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && rules::by_id(&p.file_name().unwrap().to_string_lossy()).is_some())
        .collect();
    out.sort();
    out
}

#[test]
fn every_secrets_fixture_matches_its_annotations() {
    let folders = rule_folders("secrets");
    assert!(folders.len() >= 5, "expected SEC001-SEC005 folders, found {}", folders.len());
    let problems: Vec<String> = folders.iter().flat_map(|d| check_secrets_folder(d)).collect();
    assert!(problems.is_empty(), "{} fixture problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_deps_fixture_matches_its_annotations() {
    let folders = rule_folders("deps-audit");
    assert!(folders.len() >= 4, "expected DEP001-DEP003 and E004 folders, found {}", folders.len());
    let problems: Vec<String> = folders.iter().flat_map(|d| check_deps_folder(d)).collect();
    assert!(problems.is_empty(), "{} fixture problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// A rule's fixture: `code/ID.py`, `config/ID.py`, or for the dependency
/// audit every file of the folder `deps-audit/ID/`, read as one text.
fn fixture_text(fixtures: &Path, rule: &rules::Rule) -> (PathBuf, String) {
    let folder = match rule.analyzer {
        rules::Analyzer::Deps => Some("deps-audit"),
        rules::Analyzer::Secrets => Some("secrets"),
        rules::Analyzer::Uploads => Some("uploads"),
        _ if rule.id == "E004" => Some("deps-audit"),
        _ => None,
    };
    if let Some(folder) = folder {
        let dir = fixtures.join(folder).join(rule.id);
        let text = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("missing fixture folder {}", dir.display()))
            .map(|e| {
                let p = e.unwrap().path();
                // A sidecar's `LINE RULE` lines count as annotations too.
                let t = String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default()).into_owned();
                if p.extension().is_some_and(|x| x == "expect") {
                    t.lines()
                        .filter(|l| !l.trim_start().starts_with('#'))
                        .map(|l| format!("# expect: {}", l.split_once(' ').map_or("", |x| x.1)))
                        .collect::<Vec<_>>()
                        .join("\n")
                } else {
                    t
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        return (dir, text);
    }
    let dir = fixtures.join(match rule.analyzer {
        rules::Analyzer::Config => "config",
        rules::Analyzer::Taint => "taint",
        _ => "code",
    });
    let path = dir.join(format!("{}.py", rule.id));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing fixture {}", path.display()));
    (path, text)
}

#[test]
fn every_rule_has_a_fixture_with_a_positive_case() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // Every rule but pyward's own file errors (E001-E003, tested end to end).
    for rule in rules::RULES.iter().filter(|r| r.analyzer != rules::Analyzer::Errors || r.id == "E004") {
        let (path, text) = fixture_text(&fixtures, rule);
        assert!(
            expectations(&text).iter().any(|e| e.rule == rule.id),
            "{} has no `# expect: {}` line",
            path.display(),
            rule.id
        );
    }
}

#[test]
fn the_annotation_parser_reads_grades_and_repeats() {
    let e = expectations("x  # expect: B608:MEDIUM/LOW, B608:MEDIUM/LOW\ny # expect: B101\n");
    assert_eq!(e.len(), 3);
    assert_eq!(e[2], Expect { line: 2, rule: "B101".into(), grade: None });
}
