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
///
/// Only regular files are replaced that way. A path that exists and is not a
/// regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written in place:
/// renaming over it would replace the device with a plain file. A symlink is
/// followed, so the link stays and its target is replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let mut file = std::fs::OpenOptions::new().write(true).truncate(true).open(path).map_err(fail)?;
            return file.write_all(bytes).map_err(fail);
        }
        _ => {}
    }
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(fail)?,
        _ => path.to_path_buf(),
    };
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::FileTypeExt;

    use super::write_atomic;

    #[test]
    fn special_files_are_written_in_place_not_replaced() {
        write_atomic(std::path::Path::new("/dev/null"), b"report").unwrap();
        let kind = std::fs::metadata("/dev/null").unwrap().file_type();
        assert!(kind.is_char_device(), "/dev/null must stay a device");
    }

    #[test]
    fn symlinks_are_kept_and_their_target_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let fresh = dir.path().join("fresh.json");
        write_atomic(&fresh, b"x").unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "x");
    }
}
