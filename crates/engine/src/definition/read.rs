//! Reads the TOML document into [`raw::Document`]: every key checked for its type, every unknown
//! key and every missing one reported, all in one run. Hand-written over the span-keeping tree of
//! [`super::toml`] instead of serde derives: the errors are better and the web build much smaller.

use super::raw::{self, Spanned};
use super::tree::{self as doc, Item, Value};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::text::Lang;

/// Parses the text; on failure, every syntax or shape problem found.
pub fn document(source: &str) -> Result<raw::Document, Vec<Diagnostic>> {
    let root = super::parse::parse(source)?;
    let mut reader = Reader { diags: Vec::new() };
    let root = Table {
        table: &root,
        span: Span::new(0, 0),
        what: "the file",
    };
    let document = reader.document(&root);
    match document {
        // Every value that could not be read was reported and stands in as a blank: the
        // document is only good when nothing was.
        Some(document) if reader.diags.is_empty() => Ok(document),
        _ => {
            let mut diags = reader.diags;
            crate::diagnostic::sort_by_position(&mut diags);
            Err(diags)
        }
    }
}

/// A table with the span to point at when one of its keys is missing.
struct Table<'a> {
    table: &'a doc::Table,
    span: Span,
    what: &'static str,
}

impl<'a> Table<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.table.get(key)
    }
}

struct Reader {
    diags: Vec<Diagnostic>,
}

impl Reader {
    fn error(&mut self, span: Span, message: String) {
        self.diags
            .push(Diagnostic::new(DiagnosticKind::Syntax, span, message));
    }

    /// Reports keys that are not among `allowed`: a misspelt key is an error, not silence.
    fn only(&mut self, t: &Table, allowed: &[&str]) {
        for entry in &t.table.entries {
            if !allowed.contains(&entry.key.as_str()) {
                self.error(
                    entry.key_span,
                    format!(
                        "unknown key `{}` in {}: expected one of {}",
                        entry.key,
                        t.what,
                        list(allowed)
                    ),
                );
            }
        }
    }

    fn missing(&mut self, t: &Table, key: &str) {
        self.error(t.span, format!("{} needs `{key}`", t.what));
    }

    fn table<'a>(&mut self, value: &'a Value, what: &'static str) -> Option<Table<'a>> {
        match &value.item {
            Item::Table(table) => Some(Table {
                table,
                span: value.span,
                what,
            }),
            _ => {
                self.error(
                    value.span,
                    format!("{what} must be a table, not {}", value.type_str()),
                );
                None
            }
        }
    }

    fn sub_table<'a>(&mut self, t: &Table<'a>, key: &str, what: &'static str) -> Option<Table<'a>> {
        match t.get(key) {
            Some(value) => self.table(value, what),
            None => {
                self.missing(t, key);
                None
            }
        }
    }

    /// `[[key]]` entries, or none when the key is absent.
    fn tables<'a>(&mut self, t: &Table<'a>, key: &str, what: &'static str) -> Vec<Table<'a>> {
        let Some(value) = t.get(key) else {
            return Vec::new();
        };
        match &value.item {
            Item::Array(items) => items
                .values
                .iter()
                .filter_map(|item| self.table(item, what))
                .collect(),
            _ => {
                self.error(
                    value.span,
                    format!(
                        "`{key}` must be written as [[{key}]] tables, not {}",
                        value.type_str()
                    ),
                );
                Vec::new()
            }
        }
    }

    /// A required string; a missing or mistyped one is reported and read as blank.
    fn string(&mut self, t: &Table, key: &str) -> Spanned<String> {
        match t.get(key) {
            Some(value) => self.string_value(value, key),
            None => {
                self.missing(t, key);
                Spanned::new(String::new(), t.span)
            }
        }
    }

    fn optional_string(&mut self, t: &Table, key: &str) -> Option<Spanned<String>> {
        t.get(key).map(|value| self.string_value(value, key))
    }

    fn string_value(&mut self, value: &Value, key: &str) -> Spanned<String> {
        let text = match &value.item {
            Item::String(text) => text.clone(),
            _ => {
                self.error(
                    value.span,
                    format!("`{key}` must be a string, not {}", value.type_str()),
                );
                String::new()
            }
        };
        Spanned::new(text, value.span)
    }

    fn number(&mut self, value: &Value, key: &str) -> Spanned<f64> {
        let number = match &value.item {
            Item::Integer(n) => *n as f64,
            Item::Float(n) => *n,
            _ => {
                let found = value.type_str();
                self.error(value.span, format!("`{key}` must be a number, not {found}"));
                0.0
            }
        };
        Spanned::new(number, value.span)
    }

