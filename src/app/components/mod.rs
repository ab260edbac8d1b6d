//! One component per file: `#[function_component(Name)]` with `NameProps`.

pub mod app;
pub mod check;
pub mod clinician;
pub mod criteria;
pub mod error_summary;
pub mod field;
pub mod header;
pub mod option_problems;
pub mod question;
pub mod result;
pub mod save_link;
pub mod screener;
pub mod start;
pub mod trial_facts;
pub mod verdict_panel;

use yew::prelude::*;

use super::i18n::{catalogue, Catalogue};
use super::state::State;

/// The state and its dispatcher, shared with every component below the screener.
pub type StateHandle = UseReducerHandle<State>;

/// The state handle from the nearest [`screener::Screener`].
#[hook]
pub fn use_app_state() -> StateHandle {
    use_context::<StateHandle>().expect("components are rendered inside the screener")
}

/// The catalogue of the language now chosen.
pub fn words(state: &State) -> &'static Catalogue {
    catalogue(state.lang)
}

/// The id of the heading that takes focus when a page opens.
pub const PAGE_HEADING: &str = "page-heading";

/// Sets the document title, and moves focus to the page heading whenever `key` changes, as a
/// screen reader user needs on each new page; but not on the first page of a visit, where focus
/// belongs at the top, before the skip link.
#[hook]
pub fn use_page_focus<K: PartialEq + Clone + 'static>(key: K, title: String) {
    use_effect_with(title, |title| super::dom::set_title(title));
    use_effect_with(key, |_| {
        if super::dom::navigated_before() {
            super::dom::scroll_to_top();
            super::dom::focus(PAGE_HEADING);
        }
    });
}

/// Back, through the browser's history when the journey is in it, so both Back buttons agree.
pub fn back_button(state: &StateHandle) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| {
        if !super::dom::go_back() {
            state.dispatch(super::state::Action::Back);
        }
    })
}

/// A page title: the page's own heading, then the app's name.
pub fn title(state: &State, heading: &str) -> String {
    format!(
        "{heading} – {} – {}",
        state.trial.facts.protocol_code,
        words(state).app_name
    )
}
