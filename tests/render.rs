//! The app's pages rendered natively with Yew's server renderer: what a person would read on each
//! page type, in both languages. (Browser behaviour is tested in tests/e2e.)

use std::rc::Rc;

use prescreen_app::components::screener::{Screener, ScreenerProps};
use prescreen_app::options::{Options, Problem};
use prescreen_app::state::{Action, Mode, Page, State};
use prescreen_engine::answers::parse_answer;
use prescreen_engine::Lang;
use yew::{LocalServerRenderer, Reducible};

const INTERACT_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/static/trials/interact.toml");

fn interact() -> prescreen_engine::Trial {
    prescreen_engine::load(&std::fs::read_to_string(INTERACT_PATH).unwrap()).unwrap()
}

fn today() -> prescreen_engine::date::Date {
    prescreen_engine::date::Date::parse("2026-11-25").unwrap()
}

/// A state with these answers, set as the clinician's form sets them, on this page.
fn state<S: AsRef<str>>(lang: Lang, pairs: &[(S, S)], page: Page) -> State {
    let trial = interact().into();
    let mut state = Rc::new(State::new(trial, lang, today()));
    for (id, text) in pairs {
        let q = state.trial().question_index(id.as_ref()).unwrap();
        let answer =
            parse_answer(&state.trial().questions[q], text.as_ref(), Some(today())).unwrap();
        state = state.reduce(Action::Set(q, Some(answer)));
    }
    let mut state = (*state).clone();
    state.page = page;
    state
}

fn render(state: State) -> String {
    render_with_problems(state, Vec::new())
}

fn render_with_problems(state: State, problems: Vec<Problem>) -> String {
    let props = ScreenerProps {
        trial: state.trial().clone(),
        lang: state.lang,
        today: Some(state.today),
        initial: Some(Rc::new(state)),
        mode: None,
        problems: Rc::new(problems),
    };
    futures::executor::block_on(LocalServerRenderer::<Screener>::with_props(props).render())
}

/// The likely-eligible example patient's answers.
fn eligible() -> Vec<(String, String)> {
    let json = std::fs::read_to_string(format!(
        "{}/examples/patient-likely.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json).unwrap();
    map.into_iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            (k, v)
        })
        .collect()
}

fn assert_contains(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(html.contains(part), "missing {part:?} in:\n{html}");
    }
}

#[test]
fn the_start_page_says_what_the_tool_is_and_is_not() {
    let html = render(state::<&str>(Lang::EN, &[], Page::Start));
    assert_contains(
        &html,
        &[
            "Could the interACT trial be for you?",
            "Start now",
            "It cannot enrol you and is not medical advice.",
            "Your answers stay on this device",
            "EU CT number",
            "2025-523460-21-00",
            "Ospedale San Bortolo di Vicenza",
            "Not yet recruiting",
            "25/11/2026",
        ],
    );
    assert!(
        !html.contains("Ofrdagyc"),
        "garbled site names are never shown"
    );
    let html = render(state::<&str>(Lang::IT, &[], Page::Start));
    assert_contains(
        &html,
        &["Inizia", "Le Sue risposte restano su questo dispositivo"],
    );
}

#[test]
fn a_question_page_has_the_question_as_its_heading() {
    let trial = interact();
    let age = trial.question_index("age").unwrap();
    let html = render(state(Lang::EN, &[("sex", "female")], Page::Question(age)));
    assert_contains(
        &html,
        &[
            "<h1 id=\"page-heading\"",
            "id=\"f-age\"",
            "I’m not sure",
            "Continue",
            "Back",
            "1 answered",
        ],
    );
    let ecog = trial.question_index("ecog").unwrap();
    let html = render(state::<&str>(Lang::IT, &[], Page::Question(ecog)));
    assert_contains(&html, &["type=\"radio\"", "Non so", "Continua", "Indietro"]);
}

#[test]
fn check_your_answers_lists_answers_with_change_links() {
    let html = render(state(
        Lang::EN,
        &[("sex", "female"), ("age", "54")],
        Page::Check,
    ));
    assert_contains(
        &html,
        &[
            "Check your answers",
            "54 years",
            "Change",
            "your answer to:",
            "See the result",
        ],
    );
}

