//! The advisory database: loading it (an OSV zip, a folder of OSV JSON, a
//! folder in the PyPA advisory-database layout), and the index pyward keeps of
//! it in the cache so that a warm scan parses only the packages it asks for.
//!
//! The index file: a first line `pyward-osv-index <FORMAT>`, a JSON header
//! line (the source's identity, a description, the record count, and each
//! package's byte range), then each package's advisories as a JSON array. A
//! header that does not parse, a different format number or a different
//! source identity means the index is rebuilt.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::osv::{self, Advisory, Loaded};

/// Bumped whenever the index layout or [`Advisory`] changes.
const INDEX_FORMAT: u32 = 2;
const INDEX_MAGIC: &str = "pyward-osv-index";
/// No single advisory record is anywhere near this large.
const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

/// Why a database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot read the advisory database {path}: {message}")]
    Unreadable { path: String, message: String },
}

fn unreadable(path: &Path, message: impl Into<String>) -> DbError {
    DbError::Unreadable { path: path.display().to_string(), message: message.into() }
}

/// An advisory database ready for lookups.
pub struct Database {
    /// What it is, for reports ("OSV zip /x/all.zip, 2,661 advisories").
    pub description: String,
    pub records: usize,
    /// Records that could not be read (the rest were): (file, error).
    pub skipped: Vec<(String, String)>,
    store: Store,
}

enum Store {
    Memory(FxHashMap<String, Vec<Advisory>>),
    Index { bytes: Vec<u8>, base: usize, table: FxHashMap<String, (usize, usize)> },
}

#[derive(Serialize, Deserialize)]
struct Header {
    key: String,
    description: String,
    records: usize,
    packages: FxHashMap<String, (usize, usize)>,
}

impl Database {
    /// Every advisory for a normalised package name.
    pub fn advisories(&self, package: &str) -> Vec<Advisory> {
        match &self.store {
            Store::Memory(map) => map.get(package).cloned().unwrap_or_default(),
            Store::Index { bytes, base, table } => table
                .get(package)
                .and_then(|&(off, len)| bytes.get(base + off..base + off + len))
                .and_then(|slice| serde_json::from_slice(slice).ok())
                .unwrap_or_default(),
        }
    }

    pub fn package_count(&self) -> usize {
        match &self.store {
            Store::Memory(map) => map.len(),
            Store::Index { table, .. } => table.len(),
        }
    }

    fn from_loaded(description: String, loaded: Vec<Loaded>, skipped: Vec<(String, String)>) -> Database {
        let mut map: FxHashMap<String, Vec<Advisory>> = FxHashMap::default();
        let mut records = 0;
        for record in loaded {
            if record.withdrawn {
                continue;
            }
            records += 1;
            for (name, adv) in record.packages {
                map.entry(name).or_default().push(adv);
            }
        }
        for list in map.values_mut() {
            list.sort_by(|a, b| a.id.cmp(&b.id));
        }
        Database {
            description: format!("{description}, {records} advisories"),
            records,
            skipped,
            store: Store::Memory(map),
        }
    }

    /// The index file's bytes.
    fn index_bytes(&self, key: &str) -> Vec<u8> {
        let Store::Memory(map) = &self.store else { return Vec::new() };
        let mut names: Vec<&String> = map.keys().collect();
        names.sort();
        let mut blobs = Vec::new();
        let mut packages = FxHashMap::default();
        for name in names {
            let start = blobs.len();
            serde_json::to_writer(&mut blobs, &map[name]).expect("advisories serialise");
            packages.insert(name.clone(), (start, blobs.len() - start));
        }
        let header =
            Header { key: key.to_owned(), description: self.description.clone(), records: self.records, packages };
        let mut out = format!("{INDEX_MAGIC} {INDEX_FORMAT}\n").into_bytes();
        serde_json::to_writer(&mut out, &header).expect("header serialises");
        out.push(b'\n');
        out.extend(blobs);
        out
    }

    fn from_index(bytes: Vec<u8>, key: &str) -> Option<Database> {
        let first = bytes.iter().position(|&b| b == b'\n')?;
        if bytes[..first] != *format!("{INDEX_MAGIC} {INDEX_FORMAT}").as_bytes() {
            return None;
        }
        let second = first + 1 + bytes[first + 1..].iter().position(|&b| b == b'\n')?;
        let header: Header = serde_json::from_slice(&bytes[first + 1..second]).ok()?;
        if header.key != key {
            return None;
        }
        let base = second + 1;
        let blob_len = bytes.len() - base;
        if header.packages.values().any(|&(off, len)| off.checked_add(len).is_none_or(|end| end > blob_len)) {
            return None;
        }
        Some(Database {
            description: header.description,
            records: header.records,
            skipped: Vec::new(),
            store: Store::Index { bytes, base, table: header.packages },
        })
    }
}

/// The three layouts `--db` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Zip,
    JsonFolder,
    PypaFolder,
}

