//! Archives and Office containers, read from their headers only: zip central
//! directories (zip, OOXML, OpenDocument, jar), tar headers, gzip trailers and
//! OLE directories. Nothing is extracted and no zip member is inflated.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};

/// Unpacked bytes above which an archive is a bomb whatever its size.
pub const BOMB_TOTAL: u64 = 1 << 30;
/// Unpacked bytes above which a high ratio makes an archive a bomb.
pub const BOMB_RATIO_FLOOR: u64 = 64 << 20;
/// Unpacked size over packed size above which (with the floor) an archive is a bomb.
pub const BOMB_RATIO: u64 = 100;
/// Members above which an archive is a bomb (inodes, not bytes).
pub const BOMB_MEMBERS: u64 = 10_000;
/// How much of a `.tar.gz` is inflated, at most, to read its tar headers.
const TAR_GZ_BUDGET: u64 = 256 << 20;

/// What an archive's headers say.
#[derive(Debug, Default)]
pub struct Facts {
    pub members: u64,
    /// The sum of the members' declared unpacked sizes.
    pub unpacked: u64,
    /// Member paths that are absolute or climb with `..`.
    pub unsafe_paths: Members,
    /// Symbolic and hard links.
    pub links: Members,
    /// Zip members whose compressed data overlap another member's.
    pub overlapping: bool,
    /// `vbaProject.bin` parts (OOXML) or `Basic/` scripts (OpenDocument).
    pub macros: Option<String>,
    /// The headers could not be read to the end (a truncated or damaged archive).
    pub damaged: Option<String>,
}

/// Members of one kind: how many, and the names of the first few.
#[derive(Debug, Default)]
pub struct Members {
    pub count: usize,
    pub first: Vec<String>,
}

impl Members {
    fn add(&mut self, name: &[u8]) {
        self.count += 1;
        if self.first.len() < 3 {
            self.first.push(shown(name));
        }
    }

    /// The names as a message lists them: `` `a`, `b` ``.
    pub fn listed(&self) -> String {
        self.first.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
    }
}

/// A member name as messages show it (lossy UTF-8, at most 120 characters).
fn shown(name: &[u8]) -> String {
    String::from_utf8_lossy(name).chars().take(120).collect()
}

fn ends_with_ignore_case(name: &[u8], suffix: &[u8]) -> bool {
    name.len() >= suffix.len() && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

impl Facts {
    fn member(&mut self, name: &[u8], size: u64, link: bool) {
        self.members += 1;
        self.unpacked = self.unpacked.saturating_add(size);
        if unsafe_path(name) {
            self.unsafe_paths.add(name);
        }
        if link {
            self.links.add(name);
        }
        let macros = ends_with_ignore_case(name, b"vbaproject.bin")
            || (name.len() >= 6 && name[..6].eq_ignore_ascii_case(b"basic/") && ends_with_ignore_case(name, b".xml"));
        if macros && self.macros.is_none() {
            self.macros = Some(shown(name));
        }
    }

    /// Why the archive is a bomb, judged against its size on disk, if it is.
    pub fn bomb(&self, packed: u64) -> Option<String> {
        if self.overlapping {
            return Some(
                "members share or overlap their compressed data (an overlapping-file zip bomb: each member inflates the same bytes again)"
                    .to_owned(),
            );
        }
        if self.members > BOMB_MEMBERS {
            return Some(format!("it holds {} members (more than {BOMB_MEMBERS})", self.members));
        }
        if self.unpacked > BOMB_TOTAL {
            return Some(format!("its members declare {} unpacked (from {})", size(self.unpacked), size(packed)));
        }
        if self.unpacked > BOMB_RATIO_FLOOR && self.unpacked / packed.max(1) > BOMB_RATIO {
            return Some(format!(
                "its members declare {} unpacked from {} ({}x)",
                size(self.unpacked),
                size(packed),
                self.unpacked / packed.max(1)
            ));
        }
        None
    }
}

/// A byte count as people read it.
pub fn size(bytes: u64) -> String {
    const UNITS: &[&str] = &["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{bytes} bytes") } else { format!("{value:.1} {}", UNITS[unit]) }
}

