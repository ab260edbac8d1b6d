//! Every string the app shows that does not come from the trial definition, in each language.
//! Components take their words from here and nowhere else.

use std::sync::OnceLock;

use prescreen_engine::text::Lang;

/// Declares the catalogue's keys once: the struct, and the reader of a catalogue file, which takes
/// the texts in this order.
macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// Strings with `{0}`, `{1}`... are templates: fill them with [`fill`].
        pub struct Catalogue {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        impl Catalogue {
            /// Every key, in the order a catalogue file gives them.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// No words at all, for a page that asks before any catalogue is there.
            const BLANK: Catalogue = Catalogue { $($key: "",)* };

            /// Reads a catalogue as it is served (`i18n/<lang>.txt`, made by tools/words.mjs from
            /// `static/i18n/<lang>.txt`): one text a line, in [`Self::KEYS`]' order. `None` unless
            /// there is a text for every key and no more. Reading by position keeps the keys out
            /// of the wasm and the served file; a test checks each source file's keys.
            pub fn read(served: &'static str) -> Option<Catalogue> {
                let mut texts = served.lines();
                let catalogue = Catalogue { $($key: texts.next()?,)* };
                texts.next().is_none().then_some(catalogue)
            }
        }
    };
}

catalogue! {
    app_name,
    skip_to_content,
    language,
    mode,
    mode_patient,
    mode_clinician,
    privacy_promise,
    not_advice,
    translation_note,
    demo_badge,
    loading,
    load_failed_title,
    load_failed_body,
    definition_invalid_title,
    definition_invalid_body,
    trial_unknown_title,
    /// `{0}` the trial id that was asked for.
    trial_unknown_body,

    // Options a registry set wrongly (see app::options); each `{0}` is the value it gave.
    option_problems_title,
    option_lang,
    option_mode,
    option_compact,
    option_accent,
    /// `{0}` the colour, `{1}` its contrast ratio with white text, such as "1.3".
    option_accent_contrast,

    // Start page
    /// `{0}` the trial's protocol code.
    start_heading,
    start_lead,
    start_what_it_is,
    start_what_it_is_not,
    start_how_long,
    start_button,
    resume_button,
    trial_about,
    trial_medicines,
    trial_phase,
    trial_status,
    /// `{0}` status, `{1}` country, `{2}` recruitment start, `{3}` the day it was read.
    trial_status_line,
    trial_where,
    trial_id_line,

    // Question pages
    back,
    continue_button,
    yes,
    no,
    unsure,
    /// "I'm not sure" in the clinician's form.
    not_known,
    what_does_this_mean,
    /// `{0}` answered so far, `{1}` at most this many still to ask.
    progress,
    /// `{0}` the unit, such as "years".
    number_hint,
    /// `{0}` the unit, such as "days".
    elapsed_hint,
    elapsed_number_label,
    elapsed_or_date,

    // Errors
    error_summary_title,
    error_choose,
    error_enter,
    error_number,
    /// `{0}` min, `{1}` max, `{2}` unit.
    error_range,
    error_date,
    error_future,
    error_both,

    // Check your answers
    check_title,
    check_lead,
    change,
    change_hidden,
    see_result,

    // Result
    result_title,
    verdict_likely,
    verdict_likely_body,
    verdict_not,
    verdict_not_body,
    verdict_undetermined,
    verdict_undetermined_body,
    /// `{0}` a date.
    temporary_on,
    /// `{0}` a number, `{1}` a unit.
    temporary_in,
    ask_doctor_about,
    criteria_title,
    criteria_inclusion,
    criteria_exclusion,
    criteria_at_site,
    status_met,
    status_not_met,
    status_unknown,
    status_excluded,
    status_not_excluded,
    status_at_site,
    status_not_applicable,
    how_we_read,
    listing_words,
    next_steps_title,
    bring_title,
    bring_item_1,
    bring_item_2,
    bring_item_3,
    sites_title,
    sites_verified,
    sites_other,
    contact_title,
    other_trials_title,
    other_trials_note,
    print,
    start_again,
    /// `{0}` the trial's protocol code, `{1}` the date.
    print_heading,

    // Saving and clearing
    save_link,
    save_link_explain,
    save_link_label,
    copy,
    copied,
    clear_answers,
    cleared,
    restored,
    restored_partly,
    language_failed,

    // Clinician form
    clinician_title,
    clinician_lead,
    group_diagnosis,
    group_treatment,
    group_fitness,
    group_conditions,
    group_pregnancy_consent,
    not_applicable_now,
    live_verdict,
    clinician_likely,
    clinician_not,
    clinician_undetermined,
    open_criteria,
    blocking_criteria,
    copy_referral,
    referral_copied,
    referral_label,
    /// `{0}` protocol code, `{1}` EU CT number, `{2}` date.
    referral_heading,
    referral_verdict,
    referral_answers,
    referral_open,
    referral_blocking,
    referral_disclaimer,
    not_answered,
    crash,
    /// How a number's decimal point is written: `.` in English, `,` in Italian.
    decimal_point,
}

/// The catalogues read so far, by language.
static INSTALLED: [OnceLock<Catalogue>; Lang::COUNT] = [const { OnceLock::new() }; Lang::COUNT];

