//! pyward: a security auditor for Python web applications.
//!
//! The pipeline flows one way: discover -> load -> analyze (in parallel, per
//! file) -> filter -> report. Reporters see only [`Finding`]s.

pub mod analyzers;
pub mod baseline;
pub mod config;
pub mod discover;
pub mod finding;
pub mod python;
pub mod report;
pub mod rules;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use globset::GlobMatcher;
use rayon::prelude::*;

use analyzers::code::RawFinding;
use config::CodeOptions;
use finding::{Finding, Level, Location};
use python::suppress::Kind;
use rules::Selection;

/// The default size limit for one file (`max-file-size`).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// What to scan and how.
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    /// Source read from standard input, with the name to report it under.
    pub stdin: Option<(String, Vec<u8>)>,
    pub selection: Selection,
    pub excludes: discover::Excludes,
    pub per_file_ignores: Vec<(GlobMatcher, Vec<String>)>,
    pub code: CodeOptions,
    pub severity_level: Level,
    pub confidence_level: Level,
    pub max_file_size: u64,
    pub jobs: Option<usize>,
    pub baseline: Option<baseline::Baseline>,
    /// Called with (done, total) as files finish.
    pub progress: Option<Box<dyn Fn(usize, usize) + Sync>>,
    /// The dependency audit's database, network and ignores.
    pub deps: analyzers::deps::DepsOptions,
    /// Also read every commit reachable from HEAD for secrets (`--git-history`).
    pub git_history: bool,
    /// Upload stores whose files are inspected (`--uploads DIR`).
    pub uploads: Vec<PathBuf>,
}

impl ScanOptions {
    /// Options with every default: all rules, no excludes, default limits.
    pub fn new(paths: Vec<PathBuf>) -> ScanOptions {
        ScanOptions {
            paths,
            stdin: None,
            selection: Selection::all(),
            excludes: discover::Excludes::new(&[]).expect("no patterns"),
            per_file_ignores: Vec::new(),
            code: CodeOptions::default(),
            severity_level: Level::Low,
            confidence_level: Level::Low,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            jobs: None,
            baseline: None,
            progress: None,
            deps: analyzers::deps::DepsOptions::default(),
            git_history: false,
            uploads: Vec::new(),
        }
    }
}

/// Per-file counts, for reports that show them (Bandit's metrics).
#[derive(Debug, Clone, Default)]
pub struct FileStats {
    pub path: String,
    pub loc: usize,
    pub nosec: usize,
    pub skipped_tests: usize,
}

/// Everything a scan found.
pub struct ScanResult {
    pub findings: Vec<Finding>,
    pub files: Vec<FileStats>,
    /// Findings hidden because the baseline has them (kept so that
    /// `--write-baseline` can record them again).
    pub known: Vec<Finding>,
    pub elapsed: Duration,
    /// What the dependency audit did, when it ran.
    pub deps: Option<analyzers::deps::Summary>,
    /// The repositories whose history was read (`--git-history`).
    pub history: Vec<analyzers::secrets::history::Summary>,
    /// The upload stores inspected (`--uploads DIR`).
    pub uploads: Vec<analyzers::uploads::Summary>,
}

#[derive(Default)]
struct FileOutcome {
    findings: Vec<Finding>,
    stats: Option<FileStats>,
    /// What the file contributes to the project's framework settings.
    settings: Option<analyzers::config::ModuleSummary>,
    /// A dependency manifest or lock file, as read.
    manifest: Option<analyzers::deps::ManifestFile>,
    /// Fingerprints of secrets that a suppression comment allows.
    allowed_secrets: Vec<String>,
    /// The parsed file, kept for the project-wide taint analysis.
    taint: Option<analyzers::taint::TaintFile>,
}

