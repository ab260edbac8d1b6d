//! Soundness, proved by enumeration: whatever the engine settles (`likely_eligible`,
//! `not_eligible`) holds for every way the open answers (unanswered or "I'm not sure") could be
//! filled in; and a question the engine calls irrelevant changes no verdict in any completion.

use proptest::prelude::*;

use prescreen_engine::answers::{Answer, Answers};
use prescreen_engine::evaluation::{evaluate, relevance, Verdict};
use prescreen_engine::generate::{definition, DEEP};
use prescreen_engine::trial::Trial;

use crate::util::{domain, interact};

/// Completions enumerated per case, at most: the open questions are taken in order until the
/// product of their domains would pass it.
const MAX_COMPLETIONS: usize = 4_000;

/// For each question a draw in 0..100: below 15 leaves it unanswered, below 25 "I'm not sure",
/// otherwise picks a definite value from its domain.
fn partial_answers(trial: &Trial, draws: &[u8]) -> Answers {
    let mut answers = Answers::new(trial);
    for (q, &draw) in draws.iter().enumerate().take(trial.questions.len()) {
        match draw {
            0..=14 => {}
            15..=24 => answers.set(q, Answer::Unsure),
            _ => {
                let values = domain(trial, q);
                answers.set(q, values[usize::from(draw) % values.len()]);
            }
        }
    }
    answers
}

/// Checks soundness and relevance for one partial answer set; returns how many completions it saw.
fn check(trial: &Trial, partial: &Answers) -> usize {
    let evaluation = evaluate(trial, partial);
    let relevant = relevance(trial, partial, &evaluation);

    // Questions left open, in order, as many as the enumeration budget allows; the rest are
    // fixed to their first representative value, which keeps every check below exact for the
    // partial answers plus those fixed values.
    let open: Vec<usize> = (0..trial.questions.len())
        .filter(|&q| matches!(partial.get(q), None | Some(Answer::Unsure)))
        .collect();
    let mut base = partial.clone();
    let mut free = Vec::new();
    let mut product = 1usize;
    for &q in &open {
        let d = domain(trial, q);
        if product * d.len() <= MAX_COMPLETIONS {
            product *= d.len();
            free.push((q, d));
        } else {
            base.set(q, d[0]);
        }
    }
    // Fixing some open answers may only settle more; the partial verdict must still hold.
    let base_verdict = evaluate(trial, &base).verdict;
    if evaluation.verdict != Verdict::Undetermined {
        assert_eq!(
            base_verdict, evaluation.verdict,
            "fixing open answers changed a settled verdict"
        );
    }

    let verdicts = completions(trial, &base, &free);
    if evaluation.verdict != Verdict::Undetermined {
        for (i, v) in verdicts.iter().enumerate() {
            assert_eq!(
                *v, evaluation.verdict,
                "completion {i} of {:?} contradicts the settled verdict",
                partial
            );
        }
    }

    // A free question the engine did not call relevant must not change the verdict when it alone
    // changes, in any completion of the others.
    let mut stride = 1;
    for (q, d) in &free {
        let reported = relevant.open.contains(q) || relevant.unsure.contains(q);
        if !reported {
            for (i, v) in verdicts.iter().enumerate() {
                let digit = (i / stride) % d.len();
                let first = i - digit * stride;
                assert_eq!(
                    *v, verdicts[first],
                    "question `{}` was not called relevant but changes the verdict (answers {:?})",
                    trial.questions[*q].id, partial
                );
            }
        }
        stride *= d.len();
    }
    verdicts.len()
}

/// Every completion's verdict, indexed in mixed radix: the first free question varies fastest.
fn completions(trial: &Trial, base: &Answers, free: &[(usize, Vec<Answer>)]) -> Vec<Verdict> {
    let total: usize = free.iter().map(|(_, d)| d.len()).product();
    let mut answers = base.clone();
    (0..total)
        .map(|mut i| {
            for (q, d) in free {
                answers.set(*q, d[i % d.len()]);
                i /= d.len();
            }
            evaluate(trial, &answers).verdict
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn interact_verdicts_are_sound(draws in prop::collection::vec(0u8..100, 40)) {
        let trial = interact();
        check(&trial, &partial_answers(&trial, &draws));
    }

    #[test]
    fn generated_verdicts_are_sound(seed in 0u64..1_000_000, draws in prop::collection::vec(0u8..100, 40)) {
        let trial = prescreen_engine::load(&definition(seed, DEEP)).expect("generated definitions are valid");
        check(&trial, &partial_answers(&trial, &draws));
    }
}

/// The property above draws mostly answered questions; this one leaves many open on purpose, so
/// that settled verdicts over wide completions are exercised too.
#[test]
fn sparse_answers_are_sound_too() {
    let trial = interact();
    let mut rng = prescreen_engine::generate::Rng::new(7);
    let mut settled = 0;
    for _ in 0..300 {
        let draws: Vec<u8> = (0..trial.questions.len())
            .map(|_| {
                if rng.chance(40) {
                    rng.below(25) as u8
                } else {
                    25 + rng.below(75) as u8
                }
            })
            .collect();
        let partial = partial_answers(&trial, &draws);
        if evaluate(&trial, &partial).verdict != Verdict::Undetermined {
            settled += 1;
        }
        check(&trial, &partial);
    }
    assert!(
        settled > 0,
        "no case settled a verdict: the test would prove nothing"
    );
}
