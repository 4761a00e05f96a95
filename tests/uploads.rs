//! The upload store scan (`--uploads DIR`, UP101-UP110): the annotated sample
//! stores in tests/fixtures/uploads/, and the conditions a real store brings
//! (100,000 files, a 2 GiB sparse file, unreadable files, symlink loops).
//!
//! `tests/fixtures/uploads/UP105/UP105.expect` lists, one per line, a file
//! name and the findings it must get (`-`: none), as `RULE:SEVERITY/CONFIDENCE`.
//! Text samples are committed beside it; binary samples (archives, images,
//! Office files) are written by [`sample`] into a copy of the folder, so no
//! binary blob is committed. A folder named after a rule is scanned with that
//! rule only; `malformed/` with every rule. Any missing or extra finding fails.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use pyward::ScanOptions;
use pyward::rules::{self, Selection};

// ---------------------------------------------------------------------------
// Sample builders: the smallest files each reader accepts.

fn jpeg(segments: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
    out.extend_from_slice(segments);
    // Start of scan, then the "entropy-coded" body, then the end marker.
    out.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0]);
    out.extend_from_slice(body);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out
}

fn png(trailer: &[u8]) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    out.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 4, 0, 1]));
    out.extend(chunk(b"IEND", &[]));
    out.extend_from_slice(trailer);
    out
}

fn webp(trailer: &[u8]) -> Vec<u8> {
    let payload = [0u8; 30];
    let mut body = b"WEBPVP8 ".to_vec();
    body.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    body.extend_from_slice(&payload);
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend(body);
    out.extend_from_slice(trailer);
    out
}

fn zip_of(members: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    for (name, data) in members {
        writer.start_file(*name, SimpleFileOptions::default().compression_method(method)).expect("zip member");
        writer.write_all(data).expect("zip data");
    }
    writer.finish().expect("zip").into_inner()
}

/// A stored zip written by hand: each member holds `hello` but declares
/// `declared` bytes unpacked; `overlap` points every central entry at the
/// first member's local header.
fn raw_zip(names: &[&str], declared: u32, overlap: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for name in names {
        offsets.push(out.len() as u32);
        out.extend_from_slice(b"PK\x03\x04");
        for v in [20u16, 0, 0, 0, 0] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [0u32, 5, declared] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"hello");
        if overlap {
            break;
        }
    }
    let central_start = out.len() as u32;
    for (i, name) in names.iter().enumerate() {
        out.extend_from_slice(b"PK\x01\x02");
        for v in [20u16, 20, 0, 0, 0, 0] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [0u32, 5, declared] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&0u32.to_le_bytes());
        let offset = if overlap { 0 } else { offsets[i] };
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
    }
    let central_size = out.len() as u32 - central_start;
    out.extend_from_slice(b"PK\x05\x06");
    for v in [0u16, 0, names.len() as u16, names.len() as u16] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A ustar archive written by hand (the `tar` crate refuses `..` paths):
/// (name, data, type flag, link target).
fn tar_of(members: &[(&str, &[u8], u8, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data, flag, link) in members {
        let mut h = [0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        h[100..108].copy_from_slice(b"0000644\0");
        h[108..116].copy_from_slice(b"0000000\0");
        h[116..124].copy_from_slice(b"0000000\0");
        h[124..136].copy_from_slice(format!("{:011o}\0", data.len()).as_bytes());
        h[136..148].copy_from_slice(b"00000000000\0");
        h[148..156].copy_from_slice(b"        ");
        h[156] = *flag;
        h[157..157 + link.len()].copy_from_slice(link.as_bytes());
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        let sum: u32 = h.iter().map(|b| u32::from(*b)).sum();
        h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).expect("gzip");
    enc.finish().expect("gzip")
}

/// An OLE compound file (legacy Office) with these storages and streams.
fn ole(storages: &[&str], streams: &[&str]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    for s in storages {
        file.create_storage(s).expect("storage");
    }
    for s in streams {
        file.create_stream(s).expect("stream").write_all(b"data").expect("write");
    }
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

fn elf() -> Vec<u8> {
    let mut out = b"\x7FELF\x02\x01\x01\0".to_vec();
    out.resize(64, 0);
    out[16] = 2;
    out[18] = 0x3E;
    out
}

/// Pseudo-random bytes (image data looks like this), without `0xFF` so no
/// JPEG marker appears by chance.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 255) as u8
        })
        .collect()
}