    fn optional_number(&mut self, t: &Table, key: &str) -> Option<Spanned<f64>> {
        t.get(key).map(|value| self.number(value, key))
    }

    fn optional_bool(&mut self, t: &Table, key: &str) -> bool {
        match t.get(key) {
            None => false,
            Some(Value {
                item: Item::Boolean(b),
                ..
            }) => *b,
            Some(value) => {
                self.error(
                    value.span,
                    format!("`{key}` must be true or false, not {}", value.type_str()),
                );
                false
            }
        }
    }

    /// A text in every language: `{ en = "...", it = "..." }`. A missing language is the
    /// checker's to report, with the text's span.
    fn text_value(&mut self, value: &Value, key: &str) -> raw::SText {
        let t = match &value.item {
            Item::Table(table) => Table {
                table,
                span: value.span,
                what: "a text",
            },
            _ => {
                self.error(
                    value.span,
                    format!("`{key}` must be a text in each language, {{ en = \"...\", it = \"...\" }}, not {}", value.type_str()),
                );
                return Spanned::new(raw::Text(Default::default()), value.span);
            }
        };
        let codes = Lang::ALL.map(Lang::code);
        self.only(&t, &codes);
        let text = raw::Text(codes.map(|code| self.optional_string(&t, code).map(|s| s.value)));
        Spanned::new(text, t.span)
    }

    /// A required text; a missing or mistyped one is reported and read as blank.
    fn text(&mut self, t: &Table, key: &str) -> raw::SText {
        match t.get(key) {
            Some(value) => self.text_value(value, key),
            None => {
                self.missing(t, key);
                Spanned::new(raw::Text(Default::default()), t.span)
            }
        }
    }

    fn optional_text(&mut self, t: &Table, key: &str) -> Option<raw::SText> {
        t.get(key).map(|value| self.text_value(value, key))
    }

    /// Each part is read in full, so that every problem in it is reported; a part that cannot
    /// be read at all (a missing table) makes the document `None`, with its diagnostic.
    fn document(&mut self, root: &Table) -> Option<raw::Document> {
        self.only(root, &["languages", "trial", "question", "criterion"]);
        let languages = root.get("languages").map(|value| self.languages(value));
        let trial = self
            .sub_table(root, "trial", "[trial]")
            .and_then(|t| self.trial(&t));
        let question = self
            .tables(root, "question", "a [[question]]")
            .iter()
            .map(|t| self.question(t))
            .collect();
        let criterion = self
            .tables(root, "criterion", "a [[criterion]]")
            .iter()
            .map(|t| self.criterion(t))
            .collect();
        Some(raw::Document {
            languages,
            trial: trial?,
            question,
            criterion,
        })
    }

    /// `languages = ["en"]`: an array of strings. Which codes, and whether any, is the checker's.
    fn languages(&mut self, value: &Value) -> Spanned<Vec<raw::SString>> {
        let codes = match &value.item {
            Item::Array(array) => array
                .values
                .iter()
                .map(|code| match &code.item {
                    Item::String(text) => Spanned::new(text.clone(), code.span),
                    _ => {
                        self.error(
                            code.span,
                            format!(
                                "a language is a code in quotes, like \"en\", not {}",
                                code.type_str()
                            ),
                        );
                        Spanned::new(String::new(), code.span)
                    }
                })
                .collect(),
            _ => {
                self.error(
                    value.span,
                    format!(
                        "`languages` must be an array of language codes, like [\"en\"], not {}",
                        value.type_str()
                    ),
                );
                Vec::new()
            }
        };
        Spanned::new(codes, value.span)
    }

    fn trial(&mut self, t: &Table) -> Option<raw::Trial> {
        self.only(
            t,
            &[
                "id",
                "eu_ct_number",
                "protocol_code",
                "title",
                "scientific_title",
                "summary",
                "phase",
                "demo",
                "learn_more",
                "status",
                "drug",
                "site",
                "other_trial",
            ],
        );
        let id = self.string(t, "id");
        let eu_ct_number = self.string(t, "eu_ct_number");
        let protocol_code = self.string(t, "protocol_code");
        let title = self.text(t, "title");
        let scientific_title = self.text(t, "scientific_title");
        let summary = self.text(t, "summary");
        let phase = self.text(t, "phase");
        let demo = self.optional_bool(t, "demo");
        let learn_more = self.text(t, "learn_more");
        let status = self
            .sub_table(t, "status", "[trial.status]")
            .map(|s| self.status(&s));
        let drug = self
            .tables(t, "drug", "a [[trial.drug]]")
            .iter()
            .map(|d| self.drug(d))
            .collect();
        let site = self
            .tables(t, "site", "a [[trial.site]]")
            .iter()
            .map(|s| self.site(s))
            .collect();
        let other_trial = self
            .tables(t, "other_trial", "a [[trial.other_trial]]")
            .iter()
            .map(|o| self.other_trial(o))
            .collect();
        Some(raw::Trial {
            id,
            eu_ct_number,
            protocol_code,
            title,
            scientific_title,
            summary,
            phase,
            demo,
            learn_more,
            status: status?,
            drug,
            site,
            other_trial,
        })
    }

