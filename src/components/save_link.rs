//! "Save a link to continue later": the answers in the link's fragment, which stays on the device.

use yew::prelude::*;

use super::words;
use crate::state::State;
use crate::{dom, fragment};

/// Whether the panel is open, and whether its link has been copied: the screener's, so they last
/// as long as it does (the panel stays as the person left it, also after going back to the start).
pub struct SaveLinkState {
    pub open: UseStateHandle<bool>,
    pub copied: UseStateHandle<bool>,
}

pub fn save_link(state: &State, ui: &SaveLinkState) -> Html {
    let c = words(state);
    let (open, copied) = (&ui.open, &ui.copied);
    // Only while the panel is open: building it asks the browser for the address, on every page.
    let link = open.then(|| format!("{}{}", dom::saved_link_base(), fragment::encode(state)));
    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_| {
            open.set(!*open);
            copied.set(false);
        })
    };
    let copy = {
        let (copied, link) = (copied.clone(), link.clone().unwrap_or_default());
        Callback::from(move |_| {
            dom::copy_to_clipboard(&link);
            copied.set(true);
        })
    };
    html! {
        <section class="save-link no-print">
            <button type="button" class="link-button" aria-expanded={(**open).to_string()} aria-controls="save-link-panel" onclick={toggle}>
                { c.save_link }
            </button>
            if let Some(link) = link {
                <div id="save-link-panel" class="save-link__panel">
                    <p class="hint">{ c.save_link_explain }</p>
                    <label class="label" for="save-link-field">{ c.save_link_label }</label>
                    <input class="input" id="save-link-field" type="text" readonly=true value={link} />
                    <button type="button" class="button button--secondary" onclick={copy}>{ c.copy }</button>
                    <span class="copied" role="status">{ if **copied { c.copied } else { "" } }</span>
                </div>
            }
        </section>
    }
}
