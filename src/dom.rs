//! Every direct call into the browser, kept in one place. Each call tolerates a missing window or
//! element (as in tests and server rendering): it does nothing rather than panic.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use prescreen_engine::date::Date;
use prescreen_engine::text::Lang;

use super::i18n::catalogue;

/// The browser window; none outside a browser (native tests, server rendering), where calling
/// into JavaScript would abort.
fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// False the first time it is asked, true ever after: whether the person has moved between pages.
pub fn navigated_before() -> bool {
    use std::sync::atomic::{AtomicBool, Ordering};
    static SHOWN_A_PAGE: AtomicBool = AtomicBool::new(false);
    SHOWN_A_PAGE.swap(true, Ordering::Relaxed)
}

/// Moves focus to an element (a page heading, an error summary, a field), as a screen reader
/// user needs on each new page.
///
/// An element that has focus already loses it first: the question page's heading is the same
/// element from question to question, and it must be announced again when it shows another one
/// (the browser's Back, pressed while the heading has focus).
pub fn focus(id: &str) {
    let Some(document) = document() else {
        return;
    };
    if let Some(element) = document
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        if document.active_element().as_deref() == Some(element.as_ref()) {
            let _ = element.blur();
        }
        let _ = element.focus();
    }
}

/// Drops a caret left in words: the empty selection a click on a page's text leaves there, seen
/// only with caret browsing. A click on an answer's label leaves one in its words, and the
/// question page changes those words in place for the next question; with the caret still in
/// them, Chromium looked up a font on the main thread during the next Continue (BENCHMARKS.md,
/// decision 4876bbc). A text box's caret (anchored beside the box, not in a text node) is the one
/// being typed at, and a selection of some words is the person's: both are kept.
pub fn drop_caret() {
    if let Some(Ok(Some(selection))) = window().map(|w| w.get_selection()) {
        let in_words = selection
            .anchor_node()
            .is_some_and(|node| node.node_type() == web_sys::Node::TEXT_NODE);
        if in_words && selection.is_collapsed() {
            let _ = selection.remove_all_ranges();
        }
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Today in the person's own time zone, from JavaScript's clock on wasm32 (a page or a worker),
/// and from the system's natively (tests, server rendering).
pub fn today() -> Date {
    if !cfg!(target_arch = "wasm32") {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        return Date::from_days((secs / 86_400) as i64);
    }
    let now = js_sys::Date::new_0();
    Date {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// The `?trial=` parameter of the page address, if any.
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Starts a GET of a file of ours; `None` outside a browser.
pub fn fetch(path: &str) -> Option<js_sys::Promise> {
    Some(window()?.fetch_with_str(path))
}

/// A trial definition read and checked by the engine's module, which index.html's
/// `prescreenCompile` fetches on first use: `Ok` with the compiled trial, `Err` with its problems
/// as `prescreen check` shows them, `None` when the module could not be had.
pub async fn compile(source: &str, name: &str) -> Option<Result<String, String>> {
    use wasm_bindgen::JsValue;
    let compile: js_sys::Function =
        js_sys::Reflect::get(&window()?.into(), &JsValue::from_str("prescreenCompile"))
            .ok()?
            .dyn_into()
            .ok()?;
    let promise: js_sys::Promise = compile
        .call2(&JsValue::NULL, &source.into(), &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let result = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    match result.as_string() {
        Some(trial) => Some(Ok(trial)),
        None => js_sys::Reflect::get(&result, &JsValue::from_str("problems"))
            .ok()?
            .as_string()
            .map(Err),
    }
}

/// A file the page's inline script (index.html) fetched early, as `window.prescreenTrial`
/// keeps it.
pub enum Early {
    /// It has come: the response's status and text.
    Here(u16, String),
    /// It is still coming: the promise settles when it has come or failed.
    Coming(js_sys::Promise),
    /// The request failed.
    Failed,
    /// Nothing was fetched early for it.
    Absent,
}

/// What the page's inline script (index.html) chose and fetched: `window.prescreenTrial`'s
/// `key`, `undefined` when there is none.
fn early(key: &str) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsValue;
    window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("prescreenTrial")).ok())
        .filter(JsValue::is_object)
        .and_then(|early| js_sys::Reflect::get(&early, &JsValue::from_str(key)).ok())
        .unwrap_or_default()
}

/// The trial and the language the page's inline script chose, the one place they are chosen
/// (index.html): the trial's id, none when the address's is not a plain id or when the script
/// did not run; and the language, English when it did not run.
pub fn chosen() -> (Option<String>, Lang) {
    let lang = early("lang")
        .as_string()
        .and_then(|code| Lang::from_code(&code));
    (early("id").as_string(), lang.unwrap_or(Lang::EN))
}

/// The early fetch of trial `id` in `lang`.
pub fn early_trial(id: &str, lang: Lang) -> Early {
    if early("id").as_string().as_deref() != Some(id) {
        return Early::Absent;
    }
    early_file("trial", lang)
}

/// The early fetch of the app's words in `lang`.
pub fn early_words(lang: Lang) -> Early {
    early_file("words", lang)
}

/// `window.prescreenTrial[key]`, when it was fetched for `lang`.
fn early_file(key: &str, lang: Lang) -> Early {
    use wasm_bindgen::JsValue;
    if early("lang").as_string().as_deref() != Some(lang.code()) {
        return Early::Absent;
    }
    let file = early(key);
    let field =
        |name: &str| js_sys::Reflect::get(&file, &JsValue::from_str(name)).unwrap_or_default();
    if !file.is_object() {
        return Early::Absent;
    }
    if field("failed").is_truthy() {
        return Early::Failed;
    }
    if let (Some(status), Some(text)) = (field("status").as_f64(), field("text").as_string()) {
        return Early::Here(status as u16, text);
    }
    field("promise")
        .dyn_into()
        .map_or(Early::Absent, Early::Coming)
}

/// Shows index.html's message for a page whose words could not be fetched, in every language.
pub fn show_no_words() {
    if let Some(message) = document().and_then(|d| d.get_element_by_id("no-words")) {
        let _ = message.remove_attribute("hidden");
    }
}

pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page address without its fragment.
pub fn address_without_hash() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The base of a saved link: the page address without its fragment, and without `embed`, so
/// that a link saved inside a registry's page opens as a whole page of its own, which scrolls.
pub fn saved_link_base() -> String {
    let address = address_without_hash();
    if window().is_none() {
        return address;
    }
    match web_sys::Url::new(&address) {
        Ok(url) => {
            url.search_params().delete("embed");
            url.href()
        }
        Err(_) => address,
    }
}

/// Removes a saved link's fragment from the address bar (without a reload or a history entry),
/// so answers do not linger there after "Clear my answers".
pub fn clear_hash() {
    if let Some(w) = window() {
        let address = address_without_hash();
        if let Ok(history) = w.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
    }
}

/// How deep into the journey the browser's current history entry is (0 before any page we pushed).
pub fn history_depth() -> usize {
    window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_f64())
        .map_or(0, |d| d as usize)
}

/// Records a new page of the journey in the browser's history, so its Back button works. The
/// entry holds only the depth: no answer, and the address does not change.
///
/// Not when embedded: the entries would be the host page's, and its Back button would walk the
/// widget back instead of leaving the page; the widget's own Back button does that job.
pub fn push_history_depth(depth: usize) {
    if embedded() {
        return;
    }
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.push_state(&wasm_bindgen::JsValue::from_f64(depth as f64), "");
    }
}

