//! Engine benchmarks (`cargo bench`): figures and goals are recorded in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;

use prescreen_engine::answers::{parse_answer, Answer, Answers};
use prescreen_engine::evaluation::{evaluate, relevance, screen};
use prescreen_engine::generate::{definition, Rng, INTERACT_SIZE};
use prescreen_engine::trial::{QuestionKind, Trial};

const INTERACT: &str = include_str!("../../../static/trials/interact.toml");

/// A patient halfway through the journey: diagnosis and treatment answered, the rest open, so
/// that evaluation and relevance both have real work to do.
fn midway_patient(trial: &Trial) -> Answers {
    let mut answers = Answers::new(trial);
    let pairs = [
        ("sex", "female"),
        ("age", "61"),
        ("adenocarcinoma", "yes"),
        ("metastatic", "yes"),
        ("er_status", "positive"),
        ("pgr_status", "unsure"),
        ("her2_status", "low"),
        ("her2pos_or_tn_history", "no"),
        ("first_line_cdk46", "yes"),
        ("progressed_on_first_line", "yes"),
        ("first_line_months", "11"),
        ("metastatic_chemo", "no"),
    ];
    for (id, text) in pairs {
        let q = trial.question_index(id).expect("interACT question");
        answers.set(
            q,
            parse_answer(&trial.questions[q], text, None).expect("valid answer"),
        );
    }
    answers
}

/// One random but valid answer per question, so each generated trial gets a full patient.
fn random_patient(trial: &Trial, rng: &mut Rng) -> Answers {
    let mut answers = Answers::new(trial);
    for (q, question) in trial.questions.iter().enumerate() {
        let answer = match &question.kind {
            QuestionKind::YesNo => [Answer::Yes, Answer::No, Answer::Unsure][rng.below(3)],
            QuestionKind::Choice(options) => Answer::Choice(rng.below(options.len()) as u16),
            QuestionKind::Number(r) | QuestionKind::Elapsed(_, r) => {
                Answer::Number(r.min + (r.max - r.min) * rng.below(1000) as f64 / 1000.0)
            }
        };
        answers.set(q, answer);
    }
    answers
}

fn engine(c: &mut Criterion) {
    c.bench_function("load and check interACT", |b| {
        b.iter(|| prescreen_engine::load(black_box(INTERACT)))
    });

    let trial = prescreen_engine::load(INTERACT).expect("valid");
    let patient = midway_patient(&trial);
    c.bench_function("evaluate one patient (interACT)", |b| {
        b.iter(|| evaluate(black_box(&trial), black_box(&patient)))
    });
    let evaluation = evaluate(&trial, &patient);
    c.bench_function("relevance for one patient (interACT)", |b| {
        b.iter(|| {
            relevance(
                black_box(&trial),
                black_box(&patient),
                black_box(&evaluation),
            )
        })
    });
    c.bench_function(
        "evaluate and relevance after one answer change (interACT)",
        |b| {
            let q = trial.question_index("evaluable_disease").unwrap();
            b.iter_batched(
                || patient.clone(),
                |mut answers| {
                    answers.set(q, Answer::Yes);
                    let evaluation = evaluate(&trial, &answers);
                    relevance(&trial, &answers, &evaluation)
                },
                BatchSize::SmallInput,
            )
        },
    );

    for count in [1_000usize, 10_000] {
        let mut rng = Rng::new(count as u64);
        let trials: Vec<Trial> = (0..count as u64)
            .map(|seed| prescreen_engine::load(&definition(seed, INTERACT_SIZE)).expect("valid"))
            .collect();
        let patients: Vec<Answers> = trials.iter().map(|t| random_patient(t, &mut rng)).collect();
        c.bench_function(
            &format!("evaluate one patient against {count} generated trials"),
            |b| {
                b.iter(|| {
                    trials
                        .iter()
                        .zip(&patients)
                        .filter(|(t, a)| {
                            evaluate(t, a).verdict != prescreen_engine::Verdict::NotEligible
                        })
                        .count()
                })
            },
        );
        c.bench_function(
            &format!("screen one patient against {count} generated trials (verdict only)"),
            |b| {
                b.iter(|| {
                    trials
                        .iter()
                        .zip(&patients)
                        .filter(|(t, a)| screen(t, a) != prescreen_engine::Verdict::NotEligible)
                        .count()
                })
            },
        );
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
