//! The root: reads the address's options (which trial, and how an embedding registry wants it
//! shown), loads the trial's definition, and hands it to the screener.

use std::rc::Rc;

use yew::prelude::*;

use super::screener::Screener;
use super::PAGE_HEADING;
use crate::dom;
use crate::fragment;
use crate::i18n::{catalogue, fill};
use crate::load::{self, Load};
use crate::options::{shown, Options};

#[function_component(App)]
pub fn app() -> Html {
    let options = use_memo((), |_| Options::read(dom::query_param));
    // The language of a saved link for this trial, else the address's, else the browser's; the
    // inline script in index.html chooses the same way, to fetch the same file.
    let lang = use_memo((), {
        let (chosen, trial) = (options.lang, options.trial.clone());
        move |_| {
            trial
                .ok()
                .and_then(|id| fragment::saved_lang(&dom::location_hash(), &id))
                .or(chosen)
                .unwrap_or_else(dom::preferred_lang)
        }
    });
    // The page's inline script has usually fetched the definition while this code was on its way:
    // then the first page is the trial's, with no loading page and no wait on the network.
    let load = use_state(|| match &options.trial {
        Ok(id) => load::early(id, *lang).unwrap_or(Load::Loading),
        Err(asked) => Load::Unknown(asked.clone()),
    });
    {
        let (load, options, lang) = (load.clone(), options.clone(), *lang);
        use_effect_with((), move |_| {
            dom::present(&options);
            if let (Load::Loading, Ok(id)) = (&*load, options.trial.clone()) {
                wasm_bindgen_futures::spawn_local(async move {
                    load.set(load::fetch_trial(&id, lang).await);
                });
            }
        });
    }
    let c = catalogue(*lang);
    let ready = matches!(&*load, Load::Ready(_));
    // Before the screener takes over, this page speaks the browser's language and is titled.
    let heading = match &*load {
        Load::Loading => c.loading,
        Load::Failed => c.load_failed_title,
        Load::Unknown(_) => c.trial_unknown_title,
        Load::Invalid(_) => c.definition_invalid_title,
        Load::Ready(_) => "",
    };
    {
        let (lang, heading) = (*lang, heading.to_string());
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
                lang={*lang}
                mode={options.mode}
                problems={Rc::new(options.problems.clone())}
            />
        },
    }
}
