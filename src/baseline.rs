//! Baselines: a record of known findings, by fingerprint, so a scan reports
//! only what is new. The fingerprint ignores line numbers, so a finding whose
//! line moved is still recognised.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use crate::finding::Finding;

pub struct Baseline {
    fingerprints: HashSet<String>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
        let value: Value = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{} is not a pyward baseline (invalid JSON: {e}); hint: write one with --write-baseline",
                path.display()
            )
        })?;
        let findings = value.get("findings").and_then(Value::as_array).ok_or_else(|| {
            format!(
                "{} is not a pyward baseline (no \"findings\" list); hint: write one with --write-baseline",
                path.display()
            )
        })?;
        let fingerprints =
            findings.iter().filter_map(|f| f.get("fingerprint").and_then(Value::as_str).map(str::to_owned)).collect();
        Ok(Baseline { fingerprints })
    }

    pub fn contains(&self, finding: &Finding) -> bool {
        self.fingerprints.contains(&finding.fingerprint)
    }
}

/// Writes a baseline of `findings`, atomically (temporary file, then rename).
pub fn write(path: &Path, findings: &[Finding]) -> Result<(), String> {
    let entries: Vec<Value> = findings
        .iter()
        .map(|f| {
            json!({
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "path": f.location.path,
                "line": f.location.line,
                "message": f.message,
            })
        })
        .collect();
    let doc = json!({ "version": 1, "tool": "pyward", "findings": entries });
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n";
    write_atomic(path, text.as_bytes())
}

/// Writes a file through a temporary sibling and a rename, so a reader never
/// sees it half-written and a failure leaves the old file intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}
