//! Looks inside documents and images, streaming: SVG scripts, PDF actions,
//! what hides before or after an image, and GPS positions in EXIF data.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// How much of an SVG is read (SVGs are text; a larger one is read in part).
const SVG_LIMIT: u64 = 16 << 20;
/// How much of an image's end is searched for a hidden payload.
pub const TAIL: u64 = 64 << 10;

/// Markup and server code that has no business in an image. Each is at
/// least five bytes long: random image data holds a given three-byte string
/// about once per 16 MiB, so `<%@` alone would flag one photo in a few hundred.
static SCRIPT_MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["<?php", "<script", "<html", "<%@ page", "<%@page", "<%@ language", "<%@language"])
        .expect("static patterns")
});

/// What makes an SVG run code.
static SVG_MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["<script", "<foreignobject", "<iframe", "<embed", "<object", "javascript:"])
        .expect("static patterns")
});

/// An `on...=` event attribute inside a tag.
static EVENT_ATTR: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| regex::bytes::Regex::new(r"(?i)<[a-z][^<>]*?\s(on[a-z]+)\s*=").expect("static regex"));

/// The first way an SVG runs code, with its 1-based line.
pub fn svg_active(file: &mut File) -> std::io::Result<Option<(String, usize)>> {
    file.seek(SeekFrom::Start(0))?;
    let mut text = Vec::new();
    file.take(SVG_LIMIT).read_to_end(&mut text)?;
    let marker = SVG_MARKERS.find(&text).map(|m| (m.start(), String::from_utf8_lossy(&text[m.range()]).into_owned()));
    let event = EVENT_ATTR
        .captures(&text)
        .and_then(|c| c.get(1))
        .map(|m| (m.start(), String::from_utf8_lossy(m.as_bytes()).into_owned() + "="));
    let first = match (marker, event) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    Ok(first.map(|(at, what)| {
        let line = memchr::memchr_iter(b'\n', &text[..at]).count() + 1;
        (what, line)
    }))
}

/// The PDF names that run code or carry files.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PdfActions {
    pub javascript: bool,
    pub launch: bool,
    pub embedded: bool,
    pub rich_media: bool,
}

impl PdfActions {
    pub fn any(&self) -> bool {
        self.javascript || self.launch || self.embedded || self.rich_media
    }

    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.javascript {
            parts.push("JavaScript (/JavaScript, /JS)");
        }
        if self.launch {
            parts.push("a launch action (/Launch) that starts a program");
        }
        if self.embedded {
            parts.push("embedded files (/EmbeddedFile)");
        }
        if self.rich_media {
            parts.push("rich media (/RichMedia)");
        }
        parts.join(", ")
    }

    fn name(&mut self, name: &[u8]) {
        match name {
            b"JavaScript" | b"JS" => self.javascript = true,
            b"Launch" => self.launch = true,
            b"EmbeddedFile" | b"EmbeddedFiles" => self.embedded = true,
            b"RichMedia" => self.rich_media = true,
            _ => {}
        }
    }
}

/// Streams a PDF through, reading every name token (`/JS`, `/J#61vaScript`)
/// of its objects, in bounded memory. Stream data (`stream` ... `endstream`)
/// is skipped: compressed bytes would match short names like `/JS` by chance.
pub fn pdf_actions(file: &mut File) -> std::io::Result<PdfActions> {
    const END: &[u8] = b"endstream";
    file.seek(SeekFrom::Start(0))?;
    let mut found = PdfActions::default();
    let mut reader = BufReader::with_capacity(256 * 1024, &mut *file);
    let mut buf = vec![0u8; 256 * 1024];
    let end_finder = memchr::memmem::Finder::new(END);
    // The name being read (after a `/`), with `#xx` escapes decoded.
    let mut name: Option<Vec<u8>> = None;
    // A pending `#` escape: the hex digits seen so far.
    let mut escape: Option<Vec<u8>> = None;
    // The last eight bytes read outside stream data.
    let mut recent: u64 = 0;
    // Inside stream data: how much of `endstream` the previous buffer ended with.
    let mut in_stream: Option<usize> = None;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        let mut i = 0;
        while i < n {
            if let Some(partial) = in_stream {
                if partial > 0 && chunk.len() - i >= END.len() - partial && chunk[i..].starts_with(&END[partial..]) {
                    i += END.len() - partial;
                    in_stream = None;
                    continue;
                }
                match end_finder.find(&chunk[i..]) {
                    Some(at) => {
                        i += at + END.len();
                        in_stream = None;
                    }
                    None => {
                        let tail = &chunk[i..];
                        let keep = (1..END.len()).rev().find(|k| tail.ends_with(&END[..*k])).unwrap_or(0);
                        in_stream = Some(keep);
                        i = n;
                    }
                }
                continue;
            }
            if name.is_none() {
                // Outside a name only `/` and ends of line matter: jump to the next one.
                match memchr::memchr3(b'/', b'\n', b'\r', &chunk[i..]) {
                    Some(0) => {}
                    Some(skip) => {
                        recent = shift_in(recent, &chunk[i..i + skip]);
                        i += skip;
                    }
                    None => {
                        recent = shift_in(recent, &chunk[i..]);
                        break;
                    }
                }
            }
            let b = chunk[i];
            i += 1;
            // `stream` then an end of line starts stream data (`endstream` does not).
            if (b == b'\n' || b == b'\r')
                && recent & 0xFFFF_FFFF_FFFF == 0x7374_7265_616d
                && (recent >> 48) as u8 != b'd'
            {
                if b == b'\r' && chunk.get(i) == Some(&b'\n') {
                    i += 1;
                }
                recent = 0;
                name = None;
                in_stream = Some(0);
                continue;
            }
            recent = (recent << 8) | u64::from(b);
            if let Some(current) = name.as_mut() {
                if let Some(hex) = escape.as_mut() {
                    if b.is_ascii_hexdigit() && hex.len() < 2 {
                        hex.push(b);
                        if hex.len() == 2 {
                            let value = u8::from_str_radix(std::str::from_utf8(hex).unwrap_or("00"), 16).unwrap_or(0);
                            current.push(value);
                            escape = None;
                        }
                        continue;
                    }
                    escape = None;
                }
                let delimiter = b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b);
                if !delimiter {
                    if b == b'#' {
                        escape = Some(Vec::with_capacity(2));
                    } else if current.len() < 32 {
                        current.push(b);
                    }
                    continue;
                }
                found.name(current);
                name = None;
            }
            if b == b'/' {
                name = Some(Vec::with_capacity(16));
            }
        }
    }
    if let Some(current) = name {
        found.name(&current);
    }
    Ok(found)
}

