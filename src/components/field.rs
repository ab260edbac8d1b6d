//! The inputs for one question: radios for yes/no and options, a number box for numbers, a number
//! or a date for how-long-ago questions; and "I'm not sure" on every one.

use yew::prelude::*;

use super::{words, PAGE_HEADING};
use crate::form::Draft;
use crate::i18n::fill;
use crate::state::State;
use prescreen_engine::answers::{answer_text, Answer};
use prescreen_engine::trial::{QuestionIdx, QuestionKind};

pub struct Field {
    pub q: QuestionIdx,
    pub draft: Draft,
    pub error: Option<String>,
    pub on_change: Callback<Draft>,
    /// The clinician's wording and a compact layout, in place of the patient's.
    pub clinician: bool,
    /// The question is the page's heading (one question per page).
    pub page_heading: bool,
}

/// The id of the first input of a question: where the error summary's link leads.
pub fn field_id(question_id: &str) -> String {
    format!("f-{question_id}")
}

pub fn field(state: &State, props: Field) -> Html {
    let (c, lang) = (words(state), state.lang);
    let question = &state.trial().questions[props.q];
    let id = &question.id;
    let text = if props.clinician {
        &question.clinician
    } else {
        &question.patient
    };
    let legend_id = format!("legend-{id}");
    let error_id = format!("error-{id}");
    let hint_id = format!("hint-{id}");
    let unsure = props.draft.picked == Some(Answer::Unsure);

    let legend = if props.page_heading {
        html! { <h1 id={PAGE_HEADING} class="fieldset__heading" tabindex="-1">{ text.get(lang) }</h1> }
    } else {
        html! { <span class="fieldset__heading">{ text.get(lang) }</span> }
    };
    let help = question.help.as_ref().map(|help| {
        html! {
            // Keyed by question: a help text opened on one page is closed on the next.
            <details key={id.as_str()} class="details">
                <summary class="details__summary">{ c.what_does_this_mean }</summary>
                <div class="details__text">{ help.get(lang) }</div>
            </details>
        }
    });
    let error = props.error.as_ref().map(|message| {
        html! { <p class="error-message" id={error_id.clone()}><span class="visually-hidden">{ c.error_summary_title }{ ": " }</span>{ message }</p> }
    });

    // Each radio carries the answer it stands for; its value is that answer's text, as a saved
    // link writes it.
    let radio = |answer: Answer, label: &str, index: usize| {
        let on_change = props.on_change.clone();
        let draft = props.draft.clone();
        let checked = props.draft.picked == Some(answer);
        let value = answer_text(question, answer);
        let input_id = if index == 0 {
            field_id(id)
        } else {
            format!("{}-{index}", field_id(id))
        };
        let onchange = Callback::from(move |_: Event| {
            on_change.emit(Draft {
                picked: Some(answer),
                ..draft.clone()
            });
        });
        html! {
            <div class="radios__item">
                <input class="radios__input" type="radio" id={input_id.clone()} name={id.clone()} {value} {checked} {onchange} />
                <label class="radios__label" for={input_id}>{ label.to_string() }</label>
            </div>
        }
    };

    let inputs = match &question.kind {
        QuestionKind::YesNo | QuestionKind::Choice(_) => {
            let mut options: Vec<(Answer, &str)> = match &question.kind {
                QuestionKind::Choice(options) => (0..)
                    .zip(options)
                    .map(|(i, o)| {
                        let text = if props.clinician {
                            &o.clinician
                        } else {
                            &o.patient
                        };
                        (Answer::Choice(i), text.get(lang))
                    })
                    .collect(),
                _ => vec![(Answer::Yes, c.yes), (Answer::No, c.no)],
            };
            let unsure_label = if props.clinician {
                c.not_known
            } else {
                c.unsure
            };
            options.push((Answer::Unsure, unsure_label));
            let inline = props.clinician || matches!(question.kind, QuestionKind::YesNo);
            html! {
                <div class={if inline { "radios radios--inline" } else { "radios" }}>
                    { for options.into_iter().enumerate().map(|(i, (answer, label))| radio(answer, label, i)) }
                </div>
            }
        }
        QuestionKind::Number(range) | QuestionKind::Elapsed(_, range) => {
            let elapsed = matches!(question.kind, QuestionKind::Elapsed(..));
            let unit = range.unit_label.get(lang).to_string();
            // Typing in either box leaves "I'm not sure" and keeps the other box as it was.
            let typed = |set: fn(&mut Draft, String)| {
                let on_change = props.on_change.clone();
                let draft = props.draft.clone();
                Callback::from(move |e: InputEvent| {
                    let mut next = Draft {
                        picked: None,
                        ..draft.clone()
                    };
                    set(
                        &mut next,
                        e.target_unchecked_into::<web_sys::HtmlInputElement>()
                            .value(),
                    );
                    on_change.emit(next);
                })
            };
            let number_input = typed(|d, value| d.number = value);
            let date_input = typed(|d, value| d.date = value);
            let unsure_toggle = {
                let on_change = props.on_change.clone();
                let draft = props.draft.clone();
                Callback::from(move |_: Event| {
                    let picked = (!unsure).then_some(Answer::Unsure);
                    on_change.emit(Draft {
                        picked,
                        ..draft.clone()
                    });
                })
            };
            let unit_id = format!("unit-{id}");
            let hint = if elapsed {
                fill(c.elapsed_hint, &[&unit])
            } else {
                fill(c.number_hint, &[&unit])
            };
            let described = if props.error.is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            };
            let today = state.today.to_string();
            html! {
                <>
                    <div class="hint" id={hint_id.clone()}>{ hint }</div>
                    { error.clone() }
                    <div class="input-row">
                        if elapsed {
                            <label class="label" for={field_id(id)}>{ c.elapsed_number_label }</label>
                        }
                        <div class="input-wrapper">
                            <input class={if props.error.is_some() { "input input--width-5 input--error" } else { "input input--width-5" }}
                                id={field_id(id)} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                                aria-labelledby={(!elapsed).then(|| format!("{legend_id} {unit_id}"))}
                                aria-describedby={described.clone()}
                                value={props.draft.number.clone()} oninput={number_input} disabled={unsure} />
                            <span class="input__suffix" id={unit_id.clone()}>{ unit.clone() }</span>
                        </div>
                    </div>
                    if elapsed {
                        <div class="input-row">
                            <label class="label" for={format!("{}-date", field_id(id))}>{ c.elapsed_or_date }</label>
                            <input class="input input--date" type="date" id={format!("{}-date", field_id(id))} max={today}
                                value={props.draft.date.clone()} oninput={date_input} disabled={unsure} aria-describedby={described} />
                        </div>
                    }
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" type="checkbox" id={format!("{}-unsure", field_id(id))} checked={unsure} onchange={unsure_toggle} />
                        <label class="checkboxes__label" for={format!("{}-unsure", field_id(id))}>{ if props.clinician { c.not_known } else { c.unsure } }</label>
                    </div>
                </>
            }
        }
    };
    let numeric = matches!(
        question.kind,
        QuestionKind::Number(_) | QuestionKind::Elapsed(..)
    );
    let described = match (&props.error, numeric) {
        (Some(_), false) => Some(error_id.clone()),
        _ => None,
    };
    let group_class = match (props.error.is_some(), props.clinician) {
        (false, false) => "form-group",
        (true, false) => "form-group form-group--error",
        (false, true) => "form-group form-group--compact",
        (true, true) => "form-group form-group--error form-group--compact",
    };
    html! {
        <div class={group_class}>
            <fieldset class="fieldset" aria-describedby={described}>
                <legend class="fieldset__legend" id={legend_id.clone()}>{ legend }</legend>
                { help }
                if !numeric {
                    { error }
                }
                { inputs }
            </fieldset>
        </div>
    }
}