pub fn layout_of(path: &Path) -> Result<Layout, DbError> {
    let meta = std::fs::metadata(path).map_err(|e| unreadable(path, e.to_string()))?;
    if meta.is_dir() {
        if path.join("vulns").is_dir() || has_yaml(path) {
            return Ok(Layout::PypaFolder);
        }
        return Ok(Layout::JsonFolder);
    }
    Ok(Layout::Zip)
}

fn has_yaml(dir: &Path) -> bool {
    std::fs::read_dir(dir).into_iter().flatten().flatten().any(|e| {
        let p = e.path();
        matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml"))
            || (p.is_dir()
                && std::fs::read_dir(&p)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .any(|f| matches!(f.path().extension().and_then(|x| x.to_str()), Some("yaml" | "yml"))))
    })
}

/// Files of a folder database, sorted, with their sizes and modification times.
fn folder_files(root: &Path, exts: &[&str]) -> Result<Vec<(PathBuf, u64, u128)>, DbError> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| unreadable(&dir, e.to_string()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            if meta.is_dir() {
                stack.push(path);
            } else if path.extension().and_then(|x| x.to_str()).is_some_and(|x| exts.contains(&x)) {
                out.push((path, meta.len(), mtime(&meta)));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn mtime(meta: &std::fs::Metadata) -> u128 {
    meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
}

/// A string that changes whenever the database's content may have.
fn source_key(path: &Path, layout: Layout) -> Result<String, DbError> {
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let shown = canonical.display();
    match layout {
        Layout::Zip => {
            let meta = std::fs::metadata(path).map_err(|e| unreadable(path, e.to_string()))?;
            Ok(format!("zip {shown} {} {}", meta.len(), mtime(&meta)))
        }
        Layout::JsonFolder | Layout::PypaFolder => {
            let files = folder_files(&pypa_root(path, layout), &["json", "yaml", "yml"])?;
            let mut h = Fnv::new();
            for (p, len, t) in &files {
                h.feed(p.to_string_lossy().as_bytes());
                h.feed(&len.to_le_bytes());
                h.feed(&t.to_le_bytes());
            }
            Ok(format!("folder {shown} {} {:016x}", files.len(), h.0))
        }
    }
}

fn pypa_root(path: &Path, layout: Layout) -> PathBuf {
    if layout == Layout::PypaFolder && path.join("vulns").is_dir() { path.join("vulns") } else { path.to_path_buf() }
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Loads a database from its source, without any cache.
pub fn load_source(path: &Path) -> Result<Database, DbError> {
    let layout = layout_of(path)?;
    match layout {
        Layout::Zip => load_zip(path),
        Layout::JsonFolder | Layout::PypaFolder => {
            let root = pypa_root(path, layout);
            let files = folder_files(&root, &["json", "yaml", "yml"])?;
            if files.is_empty() {
                return Err(unreadable(
                    path,
                    "the folder holds no OSV records (*.json, or *.yaml as in pypa/advisory-database)",
                ));
            }
            let skipped = Mutex::new(Vec::new());
            let loaded: Vec<Loaded> = files
                .par_iter()
                .filter_map(|(file, _, _)| {
                    let parsed = std::fs::read_to_string(file).map_err(|e| e.to_string()).and_then(|text| {
                        if file.extension().is_some_and(|x| x == "json") {
                            osv::from_json(&text)
                        } else {
                            osv::from_yaml(&text)
                        }
                    });
                    match parsed {
                        Ok(l) => Some(l),
                        Err(e) => {
                            skipped.lock().expect("no poisoning").push((file.display().to_string(), e));
                            None
                        }
                    }
                })
                .collect();
            let mut skipped = skipped.into_inner().expect("no poisoning");
            skipped.sort();
            let kind = if layout == Layout::PypaFolder { "PyPA advisory-database folder" } else { "OSV folder" };
            Ok(Database::from_loaded(format!("{kind} {}", path.display()), loaded, skipped))
        }
    }
}

/// Reads every record of an OSV zip. Any damage (a bad CRC, a truncated
/// archive, an entry that is not valid JSON, an entry whose name would
/// escape a folder) makes the whole archive unusable: it is either the
/// database or not.
pub fn load_zip(path: &Path) -> Result<Database, DbError> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, e.to_string()))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| unreadable(path, format!("not a readable zip archive ({e}); it may be truncated or corrupt")))?;
    let mut texts = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| unreadable(path, format!("entry {i}: {e}")))?;
        let name = entry.name().map_err(|e| unreadable(path, format!("entry {i}: {e}")))?.into_owned();
        if entry.enclosed_name().is_none() || name.contains("..") || name.starts_with('/') || name.contains('\\') {
            return Err(unreadable(
                path,
                format!("entry `{name}` has a path that escapes its folder; refusing the archive"),
            ));
        }
        if entry.is_dir() || !name.ends_with(".json") {
            continue;
        }
        if entry.size() > MAX_RECORD_BYTES {
            return Err(unreadable(
                path,
                format!("entry `{name}` claims {} bytes; no advisory is that large", entry.size()),
            ));
        }
        let mut text = String::with_capacity(entry.size() as usize);
        (&mut entry)
            .take(MAX_RECORD_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|e| unreadable(path, format!("entry `{name}`: {e} (the archive is corrupt)")))?;
        texts.push((name, text));
    }
    let parsed: Vec<Result<Loaded, String>> =
        texts.par_iter().map(|(name, text)| osv::from_json(text).map_err(|e| format!("entry `{name}`: {e}"))).collect();
    let loaded = parsed.into_iter().collect::<Result<Vec<_>, _>>().map_err(|e| unreadable(path, e))?;
    if loaded.is_empty() {
        return Err(unreadable(path, "the archive holds no OSV records"));
    }
    Ok(Database::from_loaded(format!("OSV zip {}", path.display()), loaded, Vec::new()))
}

