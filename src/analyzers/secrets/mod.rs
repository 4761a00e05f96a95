//! The secrets analyzer (SEC001-SEC005): keys, tokens and passwords written
//! into the project's files, found in every text file, never printed whole.
//!
//! Detection is a table (`detectors.rs`): each row a pattern, the keywords
//! that must be on the line before the pattern is tried (one Aho-Corasick
//! pass over the file finds them), an entropy floor and its grades. After a
//! row matches, global filters drop placeholders (`changeme`, `${VAR}`,
//! `<your-key>`, documented example keys, ...). In Python files the names a
//! string literal is assigned to (a variable, an attribute, a dict key, a
//! keyword argument, a default) are read through the AST (`python.rs`), so
//! `SECRET_KEY = "..."` and `connect(password="...")` are recognised by their
//! context rather than by the look of the line.

pub mod detectors;
pub mod history;
mod python;

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::Regex;
use sha2::{Digest, Sha256};

use crate::finding::Level;
use detectors::{DETECTORS, Detector};

/// One secret found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The detector row's id (`aws-access-key-id`).
    pub detector: &'static str,
    pub provider: &'static str,
    pub rule: &'static str,
    pub severity: Level,
    pub confidence: Level,
    /// 1-based line and column (characters) of the secret, and the column after it.
    pub line: usize,
    pub column: usize,
    pub end_column: usize,
    pub secret: String,
}

struct Compiled {
    regexes: Vec<Regex>,
    /// Keyword automaton: pattern i belongs to detector `owner[i]`.
    keywords: AhoCorasick,
    owner: Vec<usize>,
}

fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| {
        let regexes = DETECTORS
            .iter()
            .map(|d| {
                regex::RegexBuilder::new(d.pattern)
                    .size_limit(50 * 1024 * 1024)
                    .build()
                    .unwrap_or_else(|e| panic!("detector {}: bad pattern: {e}", d.id))
            })
            .collect();
        let mut words = Vec::new();
        let mut owner = Vec::new();
        for (i, d) in DETECTORS.iter().enumerate() {
            for k in d.keywords {
                words.push(*k);
                owner.push(i);
            }
        }
        let keywords =
            // A DFA: the overlapping search over every byte of every file is
            // the analyzer's hot loop.
            AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .build(&words)
                .expect("keywords build an automaton");
        Compiled { regexes, keywords, owner }
    })
}

/// Shannon entropy of the text's characters, in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts: rustc_hash::FxHashMap<char, usize> = rustc_hash::FxHashMap::default();
    let mut n = 0usize;
    for c in s.chars() {
        *counts.entry(c).or_default() += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    counts
        .values()
        .map(|&k| {
            let p = k as f64 / n as f64;
            -p * p.log2()
        })
        .sum()
}

/// The Azurite emulator's account key: the same in every installation,
/// published by Microsoft for local development.
const AZURITE_KEY: &str = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/// Values that stand for a secret without being one.
pub fn is_placeholder(secret: &str) -> bool {
    let s = secret.trim();
    let lower = s.to_ascii_lowercase();
    if s.chars().count() < 4 {
        return true;
    }
    // All one character (`xxxxxxxx`, `********`, `00000000`).
    let mut chars = s.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.all(|c| c == first) {
        return true;
    }
    const WORDS: &[&str] = &[
        "changeme",
        "change_me",
        "change-me",
        "password",
        "passw0rd",
        "secret",
        "example",
        "dummy",
        "sample",
        "test",
        "testing",
        "todo",
        "none",
        "null",
        "true",
        "false",
        "redacted",
        "placeholder",
        "notasecret",
        "not-a-secret",
        "insert",
        "replace",
    ];
    if WORDS.contains(&lower.as_str()) {
        return true;
    }
    const PARTS: &[&str] =
        &["xxxx", "****", "your_", "your-", "yourkey", "placeholder", "changeme", "change_me", "dummy", "example"];
    if PARTS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // AWS's documented example keys (`AKIAIOSFODNN7EXAMPLE`, `...EXAMPLEKEY`),
    // and the Azurite storage emulator's published development account key.
    if s.ends_with("EXAMPLE") || s.contains("EXAMPLEKEY") || s.starts_with(AZURITE_KEY) {
        return true;
    }
    // Templates and lookups: `${VAR}`, `{{ var }}`, `<your key>`, `%(x)s`, `$VAR`, `%VAR%`.
    (s.starts_with('$') && !s.starts_with("$2"))
        || s.contains("${")
        || s.contains("{{")
        || (s.starts_with('<') && s.ends_with('>'))
        || (s.starts_with('{') && s.ends_with('}'))
        || s.contains("%(")
        || (s.starts_with('%') && s.ends_with('%'))
}

