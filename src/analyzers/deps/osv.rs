//! OSV advisories: reading records (OSV JSON, or the PyPA advisory-database's
//! YAML), keeping what matching needs, and deciding which versions they affect.
//!
//! Matching follows the OSV schema's evaluation: a version is affected when it
//! is in an `affected[]` entry's `versions[]` list or inside one of its
//! `ECOSYSTEM` ranges (events walked in PEP 440 order: `introduced` sets,
//! `fixed` and `last_affected` clear, `limit` bounds the range). `GIT` and
//! `SEMVER` ranges are skipped; withdrawn records are dropped when loading.

use std::cmp::Ordering;
use std::str::FromStr;

use pep440_rs::Version;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::manifest::normalize;
use crate::finding::Level;

/// One event of an `ECOSYSTEM` range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ev {
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}

/// What pyward keeps of an OSV record, for one package it affects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advisory {
    pub id: String,
    pub aliases: Vec<String>,
    pub summary: String,
    /// CVSS vectors (`CVSS:3.1/AV:N/...`), from the record or the package entry.
    pub cvss: Vec<String>,
    /// A database's own grade (GitHub's `database_specific.severity`), used
    /// when there is no CVSS vector.
    pub grade: Option<String>,
    pub ranges: Vec<Vec<(Ev, String)>>,
    pub versions: Vec<String>,
}

/// A record as loaded: its advisories per normalised package name.
pub struct Loaded {
    pub id: String,
    pub withdrawn: bool,
    pub packages: Vec<(String, Advisory)>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    details: Option<String>,
    #[serde(default)]
    withdrawn: Option<Value>,
    #[serde(default)]
    severity: Vec<SeverityEntry>,
    #[serde(default)]
    affected: Vec<Affected>,
    #[serde(default)]
    database_specific: Option<Value>,
}

#[derive(Deserialize)]
struct SeverityEntry {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    score: String,
}

#[derive(Deserialize)]
struct Affected {
    #[serde(default)]
    package: Option<Package>,
    #[serde(default)]
    ranges: Vec<RangeEntry>,
    #[serde(default)]
    versions: Vec<Value>,
    #[serde(default)]
    severity: Vec<SeverityEntry>,
}

#[derive(Deserialize)]
struct Package {
    #[serde(default)]
    ecosystem: String,
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct RangeEntry {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    events: Vec<serde_json::Map<String, Value>>,
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Parses an OSV record from JSON text.
pub fn from_json(text: &str) -> Result<Loaded, String> {
    let record: Record = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(convert(record))
}

/// Parses an OSV record from YAML text (the PyPA advisory-database layout).
pub fn from_yaml(text: &str) -> Result<Loaded, String> {
    let docs = yaml_rust2::YamlLoader::load_from_str(text).map_err(|e| e.to_string())?;
    let doc = docs.into_iter().next().ok_or("empty document")?;
    let record: Record = serde_json::from_value(yaml_to_json(doc)).map_err(|e| e.to_string())?;
    Ok(convert(record))
}

/// YAML to JSON, keeping every scalar's text (an unquoted `1.10` stays "1.10").
fn yaml_to_json(y: yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(s) | Yaml::String(s) => Value::String(s),
        Yaml::Integer(i) => Value::String(i.to_string()),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Yaml::Hash(map) => Value::Object(
            map.into_iter()
                .filter_map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) | Yaml::Real(s) => s,
                        Yaml::Integer(i) => i.to_string(),
                        _ => return None,
                    };
                    Some((key, yaml_to_json(v)))
                })
                .collect(),
        ),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

