//! The engine asks only what still matters, in order, and stops once the verdict is settled.

use prescreen_engine::answers::Answers;
use prescreen_engine::evaluation::{evaluate, relevance, Verdict};
use prescreen_engine::report::Report;
use prescreen_engine::trial::Trial;
use prescreen_engine::Lang;

use crate::util::{answers, ids, interact, today};

/// A post-menopausal woman who answers every question as a likely-eligible patient would.
const ELIGIBLE: &[(&str, &str)] = &[
    ("sex", "female"),
    ("age", "54"),
    ("adenocarcinoma", "yes"),
    ("metastatic", "yes"),
    ("er_status", "positive"),
    ("pgr_status", "negative"),
    ("her2_status", "low"),
    ("her2pos_or_tn_history", "no"),
    ("first_line_cdk46", "yes"),
    ("progressed_on_first_line", "yes"),
    ("first_line_months", "14"),
    ("metastatic_chemo", "no"),
    ("evaluable_disease", "yes"),
    ("ecog", "ecog1"),
    ("organ_function", "yes"),
    ("other_cancer", "no"),
    ("allergy", "no"),
    ("recent_surgery", "no"),
    ("side_effects", "no"),
    ("uncontrolled_infection", "no"),
    ("uncontrolled_illness", "no"),
    ("childbearing_potential", "no"),
    ("breastfeeding", "no"),
    ("study_visits", "yes"),
    ("consent", "yes"),
];

/// Walks the journey as the UI does: ask the next relevant question, answer it from `profile`,
/// until nothing is left to ask. Returns the questions asked, in order, and the final answers.
fn journey(trial: &Trial, profile: &[(&str, &str)]) -> (Vec<String>, Answers) {
    let mut given = Answers::new(trial);
    let mut asked = Vec::new();
    loop {
        let evaluation = evaluate(trial, &given);
        let Some(next) = relevance(trial, &given, &evaluation).next() else {
            return (asked, given);
        };
        let id = trial.questions[next].id.clone();
        assert!(!asked.contains(&id), "`{id}` asked twice");
        let answer = profile
            .iter()
            .find(|(q, _)| *q == id)
            .map_or("unsure", |(_, a)| *a);
        let one = answers(trial, &[(&id, answer)]);
        given.set(next, one.get(next).unwrap());
        asked.push(id);
    }
}

#[test]
fn the_first_question_is_the_first_written() {
    let trial = interact();
    let empty = Answers::new(&trial);
    let evaluation = evaluate(&trial, &empty);
    assert_eq!(evaluation.verdict, Verdict::Undetermined);
    assert_eq!(relevance(&trial, &empty, &evaluation).next(), Some(0));
    assert_eq!(trial.questions[0].id, "sex");
}

#[test]
fn a_man_is_told_at_once() {
    let trial = interact();
    let (asked, given) = journey(&trial, &[("sex", "male")]);
    assert_eq!(asked, ["sex"]);
    assert_eq!(evaluate(&trial, &given).verdict, Verdict::NotEligible);
}

#[test]
fn a_woman_who_cannot_become_pregnant_is_not_asked_about_pregnancy() {
    let trial = interact();
    let (asked, given) = journey(&trial, ELIGIBLE);
    for never in ["pregnant", "contraception"] {
        assert!(
            !asked.iter().any(|q| q == never),
            "asked `{never}`: {asked:?}"
        );
    }
    let report = Report::build(&trial, &given, Lang::EN, Some(today()));
    assert_eq!(report.verdict, Verdict::LikelyEligible);
    let steps: Vec<&str> = report.next_steps.iter().map(|s| s.id).collect();
    assert_eq!(steps, ["sign_consent"], "no pregnancy test for her");
}