/// Values that are not secrets whatever their name: UUIDs, hashes written as
/// such (`sha256:...`), version strings, numbers, URLs without credentials.
fn is_not_a_secret_value(secret: &str) -> bool {
    let s = secret.trim();
    let lower = s.to_ascii_lowercase();
    let hex_uuid = s.len() == 36
        && s.chars()
            .enumerate()
            .all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { c == '-' } else { c.is_ascii_hexdigit() });
    hex_uuid
        || ["sha1:", "sha256:", "sha384:", "sha512:", "sha256-", "sha384-", "sha512-", "md5:"]
            .iter()
            .any(|p| lower.starts_with(p))
        || !s.chars().any(|c| c.is_ascii_alphabetic())
        || ((lower.starts_with("http://") || lower.starts_with("https://")) && !s.contains('@'))
}

/// The redacted form shown in reports: a short prefix, then the length and
/// a hash prefix for identity (`AKIA… (20 chars, sha256:3f2a9c1b)`).
pub fn redacted(secret: &str) -> String {
    let n = secret.chars().count();
    let shown = if n >= 16 {
        4
    } else if n >= 8 {
        2
    } else {
        0
    };
    let head: String = secret.chars().take(shown).collect();
    format!("{head}… ({n} chars, sha256:{})", &hash(secret)[..12])
}

/// The SHA-256 of a secret, in hex: its identity in baselines and fingerprints.
pub fn hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every secret in a text file called `name`. Python files (`.py`) are parsed
/// and their string literals read in context; other files line by line.
pub fn scan_text(name: &str, text: &str) -> Vec<Hit> {
    if name.ends_with(".py") || name.ends_with(".pyw") {
        return match crate::python::parse(text.to_owned()) {
            Ok(file) => scan_python(&file),
            Err(_) => scan_lines(text, true),
        };
    }
    if name.ends_with(".ipynb") {
        return scan_notebook(text);
    }
    scan_lines(text, true)
}

/// The secrets of a parsed Python file: the table's rows on its lines, except
/// the name-based ones (SEC004, SEC005), which read the AST instead.
pub fn scan_python(file: &crate::python::PyFile) -> Vec<Hit> {
    let mut hits = scan_lines(&file.text, false);
    hits.extend(python::scan(file));
    dedupe(hits)
}

/// Whether a row is name-based (a keyword assignment rather than a format).
fn name_based(d: &Detector) -> bool {
    matches!(d.rule, "SEC004" | "SEC005")
}

