//! What the registry says about the trial: shown on the start page and with the result.

use yew::prelude::*;

use super::words;
use crate::i18n::{date, fill};
use crate::state::State;
use prescreen_engine::trial::SiteGroup;

/// What the study is about, its medicines, phase, status (with the day it was read) and id.
pub fn trial_brief(state: &State) -> Html {
    let (c, f, lang) = (words(state), &state.trial().facts, state.lang);
    let status = fill(
        c.trial_status_line,
        &[
            f.status.status.get(lang),
            f.status.country.get(lang),
            &date(&f.status.recruitment_start),
            &date(&f.status.read_on),
        ],
    );
    html! {
        <section class="trial-brief" aria-labelledby="trial-about">
            <h2 id="trial-about" class="heading-m">{ c.trial_about }</h2>
            <p>{ f.summary.get(lang) }</p>
            <h3 class="heading-s">{ c.trial_medicines }</h3>
            <ul class="list">
                { for f.drugs.iter().map(|d| html! {
                    <li><strong>{ d.name.get(lang) }</strong>{ " (" }{ d.route.get(lang) }{ "): " }{ d.description.get(lang) }</li>
                }) }
            </ul>
            <dl class="facts">
                <dt>{ c.trial_phase }</dt><dd>{ f.phase.get(lang) }</dd>
                <dt>{ c.trial_status }</dt><dd>{ status }</dd>
                <dt>{ c.trial_id_line }</dt><dd>{ &f.eu_ct_number }{ " · " }{ &f.protocol_code }</dd>
            </dl>
        </section>
    }
}

/// The sites in the registry's own grouping, with their status where listed.
pub fn sites(state: &State) -> Html {
    let (c, f, lang) = (words(state), &state.trial().facts, state.lang);
    let group = |group: SiteGroup, heading: &'static str| {
        let sites: Vec<_> = f.sites.iter().filter(|s| s.group == group).collect();
        if sites.is_empty() {
            return html! {};
        }
        html! {
            <>
                <h3 class="heading-s">{ heading }</h3>
                <ul class="list">
                    { for sites.into_iter().map(|s| html! {
                        <li>
                            { &s.name }{ ", " }{ s.city.get(lang) }{ ", " }{ s.country.get(lang) }
                            if let Some(status) = &s.status {
                                { " – " }{ status.get(lang) }
                            }
                        </li>
                    }) }
                </ul>
            </>
        }
    };
    html! {
        <section aria-labelledby="sites-title">
            <h2 id="sites-title" class="heading-m">{ c.sites_title }</h2>
            { group(SiteGroup::Verified, c.sites_verified) }
            { group(SiteGroup::Other, c.sites_other) }
        </section>
    }
}