fn convert(r: Record) -> Loaded {
    let withdrawn = r.withdrawn.as_ref().is_some_and(|w| !w.is_null());
    let summary = match r.summary.filter(|s| !s.trim().is_empty()) {
        Some(s) => shorten(&s.split_whitespace().collect::<Vec<_>>().join(" "), 200),
        None => r.details.as_deref().map(first_sentence).unwrap_or_default(),
    };
    let top_cvss: Vec<String> =
        r.severity.iter().filter(|s| s.kind.starts_with("CVSS")).map(|s| s.score.clone()).collect();
    let grade = r
        .database_specific
        .as_ref()
        .and_then(|d| d.get("severity"))
        .and_then(Value::as_str)
        .map(|s| s.to_ascii_uppercase());
    let mut packages: Vec<(String, Advisory)> = Vec::new();
    for a in r.affected {
        let Some(pkg) = &a.package else { continue };
        if pkg.ecosystem != "PyPI" || pkg.name.is_empty() {
            continue;
        }
        let name = normalize(&pkg.name);
        let mut cvss = top_cvss.clone();
        cvss.extend(a.severity.iter().filter(|s| s.kind.starts_with("CVSS")).map(|s| s.score.clone()));
        let ranges: Vec<Vec<(Ev, String)>> = a
            .ranges
            .iter()
            .filter(|rg| rg.kind == "ECOSYSTEM")
            .map(|rg| {
                rg.events
                    .iter()
                    .filter_map(|e| {
                        let (k, v) = e.iter().next()?;
                        let kind = match k.as_str() {
                            "introduced" => Ev::Introduced,
                            "fixed" => Ev::Fixed,
                            "last_affected" => Ev::LastAffected,
                            "limit" => Ev::Limit,
                            _ => return None,
                        };
                        Some((kind, scalar(v)?))
                    })
                    .collect()
            })
            .collect();
        // Listed versions are kept in canonical form, so matching compares
        // strings instead of parsing thousands of versions per scan.
        let versions: Vec<String> = a.versions.iter().filter_map(scalar).map(|v| canonical_text(&v)).collect();
        // One record may name a package in several entries: merge them.
        if let Some((_, adv)) = packages.iter_mut().find(|(n, _)| *n == name) {
            adv.ranges.extend(ranges);
            adv.versions.extend(versions);
            for c in cvss {
                if !adv.cvss.contains(&c) {
                    adv.cvss.push(c);
                }
            }
        } else {
            packages.push((
                name,
                Advisory {
                    id: r.id.clone(),
                    aliases: r.aliases.clone(),
                    summary: summary.clone(),
                    cvss,
                    grade: grade.clone(),
                    ranges,
                    versions,
                },
            ));
        }
    }
    Loaded { id: r.id, withdrawn, packages }
}

/// At most `max` characters, cut at a word boundary with "...".
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max - 3).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}...", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The first sentence of an advisory's details (many PyPA records have no
/// summary), whitespace collapsed, at most 200 characters.
fn first_sentence(details: &str) -> String {
    let para = details.split("\n\n").find(|p| !p.trim().is_empty()).unwrap_or("");
    let flat = para.split_whitespace().collect::<Vec<_>>().join(" ");
    // A sentence ends at ". " followed by a capital letter (not "3.2. x" or "e.g. ").
    let bytes = flat.as_bytes();
    let end = (0..bytes.len().saturating_sub(2))
        .find(|&i| bytes[i] == b'.' && bytes[i + 1] == b' ' && bytes[i + 2].is_ascii_uppercase() && i > 20)
        .map_or(flat.len(), |i| i + 1);
    shorten(&flat[..end], 200)
}

/// A CVSS assessment: the vector's base score and its qualitative level.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub value: f64,
    pub label: &'static str,
    pub vector: String,
}

impl Score {
    /// pyward's severity: CVSS 7.0 and above HIGH, 4.0-6.9 MEDIUM, below LOW.
    pub fn level(&self) -> Level {
        if self.value >= 7.0 {
            Level::High
        } else if self.value >= 4.0 {
            Level::Medium
        } else {
            Level::Low
        }
    }
}

/// The highest-scoring valid CVSS vector of the advisory.
pub fn best_score(vectors: &[String]) -> Option<Score> {
    vectors
        .iter()
        .filter_map(|v| {
            let parsed = cvss::Cvss::from_str(v.trim()).ok()?;
            let label = match parsed.severity() {
                cvss::Severity::None => "none",
                cvss::Severity::Low => "low",
                cvss::Severity::Medium => "medium",
                cvss::Severity::High => "high",
                cvss::Severity::Critical => "critical",
            };
            Some(Score { value: parsed.score(), label, vector: v.trim().to_owned() })
        })
        .max_by(|a, b| a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal))
}

/// Severity from a database's own grade (GitHub: LOW, MODERATE, HIGH, CRITICAL).
pub fn grade_level(grade: &str) -> Option<Level> {
    match grade {
        "CRITICAL" | "HIGH" => Some(Level::High),
        "MODERATE" | "MEDIUM" => Some(Level::Medium),
        "LOW" => Some(Level::Low),
        _ => None,
    }
}

/// An advisory with its versions parsed once, ready for matching.
pub struct Prepared {
    pub adv: Advisory,
    ranges: Vec<Vec<(Ev, Bound)>>,
}

#[derive(Debug, Clone)]
enum Bound {
    /// `introduced: "0"`: before every version.
    Zero,
    /// `limit: "*"`: after every version.
    Star,
    V(Version),
}

