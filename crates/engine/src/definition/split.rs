//! One definition in each language: `prescreen split` writes `<id>.<lang>.toml` beside
//! `<id>.toml`, so that the app fetches only the texts it shows, about half the bytes.
//!
//! The file in every language stays the one authors edit and review; the others are made from its
//! TOML tree (never by editing its text), each with every text reduced to its language.

use super::parse::parse;
use super::tree::{Item, Table, Value};
use super::write::{self, is_text};
use crate::diagnostic::Diagnostic;
use crate::text::Lang;

/// The first line of every file `split` makes.
const GENERATED: &str = "# Made by `prescreen split` from the definition in every language; \
                             edit that file and run it again.";

/// For each language the definition declares, in its order, the definition in that language
/// alone: `languages = ["xx"]`, then every key of the source in one layout ([`write`]). On a
/// definition that does not pass its check, its diagnostics.
///
/// The guarantee: each text loads, declares its one language, and gives the trial the source
/// gives, but with the other languages' texts blank.
pub fn split(source: &str) -> Result<Vec<(Lang, String)>, Vec<Diagnostic>> {
    let trial = super::load(source)?;
    let mut root = parse(source)?;
    // Each output declares its own.
    root.entries.retain(|e| e.key != "languages");
    let files = trial
        .facts
        .languages
        .iter()
        .map(|&lang| {
            let mut tree = root.clone();
            only(&mut tree, lang);
            let mut out = format!("{GENERATED}\nlanguages = [\"{}\"]\n", lang.code());
            write::document(&mut out, &tree);
            (lang, out)
        })
        .collect();
    Ok(files)
}

/// Reduces every text in `table` to `lang`.
fn only(table: &mut Table, lang: Lang) {
    if is_text(table) {
        table.entries.retain(|e| e.key == lang.code());
        return;
    }
    for entry in &mut table.entries {
        only_in(&mut entry.value, lang);
    }
}

fn only_in(value: &mut Value, lang: Lang) {
    match &mut value.item {
        Item::Table(table) => only(table, lang),
        Item::Array(array) => {
            for value in &mut array.values {
                only_in(value, lang);
            }
        }
        _ => {}
    }
}
