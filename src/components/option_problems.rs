//! The options a registry set wrongly, shown inside the pre-screener where whoever set them up
//! will see them; the pre-screener carries on with the defaults.

use yew::prelude::*;

use crate::i18n::{catalogue, fill};
use crate::options::{shown, Problem};
use prescreen_engine::text::Lang;

pub fn option_problems(problems: &[Problem], lang: Lang) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let c = catalogue(lang);
    let line = |problem: &Problem| match problem {
        Problem::Lang(v) => fill(c.option_lang, &[shown(v)]),
        Problem::Mode(v) => fill(c.option_mode, &[shown(v)]),
        Problem::Compact(v) => fill(c.option_compact, &[shown(v)]),
        Problem::Accent(v) => fill(c.option_accent, &[shown(v)]),
        Problem::AccentContrast(v, ratio) => {
            let ratio = format!("{}{}{}", ratio / 10, c.decimal_point, ratio % 10);
            fill(c.option_accent_contrast, &[shown(v), &ratio])
        }
    };
    html! {
        // A plain notice, not an alert: it is for whoever set the page up, and should not
        // interrupt a screen reader user the moment the host page loads.
        <div class="notice notice--problem">
            <p class="notice__title">{ c.option_problems_title }</p>
            <ul class="list">{ for problems.iter().map(|p| html! { <li>{ line(p) }</li> }) }</ul>
        </div>
    }
}