/// The binary samples the fixture folders list.
fn sample(name: &str) -> Option<Vec<u8>> {
    let docx = |extra: &[(&str, &[u8])]| {
        let mut members: Vec<(&str, &[u8])> =
            vec![("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")];
        members.extend_from_slice(extra);
        zip_of(&members, true)
    };
    let odt = |extra: &[(&str, &[u8])]| {
        let mut members: Vec<(&str, &[u8])> =
            vec![("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office/>")];
        members.extend_from_slice(extra);
        zip_of(&members, false)
    };
    let photos = || zip_of(&[("a.jpg", &jpeg(&[], b"abc")), ("b.jpg", &jpeg(&[], b"def"))], true);
    let photos_tar = || tar_of(&[("a.jpg", &jpeg(&[], b"abc"), b'0', ""), ("dir/b.jpg", &jpeg(&[], b"d"), b'0', "")]);
    Some(match name {
        // UP101
        "run.png" | "payload" => elf(),
        "pack.gif" => zip_of(&[("x.txt", b"x")], false),
        "photo.jpg" => png(&[]),
        "report.docx" => zip_of(&[("a.txt", b"not an office document")], false),
        "logo.svgz" => gzip(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        "scan.pdf" => jpeg(&[], b"scan"),
        // UP102
        "tool.exe" => {
            let mut v = b"MZ\x90\0".to_vec();
            v.resize(256, 0);
            v
        }
        // UP104
        "photo-zip.jpg" => {
            let mut v = jpeg(&[], &noise(4000, 7));
            v.extend(zip_of(&[("shell.php", b"<?php system($_GET['c']); ?>")], false));
            v
        }
        "trailing.png" => png(&noise(4096, 3)),
        "trailing.webp" => webp(&noise(1000, 5)),
        "comment.jpg" => {
            let text = b"<script>alert(1)</script>";
            let mut segment = vec![0xFF, 0xFE];
            segment.extend_from_slice(&((text.len() + 2) as u16).to_be_bytes());
            segment.extend_from_slice(text);
            jpeg(&segment, &noise(100, 9))
        }
        "plain.png" => png(&[]),
        "plain.jpg" => jpeg(&[], &noise(20_000, 11)),
        "padded.jpg" => {
            let mut v = jpeg(&[], &noise(1000, 13));
            v.extend_from_slice(&[0u8; 32]);
            v
        }
        "noise.jpg" => {
            let mut body = noise(50_000, 17);
            body[30_000..30_003].copy_from_slice(b"<%@");
            jpeg(&[], &body)
        }
        // UP105
        "traversal.zip" => zip_of(&[("ok.txt", b"x"), ("../../app/settings.py", b"DEBUG = True")], false),
        "absolute.zip" => zip_of(&[("/etc/cron.d/job", b"* * * * * root id")], false),
        "symlink.zip" => {
            use zip::write::SimpleFileOptions;
            let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
            writer.add_symlink("avatar.jpg", "/etc/passwd", SimpleFileOptions::default()).expect("symlink");
            writer.finish().expect("zip").into_inner()
        }
        "traversal.tar" => tar_of(&[("../../.ssh/authorized_keys", b"ssh-ed25519 AAAA", b'0', "")]),
        "symlink.tar" => tar_of(&[("avatar.jpg", b"", b'2', "/etc/passwd")]),
        "hardlink.tar" => tar_of(&[("avatar.jpg", b"", b'1', "/etc/shadow")]),
        "traversal.tar.gz" => gzip(&tar_of(&[("a/../../../tmp/x", b"x", b'0', "")])),
        "photos.zip" => photos(),
        "photos.tar" => photos_tar(),
        "photos.tar.gz" => gzip(&photos_tar()),
        // UP106
        "zeros.zip" => zip_of(&[("zeros.bin", &vec![0u8; 100 << 20])], true),
        "declared.zip" => raw_zip(&["a.bin", "b.bin"], 0xF000_0000, false),
        "overlap.zip" => raw_zip(&["a", "b", "c", "d"], 5, true),
        "many.zip" => {
            let names: Vec<String> = (0..10_001).map(|i| format!("f{i}")).collect();
            let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
            zip_of(&members, false)
        }
        "bomb.gz" => gzip(&vec![0u8; 100 << 20]),
        "forged.gz" => {
            let mut v = gzip(b"hello");
            let n = v.len();
            v[n - 4..].copy_from_slice(&0xF000_0000u32.to_le_bytes());
            v
        }
        "small.zip" => zip_of(&[("zeros.bin", &vec![0u8; 10 << 20])], true),
        "notes.gz" => gzip(b"meeting notes, nothing to see"),
        // UP107
        "macro.docm" => docx(&[("word/vbaProject.bin", b"\xD0\xCF\x11\xE0")]),
        "renamed.xlsx" => zip_of(
            &[("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<w/>"), ("xl/vbaProject.bin", b"x")],
            true,
        ),
        "legacy.doc" => ole(&["/Macros", "/Macros/VBA"], &["/WordDocument", "/Macros/VBA/dir"]),
        "basic.odt" => odt(&[("Basic/Standard/Module1.xml", b"<script:module/>")]),
        "plain.docx" => docx(&[]),
        "plain.doc" => ole(&["/ObjectPool"], &["/WordDocument"]),
        "plain.odt" => odt(&[]),
        // UP110
        "gps.jpg" => jpeg(&exif_segment(false, [48, 51, 24], true, [2, 17, 40], true), b"x"),
        "gps-be.jpg" => jpeg(&exif_segment(true, [33, 52, 4], false, [151, 12, 36], true), b"x"),
        "zero-gps.jpg" => jpeg(&exif_segment(false, [0, 0, 0], true, [0, 0, 0], true), b"x"),
        // malformed
        "truncated.zip" => {
            let v = zip_of(&[("a.txt", b"hello"), ("../b.txt", b"x")], false);
            v[..v.len() / 2].to_vec()
        }
        "truncated.tar.gz" => {
            let v = gzip(&tar_of(&[("notes/readme.txt", &noise(5000, 1), b'0', "")]));
            v[..v.len() / 2].to_vec()
        }
        "truncated.png" => png(&[])[..20].to_vec(),
        "truncated.jpg" => jpeg(&[], &noise(1000, 2))[..300].to_vec(),
        "truncated.gz" => gzip(b"hello world")[..6].to_vec(),
        "empty.jpg" => Vec::new(),
        "truncated.tar" => tar_of(&[("notes.txt", &noise(3000, 8), b'0', "")])[..700].to_vec(),
        "truncated.webp" => webp(&[])[..20].to_vec(),
        "truncated.gif" => b"GIF89a\x10\x00".to_vec(),
        "truncated.docm" => {
            let v = docx(&[("word/vbaProject.bin", b"\xD0\xCF\x11\xE0")]);
            v[..v.len() / 3].to_vec()
        }
        "truncated.doc" => ole(&["/Macros", "/Macros/VBA"], &["/WordDocument"])[..1024].to_vec(),
        // A GPS block whose rationals point past the end of the segment.
        "bad-gps.jpg" => {
            let mut tiff = tiff_gps(false, [48, 51, 24], true, [2, 17, 40], true);
            tiff.truncate(90);
            let mut segment = vec![0xFF, 0xE1];
            segment.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
            segment.extend_from_slice(b"Exif\0\0");
            segment.extend(tiff);
            jpeg(&segment, b"x")
        }
        "EOF-less.pdf" => {
            let mut v = b"%PDF-1.4\n1 0 obj << /Length 99999 >>\nstream\n".to_vec();
            v.extend(noise(5000, 10));
            v
        }
        "garbage.docx" => noise(3000, 4),
        "bad.doc" => {
            let mut v = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
            v.extend(noise(2000, 6));
            v
        }
        "bad-exif.jpg" => {
            let mut segment = vec![0xFF, 0xE1, 0x00, 0x12];
            segment.extend_from_slice(b"Exif\0\0MM\0\x2A\xFF\xFF\xFF\xFF\0\0");
            jpeg(&segment, b"x")
        }
        "bad-central.zip" => {
            let mut v = zip_of(&[("a.txt", b"hello")], false);
            let at = v.windows(4).rposition(|w| w == b"PK\x01\x02").expect("central entry");
            v[at + 28] = 0xFF;
            v[at + 29] = 0xFF;
            v
        }
        _ => return None,
    })
}

/// An EXIF APP1 segment holding a GPS position (degrees, minutes, seconds).
fn exif_segment(big_endian: bool, lat: [u32; 3], north: bool, lon: [u32; 3], east: bool) -> Vec<u8> {
    let tiff = tiff_gps(big_endian, lat, north, lon, east);
    let mut out = vec![0xFF, 0xE1];
    out.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend(tiff);
    out
}

/// TIFF data holding only a GPS IFD with latitude and longitude.
fn tiff_gps(big_endian: bool, lat: [u32; 3], north: bool, lon: [u32; 3], east: bool) -> Vec<u8> {
    let u16b = |v: u16| if big_endian { v.to_be_bytes().to_vec() } else { v.to_le_bytes().to_vec() };
    let u32b = |v: u32| if big_endian { v.to_be_bytes().to_vec() } else { v.to_le_bytes().to_vec() };
    let mut t: Vec<u8> = Vec::new();
    t.extend_from_slice(if big_endian { b"MM" } else { b"II" });
    t.extend(u16b(42));
    t.extend(u32b(8));
    // IFD0 at 8: the GPS IFD pointer only.
    t.extend(u16b(1));
    t.extend(u16b(0x8825));
    t.extend(u16b(4));
    t.extend(u32b(1));
    t.extend(u32b(26));
    t.extend(u32b(0));
    // The GPS IFD at 26: four entries; the rationals follow at 80 and 104.
    let entries: [(u16, u16, u32, Vec<u8>); 4] = [
        (1, 2, 2, vec![if north { b'N' } else { b'S' }, 0, 0, 0]),
        (2, 5, 3, u32b(80)),
        (3, 2, 2, vec![if east { b'E' } else { b'W' }, 0, 0, 0]),
        (4, 5, 3, u32b(104)),
    ];
    t.extend(u16b(4));
    for (tag, kind, count, value) in entries {
        t.extend(u16b(tag));
        t.extend(u16b(kind));
        t.extend(u32b(count));
        t.extend(value);
    }
    t.extend(u32b(0));
    assert_eq!(t.len(), 80);
    for part in lat.iter().chain(lon.iter()) {
        t.extend(u32b(*part));
        t.extend(u32b(1));
    }
    t
}

// ---------------------------------------------------------------------------
// The fixture harness.

struct Expect {
    name: String,
    rules: Vec<(String, Option<String>)>,
}

fn expectations(path: &Path) -> Vec<Expect> {
    let text = std::fs::read_to_string(path).expect("expect file");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, list) = l.rsplit_once(' ').expect("`NAME RULES` lines");
            let rules = if list == "-" {
                Vec::new()
            } else {
                list.split(',')
                    .map(|item| match item.split_once(':') {
                        Some((rule, grade)) => (rule.to_owned(), Some(grade.to_owned())),
                        None => (item.to_owned(), None),
                    })
                    .collect()
            };
            Expect { name: name.to_owned(), rules }
        })
        .collect()
}

