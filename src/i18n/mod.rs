//! Every string the app shows that does not come from the trial definition, in each language.
//! Components take their words from here and nowhere else.

mod en;
mod it;

use prescreen_engine::text::Lang;

/// Strings with `{0}`, `{1}`... are templates: fill them with [`fill`].
pub struct Catalogue {
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub language: &'static str,
    pub mode: &'static str,
    pub mode_patient: &'static str,
    pub mode_clinician: &'static str,
    pub privacy_promise: &'static str,
    pub not_advice: &'static str,
    pub translation_note: &'static str,
    pub demo_badge: &'static str,
    pub loading: &'static str,
    pub load_failed_title: &'static str,
    pub load_failed_body: &'static str,
    pub definition_invalid_title: &'static str,
    pub definition_invalid_body: &'static str,
    pub trial_unknown_title: &'static str,
    /// `{0}` the trial id that was asked for.
    pub trial_unknown_body: &'static str,

    // Options a registry set wrongly (see app::options); each `{0}` is the value it gave.
    pub option_problems_title: &'static str,
    pub option_lang: &'static str,
    pub option_mode: &'static str,
    pub option_compact: &'static str,
    pub option_accent: &'static str,
    /// `{0}` the colour, `{1}` its contrast ratio with white text, such as "1.3".
    pub option_accent_contrast: &'static str,

    // Start page
    /// `{0}` the trial's protocol code.
    pub start_heading: &'static str,
    pub start_lead: &'static str,
    pub start_what_it_is: &'static str,
    pub start_what_it_is_not: &'static str,
    pub start_how_long: &'static str,
    pub start_button: &'static str,
    pub resume_button: &'static str,
    pub trial_about: &'static str,
    pub trial_medicines: &'static str,
    pub trial_phase: &'static str,
    pub trial_status: &'static str,
    /// `{0}` status, `{1}` country, `{2}` recruitment start, `{3}` the day it was read.
    pub trial_status_line: &'static str,
    pub trial_where: &'static str,
    pub trial_id_line: &'static str,

    // Question pages
    pub back: &'static str,
    pub continue_button: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unsure: &'static str,
    /// "I'm not sure" in the clinician's form.
    pub not_known: &'static str,
    pub what_does_this_mean: &'static str,
    /// `{0}` answered so far, `{1}` at most this many still to ask.
    pub progress: &'static str,
    /// `{0}` the unit, such as "years".
    pub number_hint: &'static str,
    /// `{0}` the unit, such as "days".
    pub elapsed_hint: &'static str,
    pub elapsed_number_label: &'static str,
    pub elapsed_or_date: &'static str,

    // Errors
    pub error_summary_title: &'static str,
    pub error_choose: &'static str,
    pub error_enter: &'static str,
    pub error_number: &'static str,
    /// `{0}` min, `{1}` max, `{2}` unit.
    pub error_range: &'static str,
    pub error_date: &'static str,
    pub error_future: &'static str,
    pub error_both: &'static str,

    // Check your answers
    pub check_title: &'static str,
    pub check_lead: &'static str,
    pub change: &'static str,
    pub change_hidden: &'static str,
    pub see_result: &'static str,