/// The last eight bytes seen, after `bytes`.
fn shift_in(recent: u64, bytes: &[u8]) -> u64 {
    let tail = &bytes[bytes.len().saturating_sub(8)..];
    tail.iter().fold(if tail.len() == 8 { 0 } else { recent }, |acc, b| (acc << 8) | u64::from(*b))
}

/// What an image carries besides its picture: markup or server code in its
/// first or last bytes, a zip archive ending where the file ends, data after
/// a PNG's end chunk or past a WebP's declared size.
pub fn polyglot(file: &mut File, format: &str, head: &[u8], len: u64) -> std::io::Result<Vec<String>> {
    let mut parts = Vec::new();
    let tail_start = len.saturating_sub(TAIL).max(head.len() as u64);
    let mut tail = Vec::new();
    if tail_start < len {
        file.seek(SeekFrom::Start(tail_start))?;
        file.take(len - tail_start).read_to_end(&mut tail)?;
    }
    let marker =
        SCRIPT_MARKERS.find(head).map(|m| (m, head)).or_else(|| SCRIPT_MARKERS.find(&tail).map(|m| (m, &tail[..])));
    if let Some((m, bytes)) = marker {
        parts.push(format!("`{}` markup or code", String::from_utf8_lossy(&bytes[m.range()])));
    }
    let whole_tail: &[u8] = if tail.is_empty() { head } else { &tail };
    let tail_offset = if tail.is_empty() { 0 } else { tail_start };
    if let Some(at) = zip_end(whole_tail, tail_offset, len) {
        parts.push(format!("a zip archive (its end record at byte {at})"));
    }
    let trailing = match format {
        "PNG" => png_end(file, len)?.map(|end| len - end),
        "WebP" => head
            .get(4..8)
            .map(|s| u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])) + 8)
            .filter(|declared| *declared < len)
            .map(|declared| len - declared),
        _ => None,
    };
    if let Some(extra) = trailing.filter(|n| *n > 64) {
        parts.push(format!("{} after the end of the {format} data", super::archive::size(extra)));
    }
    Ok(parts)
}

/// The offset of a zip end-of-central-directory record whose comment ends
/// exactly at the end of the file.
fn zip_end(tail: &[u8], tail_offset: u64, len: u64) -> Option<u64> {
    let finder = memchr::memmem::FinderRev::new(b"PK\x05\x06");
    let mut end = tail.len();
    while let Some(pos) = finder.rfind(&tail[..end]) {
        if let Some(comment) = tail.get(pos + 20..pos + 22) {
            let comment_len = u64::from(u16::from_le_bytes([comment[0], comment[1]]));
            let at = tail_offset + pos as u64;
            if at + 22 + comment_len == len {
                return Some(at);
            }
        }
        end = pos;
    }
    None
}

