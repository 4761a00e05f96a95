//! The cached copy of OSV's PyPI export: where it lives, how old it is, and
//! `pyward db update` (a conditional download, checked, then swapped in).
//!
//! Layout of the cache folder (`$PYWARD_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/pyward`, else `~/.cache/pyward`):
//!
//! ```text
//! osv/PyPI/all.zip     the last good download
//! osv/PyPI/meta.json   its URL, ETag, Last-Modified, size, record count, times
//! index/<hash>.idx     package indexes of the databases scans used
//! ```

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::db::{self, Database};

/// Where `pyward db update` downloads from (OSV's PyPI export).
pub const DEFAULT_URL: &str = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip";

/// The cache folder, from the environment.
pub fn cache_dir() -> Option<PathBuf> {
    let from = |var: &str| std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = from("PYWARD_CACHE_DIR") {
        return Some(dir);
    }
    if let Some(dir) = from("XDG_CACHE_HOME") {
        return Some(dir.join("pyward"));
    }
    if cfg!(target_os = "macos") {
        return from("HOME").map(|h| h.join("Library/Caches/pyward"));
    }
    if cfg!(windows) {
        return from("LOCALAPPDATA").map(|h| h.join("pyward"));
    }
    from("HOME").map(|h| h.join(".cache/pyward"))
}

/// What is known of the cached download.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub size: u64,
    pub records: usize,
    /// Unix seconds of the download, and of the last time the server said
    /// it was still current.
    pub downloaded: u64,
    pub checked: u64,
}

pub fn zip_path(cache: &Path) -> PathBuf {
    cache.join("osv").join("PyPI").join("all.zip")
}

fn meta_path(cache: &Path) -> PathBuf {
    cache.join("osv").join("PyPI").join("meta.json")
}

/// The cached download's metadata, when there is a usable download.
pub fn read_meta(cache: &Path) -> Option<Meta> {
    if !zip_path(cache).is_file() {
        return None;
    }
    let text = std::fs::read_to_string(meta_path(cache)).ok()?;
    serde_json::from_str(&text).ok()
}

pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// "3 h", "2 d", "40 s".
pub fn age_text(seconds: u64) -> String {
    match seconds {
        s if s < 120 => format!("{s} s"),
        s if s < 2 * 3600 => format!("{} min", s / 60),
        s if s < 2 * 86400 => format!("{} h", s / 3600),
        s => format!("{} days", s / 86400),
    }
}

/// Parses an age such as `24h`, `7d`, `90m`, `3600s` (a bare number is hours).
pub fn parse_age(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (num, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = num.parse().map_err(|_| format!("`{text}` is not an age (examples: 24h, 7d, 90m)"))?;
    let secs = match unit.trim() {
        "s" => n,
        "m" | "min" => n * 60,
        "" | "h" => n * 3600,
        "d" => n * 86400,
        _ => return Err(format!("`{text}` is not an age (examples: 24h, 7d, 90m)")),
    };
    Ok(Duration::from_secs(secs))
}

/// How an update ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Updated {
    /// A new download, with its record count and size.
    Downloaded { records: usize, bytes: u64 },
    /// The server said the cached copy is current (304).
    NotModified,
}

/// Downloads the database into the cache when it changed. The download goes
/// to a temporary file, is checked (length, every entry's CRC, every record
/// parsed) and indexed, and only then replaces the cached copy, so an
/// interrupted or damaged download leaves the old cache usable.
pub fn update(cache: &Path, url: &str, progress: bool) -> Result<Updated, String> {
    let dir = zip_path(cache).parent().map(Path::to_path_buf).unwrap_or_else(|| cache.to_path_buf());
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create the cache folder {}: {e}", dir.display()))?;
    let old = read_meta(cache).filter(|m| m.url == url);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(15)))
        .timeout_recv_response(Some(Duration::from_secs(60)))
        .timeout_per_read(Some(Duration::from_secs(60)))
        .user_agent(concat!("pyward/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(m) = &old {
        if let Some(etag) = &m.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &m.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
    }
    let mut response = request.call().map_err(|e| format!("cannot reach {url}: {e}"))?;
    let status = response.status().as_u16();
    if status == 304
        && let Some(mut m) = old
    {
        m.checked = now();
        write_meta(cache, &m)?;
        return Ok(Updated::NotModified);
    }
    if status != 200 {
        let reason = response.status().canonical_reason().unwrap_or("");
        return Err(format!("{url} answered {status} {reason}; the cached database (if any) is unchanged"));
    }
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let etag = header("etag");
    let last_modified = header("last-modified");
    let expected = header("content-length").and_then(|v| v.parse::<u64>().ok());
    let tmp = dir.join(format!("all.zip.part-{}", std::process::id()));
    let result = download_to(&mut response, &tmp, expected, progress).and_then(|bytes| {
        let db = db::load_zip(&tmp).map_err(|e| format!("{e}; the cached database (if any) is unchanged"))?;
        Ok((bytes, db))
    });
    let (bytes, database) = match result {
        Ok(ok) => ok,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let target = zip_path(cache);
    std::fs::rename(&tmp, &target).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot move the download into {}: {e}", target.display())
    })?;
    let t = now();
    let meta = Meta {
        url: url.to_owned(),
        etag,
        last_modified,
        size: bytes,
        records: database.records,
        downloaded: t,
        checked: t,
    };
    write_meta(cache, &meta)?;
    // Build the index now, so the next scan is warm.
    let _ = db::load_indexed(&target, Some(cache));
    Ok(Updated::Downloaded { records: database.records, bytes })
}