/// Copies the folder's samples into a fresh store and writes the generated ones.
fn build_store(dir: &Path, expected: &[Expect], store: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    std::fs::create_dir_all(store).unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expect") {
            continue;
        }
        std::fs::copy(&path, store.join(path.file_name().unwrap())).unwrap();
    }
    for e in expected {
        let target = store.join(&e.name);
        if !target.exists() {
            match sample(&e.name) {
                Some(bytes) => std::fs::write(&target, bytes).unwrap(),
                None => problems.push(format!("{}: no sample named {}", dir.display(), e.name)),
            }
        }
    }
    problems
}

fn scan_store(store: &Path, selection: Selection) -> pyward::ScanResult {
    let empty = store.parent().unwrap().join("empty-project");
    std::fs::create_dir_all(&empty).unwrap();
    let mut opts = ScanOptions::new(vec![empty]);
    opts.uploads = vec![store.to_path_buf()];
    opts.selection = selection;
    opts.deps.offline = true;
    pyward::scan(&opts).expect("scan runs")
}

fn check_folder(dir: &Path) -> Vec<String> {
    let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expect_file = dir.join(format!("{folder}.expect"));
    let expected = expectations(&expect_file);
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    let mut problems = build_store(dir, &expected, &store);
    let selection = if rules::by_id(&folder).is_some() {
        Selection::new(std::slice::from_ref(&folder), &[])
    } else {
        Selection::all()
    };
    let result = scan_store(&store, selection);
    let mut wanted: Vec<(String, String, Option<String>)> = expected
        .iter()
        .flat_map(|e| e.rules.iter().map(move |(r, g)| (e.name.clone(), r.clone(), g.clone())))
        .collect();
    for f in &result.findings {
        let name = Path::new(&f.location.path).file_name().unwrap().to_string_lossy().into_owned();
        let grade = format!("{}/{}", f.severity, f.confidence);
        match wanted.iter().position(|(n, r, g)| *n == name && r == f.rule && g.as_ref().is_none_or(|g| *g == grade)) {
            Some(i) => {
                wanted.remove(i);
            }
            None => problems.push(format!("{folder}/{name}: unexpected {} {grade}: {}", f.rule, f.message)),
        }
    }
    for (name, rule, grade) in wanted {
        problems.push(format!("{folder}/{name}: missing {rule}{}", grade.map(|g| format!(":{g}")).unwrap_or_default()));
    }
    // Every file of the store is listed: a sample nobody expects anything of is a mistake.
    for entry in std::fs::read_dir(&store).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !expected.iter().any(|e| e.name == name) {
            problems.push(format!("{folder}/{name}: not listed in {}", expect_file.display()));
        }
    }
    problems
}

