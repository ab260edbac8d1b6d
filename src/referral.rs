//! The clinician's "Copy referral summary": plain text for a referral letter.

use super::form::answer_words;
use super::i18n::{catalogue, date, fill};
use super::state::State;
use prescreen_engine::evaluation::{Truth, Verdict};
use prescreen_engine::trial::CriterionKind;

pub fn summary(state: &State) -> String {
    let (c, lang, trial) = (catalogue(state.lang), state.lang, state.trial());
    let evaluation = state.evaluation();
    let verdict = match evaluation.verdict {
        Verdict::LikelyEligible => c.clinician_likely,
        Verdict::NotEligible => c.clinician_not,
        Verdict::Undetermined => c.clinician_undetermined,
    };
    let facts = &trial.facts;
    let mut out = fill(
        c.referral_heading,
        &[
            &facts.protocol_code,
            &facts.eu_ct_number,
            &date(&state.today.to_string()),
        ],
    );
    out.push_str(&format!("\n{}: {verdict}\n", c.referral_verdict));
    let blocking: Vec<String> = evaluation
        .blocking(trial)
        .map(|(_, criterion)| {
            let why = if criterion.kind == CriterionKind::Exclusion {
                &criterion.met
            } else {
                &criterion.not_met
            };
            format!("- {}: {}", criterion.title.get(lang), why.get(lang))
        })
        .collect();
    if !blocking.is_empty() {
        out.push_str(&format!(
            "\n{}:\n{}\n",
            c.referral_blocking,
            blocking.join("\n")
        ));
    }
    let open: Vec<String> = evaluation
        .open(trial)
        .map(|(_, criterion)| format!("- {}", criterion.title.get(lang)))
        .collect();
    if !open.is_empty() && evaluation.verdict == Verdict::Undetermined {
        out.push_str(&format!("\n{}:\n{}\n", c.referral_open, open.join("\n")));
    }
    out.push_str(&format!("\n{}:\n", c.referral_answers));
    for (q, answer) in state.answers().iter() {
        if evaluation.applies[q] == Truth::False {
            continue;
        }
        let question = &trial.questions[q];
        out.push_str(&format!(
            "- {}: {}\n",
            question.clinician.get(lang),
            answer_words(question, answer, lang, true)
        ));
    }
    out.push_str(&format!("\n{}\n", c.referral_disclaimer));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;
    use prescreen_engine::answers::parse_answer;
    use prescreen_engine::date::Date;
    use prescreen_engine::text::Lang;
    use std::rc::Rc;
    use yew::Reducible;

    #[test]
    fn the_summary_has_verdict_open_points_and_answers() {
        let trial = prescreen_engine::load(include_str!("../static/trials/interact.toml")).unwrap();
        let mut state = Rc::new(State::new(
            trial.into(),
            Lang::EN,
            Date::parse("2026-11-25").unwrap(),
        ));
        for (id, text) in [
            ("sex", "female"),
            ("age", "61"),
            ("ecog", "unsure"),
            ("childbearing_potential", "no"),
            ("pregnant", "yes"),
        ] {
            let q = state.trial().question_index(id).unwrap();
            let a = parse_answer(&state.trial().questions[q], text, None).unwrap();
            state = state.reduce(Action::Set(q, Some(a)));
        }
        let text = summary(&state);
        assert!(text.starts_with("Pre-screening for interACT (EU CT 2025-523460-21-00), 25/11/2026\nVerdict: Undetermined\n"), "{text}");
        assert!(text.contains("\nOpen points:\n- "), "{text}");
        assert!(text.contains(": 61 years\n"), "{text}");
        assert!(
            !text.contains("Pregnan"),
            "an answer that does not apply is left out: {text}"
        );
        assert!(text.ends_with("Pre-screening only: eligibility is confirmed by the trial team.\n"));
    }
}
