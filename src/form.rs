//! What people type or pick on a question, read into an answer or a message saying what to fix.
//! Nothing typed is thrown away: the draft stays as it was until it reads cleanly.

use prescreen_engine::answers::{answer_text, parse_answer, Answer, AnswerError};
use prescreen_engine::date::Date;
use prescreen_engine::text::Lang;
use prescreen_engine::trial::{Question, QuestionKind};

use super::i18n::{catalogue, fill};

/// The form's fields for one question, exactly as the person left them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// The answer the picked radio carries (yes, no, an option or "I'm not sure"), or "I'm not
    /// sure" ticked beside a number: read as it is, with no text to look up.
    pub picked: Option<Answer>,
    /// A number typed in.
    pub number: String,
    /// A date picked (YYYY-MM-DD), for how-long-ago questions.
    pub date: String,
}

/// What is wrong with a draft, in words the person can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldError {
    Choose,
    /// Nothing typed in a number field.
    Enter,
    NotANumber,
    Range {
        min: f64,
        max: f64,
        unit: String,
    },
    NotADate,
    Future,
    Both,
}

impl FieldError {
    pub fn message(&self, lang: Lang) -> String {
        let c = catalogue(lang);
        match self {
            FieldError::Choose => c.error_choose.into(),
            FieldError::Enter => c.error_enter.into(),
            FieldError::NotANumber => c.error_number.into(),
            FieldError::Range { min, max, unit } => fill(
                c.error_range,
                &[
                    &prescreen_engine::text::number(*min),
                    &prescreen_engine::text::number(*max),
                    unit,
                ],
            ),
            FieldError::NotADate => c.error_date.into(),
            FieldError::Future => c.error_future.into(),
            FieldError::Both => c.error_both.into(),
        }
    }
}

/// The draft that shows an existing answer: a number in its box, any other answer picked.
pub fn draft_for(question: &Question, answer: Option<Answer>) -> Draft {
    match answer {
        Some(number @ Answer::Number(_)) => Draft {
            number: answer_text(question, number).unwrap_or_default(),
            ..Draft::default()
        },
        picked => Draft {
            picked,
            ..Draft::default()
        },
    }
}

/// Reads a draft; a range message names the unit as the person sees it.
pub fn read(
    question: &Question,
    draft: &Draft,
    today: Date,
    lang: Lang,
) -> Result<Answer, FieldError> {
    if draft.picked == Some(Answer::Unsure) {
        return Ok(Answer::Unsure);
    }
    let text = match &question.kind {
        QuestionKind::YesNo | QuestionKind::Choice(_) => {
            return draft.picked.ok_or(FieldError::Choose)
        }
        QuestionKind::Number(_) | QuestionKind::Elapsed(..) => {
            let number = draft.number.trim();
            let date = draft.date.trim();
            match (number.is_empty(), date.is_empty()) {
                (true, true) => return Err(FieldError::Enter),
                (false, false) => return Err(FieldError::Both),
                (false, true) => number.to_string(),
                (true, false) => date.to_string(),
            }
        }
    };
    parse_answer(question, &text, Some(today)).map_err(|e| match e {
        AnswerError::OutOfRange { min, max, .. } => {
            let unit = match &question.kind {
                QuestionKind::Number(r) | QuestionKind::Elapsed(_, r) => {
                    r.unit_label.get(lang).to_string()
                }
                _ => String::new(),
            };
            FieldError::Range { min, max, unit }
        }
        AnswerError::FutureDate { .. } => FieldError::Future,
        AnswerError::WrongType { .. } if !draft.date.trim().is_empty() => FieldError::NotADate,
        _ => FieldError::NotANumber,
    })
}

