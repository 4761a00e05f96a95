//! The dependency audit: every manifest, lock file and installed environment
//! of the project, matched against OSV advisories (DEP001-DEP003, E004).
//!
//! Readers (`readers/`, one module per format) run per file in the parallel
//! phase; this module runs once per scan: it follows `-r`/`-c` includes,
//! gets the advisory database (`--db`, or the cache, refreshed when old),
//! matches every dependency and turns the matches into findings.

pub mod cache;
pub mod db;
pub mod manifest;
pub mod osv;
pub mod readers;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use pep440_rs::{Operator, Version, VersionSpecifiers};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::finding::{Finding, Level, Location, fingerprint};
use crate::python::suppress::Suppressions;
use crate::rules::{self, Selection};
use manifest::{Dependency, Format, Manifest, Spec, normalize};
use osv::Prepared;

/// An ignore from `[tool.pyward.deps] ignore`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub id: String,
    pub reason: String,
    /// The last day it applies (`YYYY-MM-DD`), if any.
    pub until: Option<String>,
}

/// How the dependency audit runs.
#[derive(Debug, Clone)]
pub struct DepsOptions {
    /// `--db PATH` (or the config's `db`): use this database, never the cache.
    pub db: Option<PathBuf>,
    pub offline: bool,
    pub require_db: bool,
    pub python_envs: Vec<PathBuf>,
    /// Refresh the cached database when it is older than this.
    pub max_age: Duration,
    pub ignores: Vec<Ignore>,
    pub url: String,
    pub cache_dir: Option<PathBuf>,
    /// Show a progress bar while downloading.
    pub progress: bool,
    /// Today (`YYYY-MM-DD`), for ignore expiry.
    pub today: String,
}

impl Default for DepsOptions {
    fn default() -> Self {
        DepsOptions {
            db: None,
            offline: std::env::var_os("PYWARD_OFFLINE").is_some_and(|v| !v.is_empty() && v != "0"),
            require_db: false,
            python_envs: Vec::new(),
            max_age: Duration::from_secs(24 * 3600),
            ignores: Vec::new(),
            url: std::env::var("PYWARD_DB_URL").ok().filter(|u| !u.is_empty()).unwrap_or(cache::DEFAULT_URL.to_owned()),
            cache_dir: cache::cache_dir(),
            progress: false,
            today: civil_date(cache::now()),
        }
    }
}

