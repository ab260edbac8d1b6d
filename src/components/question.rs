//! One question per page, the question as the page's heading (GOV.UK question pages).

use yew::prelude::*;

use super::error_summary::{error_summary, ERROR_SUMMARY};
use super::field::{field, field_id, Field};
use super::{back_button, title, use_page_focus, words, StateHandle};
use crate::dom;
use crate::form::{draft_for, read, Draft, FieldError};
use crate::i18n::fill;
use crate::state::Action;
use prescreen_engine::evaluation::Truth;
use prescreen_engine::trial::QuestionIdx;

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
    let question = &state.trial().questions[q];
    // What is typed and its error belong to this visit to the question; an earlier visit's are
    // ignored (see `use_visit`).
    let visit = use_visit(q);
    let typed = use_state(|| None::<(u32, Draft)>);
    let draft =
        of_visit(&typed, visit).unwrap_or_else(|| draft_for(question, state.answers().get(q)));
    let shown_error = use_state(|| None::<(u32, FieldError)>);
    let error = of_visit(&shown_error, visit);
    let page_title = title(&state, question.patient.get(state.lang));
    let page_title = match &error {
        Some(_) => format!("{}: {page_title}", c.error_summary_title),
        None => page_title,
    };
    use_page_focus((q, state.lang), page_title);
    {
        // A new error takes focus to the summary, so it is read out at once.
        let shown = error.is_some();
        use_effect_with(error.clone(), move |_| {
            if shown {
                dom::focus(ERROR_SUMMARY);
            }
        });
    }

    let on_change = {
        let typed = typed.clone();
        Callback::from(move |d: Draft| typed.set(Some((visit, d))))
    };
    let onsubmit = {
        let (state, draft, shown_error) = (state.clone(), draft.clone(), shown_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let question = &state.trial().questions[q];
            match read(question, &draft, state.today, state.lang) {
                // The next page is another question (another visit) or none: no error to clear.
                Ok(answer) => state.dispatch(Action::Answer(q, answer)),
                Err(e) => shown_error.set(Some((visit, e))),
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
            // Each click in the form drops a caret it leaves in words (`dom::drop_caret`), so none
            // is left for Continue, where clearing one would cost the step itself.
            <form class="question-form" {onsubmit} onclick={|_| dom::drop_caret()} novalidate=true>
                { field(&state, Field { q, draft, error: message, on_change, clinician: false, page_heading: true }) }
                <button type="submit" class="button">{ c.continue_button }</button>
            </form>
        </>
    }
}

/// Which visit to a question this is: a number that changes whenever the page shows another
/// question than last time. The page is not re-created for each question (reusing its elements
/// spares most of a step's DOM work), so its hooks' state outlives a question; what belongs to one
/// visit is tagged with this number.
#[hook]
fn use_visit(q: QuestionIdx) -> u32 {
    let last = use_mut_ref(|| (q, 0u32));
    let mut last = last.borrow_mut();
    if last.0 != q {
        *last = (q, last.1.wrapping_add(1));
    }
    last.1
}

/// What `tagged` holds for this visit, if anything.
fn of_visit<T: Clone>(tagged: &Option<(u32, T)>, visit: u32) -> Option<T> {
    tagged
        .as_ref()
        .filter(|(at, _)| *at == visit)
        .map(|(_, value)| value.clone())
}

/// How many questions that apply are answered, and at most how many are still to ask.
fn progress(state: &crate::state::State) -> (usize, usize) {
    let evaluation = state.evaluation();
    let answered = state
        .answers()
        .iter()
        .filter(|(q, _)| evaluation.applies[*q] != Truth::False)
        .count();
    (answered, state.relevance().open.len())
}