#[test]
fn a_woman_who_can_become_pregnant_is_asked_both() {
    let trial = interact();
    let mut profile = ELIGIBLE.to_vec();
    profile.retain(|(q, _)| *q != "childbearing_potential");
    profile.extend([
        ("childbearing_potential", "yes"),
        ("pregnant", "no"),
        ("contraception", "yes"),
    ]);
    let (asked, given) = journey(&trial, &profile);
    assert!(asked.iter().any(|q| q == "pregnant") && asked.iter().any(|q| q == "contraception"));
    let report = Report::build(&trial, &given, Lang::EN, Some(today()));
    assert_eq!(report.verdict, Verdict::LikelyEligible);
    let steps: Vec<&str> = report.next_steps.iter().map(|s| s.id).collect();
    assert_eq!(steps, ["pregnancy_test", "sign_consent"]);
}

#[test]
fn the_journey_stops_at_the_first_hard_exclusion() {
    let trial = interact();
    let mut profile = ELIGIBLE.to_vec();
    profile.retain(|(q, _)| *q != "metastatic_chemo");
    profile.push(("metastatic_chemo", "yes"));
    let (asked, _) = journey(&trial, &profile);
    assert_eq!(asked.last().map(String::as_str), Some("metastatic_chemo"));
}

#[test]
fn only_questions_that_apply_are_asked() {
    let trial = interact();
    let (asked, _) = journey(&trial, ELIGIBLE);
    for gated in ["first_line_months", "progressed_on_first_line"] {
        assert!(
            asked.iter().any(|q| q == gated),
            "`{gated}` applies after first_line_cdk46 = yes"
        );
    }
    for gated in [
        "other_cancer_type",
        "other_cancer_years_ago",
        "surgery_days_ago",
        "side_effects_cleared",
        "stop_breastfeeding",
    ] {
        assert!(
            !asked.iter().any(|q| q == gated),
            "`{gated}` asked though its gate is no"
        );
    }
}

#[test]
fn answers_to_questions_that_do_not_apply_are_ignored() {
    let trial = interact();
    let mut profile = ELIGIBLE.to_vec();
    // Left over from an earlier answer of "yes" to childbearing potential, since changed to "no".
    profile.extend([("pregnant", "yes"), ("contraception", "no")]);
    let given = answers(&trial, &profile);
    assert_eq!(evaluate(&trial, &given).verdict, Verdict::LikelyEligible);
}

#[test]
fn an_unsure_gate_keeps_the_gated_questions() {
    let trial = interact();
    let mut profile = ELIGIBLE.to_vec();
    profile.retain(|(q, _)| *q != "childbearing_potential");
    profile.push(("childbearing_potential", "unsure"));
    let given = answers(&trial, &profile);
    let evaluation = evaluate(&trial, &given);
    let relevant = relevance(&trial, &given, &evaluation);
    assert_eq!(ids(&trial, &relevant.open), ["pregnant", "contraception"]);
    assert_eq!(ids(&trial, &relevant.unsure), ["childbearing_potential"]);
}

#[test]
fn unsure_answers_that_matter_go_to_the_doctor_list() {
    let trial = interact();
    let mut profile = ELIGIBLE.to_vec();
    profile.retain(|(q, _)| *q != "organ_function" && *q != "evaluable_disease");
    profile.extend([
        ("organ_function", "unsure"),
        ("evaluable_disease", "unsure"),
    ]);
    let given = answers(&trial, &profile);
    let report = Report::build(&trial, &given, Lang::EN, Some(today()));
    assert_eq!(report.verdict, Verdict::Undetermined);
    assert!(report.open_questions.is_empty());
    let doctor: Vec<&str> = report.ask_your_doctor.iter().map(|q| q.id).collect();
    assert_eq!(doctor, ["evaluable_disease", "organ_function"]);
    assert_eq!(
        report.open_criteria,
        ["evaluable_disease", "organ_function"]
    );
}

