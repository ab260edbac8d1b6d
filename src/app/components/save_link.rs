//! "Save a link to continue later": the answers in the link's fragment, which stays on the device.

use yew::prelude::*;

use super::{use_app_state, words};
use crate::app::{dom, fragment};

#[function_component(SaveLink)]
pub fn save_link() -> Html {
    let state = use_app_state();
    let c = words(&state);
    let open = use_state(|| false);
    let copied = use_state(|| false);
    let link = format!("{}{}", dom::saved_link_base(), fragment::encode(&state));
    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_| {
            open.set(!*open);
            copied.set(false);
        })
    };
    let copy = {
        let (copied, link) = (copied.clone(), link.clone());
        Callback::from(move |_| {
            dom::copy_to_clipboard(&link);
            copied.set(true);
        })
    };
    html! {
        <section class="save-link no-print">
            <button type="button" class="link-button" aria-expanded={open.to_string()} aria-controls="save-link-panel" onclick={toggle}>
                { c.save_link }
            </button>
            if *open {
                <div id="save-link-panel" class="save-link__panel">
                    <p class="hint">{ c.save_link_explain }</p>
                    <label class="label" for="save-link-field">{ c.save_link_label }</label>
                    <input class="input" id="save-link-field" type="text" readonly=true value={link} />
                    <button type="button" class="button button--secondary" onclick={copy}>{ c.copy }</button>
                    <span class="copied" role="status">{ if *copied { c.copied } else { "" } }</span>
                </div>
            }
        </section>
    }
}