impl Bound {
    fn cmp_version(&self, v: &Version) -> Ordering {
        match self {
            Bound::Zero => Ordering::Less,
            Bound::Star => Ordering::Greater,
            Bound::V(b) => b.cmp(v),
        }
    }

    fn order(&self, other: &Bound) -> Ordering {
        match (self, other) {
            (Bound::Zero, Bound::Zero) | (Bound::Star, Bound::Star) => Ordering::Equal,
            (Bound::Zero, _) | (_, Bound::Star) => Ordering::Less,
            (_, Bound::Zero) | (Bound::Star, _) => Ordering::Greater,
            (Bound::V(a), Bound::V(b)) => a.cmp(b),
        }
    }
}

/// A version's canonical text: equal PEP 440 versions (`1.0`, `1.0.0`,
/// `1.0.0.0`, `v1.0`) give equal text. Text that is not PEP 440 is kept as is.
pub fn canonical_text(text: &str) -> String {
    parse_version(text).map_or_else(|| text.to_owned(), |v| canonical(&v))
}

pub fn canonical(v: &Version) -> String {
    let mut release = v.release().to_vec();
    while release.len() > 1 && release.last() == Some(&0) {
        release.pop();
    }
    Version::new(release)
        .with_epoch(v.epoch())
        .with_pre(v.pre())
        .with_post(v.post())
        .with_dev(v.dev())
        .with_local(v.local().to_vec())
        .to_string()
}

/// Parses a version, `None` when it is not PEP 440.
pub fn parse_version(s: &str) -> Option<Version> {
    Version::from_str(s.trim()).ok()
}

impl Prepared {
    pub fn new(adv: Advisory) -> Prepared {
        let ranges = adv
            .ranges
            .iter()
            .map(|events| {
                let mut parsed: Vec<(Ev, Bound)> = events
                    .iter()
                    .filter_map(|(kind, v)| {
                        let bound = match (kind, v.trim()) {
                            (Ev::Introduced, "0") => Bound::Zero,
                            (Ev::Limit, "*") => Bound::Star,
                            (_, text) => Bound::V(parse_version(text)?),
                        };
                        Some((*kind, bound))
                    })
                    .collect();
                parsed.sort_by(|a, b| a.1.order(&b.1));
                parsed
            })
            .collect();
        Prepared { adv, ranges }
    }

    /// Whether the advisory affects this version (`raw` is its text, for
    /// versions that are not PEP 440 and can only match `versions[]` exactly).
    pub fn affects(&self, version: Option<&Version>, raw: &str) -> bool {
        let key = version.map(canonical);
        let key = key.as_deref().unwrap_or(raw);
        self.affects_key(version, key)
    }

    /// [`Prepared::affects`] with the version's canonical text computed once.
    pub fn affects_key(&self, version: Option<&Version>, key: &str) -> bool {
        if self.adv.versions.iter().any(|listed| listed == key) {
            return true;
        }
        let Some(v) = version else { return false };
        self.ranges.iter().any(|events| range_affects(events, v))
    }

