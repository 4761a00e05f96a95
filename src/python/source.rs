//! Reading Python source: PEP 263 decoding and a line index.

use thiserror::Error;

/// Why a file's bytes could not be turned into source text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("the file contains NUL bytes: it looks binary, not Python source")]
    Binary,
    #[error("unknown encoding `{0}` declared on line {1}")]
    UnknownEncoding(String, usize),
    #[error("line {line} is not valid {encoding}")]
    Invalid { encoding: String, line: usize },
    #[error("the file starts with a UTF-8 byte-order mark but declares `{0}`")]
    BomMismatch(String),
}

/// Decodes Python source bytes the way the interpreter does (PEP 263): a UTF-8
/// BOM, else a `coding[:=]` comment on line 1 or 2, else UTF-8. UTF-8 input
/// (the usual case) becomes the `String` without a copy.
pub fn decode(mut bytes: Vec<u8>) -> Result<String, DecodeError> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err(DecodeError::Binary);
    }
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if has_bom { &bytes[3..] } else { &bytes[..] };
    match declared_encoding(body) {
        Some((name, line)) if !is_utf8_name(&name) => {
            if has_bom {
                return Err(DecodeError::BomMismatch(name));
            }
            decode_as(body, &name, line)
        }
        _ => {
            if has_bom {
                bytes.drain(..3);
            }
            utf8(bytes)
        }
    }
}

fn utf8(body: Vec<u8>) -> Result<String, DecodeError> {
    String::from_utf8(body).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let body = err.into_bytes();
        DecodeError::Invalid { encoding: "UTF-8".into(), line: 1 + memchr::memchr_iter(b'\n', &body[..valid]).count() }
    })
}

fn normalise(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace('_', "-")
}

fn is_utf8_name(name: &str) -> bool {
    let n = normalise(name);
    n == "utf-8" || n == "utf8" || n.starts_with("utf-8-")
}

fn decode_as(body: &[u8], name: &str, line: usize) -> Result<String, DecodeError> {
    let n = normalise(name);
    // Python's latin-1 maps every byte to the code point of the same value;
    // WHATWG's label "latin1" means windows-1252, so it is done by hand.
    if matches!(n.as_str(), "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "iso-latin-1" | "8859" | "cp819")
    {
        return Ok(body.iter().map(|&b| char::from(b)).collect());
    }
    if matches!(n.as_str(), "ascii" | "us-ascii" | "646") {
        return match body.iter().position(|b| !b.is_ascii()) {
            None => Ok(String::from_utf8_lossy(body).into_owned()),
            Some(pos) => Err(DecodeError::Invalid {
                encoding: "ascii".into(),
                line: 1 + body[..pos].iter().filter(|&&b| b == b'\n').count(),
            }),
        };
    }
    let Some(encoding) = encoding_rs::Encoding::for_label(n.as_bytes()) else {
        return Err(DecodeError::UnknownEncoding(name.to_owned(), line));
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let line = text.find('\u{FFFD}').map(|pos| 1 + text[..pos].matches('\n').count()).unwrap_or(1);
        return Err(DecodeError::Invalid { encoding: name.to_owned(), line });
    }
    Ok(text.into_owned())
}

/// The encoding named by a PEP 263 comment on line 1 or 2, with its line.
fn declared_encoding(body: &[u8]) -> Option<(String, usize)> {
    let mut lines = body.split(|&b| b == b'\n');
    for lineno in 1..=2 {
        let line = lines.next()?;
        let line = String::from_utf8_lossy(line);
        let trimmed = line.trim_start_matches([' ', '\t', '\x0c']);
        if !trimmed.starts_with('#') {
            // Line 2 is only consulted when line 1 is a comment or blank.
            if trimmed.trim().is_empty() && lineno == 1 {
                continue;
            }
            return None;
        }
        if let Some(name) = coding_in_comment(trimmed) {
            return Some((name, lineno));
        }
    }
    None
}

/// PEP 263's `coding[:=]\s*([-\w.]+)` inside a comment.
fn coding_in_comment(comment: &str) -> Option<String> {
    let mut search = comment;
    while let Some(pos) = search.find("coding") {
        let rest = &search[pos + "coding".len()..];
        if let Some(rest) = rest.strip_prefix([':', '=']) {
            let rest = rest.trim_start_matches([' ', '\t']);
            let name: String =
                rest.chars().take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
            if !name.is_empty() {
                return Some(name);
            }
        }
        search = rest;
    }
    None
}

/// Line starts of a text, for turning byte offsets into line/column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[(line.max(1) - 1).min(self.starts.len() - 1)]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The text of a 1-based line without its line ending.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        if line == 0 || line > self.starts.len() {
            return "";
        }
        let start = self.starts[line - 1];
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        text.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r'])
    }

    /// 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.line_start(line);
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pep263_latin1_and_utf8_default() {
        let src = b"# -*- coding: latin-1 -*-\nx = '\xe9'\n";
        assert_eq!(decode(src.to_vec()).unwrap(), "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n");
        let src = b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\ns='\xa4'\n";
        assert!(decode(src.to_vec()).unwrap().contains('\u{20ac}'));
        assert!(matches!(decode(b"x = '\xff'\n".to_vec()), Err(DecodeError::Invalid { line: 1, .. })));
        assert_eq!(decode(b"\xEF\xBB\xBFx = 1\n".to_vec()).unwrap(), "x = 1\n");
    }

    #[test]
    fn cookie_only_on_first_two_lines_and_unknown_names() {
        let src = b"x = 1\ny = 2\n# coding: latin-1\nz = '\xe9'\n";
        assert!(decode(src.to_vec()).is_err());
        assert_eq!(decode(b"# coding: klingon\n".to_vec()), Err(DecodeError::UnknownEncoding("klingon".into(), 1)));
        assert_eq!(decode(b"x = 1\0".to_vec()), Err(DecodeError::Binary));
    }

    #[test]
    fn line_index_handles_crlf_and_columns() {
        let text = "ab\r\ncd\néx\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 5), (2, 2));
        assert_eq!(idx.line_col(text, text.find('x').unwrap()), (3, 2));
        assert_eq!(idx.line_text(text, 1), "ab");
    }
}
