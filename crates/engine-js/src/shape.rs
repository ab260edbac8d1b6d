//! What the JavaScript interface returns and accepts, as plain serde types: the questions as a
//! registry's form needs them, a diagnostic with its line and column, the evaluation options.

use serde::Serialize;

use prescreen_engine::answers::AnswerError;
use prescreen_engine::diagnostic::{line_column, Diagnostic};
use prescreen_engine::evaluation::Evaluation;
use prescreen_engine::trial::{QuestionKind, Trial};
use prescreen_engine::{Lang, Truth};

/// One question, in the caller's language.
#[derive(Serialize)]
pub struct Question<'t> {
    pub id: &'t str,
    /// `yes_no`, `choice`, `number` or `elapsed` (how long ago, in `unit`s).
    pub kind: &'static str,
    /// The clinician form's section: `diagnosis`, `treatment`, `fitness`, `conditions`,
    /// `pregnancy_consent`.
    pub group: &'static str,
    /// The question in plain words, as patients are asked it.
    pub text: &'t str,
    /// The same question in clinical words.
    pub clinician_text: &'t str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'t str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<Choice<'t>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The unit's id (`years`, `months`, `days`...), for number and elapsed questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'t str>,
    /// The unit in the caller's language, as shown after a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_label: Option<&'t str>,
    /// Whether the question is asked of this person given the answers so far: `null` while
    /// that depends on an unanswered question. An answer to a question that does not apply is
    /// ignored.
    pub applies: Option<bool>,
}

#[derive(Serialize)]
pub struct Choice<'t> {
    pub id: &'t str,
    pub text: &'t str,
    pub clinician_text: &'t str,
}

/// Every question in asking order.
pub fn questions<'t>(trial: &'t Trial, evaluation: &Evaluation, lang: Lang) -> Vec<Question<'t>> {
    trial
        .questions
        .iter()
        .zip(&evaluation.applies)
        .map(|(q, applies)| {
            let (kind, range) = match &q.kind {
                QuestionKind::YesNo => ("yes_no", None),
                QuestionKind::Choice(_) => ("choice", None),
                QuestionKind::Number(range) => ("number", Some(range)),
                QuestionKind::Elapsed(_, range) => ("elapsed", Some(range)),
            };
            let options = match &q.kind {
                QuestionKind::Choice(options) => Some(
                    options
                        .iter()
                        .map(|o| Choice {
                            id: &o.id,
                            text: o.patient.get(lang),
                            clinician_text: o.clinician.get(lang),
                        })
                        .collect(),
                ),
                _ => None,
            };
            Question {
                id: &q.id,
                kind,
                group: q.group.id(),
                text: q.patient.get(lang),
                clinician_text: q.clinician.get(lang),
                help: q.help.as_ref().map(|h| h.get(lang)),
                options,
                min: range.map(|r| r.min),
                max: range.map(|r| r.max),
                unit: range.map(|r| r.unit.as_str()),
                unit_label: range.map(|r| r.unit_label.get(lang)),
                applies: match applies {
                    Truth::True => Some(true),
                    Truth::False => Some(false),
                    Truth::Unknown => None,
                },
            }
        })
        .collect()
}

/// One problem of a definition that failed its check; `line` and `column` count from 1.
#[derive(Serialize)]
pub struct Problem<'d> {
    pub line: usize,
    pub column: usize,
    /// The kind of problem, as shown in brackets in the rendered text: `unknown-question`...
    pub code: &'static str,
    pub message: &'d str,
}

impl<'d> Problem<'d> {
    pub fn of(diagnostic: &'d Diagnostic, source: &str) -> Problem<'d> {
        let (line, column) = line_column(source, diagnostic.span.start);
        Problem {
            line,
            column,
            code: diagnostic.kind.code(),
            message: &diagnostic.message,
        }
    }
}

/// One refused answer; `question` is `null` when the answers as a whole are not an object.
#[derive(Serialize)]
pub struct BadAnswer {
    pub question: Option<String>,
    pub message: String,
}

impl BadAnswer {
    pub fn of(error: &AnswerError) -> BadAnswer {
        let question = match error {
            AnswerError::NotJson(_) | AnswerError::NotAnObject => None,
            AnswerError::UnknownQuestion(question)
            | AnswerError::WrongType { question, .. }
            | AnswerError::OutOfRange { question, .. }
            | AnswerError::FutureDate { question }
            | AnswerError::NoToday { question } => Some(question.clone()),
        };
        BadAnswer {
            question,
            message: error.to_string(),
        }
    }
}

/// The second argument of `evaluate` and `relevant`, as read by `api::read_options`.
#[derive(Default)]
pub struct Options {
    pub lang: Option<String>,
    /// `YYYY-MM-DD`; the browser's date when absent.
    pub today: Option<String>,
}
