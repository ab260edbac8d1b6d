//! One page or part per file. A part with state or effects of its own is a component
//! (`#[function_component(Name)]` with `NameProps`); the rest are plain functions of the state
//! returning `Html`, called by their page: every component type costs the wasm ~0.4 KB gzip of
//! Yew's generic code (creating, rendering, comparing props), and these would re-render with
//! the state anyway.

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

/// The state and its dispatcher: the screener's, passed to the pages that dispatch.
pub type StateHandle = UseReducerHandle<State>;

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

#[derive(Properties, PartialEq)]
pub struct FocusedPageProps {
    /// Which page: focus moves to its heading when this (or the language) changes.
    pub page: &'static str,
    pub lang: prescreen_engine::text::Lang,
    pub title: String,
    pub children: Html,
}

/// A page without state of its own (start, check, result), with [`use_page_focus`]'s title and
/// focus: one component for the three, which are plain functions.
#[function_component(FocusedPage)]
pub fn focused_page(props: &FocusedPageProps) -> Html {
    use_page_focus((props.page, props.lang), props.title.clone());
    props.children.clone()
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
        state.trial().facts.protocol_code,
        words(state).app_name
    )
}
