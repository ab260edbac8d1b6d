//! The oncologist's form: every question on one page, grouped, in clinical words, with the
//! verdict beside it updating on every change.

use yew::prelude::*;

use super::field::{field, Field};
use super::verdict_panel::verdict_panel;
use super::{title, use_page_focus, words, StateHandle, PAGE_HEADING};
use crate::form::{draft_for, read, Draft};
use crate::i18n::Catalogue;
use crate::state::Action;
use prescreen_engine::evaluation::Truth;
use prescreen_engine::trial::Group;

fn group_name(c: &Catalogue, group: Group) -> &'static str {
    match group {
        Group::Diagnosis => c.group_diagnosis,
        Group::Treatment => c.group_treatment,
        Group::Fitness => c.group_fitness,
        Group::Conditions => c.group_conditions,
        Group::PregnancyConsent => c.group_pregnancy_consent,
    }
}

#[derive(Properties, PartialEq)]
pub struct ClinicianFormProps {
    pub state: StateHandle,
}

#[function_component(ClinicianForm)]
pub fn clinician_form(props: &ClinicianFormProps) -> Html {
    let state = props.state.clone();
    let c = words(&state);
    use_page_focus(("clinician", state.lang), title(&state, c.clinician_title));
    // What is typed, per question, kept even while it does not read as an answer.
    let drafts = {
        let initial: Vec<Draft> = state
            .trial()
            .questions
            .iter()
            .enumerate()
            .map(|(q, question)| draft_for(question, state.answers().get(q)))
            .collect();
        use_state(move || initial)
    };
    // Whether the referral summary has been copied (the verdict panel says so).
    let copied = use_state(|| false);
    let evaluation = state.evaluation();

    let field_of = |q: usize| {
        let question = &state.trial().questions[q];
        if evaluation.applies[q] == Truth::False {
            return html! {
                <div class="form-group form-group--compact form-group--inactive">
                    <p class="fieldset__heading">{ question.clinician.get(state.lang) }</p>
                    <p class="hint">{ c.not_applicable_now }</p>
                </div>
            };
        }
        let draft = drafts[q].clone();
        let error = match &draft {
            d if *d == Draft::default() => None,
            d => read(question, d, state.today, state.lang)
                .err()
                .map(|e| e.message(state.lang)),
        };
        let on_change = {
            let (state, drafts) = (state.clone(), drafts.clone());
            Callback::from(move |d: Draft| {
                let question = &state.trial().questions[q];
                let answer = if d == Draft::default() {
                    None
                } else {
                    read(question, &d, state.today, state.lang).ok()
                };
                let mut all = (*drafts).clone();
                all[q] = d;
                drafts.set(all);
                state.dispatch(Action::Set(q, answer));
            })
        };
        field(
            &state,
            Field {
                q,
                draft,
                error,
                on_change,
                clinician: true,
                page_heading: false,
            },
        )
    };
    let groups = Group::ALL.into_iter().filter_map(|group| {
        let questions: Vec<usize> = (0..state.trial().questions.len())
            .filter(|&q| state.trial().questions[q].group == group)
            .collect();
        (!questions.is_empty()).then(|| {
            let id = format!("group-{}", group.id());
            html! {
                <section class="form-section" aria-labelledby={id.clone()}>
                    <h2 {id} class="heading-m">{ group_name(c, group) }</h2>
                    { for questions.into_iter().map(field_of) }
                </section>
            }
        })
    });
    html! {
        <div class="clinician">
            <div class="clinician__form">
                <h1 id={PAGE_HEADING} class="heading-l" tabindex="-1">{ c.clinician_title }</h1>
                <p>{ c.clinician_lead }</p>
                { for groups }
            </div>
            { verdict_panel(&state, &copied) }
        </div>
    }
}