/// Absolute (`/x`, `\x`, `C:x`) or climbing (`a/../../x`) member paths.
pub fn unsafe_path(name: &[u8]) -> bool {
    if name.first().is_some_and(|b| *b == b'/' || *b == b'\\') {
        return true;
    }
    if name.len() >= 2 && name[0].is_ascii_alphabetic() && name[1] == b':' {
        return true;
    }
    name.split(|b| *b == b'/' || *b == b'\\').any(|part| part == b"..")
}

/// Reads a zip's central directory (zip, OOXML, OpenDocument, jar), entry by
/// entry, with memory that does not grow with the number of members.
pub fn zip(file: &mut File) -> Facts {
    let mut facts = Facts::default();
    let reader = BufReader::with_capacity(64 * 1024, &mut *file);
    let mut archive = match zip::unstable::read::ZipIterable::try_new(reader, zip::read::Config::default()) {
        Ok(a) => a,
        Err(e) => {
            facts.damaged = Some(e.to_string());
            return facts;
        }
    };
    let declared = archive.len() as u64;
    // (start of the local header, end of the compressed data) per member.
    let mut spans: Vec<(u64, u64)> = Vec::new();
    let files = match archive.files() {
        Ok(f) => f,
        Err(e) => {
            facts.damaged = Some(e.to_string());
            return facts;
        }
    };
    for entry in files {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                facts.damaged = Some(e.to_string());
                break;
            }
        };
        let name = entry.name_raw();
        facts.member(name, entry.size(), entry.is_symlink());
        let start = entry.header_start();
        // A local header is 30 bytes plus the name, before the data.
        spans.push((start, start.saturating_add(30 + name.len() as u64).saturating_add(entry.compressed_size())));
        if facts.members > BOMB_MEMBERS * 100 {
            // Enough to judge; the rest is not read.
            break;
        }
    }
    facts.members = facts.members.max(declared);
    spans.sort_unstable();
    facts.overlapping = spans.windows(2).any(|w| w[1].0 < w[0].1);
    facts
}

/// Counts the bytes read through it and stops at a budget.
struct Budget<R> {
    inner: R,
    used: u64,
    limit: u64,
}

impl<R: Read> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.used >= self.limit {
            return Err(std::io::Error::other("inflation budget spent"));
        }
        let n = self.inner.read(buf)?;
        self.used += n as u64;
        Ok(n)
    }
}

/// Reads a tar's headers (seeking past the data), or a `.tar.gz`'s by
/// inflating at most [`TAR_GZ_BUDGET`] bytes.
pub fn tar(file: &mut File, gzipped: bool) -> Facts {
    let mut facts = Facts::default();
    if let Err(e) = file.seek(SeekFrom::Start(0)) {
        facts.damaged = Some(e.to_string());
        return facts;
    }
    if gzipped {
        let inflated = flate2::read::MultiGzDecoder::new(BufReader::new(&mut *file));
        let mut archive = tar::Archive::new(Budget { inner: inflated, used: 0, limit: TAR_GZ_BUDGET });
        walk_tar(archive.entries(), &mut facts);
        // Stopping at the budget is not damage: the rest is simply not read.
        let budget = archive.into_inner();
        if budget.used >= budget.limit {
            facts.damaged = None;
        }
    } else {
        // A plain tar is read header by header, seeking past the data.
        let mut archive = tar::Archive::new(BufReader::new(&mut *file));
        walk_tar(archive.entries_with_seek(), &mut facts);
    }
    facts
}

fn walk_tar<R: Read>(entries: std::io::Result<tar::Entries<'_, R>>, facts: &mut Facts) {
    let entries = match entries {
        Ok(e) => e,
        Err(e) => {
            facts.damaged = Some(e.to_string());
            return;
        }
    };
    for entry in entries {
        match entry {
            Ok(e) => {
                let kind = e.header().entry_type();
                let link = kind.is_symlink() || kind.is_hard_link();
                let size = e.header().size().unwrap_or(0);
                facts.member(&e.path_bytes(), size, link);
            }
            Err(e) => {
                facts.damaged = Some(e.to_string());
                break;
            }
        }
    }
}

