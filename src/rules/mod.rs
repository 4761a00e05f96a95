//! Rules: the catalog and rule selection.

mod catalog;

pub use catalog::RULES;

use crate::finding::Level;

/// Which part of pyward produces a rule's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analyzer {
    /// The per-file Python code analyzer (Bandit-compatible checks and pyward's own).
    Code,
    /// Framework configuration (Django settings, ...), audited per project.
    Config,
    /// Dependencies against vulnerability advisories, audited per project.
    Deps,
    /// Secrets written into any text file of the project.
    Secrets,
    /// The files already in an upload store (`--uploads DIR`).
    Uploads,
    /// Client data followed into dangerous calls across the project.
    Taint,
    /// pyward's own errors: files it could not analyse.
    Errors,
}

impl Analyzer {
    pub fn as_str(self) -> &'static str {
        match self {
            Analyzer::Code => "code",
            Analyzer::Config => "config",
            Analyzer::Deps => "deps",
            Analyzer::Secrets => "secrets",
            Analyzer::Uploads => "uploads",
            Analyzer::Taint => "taint",
            Analyzer::Errors => "errors",
        }
    }
}

/// One rule of the catalog.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub name: &'static str,
    pub analyzer: Analyzer,
    pub severity: Level,
    pub confidence: Level,
    /// 0 when no CWE applies (pyward's own errors).
    pub cwe: u32,
    pub aliases: &'static [&'static str],
    pub summary: &'static str,
    /// Markdown with the sections "What it does", "Why is this bad?", "Example",
    /// "Fix", optionally "Options" and "Differences from Bandit", and "References".
    pub doc: &'static str,
}

/// The rule with this id (case-insensitive), alias (`S602`) or name (`assert_used`).
pub fn lookup(key: &str) -> Option<&'static Rule> {
    let key = key.trim();
    RULES.iter().find(|r| {
        r.id.eq_ignore_ascii_case(key) || r.name == key || r.aliases.iter().any(|a| a.eq_ignore_ascii_case(key))
    })
}

/// The rule with exactly this id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The pattern rules that the taint rules make redundant: they flag a call
/// whatever its argument, where T001-T016 report only the calls that client
/// data reaches. The `reachable` profile turns them off.
pub const REACHABLE_PROFILE_IGNORES: &[&str] = &[
    "B102", "B301", "B302", "B307", "B308", "B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320", "B506",
    "B602", "B603", "B604", "B605", "B608", "B610", "B611", "B701", "B703", "B704", "UP001",
];

/// The rules a named profile turns off: `default` none, `reachable` the
/// pattern rules the taint rules replace.
pub fn profile_ignores(name: &str) -> Option<&'static [&'static str]> {
    match name {
        "default" => Some(&[]),
        "reachable" => Some(REACHABLE_PROFILE_IGNORES),
        _ => None,
    }
}

/// Whether `pattern` (an id, an id prefix such as `B6`, an alias such as `S602`,
/// a rule name, or `ALL`) is known, i.e. selects at least one rule.
pub fn pattern_is_known(pattern: &str) -> bool {
    RULES.iter().any(|r| pattern_matches(pattern, r))
}

/// Whether a selection pattern matches a rule.
pub fn pattern_matches(pattern: &str, rule: &Rule) -> bool {
    let p = pattern.trim();
    if p.eq_ignore_ascii_case("all") {
        return true;
    }
    let upper = p.to_ascii_uppercase();
    rule.id.starts_with(&upper) || rule.name == p || rule.aliases.iter().any(|a| a.starts_with(&upper))
}

/// The set of enabled rules, as a bit per catalog row.
#[derive(Debug, Clone)]
pub struct Selection {
    enabled: Vec<bool>,
}

impl Selection {
    /// Rules matching `select` (all rules when empty) minus those matching `ignore`.
    /// When a rule matches both, the more specific (longer) pattern wins, so
    /// `--ignore B6 --select B602` keeps B602.
    pub fn new(select: &[String], ignore: &[String]) -> Selection {
        let best = |pats: &[String], rule: &Rule| {
            pats.iter()
                .filter(|p| pattern_matches(p, rule))
                .map(|p| if p.eq_ignore_ascii_case("all") { 0 } else { p.len() })
                .max()
        };
        let enabled = RULES
            .iter()
            .map(|rule| {
                let sel = if select.is_empty() { Some(0) } else { best(select, rule) };
                match (sel, best(ignore, rule)) {
                    (None, _) => false,
                    (Some(_), None) => true,
                    (Some(s), Some(i)) => s > i,
                }
            })
            .collect();
        Selection { enabled }
    }

