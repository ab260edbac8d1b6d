//! Kleene's strong three-valued logic, operator by operator, both on [`Truth`] and as the engine
//! evaluates rules over answers.

use prescreen_engine::evaluation::{evaluate, Status, Truth};
use prescreen_engine::Answers;

use crate::util::answers;

const F: Truth = Truth::False;
const U: Truth = Truth::Unknown;
const T: Truth = Truth::True;

#[test]
fn not_table() {
    assert_eq!([F.not(), U.not(), T.not()], [T, U, F]);
}

#[test]
fn and_table() {
    // Rows: left F, U, T; columns: right F, U, T.
    let expected = [[F, F, F], [F, U, U], [F, U, T]];
    for (i, left) in Truth::ALL.into_iter().enumerate() {
        for (j, right) in Truth::ALL.into_iter().enumerate() {
            assert_eq!(left.and(right), expected[i][j], "{left:?} and {right:?}");
        }
    }
}

#[test]
fn or_table() {
    let expected = [[F, U, T], [U, U, T], [T, T, T]];
    for (i, left) in Truth::ALL.into_iter().enumerate() {
        for (j, right) in Truth::ALL.into_iter().enumerate() {
            assert_eq!(left.or(right), expected[i][j], "{left:?} or {right:?}");
        }
    }
}

/// A two-question trial whose criteria are `a op b` for each operator, evaluated for every pair
/// of answers yes / no / unsure / unanswered.
#[test]
fn rules_follow_the_tables_through_answers() {
    let source = r#"
[trial]
id = "logic"
eu_ct_number = "0"
protocol_code = "L"
title = { en = "t", it = "t" }
scientific_title = { en = "t", it = "t" }
summary = { en = "t", it = "t" }
phase = { en = "t", it = "t" }
learn_more = { en = "t", it = "t" }
[trial.status]
country = { en = "Italy", it = "Italia" }
status = { en = "t", it = "t" }
recruitment_start = "2026-06-01"
read_on = "2026-11-25"

[[question]]
id = "a"
type = "yes_no"
group = "conditions"
patient = { en = "a?", it = "a?" }
clinician = { en = "a", it = "a" }

[[question]]
id = "b"
type = "yes_no"
group = "conditions"
patient = { en = "b?", it = "b?" }
clinician = { en = "b", it = "b" }

"#;
    // The four criteria, one per operator; each differs only in its id and rule.
    let criteria: String = [
        ("c_and", "a == yes and b == yes"),
        ("c_or", "a == yes or b == yes"),
        ("c_not", "not a == yes"),
        ("c_answered", "answered(a)"),
    ]
    .iter()
    .map(|(id, rule)| {
        format!(
            "[[criterion]]\nid = \"{id}\"\nkind = \"inclusion\"\ntitle = {{ en = \"t\", it = \"t\" }}\nrule = \"{rule}\"\nsource = \"s\"\nmet = {{ en = \"m\", it = \"m\" }}\nnot_met = {{ en = \"n\", it = \"n\" }}\nunknown = {{ en = \"u\", it = \"u\" }}\n\n"
        )
    })
    .collect();
    let source = format!("{source}{criteria}");
    let trial = prescreen_engine::load(&source).expect("valid");
    let values: [(Option<&str>, Truth); 4] = [
        (Some("no"), F),
        (Some("unsure"), U),
        (None, U),
        (Some("yes"), T),
    ];
    let status = |t: Truth| match t {
        T => Status::Met,
        F => Status::NotMet,
        U => Status::Unknown,
    };
    for (a, ta) in values {
        for (b, tb) in values {
            let pairs: Vec<(&str, &str)> = [("a", a), ("b", b)]
                .into_iter()
                .filter_map(|(q, v)| v.map(|v| (q, v)))
                .collect();
            let given: Answers = answers(&trial, &pairs);
            let statuses = evaluate(&trial, &given).statuses;
            let answered = if a.is_some_and(|v| v != "unsure") {
                T
            } else {
                U
            };
            assert_eq!(
                statuses,
                vec![
                    status(ta.and(tb)),
                    status(ta.or(tb)),
                    status(ta.not()),
                    status(answered)
                ],
                "a = {a:?}, b = {b:?}"
            );
        }
    }
}
