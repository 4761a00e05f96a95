//! What a stored file really is: its content type from the first bytes (the
//! `infer` crate's magic numbers, plus pyward's own sniffing of the text
//! formats that matter in an upload store: HTML, SVG, XML, PHP, JSP/ASP and
//! scripts), and what its extension promises.

use memchr::memmem;

/// The kind of content of a file, from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A raster image; the name is the format (`JPEG`, `PNG`, ...).
    Image(&'static str),
    Svg,
    Html,
    Xml,
    Php,
    /// JSP or ASP: `<%` server pages.
    ServerPage,
    /// A script with a `#!` line; the name is the interpreter.
    Script,
    /// A native executable: `ELF`, `PE`, `Mach-O`.
    Exec(&'static str),
    Zip,
    /// Word, Excel or PowerPoint in the OOXML (zip) format.
    Ooxml,
    /// OpenDocument (zip).
    Odf,
    Tar,
    Gzip,
    /// Another archive or compressed format (`7z`, `RAR`, `bzip2`, ...).
    Archive(&'static str),
    Pdf,
    /// An OLE compound file: legacy Word, Excel, PowerPoint, MSI.
    Ole,
    /// Audio or video.
    Media,
    Font,
    Text,
    /// Anything else.
    Data,
}

impl Kind {
    /// What the file is, as a finding says it.
    pub fn describe(self) -> String {
        match self {
            Kind::Image(f) => format!("a {f} image"),
            Kind::Svg => "an SVG image (XML that browsers run scripts in)".to_owned(),
            Kind::Html => "HTML".to_owned(),
            Kind::Xml => "XML".to_owned(),
            Kind::Php => "PHP source".to_owned(),
            Kind::ServerPage => "a JSP/ASP server page".to_owned(),
            Kind::Script => "a script (`#!` line)".to_owned(),
            Kind::Exec(f) => format!("an {f} executable"),
            Kind::Zip => "a zip archive".to_owned(),
            Kind::Ooxml => "an Office (OOXML) document".to_owned(),
            Kind::Odf => "an OpenDocument file".to_owned(),
            Kind::Tar => "a tar archive".to_owned(),
            Kind::Gzip => "gzip-compressed data".to_owned(),
            Kind::Archive(f) => format!("a {f} archive"),
            Kind::Pdf => "a PDF document".to_owned(),
            Kind::Ole => "an OLE compound file (legacy Office document or installer)".to_owned(),
            Kind::Media => "audio or video".to_owned(),
            Kind::Font => "a font".to_owned(),
            Kind::Text => "plain text".to_owned(),
            Kind::Data => "unrecognised binary data".to_owned(),
        }
    }

    /// Content a browser or a server runs when it is served or stored as is.
    pub fn is_active(self) -> bool {
        matches!(self, Kind::Html | Kind::Svg | Kind::Php | Kind::ServerPage | Kind::Script | Kind::Exec(_))
    }

    /// Containers and documents: harmless in themselves under their own name.
    fn is_container(self) -> bool {
        matches!(
            self,
            Kind::Zip | Kind::Ooxml | Kind::Odf | Kind::Tar | Kind::Gzip | Kind::Archive(_) | Kind::Pdf | Kind::Ole
        )
    }
}

/// What an extension promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Image,
    Svg,
    Pdf,
    Archive,
    Office,
    Media,
    Text,
    Font,
    /// A name the browser or the server runs (`.html`, `.php`, `.exe`, ...).
    Active,
}

impl Class {
    pub fn describe(self) -> &'static str {
        match self {
            Class::Image => "an image",
            Class::Svg => "an SVG image",
            Class::Pdf => "a PDF document",
            Class::Archive => "an archive",
            Class::Office => "an Office document",
            Class::Media => "audio or video",
            Class::Text => "a text file",
            Class::Font => "a font",
            Class::Active => "active content",
        }
    }
}

/// Extensions that web servers map to a handler that runs the file (PHP,
/// server-side includes, ASP, JSP, CGI): a name holding one before its last
/// extension is UP109. Only these: `.com`, `.pl` or `.py` inside a name are
/// more often a domain or a version than a handler.
pub const HANDLER_EXTENSIONS: &[&str] = &[
    "php", "php3", "php4", "php5", "php7", "php8", "pht", "phtml", "phar", "phps", "shtml", "asp", "aspx", "asa",
    "asax", "ascx", "ashx", "asmx", "jsp", "jspx", "cgi",
];

