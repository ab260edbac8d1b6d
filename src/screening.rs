//! The trial, the answers given to it, and what they mean: the evaluation and the questions
//! that still matter. Kept together so that what the answers mean is computed once per change
//! (a step used to evaluate them three times, once for each part of the page that needed it)
//! and can never be out of date: the fields are private, and the only ways to make a screening,
//! [`Screening::new`] and the `with_` methods, evaluate whenever the answers or the trial differ.

use std::rc::Rc;

use prescreen_engine::answers::{Answer, Answers};
use prescreen_engine::evaluation::{evaluate, relevance, Evaluation, Relevance};
use prescreen_engine::trial::{QuestionIdx, Trial};

use crate::state::SharedTrial;

#[derive(Clone, Debug)]
pub struct Screening {
    trial: SharedTrial,
    answers: Answers,
    /// Shared by the copies the reducer makes (one per action), so a copy costs no evaluation.
    meaning: Rc<Meaning>,
}

#[derive(Debug)]
struct Meaning {
    evaluation: Evaluation,
    relevance: Relevance,
}

impl Screening {
    pub fn new(trial: SharedTrial, answers: Answers) -> Screening {
        let meaning = Rc::new(Meaning::of(&trial, &answers));
        Screening {
            trial,
            answers,
            meaning,
        }
    }

    pub fn trial(&self) -> &SharedTrial {
        &self.trial
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// Whether each question applies, each criterion's status, and the verdict.
    pub fn evaluation(&self) -> &Evaluation {
        &self.meaning.evaluation
    }

    /// The unanswered questions that could still change the verdict, and the unsure ones.
    pub fn relevance(&self) -> &Relevance {
        &self.meaning.relevance
    }

    /// With one answer set, or cleared.
    pub fn with_answer(&self, question: QuestionIdx, answer: Option<Answer>) -> Screening {
        let mut answers = self.answers.clone();
        match answer {
            Some(answer) => answers.set(question, answer),
            None => answers.clear(question),
        }
        self.with_answers(answers)
    }

    pub fn with_answers(&self, answers: Answers) -> Screening {
        self.with(self.trial.clone(), answers)
    }

    /// The same answers for another trial (the same one in another language).
    pub fn with_trial(&self, trial: SharedTrial) -> Screening {
        self.with(trial, self.answers.clone())
    }

    /// Evaluates only what is new: the same trial and answers again (an answer given again, a
    /// clear with nothing to clear) keep what they mean.
    fn with(&self, trial: SharedTrial, answers: Answers) -> Screening {
        if trial == self.trial && answers == self.answers {
            return self.clone();
        }
        Screening::new(trial, answers)
    }
}

/// Two screenings are the same when their trials and answers are: what these mean follows.
impl PartialEq for Screening {
    fn eq(&self, other: &Screening) -> bool {
        self.trial == other.trial && self.answers == other.answers
    }
}

impl Meaning {
    fn of(trial: &Trial, answers: &Answers) -> Meaning {
        #[cfg(test)]
        counting::EVALUATIONS.with(|n| n.set(n.get() + 1));
        let evaluation = evaluate(trial, answers);
        let relevance = relevance(trial, answers, &evaluation);
        Meaning {
            evaluation,
            relevance,
        }
    }
}

/// How many times this thread has evaluated answers (tests run one to a thread): a test build
/// counts, so that a test can fail when one step evaluates more than once.
#[cfg(test)]
pub mod counting {
    use std::cell::Cell;

    thread_local! {
        pub(super) static EVALUATIONS: Cell<usize> = const { Cell::new(0) };
    }

