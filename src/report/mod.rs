//! Reporters: they see only findings (and a few scan statistics).

mod bandit;
mod json;
mod sarif;
mod text;

use crate::ScanResult;
use crate::finding::{Finding, Level};

pub use text::TextOptions;

/// Output formats of `pyward scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Bandit,
}

/// Renders a scan result in a format.
pub fn render(format: Format, result: &ScanResult, text_opts: &TextOptions) -> String {
    match format {
        Format::Text => text::render(result, text_opts),
        Format::Json => json::render(result),
        Format::Sarif => sarif::render(result),
        Format::Bandit => bandit::render(result),
    }
}

/// Masks a secret: its first two characters, then asterisks. Secrets are
/// never printed whole, in any format.
pub fn redact(secret: &str) -> String {
    let count = secret.chars().count();
    if count <= 4 {
        return "*".repeat(count.max(1));
    }
    let head: String = secret.chars().take(2).collect();
    format!("{head}{}", "*".repeat((count - 2).min(8)))
}

/// What the dependency audit did, in words: a status line (`None` when it
/// did not run or there was nothing to audit) and notes.
pub(crate) fn deps_status(result: &ScanResult) -> (Option<String>, Vec<String>) {
    let Some(d) = &result.deps else { return (None, Vec::new()) };
    let status = if !d.audited {
        Some(format!("Dependencies were NOT audited: {}", d.reason.as_deref().unwrap_or("no advisory database")))
    } else if d.dependencies > 0 {
        Some(format!(
            "{} dependenc{} in {} manifest{} audited against the {}.",
            d.dependencies,
            if d.dependencies == 1 { "y" } else { "ies" },
            d.manifests,
            if d.manifests == 1 { "" } else { "s" },
            d.database.as_deref().unwrap_or("advisory database")
        ))
    } else {
        None
    };
    (status, d.notes.clone())
}

/// What `--git-history` read, one line per repository, then notes (a
/// shallow clone, blobs over the size limit).
pub(crate) fn history_status(result: &ScanResult) -> (Vec<String>, Vec<String>) {
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    for h in &result.history {
        let branch = h.branch.as_deref().map_or_else(|| "HEAD".to_owned(), |b| format!("branch {b}"));
        lines.push(format!(
            "Git history of {} read: {} commit{} reachable from {branch}, {} distinct file version{}.",
            h.repository,
            h.commits,
            if h.commits == 1 { "" } else { "s" },
            h.blobs,
            if h.blobs == 1 { "" } else { "s" },
        ));
        if h.shallow {
            notes.push(format!(
                "{} is a shallow clone: commits older than its depth are not there to read (fetch them with `git fetch --unshallow`).",
                h.repository
            ));
        }
        if h.oversized > 0 {
            notes.push(format!(
                "{} file version{} in the history of {} {} over max-file-size and {} not read.",
                h.oversized,
                if h.oversized == 1 { "" } else { "s" },
                h.repository,
                if h.oversized == 1 { "is" } else { "are" },
                if h.oversized == 1 { "was" } else { "were" },
            ));
        }
    }
    (lines, notes)
}

/// What `--uploads` read, one line per store.
pub(crate) fn uploads_status(result: &ScanResult) -> Vec<String> {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    result
        .uploads
        .iter()
        .map(|u| {
            let mut line = format!(
                "Upload store {} read: {} ({}).",
                u.path,
                plural(u.files, "file", "files"),
                crate::analyzers::uploads::archive::size(u.bytes)
            );
            let mut extra = Vec::new();
            if u.symlinks > 0 {
                extra.push(format!("{} not followed", plural(u.symlinks, "symbolic link", "symbolic links")));
            }
            if u.unreadable > 0 {
                extra.push(format!("{} unreadable (E002)", plural(u.unreadable, "entry", "entries")));
            }
            if u.damaged > 0 {
                extra.push(format!(
                    "{} damaged or truncated, read as far as it goes",
                    plural(u.damaged, "archive or document", "archives or documents")
                ));
            }
            if !extra.is_empty() {
                line.pop();
                line.push_str(&format!("; {}.", extra.join(", ")));
            }
            line
        })
        .collect()
}

/// The rule's documentation link used by SARIF and Bandit output.
pub(crate) fn help_uri(rule: &str) -> String {
    format!("https://github.com/pyward/pyward/blob/main/docs/rules.md#{}", rule.to_ascii_lowercase())
}

pub(crate) fn count_by_level(findings: &[Finding], level: Level) -> usize {
    findings.iter().filter(|f| f.severity == level).count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn redact_never_shows_the_whole_secret() {
        assert_eq!(super::redact("hunter2secret"), "hu********");
        assert_eq!(super::redact("abc"), "***");
        assert!(!super::redact("s3cr3t-value").contains("cr3t"));
    }
}