/// Runs the table over a text: a keyword pass over the whole text picks, per
/// line, the rows worth trying.
fn scan_lines(text: &str, with_name_rows: bool) -> Vec<Hit> {
    let c = compiled();
    let bytes = text.as_bytes();
    // Line starts, for offsets -> lines.
    let starts: Vec<usize> = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)).collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);
    let mut tried: rustc_hash::FxHashSet<(usize, usize)> = rustc_hash::FxHashSet::default();
    let mut multiline_rows: Vec<usize> = Vec::new();
    let mut hits = Vec::new();
    for m in c.keywords.find_overlapping_iter(text) {
        let row = c.owner[m.pattern().as_usize()];
        let d = &DETECTORS[row];
        if name_based(d) && !with_name_rows {
            continue;
        }
        if d.multiline {
            if !multiline_rows.contains(&row) {
                multiline_rows.push(row);
            }
            continue;
        }
        let line = line_of(m.start());
        if !tried.insert((line, row)) {
            continue;
        }
        let start = starts[line - 1];
        let end = starts.get(line).copied().unwrap_or(bytes.len());
        let line_text = text[start..end].trim_end_matches(['\n', '\r']);
        for found in matches(row, line_text) {
            let (col, end_col) = columns(line_text, found.0, found.1);
            hits.push(hit(d, line, col, end_col, &line_text[found.0..found.1]));
        }
    }
    for row in multiline_rows {
        let d = &DETECTORS[row];
        for found in matches(row, text) {
            let line = line_of(found.0);
            let start = starts[line - 1];
            let line_end = starts.get(line).map_or(bytes.len(), |e| e - 1).max(start);
            let (col, _) = columns(&text[start..line_end.max(found.0)], found.0 - start, found.0 - start);
            let first_line_end = text[found.0..].find('\n').map_or(found.1, |i| found.0 + i);
            let end_col = col + text[found.0..first_line_end.min(found.1)].chars().count();
            hits.push(hit(d, line, col, end_col, &text[found.0..found.1]));
        }
    }
    hits.sort_by(|a, b| (a.line, a.column, a.detector).cmp(&(b.line, b.column, b.detector)));
    dedupe(hits)
}

/// The byte ranges of the secrets a row finds in `haystack`, after the
/// entropy floor and the placeholder filters.
fn matches(row: usize, haystack: &str) -> Vec<(usize, usize)> {
    let d = &DETECTORS[row];
    let re = &compiled().regexes[row];
    let mut out = Vec::new();
    for caps in re.captures_iter(haystack) {
        let Some(m) = caps.name("secret").or_else(|| caps.get(0)) else { continue };
        let secret = m.as_str();
        if secret.is_empty() || is_placeholder(secret) {
            continue;
        }
        if name_based(d) && (is_not_a_secret_value(secret) || looks_like_code(secret)) {
            continue;
        }
        if d.entropy > 0.0 && entropy(secret) <= d.entropy {
            continue;
        }
        out.push((m.start(), m.end()));
    }
    out
}

/// A call or a subscript written where a value would be (`get_random_secret_key()`,
/// `os.environ["KEY"]`, `env("KEY")`): a name, then `(` or `[`. Django's
/// generated keys hold brackets too (`django-insecure-(8k#...`), after characters
/// no name has.
fn looks_like_code(secret: &str) -> bool {
    let Some(open) = secret.find(['(', '[']) else { return false };
    let name = &secret[..open];
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

fn columns(line: &str, start: usize, end: usize) -> (usize, usize) {
    let col = line.get(..start).map_or(start, |s| s.chars().count()) + 1;
    let end_col = col + line.get(start..end).map_or(end - start, |s| s.chars().count());
    (col, end_col)
}

fn hit(d: &'static Detector, line: usize, column: usize, end_column: usize, secret: &str) -> Hit {
    Hit {
        detector: d.id,
        provider: d.provider,
        rule: d.rule,
        severity: d.severity,
        confidence: d.confidence,
        line,
        column,
        end_column,
        secret: secret.to_owned(),
    }
}

/// One hit per secret per line: the most specific row wins (a provider
/// format over a URL password over a framework key over a generic name).
fn dedupe(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| (a.line, &a.secret, a.rule).cmp(&(b.line, &b.secret, b.rule)));
    hits.dedup_by(|later, earlier| {
        later.line == earlier.line
            && (later.secret == earlier.secret
                || later.secret.contains(earlier.secret.as_str())
                || earlier.secret.contains(later.secret.as_str()))
    });
    hits.sort_by(|a, b| (a.line, a.column, a.detector).cmp(&(b.line, b.column, b.detector)));
    hits
}