/// Extensions of files a server or a desktop runs as code: a file named
/// with one is UP102.
pub const SERVER_EXTENSIONS: &[&str] = &[
    "php", "php3", "php4", "php5", "php7", "php8", "pht", "phtml", "phar", "phps", "shtml", "asp", "aspx", "asa",
    "asax", "ascx", "ashx", "asmx", "cer", "jsp", "jspx", "cgi", "pl", "py", "rb", "sh", "exe", "dll", "bat", "cmd",
    "com", "ps1", "vbs", "hta",
];

/// The class of a (lower-case) extension, if pyward knows it.
pub fn class_of(ext: &str) -> Option<Class> {
    Some(match ext {
        "jpg" | "jpeg" | "jpe" | "jfif" | "png" | "gif" | "webp" | "bmp" | "ico" | "tif" | "tiff" | "heic" | "heif"
        | "avif" => Class::Image,
        "svg" | "svgz" => Class::Svg,
        "pdf" => Class::Pdf,
        "zip" | "tar" | "gz" | "tgz" | "bz2" | "xz" | "7z" | "rar" | "zst" => Class::Archive,
        "doc" | "docx" | "docm" | "dot" | "dotx" | "dotm" | "xls" | "xlsx" | "xlsm" | "xlt" | "xltm" | "ppt"
        | "pptx" | "pptm" | "pps" | "ppsm" | "odt" | "ods" | "odp" | "rtf" | "epub" => Class::Office,
        "mp3" | "mp4" | "m4a" | "m4v" | "mov" | "avi" | "webm" | "wav" | "ogg" | "oga" | "ogv" | "flac" | "mkv"
        | "aac" | "opus" | "3gp" => Class::Media,
        "txt" | "csv" | "tsv" | "json" | "md" | "log" | "xml" | "yaml" | "yml" | "ini" | "vtt" | "srt" => Class::Text,
        "woff" | "woff2" | "ttf" | "otf" | "eot" => Class::Font,
        "html" | "htm" | "xhtml" | "xht" | "mht" | "mhtml" | "js" | "mjs" | "jar" | "war" | "swf" | "so" | "dylib"
        | "msi" | "bash" => Class::Active,
        e if SERVER_EXTENSIONS.contains(&e) => Class::Active,
        _ => return None,
    })
}

/// Whether the content contradicts the extension, and how badly: HIGH when
/// the content is active, MEDIUM for another kind of container. An image
/// under another image extension, or text under a text one, is no finding.
pub fn mismatch(class: Class, kind: Kind) -> Option<crate::finding::Level> {
    use crate::finding::Level::{High, Medium};
    match class {
        Class::Active => None,
        Class::Text => matches!(kind, Kind::Html | Kind::Svg | Kind::Exec(_)).then_some(High),
        Class::Svg => match kind {
            // `.svgz` is gzip-compressed SVG.
            Kind::Svg | Kind::Xml | Kind::Text | Kind::Gzip => None,
            k if k.is_active() => Some(High),
            k if k.is_container() => Some(Medium),
            _ => None,
        },
        _ => {
            if kind.is_active() {
                return Some(High);
            }
            let same = match class {
                Class::Archive => matches!(kind, Kind::Zip | Kind::Tar | Kind::Gzip | Kind::Archive(_)),
                Class::Office => matches!(kind, Kind::Zip | Kind::Ooxml | Kind::Odf | Kind::Ole),
                Class::Pdf => kind == Kind::Pdf,
                _ => false,
            };
            (kind.is_container() && !same).then_some(Medium)
        }
    }
}

/// The kind of a file from its first bytes (up to 16 KiB).
pub fn detect(head: &[u8]) -> Kind {
    if let Some(t) = infer::get(head) {
        use infer::MatcherType as M;
        let mime = t.mime_type();
        let kind = match t.matcher_type() {
            M::Image => Some(image_kind(mime)),
            M::Audio | M::Video => Some(Kind::Media),
            M::Font => Some(Kind::Font),
            M::Archive | M::Doc | M::Book | M::App => binary_kind(mime),
            // Text formats are sniffed below, more carefully.
            M::Text | M::Custom => None,
        };
        if let Some(kind) = kind {
            return kind;
        }
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Ole;
    }
    text_kind(head)
}

fn image_kind(mime: &str) -> Kind {
    Kind::Image(match mime {
        "image/jpeg" => "JPEG",
        "image/png" | "image/apng" => "PNG",
        "image/gif" => "GIF",
        "image/webp" => "WebP",
        "image/bmp" => "BMP",
        "image/tiff" => "TIFF",
        "image/heif" | "image/heic" => "HEIF",
        "image/avif" => "AVIF",
        "image/vnd.microsoft.icon" | "image/x-icon" => "ICO",
        _ => "raster",
    })
}