fn fixture_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/uploads");
    let mut out: Vec<PathBuf> =
        std::fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    out.sort();
    out
}

#[test]
fn every_upload_fixture_matches_its_expectations() {
    let folders = fixture_folders();
    assert!(folders.len() >= 11, "a folder per store rule and malformed/, found {}", folders.len());
    let problems: Vec<String> = folders.iter().flat_map(|d| check_folder(d)).collect();
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_store_rule_has_a_fixture_folder() {
    for rule in rules::RULES.iter().filter(|r| r.analyzer == rules::Analyzer::Uploads) {
        let expect = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/uploads").join(rule.id);
        assert!(expect.join(format!("{}.expect", rule.id)).is_file(), "no fixture folder for {}", rule.id);
    }
}

#[test]
fn an_svg_finding_names_the_line_of_the_script() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/uploads/UP103");
    std::fs::copy(dir.join("logo.svg"), store.join("logo.svg")).unwrap();
    let result = scan_store(&store, Selection::new(&["UP103".to_owned()], &[]));
    assert_eq!(result.findings.len(), 1);
    assert_eq!(result.findings[0].location.line, 3);
    assert!(result.findings[0].message.contains("`<script` on line 3"), "{}", result.findings[0].message);
}

// ---------------------------------------------------------------------------
// What real stores bring.

