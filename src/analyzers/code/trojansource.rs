//! B613: bidirectional control characters in a source file (CVE-2021-42574).

use ruff_text_size::{TextRange, TextSize};

use super::Checker;
use crate::finding::Level::{High, Medium};

const BIDI: &[char] = &[
    '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{200f}',
];

/// Reports the first line holding a bidi control (and, on it, the first kind in
/// Bandit's order), as Bandit does: one finding per file.
pub(super) fn file(c: &mut Checker) {
    let text = &c.file.text;
    // Every bidi control is encoded as E2 80 xx or E2 81 xx: a byte scan
    // rules most files out without decoding characters.
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(0xE2, bytes).any(|i| matches!(bytes.get(i + 1), Some(0x80 | 0x81))) || !text.contains(BIDI)
    {
        return;
    }
    let mut offset = 0usize;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if let Some(&ch) = BIDI.iter().find(|ch| line.contains(**ch)) {
            let col = line.find(ch).unwrap_or(0);
            let start = TextSize::try_from(offset + col).unwrap_or_default();
            let range = TextRange::at(start, TextSize::of(ch));
            c.report_at_line(
                "B613",
                High,
                Medium,
                format!("A Python source file contains bidirectional control characters ('\\u{:04x}').", u32::from(ch)),
                range,
                i + 1,
                (i + 1, i + 1),
            );
            return;
        }
        offset += line.len();
    }
}