    pub fn evaluations() -> usize {
        EVALUATIONS.with(Cell::get)
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use yew::{LocalServerRenderer, Reducible};

    use super::counting::evaluations;
    use crate::components::screener::{Screener, ScreenerProps};
    use crate::state::{Action, Mode, Page, SharedTrial, State};
    use prescreen_engine::answers::{Answer, Answers};
    use prescreen_engine::date::Date;
    use prescreen_engine::evaluation::{evaluate, relevance, Verdict};
    use prescreen_engine::text::Lang;

    /// interACT as a one-language file gives it: a switch to the other language fetches a trial.
    fn interact_in(lang: Lang) -> SharedTrial {
        let mut trial =
            prescreen_engine::load(include_str!("../static/trials/interact.toml")).unwrap();
        trial.facts.languages = vec![lang];
        trial.into()
    }

    fn today() -> Date {
        Date::parse("2026-11-25").unwrap()
    }

    /// The page the person would see, rendered as the screener renders it.
    fn render(state: &Rc<State>) -> String {
        let props = ScreenerProps {
            trial: state.trial().clone(),
            lang: state.lang,
            today: Some(state.today),
            initial: Some(state.clone()),
            mode: None,
            problems: Rc::default(),
        };
        futures::executor::block_on(LocalServerRenderer::<Screener>::with_props(props).render())
    }

    /// One step as the app takes it: the reducer, then every part of the page rendered from the
    /// new state. It evaluates once when the trial or the answers change, and not at all
    /// otherwise; and what it keeps is what a fresh evaluation gives.
    fn step(state: &mut Rc<State>, action: Action) -> String {
        let before = evaluations();
        let next = state.clone().reduce(action.clone());
        let html = render(&next);
        let changed = next.trial() != state.trial() || next.answers() != state.answers();
        assert_eq!(
            evaluations() - before,
            usize::from(changed),
            "evaluations for {action:?} and its page"
        );
        let fresh = evaluate(next.trial(), next.answers());
        assert_eq!(next.evaluation(), &fresh, "after {action:?}");
        assert_eq!(
            next.relevance(),
            &relevance(next.trial(), next.answers(), &fresh),
            "after {action:?}"
        );
        *state = next;
        html
    }

    #[test]
    fn every_step_of_a_journey_evaluates_once_when_its_answers_change_and_never_otherwise() {
        let mut state = Rc::new(State::new(interact_in(Lang::EN), Lang::EN, today()));
        let trial = state.trial().clone();
        let q = |id: &str| trial.question_index(id).unwrap();
        // The likely-eligible patient, but for an operation 20 days ago: excluded for now, so
        // the result page also works out when that lifts.
        let mut given = Answers::from_json(
            &trial,
            include_str!("../examples/patient-likely.json"),
            None,
        )
        .unwrap();
        given.set(q("recent_surgery"), Answer::Yes);
        given.set(q("surgery_days_ago"), Answer::Number(20.0));

        step(&mut state, Action::Start);
        step(&mut state, Action::Answer(q("sex"), Answer::Choice(0)));
        step(&mut state, Action::Back);
        // The same answer again: the page moves on, with nothing to evaluate.
        step(&mut state, Action::Answer(q("sex"), Answer::Choice(0)));
        assert_eq!(state.page, Page::Question(q("age")));
        step(&mut state, Action::SetLang(Lang::IT));
        step(&mut state, Action::Translated(interact_in(Lang::IT)));
        assert_eq!(state.lang, Lang::IT);
        step(&mut state, Action::SetLang(Lang::EN));
        step(&mut state, Action::TranslationFailed);
        while let Page::Question(asked) = state.page {
            let answer = given.get(asked).expect("the patient has an answer");
            step(&mut state, Action::Answer(asked, answer));
        }
        assert_eq!(state.page, Page::Check);
        let result = step(&mut state, Action::ShowResult);
        assert_eq!(state.evaluation().verdict, Verdict::NotEligible);
        assert!(
            result.contains("class=\"temporary\""),
            "the result page says when the exclusion lifts: {result}"
        );
        step(&mut state, Action::Change(q("age")));
        step(&mut state, Action::BackTo(1));
        let form = step(&mut state, Action::SetMode(Mode::Clinician));
        assert!(
            form.contains("referral-text"),
            "the clinician's form: {form}"
        );
        step(
            &mut state,
            Action::Set(q("age"), Some(Answer::Number(17.0))),
        );
        step(&mut state, Action::Set(q("age"), None));
        step(&mut state, Action::Set(q("age"), None));
        step(&mut state, Action::SetMode(Mode::Patient));
        step(&mut state, Action::Clear);
        step(&mut state, Action::Clear);
        step(
            &mut state,
            Action::Restore {
                answers: given,
                page: Page::Check,
                complete: true,
            },
        );
        assert_eq!(state.page, Page::Check);
    }

    /// The counter sees what is evaluated here; this sees that nothing is evaluated elsewhere:
    /// no other file of the app names the engine's `evaluate`, `screen` or `relevance`. (The
    /// result page's `verdict_once_lifted` and `Lifts::of` evaluate the answers as they will be
    /// once time has passed, given the evaluation of the answers as they are.)
    #[test]
    fn no_other_part_of_the_app_evaluates_answers() {
        fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    rust_files(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        assert!(files.len() > 20, "the app's files: {files:?}");
        let mut found = Vec::new();
        for path in files.iter().filter(|p| !p.ends_with("screening.rs")) {
            let text = std::fs::read_to_string(path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if names_an_evaluation(code) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
        assert!(
            found.is_empty(),
            "evaluated outside screening.rs: {found:#?}"
        );
    }

    /// Whether code names the engine's functions that evaluate answers: the words `evaluate`,
    /// `screen` and `relevance`, but not a method of that name (`state.relevance()`).
    fn names_an_evaluation(code: &str) -> bool {
        let part_of_a_name = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        ["evaluate", "screen", "relevance"].iter().any(|word| {
            code.match_indices(word).any(|(at, _)| {
                let before = code[..at].chars().next_back();
                let after = code[at + word.len()..].chars().next();
                !part_of_a_name(before)
                    && !part_of_a_name(after)
                    && before != Some('.')
                    && !code[..at].ends_with("fn ")
            })
        })
    }

    #[test]
    fn evaluations_are_told_from_methods_and_longer_names() {
        for code in [
            "let e = evaluate(&trial, &answers);",
            "use prescreen_engine::evaluation::{evaluate, Truth};",
            "prescreen_engine::evaluation::screen(trial, answers)",
            "relevance(&trial, &answers, &evaluation)",
        ] {
            assert!(names_an_evaluation(code), "{code}");
        }
        for code in [
            "state.relevance().open.len()",
            "pub fn relevance(&self) -> &Relevance {",
            "let evaluation = state.evaluation();",
            "use crate::components::screener::Screener;",
            "prescreen_engine::evaluation::Truth",
        ] {
            assert!(!names_an_evaluation(code), "{code}");
        }
    }
}