fn binary_kind(mime: &str) -> Option<Kind> {
    Some(match mime {
        "application/zip" | "application/java-archive" | "application/epub+zip" => Kind::Zip,
        m if m.starts_with("application/vnd.openxmlformats") => Kind::Ooxml,
        m if m.starts_with("application/vnd.oasis.opendocument") => Kind::Odf,
        "application/x-tar" => Kind::Tar,
        "application/gzip" => Kind::Gzip,
        "application/x-bzip2" => Kind::Archive("bzip2"),
        "application/x-7z-compressed" => Kind::Archive("7z"),
        "application/vnd.rar" | "application/x-rar-compressed" => Kind::Archive("RAR"),
        "application/x-xz" => Kind::Archive("xz"),
        "application/zstd" => Kind::Archive("zstd"),
        "application/pdf" => Kind::Pdf,
        "application/msword"
        | "application/vnd.ms-excel"
        | "application/vnd.ms-powerpoint"
        | "application/x-ole-storage" => Kind::Ole,
        "application/x-executable" | "application/x-sharedlib" | "application/x-elf" => Kind::Exec("ELF"),
        "application/vnd.microsoft.portable-executable" | "application/x-msdownload" => Kind::Exec("PE (Windows)"),
        "application/x-mach-binary" => Kind::Exec("Mach-O"),
        _ => Kind::Data,
    })
}

/// Tags whose appearance first in a document makes browsers sniff HTML
/// (the WHATWG MIME Sniffing Standard's "scriptable MIME type" patterns).
const HTML_STARTS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<script",
    b"<iframe",
    b"<h1",
    b"<div",
    b"<font",
    b"<table",
    b"<a",
    b"<style",
    b"<title",
    b"<b",
    b"<body",
    b"<br",
    b"<p",
];

/// How much of a text file's start is sniffed.
const HEAD_TEXT: usize = 8192;

/// Sniffs text formats; `Data` when the bytes are not text.
fn text_kind(head: &[u8]) -> Kind {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut lower: Vec<u8> = body.iter().take(HEAD_TEXT).map(u8::to_ascii_lowercase).collect();
    // Leading whitespace and comments (a licence header before `<svg`) say
    // nothing of the kind: the first tag after them does.
    loop {
        let start = lower.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(lower.len());
        lower.drain(..start);
        if !lower.starts_with(b"<!--") {
            break;
        }
        match memmem::find(&lower, b"-->") {
            Some(end) => {
                lower.drain(..end + 3);
            }
            // A comment that does not end in the window: text.
            None => return if is_text(body) { Kind::Text } else { Kind::Data },
        }
    }
    if memmem::find(&lower, b"<?php").is_some() {
        return Kind::Php;
    }
    if lower.starts_with(b"<%") {
        return Kind::ServerPage;
    }
    if lower.starts_with(b"#!") {
        return Kind::Script;
    }
    if lower.starts_with(b"<?xml") || lower.starts_with(b"<!doctype svg") || lower.starts_with(b"<svg") {
        if memmem::find(&lower, b"<svg").is_some() {
            return Kind::Svg;
        }
        if memmem::find(&lower, b"<html").is_some() {
            return Kind::Html;
        }
        return Kind::Xml;
    }
    let html =
        HTML_STARTS.iter().any(|tag| lower.starts_with(tag) && matches!(lower.get(tag.len()), Some(b' ' | b'>')));
    if html {
        return Kind::Html;
    }
    if is_text(body) { Kind::Text } else { Kind::Data }
}