#[test]
fn a_hundred_thousand_small_files() {
    // Creating 100,000 files takes a minute on some disks, a second in memory.
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() }.unwrap();
    let store = tmp.path().join("store");
    for d in 0..100 {
        let dir = store.join(format!("{d:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        for f in 0..1000 {
            std::fs::write(dir.join(format!("{f}.txt")), b"note").unwrap();
        }
    }
    std::fs::write(store.join("42").join("evil.jpg"), b"<html><script>alert(1)</script></html>").unwrap();
    let result = scan_store(&store, Selection::new(&["UP1".to_owned()], &[]));
    assert_eq!(result.uploads[0].files, 100_001);
    let rules: Vec<&str> = result.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["UP101"], "{:?}", result.findings);
}

/// The process's peak resident memory, in bytes (Linux).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb * 1024)
}

#[test]
fn a_two_gib_sparse_file_is_streamed_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    let size: u64 = 2 << 30;
    // A PDF whose only action sits at its very end, 2 GiB in: found only by
    // reading the whole file, which must not be held in memory.
    let pdf = store.join("huge.pdf");
    let mut f = std::fs::File::create(&pdf).unwrap();
    f.write_all(b"%PDF-1.4\n").unwrap();
    f.set_len(size - 64).unwrap();
    use std::io::Seek;
    f.seek(std::io::SeekFrom::End(0)).unwrap();
    f.write_all(b"\n<< /S /Launch /F (calc.exe) >>\n%%EOF\n").unwrap();
    drop(f);
    for name in ["huge.zip", "huge.jpg", "huge.tar"] {
        std::fs::File::create(store.join(name)).unwrap().set_len(size).unwrap();
    }
    let result = scan_store(&store, Selection::new(&["UP1".to_owned()], &[]));
    let rules: Vec<(&str, String)> = result
        .findings
        .iter()
        .map(|f| (f.rule, Path::new(&f.location.path).file_name().unwrap().to_string_lossy().into_owned()))
        .collect();
    assert_eq!(rules, [("UP108", "huge.pdf".to_owned())]);
    assert!(result.uploads[0].bytes >= 4 * size - 100);
    if let Some(peak) = peak_memory() {
        assert!(peak < 512 << 20, "peak memory {} MiB", peak >> 20);
    }
}

