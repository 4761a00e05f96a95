//! PY023 regex-catastrophic-backtracking: patterns that make Python's
//! backtracking `re` engine take exponential time on a crafted input.
//!
//! The pattern is parsed with `regex-syntax` (its AST keeps the structure as
//! written); sub-patterns are translated to HIR to ask whether they can match
//! the empty string and which characters they can start with.

use regex_syntax::ast::{self, Ast, RepetitionKind, RepetitionRange};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, translate::Translator};
use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use crate::analyzers::code::{CallCtx, Checker};
use crate::finding::Level::Medium;

const FUNCTIONS: &[&str] = &["compile", "match", "search", "fullmatch", "findall", "finditer", "split", "sub", "subn"];

/// Longer patterns are not analysed (they are data, not hand-written regexes).
const MAX_PATTERN: usize = 4096;

pub(super) fn call(c: &mut Checker, ctx: &CallCtx) {
    if !c.on_py(23) {
        return;
    }
    let Some((module, function)) = ctx.qual.split_once('.') else { return };
    if !matches!(module, "re" | "regex") || !FUNCTIONS.contains(&function) {
        return;
    }
    let Some(Expr::StringLiteral(pattern)) = ctx.args().first() else { return };
    let pattern = pattern.value.to_str();
    if let Some(problem) = analyse(pattern) {
        let r = ctx.call.range();
        c.report(
            "PY023",
            Medium,
            Medium,
            format!("Regular expression with {problem}: a crafted input makes matching take exponential time."),
            r,
            r,
        );
    }
}

/// What makes `pattern` backtrack catastrophically, if anything.
pub(crate) fn analyse(pattern: &str) -> Option<&'static str> {
    if pattern.len() > MAX_PATTERN {
        return None;
    }
    let ast = ast::parse::Parser::new().parse(pattern).ok()?;
    let mut stack = vec![&ast];
    while let Some(node) = stack.pop() {
        match node {
            // Python 3.11's possessive `a*+` parses as a repetition of a
            // repetition: it never backtracks.
            Ast::Repetition(rep) if matches!(rep.ast.as_ref(), Ast::Repetition(_)) => {}
            Ast::Repetition(rep) => {
                if unbounded(&rep.op.kind) {
                    let sub = strip_groups(&rep.ast);
                    if covered_by_unbounded(pattern, sub) {
                        return Some("a nested quantifier (such as `(a+)+`)");
                    }
                    if let Ast::Alternation(alt) = sub
                        && overlapping(pattern, &alt.asts)
                    {
                        return Some("a repeated alternation whose branches overlap (such as `(a|aa)*`)");
                    }
                }
                stack.push(&rep.ast);
            }
            Ast::Group(g) => stack.push(&g.ast),
            Ast::Alternation(a) => stack.extend(a.asts.iter()),
            Ast::Concat(c) => stack.extend(c.asts.iter()),
            _ => {}
        }
    }
    None
}

fn unbounded(kind: &RepetitionKind) -> bool {
    matches!(
        kind,
        RepetitionKind::ZeroOrMore | RepetitionKind::OneOrMore | RepetitionKind::Range(RepetitionRange::AtLeast(_))
    )
}

fn strip_groups(mut ast: &Ast) -> &Ast {
    while let Ast::Group(g) = ast {
        ast = &g.ast;
    }
    ast
}

fn hir(pattern: &str, ast: &Ast) -> Option<Hir> {
    Translator::new().translate(pattern, ast).ok()
}

fn nullable(pattern: &str, ast: &Ast) -> bool {
    hir(pattern, ast).is_some_and(|h| h.properties().minimum_len() == Some(0))
}

/// Whether `ast` can be matched by one of its own unbounded repetitions alone
/// (everything around that repetition being able to match nothing).
fn covered_by_unbounded(pattern: &str, ast: &Ast) -> bool {
    match strip_groups(ast) {
        // A possessive `a*+` (a repetition of a repetition) never backtracks.
        Ast::Repetition(rep) if matches!(rep.ast.as_ref(), Ast::Repetition(_)) => false,
        Ast::Repetition(rep) => {
            unbounded(&rep.op.kind)
                && !matches!(hir(pattern, &rep.ast).map(|h| h.properties().maximum_len()), Some(Some(0)))
        }
        Ast::Concat(concat) => concat.asts.iter().enumerate().any(|(i, item)| {
            covered_by_unbounded(pattern, item)
                && concat.asts.iter().enumerate().all(|(j, other)| j == i || nullable(pattern, other))
        }),
        Ast::Alternation(alt) => alt.asts.iter().any(|a| covered_by_unbounded(pattern, a)),
        _ => false,
    }
}

