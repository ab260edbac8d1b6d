//! Owns the state for one trial and shows the page the person is on.

use std::rc::Rc;

use yew::prelude::*;

use super::check::check_page;
use super::clinician::ClinicianForm;
use super::header::header;
use super::option_problems::option_problems;
use super::question::QuestionPage;
use super::result::result_page;
use super::save_link::{save_link, SaveLinkState};
use super::start::start_page;
use super::{words, FocusedPage};
use crate::dom;
use crate::fragment;
use crate::load::{fetch_trial, fetch_words, Load};
use crate::options::Problem;
use crate::state::{Action, Mode, Notice, Page, SharedTrial, State};
use prescreen_engine::date::Date;
use prescreen_engine::text::Lang;

#[derive(Properties, PartialEq)]
pub struct ScreenerProps {
    pub trial: SharedTrial,
    pub lang: Lang,
    /// The day it is; `None` asks the browser. Tests pass a fixed day.
    #[prop_or_default]
    pub today: Option<Date>,
    /// A state to start from instead of a new one (server-rendering tests).
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// The audience the page's address asks for; patients when it names none.
    #[prop_or_default]
    pub mode: Option<Mode>,
    /// Options from the address that could not be used, shown at the top of every page.
    #[prop_or_default]
    pub problems: Rc<Vec<Problem>>,
}

#[function_component(Screener)]
pub fn screener(props: &ScreenerProps) -> Html {
    let state = {
        let (trial, lang, today, initial, mode) = (
            props.trial.clone(),
            props.lang,
            props.today,
            props.initial.clone(),
            props.mode,
        );
        use_reducer_eq(move || match initial {
            Some(state) => (*state).clone(),
            None => {
                let mut state = State::new(trial, lang, today.unwrap_or_else(dom::today));
                state.mode = mode.unwrap_or(Mode::Patient);
                state
            }
        })
    };
    {
        // A saved link's fragment restores the journey where it was, once, on arrival (in its
        // language, which index.html's script chose).
        let state = state.clone();
        use_effect_with((), move |_| {
            dom::reset_history_depth();
            if let Some(saved) = fragment::decode(state.trial(), &dom::location_hash(), state.today)
            {
                if let Some(mode) = saved.mode {
                    state.dispatch(Action::SetMode(mode));
                }
                state.dispatch(Action::Restore {
                    answers: saved.answers,
                    page: saved.page,
                    complete: saved.complete,
                });
            }
        });
    }
    use_effect_with(state.lang, |lang| dom::set_document_lang(*lang));
    {
        // A language the trial was not loaded in: fetch its texts, then change over.
        let state = state.clone();
        use_effect_with(state.switching, move |switching| {
            if let Some(lang) = *switching {
                let id = state.trial().facts.id.clone();
                // A trial in every language (a definition read by the engine's module) needs
                // only the words.
                let has_lang = state.trial().facts.languages.contains(&lang);
                let trial = state.trial().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let words = fetch_words(lang).await;
                    let load = if has_lang {
                        Load::Ready(trial)
                    } else {
                        fetch_trial(&id, lang).await
                    };
                    state.dispatch(match load {
                        Load::Ready(trial) if words => Action::Translated(trial),
                        _ => Action::TranslationFailed,
                    });
                });
            }
        });
    }
    {
        // The browser's Back button walks the journey back, not off the page.
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = dom::on_popstate(move |depth| state.dispatch(Action::BackTo(depth)));
            move || drop(listener)
        });
    }
    use_effect_with(state.history.len(), |&depth| {
        if depth > dom::history_depth() {
            dom::push_history_depth(depth);
        }
    });

    let focused = |page: &'static str, (title, body): (String, Html)| {
        html! { <FocusedPage {page} lang={state.lang} {title}>{ body }</FocusedPage> }
    };
    let page = match (state.mode, state.page) {
        (Mode::Clinician, _) => html! { <ClinicianForm state={state.clone()} /> },
        (Mode::Patient, Page::Start) => focused("start", start_page(&state)),
        (Mode::Patient, Page::Question(q)) => {
            // Not keyed by question: the next question reuses the page's elements (see
            // `question::use_visit`), which halves a step's DOM work.
            html! { <QuestionPage state={state.clone()} {q} /> }
        }
        (Mode::Patient, Page::Check) => focused("check", check_page(&state)),
        (Mode::Patient, Page::Result) => focused("result", result_page(&state)),
    };
    let journey_started = state.mode == Mode::Patient && state.page != Page::Start;
    let save_link_state = SaveLinkState {
        open: use_state(|| false),
        copied: use_state(|| false),
    };
    html! {
        <>
            { header(&state) }
            <main id="main" class="page" tabindex="-1">
                { option_problems(&props.problems, state.lang) }
                { notice_banner(&state) }
                { page }
                if journey_started {
                    { save_link(&state, &save_link_state) }
                }
            </main>
            { footer(&state) }
        </>
    }
}

fn notice_banner(state: &State) -> Html {
    let c = words(state);
    let Some(notice) = state.notice else {
        return html! {};
    };
    let text = match notice {
        Notice::Cleared => c.cleared,
        Notice::Restored => c.restored,
        Notice::RestoredPartly => c.restored_partly,
        Notice::LanguageFailed => c.language_failed,
    };
    html! { <div class="notice" role="status">{ text }</div> }
}

fn footer(state: &State) -> Html {
    let c = words(state);
    html! {
        <footer class="footer no-print">
            <p>{ c.privacy_promise }</p>
            <p>{ c.not_advice }</p>
            <p>{ c.translation_note }</p>
        </footer>
    }
}