    // Result
    pub result_title: &'static str,
    pub verdict_likely: &'static str,
    pub verdict_likely_body: &'static str,
    pub verdict_not: &'static str,
    pub verdict_not_body: &'static str,
    pub verdict_undetermined: &'static str,
    pub verdict_undetermined_body: &'static str,
    /// `{0}` a date.
    pub temporary_on: &'static str,
    /// `{0}` a number, `{1}` a unit.
    pub temporary_in: &'static str,
    pub ask_doctor_about: &'static str,
    pub criteria_title: &'static str,
    pub criteria_inclusion: &'static str,
    pub criteria_exclusion: &'static str,
    pub criteria_at_site: &'static str,
    pub status_met: &'static str,
    pub status_not_met: &'static str,
    pub status_unknown: &'static str,
    pub status_excluded: &'static str,
    pub status_not_excluded: &'static str,
    pub status_at_site: &'static str,
    pub status_not_applicable: &'static str,
    pub how_we_read: &'static str,
    pub listing_words: &'static str,
    pub next_steps_title: &'static str,
    pub bring_title: &'static str,
    pub bring_items: [&'static str; 3],
    pub sites_title: &'static str,
    pub sites_verified: &'static str,
    pub sites_other: &'static str,
    pub contact_title: &'static str,
    pub other_trials_title: &'static str,
    pub other_trials_note: &'static str,
    pub print: &'static str,
    pub start_again: &'static str,
    /// `{0}` the trial's protocol code, `{1}` the date.
    pub print_heading: &'static str,

    // Saving and clearing
    pub save_link: &'static str,
    pub save_link_explain: &'static str,
    pub save_link_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub clear_answers: &'static str,
    pub cleared: &'static str,
    pub restored: &'static str,
    pub restored_partly: &'static str,
    pub language_failed: &'static str,

    // Clinician form
    pub clinician_title: &'static str,
    pub clinician_lead: &'static str,
    pub group_diagnosis: &'static str,
    pub group_treatment: &'static str,
    pub group_fitness: &'static str,
    pub group_conditions: &'static str,
    pub group_pregnancy_consent: &'static str,
    pub not_applicable_now: &'static str,
    pub live_verdict: &'static str,
    pub clinician_likely: &'static str,
    pub clinician_not: &'static str,
    pub clinician_undetermined: &'static str,
    pub open_criteria: &'static str,
    pub blocking_criteria: &'static str,
    pub copy_referral: &'static str,
    pub referral_copied: &'static str,
    pub referral_label: &'static str,
    /// `{0}` protocol code, `{1}` EU CT number, `{2}` date.
    pub referral_heading: &'static str,
    pub referral_verdict: &'static str,
    pub referral_answers: &'static str,
    pub referral_open: &'static str,
    pub referral_blocking: &'static str,
    pub referral_disclaimer: &'static str,
    pub not_answered: &'static str,
    pub crash: &'static str,
}

pub fn catalogue(lang: Lang) -> &'static Catalogue {
    match lang {
        Lang::En => &en::EN,
        Lang::It => &it::IT,
    }
}

/// Replaces `{0}`, `{1}`... in a template with the arguments, in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    // By hand rather than `replace` with `format!`ed patterns: core's string searcher and the
    // formatting cost the wasm 2 KB, for templates with at most four single-digit slots.
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = match after.as_bytes() {
            [digit @ b'0'..=b'9', b'}', ..] => args.get(usize::from(digit - b'0')),
            _ => None,
        };
        match slot {
            Some(arg) => {
                out.push_str(arg);
                rest = &after[2..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A date as people read it: 25/11/2026 in both languages, which Italians and Britons share.
pub fn date(iso: &str) -> String {
    match prescreen_engine::date::Date::parse(iso) {
        Some(d) => format!("{:02}/{:02}/{}", d.day, d.month, d.year),
        None => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(fill("{0} of {1}", &["3", "9"]), "3 of 9");
        assert_eq!(date("2026-06-01"), "01/06/2026");
    }

    #[test]
    fn templates_take_the_same_arguments_in_both_languages() {
        let pairs = [
            (EN_IT.0.progress, EN_IT.1.progress),
            (EN_IT.0.trial_status_line, EN_IT.1.trial_status_line),
            (EN_IT.0.error_range, EN_IT.1.error_range),
            (EN_IT.0.referral_heading, EN_IT.1.referral_heading),
            (EN_IT.0.temporary_in, EN_IT.1.temporary_in),
            (EN_IT.0.print_heading, EN_IT.1.print_heading),
            (EN_IT.0.start_heading, EN_IT.1.start_heading),
        ];
        for (en, it) in pairs {
            for i in 0..4 {
                let slot = format!("{{{i}}}");
                assert_eq!(en.contains(&slot), it.contains(&slot), "{en} / {it}");
            }
        }
    }

    const EN_IT: (&Catalogue, &Catalogue) = (&en::EN, &it::IT);

    #[test]
    fn no_string_claims_eligibility() {
        for c in [EN_IT.0, EN_IT.1] {
            for s in [c.verdict_likely, c.verdict_likely_body, c.clinician_likely] {
                let lower = s.to_lowercase();
                assert!(
                    !lower.starts_with("you are eligible") && !lower.starts_with("lei è idonea"),
                    "{s}"
                );
            }
        }
        assert!(EN_IT
            .0
            .verdict_likely_body
            .contains("only the trial team can confirm"));
    }
}