/// Loads a database through its cached index: reads the index when it is
/// current, else loads the source and writes a fresh index. A cache that
/// cannot be written is not an error (the next scan loads the source again).
pub fn load_indexed(path: &Path, cache_dir: Option<&Path>) -> Result<(Database, bool), DbError> {
    let layout = layout_of(path)?;
    let key = source_key(path, layout)?;
    let index_path = cache_dir.map(|dir| index_path(dir, &key));
    if let Some(ip) = &index_path
        && let Ok(bytes) = std::fs::read(ip)
        && let Some(db) = Database::from_index(bytes, &key)
    {
        return Ok((db, true));
    }
    let db = load_source(path)?;
    if let Some(ip) = &index_path {
        if let Some(parent) = ip.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = crate::baseline::write_atomic(ip, &db.index_bytes(&key));
    }
    Ok((db, false))
}

fn index_path(cache_dir: &Path, key: &str) -> PathBuf {
    let source = key.split(' ').nth(1).unwrap_or(key);
    let mut h = Fnv::new();
    h.feed(source.as_bytes());
    cache_dir.join("index").join(format!("{:016x}.idx", h.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_pypa(dir: &Path) {
        let pkg = dir.join("vulns").join("django");
        std::fs::create_dir_all(&pkg).unwrap();
        std::fs::write(
            pkg.join("PYSEC-1.yaml"),
            "id: PYSEC-1\naliases: [CVE-9]\nsummary: x\naffected:\n- package: {name: django, ecosystem: PyPI}\n  ranges:\n  - type: ECOSYSTEM\n    events: [{introduced: \"0\"}, {fixed: \"3.2.4\"}]\n",
        )
        .unwrap();
        std::fs::write(pkg.join("PYSEC-2.yaml"), "id: PYSEC-2\nwithdrawn: '2021-01-01'\naffected: []\n").unwrap();
    }

    #[test]
    fn index_round_trip_and_rebuild_when_corrupt() {
        let tmp = tempfile::tempdir().unwrap();
        let db_dir = tmp.path().join("db");
        write_pypa(&db_dir);
        let cache = tmp.path().join("cache");
        let (db, cached) = load_indexed(&db_dir, Some(&cache)).unwrap();
        assert!(!cached);
        assert_eq!(db.records, 1);
        assert_eq!(db.advisories("django")[0].id, "PYSEC-1");
        let (db2, cached) = load_indexed(&db_dir, Some(&cache)).unwrap();
        assert!(cached);
        assert_eq!(db2.advisories("django"), db.advisories("django"));
        assert!(db2.advisories("flask").is_empty());
        // A damaged index is rebuilt.
        let idx = std::fs::read_dir(cache.join("index")).unwrap().next().unwrap().unwrap().path();
        std::fs::write(&idx, b"pyward-osv-index 2\n{garbage").unwrap();
        let (db3, cached) = load_indexed(&db_dir, Some(&cache)).unwrap();
        assert!(!cached);
        assert_eq!(db3.advisories("django").len(), 1);
        // A changed source is noticed.
        std::fs::write(
            db_dir.join("vulns/django/PYSEC-3.yaml"),
            "id: PYSEC-3\naffected:\n- package: {name: django, ecosystem: PyPI}\n  versions: ['1.0']\n",
        )
        .unwrap();
        let (db4, cached) = load_indexed(&db_dir, Some(&cache)).unwrap();
        assert!(!cached);
        assert_eq!(db4.advisories("django").len(), 2);
    }

    #[test]
    fn a_bad_record_in_a_folder_is_skipped_and_named() {
        let tmp = tempfile::tempdir().unwrap();
        write_pypa(tmp.path());
        std::fs::write(tmp.path().join("vulns/django/PYSEC-9.yaml"), "id: [unclosed\n").unwrap();
        let db = load_source(tmp.path()).unwrap();
        assert_eq!(db.records, 1);
        assert_eq!(db.skipped.len(), 1);
        assert!(db.skipped[0].0.ends_with("PYSEC-9.yaml"));
    }
}
