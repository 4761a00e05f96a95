//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other viewers.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::ScanResult;
use crate::finding::Level;
use crate::rules;

fn level(severity: Level) -> &'static str {
    match severity {
        Level::High => "error",
        Level::Medium => "warning",
        Level::Low => "note",
    }
}

/// GitHub grades alerts by `security-severity`: >= 7 high, >= 4 medium.
fn security_severity(severity: Level) -> &'static str {
    match severity {
        Level::High => "8.0",
        Level::Medium => "5.5",
        Level::Low => "3.0",
    }
}

fn precision(confidence: Level) -> &'static str {
    match confidence {
        Level::High => "high",
        Level::Medium => "medium",
        Level::Low => "low",
    }
}

pub fn render(result: &ScanResult) -> String {
    // Rules that have results, in id order, with their index for `ruleIndex`.
    let used: BTreeMap<&str, usize> = {
        let mut ids: Vec<&str> = result.findings.iter().map(|f| f.rule).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect()
    };
    let rule_objects: Vec<Value> = used
        .keys()
        .filter_map(|id| rules::by_id(id))
        .map(|r| {
            let mut tags = vec![json!("security")];
            if r.cwe != 0 {
                tags.push(json!(format!("external/cwe/cwe-{}", r.cwe)));
            }
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "help": {"text": rules::render_doc(r), "markdown": rules::render_doc(r)},
                "helpUri": super::help_uri(r.id),
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {
                    "tags": tags,
                    "precision": precision(r.confidence),
                    "security-severity": security_severity(r.severity),
                    "aliases": r.aliases,
                },
            })
        })
        .collect();
    let results: Vec<Value> = result
        .findings
        .iter()
        .map(|f| {
            let mut properties = json!({
                "severity": f.severity,
                "confidence": f.confidence,
                "security-severity": security_severity(f.severity),
            });
            if let Some(c) = f.commit.as_deref() {
                properties["commit"] = json!(c.id);
                properties["commitDate"] = json!(c.date);
                properties["historyOnly"] = json!(c.history_only);
            }
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": used.get(f.rule).copied().unwrap_or(0),
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&f.location.path), "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": f.location.line,
                            "startColumn": f.location.column,
                            "endLine": f.location.end_line.max(f.location.line),
                            "endColumn": f.location.end_column.max(1),
                            "snippet": {"text": f.snippet},
                        },
                    },
                }],
                "partialFingerprints": {"pywardFingerprint/v1": f.fingerprint},
                "properties": properties,
            });
            if !f.flow.is_empty() {
                // The taint flow, as one thread of one code flow; the source
                // is also given as a related location.
                let step = |s: &crate::finding::FlowStep| {
                    json!({
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(&s.location.path), "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": s.location.line,
                                "startColumn": s.location.column,
                                "endLine": s.location.end_line.max(s.location.line),
                                "endColumn": s.location.end_column.max(1),
                            },
                        },
                        "message": {"text": format!("{}: {}", s.kind, s.note)},
                    })
                };
                let locations: Vec<Value> = f.flow.iter().map(|s| json!({"location": step(s)})).collect();
                result["codeFlows"] = json!([{"threadFlows": [{"locations": locations}]}]);
                let mut source = step(&f.flow[0]);
                source["id"] = json!(0);
                result["relatedLocations"] = json!([source]);
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "pyward",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/pyward/pyward",
                "rules": rule_objects,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
            "results": results,
            "invocations": [invocation(result)],
            "columnKind": "unicodeCodePoints",
        }],
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// The run's invocation: whether dependencies were audited, as notifications.
fn invocation(result: &ScanResult) -> Value {
    let (status, notes) = super::deps_status(result);
    let mut notifications: Vec<Value> = Vec::new();
    if let Some(line) = status {
        let level = if line.contains("NOT audited") { "warning" } else { "note" };
        notifications.push(json!({"level": level, "message": {"text": line}, "descriptor": {"id": "dependencies"}}));
    }
    for note in notes {
        notifications.push(json!({"level": "note", "message": {"text": note}, "descriptor": {"id": "dependencies"}}));
    }
    let (history, history_notes) = super::history_status(result);
    for line in history.into_iter().chain(history_notes) {
        notifications.push(json!({"level": "note", "message": {"text": line}, "descriptor": {"id": "git-history"}}));
    }
    for line in super::uploads_status(result) {
        notifications.push(json!({"level": "note", "message": {"text": line}, "descriptor": {"id": "uploads"}}));
    }
    let mut inv = json!({"executionSuccessful": true});
    if !notifications.is_empty() {
        inv["toolExecutionNotifications"] = Value::Array(notifications);
    }
    inv
}

/// A relative URI for a path: forward slashes, percent-encoded where needed.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