/// Whether two branches of an alternation can match the same text start:
/// their fixed leading characters agree position by position (`a|aa`,
/// `\w|\d`), where `\\x..|\\u....` differ at the second character.
fn overlapping(pattern: &str, branches: &[Ast]) -> bool {
    let prefixes: Vec<Vec<ClassUnicode>> =
        branches.iter().filter_map(|b| hir(pattern, b)).map(|h| prefix_classes(&h)).collect();
    if prefixes.len() != branches.len() {
        return false;
    }
    let meet = |a: &ClassUnicode, b: &ClassUnicode| {
        let mut both = a.clone();
        both.intersect(b);
        !both.ranges().is_empty()
    };
    for i in 0..prefixes.len() {
        for j in i + 1..prefixes.len() {
            let (a, b) = (&prefixes[i], &prefixes[j]);
            if !a.is_empty() && !b.is_empty() && a.iter().zip(b).all(|(x, y)| meet(x, y)) {
                return true;
            }
        }
    }
    false
}

/// The classes of the first characters a branch must match, position by
/// position, up to the first part whose length varies (which contributes its
/// first characters and ends the prefix).
fn prefix_classes(hir: &Hir) -> Vec<ClassUnicode> {
    const MAX: usize = 8;
    let mut out = Vec::new();
    let mut items: Vec<&Hir> = vec![hir];
    while let Some(item) = items.pop() {
        if out.len() >= MAX {
            break;
        }
        match item.kind() {
            HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
                Ok(text) => out.extend(text.chars().map(|ch| ClassUnicode::new([ClassUnicodeRange::new(ch, ch)]))),
                Err(_) => break,
            },
            HirKind::Class(Class::Unicode(cls)) => out.push(cls.clone()),
            HirKind::Capture(cap) => items.push(&cap.sub),
            HirKind::Concat(parts) => items.extend(parts.iter().rev()),
            _ => {
                let first = first_chars(item);
                if item.properties().minimum_len() != Some(0) && !first.ranges().is_empty() {
                    out.push(first);
                }
                break;
            }
        }
    }
    out
}

/// The characters a match of `hir` can start with.
fn first_chars(hir: &Hir) -> ClassUnicode {
    match hir.kind() {
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0).ok().and_then(|s| s.chars().next()) {
            Some(ch) => ClassUnicode::new([ClassUnicodeRange::new(ch, ch)]),
            None => ClassUnicode::empty(),
        },
        HirKind::Class(Class::Unicode(cls)) => cls.clone(),
        HirKind::Class(Class::Bytes(_)) | HirKind::Empty | HirKind::Look(_) => ClassUnicode::empty(),
        HirKind::Repetition(rep) => first_chars(&rep.sub),
        HirKind::Capture(cap) => first_chars(&cap.sub),
        HirKind::Concat(items) => {
            let mut set = ClassUnicode::empty();
            for item in items {
                set.union(&first_chars(item));
                if item.properties().minimum_len() != Some(0) {
                    break;
                }
            }
            set
        }
        HirKind::Alternation(alts) => {
            let mut set = ClassUnicode::empty();
            for alt in alts {
                set.union(&first_chars(alt));
            }
            set
        }
    }
}

#[cfg(test)]
mod tests {
    use super::analyse;

    #[test]
    fn flags_exponential_shapes_and_leaves_linear_ones() {
        for bad in [r"(a+)+$", r"(\w+\s?)*$", r"(?:x*)*y", r"(a|aa)*b", r"(\w|\d)+$", r"^(\d+|\w+)*$", r"((ab)*)+c"] {
            assert!(analyse(bad).is_some(), "{bad} should be flagged");
        }
        for good in [
            r"^\d+(\.\d+)*$",
            r"(a|b)*",
            r"(\s|,)+",
            r"(\w+\s)*",
            r"^[a-z]+$",
            r"(?:\s*,\s*\w+)*",
            r"(a*+)*b",
            r"(.|\n)*",
            r"a{1,5}b+",
            r"((\\[\\abfnrtv'\x22]|\\[0-9]..|\\x..|\\u....)+)",
        ] {
            assert!(analyse(good).is_none(), "{good} should not be flagged");
        }
    }
}
