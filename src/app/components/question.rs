//! One question per page, the question as the page's heading (GOV.UK question pages).

use yew::prelude::*;

use super::error_summary::{error_summary, ERROR_SUMMARY};
use super::field::{field, field_id, Field};
use super::{back_button, title, use_page_focus, words, StateHandle};
use crate::app::dom;
use crate::app::form::{draft_for, read, Draft, FieldError};
use crate::app::i18n::fill;
use crate::app::state::Action;
use crate::engine::{evaluate, Truth};
use crate::trial::QuestionIdx;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub state: StateHandle,
    pub q: QuestionIdx,
}

#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let state = props.state.clone();
    let c = words(&state);
    let q = props.q;
    let question = &state.trial.questions[q];
    let draft = {
        let initial = draft_for(question, state.answers.get(q));
        use_state(move || initial)
    };
    let error = use_state(|| None::<FieldError>);
    let page_title = title(&state, question.patient.get(state.lang));
    let page_title = match &*error {
        Some(_) => format!("{}: {page_title}", c.error_summary_title),
        None => page_title,
    };
    use_page_focus((q, state.lang), page_title);
    {
        // A new error takes focus to the summary, so it is read out at once.
        let shown = error.is_some();
        use_effect_with((*error).clone(), move |_| {
            if shown {
                dom::focus(ERROR_SUMMARY);
            }
        });
    }

    let on_change = {
        let draft = draft.clone();
        Callback::from(move |d: Draft| draft.set(d))
    };
    let onsubmit = {
        let (state, draft, error) = (state.clone(), draft.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let question = &state.trial.questions[q];
            match read(question, &draft, state.today, state.lang) {
                Ok(answer) => {
                    error.set(None);
                    state.dispatch(Action::Answer(q, answer));
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let back = back_button(&state);

    let message = error.as_ref().map(|e| e.message(state.lang));
    let summary: Vec<(String, String)> = message
        .iter()
        .map(|m| (field_id(&question.id), m.clone()))
        .collect();
    let progress = progress(&state);
    html! {
        <>
            <button type="button" class="back-link" onclick={back}>{ c.back }</button>
            <p class="caption">{ fill(c.progress, &[&progress.0.to_string(), &progress.1.to_string()]) }</p>
            { error_summary(&state, &summary) }
            <form class="question-form" {onsubmit} novalidate=true>
                { field(&state, Field { q, draft: (*draft).clone(), error: message, on_change, clinician: false, page_heading: true }) }
                <button type="submit" class="button">{ c.continue_button }</button>
            </form>
        </>
    }
}

/// How many questions that apply are answered, and at most how many are still to ask.
fn progress(state: &crate::app::state::State) -> (usize, usize) {
    let evaluation = evaluate(&state.trial, &state.answers);
    let answered = state
        .answers
        .iter()
        .filter(|(q, _)| evaluation.applies[*q] != Truth::False)
        .count();
    (answered, state.relevance().open.len())
}
