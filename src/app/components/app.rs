//! The root: reads the address's options (which trial, and how an embedding registry wants it
//! shown), loads the trial's definition, and hands it to the screener.

use std::rc::Rc;

use yew::prelude::*;

use super::screener::Screener;
use super::PAGE_HEADING;
use crate::app::dom;
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
    let load = use_state(|| Load::Loading);
    {
        let (load, options) = (load.clone(), options.clone());
        use_effect_with((), move |_| {
            dom::present(&options);
            match options.trial.clone() {
                Ok(id) => wasm_bindgen_futures::spawn_local(async move {
                    load.set(fetch_trial(&id).await);
                }),
                Err(asked) => load.set(Load::Unknown(asked)),
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

async fn fetch_trial(id: &str) -> Load {
    let path = format!("trials/{id}.toml");
    let response = match gloo_net::http::Request::get(&path).send().await {
        Ok(response) if response.ok() => response,
        Ok(response) if response.status() == 404 => return Load::Unknown(id.to_string()),
        _ => return Load::Failed,
    };
    let Ok(source) = response.text().await else {
        return Load::Failed;
    };
    match crate::load(&source) {
        Ok(trial) => Load::Ready(trial.into()),
        Err(mut diagnostics) => {
            // This build leaves messages out (terse-diagnostics): several problems of one kind at
            // one spot, such as a table's missing keys, would read as copies. Each shows once.
            diagnostics
                .dedup_by(|a, b| a.kind == b.kind && a.span == b.span && a.message == b.message);
            Load::Invalid(render_all(&diagnostics, &source, &path))
        }
    }
}
