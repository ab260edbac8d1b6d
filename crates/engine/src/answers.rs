//! A person's answers, one slot per question; one answer as text and back (`text.rs`, the codec
//! the saved link, the app's form and JSON all use), and every answer as a JSON object
//! (`json.rs`).

mod json;
mod text;

pub use text::{answer_text, elapsed, parse_answer, AnswerError};

use crate::trial::{QuestionIdx, Trial};

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
        json::from_json(trial, json, today)
    }

    /// The answers as a JSON object in the same form [`Answers::from_json`] reads.
    pub fn to_json(&self, trial: &Trial) -> serde_json::Value {
        json::to_json(trial, self)
    }
}
