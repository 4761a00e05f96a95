//! Python source handling: decoding, parsing, name resolution, suppressions.

pub mod names;
pub mod source;
pub mod suppress;

use ruff_python_ast::ModModule;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{ParseError, Parsed};
use ruff_text_size::Ranged;

use source::LineIndex;
use suppress::Suppressions;

/// A decoded, parsed Python file.
pub struct PyFile {
    pub text: String,
    pub lines: LineIndex,
    pub parsed: Parsed<ModModule>,
    pub suppressions: Suppressions,
}

/// Parses decoded source. A syntax error comes back with its 1-based line and
/// column and the parser's message.
pub fn parse(text: String) -> Result<PyFile, (usize, usize, String)> {
    let lines = LineIndex::new(&text);
    let parsed = match ruff_python_parser::parse_module(&text) {
        Ok(parsed) => parsed,
        Err(ParseError { error, location }) => {
            let (line, col) = lines.line_col(&text, location.start().to_usize());
            return Err((line, col, error.to_string()));
        }
    };
    let mut suppressions = Suppressions::default();
    for token in parsed.tokens().iter() {
        if token.kind() == TokenKind::Comment {
            let range = token.range();
            let comment = &text[range.start().to_usize()..range.end().to_usize()];
            suppressions.add_comment(lines.line(range.start().to_usize()), comment);
        }
    }
    Ok(PyFile { text, lines, parsed, suppressions })
}
