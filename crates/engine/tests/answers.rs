//! One answer as text and back (answers/text.rs): every answer a question can have is written as
//! a text that reads back as that same answer, alone and inside a JSON object.

use prescreen_engine::answers::{answer_text, parse_answer, Answer, Answers};
use prescreen_engine::generate::{definition, Rng, DEEP};
use prescreen_engine::trial::{QuestionKind, Trial};

use crate::util::{domain, interact, today};

/// interACT and generated definitions, whose numbers' ranges and constants vary.
fn trials() -> Vec<Trial> {
    let generated = (0..20).map(|seed| prescreen_engine::load(&definition(seed, DEEP)).unwrap());
    std::iter::once(interact()).chain(generated).collect()
}

/// Every answer `q` can have: "I'm not sure", the representative ones, and numbers with decimals
/// inside the range.
fn every_answer(trial: &Trial, q: usize, rng: &mut Rng) -> Vec<Answer> {
    let mut answers = domain(trial, q);
    answers.push(Answer::Unsure);
    if let QuestionKind::Number(range) | QuestionKind::Elapsed(_, range) = &trial.questions[q].kind
    {
        for _ in 0..5 {
            let millionths = rng.below(1_000_001) as f64 / 1e6;
            let n = range.min + (range.max - range.min) * millionths;
            // As answers are kept: six decimals at most.
            answers.push(Answer::Number((n * 1e6).round() / 1e6));
        }
    }
    answers
}

#[test]
fn every_answer_reads_back_from_its_text() {
    let mut rng = Rng::new(11);
    for trial in trials() {
        for (q, question) in trial.questions.iter().enumerate() {
            for answer in every_answer(&trial, q, &mut rng) {
                let text = answer_text(question, answer)
                    .unwrap_or_else(|| panic!("{}: {answer:?} has no text", question.id));
                assert_eq!(
                    parse_answer(question, &text, Some(today())),
                    Ok(answer),
                    "{}: {answer:?} written as {text:?}",
                    question.id
                );
            }
        }
    }
}

#[test]
fn a_choice_the_question_does_not_offer_has_no_text() {
    let trial = interact();
    let sex = &trial.questions[trial.question_index("sex").unwrap()];
    let metastatic = &trial.questions[trial.question_index("metastatic").unwrap()];
    assert_eq!(
        answer_text(sex, Answer::Choice(0)).as_deref(),
        Some("female")
    );
    assert_eq!(answer_text(sex, Answer::Choice(99)), None);
    assert_eq!(answer_text(metastatic, Answer::Choice(0)), None);
}

#[test]
fn answers_read_back_from_their_json() {
    let mut rng = Rng::new(12);
    for trial in trials() {
        for _ in 0..10 {
            let mut answers = Answers::new(&trial);
            for q in 0..trial.questions.len() {
                let every = every_answer(&trial, q, &mut rng);
                // Some questions left unanswered.
                if let Some(&answer) = every.get(rng.below(every.len() + 2)) {
                    answers.set(q, answer);
                }
            }
            let json = answers.to_json(&trial).to_string();
            assert_eq!(
                Answers::from_json(&trial, &json, Some(today())),
                Ok(answers),
                "{json}"
            );
        }
    }
}
