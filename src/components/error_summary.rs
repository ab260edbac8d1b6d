//! The error summary at the top of a page: each problem links to its field (GOV.UK pattern).

use yew::prelude::*;

use super::words;
use crate::dom;
use crate::state::State;

pub const ERROR_SUMMARY: &str = "error-summary";

/// `errors`: `(field id, message)` for each problem.
pub fn error_summary(state: &State, errors: &[(String, String)]) -> Html {
    let c = words(state);
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="error-summary" id={ERROR_SUMMARY} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <h2 class="error-summary__title" id="error-summary-title">{ c.error_summary_title }</h2>
            <ul class="error-summary__list">
                { for errors.iter().map(|(field, message)| {
                    let target = field.clone();
                    // Focus the field in place of following the link, which would change the
                    // address's fragment.
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        dom::focus(&target);
                    });
                    html! { <li><a href={format!("#{field}")} {onclick}>{ message }</a></li> }
                }) }
            </ul>
        </div>
    }
}
