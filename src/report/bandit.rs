//! `--format bandit`: Bandit's JSON report shape, for tools that read Bandit.
//!
//! Differences: no `generated_at` (pyward's machine output has no timestamps,
//! so equal inputs give equal outputs), `more_info` points at pyward's rule
//! docs, and pyward's own `E` findings are listed under `errors`.

use serde_json::{Map, Value, json};

use crate::ScanResult;
use crate::finding::{Finding, Level};
use crate::rules;

fn totals(findings: &[&Finding], loc: usize, nosec: usize, skipped: usize) -> Value {
    let mut sev = Map::new();
    let mut conf = Map::new();
    sev.insert("SEVERITY.UNDEFINED".into(), json!(0));
    conf.insert("CONFIDENCE.UNDEFINED".into(), json!(0));
    for level in [Level::Low, Level::Medium, Level::High] {
        sev.insert(format!("SEVERITY.{level}"), json!(findings.iter().filter(|f| f.severity == level).count()));
        conf.insert(format!("CONFIDENCE.{level}"), json!(findings.iter().filter(|f| f.confidence == level).count()));
    }
    let mut out = Map::new();
    out.extend(conf);
    out.extend(sev);
    out.insert("loc".into(), json!(loc));
    out.insert("nosec".into(), json!(nosec));
    out.insert("skipped_tests".into(), json!(skipped));
    Value::Object(out)
}

/// Bandit names every blacklisted call or import (B3xx but B324, and B4xx)
/// after its one `blacklist` test.
fn test_name<'a>(id: &str, name: &'a str) -> &'a str {
    if (id.starts_with("B3") && id != "B324") || id.starts_with("B4") { "blacklist" } else { name }
}

pub fn render(result: &ScanResult) -> String {
    let issues: Vec<&Finding> = result.findings.iter().filter(|f| !f.rule.starts_with('E')).collect();
    let errors: Vec<Value> = result
        .findings
        .iter()
        .filter(|f| f.rule.starts_with('E'))
        .map(|f| json!({"filename": f.location.path, "reason": f.message}))
        .collect();
    let mut errors = errors;
    if let (Some(line), _) = super::deps_status(result)
        && line.contains("NOT audited")
    {
        errors.push(json!({"filename": "<dependencies>", "reason": line}));
    }
    let mut metrics = Map::new();
    for file in &result.files {
        let mine: Vec<&Finding> = issues.iter().copied().filter(|f| f.location.path == file.path).collect();
        metrics.insert(file.path.clone(), totals(&mine, file.loc, file.nosec, file.skipped_tests));
    }
    metrics.insert(
        "_totals".into(),
        totals(
            &issues,
            result.files.iter().map(|f| f.loc).sum(),
            result.files.iter().map(|f| f.nosec).sum(),
            result.files.iter().map(|f| f.skipped_tests).sum(),
        ),
    );
    let results: Vec<Value> = issues
        .iter()
        .map(|f| {
            let rule = rules::by_id(f.rule);
            let cwe = rule.map_or(0, |r| r.cwe);
            let col = f.location.column.saturating_sub(1);
            json!({
                "code": format!("{} {}\n", f.location.line, f.snippet),
                "col_offset": col,
                "end_col_offset": if f.location.end_line == f.location.line { f.location.end_column.saturating_sub(1) } else { col },
                "filename": f.location.path,
                "issue_confidence": f.confidence,
                "issue_cwe": {"id": cwe, "link": format!("https://cwe.mitre.org/data/definitions/{cwe}.html")},
                "issue_severity": f.severity,
                "issue_text": f.message,
                "line_number": f.location.line,
                "line_range": (f.line_range.0..=f.line_range.1.max(f.line_range.0)).collect::<Vec<_>>(),
                "more_info": super::help_uri(f.rule),
                "test_id": f.rule,
                "test_name": test_name(f.rule, rule.map_or("", |r| r.name)),
            })
        })
        .collect();
    let doc = json!({"errors": errors, "metrics": metrics, "results": results});
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