/// A Jupyter notebook: the sources of its cells (code cells as Python) and
/// their text outputs, each hit reported at the notebook line that holds it.
fn scan_notebook(text: &str) -> Vec<Hit> {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return scan_lines(text, true);
    };
    let mut hits = Vec::new();
    let mut cursor = 0usize;
    let cells = doc.get("cells").and_then(|c| c.as_array()).cloned().unwrap_or_default();
    for cell in &cells {
        // Within a cell the keys are sorted (`outputs` before `source`), so
        // each part is searched from the cell's start.
        let cell_start = cursor;
        let mut furthest = cursor;
        let is_code = cell.get("cell_type").and_then(|t| t.as_str()) == Some("code");
        let mut parts: Vec<(Vec<String>, bool)> = vec![(lines_of(cell.get("source")), is_code)];
        for output in cell.get("outputs").and_then(|o| o.as_array()).into_iter().flatten() {
            parts.push((lines_of(output.get("text")), false));
            if let Some(data) = output.get("data").and_then(|d| d.as_object()) {
                for value in data.values() {
                    parts.push((lines_of(Some(value)), false));
                }
            }
        }
        for (lines, python) in parts {
            if lines.is_empty() {
                continue;
            }
            // Where each source line sits in the notebook file.
            let mut located = Vec::with_capacity(lines.len());
            let mut at = cell_start;
            for l in &lines {
                let encoded = serde_json::to_string(l).unwrap_or_default();
                match text[at..].find(&encoded) {
                    Some(i) => {
                        at += i;
                        located.push(text[..at].matches('\n').count() + 1);
                        at += encoded.len();
                    }
                    None => located.push(located.last().copied().unwrap_or(1)),
                }
            }
            furthest = furthest.max(at);
            let joined = lines.concat();
            let found = if python { scan_text("cell.py", &joined) } else { scan_lines(&joined, true) };
            for mut h in found {
                h.line = located.get(h.line - 1).copied().unwrap_or(1);
                // Columns refer to the cell's text, not the JSON line.
                h.column = 1;
                h.end_column = 1;
                hits.push(h);
            }
        }
        cursor = furthest;
    }
    hits
}

