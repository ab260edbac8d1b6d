//! The app's one state and the actions that change it: a pure reducer, tested natively.
//! What the answers mean (the evaluation, the questions that still matter) is kept beside them in
//! a [`Screening`], which evaluates whenever they change and only then; every page reads it
//! from there, and nothing else sets the answers.

use std::ops::Deref;
use std::rc::Rc;

use yew::Reducible;

use prescreen_engine::answers::{Answer, Answers};
use prescreen_engine::date::Date;
use prescreen_engine::evaluation::{Evaluation, Relevance, Truth};
use prescreen_engine::text::Lang;
use prescreen_engine::trial::{QuestionIdx, Trial};

use crate::screening::Screening;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Patient,
    Clinician,
}

impl Mode {
    pub fn id(self) -> &'static str {
        match self {
            Mode::Patient => "patient",
            Mode::Clinician => "clinician",
        }
    }

    pub fn from_id(id: &str) -> Option<Mode> {
        match id {
            "patient" => Some(Mode::Patient),
            "clinician" => Some(Mode::Clinician),
            _ => None,
        }
    }
}

/// Where the patient journey is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Question(QuestionIdx),
    Check,
    Result,
}

/// A short message shown once at the top of the next page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Cleared,
    Restored,
    RestoredPartly,
    /// The trial's texts in the language asked for could not be loaded.
    LanguageFailed,
}

/// The loaded trial, shared by the state and every component. A trial never changes once loaded,
/// so two are the same when they are one: comparing by identity spares a deep comparison of every
/// text on each state change and render (Yew compares state and props), and its code in the wasm.
#[derive(Clone, Debug)]
pub struct SharedTrial(Rc<Trial>);

impl From<Trial> for SharedTrial {
    fn from(trial: Trial) -> SharedTrial {
        SharedTrial(Rc::new(trial))
    }
}

