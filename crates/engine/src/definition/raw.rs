//! The definition file's shape, exactly as written, with the span of every value the checker may
//! need to point at. `read` fills these from the TOML document; `check` gives them meaning.

use crate::diagnostic::Span;
use crate::text::Lang;

/// A value with the span of the text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn span(&self) -> Span {
        self.span
    }
}

/// A text in every language; the checker reports a missing one of the file's `languages`.
#[derive(Debug)]
pub struct Text(pub [Option<String>; Lang::COUNT]);

pub type SText = Spanned<Text>;
pub type SString = Spanned<String>;

#[derive(Debug)]
pub struct Document {
    /// The root's `languages = ["en"]`, each code as written; `None` when the file has none.
    pub languages: Option<Spanned<Vec<SString>>>,
    pub trial: Trial,
    pub question: Vec<Question>,
    pub criterion: Vec<Criterion>,
}

#[derive(Debug)]
pub struct Trial {
    pub id: SString,
    pub eu_ct_number: SString,
    pub protocol_code: SString,
    pub title: SText,
    pub scientific_title: SText,
    pub summary: SText,
    pub phase: SText,
    pub demo: bool,
    pub learn_more: SText,
    pub status: Status,
    pub drug: Vec<Drug>,
    pub site: Vec<Site>,
    pub other_trial: Vec<OtherTrial>,
}

#[derive(Debug)]
pub struct Status {
    pub country: SText,
    pub status: SText,
    pub recruitment_start: SString,
    pub read_on: SString,
}

#[derive(Debug)]
pub struct Drug {
    pub name: SText,
    pub route: SText,
    pub description: SText,
}

#[derive(Debug)]
pub struct Site {
    pub name: String,
    pub city: SText,
    pub country: SText,
    pub group: SString,
    pub status: Option<SText>,
}

#[derive(Debug)]
pub struct OtherTrial {
    pub title: SText,
    pub status: SText,
}

#[derive(Debug)]
pub struct Question {
    pub id: SString,
    pub kind: SString,
    pub patient: SText,
    pub clinician: SText,
    pub help: Option<SText>,
    pub applies_if: Option<SString>,
    pub group: SString,
    pub option: Vec<Choice>,
    pub unit: Option<SString>,
    pub unit_label: Option<SText>,
    pub unit_label_one: Option<SText>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
}

#[derive(Debug)]
pub struct Choice {
    pub id: SString,
    pub patient: SText,
    pub clinician: SText,
}

#[derive(Debug)]
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

#[derive(Debug)]
pub struct LiftsAfter {
    pub question: SString,
    pub at: Spanned<f64>,
}
