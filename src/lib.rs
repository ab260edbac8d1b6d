//! The web app: a Yew front end that runs the engine in the browser. Nothing a person answers
//! leaves the page: there is no request but the ones that load the app and the trial definition.
//!
//! `state` holds the one state and its reducer, `screening` the answers with what they mean
//! (evaluated once per change); `components` render it; `form` reads what people
//! type; `fragment` is the save-a-link format; `load` fetches the trial's definition; `options` the address's
//! options (trial, and how an embedding registry wants the page shown); `referral` the clinician's summary text; `dom` holds
//! every direct browser call, so the rest stays testable natively.

pub mod components;
pub mod dom;
pub mod form;
pub mod fragment;
pub mod i18n;
pub mod load;
pub mod options;
pub mod referral;
pub mod screening;
pub mod state;

/// Starts the app in the page's `<main>`-less body. Called by the `prescreen-app` binary.
pub fn run() {
    dom::show_message_on_panic();
    // Every page speaks: first its words, fetched in the language shown alone.
    let (_, lang) = dom::chosen();
    wasm_bindgen_futures::spawn_local(async move {
        if load::fetch_words(lang).await {
            yew::Renderer::<components::app::App>::new().render();
        } else {
            dom::show_no_words();
        }
    });
}