#[test]
fn symlink_loops_are_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(store.join("a")).unwrap();
    std::os::unix::fs::symlink("b", store.join("a").join("c")).unwrap();
    std::os::unix::fs::symlink("c", store.join("a").join("b")).unwrap();
    std::os::unix::fs::symlink("..", store.join("a").join("up")).unwrap();
    std::os::unix::fs::symlink(".", store.join("self")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", store.join("avatar.jpg")).unwrap();
    std::fs::write(store.join("a").join("page.png"), b"<!DOCTYPE html><p>x").unwrap();
    let result = scan_store(&store, Selection::all());
    assert_eq!(result.uploads[0].symlinks, 5);
    assert_eq!(result.uploads[0].files, 1);
    let rules: Vec<&str> = result.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["UP101"], "{:?}", result.findings);
}

#[test]
fn a_missing_store_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = ScanOptions::new(vec![tmp.path().to_path_buf()]);
    opts.uploads = vec![tmp.path().join("no-such-media")];
    let err = pyward::scan(&opts).err().expect("an error");
    assert!(err.contains("no-such-media") && err.contains("hint"), "{err}");
    let file = tmp.path().join("file.txt");
    std::fs::write(&file, b"x").unwrap();
    opts.uploads = vec![file];
    let err = pyward::scan(&opts).err().expect("an error");
    assert!(err.contains("not a folder"), "{err}");
}

/// Unreadable files and folders are E002 findings naming them, and the rest
/// of the store is still read. Root reads everything, so as root the binary
/// runs as `nobody` (setpriv).
#[test]
fn unreadable_files_and_folders_are_reported_and_the_scan_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let store = tmp.path().join("store");
    std::fs::create_dir_all(store.join("locked-dir")).unwrap();
    std::fs::write(store.join("locked.jpg"), b"<html>").unwrap();
    std::fs::write(store.join("locked-dir").join("x.txt"), b"x").unwrap();
    std::fs::write(store.join("page.png"), b"<html><p>x").unwrap();
    std::fs::set_permissions(store.join("locked.jpg"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(store.join("locked-dir"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("pyward");
    let root = std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut cmd = if root {
        if std::process::Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: running as root without setpriv");
            return;
        }
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&binary);
        c
    } else {
        std::process::Command::new(&binary)
    };
    let out = cmd
        .args(["scan", "--no-progress", "--offline", "--format", "json", "--select", "UP1,E002", "--uploads"])
        .arg(&store)
        .arg(&empty)
        .env("PYWARD_OFFLINE", "1")
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let found: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            (f["rule"].as_str().unwrap().to_owned(), path.rsplit('/').next().unwrap().to_owned())
        })
        .collect();
    assert_eq!(out.status.code(), Some(1), "{found:?}");
    assert!(found.contains(&("E002".to_owned(), "locked.jpg".to_owned())), "{found:?}");
    assert!(found.contains(&("E002".to_owned(), "locked-dir".to_owned())), "{found:?}");
    assert!(found.contains(&("UP101".to_owned(), "page.png".to_owned())), "{found:?}");
    std::fs::set_permissions(store.join("locked-dir"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

// ---------------------------------------------------------------------------
// The binary: configuration, formats, the example's store.

fn pyward_bin() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("pyward"));
    cmd.env("PYWARD_OFFLINE", "1").env("PYWARD_CACHE_DIR", std::env::temp_dir().join("pyward-tests-no-cache"));
    cmd
}

