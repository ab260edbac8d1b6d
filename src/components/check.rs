//! Check your answers: every answer that counts, each with a Change link that goes to that
//! question and comes back.

use yew::prelude::*;

use super::{back_button, title, words, StateHandle, PAGE_HEADING};
use crate::form::answer_words;
use crate::state::Action;
use prescreen_engine::evaluation::Truth;

/// The page's title and content.
pub fn check_page(state: &StateHandle) -> (String, Html) {
    let c = words(state);
    let evaluation = state.evaluation();
    let rows = state
        .answers()
        .iter()
        .filter(|(q, _)| evaluation.applies[*q] != Truth::False)
        .map(|(q, answer)| {
            let question = &state.trial().questions[q];
            let text = question.patient.get(state.lang);
            let onclick = {
                let state = state.clone();
                Callback::from(move |_| state.dispatch(Action::Change(q)))
            };
            html! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{ text }</dt>
                    <dd class="summary-list__value">{ answer_words(question, answer, state.lang, false) }</dd>
                    <dd class="summary-list__actions">
                        <button type="button" class="link-button" {onclick}>
                            { c.change }<span class="visually-hidden">{ " " }{ c.change_hidden }{ " " }{ text }</span>
                        </button>
                    </dd>
                </div>
            }
        });
    let back = back_button(state);
    let see_result = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowResult))
    };
    let body = html! {
        <>
            <button type="button" class="back-link" onclick={back}>{ c.back }</button>
            <h1 id={PAGE_HEADING} class="heading-l" tabindex="-1">{ c.check_title }</h1>
            <p>{ c.check_lead }</p>
            <dl class="summary-list">{ for rows }</dl>
            <button type="button" class="button" onclick={see_result}>{ c.see_result }</button>
        </>
    };
    (title(state, c.check_title), body)
}
