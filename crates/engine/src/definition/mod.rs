//! Trial definitions as people write them: TOML text → [`raw::Document`] (read) → [`Trial`] (check);
//! and [`split`], the definition in each language alone.
//!
//! Reading reports every TOML syntax error and every unknown, missing or mistyped key; when there
//! are none, checking reports every problem of meaning. An author sees them all in one run.

mod check;
pub mod parse;
mod raw;
mod read;
mod resolve;
mod split;
mod strings;
mod syntax;
pub mod tree;
pub mod write;

pub use split::split;

use crate::diagnostic::Diagnostic;
use crate::trial::Trial;

/// Parses and checks a definition. On failure, every diagnostic, in the order they appear.
pub fn load(source: &str) -> Result<Trial, Vec<Diagnostic>> {
    check::check(source, read::document(source)?)
}

/// Parses and checks a definition, then writes the trial in the compiled format the web app
/// reads ([`crate::compiled`]).
pub fn compile(source: &str) -> Result<String, Vec<Diagnostic>> {
    load(source).map(|trial| crate::compiled::write(&trial))
}