/// The date (`YYYY-MM-DD`, UTC) of a Unix time.
pub fn civil_date(secs: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = (secs / 86400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether a rule of this analyzer is enabled.
pub fn any_enabled(selection: &Selection) -> bool {
    selection.enabled_rules().any(|r| r.analyzer == rules::Analyzer::Deps) || selection.is_enabled("E004")
}

/// One manifest file as read in the parallel phase.
#[derive(Debug, Clone)]
pub struct ManifestFile {
    /// The path as reported.
    pub display: String,
    /// Where it is on disk (for includes); `None` for standard input.
    pub path: Option<PathBuf>,
    pub format: Format,
    pub manifest: Manifest,
    pub text: String,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
}

impl ManifestFile {
    /// The text of a 1-based line, without its line ending.
    fn line(&self, n: usize) -> &str {
        let Some(&start) = self.line_starts.get(n.wrapping_sub(1)) else { return "" };
        let end = self.line_starts.get(n).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// Reads one manifest file's text.
pub fn read_file(display: &str, path: Option<&Path>, format: Format, text: String) -> ManifestFile {
    let manifest = readers::read(format, &text);
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
    ManifestFile { display: display.to_owned(), path: path.map(Path::to_path_buf), format, manifest, text, line_starts }
}

/// What the audit did, for every report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Whether dependencies were matched against a database.
    pub audited: bool,
    /// Distinct (package, version or range) dependencies seen.
    pub dependencies: usize,
    pub manifests: usize,
    /// The database used ("OSV zip ..., 12,345 advisories").
    pub database: Option<String>,
    /// Why dependencies were NOT audited.
    pub reason: Option<String>,
    /// Things the user should know (stale database, expired ignores, ...).
    pub notes: Vec<String>,
}

/// Runs the audit over the manifests found by the scan.
pub fn audit(
    mut files: Vec<ManifestFile>,
    opts: &DepsOptions,
    selection: &Selection,
) -> Result<(Vec<Finding>, Summary), String> {
    files.sort_by(|a, b| a.display.cmp(&b.display));
    let mut findings = Vec::new();
    follow_includes(&mut files, &mut findings, selection);
    for env in &opts.python_envs {
        files.extend(installed(env)?);
    }
    let mut summary = Summary { manifests: files.len(), ..Summary::default() };
    for file in &files {
        for err in &file.manifest.errors {
            if selection.is_enabled("E004") {
                let message = format!("cannot read {}: line {}: {}", file.display, err.line, err.message);
                findings.push(make(file, "E004", None, err.line, err.column, err.column, message, String::new()));
            }
        }
    }
    let deps: Vec<(&ManifestFile, &Dependency)> =
        files.iter().flat_map(|f| f.manifest.deps.iter().map(move |d| (f, d))).collect();
    let mut distinct = FxHashSet::default();
    for (file, dep) in &deps {
        let key = match &dep.spec {
            Spec::Pinned(v) | Spec::Range(v) | Spec::Unauditable(v) => (normalize(&dep.name), v.clone()),
        };
        distinct.insert(key);
        if let Spec::Unauditable(reason) = &dep.spec
            && selection.is_enabled("DEP003")
        {
            let message = format!(
                "{} is {reason}: it cannot be matched against advisories (hint: pin a released version, or review its source and ignore this finding)",
                dep.name
            );
            findings.push(make(
                file,
                "DEP003",
                Some(dep),
                dep.line,
                dep.column,
                dep.end_column,
                message,
                reason.clone(),
            ));
        }
    }
    summary.dependencies = distinct.len();
    let auditable = deps.iter().any(|(_, d)| !matches!(d.spec, Spec::Unauditable(_)));
    let wants = selection.is_enabled("DEP001") || selection.is_enabled("DEP002");
    if !auditable || !wants {
        summary.audited = true;
        return Ok((suppressed(findings, &files), summary));
    }
    let database = match obtain(opts, &mut summary.notes) {
        Ok(db) => db,
        Err(reason) => {
            // A database the user named must work.
            if opts.db.is_some() {
                return Err(reason);
            }
            if opts.require_db {
                return Err(format!(
                    "dependencies were not audited: {reason}\n  hint: run `pyward db update`, or pass --db PATH (an OSV zip or advisory folder)"
                ));
            }
            summary.reason = Some(reason);
            return Ok((suppressed(findings, &files), summary));
        }
    };
    summary.audited = true;
    summary.database = Some(database.description.clone());
    if !database.skipped.is_empty() {
        let (file, err) = &database.skipped[0];
        summary.notes.push(format!(
            "{} advisory records could not be read and were skipped (first: {file}: {err})",
            database.skipped.len()
        ));
    }
    let mut packages: FxHashMap<String, Package> = FxHashMap::default();
    let mut ignored = 0;
    for (file, dep) in &deps {
        let name = normalize(&dep.name);
        let pkg = packages.entry(name.clone()).or_insert_with(|| Package::new(database.advisories(&name)));
        if pkg.list.is_empty() {
            continue;
        }
        match &dep.spec {
            Spec::Pinned(version) if selection.is_enabled("DEP001") => {
                let parsed = osv::parse_version(version);
                let key = parsed.as_ref().map_or_else(|| version.clone(), osv::canonical);
                let hits: Vec<usize> =
                    (0..pkg.list.len()).filter(|&i| pkg.list[i].affects_key(parsed.as_ref(), &key)).collect();
                if hits.is_empty() {
                    continue;
                }
                let upgrade = parsed.as_ref().and_then(|v| pkg.clearing_version(Some(v)));
                for group in pkg.groups_of(&hits) {
                    let (ids, expired) = match ignore_state(opts, &pkg.ids_of(&group)) {
                        IgnoreState::Active => {
                            ignored += 1;
                            continue;
                        }
                        IgnoreState::Expired(note) => (pkg.ids_of(&group), Some(note)),
                        IgnoreState::None => (pkg.ids_of(&group), None),
                    };
                    let (severity, score) = pkg.severity(&group);
                    let first = &pkg.list[group[0]].adv;
                    let fixed = pkg.fixed_text(&group, parsed.as_ref());
                    let mut message = format!("{} {version} is affected by {}", dep.name, ids.join(", "));
                    if !first.summary.is_empty() {
                        message.push_str(&format!(": {}", first.summary.trim_end_matches('.')));
                    }
                    message.push('.');
                    if let Some(score) = score {
                        message.push_str(&format!(" CVSS {:.1} ({}).", score.value, score.label));
                    }
                    message.push_str(&format!(" {fixed}"));
                    match &upgrade {
                        Some(v) => message.push_str(&format!(
                            " Upgrade to {} {v} or later: the smallest version that clears every known advisory of {}.",
                            dep.name, dep.name
                        )),
                        None => message.push_str(&format!(" No known version clears every advisory of {}.", dep.name)),
                    }
                    if let Some(note) = expired {
                        message.push_str(&format!(" {note}"));
                    }
                    let identity = format!("{name}=={version} {}", ids[0]);
                    let mut f =
                        make(file, "DEP001", Some(dep), dep.line, dep.column, dep.end_column, message, identity);
                    f.severity = severity;
                    findings.push(f);
                }
            }
            Spec::Range(text) if selection.is_enabled("DEP002") => {
                let Ok(specs) = VersionSpecifiers::from_str(text) else { continue };
                let floor = lower_bound(&specs);
                let hits: Vec<usize> = (0..pkg.list.len()).filter(|&i| pkg.range_hits(i, &specs, &floor)).collect();
                let mut groups = Vec::new();
                for group in pkg.groups_of(&hits) {
                    match ignore_state(opts, &pkg.ids_of(&group)) {
                        IgnoreState::Active => ignored += 1,
                        _ => groups.push(group),
                    }
                }
                if groups.is_empty() {
                    continue;
                }
                let severity = groups.iter().map(|g| pkg.severity(g).0).max().unwrap_or(Level::Medium);
                let primary: Vec<String> = groups.iter().map(|g| pkg.ids_of(g)[0].clone()).collect();
                let shown = if primary.len() > 5 {
                    format!("{} and {} more", primary[..5].join(", "), primary.len() - 5)
                } else {
                    primary.join(", ")
                };
                let written = if text.is_empty() { "any version".to_owned() } else { text.clone() };
                let n = groups.len();
                let plural = if n == 1 { "vulnerability" } else { "vulnerabilities" };
                let mut message =
                    format!("{} {written} allows versions affected by {n} known {plural} ({shown}).", dep.name);
                match pkg.clearing_version(floor.as_ref().map(|(v, _)| v)) {
                    Some(v) => message.push_str(&format!(
                        " Pin a version (a lock file does this) or raise the floor to >={v}, the smallest version that clears them all."
                    )),
                    None => message.push_str(" Pin a version (a lock file does this); no known version clears them all."),
                }
                let identity = format!("{name} {text}");
                let mut f = make(file, "DEP002", Some(dep), dep.line, dep.column, dep.end_column, message, identity);
                f.severity = severity;
                findings.push(f);
            }
            _ => {}
        }
    }
    if ignored > 0 {
        summary.notes.push(format!(
            "{ignored} known vulnerabilit{} ignored by the configuration's deps ignore list",
            if ignored == 1 { "y" } else { "ies" }
        ));
    }
    Ok((suppressed(findings, &files), summary))
}

/// Drops findings a comment on their line suppresses (`# nosec`,
/// `# pyward: ignore[DEP001]`, `# noqa: DEP001`).
fn suppressed(findings: Vec<Finding>, files: &[ManifestFile]) -> Vec<Finding> {
    let mut by_file: FxHashMap<&str, Suppressions> = FxHashMap::default();
    for file in files {
        let s = Suppressions::from_hash_comments(&file.text);
        if !s.is_empty() {
            by_file.insert(&file.display, s);
        }
    }
    findings
        .into_iter()
        .filter(|f| {
            by_file
                .get(f.location.path.as_str())
                .is_none_or(|s| !s.is_suppressed(f.rule, f.location.line, (f.location.line, f.location.line)))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn make(
    file: &ManifestFile,
    rule: &'static str,
    dep: Option<&Dependency>,
    line: usize,
    column: usize,
    end_column: usize,
    message: String,
    identity: String,
) -> Finding {
    let def = rules::by_id(rule).expect("deps rules are in the catalog");
    // A private index token in a URL is a secret: never printed.
    let snippet = manifest::redact_url_credentials(file.line(line));
    let message = manifest::redact_url_credentials(&message);
    let identity = if dep.is_some() { identity } else { format!("{snippet}{message}") };
    Finding {
        rule,
        severity: def.severity,
        confidence: def.confidence,
        location: Location {
            path: file.display.clone(),
            line,
            column: column.max(1),
            end_line: line,
            end_column: end_column.max(column.max(1)),
        },
        fingerprint: fingerprint(rule, &file.display, &identity),
        message,
        snippet,
        line_range: (line, line),
        commit: None,
        flow: Vec::new(),
    }
}

enum IgnoreState {
    None,
    Active,
    Expired(String),
}

fn ignore_state(opts: &DepsOptions, ids: &[String]) -> IgnoreState {
    for ig in &opts.ignores {
        if !ids.iter().any(|id| id.eq_ignore_ascii_case(&ig.id)) {
            continue;
        }
        match &ig.until {
            Some(until) if until.as_str() < opts.today.as_str() => {
                return IgnoreState::Expired(format!(
                    "(The configuration's ignore of {} expired on {until}; it no longer applies. Its reason was: {})",
                    ig.id, ig.reason
                ));
            }
            _ => return IgnoreState::Active,
        }
    }
    IgnoreState::None
}

/// The advisories of one package, prepared for matching, with alias groups.
struct Package {
    list: Vec<Prepared>,
    /// The group of each advisory: records that are aliases of each other.
    group: Vec<usize>,
}

impl Package {
    fn new(advisories: Vec<osv::Advisory>) -> Package {
        let list: Vec<Prepared> = advisories.into_iter().map(Prepared::new).collect();
        // Union-find over ids and aliases.
        let mut parent: Vec<usize> = (0..list.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut owner: FxHashMap<String, usize> = FxHashMap::default();
        for (i, p) in list.iter().enumerate() {
            for id in std::iter::once(&p.adv.id).chain(&p.adv.aliases) {
                match owner.get(id) {
                    Some(&j) => {
                        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                        parent[a.max(b)] = a.min(b);
                    }
                    None => {
                        owner.insert(id.clone(), i);
                    }
                }
            }
        }
        let group = (0..list.len()).map(|i| root(&mut parent, i)).collect();
        Package { list, group }
    }

    /// The hits, grouped by alias group, in a stable order.
    fn groups_of(&self, hits: &[usize]) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut seen: FxHashMap<usize, usize> = FxHashMap::default();
        for &i in hits {
            match seen.get(&self.group[i]) {
                Some(&g) => groups[g].push(i),
                None => {
                    seen.insert(self.group[i], groups.len());
                    groups.push(vec![i]);
                }
            }
        }
        for g in &mut groups {
            g.sort_by(|&a, &b| id_rank(&self.list[a].adv.id).cmp(&id_rank(&self.list[b].adv.id)));
        }
        groups.sort_by(|a, b| self.ids_of(a)[0].cmp(&self.ids_of(b)[0]));
        groups
    }

    /// Every id of a group: its records' ids first (PYSEC, GHSA, others),
    /// then their aliases.
    fn ids_of(&self, group: &[usize]) -> Vec<String> {
        let mut ids: Vec<String> = group.iter().map(|&i| self.list[i].adv.id.clone()).collect();
        ids.sort_by(|a, b| id_rank(a).cmp(&id_rank(b)));
        let mut aliases: Vec<String> =
            group.iter().flat_map(|&i| self.list[i].adv.aliases.iter().cloned()).filter(|a| !ids.contains(a)).collect();
        aliases.sort_by(|a, b| id_rank(a).cmp(&id_rank(b)));
        aliases.dedup();
        ids.extend(aliases);
        ids
    }

    /// The group's severity: its best CVSS score, else a database's grade,
    /// else MEDIUM.
    fn severity(&self, group: &[usize]) -> (Level, Option<osv::Score>) {
        let vectors: Vec<String> = group.iter().flat_map(|&i| self.list[i].adv.cvss.iter().cloned()).collect();
        if let Some(score) = osv::best_score(&vectors) {
            return (score.level(), Some(score));
        }
        let graded = group.iter().filter_map(|&i| self.list[i].adv.grade.as_deref().and_then(osv::grade_level)).max();
        (graded.unwrap_or(Level::Medium), None)
    }

    /// "Fixed in 3.2.4, 3.1.12." (versions above the current one first).
    fn fixed_text(&self, group: &[usize], current: Option<&Version>) -> String {
        let mut fixed: Vec<Version> = group.iter().flat_map(|&i| self.list[i].fixed()).collect();
        fixed.sort();
        fixed.dedup();
        if fixed.is_empty() {
            return "No fixed version is known.".to_owned();
        }
        let newer: Vec<String> =
            fixed.iter().filter(|v| current.is_none_or(|c| *v > c)).map(ToString::to_string).collect();
        let list = if newer.is_empty() { fixed.iter().map(ToString::to_string).collect() } else { newer };
        format!("Fixed in {}.", list.join(", "))
    }

    /// The smallest fixed version above `from` that no advisory affects.
    fn clearing_version(&self, from: Option<&Version>) -> Option<Version> {
        let mut candidates: Vec<Version> = self.list.iter().flat_map(Prepared::fixed).collect();
        if let Some(f) = from {
            candidates.push(f.clone());
        }
        candidates.sort();
        candidates.dedup();
        candidates.into_iter().filter(|c| from.is_none_or(|f| c >= f)).find(|c| {
            let key = osv::canonical(c);
            !self.list.iter().any(|p| p.affects_key(Some(c), &key))
        })
    }

    /// Whether the range of versions still holds a version advisory `i`
    /// affects: one of the advisory's own versions (listed, or range
    /// boundaries) or the range's floor that satisfies the specifiers.
    fn range_hits(&self, i: usize, specs: &VersionSpecifiers, floor: &Option<(Version, bool)>) -> bool {
        let p = &self.list[i];
        let mut samples = p.sample_versions();
        if let Some((v, _)) = floor {
            samples.push(v.clone());
        }
        samples.iter().any(|v| specs.contains(v) && p.affects(Some(v), &v.to_string()))
    }
}

/// Sort key of advisory ids: PYSEC first, then GHSA, then CVE, then others.
fn id_rank(id: &str) -> (u8, &str) {
    let rank = if id.starts_with("PYSEC-") {
        0
    } else if id.starts_with("GHSA-") {
        1
    } else if id.starts_with("CVE-") {
        2
    } else {
        3
    };
    (rank, id)
}

/// The lowest version a specifier set allows, when it has a floor
/// (`>=X`, `==X.*`, `~=X`, `==X`); the flag says whether X itself is allowed.
fn lower_bound(specs: &VersionSpecifiers) -> Option<(Version, bool)> {
    specs
        .iter()
        .filter_map(|s| match s.operator() {
            Operator::GreaterThanEqual
            | Operator::TildeEqual
            | Operator::EqualStar
            | Operator::Equal
            | Operator::ExactEqual => Some((s.version().clone(), true)),
            Operator::GreaterThan => Some((s.version().clone(), false)),
            _ => None,
        })
        .max_by(|a, b| a.0.cmp(&b.0))
}

/// Reads the files that `-r`/`-c` lines (and setup.cfg's `file:`) name and
/// the walk did not already read (any name, relative to the including
/// file), cycle-safe.
fn follow_includes(files: &mut Vec<ManifestFile>, findings: &mut Vec<Finding>, selection: &Selection) {
    let key = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let mut seen: FxHashSet<PathBuf> = files.iter().filter_map(|f| f.path.as_deref().map(key)).collect();
    let mut i = 0;
    while i < files.len() {
        // Requirements files' `-r`/`-c`, setup.cfg's `file:` (both name
        // requirements files).
        let (base, includes) = match (&files[i].path, files[i].format) {
            (Some(path), Format::Requirements | Format::SetupCfg) => {
                (path.parent().map(Path::to_path_buf).unwrap_or_default(), files[i].manifest.includes.clone())
            }
            _ => {
                i += 1;
                continue;
            }
        };
        for inc in includes {
            let target = base.join(&inc.path);
            if !seen.insert(key(&target)) {
                continue;
            }
            let display = display_of(&target);
            match std::fs::read(&target) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    files.push(read_file(&display, Some(&target), Format::Requirements, text));
                }
                Err(e) if selection.is_enabled("E004") => {
                    let message =
                        format!("cannot read {display}, which {} includes on line {}: {e}", files[i].display, inc.line);
                    findings.push(make(&files[i], "E004", None, inc.line, 1, 1, message, String::new()));
                }
                Err(_) => {}
            }
        }
        i += 1;
    }
}

fn display_of(path: &Path) -> String {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some_and(|n| n != "..") => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.to_string_lossy().into_owned()
}

/// The distributions installed in a Python environment.
fn installed(env: &Path) -> Result<Vec<ManifestFile>, String> {
    let sites = readers::site_packages(env);
    if sites.is_empty() {
        return Err(format!(
            "--python-env {}: no site-packages folder with *.dist-info found\n  hint: pass a virtual environment's folder or its site-packages",
            env.display()
        ));
    }
    let mut out = Vec::new();
    for site in sites {
        for meta in readers::installed_metadata(&site) {
            let text = match std::fs::read(&meta) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(_) => continue,
            };
            out.push(read_file(&display_of(&meta), Some(&meta), Format::Installed, text));
        }
    }
    Ok(out)
}

/// The database to match against: `--db`, else the cache (refreshed when
/// older than the maximum age, unless offline). The error says why there is
/// none.
fn obtain(opts: &DepsOptions, notes: &mut Vec<String>) -> Result<db::Database, String> {
    if let Some(path) = &opts.db {
        return db::load_indexed(path, opts.cache_dir.as_deref()).map(|(db, _)| db).map_err(|e| {
            format!("{e}\n  hint: pass an OSV zip, a folder of OSV JSON, or a PyPA advisory-database folder")
        });
    }
    let Some(cache) = &opts.cache_dir else {
        return Err("no cache folder (set PYWARD_CACHE_DIR or HOME) and no --db given".to_owned());
    };
    let meta = cache::read_meta(cache);
    let stale = meta.as_ref().is_none_or(|m| cache::now().saturating_sub(m.checked) >= opts.max_age.as_secs());
    if stale
        && !opts.offline
        && let Err(e) = cache::update(cache, &opts.url, opts.progress)
    {
        match &meta {
            Some(m) => notes.push(format!(
                "the advisory database could not be refreshed ({e}); using the cached copy from {} ago",
                cache::age_text(cache::now().saturating_sub(m.downloaded))
            )),
            None => return Err(format!("no advisory database is cached and downloading one failed: {e}")),
        }
    }
    match cache::load_cached(cache) {
        Some(Ok((db, meta))) => {
            let age = cache::age_text(cache::now().saturating_sub(meta.downloaded));
            let mut db = db;
            db.description = format!("OSV PyPI database, downloaded {age} ago ({} advisories)", meta.records);
            if opts.offline && stale {
                notes.push(format!("the advisory database is {age} old (--offline: not refreshed)"));
            }
            Ok(db)
        }
        Some(Err(e)) => Err(format!("the cached advisory database is unusable: {e}")),
        None if opts.offline => {
            Err("--offline and no advisory database is cached (run `pyward db update` once online, or pass --db PATH)"
                .to_owned())
        }
        None => Err("no advisory database is cached".to_owned()),
    }
}

/// `pyward db query`: the ids of every advisory record that affects each
/// (name, version) pair, sorted.
pub fn query(database: &db::Database, pairs: &[(String, String)]) -> Vec<Vec<String>> {
    let mut packages: FxHashMap<String, Vec<Prepared>> = FxHashMap::default();
    pairs
        .iter()
        .map(|(name, version)| {
            let norm = normalize(name);
            let list = packages
                .entry(norm.clone())
                .or_insert_with(|| database.advisories(&norm).into_iter().map(Prepared::new).collect());
            let parsed = osv::parse_version(version);
            let mut ids: Vec<String> =
                list.iter().filter(|p| p.affects(parsed.as_ref(), version)).map(|p| p.adv.id.clone()).collect();
            ids.sort();
            ids.dedup();
            ids
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(1_795_000_000), "2026-11-18");
        assert_eq!(civil_date(951_782_400), "2000-02-29");
    }

    #[test]
    fn floors() {
        let s = VersionSpecifiers::from_str(">=2.0, <3").unwrap();
        assert_eq!(lower_bound(&s).map(|(v, _)| v.to_string()), Some("2.0".into()));
        assert!(lower_bound(&VersionSpecifiers::from_str("<3").unwrap()).is_none());
    }
}
