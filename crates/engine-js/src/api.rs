//! The `Trial` class that JavaScript sees (README.md, "Engine API (JavaScript)"). Each method
//! reads its arguments, calls the library, and hands back plain objects; every mistake in the
//! arguments is a thrown `Error` with a message, never a panic (a panic would trap the module).

use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;

use prescreen_engine::answers::Answers;
use prescreen_engine::date::Date;
use prescreen_engine::diagnostic::render_all;
use prescreen_engine::evaluation::{evaluate, relevance};
use prescreen_engine::report::Report;
use prescreen_engine::Lang;

use crate::shape::{questions, BadAnswer, Options, Problem};

/// A checked trial definition.
#[wasm_bindgen(js_name = Trial)]
pub struct Handle {
    trial: prescreen_engine::Trial,
}

#[wasm_bindgen(js_class = Trial)]
impl Handle {
    /// Checks a definition. When it has problems, throws an `Error` whose message is every
    /// problem rendered as the CLI prints it (with `name` as the file name, by default
    /// `definition.toml`) and whose `diagnostics` holds `{line, column, code, message}` each.
    pub fn load(text: JsValue, name: JsValue) -> Result<Handle, JsValue> {
        let text = text
            .as_string()
            .ok_or_else(|| error("Trial.load needs the definition's text, a string"))?;
        let name = string(name, "name")?;
        prescreen_engine::load(&text)
            .map(|trial| Handle { trial })
            .map_err(|diagnostics| {
                let name = name.as_deref().unwrap_or("definition.toml");
                let thrown = error(&render_all(&diagnostics, &text, name));
                let problems: Vec<Problem> =
                    diagnostics.iter().map(|d| Problem::of(d, &text)).collect();
                attach(&thrown, "diagnostics", &problems);
                thrown
            })
    }

    /// The trial in the compiled format the web app reads, with every text it was loaded with:
    /// for a definition that gives its texts in one language only, the `<id>.<lang>.trial` that
    /// `prescreen compile` writes. The app asks for it when a definition has no compiled file
    /// beside it.
    pub fn compiled(&self) -> String {
        prescreen_engine::compiled::write(&self.trial)
    }

    /// Every question in asking order, in `lang` (`en` by default), each with whether it
    /// applies given `answers` (none by default).
    pub fn questions(&self, lang: JsValue, answers: JsValue) -> Result<JsValue, JsValue> {
        let lang = language(string(lang, "lang")?)?;
        let answers = self.answers(&answers, Some(today(None)?))?;
        let evaluation = evaluate(&self.trial, &answers);
        to_js(&questions(&self.trial, &evaluation, lang))
    }

    /// The full report for `answers`, as `prescreen eval` prints it. `options`: `{lang, today}`.
    pub fn evaluate(&self, answers: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let options = read_options(options)?;
        let lang = language(options.lang)?;
        let today = today(options.today.as_deref())?;
        let answers = self.answers(&answers, Some(today))?;
        to_js(&Report::build(&self.trial, &answers, lang, Some(today)))
    }

    /// The ids of the unanswered questions that could still change the verdict, in asking
    /// order; empty once the verdict is settled. `options`: `{today}`, for answers given as dates.
    pub fn relevant(&self, answers: JsValue, options: JsValue) -> Result<Vec<String>, JsValue> {
        let options = read_options(options)?;
        let today = today(options.today.as_deref())?;
        let answers = self.answers(&answers, Some(today))?;
        let evaluation = evaluate(&self.trial, &answers);
        Ok(relevance(&self.trial, &answers, &evaluation)
            .open
            .iter()
            .map(|&q| self.trial.questions[q].id.clone())
            .collect())
    }
}

impl Handle {
    /// Reads answers exactly as the CLI reads an answer file: the object goes through
    /// `JSON.stringify`, so a key whose value is `undefined` is left out, as in JSON. Every bad
    /// answer is reported at once, each on its own line and in the `errors` array.
    fn answers(&self, value: &JsValue, today: Option<Date>) -> Result<Answers, JsValue> {
        if value.is_undefined() {
            return Ok(Answers::new(&self.trial));
        }
        let json = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| {
                error("the answers must be a plain object: {\"<question id>\": <answer>}")
            })?;
        Answers::from_json(&self.trial, &json, today).map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            let thrown = error(&lines.join("\n"));
            let bad: Vec<BadAnswer> = errors.iter().map(BadAnswer::of).collect();
            attach(&thrown, "errors", &bad);
            thrown
        })
    }
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Plain objects and arrays, as `JSON.parse` would give (no `Map`, no `undefined`).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&Serializer::json_compatible())
        .map_err(|e| error(&e.to_string()))
}

/// Sets `thrown[key]` to `value`; the message alone still says everything if that fails.
fn attach<T: Serialize>(thrown: &JsValue, key: &str, value: &T) {
    if let Ok(value) = to_js(value) {
        let _ = js_sys::Reflect::set(thrown, &JsValue::from_str(key), &value);
    }
}

/// English unless told otherwise. `from_code` also takes `it-IT`, `en-GB`: a registry can pass
/// `navigator.language` as it is.
fn language(code: Option<String>) -> Result<Lang, JsValue> {
    match code {
        None => Ok(Lang::EN),
        Some(code) => Lang::from_code(&code).ok_or_else(|| {
            error(&format!(
                "unknown language `{code}`: use {}",
                Lang::codes_listed()
            ))
        }),
    }
}

/// An optional string argument: `undefined` is `None`, anything but a string an error.
fn string(value: JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| error(&format!("`{name}` must be a string")))
}

/// Reads `{lang, today}`, both optional strings. Any other key or type is refused, so that a typo
/// (`{language: 'it'}`) or a `Date` for `today` is an error rather than silently ignored.
fn read_options(options: JsValue) -> Result<Options, JsValue> {
    const SHAPE: &str =
        "the options must be {lang: 'en' | 'it', today: 'YYYY-MM-DD'}, both optional";
    if options.is_undefined() {
        return Ok(Options::default());
    }
    let object = options
        .dyn_ref::<js_sys::Object>()
        .filter(|_| !options.is_function() && !js_sys::Array::is_array(&options))
        .ok_or_else(|| error(SHAPE))?;
    let mut read = Options::default();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        let slot = match key.as_str() {
            "lang" => &mut read.lang,
            "today" => &mut read.today,
            _ => return Err(error(&format!("{SHAPE}; `{key}` is not one of them"))),
        };
        let value = js_sys::Reflect::get(object, &JsValue::from_str(&key)).unwrap_or_default();
        *slot = string(value, &key)?;
    }
    Ok(read)
}

/// The day to compare dates with: the caller's, or the browser's own (in its time zone), since
/// the engine never reads a clock.
fn today(given: Option<&str>) -> Result<Date, JsValue> {
    match given {
        Some(text) => Date::parse(text)
            .ok_or_else(|| error(&format!("today: `{text}` is not a date: use YYYY-MM-DD"))),
        None => Ok(browser_today()),
    }
}

/// Today's date in the browser's time zone.
fn browser_today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}
