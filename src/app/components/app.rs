//! The root: finds which trial to show, loads its definition, and hands it to the screener.

use std::rc::Rc;

use yew::prelude::*;

use super::screener::Screener;
use super::PAGE_HEADING;
use crate::app::dom;
use crate::app::i18n::catalogue;
use crate::diagnostic::render_all;
use crate::trial::Trial;

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    /// The file could not be fetched.
    Failed,
    /// The file was fetched but fails its check: the diagnostics, rendered as the CLI shows them.
    Invalid(String),
    Ready(Rc<Trial>),
}

/// A trial id from the address, if it is a plain id; anything else falls back to interACT.
pub fn trial_id(requested: Option<String>) -> String {
    requested
        .filter(|id| !id.is_empty() && id.len() <= 64)
        .filter(|id| {
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        })
        .unwrap_or_else(|| "interact".to_string())
}

#[function_component(App)]
pub fn app() -> Html {
    let lang = use_memo((), |_| dom::preferred_lang());
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            let id = trial_id(dom::query_param("trial"));
            wasm_bindgen_futures::spawn_local(async move {
                load.set(fetch_trial(&id).await);
            });
        });
    }
    let c = catalogue(*lang);
    let ready = matches!(&*load, Load::Ready(_));
    // Before the screener takes over, this page speaks the browser's language and is titled.
    let heading = match &*load {
        Load::Loading => c.loading,
        Load::Failed => c.load_failed_title,
        Load::Invalid(_) => c.definition_invalid_title,
        Load::Ready(_) => "",
    };
    {
        let (lang, heading) = (*lang, heading.to_string());
        use_effect_with((ready, heading), move |(ready, heading)| {
            if !*ready {
                dom::set_document_lang(lang);
                dom::set_title(&format!("{heading} – {}", c.app_name));
            }
        });
    }
    match &*load {
        Load::Loading => html! {
            <main id="main" class="page"><p class="loading" role="status">{ c.loading }</p></main>
        },
        Load::Failed => html! {
            <main id="main" class="page">
                <h1 id={PAGE_HEADING} class="heading-l" tabindex="-1">{ c.load_failed_title }</h1>
                <p>{ c.load_failed_body }</p>
            </main>
        },
        Load::Invalid(diagnostics) => html! {
            <main id="main" class="page">
                <h1 id={PAGE_HEADING} class="heading-l" tabindex="-1">{ c.definition_invalid_title }</h1>
                <p>{ c.definition_invalid_body }</p>
                <pre class="diagnostics">{ diagnostics }</pre>
            </main>
        },
        Load::Ready(trial) => html! { <Screener trial={trial.clone()} lang={*lang} /> },
    }
}

async fn fetch_trial(id: &str) -> Load {
    let path = format!("trials/{id}.toml");
    let response = match gloo_net::http::Request::get(&path).send().await {
        Ok(response) if response.ok() => response,
        _ => return Load::Failed,
    };
    let Ok(source) = response.text().await else {
        return Load::Failed;
    };
    match crate::load(&source) {
        Ok(trial) => Load::Ready(Rc::new(trial)),
        Err(diagnostics) => Load::Invalid(render_all(&diagnostics, &source, &path)),
    }
}

#[cfg(test)]
mod tests {
    use super::trial_id;

    #[test]
    fn only_plain_trial_ids_are_requested() {
        assert_eq!(trial_id(None), "interact");
        assert_eq!(trial_id(Some("demo-cardio".into())), "demo-cardio");
        for bad in [
            "../secrets",
            "https://evil.example/x",
            "",
            "Interact",
            "a/b",
        ] {
            assert_eq!(trial_id(Some(bad.into())), "interact", "{bad}");
        }
    }
}