/// Where a PNG's `IEND` chunk ends, walking the chunks by their lengths.
fn png_end(file: &mut File, len: u64) -> std::io::Result<Option<u64>> {
    let mut reader = BufReader::with_capacity(8 * 1024, &mut *file);
    let mut pos = 8u64;
    reader.seek(SeekFrom::Start(pos))?;
    let mut header = [0u8; 8];
    while pos + 12 <= len {
        if reader.read_exact(&mut header).is_err() {
            return Ok(None);
        }
        let length = u64::from(u32::from_be_bytes([header[0], header[1], header[2], header[3]]));
        let end = pos + 12 + length;
        if &header[4..8] == b"IEND" {
            return Ok(Some(end.min(len)));
        }
        if end > len {
            return Ok(None);
        }
        reader.seek_relative((length + 4) as i64)?;
        pos = end;
    }
    Ok(None)
}

/// The GPS position in an image's EXIF data, if it holds one (not 0, 0).
pub fn gps_position(file: &mut File) -> Option<(f64, f64)> {
    use exif::{In, Tag, Value};
    file.seek(SeekFrom::Start(0)).ok()?;
    let mut reader = BufReader::new((&mut *file).take(64 << 20));
    let exif = exif::Reader::new().read_from_container(&mut reader).ok()?;
    let coordinate = |tag: Tag, reference: Tag, negative: &str| -> Option<f64> {
        let field = exif.get_field(tag, In::PRIMARY)?;
        let Value::Rational(parts) = &field.value else { return None };
        let value = parts
            .iter()
            .zip([1.0, 60.0, 3600.0])
            .map(|(r, div)| if r.denom == 0 { 0.0 } else { r.to_f64() / div })
            .sum::<f64>();
        let negated = exif
            .get_field(reference, In::PRIMARY)
            .is_some_and(|f| f.display_value().to_string().trim_matches('"').eq_ignore_ascii_case(negative));
        Some(if negated { -value } else { value })
    };
    let lat = coordinate(Tag::GPSLatitude, Tag::GPSLatitudeRef, "S")?;
    let lon = coordinate(Tag::GPSLongitude, Tag::GPSLongitudeRef, "W")?;
    (lat.abs() > 1e-9 || lon.abs() > 1e-9).then_some((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp(bytes: &[u8]) -> File {
        let mut f = tempfile::tempfile().expect("temp file");
        f.write_all(bytes).expect("write");
        f
    }

    #[test]
    fn pdf_names_with_escapes() {
        let mut f = temp(b"%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >> >>\nendobj\n");
        let found = pdf_actions(&mut f).unwrap();
        assert!(found.javascript && !found.launch);
        let mut f = temp(b"%PDF-1.4\n<< /Type /Action /S /Launch /F (cmd.exe) >>\n<</EmbeddedFiles 3 0 R>>");
        let found = pdf_actions(&mut f).unwrap();
        assert!(found.launch && found.embedded && !found.javascript);
        let mut f = temp(b"%PDF-1.4\n<< /Type /Page /Contents 4 0 R /JSX 1 >>\n(a /JS inside a string is still read)");
        assert!(pdf_actions(&mut f).unwrap().javascript, "names are read everywhere outside compressed streams");
        let mut f = temp(b"%PDF-1.4\n<< /Type /Page /Contents 4 0 R >>\n%%EOF\n");
        assert!(!pdf_actions(&mut f).unwrap().any());
        // Stream data is skipped, names after it are read again.
        let mut f =
            temp(b"%PDF-1.4\n4 0 obj << /Length 9 >>\nstream\r\nx/JS /JS\nendstream\nendobj\n<< /S /Launch >>\n");
        let found = pdf_actions(&mut f).unwrap();
        assert!(!found.javascript && found.launch);
    }

    #[test]
    fn svg_scripts_and_handlers() {
        let mut f = temp(b"<svg xmlns='http://www.w3.org/2000/svg'>\n<rect onload = \"alert(1)\"/></svg>");
        assert_eq!(svg_active(&mut f).unwrap(), Some(("onload=".to_owned(), 2)));
        let mut f = temp(b"<svg>\n\n<SCRIPT>alert(1)</SCRIPT></svg>");
        assert_eq!(svg_active(&mut f).unwrap(), Some(("<SCRIPT".to_owned(), 3)));
        let mut f = temp(b"<svg><a href=\"javascript:alert(1)\"><text>x</text></a></svg>");
        assert!(svg_active(&mut f).unwrap().is_some());
        let mut f = temp(b"<svg><text>the onion = tasty; a description of scripts</text><rect width='1'/></svg>");
        assert_eq!(svg_active(&mut f).unwrap(), None);
    }

    #[test]
    fn zip_end_record_at_the_end() {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
        bytes.extend_from_slice(&[0u8; 100]);
        let at = bytes.len() as u64;
        bytes.extend_from_slice(b"PK\x05\x06");
        bytes.extend_from_slice(&[0u8; 16]);
        bytes.extend_from_slice(&3u16.to_le_bytes());
        bytes.extend_from_slice(b"abc");
        assert_eq!(zip_end(&bytes, 0, bytes.len() as u64), Some(at));
        bytes.push(0);
        assert_eq!(zip_end(&bytes, 0, bytes.len() as u64), None);
    }
}
