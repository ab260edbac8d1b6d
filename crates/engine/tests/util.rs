//! Shared helpers: the interACT definition, answers by id, and the representative values that
//! stand for "every way an open answer could be filled in".

use prescreen_engine::answers::{parse_answer, Answer, Answers};
use prescreen_engine::date::Date;
use prescreen_engine::trial::{Expr, QuestionIdx, QuestionKind, Trial};

pub const INTERACT_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../static/trials/interact.toml"
);

pub fn interact_source() -> String {
    std::fs::read_to_string(INTERACT_PATH).expect("static/trials/interact.toml is readable")
}

/// Every definition in static/trials (`<id>.toml`), by file name.
pub fn trial_definitions() -> Vec<std::path::PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/trials");
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    found.sort();
    found
}

pub fn interact() -> Trial {
    prescreen_engine::load(&interact_source()).expect("interact.toml passes its check")
}

pub fn today() -> Date {
    Date::parse("2026-11-25").unwrap()
}

/// Answers from `(question id, typed answer)` pairs; panics on a bad pair, since tests write them.
pub fn answers(trial: &Trial, pairs: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::new(trial);
    for (id, text) in pairs {
        let q = trial
            .question_index(id)
            .unwrap_or_else(|| panic!("no question {id}"));
        let answer = parse_answer(&trial.questions[q], text, Some(today()))
            .unwrap_or_else(|e| panic!("{id} = {text}: {e}"));
        answers.set(q, answer);
    }
    answers
}

pub fn ids(trial: &Trial, questions: &[QuestionIdx]) -> Vec<String> {
    questions
        .iter()
        .map(|&q| trial.questions[q].id.clone())
        .collect()
}

/// Definite answers that together behave like every possible answer to `q`: each option, or for
/// numbers the range ends and each constant any rule compares `q` with, and just either side.
pub fn domain(trial: &Trial, q: QuestionIdx) -> Vec<Answer> {
    match &trial.questions[q].kind {
        QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
        QuestionKind::Choice(options) => (0..options.len() as u16).map(Answer::Choice).collect(),
        QuestionKind::Number(range) | QuestionKind::Elapsed(_, range) => {
            let mut values = vec![range.min, range.max];
            let rules = trial
                .criteria
                .iter()
                .map(|c| &c.rule)
                .chain(trial.questions.iter().filter_map(|q| q.applies_if.as_ref()));
            for rule in rules {
                constants(rule, q, &mut values);
            }
            values.retain(|v| *v >= range.min && *v <= range.max);
            values.sort_by(f64::total_cmp);
            values.dedup();
            values.into_iter().map(Answer::Number).collect()
        }
    }
}

fn constants(expr: &Expr, q: QuestionIdx, out: &mut Vec<f64>) {
    match expr {
        Expr::Compare(question, _, n) if *question == q => out.extend([n - 0.5, *n, n + 0.5]),
        Expr::Not(inner) => constants(inner, q, out),
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|e| constants(e, q, out)),
        _ => {}
    }
}
