//! `--format json`: pyward's own machine format (docs/json-output.md).

use serde_json::{Value, json};

use crate::ScanResult;
use crate::finding::{Finding, Level};
use crate::rules;

/// Bumped whenever a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

pub(crate) fn finding_json(f: &Finding) -> Value {
    let rule = rules::by_id(f.rule);
    json!({
        "rule": f.rule,
        "name": rule.map(|r| r.name),
        "aliases": rule.map(|r| r.aliases).unwrap_or(&[]),
        "severity": f.severity,
        "confidence": f.confidence,
        "cwe": rule.map(|r| r.cwe).filter(|c| *c != 0),
        "path": f.location.path,
        "line": f.location.line,
        "column": f.location.column,
        "end_line": f.location.end_line,
        "end_column": f.location.end_column,
        "line_range": [f.line_range.0, f.line_range.1],
        "message": f.message,
        "snippet": f.snippet,
        "fingerprint": f.fingerprint,
        "commit": f.commit.as_deref().map(|c| json!({"id": c.id, "date": c.date, "history_only": c.history_only})),
        "flow": f.flow.iter().map(|s| json!({
            "kind": s.kind,
            "path": s.location.path,
            "line": s.location.line,
            "column": s.location.column,
            "end_line": s.location.end_line,
            "end_column": s.location.end_column,
            "note": s.note,
        })).collect::<Vec<Value>>(),
    })
}

pub fn render(result: &ScanResult) -> String {
    let findings: Vec<Value> = result.findings.iter().map(finding_json).collect();
    let errors: Vec<Value> = result
        .findings
        .iter()
        .filter(|f| f.rule.starts_with('E'))
        .map(|f| json!({"path": f.location.path, "rule": f.rule, "line": f.location.line, "message": f.message}))
        .collect();
    let mut by_rule = serde_json::Map::new();
    for f in &result.findings {
        let entry = by_rule.entry(f.rule).or_insert(json!(0));
        *entry = json!(entry.as_u64().unwrap_or(0) + 1);
    }
    let doc = json!({
        "version": SCHEMA_VERSION,
        "tool": {"name": "pyward", "version": env!("CARGO_PKG_VERSION")},
        "findings": findings,
        "errors": errors,
        "dependencies": result.deps.as_ref().map(|d| json!({
            "audited": d.audited,
            "dependencies": d.dependencies,
            "manifests": d.manifests,
            "database": d.database,
            "reason": d.reason,
            "notes": d.notes,
        })),
        "git_history": (!result.history.is_empty()).then(|| result.history.iter().map(|h| json!({
            "repository": h.repository,
            "branch": h.branch,
            "commits": h.commits,
            "blobs": h.blobs,
            "oversized": h.oversized,
            "shallow": h.shallow,
        })).collect::<Vec<Value>>()),
        "uploads": (!result.uploads.is_empty()).then(|| result.uploads.iter().map(|u| json!({
            "path": u.path,
            "files": u.files,
            "bytes": u.bytes,
            "symlinks": u.symlinks,
            "unreadable": u.unreadable,
            "damaged": u.damaged,
        })).collect::<Vec<Value>>()),
        "stats": {
            "files": result.files.len(),
            "findings": result.findings.len(),
            "by_severity": {
                "HIGH": super::count_by_level(&result.findings, Level::High),
                "MEDIUM": super::count_by_level(&result.findings, Level::Medium),
                "LOW": super::count_by_level(&result.findings, Level::Low),
            },
            "by_rule": by_rule,
            "suppressed": result.files.iter().map(|f| f.nosec + f.skipped_tests).sum::<usize>(),
            "baselined": result.known.len(),
        },
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
