//! One component per file: `#[function_component(Name)]` with `NameProps`.

pub mod app;
pub mod check;
pub mod clinician;
pub mod criteria;
pub mod error_summary;
pub mod field;
pub mod header;
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

/// Moves focus to the page heading and sets the document title whenever `key` changes.
#[hook]
pub fn use_page_focus<K: PartialEq + Clone + 'static>(key: K, title: String) {
    use_effect_with((key, title), |(_, title)| {
        super::dom::set_title(title);
        super::dom::scroll_to_top();
        super::dom::focus(PAGE_HEADING);
    });
}

/// A page title: the page's own heading, then the app's name.
pub fn title(state: &State, heading: &str) -> String {
    format!(
        "{heading} – {} – {}",
        state.trial.facts.protocol_code,
        words(state).app_name
    )
}
