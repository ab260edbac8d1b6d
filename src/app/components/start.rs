//! The start page: what the tool is and is not, the privacy promise, the trial in brief, Start.

use yew::prelude::*;

use super::trial_facts::{Sites, TrialBrief};
use super::{title, use_app_state, use_page_focus, words, PAGE_HEADING};
use crate::app::i18n::fill;
use crate::app::state::Action;

#[function_component(StartPage)]
pub fn start_page() -> Html {
    let state = use_app_state();
    let c = words(&state);
    let heading = fill(c.start_heading, &[&state.trial.facts.protocol_code]);
    use_page_focus(("start", state.lang), title(&state, &heading));
    let onclick = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Start))
    };
    let resume = !state.answers.is_empty();
    html! {
        <>
            <h1 id={PAGE_HEADING} class="heading-xl" tabindex="-1">{ heading }</h1>
            <p class="lead">{ state.trial.facts.title.get(state.lang) }</p>
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
            <TrialBrief />
            <Sites />
        </>
    }
}
