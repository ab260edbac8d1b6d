//! The clinician's live verdict: updates on every change, lists what blocks and what is open, and
//! copies a referral summary.

use yew::prelude::*;

use super::words;
use crate::state::State;
use crate::{dom, referral};
use prescreen_engine::evaluation::Verdict;

/// `copied`: whether the summary has been copied, kept by the form.
pub fn verdict_panel(state: &State, copied: &UseStateHandle<bool>) -> Html {
    let (c, lang) = (words(state), state.lang);
    let evaluation = state.evaluation();
    let (verdict, class) = match evaluation.verdict {
        Verdict::LikelyEligible => (c.clinician_likely, "panel verdict-panel panel--good"),
        Verdict::NotEligible => (c.clinician_not, "panel verdict-panel panel--bad"),
        Verdict::Undetermined => (c.clinician_undetermined, "panel verdict-panel panel--open"),
    };
    let list = |items: Vec<&str>| html! { <ul class="list list--compact">{ for items.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul> };
    let blocking: Vec<&str> = evaluation
        .blocking(state.trial())
        .map(|(_, c)| c.title.get(lang))
        .collect();
    let open: Vec<&str> = evaluation
        .open(state.trial())
        .map(|(_, c)| c.title.get(lang))
        .collect();
    let summary = referral::summary(state);
    let copy = {
        let (copied, summary) = (copied.clone(), summary.clone());
        Callback::from(move |_| {
            dom::copy_to_clipboard(&summary);
            copied.set(true);
        })
    };
    html! {
        <aside {class} aria-labelledby="live-verdict">
            <h2 id="live-verdict" class="heading-s">{ c.live_verdict }</h2>
            <p class="verdict-panel__verdict" role="status" aria-live="polite">{ verdict }</p>
            if !blocking.is_empty() {
                <h3 class="heading-xs">{ c.blocking_criteria }</h3>
                { list(blocking) }
            }
            if evaluation.verdict == Verdict::Undetermined {
                <h3 class="heading-xs">{ c.open_criteria }{ " (" }{ open.len() }{ ")" }</h3>
                { list(open) }
            }
            <button type="button" class="button button--secondary" onclick={copy}>{ c.copy_referral }</button>
            <span class="copied" role="status">{ if **copied { c.referral_copied } else { "" } }</span>
            <label class="label" for="referral-text">{ c.referral_label }</label>
            <textarea id="referral-text" class="textarea" readonly=true rows="8" value={summary} />
        </aside>
    }
}
