//! The one result type every analyzer produces and every reporter reads.

use std::fmt;

use serde::Serialize;

/// How bad a finding is, or how sure pyward is of it. Ordered LOW < MEDIUM < HIGH.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Level {
    Low,
    Medium,
    High,
}

pub type Severity = Level;
pub type Confidence = Level;

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "LOW",
            Level::Medium => "MEDIUM",
            Level::High => "HIGH",
        }
    }

    /// Parses `low`, `medium`, `high` (any case); Bandit's `all` means LOW.
    pub fn parse(text: &str) -> Option<Level> {
        match text.trim().to_ascii_lowercase().as_str() {
            "low" | "all" => Some(Level::Low),
            "medium" => Some(Level::Medium),
            "high" => Some(Level::High),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A place in a file. Lines are 1-based; columns are 1-based character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// One problem found in the scanned project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule id from the catalog (`B602`, `E001`, ...).
    pub rule: &'static str,
    pub severity: Severity,
    pub confidence: Confidence,
    pub location: Location,
    pub message: String,
    /// The source line(s) of the finding, as written (trailing newline removed).
    pub snippet: String,
    /// Lines of the node that produced the finding (Bandit's `line_range`).
    pub line_range: (usize, usize),
    /// Stable identity for baselines: rule, path and the normalised code of the
    /// line, never the line number.
    pub fingerprint: String,
    /// For a secret also found in the git history (`--git-history`): the
    /// commit that first held it.
    pub commit: Option<Box<CommitRef>>,
    /// For a taint finding: the flow from the source to the sink (the last
    /// step is the finding's own location). Empty for other findings.
    pub flow: Vec<FlowStep>,
}

/// One step of a taint flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowStep {
    pub location: Location,
    /// `source`, `parameter`, `step`, `call`, `return` or `sink`.
    pub kind: &'static str,
    /// The code of the step (its first line, shortened).
    pub note: String,
}

/// A commit of the scanned repository, as a finding names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitRef {
    /// The full hex id.
    pub id: String,
    /// The author date, ISO 8601 with the author's offset (`2024-03-01T10:00:00+01:00`).
    pub date: String,
    /// Whether the finding's location is in that commit's version of the file
    /// (the secret is only in the history) rather than in the scanned files.
    pub history_only: bool,
}

impl CommitRef {
    /// The id as usually shown: its first 10 hex digits.
    pub fn short(&self) -> &str {
        &self.id[..self.id.len().min(10)]
    }

    /// The date part (`2024-03-01`).
    pub fn day(&self) -> &str {
        &self.date[..self.date.len().min(10)]
    }
}

impl Finding {
    /// The order findings are reported in: path, line, column, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.location.path, self.location.line, self.location.column, self.rule)
    }
}

/// The fingerprint of a finding: a hex FNV-1a 64 hash of the rule id, the path
/// and the line's code with all whitespace removed. Moving a line does not
/// change it; editing the flagged code does.
pub fn fingerprint(rule: &str, path: &str, code: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed(rule.as_bytes());
    feed(&[0]);
    feed(path.as_bytes());
    feed(&[0]);
    for ch in code.chars().filter(|c| !c.is_whitespace()) {
        let mut buf = [0u8; 4];
        feed(ch.encode_utf8(&mut buf).as_bytes());
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_indentation_but_not_code() {
        let a = fingerprint("B602", "a.py", "    subprocess.run(x, shell=True)");
        let b = fingerprint("B602", "a.py", "subprocess.run(x,  shell=True)");
        let c = fingerprint("B602", "a.py", "subprocess.run(y, shell=True)");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, fingerprint("B603", "a.py", "subprocess.run(x, shell=True)"));
    }

    #[test]
    fn levels_order_and_parse() {
        assert!(Level::Low < Level::Medium && Level::Medium < Level::High);
        assert_eq!(Level::parse("ALL"), Some(Level::Low));
        assert_eq!(Level::parse("bogus"), None);
    }
}
