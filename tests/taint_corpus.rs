//! The labelled taint corpus (tests/taint-corpus/): every case is a
//! vulnerable mini-project and its safe twin; per rule, pyward must flag at
//! least 90% of the vulnerable ones and at most 5% of the safe ones.
//! `python3 bench/taint_score.py --verbose` prints the same figures with the
//! cases missed and flagged.

use std::collections::BTreeMap;
use std::path::Path;

use pyward::ScanOptions;
use pyward::rules::Selection;

#[derive(Default)]
struct Score {
    cases: usize,
    tp: usize,
    fp: usize,
}

/// `<RULE>/<case>/<vuln|safe>` of a path inside the corpus.
fn case_of(path: &str) -> Option<(String, String, String)> {
    let norm = path.replace('\\', "/");
    let rest = norm.split("taint-corpus/").nth(1)?;
    let mut parts = rest.split('/');
    Some((parts.next()?.to_owned(), parts.next()?.to_owned(), parts.next()?.to_owned()))
}

#[test]
fn the_corpus_meets_the_targets_for_every_rule() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/taint-corpus");
    let mut opts = ScanOptions::new(vec![corpus.clone()]);
    opts.selection = Selection::new(&["T".to_owned()], &[]);
    let result = pyward::scan(&opts).expect("scan runs");

    // Cases, by rule.
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut cases: Vec<(String, String)> = Vec::new();
    for rule_dir in std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()) {
        let rule = rule_dir.file_name().unwrap().to_string_lossy().into_owned();
        for case in std::fs::read_dir(&rule_dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()) {
            assert!(
                case.join("vuln").is_dir() && case.join("safe").is_dir(),
                "{} lacks vuln/ or safe/",
                case.display()
            );
            cases.push((rule.clone(), case.file_name().unwrap().to_string_lossy().into_owned()));
            scores.entry(rule.clone()).or_default().cases += 1;
        }
    }
    assert!(cases.len() >= 250, "the corpus has {} cases, fewer than 250", cases.len());
    assert_eq!(scores.len(), 16, "one folder per rule T001-T016");

    // Which (rule, case, side) a finding of that rule touches: its sink or any step of its flow.
    let mut flagged: std::collections::BTreeSet<(String, String, String)> = Default::default();
    for f in &result.findings {
        let paths: Vec<&str> =
            std::iter::once(f.location.path.as_str()).chain(f.flow.iter().map(|s| s.location.path.as_str())).collect();
        for p in paths {
            if let Some((rule, case, side)) = case_of(p)
                && rule == f.rule
            {
                flagged.insert((rule, case, side));
            }
        }
    }
    for (rule, case) in &cases {
        let score = scores.get_mut(rule).unwrap();
        if flagged.contains(&(rule.clone(), case.clone(), "vuln".to_owned())) {
            score.tp += 1;
        }
        if flagged.contains(&(rule.clone(), case.clone(), "safe".to_owned())) {
            score.fp += 1;
        }
    }
    let mut failures = Vec::new();
    for (rule, s) in &scores {
        let tpr = s.tp as f64 / s.cases as f64;
        let fpr = s.fp as f64 / s.cases as f64;
        if tpr < 0.90 || fpr > 0.05 {
            failures.push(format!("{rule}: {} cases, TPR {tpr:.2}, FPR {fpr:.2}", s.cases));
        }
    }
    assert!(
        failures.is_empty(),
        "targets (TPR >= 0.90, FPR <= 0.05) missed:\n{}\n(python3 bench/taint_score.py --verbose lists the cases)",
        failures.join("\n")
    );
}
