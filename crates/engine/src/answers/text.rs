//! One answer as text and back: the codec every text form of an answer goes through (a saved
//! link's fragment, the app's form fields, JSON answers). [`answer_text`] writes the one canonical
//! text that [`parse_answer`] reads back as the same answer; reading also takes what people type
//! (a comma for the decimal point, a date for how long ago), and every mistake gets a clear
//! message.

use std::fmt;

use super::Answer;
use crate::date::Date;
use crate::trial::{Question, QuestionKind, Range, TimeUnit};

/// Why an answer was refused. The UI words each kind in the person's language; `Display` is the
/// English the CLI prints.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerError {
    NotJson(String),
    NotAnObject,
    UnknownQuestion(String),
    /// The value does not fit the question; `expected` says what would.
    WrongType {
        question: String,
        expected: String,
    },
    OutOfRange {
        question: String,
        min: f64,
        max: f64,
        unit: String,
    },
    FutureDate {
        question: String,
    },
    /// A date was given but the caller did not say what day it is.
    NoToday {
        question: String,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::NotJson(e) => write!(f, "the answers are not valid JSON: {e}"),
            AnswerError::NotAnObject => {
                write!(
                    f,
                    "the answers must be a JSON object: {{\"<question id>\": <answer>}}"
                )
            }
            AnswerError::UnknownQuestion(q) => write!(f, "`{q}`: this trial has no such question"),
            AnswerError::WrongType { question, expected } => {
                write!(f, "`{question}`: expected {expected}")
            }
            AnswerError::OutOfRange {
                question,
                min,
                max,
                unit,
            } => {
                write!(
                    f,
                    "`{question}`: the answer must be between {} and {} {unit}",
                    crate::text::number(*min),
                    crate::text::number(*max)
                )
            }
            AnswerError::FutureDate { question } => {
                write!(f, "`{question}`: the date is in the future")
            }
            AnswerError::NoToday { question } => {
                write!(
                    f,
                    "`{question}`: a date needs today's date to be compared with"
                )
            }
        }
    }
}

/// The canonical text of an answer to `question`, which [`parse_answer`] reads back as the same
/// answer: `yes`, `no`, `unsure`, the option's id, or the number (at most six decimals, as
/// answers are kept). `None` for a choice the question does not offer.
pub fn answer_text(question: &Question, answer: Answer) -> Option<String> {
    match answer {
        Answer::Yes => Some("yes".into()),
        Answer::No => Some("no".into()),
        Answer::Unsure => Some(UNSURE.into()),
        Answer::Number(n) => Some(crate::text::number(n)),
        Answer::Choice(i) => match &question.kind {
            QuestionKind::Choice(options) => options.get(usize::from(i)).map(|o| o.id.clone()),
            _ => None,
        },
    }
}

const UNSURE: &str = "unsure";

/// Reads one answer as typed or chosen: `yes`, `no`, `unsure`, an option id, a number (a comma
/// is read as the decimal point, as Italians write it), or for how-long-ago questions a date.
pub fn parse_answer(
    question: &Question,
    text: &str,
    today: Option<Date>,
) -> Result<Answer, AnswerError> {
    let text = text.trim();
    if text == UNSURE {
        return Ok(Answer::Unsure);
    }
    match &question.kind {
        QuestionKind::YesNo => match text {
            "yes" => Ok(Answer::Yes),
            "no" => Ok(Answer::No),
            _ => Err(wrong_type(question)),
        },
        QuestionKind::Choice(options) => options
            .iter()
            .position(|o| o.id == text)
            .and_then(|i| u16::try_from(i).ok())
            .map(Answer::Choice)
            .ok_or_else(|| wrong_type(question)),
        QuestionKind::Number(range) => in_range(
            question,
            range,
            parse_number(text).ok_or_else(|| wrong_type(question))?,
        ),
        QuestionKind::Elapsed(unit, range) => {
            if let Some(n) = parse_number(text) {
                return in_range(question, range, n);
            }
            let date = Date::parse(text).ok_or_else(|| wrong_type(question))?;
            let today = today.ok_or_else(|| AnswerError::NoToday {
                question: question.id.clone(),
            })?;
            if date > today {
                return Err(AnswerError::FutureDate {
                    question: question.id.clone(),
                });
            }
            in_range(question, range, elapsed(*unit, date, today))
        }
    }
}

/// Whole units from `then` to `today`: 20 days, 2 weeks, 5 months, 3 years.
pub fn elapsed(unit: TimeUnit, then: Date, today: Date) -> f64 {
    let days = today.to_days() - then.to_days();
    let whole = match unit {
        TimeUnit::Days => days,
        TimeUnit::Weeks => days / 7,
        TimeUnit::Months => then.whole_months_until(today),
        TimeUnit::Years => then.whole_months_until(today) / 12,
    };
    whole as f64
}

fn parse_number(text: &str) -> Option<f64> {
    let normalised = text.replace(',', ".");
    let n = crate::text::parse_decimal(&normalised)?;
    // `inf` and `NaN` parse as floats but are no one's age.
    n.is_finite().then_some(n)
}

pub(super) fn in_range(question: &Question, range: &Range, n: f64) -> Result<Answer, AnswerError> {
    // Six decimals at most, as numbers are shown and saved (text::number): what a person sees is
    // what is evaluated.
    let n = (n * 1e6).round() / 1e6;
    if n >= range.min && n <= range.max {
        Ok(Answer::Number(n))
    } else {
        Err(AnswerError::OutOfRange {
            question: question.id.clone(),
            min: range.min,
            max: range.max,
            unit: range.unit.clone(),
        })
    }
}

pub(super) fn wrong_type(question: &Question) -> AnswerError {
    let expected = match &question.kind {
        QuestionKind::YesNo => "\"yes\", \"no\" or \"unsure\"".to_string(),
        QuestionKind::Choice(options) => {
            let ids: Vec<String> = options.iter().map(|o| format!("\"{}\"", o.id)).collect();
            format!("one of {} or \"unsure\"", ids.join(", "))
        }
        QuestionKind::Number(range) => format!("a number of {} or \"unsure\"", range.unit),
        QuestionKind::Elapsed(unit, _) => {
            format!(
                "a number of {} ago, a date (YYYY-MM-DD) or \"unsure\"",
                unit.id()
            )
        }
    };
    AnswerError::WrongType {
        question: question.id.clone(),
        expected,
    }
}