#[test]
fn a_temporary_exclusion_says_when_it_lifts() {
    let trial = interact();
    let mut profile = ELIGIBLE.to_vec();
    profile.retain(|(q, _)| *q != "recent_surgery");
    profile.extend([("recent_surgery", "yes"), ("surgery_days_ago", "20")]);
    let given = answers(&trial, &profile);
    let report = Report::build(&trial, &given, Lang::EN, Some(today()));
    assert_eq!(report.verdict, Verdict::NotEligible);
    let surgery = report
        .criteria
        .iter()
        .find(|c| c.id == "recent_major_surgery")
        .unwrap();
    let lifts = surgery.lifts.as_ref().expect("temporary");
    assert_eq!(
        (lifts.after, lifts.unit, lifts.on.as_deref()),
        (8.0, "days", Some("2026-12-03"))
    );
}

#[test]
fn waiting_is_offered_only_when_waiting_could_help() {
    let trial = interact();
    let mut profile = ELIGIBLE.to_vec();
    profile.retain(|(q, _)| *q != "recent_surgery");
    profile.extend([("recent_surgery", "yes"), ("surgery_days_ago", "20")]);
    let report = Report::build(&trial, &answers(&trial, &profile), Lang::EN, Some(today()));
    assert_eq!(report.verdict_once_lifted, Some(Verdict::LikelyEligible));
    profile.retain(|(q, _)| *q != "age");
    profile.push(("age", "16"));
    let report = Report::build(&trial, &answers(&trial, &profile), Lang::EN, Some(today()));
    assert_eq!(
        report.verdict_once_lifted,
        Some(Verdict::NotEligible),
        "too young: waiting does not help"
    );
}

/// A temporary exclusion whose rule has another branch, or whose threshold is not where it says
/// it lifts, does not claim to lift.
#[test]
fn an_exclusion_lifts_only_if_it_really_stops_applying() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/temporary_exclusion.toml"
    ))
    .unwrap();
    // Keep the fixture's head and questions, and give it two well-formed temporary exclusions.
    let head = &base[..base.find("[[criterion]]").unwrap()];
    let criterion = |id: &str, rule: &str| {
        format!(
            "[[criterion]]\nid = \"{id}\"\nkind = \"exclusion\"\ntitle = {{ en = \"T\", it = \"T\" }}\nrule = \"{rule}\"\nsource = \"s\"\nmet = {{ en = \"m\", it = \"m\" }}\nnot_met = {{ en = \"n\", it = \"n\" }}\nunknown = {{ en = \"u\", it = \"u\" }}\nlifts_after = {{ question = \"days_ago\", at = 28 }}\n\n"
        )
    };
    let source = format!(
        "{head}{}{}[[criterion]]\nid = \"adult\"\nkind = \"inclusion\"\ntitle = {{ en = \"T\", it = \"T\" }}\nrule = \"age >= 18\"\nsource = \"s\"\nmet = {{ en = \"m\", it = \"m\" }}\nnot_met = {{ en = \"n\", it = \"n\" }}\nunknown = {{ en = \"u\", it = \"u\" }}\n",
        criterion("either", "days_ago < 28 or surgery == yes"),
        criterion("longer", "days_ago < 90"),
    );
    let trial = prescreen_engine::load(&source).unwrap_or_else(|d| panic!("{d:#?}"));
    let given = answers(
        &trial,
        &[("days_ago", "20"), ("surgery", "no"), ("age", "40")],
    );
    let evaluation = evaluate(&trial, &given);
    assert_eq!(
        prescreen_engine::evaluation::lifts_in(&trial, &given, &evaluation, 0),
        Some(8.0)
    );
    assert_eq!(
        prescreen_engine::evaluation::lifts_in(&trial, &given, &evaluation, 1),
        None,
        "at 28 days it still applies"
    );
    let given = answers(
        &trial,
        &[("days_ago", "20"), ("surgery", "yes"), ("age", "40")],
    );
    let evaluation = evaluate(&trial, &given);
    assert_eq!(
        prescreen_engine::evaluation::lifts_in(&trial, &given, &evaluation, 0),
        None,
        "the other branch holds"
    );
}
