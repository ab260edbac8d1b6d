//! Loading a trial's definition: the file for the language shown, `trials/<id>.<lang>.toml`, which
//! `prescreen split` makes from the two-language `trials/<id>.toml` and which holds half its bytes;
//! that file itself when there is no split one (a registry may drop in a new definition as it is).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::dom::{self, EarlyTrial};
use crate::app::state::SharedTrial;
use crate::diagnostic::render_all;
use crate::text::Lang;

#[derive(Clone, PartialEq)]
pub enum Load {
    Loading,
    /// The file could not be fetched.
    Failed,
    /// No trial by this id: not a plain id, or no such file.
    Unknown(String),
    /// The file was fetched but fails its check: the diagnostics, rendered as the CLI shows them.
    Invalid(String),
    Ready(SharedTrial),
}

/// The file in one language, as index.html's inline script names it too.
pub fn split_path(id: &str, lang: Lang) -> String {
    format!("trials/{id}.{}.toml", lang.code())
}

fn whole_path(id: &str) -> String {
    format!("trials/{id}.toml")
}

/// What the page's early fetch (index.html) has already brought, when that settles it: `None`
/// while it is still coming, or when there was none, or when it found no split file.
pub fn early(id: &str, lang: Lang) -> Option<Load> {
    match dom::early_trial(id, lang) {
        EarlyTrial::Here(status, source) if status != 404 => {
            Some(loaded(id, &split_path(id, lang), status, &source))
        }
        _ => None,
    }
}

/// The trial in `lang`: from the page's early fetch once it settles, else fetched now.
pub async fn fetch_trial(id: &str, lang: Lang) -> Load {
    if let EarlyTrial::Coming(promise) = dom::early_trial(id, lang) {
        // Settled, whatever the outcome: the early fetch records it.
        let _ = JsFuture::from(promise).await;
    }
    let split = split_path(id, lang);
    let (status, source) = match dom::early_trial(id, lang) {
        EarlyTrial::Here(status, source) => (status, source),
        EarlyTrial::Failed => return Load::Failed,
        EarlyTrial::Coming(_) | EarlyTrial::Absent => match get(&split).await {
            Some(response) => response,
            None => return Load::Failed,
        },
    };
    if status != 404 {
        return loaded(id, &split, status, &source);
    }
    let whole = whole_path(id);
    match get(&whole).await {
        Some((status, source)) => loaded(id, &whole, status, &source),
        None => Load::Failed,
    }
}

/// A response's status and text (empty unless OK); `None` when no response came. With the
/// browser's `fetch` itself: a request library (gloo-net) cost the wasm 1.8 KB gzip for one GET.
async fn get(path: &str) -> Option<(u16, String)> {
    let response: web_sys::Response = JsFuture::from(dom::fetch(path)?)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let status = response.status();
    let source = if response.ok() {
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()?
    } else {
        String::new()
    };
    Some((status, source))
}

/// What a response for the file at `path` leads to: the trial, or the page that says why not.
fn loaded(id: &str, path: &str, status: u16, source: &str) -> Load {
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
            Load::Invalid(render_all(&diagnostics, source, path))
        }
    }
}
