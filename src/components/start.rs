//! The start page: what the tool is and is not, the privacy promise, the trial in brief, Start.

use yew::prelude::*;

use super::trial_facts::{sites, trial_brief};
use super::{title, words, StateHandle, PAGE_HEADING};
use crate::i18n::fill;
use crate::state::Action;

/// The page's title and content.
pub fn start_page(state: &StateHandle) -> (String, Html) {
    let c = words(state);
    let heading = fill(c.start_heading, &[&state.trial().facts.protocol_code]);
    let page_title = title(state, &heading);
    let onclick = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Start))
    };
    let resume = !state.answers().is_empty();
    let body = html! {
        <>
            <h1 id={PAGE_HEADING} class="heading-xl" tabindex="-1">{ heading }</h1>
            <p class="lead">{ state.trial().facts.title.get(state.lang) }</p>
            <p>{ c.start_lead }</p>
            <p>{ c.start_what_it_is }</p>
            <p>{ c.start_how_long }</p>
            <div class="inset">
                <p><strong>{ c.start_what_it_is_not }</strong></p>
                <p>{ c.privacy_promise }</p>
            </div>
            <button type="button" class="button button--start" {onclick}>
                { if resume { c.resume_button } else { c.start_button } }
            </button>
            { trial_brief(state) }
            { sites(state) }
        </>
    };
    (page_title, body)
}
