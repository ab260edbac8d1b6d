//! Answers as a JSON object, `{"<question id>": value}`, as the CLI and the JavaScript API read
//! them: each value in the text form of [`super::text`], or a JSON number.

use super::text::{answer_text, in_range, parse_answer, wrong_type, AnswerError};
use super::{Answer, Answers};
use crate::date::Date;
use crate::trial::{Question, QuestionKind, Trial};

pub(super) fn from_json(
    trial: &Trial,
    json: &str,
    today: Option<Date>,
) -> Result<Answers, Vec<AnswerError>> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| vec![AnswerError::NotJson(e.to_string())])?;
    let object = value
        .as_object()
        .ok_or_else(|| vec![AnswerError::NotAnObject])?;
    let mut answers = Answers::new(trial);
    let mut errors = Vec::new();
    for (id, value) in object {
        let Some(idx) = trial.question_index(id) else {
            errors.push(AnswerError::UnknownQuestion(id.clone()));
            continue;
        };
        match json_answer(&trial.questions[idx], value, today) {
            Ok(answer) => answers.set(idx, answer),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

fn json_answer(
    question: &Question,
    value: &serde_json::Value,
    today: Option<Date>,
) -> Result<Answer, AnswerError> {
    match value {
        serde_json::Value::String(text) => parse_answer(question, text, today),
        serde_json::Value::Number(n) => match &question.kind {
            QuestionKind::Number(range) | QuestionKind::Elapsed(_, range) => {
                in_range(question, range, n.as_f64().unwrap_or(f64::NAN))
            }
            _ => Err(wrong_type(question)),
        },
        _ => Err(wrong_type(question)),
    }
}

/// Numbers as JSON numbers, every other answer as its text.
pub(super) fn to_json(trial: &Trial, answers: &Answers) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for (idx, answer) in answers.iter() {
        let Some(question) = trial.questions.get(idx) else {
            continue;
        };
        let value = match answer {
            Answer::Number(n) => {
                serde_json::Number::from_f64(n).map_or(serde_json::Value::Null, Into::into)
            }
            _ => match answer_text(question, answer) {
                Some(text) => text.into(),
                None => continue,
            },
        };
        map.insert(question.id.clone(), value);
    }
    serde_json::Value::Object(map)
}