/// A notebook string field: a list of lines or one string, as lines that
/// keep their line endings.
fn lines_of(value: Option<&serde_json::Value>) -> Vec<String> {
    match value {
        Some(serde_json::Value::Array(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        Some(serde_json::Value::String(s)) => s.split_inclusive('\n').map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// Whether a suppression comment on the line (or, for the pragma, the line
/// before) covers a secret: `pragma: allowlist secret`, `gitleaks:allow`.
/// (`# nosec` and `# pyward: ignore[...]` are handled with the other rules'.)
pub fn allowlisted(line: &str, previous: Option<&str>) -> bool {
    let lower = line.to_ascii_lowercase();
    if lower.contains("gitleaks:allow") || lower.contains("trufflehog:ignore") || pragma(&lower, false) {
        return true;
    }
    previous.is_some_and(|p| {
        let p = p.trim_start().to_ascii_lowercase();
        // Only a comment line: `# pragma: allowlist nextline secret`.
        (p.starts_with('#')
            || p.starts_with("//")
            || p.starts_with("--")
            || p.starts_with("<!--")
            || p.starts_with(';'))
            && (pragma(&p, true) || pragma(&p, false))
    })
}

fn pragma(lower: &str, nextline: bool) -> bool {
    let Some(pos) = lower.find("pragma:") else { return false };
    let rest: String = lower[pos + "pragma:".len()..].chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if nextline {
        rest.starts_with("allowlistnextlinesecret")
    } else {
        rest.starts_with("allowlistsecret") || rest.starts_with("whitelistsecret")
    }
}

/// Whether a rule of this analyzer is enabled.
pub fn any_enabled(selection: &crate::rules::Selection) -> bool {
    selection.enabled_rules().any(|r| r.analyzer == crate::rules::Analyzer::Secrets)
}

/// Files under tests/, fixtures/ and the like: their secrets are reported at
/// LOW confidence (often fakes made for the tests).
fn is_test_or_fixture(path: &str) -> bool {
    crate::analyzers::code::is_test_path(path)
        || path.replace('\\', "/").split('/').any(|p| matches!(p, "fixtures" | "fixture" | "testdata" | "test_data"))
}

/// The secrets of one file: findings, and the fingerprints of those that a
/// suppression comment allows (so that `--git-history` does not report an
/// allowed secret from an older version of the file).
#[derive(Debug, Default)]
pub struct FileSecrets {
    pub findings: Vec<crate::finding::Finding>,
    pub allowed: Vec<String>,
}

/// The secrets of a file's bytes, whatever its kind: nothing for a binary
/// file, Python (`.py`, PEP 263 encodings) read through the AST, notebooks by
/// cell, any other text line by line.
pub fn scan_file(display: &str, bytes: &[u8], selection: &crate::rules::Selection) -> FileSecrets {
    if is_binary(bytes) {
        return FileSecrets::default();
    }
    if display.ends_with(".py") || display.ends_with(".pyw") {
        let text = crate::python::source::decode(bytes.to_vec()).unwrap_or_else(|_| decode_text(bytes));
        // A file that does not parse is still read, line by line.
        return match crate::python::parse(text.clone()) {
            Ok(file) => python_findings(display, &file, selection),
            Err(_) => text_findings(display, &text, selection),
        };
    }
    text_findings(display, &decode_text(bytes), selection)
}

/// The secrets of a parsed Python file, its own suppression comments applied.
pub fn python_findings(
    display: &str,
    file: &crate::python::PyFile,
    selection: &crate::rules::Selection,
) -> FileSecrets {
    to_findings(display, &file.text, scan_python(file), &file.suppressions, selection)
}

/// The secrets of a text read line by line (a notebook by cell), with `#`
/// suppression comments.
pub fn text_findings(display: &str, text: &str, selection: &crate::rules::Selection) -> FileSecrets {
    let hits = if display.ends_with(".ipynb") { scan_notebook(text) } else { scan_lines(text, true) };
    if hits.is_empty() {
        return FileSecrets::default();
    }
    let suppressions = crate::python::suppress::Suppressions::from_hash_comments(text);
    to_findings(display, text, hits, &suppressions, selection)
}

/// Text of a file that is not Python: UTF-8 (or UTF-16 with a byte-order
/// mark), with replacement characters for stray bytes.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    String::from_utf8_lossy(bytes).into_owned()
}

/// Turns hits into findings: enabled rules only, suppression comments
/// applied (`# nosec`, `# pyward: ignore[SEC001]`, `# pragma: allowlist
/// secret`, `gitleaks:allow`), and the secret replaced by its redacted form
/// everywhere it would be shown.
pub fn to_findings(
    path: &str,
    text: &str,
    hits: Vec<Hit>,
    suppressions: &crate::python::suppress::Suppressions,
    selection: &crate::rules::Selection,
) -> FileSecrets {
    let lines: Vec<&str> = text.lines().collect();
    let test = is_test_or_fixture(path);
    let mut out = FileSecrets::default();
    for h in hits {
        if !selection.is_enabled(h.rule) {
            continue;
        }
        let line_text = lines.get(h.line.wrapping_sub(1)).copied().unwrap_or("");
        let previous = h.line.checked_sub(2).and_then(|i| lines.get(i).copied());
        // Identity: the rule, the file and the secret's hash, never the line.
        let fingerprint = crate::finding::fingerprint(h.rule, path, &hash(&h.secret));
        if allowlisted(line_text, previous) || suppressions.is_suppressed(h.rule, h.line, (h.line, h.line)) {
            out.allowed.push(fingerprint);
            continue;
        }
        let shown = redacted(&h.secret);
        let mut snippet = line_text.replace(h.secret.as_str(), &shown);
        for part in h.secret.lines().map(str::trim).filter(|l| l.len() >= 8 && !l.starts_with("-----")) {
            snippet = snippet.replace(part, "…");
        }
        let message = format!(
            "{} is written into the file ({}): {shown}. Revoke it, then read it from the environment or a secret manager.",
            describe(&h),
            h.detector
        );
        out.findings.push(crate::finding::Finding {
            rule: h.rule,
            severity: h.severity,
            confidence: if test { Level::Low } else { h.confidence },
            location: crate::finding::Location {
                path: path.to_owned(),
                line: h.line,
                column: h.column,
                end_line: h.line,
                end_column: h.end_column.max(h.column),
            },
            fingerprint,
            message,
            snippet,
            line_range: (h.line, h.line),
            commit: None,
            flow: Vec::new(),
        });
    }
    out
}

/// "An AWS credential", "A private key", ... for the message.
fn describe(h: &Hit) -> String {
    match h.rule {
        "SEC002" => "A private key".to_owned(),
        "SEC003" => "A password in a URL".to_owned(),
        "SEC004" => "A framework signing key (SECRET_KEY)".to_owned(),
        "SEC005" => "A password, token or key".to_owned(),
        _ => {
            let article = if h.provider.starts_with(['A', 'E', 'I', 'O', 'U']) { "An" } else { "A" };
            format!("{article} {} credential", h.provider)
        }
    }
}

/// Whether a file's content is binary (a NUL byte in its first 8 KiB).
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_and_placeholders() {
        assert!(entropy("aaaaaaaa") < 0.01);
        assert!(entropy("abcdefgh") > 2.9);
        for p in [
            "changeme",
            "${DB_PASSWORD}",
            "{{ secret }}",
            "<your-api-key>",
            "%(password)s",
            "xxxxxxxx",
            "AKIAIOSFODNN7EXAMPLE",
            "$SECRET",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        assert!(!is_placeholder("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"));
        assert!(!is_placeholder("s3cr3t-Valu3-9f8a"));
        assert!(is_not_a_secret_value("123e4567-e89b-12d3-a456-426614174000"));
        assert!(is_not_a_secret_value("sha256:0123abcd"));
        assert!(is_not_a_secret_value("1.2.3"));
        assert!(looks_like_code("get_random_secret_key()"));
        assert!(looks_like_code("os.environ[\"KEY\"]"));
        assert!(!looks_like_code("django-insecure-(8k#2v!q@9zm^w7r&t5y"));
        assert!(!looks_like_code("Xk2vQ9mN4pLz7wRt"));
    }

    #[test]
    fn redaction_never_shows_the_secret() {
        let r = redacted("ghp_0123456789abcdefABCDEF0123456789abcd");
        assert!(r.starts_with("ghp_… (40 chars, sha256:"), "{r}");
        assert!(!r.contains("0123456789abcdef"));
        assert!(redacted("hunter2").starts_with("… (7 chars"));
    }

    #[test]
    fn allowlist_pragmas() {
        assert!(allowlisted("x = 'k'  # pragma: allowlist secret", None));
        assert!(allowlisted("x = 'k'  #pragma:allowlist-secret", None));
        assert!(allowlisted("x: k # gitleaks:allow", None));
        assert!(allowlisted("x = 'k'", Some("    # pragma: allowlist nextline secret")));
        assert!(!allowlisted("x = 'k'", Some("y = 1  # pragma: allowlist nextline secret")));
        assert!(!allowlisted("x = 'k'  # allowlist secret", None));
    }
}
