//! Suppression comments, read once per file from the comment tokens.
//!
//! - `# nosec`, `# nosec B602`, `# nosec: B602, B607`, `# nosec assert_used`:
//!   Bandit's meaning. Words that are neither a rule id nor a rule name are
//!   dropped; a nosec whose words are all unknown suppresses everything.
//! - `# noqa: S602` (Ruff's alias of B602; pyward ids work too). A bare
//!   `# noqa` is not a security suppression and is ignored.
//! - `# pyward: ignore[B602, T001]`; `# pyward: ignore` alone suppresses all.
//!
//! A finding is suppressed when such a comment is on its reported line or on
//! any line of the node that produced it (Bandit's rule). Lookups use a sorted
//! map, so the cost per finding is logarithmic, never a rescan of lines.

use std::collections::BTreeMap;

use crate::rules;

/// Rule ids named by one comment; empty means "all rules".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdSet(pub Vec<&'static str>);

impl IdSet {
    fn contains(&self, id: &str) -> bool {
        self.0.contains(&id)
    }
}

/// How a finding was suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Blanket,
    Specific,
}

#[derive(Debug, Default, Clone)]
struct LineSuppressions {
    nosec: Option<IdSet>,
    /// `# noqa: X` and `# pyward: ignore[...]`; empty set = all.
    other: Option<IdSet>,
}

#[derive(Debug, Default, Clone)]
pub struct Suppressions {
    lines: BTreeMap<usize, LineSuppressions>,
}

impl Suppressions {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The directives of a file that is not Python (a requirements file, a
    /// YAML or `.env` file): every `#` comment, found textually.
    pub fn from_hash_comments(text: &str) -> Suppressions {
        let mut s = Suppressions::default();
        for (i, line) in text.lines().enumerate() {
            if let Some(pos) = line.find('#') {
                s.add_comment(i + 1, &line[pos..]);
            }
        }
        s
    }

    /// Adds the directives of one comment found on `line`.
    pub fn add_comment(&mut self, line: usize, comment: &str) {
        // Most comments hold no directive; rule them out without allocating.
        let bytes = comment.as_bytes();
        let maybe = memchr::memmem::find(bytes, b"nosec").is_some()
            || memchr::memmem::find(bytes, b"pyward:").is_some()
            || bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"noqa"));
        if !maybe {
            return;
        }
        let nosec = parse_nosec(comment);
        let other = parse_noqa(comment).or_else(|| parse_pyward_ignore(comment));
        if nosec.is_none() && other.is_none() {
            return;
        }
        let entry = self.lines.entry(line).or_default();
        if nosec.is_some() {
            entry.nosec = nosec;
        }
        if let Some(other) = other {
            entry.other = Some(match entry.other.take() {
                Some(IdSet(mut ids)) if !ids.is_empty() && !other.0.is_empty() => {
                    ids.extend(other.0);
                    IdSet(ids)
                }
                _ => other,
            });
        }
    }

    /// Whether a finding of `rule` reported on `line`, produced by a node
    /// spanning `range` (inclusive lines), is suppressed.
    pub fn is_suppressed(&self, rule: &str, line: usize, range: (usize, usize)) -> bool {
        self.suppression(rule, line, range).is_some()
    }

    /// How a finding is suppressed, if it is: by a comment naming no rule
    /// (`Blanket`) or one naming this rule (`Specific`).
    pub fn suppression(&self, rule: &str, line: usize, range: (usize, usize)) -> Option<Kind> {
        if self.lines.is_empty() {
            return None;
        }
        // Bandit: the nosec of the reported line, united with the first nosec
        // found in the node's line range; an empty union means "everything".
        let base = self.lines.get(&line).and_then(|l| l.nosec.as_ref());
        let context = self.lines.range(range.0..=range.1.max(range.0)).find_map(|(_, l)| l.nosec.as_ref());
        if base.is_some() || context.is_some() {
            let mut union: Vec<&str> = Vec::new();
            for set in [base, context].into_iter().flatten() {
                union.extend(set.0.iter().copied());
            }
            if union.is_empty() {
                return Some(Kind::Blanket);
            }
            if union.contains(&rule) {
                return Some(Kind::Specific);
            }
        }
        let mut lines = self.lines.range(range.0..=range.1.max(range.0)).map(|(_, l)| l);
        let on_line = self.lines.get(&line);
        on_line
            .into_iter()
            .chain(&mut lines)
            .filter_map(|l| l.other.as_ref())
            .find(|set| set.0.is_empty() || set.contains(rule))
            .map(|set| if set.0.is_empty() { Kind::Blanket } else { Kind::Specific })
    }
}

