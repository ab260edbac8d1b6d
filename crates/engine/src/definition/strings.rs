//! Where a TOML string's content starts in the file, so that spans inside a rule can be turned
//! into spans in the file.

use crate::diagnostic::Span;

/// The file offset of the first character of the string value at `span`, when every character of
/// the value stands in the file as itself (no escapes); otherwise `None`.
pub fn content_start(source: &str, span: Span) -> Option<usize> {
    let raw = source.get(span.start..span.end)?;
    let (open, literal) = if raw.starts_with("\"\"\"") {
        (3, false)
    } else if raw.starts_with("'''") {
        (3, true)
    } else if raw.starts_with('"') {
        (1, false)
    } else if raw.starts_with('\'') {
        (1, true)
    } else {
        return None;
    };
    if !literal && raw.contains('\\') {
        return None;
    }
    let mut start = span.start + open;
    // A newline right after `"""` is not part of the value.
    if open == 3 {
        let rest = &source[start..];
        if rest.starts_with("\r\n") {
            start += 2;
        } else if rest.starts_with('\n') {
            start += 1;
        }
    }
    Some(start)
}

/// Maps a span inside a rule's text to the file: exact where [`content_start`] knows the offset,
/// else the whole string value.
pub fn rule_span(value_span: Span, content: Option<usize>, inner: Span) -> Span {
    match content {
        Some(start) => inner.shifted(start),
        None => value_span,
    }
}