    pub fn all() -> Selection {
        Selection { enabled: vec![true; RULES.len()] }
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        RULES.iter().position(|r| r.id == id).is_some_and(|i| self.enabled[i])
    }

    pub fn any_enabled(&self, ids: &[&str]) -> bool {
        ids.iter().any(|id| self.is_enabled(id))
    }

    pub fn enabled_rules(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        RULES.iter().zip(&self.enabled).filter(|(_, e)| **e).map(|(r, _)| r)
    }
}

/// The fixed section headings of a rule's documentation, in order; the
/// optional ones may be left out.
pub const DOC_SECTIONS: &[(&str, bool)] = &[
    ("## What it does", true),
    ("## Why is this bad?", true),
    ("## Example", true),
    ("## Fix", true),
    ("## Options", false),
    ("## Differences from Bandit", false),
    ("## Differences from Django", false),
    ("## References", true),
];

/// The full documentation of a rule, as `pyward rule ID` prints it.
pub fn render_doc(rule: &Rule) -> String {
    let mut out = format!("# {} {}\n\n", rule.id, rule.name);
    out.push_str(&format!(
        "Analyzer: {}. Default severity: {}. Confidence: {}.",
        rule.analyzer.as_str(),
        rule.severity,
        rule.confidence
    ));
    if rule.cwe != 0 {
        out.push_str(&format!(" CWE-{}.", rule.cwe));
    }
    if !rule.aliases.is_empty() {
        out.push_str(&format!(" Aliases: {}.", rule.aliases.join(", ")));
    }
    out.push_str("\n\n");
    out.push_str(&format!("{}\n\n", rule.summary));
    out.push_str(rule.doc.trim_end());
    out.push('\n');
    out
}

/// The rules reference page (`docs/rules.md`), generated from the catalog.
pub fn render_markdown() -> String {
    let mut out = String::from(
        "# pyward rules\n\nGenerated from the rule catalog by `pyward rules --format markdown`; do not edit by hand.\n\n| id | name | severity | confidence | CWE | aliases |\n|---|---|---|---|---|---|\n",
    );
    for r in RULES {
        let cwe = if r.cwe == 0 { String::new() } else { format!("CWE-{}", r.cwe) };
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} | {} | {} |\n",
            r.id,
            r.id.to_ascii_lowercase(),
            r.name,
            r.severity,
            r.confidence,
            cwe,
            r.aliases.join(", ")
        ));
    }
    for r in RULES {
        out.push('\n');
        // Demote the doc's headings one level under the rule's own heading.
        let doc = render_doc(r).replace("\n## ", "\n### ");
        let doc = doc.replacen(&format!("# {} {}", r.id, r.name), &format!("## {}", r.id), 1);
        out.push_str(&doc);
        out.push_str(&format!("\nName: `{}`.\n", r.name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_docs_have_the_sections() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.id), "duplicate id {}", rule.id);
            let mut pos = 0;
            for (heading, required) in DOC_SECTIONS {
                match rule.doc[pos..].find(heading) {
                    Some(p) => pos += p + heading.len(),
                    None => assert!(!required, "{}: missing or misplaced {heading}", rule.id),
                }
            }
        }
    }

    #[test]
    fn selection_prefixes_and_specificity() {
        let sel = Selection::new(&["B6".into()], &[]);
        assert!(sel.is_enabled("B602") && !sel.is_enabled("B101"));
        let sel = Selection::new(&[], &["B6".into()]);
        assert!(!sel.is_enabled("B602") && sel.is_enabled("B101"));
        let sel = Selection::new(&["B602".into()], &["B6".into()]);
        assert!(sel.is_enabled("B602") && !sel.is_enabled("B603"));
        let sel = Selection::new(&["S602".into()], &[]);
        assert!(sel.is_enabled("B602") && !sel.is_enabled("B603"));
        assert_eq!(lookup("assert_used").map(|r| r.id), Some("B101"));
        assert_eq!(lookup("s608").map(|r| r.id), Some("B608"));
    }
}
