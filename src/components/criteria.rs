//! Criterion by criterion: met, not met or not sure, the reason, how the listing was read, and the
//! listing's own words on demand.

use yew::prelude::*;

use super::words;
use crate::i18n::Catalogue;
use crate::state::State;
use prescreen_engine::evaluation::Status;
use prescreen_engine::trial::CriterionKind;

/// The status as a tag, its words and its classes: words first, colour only as a second cue.
pub fn status_tag(
    c: &Catalogue,
    kind: CriterionKind,
    status: Status,
) -> (&'static str, &'static str) {
    match (kind, status) {
        (CriterionKind::Inclusion, Status::Met) => (c.status_met, "tag tag--good"),
        (CriterionKind::Inclusion, Status::NotMet) => (c.status_not_met, "tag tag--bad"),
        (CriterionKind::Exclusion, Status::Met) => (c.status_excluded, "tag tag--bad"),
        (CriterionKind::Exclusion, Status::NotMet) => (c.status_not_excluded, "tag tag--good"),
        (CriterionKind::AtSite, Status::Met) => (c.status_at_site, "tag tag--neutral"),
        (CriterionKind::AtSite, Status::NotMet) => (c.status_not_applicable, "tag tag--neutral"),
        (_, Status::Unknown) => (c.status_unknown, "tag tag--open"),
    }
}

pub fn criteria_list(state: &State) -> Html {
    let (c, lang) = (words(state), state.lang);
    let evaluation = state.evaluation();
    let section = |kind: CriterionKind, heading: &'static str| {
        let items = state
            .trial()
            .criteria
            .iter()
            .zip(&evaluation.statuses)
            .filter(|(criterion, _)| criterion.kind == kind)
            .map(|(criterion, &status)| {
                let (tag, class) = status_tag(c, kind, status);
                let explanation = match status {
                    Status::Met => &criterion.met,
                    Status::NotMet => &criterion.not_met,
                    Status::Unknown => &criterion.unknown,
                };
                html! {
                    <li class="criterion">
                        <h4 class="criterion__title">
                            { criterion.title.get(lang) }
                            { " " }<strong {class}>{ tag }</strong>
                        </h4>
                        <p>{ explanation.get(lang) }</p>
                        if let Some(reading) = &criterion.reading {
                            <p class="criterion__reading"><strong>{ c.how_we_read }{ ": " }</strong>{ reading.get(lang) }</p>
                        }
                        <details class="details">
                            <summary class="details__summary">{ c.listing_words }</summary>
                            // The listing is in English: say so, so a screen reader reads it as English.
                            <blockquote class="details__text quote" lang="en">{ &criterion.source }</blockquote>
                        </details>
                    </li>
                }
            });
        html! {
            <>
                <h3 class="heading-s">{ heading }</h3>
                <ul class="criteria">{ for items }</ul>
            </>
        }
    };
    html! {
        <section aria-labelledby="criteria-title" class="section">
            <h2 id="criteria-title" class="heading-m">{ c.criteria_title }</h2>
            { section(CriterionKind::Inclusion, c.criteria_inclusion) }
            { section(CriterionKind::Exclusion, c.criteria_exclusion) }
            { section(CriterionKind::AtSite, c.criteria_at_site) }
        </section>
    }
}