/// Marks the browser's current entry as the start of a journey (depth 0): after a reload or a
/// saved link, the depth left in the entry no longer matches the journey's.
pub fn reset_history_depth() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state(&wasm_bindgen::JsValue::from_f64(0.0), "");
    }
}

/// Goes back through the browser's history when the journey put entries there; false otherwise,
/// and the caller goes back itself.
pub fn go_back() -> bool {
    match window().and_then(|w| w.history().ok()) {
        Some(history) if history_depth() > 0 => history.back().is_ok(),
        _ => false,
    }
}

/// Calls `on_back` with the depth the browser went back to. The listener lives as long as the
/// returned guard.
pub fn on_popstate(on_back: impl Fn(usize) + 'static) -> Option<gloo::events::EventListener> {
    let w = window()?;
    Some(gloo::events::EventListener::new(
        &w,
        "popstate",
        move |_| on_back(history_depth()),
    ))
}

/// Copies text with the asynchronous clipboard API. Its result is not awaited: where the browser
/// refuses, the text is also shown selected in a field for copying by hand.
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// A panic must never leave a blank page: the message replaces the app, in the page's language.
pub fn show_message_on_panic() {
    std::panic::set_hook(Box::new(|_| {
        let lang = document()
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or(Lang::EN);
        if let Some(body) = document().and_then(|d| d.body()) {
            let message = catalogue(lang).crash;
            body.set_inner_html(&format!(
                "<main class=\"page\"><div class=\"panel panel--error\" role=\"alert\"><p>{message}</p></div></main>"
            ));
        }
    }));
}

