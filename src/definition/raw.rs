//! The definition file's shape, exactly as written, with the span of every value the checker may
//! need to point at. Unknown keys are refused, so a misspelt key is an error, not silence.

use serde::Deserialize;
use toml::Spanned;

/// A text in every language; the checker reports a missing one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: Option<String>,
    pub it: Option<String>,
}

pub type SText = Spanned<Text>;
pub type SString = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub trial: Trial,
    #[serde(default)]
    pub question: Vec<Question>,
    #[serde(default)]
    pub criterion: Vec<Criterion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trial {
    pub id: SString,
    pub eu_ct_number: SString,
    pub protocol_code: SString,
    pub title: SText,
    pub scientific_title: SText,
    pub summary: SText,
    pub phase: SText,
    #[serde(default)]
    pub demo: bool,
    pub learn_more: SText,
    pub status: Status,
    #[serde(default)]
    pub drug: Vec<Drug>,
    #[serde(default)]
    pub site: Vec<Site>,
    #[serde(default)]
    pub other_trial: Vec<OtherTrial>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub country: String,
    pub status: SText,
    pub recruitment_start: SString,
    pub read_on: SString,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drug {
    pub name: SText,
    pub route: SText,
    pub description: SText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub name: String,
    pub city: String,
    pub country: String,
    pub group: SString,
    pub status: Option<SText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherTrial {
    pub title: SText,
    pub status: SText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: SString,
    #[serde(rename = "type")]
    pub kind: SString,
    pub patient: SText,
    pub clinician: SText,
    pub help: Option<SText>,
    pub applies_if: Option<SString>,
    pub group: SString,
    #[serde(default)]
    pub option: Vec<Choice>,
    pub unit: Option<SString>,
    pub unit_label: Option<SText>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: SString,
    pub patient: SText,
    pub clinician: SText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: SString,
    pub kind: SString,
    pub title: SText,
    pub rule: SString,
    pub source: SString,
    pub reading: Option<SText>,
    pub met: SText,
    pub not_met: SText,
    pub unknown: SText,
    pub lifts_after: Option<Spanned<LiftsAfter>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiftsAfter {
    pub question: SString,
    pub at: Spanned<f64>,
}