/// Runs a scan.
pub fn scan(opts: &ScanOptions) -> Result<ScanResult, String> {
    let start = Instant::now();
    let found = AtomicUsize::new(usize::from(opts.stdin.is_some()));
    let done = AtomicUsize::new(0);
    let tick = || {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(p) = &opts.progress {
            p(n, found.load(Ordering::Relaxed));
        }
    };
    // Deeply nested code makes the parser and the visitor recurse deeply, so
    // the worker threads get large stacks.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .stack_size(256 * 1024 * 1024)
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    // The walk runs on its own thread and feeds the workers as it goes.
    let (sender, receiver) = std::sync::mpsc::channel();
    let mut outcomes: Vec<FileOutcome> = std::thread::scope(|scope| {
        let found = &found;
        scope.spawn(move || {
            let every_file = analyzers::secrets::any_enabled(&opts.selection);
            discover::discover(&opts.paths, &opts.excludes, every_file, |entry| {
                found.fetch_add(1, Ordering::Relaxed);
                // The receiver lives until every entry is analysed.
                let _ = sender.send(entry);
            });
        });
        pool.install(|| {
            let mut outcomes: Vec<FileOutcome> = receiver
                .into_iter()
                .par_bridge()
                .map(|entry| {
                    let outcome = match &entry {
                        discover::Entry::File { path, display, walked } => analyze_path(opts, path, display, *walked),
                        discover::Entry::Error { display, message } => error_outcome(
                            opts,
                            "E002",
                            display,
                            (1, 1),
                            format!("cannot read {display}: {message}"),
                            None,
                        ),
                    };
                    tick();
                    outcome
                })
                .collect();
            if let Some((name, bytes)) = &opts.stdin {
                outcomes.push(analyze_bytes(opts, name, bytes.clone()));
                tick();
            }
            outcomes
        })
    });
    let mut findings: Vec<Finding> = Vec::new();
    let mut files = Vec::new();
    let mut taint_files = Vec::new();
    let mut summaries = Vec::new();
    let mut manifests = Vec::new();
    let mut allowed_secrets: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for outcome in outcomes.iter_mut() {
        manifests.extend(outcome.manifest.take());
        allowed_secrets.extend(outcome.allowed_secrets.drain(..));
        findings.append(&mut outcome.findings);
        if let Some(stats) = outcome.stats.take() {
            files.push(stats);
        }
        summaries.extend(outcome.settings.take());
        taint_files.extend(outcome.taint.take());
    }
    drop(outcomes);
    // Taint flows, across the files (on a worker thread: deep code recurses).
    if !taint_files.is_empty() {
        taint_files.sort_by(|a, b| a.path.cmp(&b.path));
        let taint = pool.install(|| analyzers::taint::analyze(&taint_files, &opts.selection));
        // Freeing every syntax tree takes a while: let another thread do it.
        std::thread::spawn(move || drop(taint_files));
        findings.extend(taint);
    }
    // Project-level analysis, on the per-file summaries.
    if !summaries.is_empty() {
        summaries.sort_by(|a, b| a.path.cmp(&b.path));
        findings.extend(analyzers::config::audit(&summaries, &opts.selection));
    }
    let deps = if analyzers::deps::any_enabled(&opts.selection) {
        let (found, summary) = analyzers::deps::audit(manifests, &opts.deps, &opts.selection)?;
        findings.extend(found);
        Some(summary)
    } else {
        None
    };
    let history = if opts.git_history {
        pool.install(|| scan_history(opts, &mut findings, &allowed_secrets))?
    } else {
        Vec::new()
    };
    let mut uploads = Vec::new();
    for store in &opts.uploads {
        let (found, summary) = pool.install(|| analyzers::uploads::scan(store, &opts.selection))?;
        findings.extend(found);
        uploads.push(summary);
    }
    // The filter stage: per-file ignores, then the thresholds, then the baseline.
    findings.retain(|f| !ignored_for_file(opts, f));
    findings.retain(|f| f.severity >= opts.severity_level && f.confidence >= opts.confidence_level);
    // A taint finding that is still reported replaces the pattern finding of
    // its line (B602 under T002, ...); one the filters removed does not.
    analyzers::taint::drop_redundant(&mut findings);
    let mut known = Vec::new();
    if let Some(baseline) = &opts.baseline {
        let (old, new): (Vec<Finding>, Vec<Finding>) = findings.into_iter().partition(|f| baseline.contains(f));
        findings = new;
        known = old;
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    known.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(ScanResult { findings, files, known, elapsed: start.elapsed(), deps, history, uploads })
}

/// `--git-history`: the secrets of every commit reachable from HEAD, for each
/// scanned path. A secret still in the scanned files is reported there, with
/// the commit that first held it; one a suppression comment allows is not
/// reported from older versions; the others are reported at their commit.
fn scan_history(
    opts: &ScanOptions,
    findings: &mut Vec<Finding>,
    allowed: &rustc_hash::FxHashSet<String>,
) -> Result<Vec<analyzers::secrets::history::Summary>, String> {
    use analyzers::secrets::history;
    if !analyzers::secrets::any_enabled(&opts.selection) {
        return Err("--git-history reads the history for secrets, but no SEC rule is selected".to_owned());
    }
    let history_opts =
        history::Options { selection: &opts.selection, excludes: &opts.excludes, max_file_size: opts.max_file_size };
    let mut current: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for (i, f) in findings.iter().enumerate() {
        if f.rule.starts_with("SEC") {
            current.entry(f.fingerprint.clone()).or_insert(i);
        }
    }
    let mut summaries = Vec::new();
    let mut reported: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for root in &opts.paths {
        let (found, summary) = history::scan(root, &discover::display(root), &history_opts)?;
        summaries.push(summary);
        for f in found {
            if allowed.contains(&f.fingerprint) || !reported.insert(f.fingerprint.clone()) {
                continue;
            }
            match current.get(&f.fingerprint) {
                Some(&i) => {
                    if let Some(commit) = f.commit {
                        history::annotate(&mut findings[i], *commit);
                    }
                }
                None => findings.push(f),
            }
        }
    }
    Ok(summaries)
}

/// Whether `per-file-ignores` turns this finding off (any analyzer, any rule).
fn ignored_for_file(opts: &ScanOptions, f: &Finding) -> bool {
    let Some(rule) = rules::by_id(f.rule) else { return false };
    opts.per_file_ignores
        .iter()
        .any(|(glob, ids)| glob.is_match(&f.location.path) && ids.iter().any(|p| rules::pattern_matches(p, rule)))
}

/// The outcome of a file pyward could not analyse: an `E` finding when that
/// rule is enabled.
fn error_outcome(
    opts: &ScanOptions,
    rule: &'static str,
    display: &str,
    (line, column): (usize, usize),
    message: String,
    stats: Option<FileStats>,
) -> FileOutcome {
    let findings = if opts.selection.is_enabled(rule) {
        vec![error_finding(rule, display, line, column, message)]
    } else {
        vec![]
    };
    FileOutcome { findings, stats, ..FileOutcome::default() }
}

/// A finding of pyward's own `E` rules, with the catalog's grades.
pub(crate) fn error_finding(rule: &'static str, path: &str, line: usize, column: usize, message: String) -> Finding {
    let def = rules::by_id(rule).expect("error rules are in the catalog");
    Finding {
        rule,
        severity: def.severity,
        confidence: def.confidence,
        location: Location { path: path.to_owned(), line, column, end_line: line, end_column: column },
        fingerprint: finding::fingerprint(rule, path, ""),
        message,
        snippet: String::new(),
        line_range: (line, line),
        commit: None,
        flow: Vec::new(),
    }
}

fn analyze_path(opts: &ScanOptions, path: &std::path::Path, display: &str, walked: bool) -> FileOutcome {
    let failed = |rule, message| error_outcome(opts, rule, display, (1, 1), message, None);
    let python = matches!(path.extension().and_then(|e| e.to_str()), Some("py" | "pyw"));
    if walked && !python && analyzers::deps::manifest::format_of(path).is_none() {
        // Any other text file: read only for secrets. Binary and oversized
        // files (data, media, logs) are skipped without a finding.
        return match std::fs::metadata(path) {
            Ok(m) if m.is_file() && m.len() <= opts.max_file_size => match std::fs::read(path) {
                Ok(bytes) => secrets_outcome(opts, display, &bytes),
                Err(e) => failed("E002", format!("cannot read {display}: {e}")),
            },
            _ => FileOutcome::default(),
        };
    }
    match std::fs::metadata(path) {
        Err(e) => return failed("E002", format!("cannot read {display}: {e}")),
        Ok(m) if m.len() > opts.max_file_size => {
            return failed(
                "E003",
                format!(
                    "{display} is {} bytes, over the {} byte limit; skipped (hint: raise max-file-size or exclude it)",
                    m.len(),
                    opts.max_file_size
                ),
            );
        }
        Ok(m) if m.is_dir() => {
            return FileOutcome::default();
        }
        Ok(_) => {}
    }
    if let Some(format) = analyzers::deps::manifest::format_of(path) {
        return match std::fs::read(path) {
            Ok(bytes) => manifest_outcome(opts, display, Some(path), format, bytes),
            Err(e) => failed("E002", format!("cannot read {display}: {e}")),
        };
    }
    match std::fs::read(path) {
        Ok(bytes) => analyze_bytes(opts, display, bytes),
        Err(e) => failed("E002", format!("cannot read {display}: {e}")),
    }
}

/// The secrets of a text file that is neither Python nor a manifest.
fn secrets_outcome(opts: &ScanOptions, display: &str, bytes: &[u8]) -> FileOutcome {
    let found = analyzers::secrets::scan_file(display, bytes, &opts.selection);
    FileOutcome { findings: found.findings, allowed_secrets: found.allowed, ..FileOutcome::default() }
}

/// Reads a dependency manifest (when the dependency audit runs).
fn manifest_outcome(
    opts: &ScanOptions,
    display: &str,
    path: Option<&std::path::Path>,
    format: analyzers::deps::manifest::Format,
    bytes: Vec<u8>,
) -> FileOutcome {
    // Secrets first: they borrow the bytes that the manifest reader then owns.
    let mut outcome = if analyzers::secrets::any_enabled(&opts.selection) {
        secrets_outcome(opts, display, &bytes)
    } else {
        FileOutcome::default()
    };
    outcome.manifest = analyzers::deps::any_enabled(&opts.selection).then(|| {
        // Manifests are UTF-8; anything else is read with replacement
        // characters, so a stray byte costs one line, not the file.
        let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        analyzers::deps::read_file(display, path, format, text)
    });
    outcome
}

/// Analyses one file's bytes, reported under `display`.
fn analyze_bytes(opts: &ScanOptions, display: &str, bytes: Vec<u8>) -> FileOutcome {
    if let Some(format) = analyzers::deps::manifest::format_of(std::path::Path::new(display)) {
        return manifest_outcome(opts, display, None, format, bytes);
    }
    let enabled_error = |rule, line, col, message| {
        let stats = FileStats { path: display.to_owned(), ..FileStats::default() };
        error_outcome(opts, rule, display, (line, col), message, Some(stats))
    };
    let text = match python::source::decode(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = match &e {
                python::source::DecodeError::Invalid { line, .. } => *line,
                python::source::DecodeError::UnknownEncoding(_, line) => *line,
                _ => 1,
            };
            return enabled_error("E002", line, 1, format!("cannot decode {display}: {e}"));
        }
    };
    let backup = analyzers::secrets::any_enabled(&opts.selection).then(|| text.clone());
    let file = match python::parse(text) {
        Ok(file) => file,
        Err((line, col, message)) => {
            let mut outcome = enabled_error("E001", line, col, format!("syntax error in {display}: {message}"));
            // The secrets of a file that does not parse are still found, line by line.
            if let Some(text) = backup {
                let found = analyzers::secrets::text_findings(display, &text, &opts.selection);
                outcome.findings.extend(found.findings);
                outcome.allowed_secrets = found.allowed;
            }
            return outcome;
        }
    };
    let raw = analyzers::code::check_file(&file, display, &opts.selection, &opts.code);
    let mut stats = FileStats { path: display.to_owned(), loc: count_loc(&file), ..FileStats::default() };
    let mut findings = Vec::with_capacity(raw.len());
    for r in raw {
        match file.suppressions.suppression(r.rule, r.line, (r.line_range.0.min(r.line), r.line_range.1.max(r.line))) {
            Some(Kind::Blanket) => stats.nosec += 1,
            Some(Kind::Specific) => stats.skipped_tests += 1,
            None => findings.push(to_finding(&file, display, r)),
        }
    }
    let mut allowed_secrets = Vec::new();
    if analyzers::secrets::any_enabled(&opts.selection) {
        let found = analyzers::secrets::python_findings(display, &file, &opts.selection);
        findings.extend(found.findings);
        allowed_secrets = found.allowed;
    }
    let settings = if analyzers::config::any_enabled(&opts.selection) {
        analyzers::config::summarize(&file, display)
    } else {
        None
    };
    let taint = analyzers::taint::any_enabled(&opts.selection)
        .then(|| analyzers::taint::TaintFile { path: display.to_owned(), file });
    FileOutcome { findings, stats: Some(stats), settings, allowed_secrets, taint, ..FileOutcome::default() }
}