/// Whether the page is embedded in a registry's page: asked by `embed=1` and really in a frame.
static EMBEDDED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn embedded() -> bool {
    EMBEDDED.load(std::sync::atomic::Ordering::Relaxed)
}

/// The window of the page that frames this one, if any.
fn host_window() -> Option<web_sys::Window> {
    let w = window()?;
    let parent = w.parent().ok().flatten()?;
    (wasm_bindgen::JsValue::from(&parent) != wasm_bindgen::JsValue::from(&w)).then_some(parent)
}

/// Shows the page the way the address's options ask: the compact layout and the accent colour
/// as classes and custom properties on the root element (set through the CSSOM, which the
/// Content-Security-Policy allows, unlike inline style attributes). The embedded layout, which
/// never scrolls itself, applies only inside a frame: `embed=1` opened in a tab of its own still
/// scrolls.
pub fn present(options: &super::options::Options) {
    let Some(root) = document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let embedded = options.embedded && host_window().is_some();
    EMBEDDED.store(embedded, std::sync::atomic::Ordering::Relaxed);
    let classes: Vec<&str> = [(embedded, "embedded"), (options.compact, "compact")]
        .into_iter()
        .filter_map(|(on, class)| on.then_some(class))
        .collect();
    root.set_class_name(&classes.join(" "));
    if let Some(accent) = &options.accent {
        let style = root.style();
        let _ = style.set_property("--accent", &accent.colour);
        let _ = style.set_property("--button", &accent.colour);
        let _ = style.set_property("--button-hover", &accent.hover);
        let _ = style.set_property("--button-shadow", &accent.hover);
    }
}

/// Heights are reported in steps of this many pixels: the host learns the page's size, not its
/// exact layout (which differs a little with the answers shown).
const HEIGHT_STEP: f64 = 32.0;

/// Once the first real page is shown (not the loading line, so the host page does not jump
/// twice), posts `{type: "prescreen:height", height}` to the embedding page whenever the
/// content's height changes, and nothing else, ever: the host's loader checks the sender and the
/// shape. The target origin is `*` because the message holds only a number of pixels, and the
/// host's origin is not known (the frame is loaded without a referrer).
///
/// It measures after every change to the page (a MutationObserver) and every resize of the
/// frame. Not a ResizeObserver: Chromium runs no rendering steps, and so no ResizeObserver, in a
/// cross-origin frame that is off screen, and the host should know the height before the
/// person scrolls to it.
pub fn report_height_to_host() {
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;

    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !embedded() || STARTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let (Some(w), Some(host)) = (window(), host_window()) else {
        return;
    };
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let last = Cell::new(0.0);
    let observed = root.clone();
    let report = move || {
        // The root element's box is as tall as the content, whatever the frame's height.
        let content = root.get_bounding_client_rect().height();
        let height = (content / HEIGHT_STEP).ceil() * HEIGHT_STEP;
        if height != last.replace(height) {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"prescreen:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = host.post_message(&message, "*");
        }
    };
    let closure = Closure::<dyn FnMut()>::new(report);
    let callback = closure.as_ref().unchecked_ref();
    let _ = w.add_event_listener_with_callback("resize", callback);
    if let Ok(observer) = web_sys::MutationObserver::new(callback) {
        let init = web_sys::MutationObserverInit::new();
        init.set_subtree(true);
        init.set_child_list(true);
        init.set_attributes(true);
        init.set_character_data(true);
        let _ = observer.observe_with_options(&observed, &init);
        std::mem::forget(observer); // observes as long as the page lives
    }
    let _ = callback.call0(&JsValue::NULL);
    closure.forget(); // called as long as the page lives
}