    fn status(&mut self, t: &Table) -> raw::Status {
        self.only(t, &["country", "status", "recruitment_start", "read_on"]);
        raw::Status {
            country: self.text(t, "country"),
            status: self.text(t, "status"),
            recruitment_start: self.string(t, "recruitment_start"),
            read_on: self.string(t, "read_on"),
        }
    }

    fn drug(&mut self, t: &Table) -> raw::Drug {
        self.only(t, &["name", "route", "description"]);
        raw::Drug {
            name: self.text(t, "name"),
            route: self.text(t, "route"),
            description: self.text(t, "description"),
        }
    }

    fn site(&mut self, t: &Table) -> raw::Site {
        self.only(t, &["name", "city", "country", "group", "status"]);
        raw::Site {
            name: self.string(t, "name").value,
            city: self.text(t, "city"),
            country: self.text(t, "country"),
            group: self.string(t, "group"),
            status: self.optional_text(t, "status"),
        }
    }

    fn other_trial(&mut self, t: &Table) -> raw::OtherTrial {
        self.only(t, &["title", "status"]);
        raw::OtherTrial {
            title: self.text(t, "title"),
            status: self.text(t, "status"),
        }
    }

    fn question(&mut self, t: &Table) -> raw::Question {
        self.only(
            t,
            &[
                "id",
                "type",
                "patient",
                "clinician",
                "help",
                "applies_if",
                "group",
                "option",
                "unit",
                "unit_label",
                "unit_label_one",
                "min",
                "max",
            ],
        );
        // Struct fields are evaluated in the order written, which is the file's key order.
        raw::Question {
            id: self.string(t, "id"),
            kind: self.string(t, "type"),
            patient: self.text(t, "patient"),
            clinician: self.text(t, "clinician"),
            help: self.optional_text(t, "help"),
            applies_if: self.optional_string(t, "applies_if"),
            group: self.string(t, "group"),
            option: self
                .tables(t, "option", "a [[question.option]]")
                .iter()
                .map(|o| self.choice(o))
                .collect(),
            unit: self.optional_string(t, "unit"),
            unit_label: self.optional_text(t, "unit_label"),
            unit_label_one: self.optional_text(t, "unit_label_one"),
            min: self.optional_number(t, "min"),
            max: self.optional_number(t, "max"),
        }
    }

    fn choice(&mut self, t: &Table) -> raw::Choice {
        self.only(t, &["id", "patient", "clinician"]);
        raw::Choice {
            id: self.string(t, "id"),
            patient: self.text(t, "patient"),
            clinician: self.text(t, "clinician"),
        }
    }

    fn criterion(&mut self, t: &Table) -> raw::Criterion {
        self.only(
            t,
            &[
                "id",
                "kind",
                "title",
                "rule",
                "source",
                "reading",
                "met",
                "not_met",
                "unknown",
                "lifts_after",
            ],
        );
        raw::Criterion {
            id: self.string(t, "id"),
            kind: self.string(t, "kind"),
            title: self.text(t, "title"),
            rule: self.string(t, "rule"),
            source: self.string(t, "source"),
            reading: self.optional_text(t, "reading"),
            met: self.text(t, "met"),
            not_met: self.text(t, "not_met"),
            unknown: self.text(t, "unknown"),
            lifts_after: t.get("lifts_after").and_then(|value| {
                let table = self.table(value, "`lifts_after`")?;
                Some(self.lifts_after(&table))
            }),
        }
    }

    fn lifts_after(&mut self, t: &Table) -> Spanned<raw::LiftsAfter> {
        self.only(t, &["question", "at"]);
        let question = self.string(t, "question");
        let at = match t.get("at") {
            Some(value) => self.number(value, "at"),
            None => {
                self.missing(t, "at");
                Spanned::new(0.0, t.span)
            }
        };
        Spanned::new(raw::LiftsAfter { question, at }, t.span)
    }
}

fn list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
