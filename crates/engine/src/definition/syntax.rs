//! `toml_parser`'s syntax errors as diagnostics: its own words ("unclosed table, expected `]`"),
//! except for the mistakes authors make most, which get the plain words of the rest of the
//! checker; and of the errors on one line, the first.

use toml_parser::{Expected, ParseError};

use super::tree::error;
use crate::diagnostic::{Diagnostic, Span};

/// The first of the diagnostics (in the order of the text) on each line: the parser goes on
/// after a mistake, and what it then finds on the same line is mostly that mistake again.
pub fn first_of_each_line(diagnostics: Vec<Diagnostic>, source: &str) -> Vec<Diagnostic> {
    let mut kept: Vec<Diagnostic> = Vec::new();
    for d in diagnostics {
        let same_line = kept.last().is_some_and(|last| {
            let between = source
                .get(last.span.start..d.span.start)
                .unwrap_or_default();
            !between.contains('\n')
        });
        if !same_line {
            kept.push(d);
        }
    }
    kept
}

/// A syntax error in the words of the rest of the checker where authors meet it most, else in
/// the parser's own.
pub fn diagnostic(e: &ParseError, source: &str) -> Diagnostic {
    let at = |span: Option<toml_parser::Span>| span.map(|s| Span::new(s.start(), s.end()));
    let unexpected = at(e.unexpected()).or(at(e.context())).unwrap_or_default();
    let text = |span: Span| source.get(span.start..span.end).unwrap_or_default();
    // For a string's errors, the string as written, from its opening quote.
    let string = at(e.context()).unwrap_or(unexpected);
    match (e.description(), e.expected()) {
        (description, Some([Expected::Literal(quote)]))
            if description.ends_with(" string")
                && text(string).starts_with(quote)
                && unexpected.start == string.end =>
        {
            let multi_line = description.starts_with("invalid multi-line");
            error(string, unclosed(multi_line, quote).to_string())
        }
        ("string values must be quoted", _) if unexpected.start < unexpected.end => {
            let word = text(unexpected);
            error(
                unexpected,
                format!(
                    "`{word}` is not a value: write text in quotes, like \"{word}\", a number, or \
                     true or false"
                ),
            )
        }
        ("string values must be quoted", _) => error(unexpected, "expected a value".to_string()),
        _ => error(unexpected, library_words(e)),
    }
}

/// What to say of a string without its closing quote, which the parser reports at the string's
/// end. Literals, not `format!`: each formatted message costs the wasm build.
fn unclosed(multi_line: bool, quote: &str) -> &'static str {
    match (multi_line, quote) {
        (false, "'") => {
            "this string is not closed: end it with `'` on the same line, or write text over \
             several lines between `'''`"
        }
        (false, _) => {
            "this string is not closed: end it with `\"` on the same line, or write text over \
             several lines between `\"\"\"`"
        }
        (true, "'") => "this string is not closed: end it with `'''`",
        (true, _) => "this string is not closed: end it with `\"\"\"`",
    }
}

/// The error as the `toml` crate words it: "missing value, expected `=`".
fn library_words(e: &ParseError) -> String {
    let mut message = e.description().to_string();
    for (i, expected) in e.expected().unwrap_or_default().iter().enumerate() {
        message.push_str(if i == 0 { ", expected " } else { ", " });
        match expected {
            Expected::Literal("\n") => message.push_str("a new line"),
            Expected::Literal(literal) => {
                message.push('`');
                message.push_str(literal);
                message.push('`');
            }
            Expected::Description(description) => message.push_str(description),
            _ => message.push_str("something else"),
        }
    }
    message
}