fn download_to(
    response: &mut ureq::http::Response<ureq::Body>,
    tmp: &Path,
    expected: Option<u64>,
    progress: bool,
) -> Result<u64, String> {
    let mut file = std::fs::File::create(tmp).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    let mut reader = response.body_mut().with_config().limit(4 * 1024 * 1024 * 1024).reader();
    let mut buf = vec![0u8; 256 * 1024];
    let mut total: u64 = 0;
    let mut shown = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => return Err(format!("the download was interrupted after {total} bytes: {e}")),
        };
        file.write_all(&buf[..n]).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        total += n as u64;
        if progress && total - shown >= 512 * 1024 {
            shown = total;
            let mb = total as f64 / 1e6;
            let mut err = std::io::stderr().lock();
            let _ = match expected {
                Some(all) if all > 0 => {
                    write!(
                        err,
                        "\rDownloading the OSV PyPI database: {mb:.1} / {:.1} MB ({}%)",
                        all as f64 / 1e6,
                        total * 100 / all
                    )
                }
                _ => write!(err, "\rDownloading the OSV PyPI database: {mb:.1} MB"),
            };
            let _ = err.flush();
        }
    }
    if progress && shown > 0 {
        eprint!("\r\x1b[2K");
    }
    file.sync_all().map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    if let Some(all) = expected
        && all != total
    {
        return Err(format!(
            "the download was cut short: {total} of {all} bytes; the cached database (if any) is unchanged"
        ));
    }
    Ok(total)
}

fn write_meta(cache: &Path, meta: &Meta) -> Result<(), String> {
    let text = serde_json::to_string_pretty(meta).map_err(|e| e.to_string())?;
    crate::baseline::write_atomic(&meta_path(cache), text.as_bytes())
}

/// What `pyward db status` prints.
pub fn status(cache: Option<&Path>) -> String {
    let Some(cache) = cache else {
        return "no cache folder: set PYWARD_CACHE_DIR (or HOME)\n".to_owned();
    };
    let mut out = format!("cache folder: {}\n", cache.display());
    match read_meta(cache) {
        None => {
            out.push_str("database: none cached\n  hint: run `pyward db update` to download OSV's PyPI advisories\n");
        }
        Some(m) => {
            let t = now();
            out.push_str(&format!(
                "database: {} ({} advisories, {:.1} MB)\n  downloaded {} ago, last checked {} ago\n  source: {}\n",
                zip_path(cache).display(),
                m.records,
                m.size as f64 / 1e6,
                age_text(t.saturating_sub(m.downloaded)),
                age_text(t.saturating_sub(m.checked)),
                m.url
            ));
        }
    }
    out
}

/// The cached database, loaded through its index.
pub fn load_cached(cache: &Path) -> Option<Result<(Database, Meta), String>> {
    let meta = read_meta(cache)?;
    Some(db::load_indexed(&zip_path(cache), Some(cache)).map(|(db, _)| (db, meta)).map_err(|e| e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        assert_eq!(parse_age("24h").unwrap(), Duration::from_secs(86400));
        assert_eq!(parse_age("7d").unwrap(), Duration::from_secs(7 * 86400));
        assert_eq!(parse_age("90m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse_age("2").unwrap(), Duration::from_secs(7200));
        assert!(parse_age("soon").is_err() && parse_age("3w").is_err());
        assert_eq!(age_text(7200), "2 h");
    }
}