    /// The fixed versions of every range, in order.
    pub fn fixed(&self) -> Vec<Version> {
        let mut out: Vec<Version> = self
            .ranges
            .iter()
            .flatten()
            .filter_map(|(k, b)| match (k, b) {
                (Ev::Fixed, Bound::V(v)) => Some(v.clone()),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Whether some range has no end (nothing fixed it yet).
    pub fn has_open_range(&self) -> bool {
        self.ranges.iter().any(|events| {
            let mut open = false;
            for (kind, _) in events {
                match kind {
                    Ev::Introduced => open = true,
                    Ev::Fixed | Ev::LastAffected => open = false,
                    Ev::Limit => {}
                }
            }
            open
        })
    }

    /// Versions worth testing when asking whether a range of versions holds
    /// an affected one: the listed versions and the range boundaries that
    /// are themselves affected (`introduced`, `last_affected`).
    pub fn sample_versions(&self) -> Vec<Version> {
        let mut out: Vec<Version> = self.adv.versions.iter().filter_map(|v| parse_version(v)).collect();
        for (kind, b) in self.ranges.iter().flatten() {
            match (kind, b) {
                (Ev::Introduced | Ev::LastAffected, Bound::V(v)) => out.push(v.clone()),
                (Ev::Introduced, Bound::Zero) => out.push(Version::new([0])),
                _ => {}
            }
        }
        out
    }
}

/// The OSV schema's evaluation of one range.
fn range_affects(events: &[(Ev, Bound)], v: &Version) -> bool {
    let limits: Vec<&Bound> = events.iter().filter(|(k, _)| *k == Ev::Limit).map(|(_, b)| b).collect();
    if !limits.is_empty() && !limits.iter().any(|b| b.cmp_version(v) == Ordering::Greater) {
        return false;
    }
    let mut affected = false;
    for (kind, bound) in events {
        let ord = bound.cmp_version(v);
        match kind {
            Ev::Introduced if ord != Ordering::Greater => affected = true,
            Ev::Fixed if ord != Ordering::Greater => affected = false,
            Ev::LastAffected if ord == Ordering::Less => affected = false,
            _ => {}
        }
    }
    affected
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adv(ranges: Vec<Vec<(Ev, &str)>>, versions: &[&str]) -> Prepared {
        Prepared::new(Advisory {
            id: "T-1".into(),
            aliases: vec![],
            summary: String::new(),
            cvss: vec![],
            grade: None,
            ranges: ranges.into_iter().map(|r| r.into_iter().map(|(k, v)| (k, v.to_owned())).collect()).collect(),
            versions: versions.iter().map(|s| (*s).to_owned()).collect(),
        })
    }

    fn hit(p: &Prepared, v: &str) -> bool {
        p.affects(parse_version(v).as_ref(), v)
    }

    #[test]
    fn introduced_fixed_and_gaps() {
        use Ev::*;
        let p = adv(vec![vec![(Introduced, "0"), (Fixed, "1.5"), (Introduced, "2.0"), (Fixed, "2.3")]], &[]);
        assert!(hit(&p, "0.1") && hit(&p, "1.4.9") && hit(&p, "1.5rc1"));
        assert!(!hit(&p, "1.5") && !hit(&p, "1.9") && hit(&p, "2.0") && hit(&p, "2.2.9") && !hit(&p, "2.3"));
        assert!(!hit(&p, "2.3.post1") && hit(&p, "2.2.9+cpu"));
    }

    #[test]
    fn last_affected_limit_and_lists() {
        use Ev::*;
        let p = adv(vec![vec![(Introduced, "1.0"), (LastAffected, "1.2")]], &["0.9"]);
        assert!(hit(&p, "1.2") && !hit(&p, "1.2.1") && hit(&p, "0.9.0") && !hit(&p, "0.8"));
        let l = adv(vec![vec![(Introduced, "0"), (Limit, "2.0")]], &[]);
        assert!(hit(&l, "1.9") && !hit(&l, "2.0") && !hit(&l, "3"));
        let odd = adv(vec![], &["not-pep440"]);
        assert!(odd.affects(None, "not-pep440") && !odd.affects(None, "other"));
    }

    #[test]
    fn yaml_keeps_version_text_and_skips_git_ranges() {
        let loaded = from_yaml(
            "id: PYSEC-1\naliases: [CVE-1]\ndetails: Bad.\naffected:\n- package: {name: Foo_Bar, ecosystem: PyPI}\n  ranges:\n  - type: GIT\n    repo: x\n    events: [{introduced: abc}]\n  - type: ECOSYSTEM\n    events: [{introduced: \"0\"}, {fixed: 1.10}]\n  versions: [1.9, 1.1]\n",
        )
        .unwrap();
        let (name, a) = &loaded.packages[0];
        assert_eq!(name, "foo-bar");
        assert_eq!(a.ranges, vec![vec![(Ev::Introduced, "0".to_owned()), (Ev::Fixed, "1.10".to_owned())]]);
        assert_eq!(a.versions, vec!["1.9", "1.1"]);
        assert_eq!(canonical_text("1.0.0"), canonical_text("1.0"));
        assert_eq!(canonical_text("v1.0.0+Local.01"), canonical_text("1+local.1"));
        assert_eq!(canonical_text("not a version"), "not a version");
        assert_eq!(a.summary, "Bad.");
        assert_eq!(
            first_sentence("Django 3.2 before 3.2.5 allows QuerySet.order_by SQL injection. Details follow here."),
            "Django 3.2 before 3.2.5 allows QuerySet.order_by SQL injection."
        );
        let long = first_sentence(&"word ".repeat(100));
        assert!(long.ends_with("word...") && long.chars().count() <= 200, "{long}");
        assert!(!loaded.withdrawn);
    }

    #[test]
    fn cvss_scores() {
        let s = best_score(&["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".into(), "garbage".into()]).unwrap();
        assert_eq!(s.value, 9.8);
        assert_eq!(s.label, "critical");
        assert_eq!(s.level(), Level::High);
        assert!(best_score(&["nope".into()]).is_none());
    }
}
