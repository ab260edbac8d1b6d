//! The compiled trial the web app reads (src/compiled): it gives back the trial it was written
//! from, and any other text, however damaged, reads as `None`, never a panic.

use prescreen_engine::compiled::{read, write};
use prescreen_engine::trial::{Expr, QuestionKind, Trial};
use prescreen_engine::Lang;

/// Each definition's trial, in every language and in each alone.
fn trials() -> Vec<(String, Trial)> {
    let mut trials = Vec::new();
    for p in crate::util::trial_definitions() {
        let source = std::fs::read_to_string(&p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let trial = prescreen_engine::load(&source).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        for &lang in &trial.facts.languages {
            trials.push((format!("{name} in {lang:?}"), trial.in_language(lang)));
        }
        trials.push((name, trial));
    }
    trials
}

#[test]
fn every_trial_reads_back_as_it_was_written() {
    let trials = trials();
    assert!(
        trials.len() >= 6,
        "two definitions, each in both languages and alone in each"
    );
    for (name, trial) in trials {
        assert_eq!(read(&write(&trial)).as_ref(), Some(&trial), "{name}");
    }
}

#[test]
fn texts_with_backslashes_newlines_and_every_number_read_back() {
    let (_, mut trial) = trials().remove(0);
    trial.facts.title[Lang::EN] = "a \\ b\\n c\nd \"e\" \\".to_string();
    trial.facts.summary[Lang::IT] = "\n\n\\\\n".to_string();
    let number = trial
        .questions
        .iter()
        .position(|q| matches!(q.kind, QuestionKind::Number(_)))
        .expect("a number question");
    for (min, max) in [
        (-1.5, 0.1),
        (0.0, 9_007_199_254_740_993.0),
        (1e-300, f64::MAX),
    ] {
        if let QuestionKind::Number(range) = &mut trial.questions[number].kind {
            range.min = min;
            range.max = max;
        }
        let written = write(&trial);
        let back = read(&written).expect("reads");
        assert_eq!(back, trial);
    }
}

#[test]
fn each_line_is_one_string_so_a_diff_shows_the_text_that_changed() {
    let (_, trial) = trials().remove(0);
    let written = write(&trial);
    let line = format!("\"{}", trial.facts.title[Lang::EN]);
    assert!(written.lines().any(|l| l == line), "{line}");
}

#[test]
fn a_truncated_or_damaged_file_reads_as_none_without_a_panic() {
    let (_, trial) = trials().remove(0);
    let written = write(&trial);
    let boundaries: Vec<usize> = (0..written.len())
        .filter(|&i| written.is_char_boundary(i))
        .collect();
    for &end in boundaries.iter().step_by(97) {
        assert_eq!(read(&written[..end]), None, "cut at {end}");
    }
    assert_eq!(
        read(&format!("{written}x")),
        None,
        "something after the end"
    );
    assert_eq!(
        read(&written.replacen("prescreen-trial/1", "prescreen-trial/2", 1)),
        None
    );
    // Every byte position replaced by each kind of byte the format gives meaning to: whatever
    // this reads as, it must not panic (a count could now be huge, an index out of range, ...).
    let mut some = 0;
    for &at in boundaries.iter().step_by(13) {
        let Some(c) = written[at..].chars().next() else {
            continue;
        };
        for with in ["9", "0", ",", ".", "\"", "\n", "\\", "99999999999999999999"] {
            let damaged = format!("{}{with}{}", &written[..at], &written[at + c.len_utf8()..]);
            some += usize::from(read(&damaged).is_some());
        }
    }
    // Inside a text most replacements still read; not vacuous: many others did not.
    assert!(some > 0);
}

#[test]
fn a_rule_naming_a_question_that_is_not_there_reads_as_none() {
    let (_, mut trial) = trials().remove(0);
    let count = trial.questions.len();
    trial.criteria[0].rule = Expr::Answered(count);
    assert_eq!(read(&write(&trial)), None);
    // A gate may name only questions before its own (the checker's order).
    let (_, mut trial) = trials().remove(0);
    trial.questions[0].applies_if = Some(Expr::Answered(0));
    assert_eq!(read(&write(&trial)), None);
    trial.questions[1].applies_if = Some(Expr::Answered(0));
    trial.questions[0].applies_if = None;
    assert!(read(&write(&trial)).is_some());
}

#[test]
fn rules_nested_deeper_than_any_checked_rule_read_as_none() {
    let (_, mut trial) = trials().remove(0);
    let nested = |depth: usize| (0..depth).fold(Expr::Const(true), |e, _| Expr::Not(Box::new(e)));
    // The rule parser refuses nesting past 64; the reader takes twice that.
    trial.criteria[0].rule = nested(128);
    let ok = Trial::new(
        trial.facts.clone(),
        trial.questions.clone(),
        trial.criteria.clone(),
    );
    assert_eq!(read(&write(&ok)), Some(ok));
    trial.criteria[0].rule = nested(129);
    assert_eq!(read(&write(&trial)), None);
    trial.criteria[0].rule = nested(5_000);
    assert_eq!(read(&write(&trial)), None);
}