/// Bandit's `#\s*nosec:?\s*(?P<tests>[^#]+)?` searched anywhere in the comment.
fn parse_nosec(comment: &str) -> Option<IdSet> {
    let mut search = comment;
    while let Some(hash) = search.find('#') {
        let after = search[hash + 1..].trim_start();
        if let Some(rest) = after.strip_prefix("nosec") {
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            let tail = rest.split('#').next().unwrap_or("");
            let ids = tail
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .filter_map(|w| {
                    rules::RULES
                        .iter()
                        .find(|r| r.id.eq_ignore_ascii_case(w) || r.name.eq_ignore_ascii_case(w))
                        .map(|r| r.id)
                })
                .collect();
            return Some(IdSet(ids));
        }
        search = &search[hash + 1..];
    }
    None
}

/// `# noqa: S602, B602` (codes required).
fn parse_noqa(comment: &str) -> Option<IdSet> {
    let lower = comment.to_ascii_lowercase();
    let pos = lower.find("noqa")?;
    let rest = comment[pos + 4..].trim_start();
    let rest = rest.strip_prefix(':')?;
    let ids: Vec<&'static str> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take_while(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
        .filter_map(|w| rules::lookup(w).map(|r| r.id))
        .collect();
    if ids.is_empty() { None } else { Some(IdSet(ids)) }
}

/// `# pyward: ignore` or `# pyward: ignore[B602, T001]`.
fn parse_pyward_ignore(comment: &str) -> Option<IdSet> {
    let pos = comment.find("pyward:")?;
    let rest = comment[pos + "pyward:".len()..].trim_start();
    let rest = rest.strip_prefix("ignore")?;
    match rest.strip_prefix('[') {
        None => Some(IdSet::default()),
        Some(list) => {
            let list = list.split(']').next().unwrap_or("");
            let ids: Vec<&'static str> =
                list.split(',').filter_map(|w| rules::lookup(w.trim()).map(|r| r.id)).collect();
            if ids.is_empty() { None } else { Some(IdSet(ids)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sup(lines: &[(usize, &str)]) -> Suppressions {
        let mut s = Suppressions::default();
        for (l, c) in lines {
            s.add_comment(*l, c);
        }
        s
    }

    #[test]
    fn nosec_semantics() {
        let s = sup(&[
            (1, "# nosec"),
            (2, "# nosec B602, B607"),
            (3, "# nosec: assert_used"),
            (4, "# nosec because reasons"),
        ]);
        assert!(s.is_suppressed("B101", 1, (1, 1)));
        assert!(s.is_suppressed("B602", 2, (2, 2)) && s.is_suppressed("B607", 2, (2, 2)));
        assert!(!s.is_suppressed("B603", 2, (2, 2)));
        assert!(s.is_suppressed("B101", 3, (3, 3)) && !s.is_suppressed("B102", 3, (3, 3)));
        assert!(s.is_suppressed("B999", 4, (4, 4)));
        // anywhere in the node's range
        assert!(s.is_suppressed("B101", 7, (1, 9)));
    }

    #[test]
    fn noqa_and_pyward_ignore() {
        let s = sup(&[(1, "# noqa: S602"), (2, "# noqa"), (3, "# pyward: ignore[B602]"), (4, "# pyward: ignore")]);
        assert!(s.is_suppressed("B602", 1, (1, 1)) && !s.is_suppressed("B603", 1, (1, 1)));
        assert!(!s.is_suppressed("B602", 2, (2, 2)));
        assert!(s.is_suppressed("B602", 3, (3, 3)) && !s.is_suppressed("B101", 3, (3, 3)));
        assert!(s.is_suppressed("B101", 4, (4, 4)));
    }
}