/// Lines that hold code (not blank, not only a comment), as Bandit counts `loc`.
fn count_loc(file: &python::PyFile) -> usize {
    let bytes = file.text.as_bytes();
    (1..=file.lines.line_count())
        .filter(|&line| {
            let start = file.lines.line_start(line);
            bytes[start..]
                .iter()
                .find(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))
                .is_some_and(|b| !matches!(b, b'#' | b'\n' | b'\r'))
        })
        .count()
}

fn to_finding(file: &python::PyFile, path: &str, r: RawFinding) -> Finding {
    let text = &file.text;
    let lines = &file.lines;
    let start = r.range.start().to_usize();
    let end = r.range.end().to_usize();
    let (sline, scol) = lines.line_col(text, start);
    let line_text = lines.line_text(text, r.line);
    let (column, end_line, end_column) = if sline == r.line {
        let (el, ec) = lines.line_col(text, end.max(start));
        (scol, el, ec)
    } else {
        let indent = line_text.chars().take_while(|c| c.is_whitespace()).count() + 1;
        (indent, r.line, line_text.chars().count() + 1)
    };
    let mut snippet = line_text.to_owned();
    let mut message = r.message;
    if let Some(secret) = &r.secret
        && !secret.is_empty()
    {
        let masked = report::redact(secret);
        snippet = snippet.replace(secret.as_str(), &masked);
        message = message.replace(secret.as_str(), &masked);
    }
    Finding {
        rule: r.rule,
        severity: r.severity,
        confidence: r.confidence,
        fingerprint: finding::fingerprint(r.rule, path, &snippet),
        location: Location { path: path.to_owned(), line: r.line, column, end_line, end_column },
        message,
        snippet,
        line_range: r.line_range,
        commit: None,
        flow: Vec::new(),
    }
}
