//! The root: reads the address's options (which trial, and how an embedding registry wants it
//! shown), loads the trial's definition, and hands it to the screener.

use std::rc::Rc;

use yew::prelude::*;

use super::screener::Screener;
use super::PAGE_HEADING;
use crate::app::dom::{self, EarlyTrial};
use crate::app::i18n::{catalogue, fill};
use crate::app::options::{shown, Options};
use crate::app::state::SharedTrial;
use crate::diagnostic::render_all;

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    /// The file could not be fetched.
    Failed,
    /// No trial by this id: not a plain id, or no such file.
    Unknown(String),
    /// The file was fetched but fails its check: the diagnostics, rendered as the CLI shows them.
    Invalid(String),
    Ready(SharedTrial),
}

#[function_component(App)]
pub fn app() -> Html {
    let options = use_memo((), |_| Options::read(dom::query_param));
    let lang = use_memo((), {
        let chosen = options.lang;
        move |_| chosen.unwrap_or_else(dom::preferred_lang)
    });
    // The page's inline script has usually fetched the definition while this code was on its way:
    // then the first page is the trial's, with no loading page and no wait on the network.
    let load = use_state(|| match &options.trial {
        Ok(id) => match dom::early_trial(id) {
            EarlyTrial::Here(status, source) => loaded(id, status, &source),
            _ => Load::Loading,
        },
        Err(asked) => Load::Unknown(asked.clone()),
    });
    {
        let (load, options) = (load.clone(), options.clone());
        use_effect_with((), move |_| {
            dom::present(&options);
            if let (Load::Loading, Ok(id)) = (&*load, options.trial.clone()) {
                wasm_bindgen_futures::spawn_local(async move {
                    load.set(fetch_trial(&id).await);
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

/// Waits for the page's early fetch of the definition, or fetches it when there was none.
async fn fetch_trial(id: &str) -> Load {
    if let EarlyTrial::Coming(promise) = dom::early_trial(id) {
        // Settled, whatever the outcome: the early fetch records it.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    match dom::early_trial(id) {
        EarlyTrial::Here(status, source) => return loaded(id, status, &source),
        EarlyTrial::Failed => return Load::Failed,
        EarlyTrial::Coming(_) | EarlyTrial::Absent => {}
    }
    let Ok(response) = gloo_net::http::Request::get(&trial_path(id)).send().await else {
        return Load::Failed;
    };
    let status = response.status();
    let source = if response.ok() {
        match response.text().await {
            Ok(source) => source,
            Err(_) => return Load::Failed,
        }
    } else {
        String::new()
    };
    loaded(id, status, &source)
}

fn trial_path(id: &str) -> String {
    format!("trials/{id}.toml")
}

/// What a response for the trial's definition leads to: the trial, or the page that says why not.
fn loaded(id: &str, status: u16, source: &str) -> Load {
    match status {
        200..=299 => {}
        404 => return Load::Unknown(id.to_string()),
        _ => return Load::Failed,
    }
    match crate::load(source) {
        Ok(trial) => Load::Ready(trial.into()),
        Err(mut diagnostics) => {
            // This build leaves messages out (terse-diagnostics): several problems of one kind at
            // one spot, such as a table's missing keys, would read as copies. Each shows once.
            diagnostics
                .dedup_by(|a, b| a.kind == b.kind && a.span == b.span && a.message == b.message);
            Load::Invalid(render_all(&diagnostics, source, &trial_path(id)))
        }
    }
}