/// Whether a gzip file is a bomb: its trailer declares more than
/// [`BOMB_RATIO`] times its size and more than [`BOMB_RATIO_FLOOR`] unpacked,
/// and inflating its start confirms the ratio. The trailer alone can lie (a
/// truncated file ends in arbitrary bytes), so the claim is checked by
/// inflating until [`BOMB_RATIO_FLOOR`] bytes come out, from at most
/// `BOMB_RATIO_FLOOR / BOMB_RATIO` bytes read: bounded work either way.
/// Returns the declared size.
pub fn gzip_bomb(file: &mut File, len: u64) -> Option<u64> {
    let declared = gzip_declared(file, len)?;
    if declared <= BOMB_RATIO_FLOOR || declared / len.max(1) <= BOMB_RATIO {
        return None;
    }
    file.seek(SeekFrom::Start(0)).ok()?;
    let input_cap = BOMB_RATIO_FLOOR / BOMB_RATIO;
    let mut inflated = flate2::read::MultiGzDecoder::new((&mut *file).take(input_cap));
    let mut buf = vec![0u8; 256 * 1024];
    let mut out: u64 = 0;
    while out < BOMB_RATIO_FLOOR {
        match inflated.read(&mut buf) {
            Ok(0) | Err(_) => return None,
            Ok(n) => out += n as u64,
        }
    }
    Some(declared)
}

/// The unpacked size a gzip file's trailer declares (modulo 4 GiB, as the
/// format keeps it).
fn gzip_declared(file: &mut File, len: u64) -> Option<u64> {
    if len < 18 {
        return None;
    }
    file.seek(SeekFrom::Start(len - 4)).ok()?;
    let mut isize = [0u8; 4];
    file.read_exact(&mut isize).ok()?;
    Some(u64::from(u32::from_le_bytes(isize)))
}

/// An OLE file's macro storage (`VBA`, `_VBA_PROJECT`, `Macros`), if any.
pub fn ole_macros(file: &mut File) -> Result<Option<String>, String> {
    file.seek(SeekFrom::Start(0)).map_err(|e| e.to_string())?;
    let ole = cfb::CompoundFile::open(&mut *file).map_err(|e| e.to_string())?;
    Ok(ole.walk().find_map(|e| {
        matches!(e.name(), "VBA" | "_VBA_PROJECT" | "_VBA_PROJECT_CUR" | "Macros")
            .then(|| e.path().to_string_lossy().into_owned())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_paths() {
        assert!(unsafe_path(b"../etc/passwd"));
        assert!(unsafe_path(b"a/../../x"));
        assert!(unsafe_path(b"/etc/cron.d/x"));
        assert!(unsafe_path(b"\\windows\\x"));
        assert!(unsafe_path(b"C:x"));
        assert!(unsafe_path(b"a\\..\\x"));
        assert!(!unsafe_path(b"a/b..c/x"));
        assert!(!unsafe_path(b"photos/2024/x.jpg"));
    }

    #[test]
    fn bombs_by_headers() {
        let mut f = Facts { members: 1, unpacked: 5 << 30, ..Facts::default() };
        assert!(f.bomb(10 << 20).unwrap().contains("5.0 GiB"));
        f.unpacked = 100 << 20;
        assert!(f.bomb(100 << 10).unwrap().contains("1024x"));
        assert!(f.bomb(50 << 20).is_none());
        f.unpacked = 10 << 20;
        assert!(f.bomb(1 << 10).is_none(), "a high ratio on a small total is no bomb");
        f.members = 20_000;
        assert!(f.bomb(1 << 20).unwrap().contains("20000 members"));
    }

    #[test]
    fn sizes() {
        assert_eq!(size(12), "12 bytes");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(5 << 30), "5.0 GiB");
    }
}
