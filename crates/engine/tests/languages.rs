//! The root key `languages`: which languages a definition gives its texts in. Its mistakes are
//! fixtures (tests/fixtures/invalid/languages_*.toml); here, what a good one means.

use prescreen_engine::Lang;

/// A small definition whose root starts with `languages` and whose 13 texts are each `text`.
fn definition(languages: &str, text: &str) -> String {
    let t = |name: &str| format!("{name} = {text}\n");
    format!(
        "{languages}\n[trial]\nid = \"one\"\neu_ct_number = \"2025-000000-00-00\"\nprotocol_code = \"ONE\"\n{}{}{}{}{}\
         [trial.status]\n{}{}recruitment_start = \"2026-06-01\"\nread_on = \"2026-11-25\"\n\n\
         [[question]]\nid = \"adult\"\ntype = \"yes_no\"\ngroup = \"conditions\"\n{}{}\n\
         [[criterion]]\nid = \"adult\"\nkind = \"inclusion\"\nrule = \"adult == yes\"\nsource = \"Adults.\"\n{}{}{}{}",
        t("title"),
        t("scientific_title"),
        t("summary"),
        t("phase"),
        t("learn_more"),
        t("country"),
        t("status"),
        t("patient"),
        t("clinician"),
        t("title"),
        t("met"),
        t("not_met"),
        t("unknown"),
    )
}

#[test]
fn a_file_without_languages_needs_both() {
    let trial = prescreen_engine::load(&definition("", r#"{ en = "A", it = "B" }"#)).unwrap();
    assert_eq!(trial.facts.languages, Lang::ALL.to_vec());
    let error = prescreen_engine::load(&definition("", r#"{ en = "A" }"#)).unwrap_err();
    assert!(
        error.iter().all(|d| d.message.contains("`it`")),
        "{error:?}"
    );
    assert_eq!(error.len(), 13);
}

#[test]
fn a_one_language_file_needs_only_its_language() {
    let trial =
        prescreen_engine::load(&definition(r#"languages = ["it"]"#, r#"{ it = "B" }"#)).unwrap();
    assert_eq!(trial.facts.languages, vec![Lang::IT]);
    assert_eq!(trial.facts.title[Lang::EN], "", "no English given");
    assert_eq!(
        trial.facts.title.get(Lang::EN),
        "B",
        "shown in Italian instead"
    );
    let error = prescreen_engine::load(&definition(r#"languages = ["it"]"#, r#"{ en = "A" }"#))
        .unwrap_err();
    assert_eq!(error.len(), 13, "every text lacks Italian: {error:?}");
    assert!(
        error.iter().all(|d| d.message.contains("`it`")),
        "{error:?}"
    );
}

#[test]
fn a_text_in_an_undeclared_language_is_kept() {
    let trial = prescreen_engine::load(&definition(
        r#"languages = ["en"]"#,
        r#"{ en = "A", it = "B" }"#,
    ))
    .unwrap();
    assert_eq!(trial.facts.languages, vec![Lang::EN]);
    assert_eq!(trial.facts.summary[Lang::IT], "B");
}

#[test]
fn languages_keep_the_order_written() {
    let trial = prescreen_engine::load(&definition(
        r#"languages = ["it", "en"]"#,
        r#"{ en = "A", it = "B" }"#,
    ))
    .unwrap();
    assert_eq!(trial.facts.languages, vec![Lang::IT, Lang::EN]);
}
