//! `--format text`: for people. One block per finding with a code frame and a
//! fix hint, then a summary by severity and rule. Colour only when asked
//! (the CLI asks on a terminal without NO_COLOR).

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::ScanResult;
use crate::finding::{Finding, Level};
use crate::rules;

#[derive(Debug, Clone, Default)]
pub struct TextOptions {
    pub color: bool,
    /// Only the summary line and findings' first lines.
    pub quiet: bool,
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
    fn level(&self, level: Level, t: &str) -> String {
        match level {
            Level::High => self.wrap("1;31", t),
            Level::Medium => self.wrap("33", t),
            Level::Low => self.wrap("36", t),
        }
    }
    fn dim(&self, t: &str) -> String {
        self.wrap("2", t)
    }
}

/// The first sentence of a rule's "Fix" section.
pub(crate) fn fix_hint(doc: &str) -> Option<String> {
    let body = doc.split("## Fix").nth(1)?;
    let para: Vec<&str> = body
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with("```") && !l.starts_with("## "))
        .collect();
    let text = para.join(" ");
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let end = text.find(". ").map_or(text.len(), |i| i + 1);
    Some(text[..end].to_owned())
}

fn write_finding(out: &mut String, f: &Finding, p: &Paint, quiet: bool) {
    let grade = format!("[{}/{}]", f.severity, f.confidence);
    let _ = writeln!(
        out,
        "{}:{}:{}: {} {} {}",
        p.bold(&f.location.path),
        f.location.line,
        f.location.column,
        p.level(f.severity, f.rule),
        p.level(f.severity, &grade),
        f.message
    );
    if quiet {
        return;
    }
    let rule = rules::by_id(f.rule);
    let pad = " ".repeat(f.location.line.to_string().len());
    if !f.snippet.is_empty() {
        let num = f.location.line.to_string();
        let _ = writeln!(out, "{pad} {}", p.dim("|"));
        let _ = writeln!(out, "{} {} {}", p.dim(&num), p.dim("|"), f.snippet);
        let width = f.snippet.chars().count();
        let start = f.location.column.saturating_sub(1).min(width);
        let end = if f.location.end_line == f.location.line {
            f.location.end_column.saturating_sub(1).clamp(start + 1, width.max(start + 1))
        } else {
            width.max(start + 1)
        };
        // Keep tabs so the carets line up under tab-indented code.
        let lead: String = f.snippet.chars().take(start).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        let carets = "^".repeat(end - start);
        let _ = writeln!(
            out,
            "{pad} {} {lead}{} {}",
            p.dim("|"),
            p.level(f.severity, &carets),
            p.level(f.severity, f.rule)
        );
        if let Some(c) = f.commit.as_deref() {
            let place = if c.history_only { "in the history only" } else { "first committed" };
            let _ = writeln!(out, "{pad} = commit: {} ({}), {place}", c.id, c.date);
        }
    }
    // A taint finding shows its flow: where the data came from, what
    // carried it, and the sink.
    for step in &f.flow {
        let _ = writeln!(
            out,
            "{pad}   {} {}:{}  {}",
            p.dim(&format!("{:<9}", step.kind)),
            step.location.path,
            step.location.line,
            step.note
        );
    }
    // A finding with code shows the fix hint under it; a stored file (no
    // code to show) shows it alone.
    let hinted = !f.snippet.is_empty() || rule.is_some_and(|r| r.analyzer == rules::Analyzer::Uploads);
    if hinted && let Some(hint) = rule.and_then(|r| fix_hint(r.doc)) {
        let _ = writeln!(out, "{pad} = help: {hint} (`pyward rule {}`)", f.rule);
    }
    out.push('\n');
}

pub fn render(result: &ScanResult, opts: &TextOptions) -> String {
    let p = Paint(opts.color);
    let mut out = String::new();
    for f in &result.findings {
        write_finding(&mut out, f, &p, opts.quiet);
    }
    let n = result.findings.len();
    let high = super::count_by_level(&result.findings, Level::High);
    let medium = super::count_by_level(&result.findings, Level::Medium);
    let low = super::count_by_level(&result.findings, Level::Low);
    let files = result.files.len();
    let summary = if n == 0 {
        format!(
            "No issues found in {files} file{} in {:.2} s.",
            if files == 1 { "" } else { "s" },
            result.elapsed.as_secs_f64()
        )
    } else {
        format!(
            "Found {n} issue{} ({high} high, {medium} medium, {low} low) in {files} file{} in {:.2} s.",
            if n == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" },
            result.elapsed.as_secs_f64()
        )
    };
    let _ = writeln!(out, "{}", p.bold(&summary));
    if n > 0 && !opts.quiet {
        let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &result.findings {
            *by_rule.entry(f.rule).or_default() += 1;
        }
        let list: Vec<String> = by_rule.iter().map(|(r, c)| format!("{r} {c}")).collect();
        let _ = writeln!(out, "By rule: {}", list.join(", "));
    }
    let (deps, notes) = super::deps_status(result);
    if let Some(line) = deps {
        let line = if line.contains("NOT audited") { p.level(Level::High, &line) } else { line };
        let _ = writeln!(out, "{line}");
    }
    let (history, history_notes) = super::history_status(result);
    for line in history.into_iter().chain(super::uploads_status(result)) {
        let _ = writeln!(out, "{line}");
    }
    for note in notes.into_iter().chain(history_notes) {
        let _ = writeln!(out, "note: {note}");
    }
    let suppressed: usize = result.files.iter().map(|f| f.nosec + f.skipped_tests).sum();
    if suppressed > 0 || !result.known.is_empty() {
        let _ =
            writeln!(out, "Not shown: {suppressed} suppressed by comments, {} in the baseline.", result.known.len());
    }
    out
}
