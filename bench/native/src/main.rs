//! Times, natively, what the engine's JavaScript API does for one answer change (see
//! Cargo.toml). The patient is `benches/engine.rs`'s midway patient; the change is
//! `evaluable_disease = yes`. Prints microseconds per change: the median of five rounds of about
//! 300 ms each, then the fastest and slowest round.

use std::hint::black_box;
use std::time::{Duration, Instant};

use prescreen_engine::date::Date;
use prescreen_engine::evaluation::relevance;
use prescreen_engine::report::Report;
use prescreen_engine::{evaluate, Answers, Lang};

const INTERACT: &str = include_str!("../../../static/trials/interact.toml");
const MIDWAY: &str = r#"{"sex": "female", "age": 61, "adenocarcinoma": "yes", "metastatic": "yes",
  "er_status": "positive", "pgr_status": "unsure", "her2_status": "low",
  "her2pos_or_tn_history": "no", "first_line_cdk46": "yes", "progressed_on_first_line": "yes",
  "first_line_months": 11, "metastatic_chemo": "no", "evaluable_disease": "yes"}"#;

fn main() {
    let trial = prescreen_engine::load(INTERACT).expect("interACT loads");
    let today = Date::parse("2026-11-25");
    let answers = Answers::from_json(&trial, MIDWAY, today).expect("valid answers");

    time("engine: evaluate + relevance (as cargo bench)", || {
        let evaluation = evaluate(&trial, black_box(&answers));
        relevance(&trial, &answers, &evaluation).open.len()
    });
    time("API evaluate: answers from JSON + Report::build", || {
        let answers = Answers::from_json(&trial, black_box(MIDWAY), today).unwrap();
        Report::build(&trial, &answers, Lang::En, today).criteria.len()
    });
    time("API relevant: answers from JSON + evaluate + relevance", || {
        let answers = Answers::from_json(&trial, black_box(MIDWAY), today).unwrap();
        let evaluation = evaluate(&trial, &answers);
        relevance(&trial, &answers, &evaluation).open.len()
    });
    // The API hands the report to JavaScript as objects (serde-wasm-bindgen); natively, the
    // nearest is writing it as JSON text.
    time("API evaluate, the report written as JSON text", || {
        let answers = Answers::from_json(&trial, black_box(MIDWAY), today).unwrap();
        let report = Report::build(&trial, &answers, Lang::En, today);
        serde_json::to_string(&report).unwrap().len()
    });
    time("API evaluate (report as JSON text) + API relevant", || {
        let a = Answers::from_json(&trial, black_box(MIDWAY), today).unwrap();
        let report = serde_json::to_string(&Report::build(&trial, &a, Lang::En, today)).unwrap();
        let b = Answers::from_json(&trial, black_box(MIDWAY), today).unwrap();
        let evaluation = evaluate(&trial, &b);
        report.len() + relevance(&trial, &b, &evaluation).open.len()
    });
}

fn time<T>(name: &str, mut work: impl FnMut() -> T) {
    let round = |n: u64, work: &mut dyn FnMut() -> T| {
        let start = Instant::now();
        for _ in 0..n {
            black_box(work());
        }
        start.elapsed()
    };
    let mut n = 16;
    while round(n, &mut work) < Duration::from_millis(75) {
        n *= 2;
    }
    n *= 4;
    let mut rounds: Vec<f64> = (0..5)
        .map(|_| round(n, &mut work).as_secs_f64() * 1e6 / n as f64)
        .collect();
    rounds.sort_by(f64::total_cmp);
    println!(
        "{name}: {:.2} µs ({:.2}–{:.2}), {n} calls a round",
        rounds[2], rounds[0], rounds[4]
    );
}