/// An answer in the person's words, for Check your answers and the referral summary.
pub fn answer_words(question: &Question, answer: Answer, lang: Lang, clinician: bool) -> String {
    let c = catalogue(lang);
    match (answer, &question.kind) {
        (Answer::Yes, _) => c.yes.into(),
        (Answer::No, _) => c.no.into(),
        (Answer::Unsure, _) => c.unsure.into(),
        (Answer::Choice(i), QuestionKind::Choice(options)) => options
            .get(usize::from(i))
            .map(|o| {
                if clinician {
                    o.clinician.get(lang)
                } else {
                    o.patient.get(lang)
                }
                .to_string()
            })
            .unwrap_or_default(),
        (Answer::Number(n), QuestionKind::Number(r) | QuestionKind::Elapsed(_, r)) => {
            let point = crate::i18n::catalogue(lang).decimal_point;
            let number = prescreen_engine::text::number(n).replace('.', point);
            format!("{number} {}", r.unit_for(n).get(lang))
        }
        // An answer of the wrong kind cannot come from a checked trial; show nothing for it.
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trial() -> prescreen_engine::trial::Trial {
        prescreen_engine::load(include_str!("../static/trials/interact.toml")).unwrap()
    }

    fn today() -> Date {
        Date::parse("2026-11-25").unwrap()
    }

    fn draft(picked: Option<Answer>, number: &str, date: &str) -> Draft {
        Draft {
            picked,
            number: number.into(),
            date: date.into(),
        }
    }

    #[test]
    fn drafts_read_into_answers_or_say_what_to_fix() {
        let t = trial();
        let q = |id: &str| &t.questions[t.question_index(id).unwrap()];
        let cases: Vec<(&str, Draft, Result<Answer, FieldError>)> = vec![
            (
                "metastatic",
                draft(Some(Answer::Yes), "", ""),
                Ok(Answer::Yes),
            ),
            ("metastatic", draft(None, "", ""), Err(FieldError::Choose)),
            (
                "her2_status",
                draft(Some(Answer::Choice(1)), "", ""),
                Ok(Answer::Choice(1)),
            ),
            (
                "metastatic",
                draft(Some(Answer::Unsure), "", ""),
                Ok(Answer::Unsure),
            ),
            ("age", draft(None, "54", ""), Ok(Answer::Number(54.0))),
            ("age", draft(None, " 54 ", ""), Ok(Answer::Number(54.0))),
            (
                "age",
                draft(None, "cinquanta", ""),
                Err(FieldError::NotANumber),
            ),
            ("age", draft(None, "", ""), Err(FieldError::Enter)),
            (
                "age",
                draft(None, "150", ""),
                Err(FieldError::Range {
                    min: 0.0,
                    max: 120.0,
                    unit: "years".into(),
                }),
            ),
            (
                "first_line_months",
                draft(None, "5,5", ""),
                Ok(Answer::Number(5.5)),
            ),
            (
                "surgery_days_ago",
                draft(None, "", "2026-11-05"),
                Ok(Answer::Number(20.0)),
            ),
            (
                "surgery_days_ago",
                draft(None, "", "2026-12-05"),
                Err(FieldError::Future),
            ),
            (
                "surgery_days_ago",
                draft(None, "", "05/11/2026"),
                Err(FieldError::NotADate),
            ),
            (
                "surgery_days_ago",
                draft(None, "3", "2026-11-05"),
                Err(FieldError::Both),
            ),
            (
                "surgery_days_ago",
                draft(Some(Answer::Unsure), "3", ""),
                Ok(Answer::Unsure),
            ),
        ];
        for (id, d, expected) in cases {
            assert_eq!(read(q(id), &d, today(), Lang::EN), expected, "{id} {d:?}");
        }
    }

    #[test]
    fn an_answer_shows_again_as_it_was_given() {
        let t = trial();
        for (id, answer) in [
            ("sex", Answer::Choice(0)),
            ("her2_status", Answer::Choice(2)),
            ("age", Answer::Number(54.5)),
            ("metastatic", Answer::No),
            ("ecog", Answer::Unsure),
        ] {
            let question = &t.questions[t.question_index(id).unwrap()];
            let d = draft_for(question, Some(answer));
            assert_eq!(read(question, &d, today(), Lang::EN), Ok(answer), "{id}");
        }
    }

    #[test]
    fn errors_read_in_both_languages() {
        let e = FieldError::Range {
            min: 0.0,
            max: 120.0,
            unit: "anni".into(),
        };
        assert_eq!(e.message(Lang::IT), "Inserisca un numero da 0 a 120 anni");
        assert_eq!(
            FieldError::Future.message(Lang::EN),
            "The date must be today or in the past"
        );
    }
}
