//! The root: takes the trial and the language index.html's script chose, checks the address's
//! options (how an embedding registry wants the page shown), loads the trial, and hands it to
//! the screener.

use std::rc::Rc;

use yew::prelude::*;

use super::screener::Screener;
use super::PAGE_HEADING;
use crate::dom;
use crate::i18n::{catalogue, fill};
use crate::load::{self, Load};
use crate::options::{shown, Options};

#[function_component(App)]
pub fn app() -> Html {
    let options = use_memo((), |_| Options::read(dom::query_param));
    let chosen = use_memo((), |_| dom::chosen());
    let (trial, lang) = (chosen.0.clone(), chosen.1);
    // The page's inline script has usually fetched the definition while this code was on its way:
    // then the first page is the trial's, with no loading page and no wait on the network. It
    // chose no trial when the address's id is not a plain one (or did not run): the page says
    // there is no such trial.
    let load = use_state(|| match &trial {
        Some(id) => load::early(id, lang).unwrap_or(Load::Loading),
        None => Load::Unknown(dom::query_param("trial").unwrap_or_default()),
    });
    {
        let (load, options) = (load.clone(), options.clone());
        use_effect_with((), move |_| {
            dom::present(&options);
            if let (Load::Loading, Some(id)) = (&*load, trial) {
                wasm_bindgen_futures::spawn_local(async move {
                    load.set(load::fetch_trial(&id, lang).await);
                });
            }
        });
    }
    let c = catalogue(lang);
    let ready = matches!(&*load, Load::Ready(_));
    // Before the screener takes over, this page speaks the chosen language and is titled.
    let heading = match &*load {
        Load::Loading => c.loading,
        Load::Failed => c.load_failed_title,
        Load::Unknown(_) => c.trial_unknown_title,
        Load::Invalid(_) => c.definition_invalid_title,
        Load::Ready(_) => "",
    };
    {
        let heading = heading.to_string();
        let loading = matches!(&*load, Load::Loading);
        use_effect_with((ready, heading), move |(ready, heading)| {
            if !*ready {
                dom::set_document_lang(lang);
                dom::set_title(&format!("{heading} – {}", c.app_name));
            }
            if !loading {
                dom::report_height_to_host();
            }
        });
    }
    let problem_page = |title: &str, body: Html| {
        html! {
            <main id="main" class="page">
                <h1 id={PAGE_HEADING} class="heading-l" tabindex="-1">{ title.to_string() }</h1>
                { body }
            </main>
        }
    };
    match &*load {
        Load::Loading => html! {
            <main id="main" class="page"><p class="loading" role="status">{ c.loading }</p></main>
        },
        Load::Failed => problem_page(c.load_failed_title, html! { <p>{ c.load_failed_body }</p> }),
        Load::Unknown(id) => problem_page(
            c.trial_unknown_title,
            html! { <p>{ fill(c.trial_unknown_body, &[shown(id)]) }</p> },
        ),
        Load::Invalid(diagnostics) => problem_page(
            c.definition_invalid_title,
            html! {
                <>
                    <p>{ c.definition_invalid_body }</p>
                    <pre class="diagnostics">{ diagnostics }</pre>
                </>
            },
        ),
        Load::Ready(trial) => html! {
            <Screener
                trial={trial.clone()}
                {lang}
                mode={options.mode}
                problems={Rc::new(options.problems.clone())}
            />
        },
    }
}