/// The example project's upload store, with the binary bad files the tests
/// write beside the committed text ones, found through `[tool.pyward] uploads`.
#[test]
fn the_example_store_through_the_configuration() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/vulnerable-app");
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("app");
    let store = project.join("uploads");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::copy(example.join("pyproject.toml"), project.join("pyproject.toml")).unwrap();
    for entry in std::fs::read_dir(example.join("uploads")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, store.join(path.file_name().unwrap())).unwrap();
    }
    for (name, sample_name) in [
        ("theme.zip", "traversal.zip"),
        ("report.docm", "macro.docm"),
        ("profile.jpg", "gps.jpg"),
        ("export.zip", "overlap.zip"),
    ] {
        std::fs::write(store.join(name), sample(sample_name).unwrap()).unwrap();
    }
    let out = pyward_bin().current_dir(&project).args(["scan", "--no-progress", "--select", "UP1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "uploads/avatar.jpg:1:1: UP101",
        "uploads/notes.php.jpg:1:1: UP109",
        "uploads/logo.svg:4:1: UP103",
        "uploads/banner.gif:1:1: UP104",
        "uploads/invoice.pdf:1:1: UP108",
        "uploads/theme.zip:1:1: UP105",
        "uploads/report.docm:1:1: UP107",
        "uploads/profile.jpg:1:1: UP110",
        "uploads/export.zip:1:1: UP106",
        "Upload store uploads read: 11 files",
        // No code to show for a stored file: the rule's fix hint instead.
        "(`pyward rule UP105`)",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
    assert!(!text.contains("chart.svg"), "the clean SVG is reported:\n{text}");
    // JSON and SARIF carry the store's summary.
    let out = pyward_bin().current_dir(&project).args(["scan", "--select", "UP1", "-f", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["uploads"][0]["path"], "uploads");
    assert_eq!(v["uploads"][0]["files"], 11);
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["snippet"] == ""));
    let out = pyward_bin().current_dir(&project).args(["scan", "--select", "UP1", "-f", "sarif"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = v["runs"][0]["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert!(notes.iter().any(|n| n["descriptor"]["id"] == "uploads"), "{notes:?}");
    // --uploads replaces the configured stores.
    let other = tmp.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    let out = pyward_bin()
        .current_dir(&project)
        .args(["scan", "--no-progress", "--select", "UP1", "--uploads"])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_bad_store_path_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = pyward_bin()
        .current_dir(tmp.path())
        .args(["scan", "--no-progress", "--uploads", "media-missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--uploads media-missing") && err.contains("hint:"), "{err}");
    std::fs::write(tmp.path().join("pyproject.toml"), "[tool.pyward]\nuploads = \"media\"\n").unwrap();
    let out = pyward_bin().current_dir(tmp.path()).args(["scan", "--no-progress"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pyproject.toml") && err.contains("uploads"), "{err}");
}

/// UP002 on Django models: the model's `FileField`, not its copy in a migration.
#[test]
fn file_fields_in_migrations_are_left_to_the_model() {
    let tmp = tempfile::tempdir().unwrap();
    let app = tmp.path().join("docs");
    std::fs::create_dir_all(app.join("migrations")).unwrap();
    std::fs::write(
        app.join("models.py"),
        "from django.db import models\n\nclass Doc(models.Model):\n    file = models.FileField(upload_to=\"docs/\")\n",
    )
    .unwrap();
    std::fs::write(
        app.join("migrations").join("0001_initial.py"),
        "from django.db import migrations, models\n\nFIELDS = [(\"file\", models.FileField(upload_to=\"docs/\"))]\n",
    )
    .unwrap();
    let mut opts = ScanOptions::new(vec![tmp.path().to_path_buf()]);
    opts.selection = Selection::new(&["UP002".to_owned()], &[]);
    let result = pyward::scan(&opts).expect("scan runs");
    let paths: Vec<&str> = result.findings.iter().map(|f| f.location.path.as_str()).collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].ends_with("docs/models.py"), "{paths:?}");
}
