//! `prescreen compile` (once `split`): the trial compiled for the web app in each of its
//! languages. Each file reads back as the trial with that language its only one and the others'
//! texts blank; and the files committed beside each definition in static/trials are what it
//! makes today.

use std::path::{Path, PathBuf};

use prescreen_engine::compiled;
use prescreen_engine::Lang;

fn trials_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/trials")
}

/// The definitions, `static/trials/<id>.toml`.
fn definitions() -> Vec<(String, String)> {
    crate::util::trial_definitions()
        .into_iter()
        .filter_map(|p| {
            let id = p.file_stem()?.to_str()?.to_string();
            Some((id, std::fs::read_to_string(&p).unwrap()))
        })
        .collect()
}

#[test]
fn the_committed_compiled_trials_are_fresh() {
    let definitions = definitions();
    assert!(definitions.len() >= 2, "interACT and the demo trial");
    let mut made = Vec::new();
    for (id, source) in &definitions {
        let files = prescreen_engine::compile(source).unwrap_or_else(|e| panic!("{id}: {e:?}"));
        for (lang, content) in files {
            let name = format!("{id}.{}.trial", lang.code());
            let committed = std::fs::read_to_string(trials_dir().join(&name)).unwrap_or_default();
            assert!(
                committed == content,
                "static/trials/{name} is not what `compile` makes of static/trials/{id}.toml: \
                 run `cargo run -p prescreen-cli -- compile static/trials/{id}.toml` and commit it"
            );
            made.push(name);
        }
    }
    // A file `compile` no longer makes (its definition gone, or a language dropped) would be
    // served, stale; so would a one-language definition that `split` used to make.
    for entry in std::fs::read_dir(trials_dir()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let made_once = name.ends_with(".trial") || name.matches('.').count() > 1;
        assert!(
            !made_once || made.contains(&name),
            "static/trials/{name} is made from no definition: delete it"
        );
    }
}

#[test]
fn each_file_is_the_trial_in_its_language_alone() {
    for (id, source) in definitions() {
        let trial = prescreen_engine::load(&source).unwrap();
        let files = prescreen_engine::compile(&source).unwrap();
        let langs: Vec<Lang> = files.iter().map(|(lang, _)| *lang).collect();
        assert_eq!(langs, trial.facts.languages, "{id}: one file per language");
        for (lang, content) in files {
            let one = compiled::read(&content).unwrap_or_else(|| panic!("{id} {lang:?}"));
            assert_eq!(one, trial.in_language(lang), "{id} {lang:?}");
            assert_eq!(one.facts.languages, vec![lang], "{id} {lang:?}");
            // Every text, found by the trial's own `Debug`, not by the list `in_language` keeps:
            // in `lang` as it was, in the other languages blank.
            let mut expected = trial.clone();
            expected.facts.languages = vec![lang];
            assert!(
                format!("{one:?}") == blank_but(&format!("{expected:?}"), lang),
                "{id} {lang:?}: a text keeps another language, or lost its own"
            );
            // Not vacuous: the trial has texts in the other language, and they are gone.
            assert_ne!(one.facts.title, trial.facts.title, "{id} {lang:?}");
        }
    }
}

#[test]
fn a_definition_with_problems_is_not_compiled() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/missing_translation.toml"
    ))
    .unwrap();
    let diagnostics = prescreen_engine::compile(&source).unwrap_err();
    assert_eq!(
        Err(diagnostics),
        prescreen_engine::load(&source).map(|_| ())
    );
}

/// `debug`, a trial's `{:?}`, with every text, `Text { en: "…", it: "…" }`, blank but in `lang`.
fn blank_but(debug: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut rest = debug;
    while let Some(at) = rest.find("Text { ") {
        let (before, text) = rest.split_at(at + "Text { ".len());
        out.push_str(before);
        rest = text;
        // `en: "…", it: "…" }`: each string as `Debug` writes it, `\"` and `\\` escaped.
        for code in Lang::ALL.map(Lang::code) {
            let label = format!("{code}: ");
            rest = rest
                .strip_prefix(&label)
                .expect("a text's languages, in order");
            let end = debug_string_end(rest);
            out.push_str(&label);
            out.push_str(if code == lang.code() {
                &rest[..end]
            } else {
                "\"\""
            });
            rest = &rest[end..];
            if let Some(after) = rest.strip_prefix(", ") {
                out.push_str(", ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the string literal `Debug` wrote at the start of `s` ends.
fn debug_string_end(s: &str) -> usize {
    let mut escaped = false;
    for (i, c) in s.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return i + 1,
            _ => {}
        }
    }
    panic!("an unclosed string in {s:?}")
}