impl PartialEq for SharedTrial {
    fn eq(&self, other: &SharedTrial) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedTrial {
    type Target = Trial;

    fn deref(&self) -> &Trial {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The trial and the answers, with what they mean: set only by the reducer.
    screening: Screening,
    pub lang: Lang,
    pub mode: Mode,
    pub page: Page,
    /// Pages visited before this one, for Back.
    pub history: Vec<Page>,
    /// The day the person is answering on: how-long-ago dates count back from it.
    pub today: Date,
    pub notice: Option<Notice>,
    /// A language asked for whose texts are being fetched (the trial was loaded in one language,
    /// load.rs): the page changes language when they come, as [`Action::Translated`].
    pub switching: Option<Lang>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Leave the start page for the first question that matters.
    Start,
    /// Answer on a question page, then go on to the next question that matters.
    Answer(QuestionIdx, Answer),
    /// Set or clear one answer without moving (the clinician form).
    Set(QuestionIdx, Option<Answer>),
    Back,
    /// The browser went back to this depth of the journey: go back to the page seen there.
    BackTo(usize),
    /// From Check your answers: answer this question again.
    Change(QuestionIdx),
    ShowResult,
    /// Speak `lang`: at once when the trial has its texts, else once they are fetched.
    SetLang(Lang),
    /// The trial's texts in the language being switched to.
    Translated(SharedTrial),
    /// They could not be fetched: the page stays in its language.
    TranslationFailed,
    SetMode(Mode),
    /// Forget every answer and go back to the start.
    Clear,
    /// Take answers and a page from a saved link.
    Restore {
        answers: Answers,
        page: Page,
        complete: bool,
    },
}

impl State {
    pub fn new(trial: SharedTrial, lang: Lang, today: Date) -> State {
        let answers = Answers::new(&trial);
        State {
            screening: Screening::new(trial, answers),
            lang,
            mode: Mode::Patient,
            page: Page::Start,
            history: Vec::new(),
            today,
            notice: None,
            switching: None,
        }
    }

    pub fn trial(&self) -> &SharedTrial {
        self.screening.trial()
    }

    pub fn answers(&self) -> &Answers {
        self.screening.answers()
    }

    /// The answers' evaluation, computed when they last changed.
    pub fn evaluation(&self) -> &Evaluation {
        self.screening.evaluation()
    }

    /// The questions that still matter, computed with the evaluation.
    pub fn relevance(&self) -> &Relevance {
        self.screening.relevance()
    }

    /// The next page of the journey: the first question that still matters, else the check page.
    fn next_page(&self) -> Page {
        match self.relevance().next() {
            Some(q) => Page::Question(q),
            None => Page::Check,
        }
    }

    /// Whether a page can be shown with the answers as they are now: not a question that no
    /// longer applies (after a change of answer, going back must not show it).
    fn shows(&self, page: Page) -> bool {
        match page {
            Page::Question(q) => self
                .evaluation()
                .applies
                .get(q)
                .is_some_and(|t| *t != Truth::False),
            _ => true,
        }
    }

    /// Goes back one page, past any question that no longer applies.
    fn back(&mut self) {
        loop {
            self.page = self.history.pop().unwrap_or(Page::Start);
            if self.shows(self.page) {
                break;
            }
        }
    }

    fn go(&mut self, page: Page) {
        if page != self.page {
            self.history.push(self.page);
            self.page = page;
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        state.notice = None;
        match action {
            Action::Start => {
                let next = state.next_page();
                state.go(next);
            }
            Action::Answer(q, answer) => {
                state.screening = state.screening.with_answer(q, Some(answer));
                let next = state.next_page();
                state.go(next);
            }
            Action::Set(q, answer) => state.screening = state.screening.with_answer(q, answer),
            Action::Back => state.back(),
            Action::BackTo(depth) => {
                while state.history.len() > depth {
                    state.back();
                }
            }
            Action::Change(q) => state.go(Page::Question(q)),
            Action::ShowResult => state.go(Page::Result),
            Action::SetLang(lang)
                if state.trial().facts.languages.contains(&lang)
                    && crate::i18n::installed(lang) =>
            {
                state.lang = lang;
                state.switching = None;
            }
            Action::SetLang(lang) => state.switching = Some(lang),
            Action::Translated(trial) => match state.switching {
                // Answers are kept by question index: the same definition in another language
                // has the same questions (the compiled trials are made from one definition, and
                // crates/engine/tests/compile.rs keeps the committed ones in step).
                Some(lang)
                    if trial.facts.languages.contains(&lang)
                        && same_questions(&trial, state.trial()) =>
                {
                    state.screening = state.screening.with_trial(trial);
                    state.lang = lang;
                    state.switching = None;
                }
                // Asked for no longer (the person switched back meanwhile).
                None => {}
                Some(_) => {
                    state.switching = None;
                    state.notice = Some(Notice::LanguageFailed);
                }
            },
            Action::TranslationFailed => {
                if state.switching.take().is_some() {
                    state.notice = Some(Notice::LanguageFailed);
                }
            }
            Action::SetMode(mode) => state.mode = mode,
            Action::Clear => {
                state.screening = state.screening.with_answers(Answers::new(state.trial()));
                state.history.clear();
                state.page = Page::Start;
                state.notice = Some(Notice::Cleared);
            }
            Action::Restore {
                answers,
                page,
                complete,
            } => {
                state.screening = state.screening.with_answers(answers);
                state.history.clear();
                state.page = page;
                // Time may have reopened the journey (a temporary exclusion lifted since the link
                // was saved): then it goes on from the next question that matters. A question that
                // does not apply to these answers is never shown.
                if !state.shows(page) || matches!(page, Page::Check | Page::Result) {
                    if let Page::Question(q) = state.next_page() {
                        state.page = Page::Question(q);
                    }
                }
                state.notice = Some(if complete {
                    Notice::Restored
                } else {
                    Notice::RestoredPartly
                });
            }
        }
        Rc::new(state)
    }
}

fn same_questions(a: &Trial, b: &Trial) -> bool {
    a.questions.len() == b.questions.len()
        && a.questions
            .iter()
            .zip(&b.questions)
            .all(|(a, b)| a.id == b.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use prescreen_engine::answers::parse_answer;

    fn trial() -> SharedTrial {
        let source = include_str!("../static/trials/interact.toml");
        prescreen_engine::load(source).expect("valid").into()
    }

    fn state() -> Rc<State> {
        Rc::new(State::new(
            trial(),
            Lang::EN,
            Date::parse("2026-11-25").unwrap(),
        ))
    }

    #[test]
    fn trials_compare_by_identity_not_by_content() {
        let one = trial();
        assert_eq!(one, one.clone(), "a shared trial is itself");
        assert_ne!(
            one,
            trial(),
            "a second load of the same file is another trial"
        );
    }

    fn answer(state: &Rc<State>, id: &str, text: &str) -> Rc<State> {
        let q = state.trial().question_index(id).unwrap();
        let a = parse_answer(&state.trial().questions[q], text, Some(state.today)).unwrap();
        state.clone().reduce(Action::Answer(q, a))
    }

    fn page_id(state: &State) -> String {
        match state.page {
            Page::Question(q) => state.trial().questions[q].id.clone(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn start_goes_to_the_first_question_and_back_returns() {
        let s = state().reduce(Action::Start);
        assert_eq!(page_id(&s), "sex");
        let s = s.reduce(Action::Back);
        assert_eq!(s.page, Page::Start);
    }

    #[test]
    fn a_man_goes_straight_to_check_your_answers() {
        let s = state().reduce(Action::Start);
        let s = answer(&s, "sex", "male");
        assert_eq!(s.page, Page::Check);
        assert_eq!(s.clone().reduce(Action::ShowResult).page, Page::Result);
    }

    #[test]
    fn answering_moves_on_and_back_keeps_the_answer() {
        let s = state().reduce(Action::Start);
        let s = answer(&s, "sex", "female");
        assert_eq!(page_id(&s), "age");
        let back = s.reduce(Action::Back);
        assert_eq!(page_id(&back), "sex");
        let sex = back.trial().question_index("sex").unwrap();
        assert!(
            back.answers().get(sex).is_some(),
            "going back loses nothing"
        );
    }

    #[test]
    fn change_from_check_returns_to_check_unless_new_questions_matter() {
        let mut s = state().reduce(Action::Start);
        s = answer(&s, "sex", "male");
        assert_eq!(s.page, Page::Check);
        let sex = s.trial().question_index("sex").unwrap();
        s = s.reduce(Action::Change(sex));
        assert_eq!(page_id(&s), "sex");
        // Now a woman: the journey goes on to the questions that matter for her.
        s = answer(&s, "sex", "female");
        assert_eq!(page_id(&s), "age");
        // Changing an answer that opens nothing new comes straight back.
        s = answer(&s, "age", "16");
        assert_eq!(s.page, Page::Check);
        let age = s.trial().question_index("age").unwrap();
        s = s.reduce(Action::Change(age));
        s = answer(&s, "age", "15");
        assert_eq!(s.page, Page::Check);
    }

    #[test]
    fn language_and_mode_switches_keep_answers() {
        let mut s = state().reduce(Action::Start);
        s = answer(&s, "sex", "female");
        s = answer(&s, "age", "50");
        let before = s.answers().clone();
        s = s.reduce(Action::SetLang(Lang::IT));
        s = s.reduce(Action::SetMode(Mode::Clinician));
        s = s.reduce(Action::SetMode(Mode::Patient));
        assert_eq!(s.answers(), &before);
        assert_eq!(s.lang, Lang::IT);
        assert_eq!(page_id(&s), "adenocarcinoma");
    }

    /// The trial as its compiled file in `lang` gives it (`prescreen compile`): texts in `lang`
    /// only.
    fn trial_in(lang: Lang) -> SharedTrial {
        let trial = prescreen_engine::load(include_str!("../static/trials/interact.toml")).unwrap();
        trial.in_language(lang).into()
    }

    #[test]
    fn switching_to_a_language_the_trial_lacks_waits_for_its_texts() {
        let mut s = Rc::new(State::new(
            trial_in(Lang::EN),
            Lang::EN,
            Date::parse("2026-11-25").unwrap(),
        ));
        s = s.reduce(Action::Start);
        s = answer(&s, "sex", "female");
        let before = s.answers().clone();
        s = s.reduce(Action::SetLang(Lang::IT));
        assert_eq!(
            (s.lang, s.switching),
            (Lang::EN, Some(Lang::IT)),
            "still English meanwhile"
        );
        let italian = trial_in(Lang::IT);
        s = s.reduce(Action::Translated(italian.clone()));
        assert_eq!((s.lang, s.switching), (Lang::IT, None));
        assert!(*s.trial() == italian, "the Italian trial is the one shown");
        assert_eq!(
            (s.answers().clone(), page_id(&s)),
            (before, "age".to_string())
        );
        // Back to English, which this trial no longer has in full: fetched again.
        s = s.reduce(Action::SetLang(Lang::EN));
        assert_eq!((s.lang, s.switching), (Lang::IT, Some(Lang::EN)));
    }

    #[test]
    fn a_switch_that_fails_or_is_taken_back_keeps_the_page_as_it_was() {
        let english = Rc::new(State::new(
            trial_in(Lang::EN),
            Lang::EN,
            Date::parse("2026-11-25").unwrap(),
        ));
        let asked = english.clone().reduce(Action::SetLang(Lang::IT));
        let failed = asked.clone().reduce(Action::TranslationFailed);
        assert_eq!(
            (failed.lang, failed.switching, failed.notice),
            (Lang::EN, None, Some(Notice::LanguageFailed))
        );
        // Switched back before the texts came: they are not used when they come.
        let back = asked.reduce(Action::SetLang(Lang::EN));
        assert_eq!((back.lang, back.switching), (Lang::EN, None));
        let late = back.clone().reduce(Action::Translated(trial_in(Lang::IT)));
        assert_eq!((late.lang, late.notice), (Lang::EN, None));
        assert!(late.trial() == back.trial());
        // Texts for other questions (a definition changed on the server meanwhile) are refused.
        let mut other =
            prescreen_engine::load(include_str!("../static/trials/demo_cardio.toml")).unwrap();
        other.facts.languages = vec![Lang::IT];
        let refused = english
            .reduce(Action::SetLang(Lang::IT))
            .reduce(Action::Translated(other.into()));
        assert_eq!(
            (refused.lang, refused.notice),
            (Lang::EN, Some(Notice::LanguageFailed))
        );
    }

    #[test]
    fn the_browser_back_button_returns_to_the_page_at_that_depth() {
        let mut s = state().reduce(Action::Start);
        s = answer(&s, "sex", "female");
        s = answer(&s, "age", "50");
        assert_eq!(
            (page_id(&s), s.history.len()),
            ("adenocarcinoma".to_string(), 3)
        );
        let back = s.clone().reduce(Action::BackTo(1));
        assert_eq!((page_id(&back), back.history.len()), ("sex".to_string(), 1));
        let forward = s.clone().reduce(Action::BackTo(5));
        assert_eq!(forward.page, s.page, "a forward move changes nothing");
    }

    #[test]
    fn a_restored_journey_goes_on_when_questions_have_opened() {
        let s = state();
        let trial = s.trial().clone();
        let mut answers = Answers::new(&trial);
        let sex = trial.question_index("sex").unwrap();
        answers.set(sex, Answer::Choice(0));
        let restored = s.clone().reduce(Action::Restore {
            answers,
            page: Page::Check,
            complete: true,
        });
        assert_eq!(
            page_id(&restored),
            "age",
            "a woman's journey has questions left"
        );
        let mut answers = Answers::new(&trial);
        answers.set(sex, Answer::Choice(1));
        let restored = s.reduce(Action::Restore {
            answers,
            page: Page::Result,
            complete: true,
        });
        assert_eq!(
            restored.page,
            Page::Result,
            "a settled journey stays where it was"
        );
    }

    #[test]
    fn back_skips_questions_that_no_longer_apply() {
        let mut s = state().reduce(Action::Start);
        for (id, text) in [
            ("sex", "female"),
            ("age", "50"),
            ("adenocarcinoma", "yes"),
            ("metastatic", "yes"),
            ("er_status", "positive"),
            ("pgr_status", "positive"),
            ("her2_status", "low"),
            ("her2pos_or_tn_history", "no"),
            ("first_line_cdk46", "yes"),
            ("progressed_on_first_line", "yes"),
        ] {
            s = answer(&s, id, text);
        }
        assert_eq!(page_id(&s), "first_line_months");
        // Change the gate: first-line treatment without a CDK4/6 inhibitor. Months no longer apply.
        let gate = s.trial().question_index("first_line_cdk46").unwrap();
        s = s.reduce(Action::Change(gate));
        s = answer(&s, "first_line_cdk46", "no");
        let mut seen = Vec::new();
        while s.page != Page::Start {
            s = s.reduce(Action::Back);
            seen.push(page_id(&s));
        }
        assert!(
            !seen
                .iter()
                .any(|p| p == "progressed_on_first_line" || p == "first_line_months"),
            "{seen:?}"
        );
    }

    #[test]
    fn a_link_to_a_question_that_does_not_apply_opens_the_next_one_that_does() {
        let s = state();
        let trial = s.trial().clone();
        let mut answers = Answers::new(&trial);
        answers.set(trial.question_index("sex").unwrap(), Answer::Choice(0));
        answers.set(
            trial.question_index("childbearing_potential").unwrap(),
            Answer::No,
        );
        let pregnant = trial.question_index("pregnant").unwrap();
        let restored = s.reduce(Action::Restore {
            answers,
            page: Page::Question(pregnant),
            complete: true,
        });
        assert_eq!(page_id(&restored), "age");
    }

    #[test]
    fn clear_forgets_everything() {
        let mut s = state().reduce(Action::Start);
        s = answer(&s, "sex", "female");
        s = s.reduce(Action::Clear);
        assert!(s.answers().is_empty());
        assert_eq!((s.page, s.notice), (Page::Start, Some(Notice::Cleared)));
        assert!(s.history.is_empty());
    }

    #[test]
    fn the_clinician_form_sets_and_clears_in_place() {
        let s = state().reduce(Action::SetMode(Mode::Clinician));
        let age = s.trial().question_index("age").unwrap();
        let s = s.reduce(Action::Set(age, Some(Answer::Number(40.0))));
        assert_eq!(s.answers().get(age), Some(Answer::Number(40.0)));
        assert_eq!(s.page, Page::Start);
        let s = s.reduce(Action::Set(age, None));
        assert_eq!(s.answers().get(age), None);
    }
}
