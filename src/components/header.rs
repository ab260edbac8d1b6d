//! The banner: skip link, the app's name, and the language and audience switches, which change
//! nothing but the words: every answer stays.

use yew::prelude::*;

use super::{words, StateHandle};
use crate::state::{Action, Mode};
use prescreen_engine::text::Lang;

pub fn header(state: &StateHandle) -> Html {
    let c = words(state);
    let lang_button = |lang: Lang, name: &'static str| {
        let state = state.clone();
        let pressed = state.lang == lang;
        let onclick = Callback::from(move |_| state.dispatch(Action::SetLang(lang)));
        html! {
            <button type="button" class="switch" lang={lang.code()} aria-pressed={pressed.to_string()} {onclick}>{ name }</button>
        }
    };
    let mode_button = |mode: Mode, name: &'static str| {
        let state = state.clone();
        let pressed = state.mode == mode;
        let onclick = Callback::from(move |_| state.dispatch(Action::SetMode(mode)));
        html! {
            <button type="button" class="switch" aria-pressed={pressed.to_string()} {onclick}>{ name }</button>
        }
    };
    html! {
        <header class="header no-print">
            <a class="skip-link" href="#main">{ c.skip_to_content }</a>
            <div class="header__inner">
                <p class="header__name">{ c.app_name }</p>
                <div class="header__switches">
                    <div role="group" aria-label={c.language} class="switches">
                        { for Lang::ALL.map(|lang| lang_button(lang, lang.own_name())) }
                    </div>
                    <div role="group" aria-label={c.mode} class="switches">
                        { mode_button(Mode::Patient, c.mode_patient) }
                        { mode_button(Mode::Clinician, c.mode_clinician) }
                    </div>
                </div>
            </div>
            if state.trial().facts.demo {
                <p class="demo-badge">{ c.demo_badge }</p>
            }
        </header>
    }
}
