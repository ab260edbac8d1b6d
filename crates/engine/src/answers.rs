//! A person's answers, one slot per question, and how they are read from JSON or a form field.

mod parse;

pub use parse::{elapsed, parse_answer, AnswerError};

use crate::trial::{QuestionIdx, QuestionKind, Trial};

/// One answer. Elapsed answers are held in the question's own unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    Yes,
    No,
    /// The index of the chosen option.
    Choice(u16),
    Number(f64),
    /// "I'm not sure": an answer, so the question is not asked again, but it decides nothing.
    Unsure,
}

/// Every answer a person gave, indexed like [`Trial::questions`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    slots: Vec<Option<Answer>>,
}

impl Answers {
    pub fn new(trial: &Trial) -> Answers {
        Answers {
            slots: vec![None; trial.questions.len()],
        }
    }

    pub fn get(&self, question: QuestionIdx) -> Option<Answer> {
        self.slots.get(question).copied().flatten()
    }

    /// Sets an answer; an index beyond the trial's questions is ignored.
    pub fn set(&mut self, question: QuestionIdx, answer: Answer) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = Some(answer);
        }
    }

    pub fn clear(&mut self, question: QuestionIdx) {
        if let Some(slot) = self.slots.get_mut(question) {
            *slot = None;
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Option::is_none)
    }

    /// The answered questions with their answers, in asking order.
    pub fn iter(&self) -> impl Iterator<Item = (QuestionIdx, Answer)> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| slot.map(|a| (i, a)))
    }

    /// Reads `{"<question id>": value}`: `"yes"`, `"no"`, an option id, a number, a date
    /// (`"YYYY-MM-DD"`, for how-long-ago questions, given `today`) or `"unsure"`.
    /// Every problem is reported, not just the first.
    pub fn from_json(
        trial: &Trial,
        json: &str,
        today: Option<crate::date::Date>,
    ) -> Result<Answers, Vec<AnswerError>> {
        parse::from_json(trial, json, today)
    }

    /// The answers as a JSON object in the same form [`Answers::from_json`] reads.
    pub fn to_json(&self, trial: &Trial) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for (idx, answer) in self.iter() {
            let Some(question) = trial.questions.get(idx) else {
                continue;
            };
            let value = match (answer, &question.kind) {
                (Answer::Yes, _) => "yes".into(),
                (Answer::No, _) => "no".into(),
                (Answer::Unsure, _) => "unsure".into(),
                (Answer::Choice(i), QuestionKind::Choice(options)) => {
                    match options.get(usize::from(i)) {
                        Some(option) => option.id.clone().into(),
                        None => continue,
                    }
                }
                (Answer::Choice(_), _) => continue,
                (Answer::Number(n), _) => {
                    serde_json::Number::from_f64(n).map_or(serde_json::Value::Null, Into::into)
                }
            };
            map.insert(question.id.clone(), value);
        }
        serde_json::Value::Object(map)
    }
}