#[test]
fn the_result_never_says_eligible_outright() {
    let html = render(state(Lang::EN, &eligible(), Page::Result));
    assert_contains(
        &html,
        &[
            "You may be eligible for this trial",
            "only the trial team can confirm",
            "Show the listing’s own words",
            "at least 18 years old when signing the consent form",
            "Print or save as PDF",
            "Clear my answers",
        ],
    );
    let html = render(state(Lang::EN, &[("sex", "male")], Page::Result));
    assert_contains(
        &html,
        &["This trial is not for you", "Men cannot take part"],
    );
    let html = render(state(
        Lang::IT,
        &[("sex", "female"), ("organ_function", "unsure")],
        Page::Result,
    ));
    assert_contains(
        &html,
        &["Servono altre informazioni", "Chieda al Suo medico"],
    );
}

#[test]
fn the_clinician_form_has_every_group_and_a_live_verdict() {
    let mut s = state(Lang::EN, &[("sex", "female"), ("age", "17")], Page::Start);
    s.mode = Mode::Clinician;
    let html = render(s);
    assert_contains(
        &html,
        &[
            "Clinical pre-screening form",
            "Diagnosis and receptors",
            "Prior treatment",
            "Performance status and organ function",
            "Other conditions",
            "Pregnancy, contraception and consent",
            "Live verdict",
            "Not eligible",
            "Copy referral summary",
        ],
    );
    assert!(std::path::Path::new(INTERACT_PATH).exists());
}

#[test]
fn a_demo_trial_says_so_on_every_page() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/static/trials/demo_cardio.toml"
    ))
    .unwrap();
    let trial = prescreen_app::state::SharedTrial::from(prescreen_engine::load(&source).unwrap());
    for (lang, badge) in [
        (Lang::EN, "Demo trial: fictional, for demonstration only"),
        (Lang::IT, "Studio dimostrativo"),
    ] {
        for page in [Page::Start, Page::Check, Page::Result] {
            let mut state = State::new(trial.clone(), lang, today());
            state.page = page;
            let html = render(state);
            assert!(html.contains(badge), "{lang:?} {page:?}");
        }
    }
}

#[test]
fn bad_embedding_options_are_shown_inside_the_page_which_carries_on() {
    let options = Options::read(|name| match name {
        "lang" => Some("fr".into()),
        "accent" => Some("#ffdd00".into()),
        _ => None,
    });
    let html = render_with_problems(
        state::<&str>(Lang::EN, &[], Page::Start),
        options.problems.clone(),
    );
    assert_contains(
        &html,
        &[
            "notice--problem",
            "This pre-screener was set up with an option it does not recognise",
            "Language “fr”: use en or it.",
            "Accent colour “#ffdd00”: white text on it has a contrast of 1.3:1",
            "Could the interACT trial be for you?",
        ],
    );
    let italian = render_with_problems(state::<&str>(Lang::IT, &[], Page::Start), options.problems);
    assert_contains(&italian, &["contrasto di 1,3:1", "Lingua «fr»"]);
    assert!(!render(state::<&str>(Lang::EN, &[], Page::Start)).contains("notice--problem"));
}

#[test]
fn a_choice_given_shows_picked_again_each_radio_valued_by_its_answers_text() {
    let trial = interact();
    let her2 = trial.question_index("her2_status").unwrap();
    let html = render(state(
        Lang::EN,
        &[("sex", "female"), ("her2_status", "low")],
        Page::Question(her2),
    ));
    let radios: Vec<&str> = html
        .split("<input")
        .skip(1)
        .filter_map(|tag| tag.split('>').next())
        .filter(|tag| tag.contains("type=\"radio\""))
        .collect();
    let valued = |value: &str| format!(" value=\"{value}\" ");
    assert_eq!(radios.len(), 4, "{radios:#?}");
    for (radio, value) in radios.iter().zip(["zero", "low", "positive", "unsure"]) {
        assert!(radio.starts_with(&valued(value)), "{radio}");
        assert_eq!(radio.contains(" checked "), value == "low", "{radio}");
    }
}
