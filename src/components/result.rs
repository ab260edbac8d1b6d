//! The result: the verdict in plain words, why, what to do next, criterion by criterion, and a
//! printable summary for the oncologist.

use yew::prelude::*;

use super::criteria::criteria_list;
use super::trial_facts::sites;
use super::{back_button, title, words, StateHandle, PAGE_HEADING};
use crate::dom;
use crate::i18n::{date, fill, Catalogue};
use crate::state::{Action, State};
use prescreen_engine::evaluation::{verdict_once_lifted, Evaluation, Status, Verdict};
use prescreen_engine::report::Lifts;
use prescreen_engine::trial::{CriterionKind, QuestionKind};

/// The page's title and content.
pub fn result_page(state: &StateHandle) -> (String, Html) {
    let (c, lang) = (words(state), state.lang);
    let evaluation = state.evaluation();
    let (heading, body, class) = match evaluation.verdict {
        Verdict::LikelyEligible => (c.verdict_likely, c.verdict_likely_body, "panel panel--good"),
        Verdict::NotEligible => (c.verdict_not, c.verdict_not_body, "panel panel--bad"),
        Verdict::Undetermined => (
            c.verdict_undetermined,
            c.verdict_undetermined_body,
            "panel panel--open",
        ),
    };

    // A temporary exclusion's date is shown only when waiting could change the verdict: another
    // criterion may rule the person out for good.
    let waiting_helps = evaluation.verdict == Verdict::NotEligible
        && verdict_once_lifted(state.trial(), state.answers(), evaluation) != Verdict::NotEligible;
    let reasons: Vec<Html> = match evaluation.verdict {
        Verdict::LikelyEligible => Vec::new(),
        Verdict::NotEligible => evaluation
            .blocking(state.trial())
            .map(|(i, criterion)| {
                let explanation = if criterion.kind == CriterionKind::Exclusion { &criterion.met } else { &criterion.not_met };
                html! {
                    <li>
                        <strong>{ criterion.title.get(lang) }</strong>{ ": " }{ explanation.get(lang) }
                        if waiting_helps {
                            { temporary_note(state, evaluation, i, c) }
                        }
                    </li>
                }
            })
            .collect(),
        Verdict::Undetermined => evaluation
            .open(state.trial())
            .map(|(_, criterion)| html! { <li><strong>{ criterion.title.get(lang) }</strong>{ ": " }{ criterion.unknown.get(lang) }</li> })
            .collect(),
    };
    let steps: Vec<Html> = state
        .trial()
        .criteria
        .iter()
        .zip(&evaluation.statuses)
        .filter(|(criterion, status)| {
            criterion.kind == CriterionKind::AtSite && **status != Status::NotMet
        })
        .map(|(criterion, status)| {
            let text = if *status == Status::Met {
                &criterion.met
            } else {
                &criterion.unknown
            };
            html! { <li>{ text.get(lang) }</li> }
        })
        .collect();
    let on_print = Callback::from(|_| dom::print());
    let back = back_button(state);
    let clear = {
        let state = state.clone();
        Callback::from(move |_| {
            dom::clear_hash();
            state.dispatch(Action::Clear);
        })
    };
    let facts = &state.trial().facts;
    let body = html! {
        <>
            <button type="button" class="back-link no-print" onclick={back}>{ c.back }</button>
            <p class="print-only">{ fill(c.print_heading, &[&facts.protocol_code, &date(&state.today.to_string())]) }</p>
            <div {class}>
                <h1 id={PAGE_HEADING} class="panel__title" tabindex="-1">{ heading }</h1>
                <p class="panel__body">{ body }</p>
                if !reasons.is_empty() {
                    <ul class="panel__list">{ for reasons }</ul>
                }
            </div>

            <section class="section" aria-labelledby="next-steps">
                <h2 id="next-steps" class="heading-m">{ c.next_steps_title }</h2>
                if !steps.is_empty() {
                    <ul class="list">{ for steps }</ul>
                }
                <h3 class="heading-s">{ c.bring_title }</h3>
                <ul class="list">{ for [c.bring_item_1, c.bring_item_2, c.bring_item_3].map(|item| html! { <li>{ item }</li> }) }</ul>
                <h3 class="heading-s">{ c.contact_title }</h3>
                <p>{ facts.learn_more.get(lang) }</p>
            </section>
            { sites(state) }
            { criteria_list(state) }
            if !facts.other_trials.is_empty() {
                <section class="section no-print" aria-labelledby="other-trials">
                    <h2 id="other-trials" class="heading-m">{ c.other_trials_title }</h2>
                    <p>{ c.other_trials_note }</p>
                    <ul class="list">
                        { for facts.other_trials.iter().map(|t| html! { <li>{ t.title.get(lang) }{ " – " }{ t.status.get(lang) }</li> }) }
                    </ul>
                </section>
            }
            <div class="button-group no-print">
                <button type="button" class="button" onclick={on_print}>{ c.print }</button>
                <button type="button" class="button button--warning" onclick={clear}>{ c.clear_answers }</button>
            </div>
        </>
    };
    (title(state, heading), body)
}

/// For a temporary exclusion, when the person may be able to take part.
fn temporary_note(state: &State, evaluation: &Evaluation, criterion: usize, c: &Catalogue) -> Html {
    let Some(lifts) = Lifts::of(
        state.trial(),
        state.answers(),
        evaluation,
        criterion,
        Some(state.today),
    ) else {
        return html! {};
    };
    let text = match (&lifts.on, state.trial().criteria[criterion].lifts_after) {
        (Some(on), _) => fill(c.temporary_on, &[&date(on)]),
        (None, Some(rule)) => match &state.trial().questions[rule.question].kind {
            QuestionKind::Elapsed(_, range) => fill(
                c.temporary_in,
                &[
                    &prescreen_engine::text::number(lifts.after),
                    range.unit_for(lifts.after).get(state.lang),
                ],
            ),
            _ => return html! {},
        },
        (None, None) => return html! {},
    };
    html! { <p class="temporary">{ text }</p> }
}
