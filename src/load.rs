//! Loading a trial: its compiled form in the language shown, `trials/<id>.<lang>.trial`, which
//! `prescreen compile` writes from the checked definition (src/compiled). When there is none (a
//! registry may drop in a definition as it is), the definition itself, `<id>.toml`, read and
//! checked by the engine's module, which only then is fetched: reading TOML would be a third of
//! the app's own wasm.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::dom::{self, Early};
use crate::state::SharedTrial;
use prescreen_engine::text::Lang;

#[derive(Clone, PartialEq)]
pub enum Load {
    Loading,
    /// The file could not be fetched.
    Failed,
    /// No trial by this id: not a plain id, or no such file.
    Unknown(String),
    /// The file was fetched but cannot be used: a definition's diagnostics, rendered as the CLI
    /// shows them, or why a compiled trial cannot be read. For the trial's authors.
    Invalid(String),
    Ready(SharedTrial),
}

/// The app's words in `lang`, installed for [`crate::i18n::catalogue`]: from the page's early
/// fetch once it settles, else fetched now. Whether they are there.
pub async fn fetch_words(lang: Lang) -> bool {
    if crate::i18n::installed(lang) {
        return true;
    }
    let path = format!("i18n/{}.txt", lang.code());
    let Some((200..=299, text)) = early_or_get(&|| dom::early_words(lang), &path).await else {
        return false;
    };
    crate::i18n::install(lang, text)
}

/// The compiled trial in one language, as index.html's inline script names it too.
pub fn compiled_path(id: &str, lang: Lang) -> String {
    format!("trials/{id}.{}.trial", lang.code())
}

/// The definition, to read when there is no compiled trial.
fn definition_path(id: &str) -> String {
    format!("trials/{id}.toml")
}

/// What the page's early fetch (index.html) has already brought, when that settles it: `None`
/// while it is still coming, or when there was none, or when it found no compiled trial.
pub fn early(id: &str, lang: Lang) -> Option<Load> {
    match dom::early_trial(id, lang) {
        Early::Here(status, source) if status != 404 => {
            Some(compiled(id, &compiled_path(id, lang), status, &source))
        }
        _ => None,
    }
}

/// The trial in `lang`: from the page's early fetch once it settles, else fetched now.
pub async fn fetch_trial(id: &str, lang: Lang) -> Load {
    let path = compiled_path(id, lang);
    let Some((status, source)) = early_or_get(&|| dom::early_trial(id, lang), &path).await else {
        return Load::Failed;
    };
    if status != 404 {
        return compiled(id, &path, status, &source);
    }
    let path = definition_path(id);
    match get(&path).await {
        Some((404, _)) => Load::Unknown(id.to_string()),
        Some((200..=299, source)) => definition(&path, &source).await,
        _ => Load::Failed,
    }
}

/// A file index.html's script fetched early (as `early` reads it), once that fetch has settled,
/// or else `path` fetched now: its status and text, `None` when no response came.
async fn early_or_get(early: &dyn Fn() -> Early, path: &str) -> Option<(u16, String)> {
    if let Early::Coming(promise) = early() {
        // Settled, whatever the outcome: the early fetch records it.
        let _ = JsFuture::from(promise).await;
    }
    match early() {
        Early::Here(status, text) => Some((status, text)),
        Early::Failed => None,
        Early::Coming(_) | Early::Absent => get(path).await,
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

/// What a response for the compiled trial at `path` leads to: the trial, or the page that says
/// why not.
fn compiled(id: &str, path: &str, status: u16, source: &str) -> Load {
    match status {
        200..=299 => trial(path, source),
        404 => Load::Unknown(id.to_string()),
        _ => Load::Failed,
    }
}

/// The trial a compiled trial's text holds, or the page that says it cannot be read.
fn trial(path: &str, source: &str) -> Load {
    match prescreen_engine::compiled::read(source) {
        Some(trial) => Load::Ready(trial.into()),
        // For the trial's authors, as the definition's problems are: not translated.
        None => Load::Invalid(format!(
            "{path}: not a compiled trial this app reads. Make it again with `prescreen compile`."
        )),
    }
}

/// A definition with no compiled trial beside it, read and checked by the engine's module: the
/// trial, or its problems as `prescreen check` shows them.
async fn definition(path: &str, source: &str) -> Load {
    match dom::compile(source, path).await {
        Some(Ok(compiled)) => trial(path, &compiled),
        Some(Err(problems)) => Load::Invalid(problems),
        None => Load::Failed,
    }
}
