//! `prescreen split`: the definition in each language alone. Each file it makes loads, declares
//! its one language and gives the same trial, but with the other language's texts blank; and the
//! files committed beside each definition in static/trials, with the web app's compiled trials,
//! are what it makes today.

use std::path::{Path, PathBuf};

use prescreen_engine::trial::{QuestionKind, Trial};
use prescreen_engine::{Lang, Text};

fn trials_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/trials")
}

/// The definitions in every language: `static/trials/<id>.toml`, with no dot in `<id>`.
fn definitions() -> Vec<(String, String)> {
    crate::util::trial_definitions()
        .into_iter()
        .filter_map(|p| {
            let id = p.file_stem()?.to_str()?.to_string();
            (!id.contains('.')).then(|| (id, std::fs::read_to_string(&p).unwrap()))
        })
        .collect()
}

#[test]
fn the_committed_one_language_files_are_fresh() {
    let definitions = definitions();
    assert!(definitions.len() >= 2, "interACT and the demo trial");
    let mut made = Vec::new();
    for (id, source) in &definitions {
        let files = prescreen_engine::split(source).unwrap_or_else(|e| panic!("{id}: {e:?}"));
        for (lang, text) in files {
            let compiled = prescreen_engine::compile(&text).unwrap();
            for (extension, content) in [("toml", text), ("trial", compiled)] {
                let name = format!("{id}.{}.{extension}", lang.code());
                let committed =
                    std::fs::read_to_string(trials_dir().join(&name)).unwrap_or_default();
                assert!(
                    committed == content,
                    "static/trials/{name} is not what `split` makes of static/trials/{id}.toml: \
                     run `cargo run -p prescreen-cli -- split static/trials/{id}.toml` and commit it"
                );
                made.push(name);
            }
        }
    }
    // A file that `split` no longer makes (its definition gone, or a language dropped) would be
    // served, stale.
    for entry in std::fs::read_dir(trials_dir()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let one_language =
            name.ends_with(".trial") || name.strip_suffix(".toml").is_some_and(|s| s.contains('.'));
        assert!(
            !one_language || made.contains(&name),
            "static/trials/{name} is made from no definition: delete it"
        );
    }
}

#[test]
fn each_language_file_gives_the_trial_with_the_other_language_blank() {
    for (id, source) in definitions() {
        let trial = prescreen_engine::load(&source).unwrap();
        let files = prescreen_engine::split(&source).unwrap();
        let langs: Vec<Lang> = files.iter().map(|(lang, _)| *lang).collect();
        assert_eq!(langs, trial.facts.languages, "{id}: one file per language");
        for (lang, text) in files {
            assert!(
                text.starts_with("# Made by `prescreen split`"),
                "{id} {lang:?}: says it is generated"
            );
            let one = prescreen_engine::load(&text)
                .unwrap_or_else(|e| panic!("{id} {lang:?}: {e:?}\n{text}"));
            assert_eq!(one.facts.languages, vec![lang], "{id}");
            let expected = only(&trial, lang);
            assert_eq!(one.facts, expected.facts, "{id} {lang:?}");
            assert_eq!(one.questions, expected.questions, "{id} {lang:?}");
            assert_eq!(one.criteria, expected.criteria, "{id} {lang:?}");
            // Not vacuous: the trial has texts in the other language, and they are gone.
            assert_ne!(one.facts.title, trial.facts.title, "{id} {lang:?}");
        }
    }
}

#[test]
fn a_definition_with_problems_is_not_split() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/missing_translation.toml"
    ))
    .unwrap();
    let diagnostics = prescreen_engine::split(&source).unwrap_err();
    assert_eq!(
        Err(diagnostics),
        prescreen_engine::load(&source).map(|_| ())
    );
}

#[test]
fn texts_with_quotes_and_control_characters_split_as_they_read() {
    let source = crate::util::interact_source().replacen(
        "title.en = \"Personalizing",
        "title.en = \"\\\"Quoted\\\" \\\\ back\\\\slash\\nnew line\\ttab\\u0007 è – ",
        1,
    );
    let trial = prescreen_engine::load(&source).unwrap();
    assert!(trial
        .facts
        .title
        .en
        .starts_with("\"Quoted\" \\ back\\slash\nnew line\ttab\u{7} è – "));
    let (_, english) = &prescreen_engine::split(&source).unwrap()[0];
    let one = prescreen_engine::load(english).unwrap();
    assert_eq!(one.facts.title.en, trial.facts.title.en);
}

/// The trial as a file in `lang` alone gives it: every text of the other language blank.
fn only(trial: &Trial, lang: Lang) -> Trial {
    let mut t = trial.clone();
    t.facts.languages = vec![lang];
    for text in texts(&mut t) {
        match lang {
            Lang::En => text.it.clear(),
            Lang::It => text.en.clear(),
        }
    }
    t
}

/// Every text of the trial.
fn texts(t: &mut Trial) -> Vec<&mut Text> {
    let f = &mut t.facts;
    let mut all = vec![
        &mut f.title,
        &mut f.scientific_title,
        &mut f.summary,
        &mut f.phase,
        &mut f.learn_more,
        &mut f.status.country,
        &mut f.status.status,
    ];
    for d in &mut f.drugs {
        all.extend([&mut d.name, &mut d.route, &mut d.description]);
    }
    for s in &mut f.sites {
        all.extend([&mut s.city, &mut s.country]);
        all.extend(s.status.as_mut());
    }
    for o in &mut f.other_trials {
        all.extend([&mut o.title, &mut o.status]);
    }
    for q in &mut t.questions {
        all.extend([&mut q.patient, &mut q.clinician]);
        all.extend(q.help.as_mut());
        match &mut q.kind {
            QuestionKind::YesNo => {}
            QuestionKind::Choice(options) => {
                for o in options {
                    all.extend([&mut o.patient, &mut o.clinician]);
                }
            }
            QuestionKind::Number(range) | QuestionKind::Elapsed(_, range) => {
                all.push(&mut range.unit_label);
                all.extend(range.unit_label_one.as_mut());
            }
        }
    }
    for c in &mut t.criteria {
        all.extend([&mut c.title, &mut c.met, &mut c.not_met, &mut c.unknown]);
        all.extend(c.reading.as_mut());
    }
    all
}