/// Reads a language's catalogue file and keeps it for [`catalogue`]; whether it could be read.
/// The text is kept for the page's life: each language's, once at most.
pub fn install(lang: Lang, file: String) -> bool {
    if installed(lang) {
        return true;
    }
    match Catalogue::read(Box::leak(file.into_boxed_str())) {
        Some(read) => INSTALLED[lang.index()].set(read).is_ok(),
        None => false,
    }
}

/// Whether `lang`'s catalogue is there to be used. Natively (tests, server-side rendering) every
/// language's is built in; in the browser only those fetched are (src/load.rs, `fetch_words`),
/// so that one language's words add nothing to another's first load.
pub fn installed(lang: Lang) -> bool {
    read(lang).is_some()
}

/// `lang`'s catalogue, when it is there.
fn read(lang: Lang) -> Option<&'static Catalogue> {
    let slot = &INSTALLED[lang.index()];
    #[cfg(not(target_arch = "wasm32"))]
    slot.get_or_init(|| {
        let served = Box::leak(served(FILES[lang.index()]).into_boxed_str());
        Catalogue::read(served)
            .unwrap_or_else(|| panic!("static/i18n/{}.txt: not the catalogue's keys", lang.code()))
    });
    slot.get()
}

/// The catalogue files, built in for native builds alone.
#[cfg(not(target_arch = "wasm32"))]
const FILES: [&str; Lang::COUNT] = [
    include_str!("../../static/i18n/en.txt"),
    include_str!("../../static/i18n/it.txt"),
];

/// A catalogue file's texts as tools/words.mjs serves them: one a line, without keys or comments.
#[cfg(not(target_arch = "wasm32"))]
fn served(source: &str) -> String {
    let texts = source
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split_once(" = ").map_or("", |(_, text)| text));
    texts.map(|text| format!("{text}\n")).collect()
}

/// The words of `lang`. The app starts only once they are installed (src/lib.rs, `run`) and
/// changes language only once the other's are; should a page ever ask before, it gets another
/// language's words, or none.
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    read(lang)
        .or_else(|| INSTALLED.iter().find_map(OnceLock::get))
        .unwrap_or(&Catalogue::BLANK)
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
            (en_it().0.progress, en_it().1.progress),
            (en_it().0.trial_status_line, en_it().1.trial_status_line),
            (en_it().0.error_range, en_it().1.error_range),
            (en_it().0.referral_heading, en_it().1.referral_heading),
            (en_it().0.temporary_in, en_it().1.temporary_in),
            (en_it().0.print_heading, en_it().1.print_heading),
            (en_it().0.start_heading, en_it().1.start_heading),
        ];
        for (en, it) in pairs {
            for i in 0..4 {
                let slot = format!("{{{i}}}");
                assert_eq!(en.contains(&slot), it.contains(&slot), "{en} / {it}");
            }
        }
    }

    fn en_it() -> (&'static Catalogue, &'static Catalogue) {
        (catalogue(Lang::EN), catalogue(Lang::IT))
    }

    /// Each file gives every key once, in order, as `key = text`: [`Catalogue::read`] reads
    /// texts by position, so a line out of place would put a text in the wrong place.
    #[test]
    fn every_catalogue_file_gives_every_key_in_order() {
        for (lang, file) in Lang::ALL.iter().zip(FILES) {
            let keys: Vec<&str> = file
                .lines()
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .map(|line| line.split_once(" = ").map_or(line, |(key, _)| key))
                .collect();
            assert_eq!(keys, Catalogue::KEYS, "static/i18n/{}.txt", lang.code());
            let catalogue = catalogue(*lang);
            assert!(!catalogue.app_name.is_empty() && !catalogue.crash.is_empty());
        }
    }

    /// index.html's script chooses the language before the app starts, from its own list.
    #[test]
    fn the_page_chooses_among_the_languages_the_engine_lists() {
        let page = include_str!("../../index.html");
        let list = page
            .split_once("var languages = [")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map(|(list, _)| list)
            .expect("index.html lists its languages");
        let codes: Vec<&str> = list
            .split(',')
            .map(|c| c.trim().trim_matches('\''))
            .collect();
        let ours: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ours);
    }

    #[test]
    fn a_served_file_with_a_line_missing_or_extra_is_refused() {
        let served = served(FILES[0]);
        let lines: Vec<&str> = served.lines().collect();
        assert_eq!(lines.len(), Catalogue::KEYS.len());
        let read = |text: String| Catalogue::read(Box::leak(text.into_boxed_str()));
        assert!(read(lines[..lines.len() - 1].join("\n")).is_none());
        assert!(read(format!("{served}more\n")).is_none());
        let words = read(served.clone()).expect("the served file reads");
        assert_eq!(words.app_name, catalogue(Lang::EN).app_name);
        assert_eq!(words.decimal_point, lines[lines.len() - 1]);
    }

    #[test]
    fn no_string_claims_eligibility() {
        for c in [en_it().0, en_it().1] {
            for s in [c.verdict_likely, c.verdict_likely_body, c.clinician_likely] {
                let lower = s.to_lowercase();
                assert!(
                    !lower.starts_with("you are eligible") && !lower.starts_with("lei è idonea"),
                    "{s}"
                );
            }
        }
        assert!(en_it()
            .0
            .verdict_likely_body
            .contains("only the trial team can confirm"));
    }
}
