//! Trial definitions as people write them: TOML text → [`raw::Document`] (parse) → [`Trial`] (check).
//!
//! Parsing stops at the first TOML error, since nothing after it can be trusted; checking reports
//! every problem it finds, so an author sees them all in one run.

mod check;
mod raw;
mod resolve;
mod strings;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::trial::Trial;

/// Parses and checks a definition. On failure, every diagnostic, in the order they appear.
pub fn load(source: &str) -> Result<Trial, Vec<Diagnostic>> {
    let document: raw::Document = toml::from_str(source).map_err(|e| {
        let span = e.span().map_or(Span::default(), Span::from);
        vec![Diagnostic::new(
            DiagnosticKind::Syntax,
            span,
            e.message().trim_end().to_string(),
        )]
    })?;
    check::check(source, document)
}