/// No NUL bytes and valid UTF-8 (a cut at the end of the buffer allowed).
fn is_text(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return false;
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// The lower-case extension of a file name (`None` for `.htaccess` or `README`).
pub fn extension(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// UP109: the server-side or executable extension hidden before the last one
/// (`notes.php.jpg`, `shell.asp;.jpg`, `x.php.`), if any.
pub fn double_extension(name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split('.').collect();
    if parts.len() < 2 {
        return None;
    }
    let last = parts.len() - 1;
    parts.iter().enumerate().skip(1).find_map(|(i, part)| {
        // IIS reads `shell.asp;.jpg` as `shell.asp`; Windows drops trailing dots and spaces.
        let (before, cut) = match part.split_once(';') {
            Some((b, _)) => (b, true),
            None => (*part, false),
        };
        let ext = before.trim_end().to_ascii_lowercase();
        let hidden = i < last || cut;
        (hidden && HANDLER_EXTENSIONS.contains(&ext.as_str())).then_some(ext)
    })
}

/// Names a web server treats as its own configuration or code whatever
/// their extension.
pub fn active_name(name: &str) -> Option<&'static str> {
    match name.to_ascii_lowercase().as_str() {
        ".htaccess" => Some("an Apache .htaccess file (it can make the server run any upload as code)"),
        ".user.ini" => Some("a PHP .user.ini file (it can make PHP prepend any upload as code)"),
        "web.config" => Some("an IIS web.config file (it can make the server run uploads as code)"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_formats() {
        assert_eq!(detect(b"  <!DOCTYPE html><p>x"), Kind::Html);
        assert_eq!(detect(b"<html>"), Kind::Html);
        assert_eq!(detect(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), Kind::Svg);
        assert_eq!(detect(b"<?xml version=\"1.0\"?><root/>"), Kind::Xml);
        assert_eq!(detect(b"GIF89a<?php system($_GET['c']); ?>"), Kind::Image("GIF"));
        assert_eq!(detect(b"hello <?php echo 1; ?>"), Kind::Php);
        assert_eq!(detect(b"<%@ page import=\"java.io.*\" %>"), Kind::ServerPage);
        assert_eq!(detect(b"#!/bin/sh\necho hi\n"), Kind::Script);
        assert_eq!(detect(b"name,price\nx,1\n"), Kind::Text);
        assert_eq!(detect(b"<abbr>not sniffed as HTML</abbr>"), Kind::Text);
        assert_eq!(detect(b"\x00\x01\x02\x03binary"), Kind::Data);
        assert_eq!(detect(b""), Kind::Text);
        // Comments before the first tag are skipped.
        assert_eq!(detect(b"<!-- Font Awesome, CC BY 4.0 -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), Kind::Svg);
        assert_eq!(detect(b"<!-- notes -->\n\n* [About](about.md)\n"), Kind::Text);
        assert_eq!(detect(b"<!-- generated -->\n<schemalist><enum/></schemalist>"), Kind::Text);
        assert_eq!(detect(b"<!-- a page --><html><body>x</body></html>"), Kind::Html);
    }

    #[test]
    fn binary_formats() {
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Kind::Image("PNG"));
        assert_eq!(detect(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"), Kind::Image("JPEG"));
        assert_eq!(detect(b"%PDF-1.7\n"), Kind::Pdf);
        let mut elf = b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0".to_vec();
        elf.resize(64, 0);
        assert_eq!(detect(&elf), Kind::Exec("ELF"));
        assert_eq!(detect(b"\x1f\x8b\x08\0\0\0\0\0"), Kind::Gzip);
        assert_eq!(detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), Kind::Ole);
    }

    #[test]
    fn mismatches() {
        use crate::finding::Level::{High, Medium};
        assert_eq!(mismatch(Class::Image, Kind::Html), Some(High));
        assert_eq!(mismatch(Class::Image, Kind::Image("PNG")), None);
        assert_eq!(mismatch(Class::Image, Kind::Zip), Some(Medium));
        assert_eq!(mismatch(Class::Office, Kind::Zip), None);
        assert_eq!(mismatch(Class::Archive, Kind::Tar), None);
        assert_eq!(mismatch(Class::Text, Kind::Php), None);
        assert_eq!(mismatch(Class::Text, Kind::Html), Some(High));
        assert_eq!(mismatch(Class::Pdf, Kind::Image("JPEG")), None);
    }

    #[test]
    fn names() {
        assert_eq!(extension("a.JPG").as_deref(), Some("jpg"));
        assert_eq!(extension(".htaccess"), None);
        assert_eq!(extension("README"), None);
        assert_eq!(double_extension("notes.php.jpg").as_deref(), Some("php"));
        assert_eq!(double_extension("shell.asp;.jpg").as_deref(), Some("asp"));
        assert_eq!(double_extension("shell.asp;jpg").as_deref(), Some("asp"));
        assert_eq!(double_extension("x.php.").as_deref(), Some("php"));
        assert_eq!(double_extension("report.final.pdf"), None);
        assert_eq!(double_extension("archive.tar.gz"), None);
        assert_eq!(double_extension("script.php"), None);
        assert_eq!(double_extension("photo.2024.05.jpg"), None);
        assert_eq!(double_extension("shop.example.com.png"), None);
        assert_eq!(double_extension("allegro.pl.jpg"), None);
    }
}
