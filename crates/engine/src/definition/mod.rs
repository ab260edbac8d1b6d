//! Trial definitions as people write them: TOML text → [`tree::Table`] (parse) →
//! [`raw::Document`] (read) → [`Trial`] (check); and [`compile`], the trial compiled for the web
//! app in each of its languages.
//!
//! Reading reports every TOML syntax error and every unknown, missing or mistyped key; when there
//! are none, checking reports every problem of meaning. An author sees them all in one run.

mod check;
pub mod parse;
mod raw;
mod read;
mod resolve;
mod strings;
mod syntax;
pub mod tree;

use crate::diagnostic::Diagnostic;
use crate::text::Lang;
use crate::trial::Trial;

/// Parses and checks a definition. On failure, every diagnostic, in the order they appear.
pub fn load(source: &str) -> Result<Trial, Vec<Diagnostic>> {
    check::check(source, read::document(source)?)
}

/// Parses and checks a definition, then writes the trial in the compiled format the web app
/// reads ([`crate::compiled`]), once for each of its languages, in the order of its `languages`:
/// each with the texts of that language alone ([`Trial::in_language`]).
pub fn compile(source: &str) -> Result<Vec<(Lang, String)>, Vec<Diagnostic>> {
    let trial = load(source)?;
    let files = trial.facts.languages.iter().map(|&lang| {
        let one = trial.in_language(lang);
        (lang, crate::compiled::write(&one))
    });
    Ok(files.collect())
}
