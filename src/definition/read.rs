//! Reads the TOML document into [`raw::Document`]: every key checked for its type, every unknown
//! key and every missing one reported, all in one run. Hand-written over the span-keeping tree of
//! [`super::toml`] instead of serde derives: the errors are better and the web build much smaller.

use super::raw::{self, Spanned};
use super::toml::{self as doc, Item, Value};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};

/// Parses the text; on failure, every syntax or shape problem found.
pub fn document(source: &str) -> Result<raw::Document, Vec<Diagnostic>> {
    let root = doc::parse(source)?;
    let mut reader = Reader { diags: Vec::new() };
    let root = Table {
        table: &root,
        span: Span::new(0, 0),
        what: "the file",
    };
    let document = reader.document(&root);
    match document {
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
                    message!(
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
        self.error(t.span, message!("{} needs `{key}`", t.what));
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
                    message!("{what} must be a table, not {}", value.type_str()),
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
                    message!(
                        "`{key}` must be written as [[{key}]] tables, not {}",
                        value.type_str()
                    ),
                );
                Vec::new()
            }
        }
    }

    fn string(&mut self, t: &Table, key: &str) -> Option<Spanned<String>> {
        match t.get(key) {
            Some(value) => self.string_value(value, key),
            None => {
                self.missing(t, key);
                None
            }
        }
    }

    fn optional_string(&mut self, t: &Table, key: &str) -> Option<Option<Spanned<String>>> {
        match t.get(key) {
            Some(value) => self.string_value(value, key).map(Some),
            None => Some(None),
        }
    }

    fn string_value(&mut self, value: &Value, key: &str) -> Option<Spanned<String>> {
        match &value.item {
            Item::String(text) => Some(Spanned::new(text.clone(), value.span)),
            _ => {
                self.error(
                    value.span,
                    message!("`{key}` must be a string, not {}", value.type_str()),
                );
                None
            }
        }
    }

    fn number(&mut self, value: &Value, key: &str) -> Option<Spanned<f64>> {
        let parsed = match &value.item {
            Item::Integer(n) => Some(*n as f64),
            Item::Float(n) => Some(*n),
            _ => None,
        };
        if parsed.is_none() {
            let found = value.type_str();
            self.error(
                value.span,
                message!("`{key}` must be a number, not {found}"),
            );
        }
        parsed.map(|n| Spanned::new(n, value.span))
    }

    fn optional_number(&mut self, t: &Table, key: &str) -> Option<Option<Spanned<f64>>> {
        match t.get(key) {
            Some(value) => self.number(value, key).map(Some),
            None => Some(None),
        }
    }

    fn optional_bool(&mut self, t: &Table, key: &str) -> Option<bool> {
        match t.get(key) {
            None => Some(false),
            Some(Value {
                item: Item::Boolean(b),
                ..
            }) => Some(*b),
            Some(value) => {
                self.error(
                    value.span,
                    message!("`{key}` must be true or false, not {}", value.type_str()),
                );
                None
            }
        }
    }

    /// A text in every language: `{ en = "...", it = "..." }`. A missing language is the
    /// checker's to report, with the text's span.
    fn text_value(&mut self, value: &Value, key: &str) -> Option<raw::SText> {
        let t = match &value.item {
            Item::Table(table) => Table {
                table,
                span: value.span,
                what: "a text",
            },
            _ => {
                self.error(
                    value.span,
                    message!("`{key}` must be a text in each language, {{ en = \"...\", it = \"...\" }}, not {}", value.type_str()),
                );
                return None;
            }
        };
        self.only(&t, &["en", "it"]);
        let en = self.optional_string(&t, "en");
        let it = self.optional_string(&t, "it");
        let text = raw::Text {
            en: en?.map(|s| s.value),
            it: it?.map(|s| s.value),
        };
        Some(Spanned::new(text, t.span))
    }

    fn text(&mut self, t: &Table, key: &str) -> Option<raw::SText> {
        match t.get(key) {
            Some(value) => self.text_value(value, key),
            None => {
                self.missing(t, key);
                None
            }
        }
    }

    fn optional_text(&mut self, t: &Table, key: &str) -> Option<Option<raw::SText>> {
        match t.get(key) {
            Some(value) => self.text_value(value, key).map(Some),
            None => Some(None),
        }
    }

    fn document(&mut self, root: &Table) -> Option<raw::Document> {
        self.only(root, &["trial", "question", "criterion"]);
        let trial = self
            .sub_table(root, "trial", "[trial]")
            .and_then(|t| self.trial(&t));
        let questions: Vec<Option<raw::Question>> = self
            .tables(root, "question", "a [[question]]")
            .iter()
            .map(|t| self.question(t))
            .collect();
        let criteria: Vec<Option<raw::Criterion>> = self
            .tables(root, "criterion", "a [[criterion]]")
            .iter()
            .map(|t| self.criterion(t))
            .collect();
        Some(raw::Document {
            trial: trial?,
            question: questions.into_iter().collect::<Option<_>>()?,
            criterion: criteria.into_iter().collect::<Option<_>>()?,
        })
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
            .and_then(|s| self.status(&s));
        let drugs: Vec<_> = self
            .tables(t, "drug", "a [[trial.drug]]")
            .iter()
            .map(|d| self.drug(d))
            .collect();
        let sites: Vec<_> = self
            .tables(t, "site", "a [[trial.site]]")
            .iter()
            .map(|s| self.site(s))
            .collect();
        let others: Vec<_> = self
            .tables(t, "other_trial", "a [[trial.other_trial]]")
            .iter()
            .map(|o| self.other_trial(o))
            .collect();
        Some(raw::Trial {
            id: id?,
            eu_ct_number: eu_ct_number?,
            protocol_code: protocol_code?,
            title: title?,
            scientific_title: scientific_title?,
            summary: summary?,
            phase: phase?,
            demo: demo?,
            learn_more: learn_more?,
            status: status?,
            drug: drugs.into_iter().collect::<Option<_>>()?,
            site: sites.into_iter().collect::<Option<_>>()?,
            other_trial: others.into_iter().collect::<Option<_>>()?,
        })
    }

    fn status(&mut self, t: &Table) -> Option<raw::Status> {
        self.only(t, &["country", "status", "recruitment_start", "read_on"]);
        let country = self.text(t, "country");
        let status = self.text(t, "status");
        let recruitment_start = self.string(t, "recruitment_start");
        let read_on = self.string(t, "read_on");
        Some(raw::Status {
            country: country?,
            status: status?,
            recruitment_start: recruitment_start?,
            read_on: read_on?,
        })
    }

    fn drug(&mut self, t: &Table) -> Option<raw::Drug> {
        self.only(t, &["name", "route", "description"]);
        let name = self.text(t, "name");
        let route = self.text(t, "route");
        let description = self.text(t, "description");
        Some(raw::Drug {
            name: name?,
            route: route?,
            description: description?,
        })
    }

    fn site(&mut self, t: &Table) -> Option<raw::Site> {
        self.only(t, &["name", "city", "country", "group", "status"]);
        let name = self.string(t, "name");
        let city = self.text(t, "city");
        let country = self.text(t, "country");
        let group = self.string(t, "group");
        let status = self.optional_text(t, "status");
        Some(raw::Site {
            name: name?.value,
            city: city?,
            country: country?,
            group: group?,
            status: status?,
        })
    }

    fn other_trial(&mut self, t: &Table) -> Option<raw::OtherTrial> {
        self.only(t, &["title", "status"]);
        let title = self.text(t, "title");
        let status = self.text(t, "status");
        Some(raw::OtherTrial {
            title: title?,
            status: status?,
        })
    }

    fn question(&mut self, t: &Table) -> Option<raw::Question> {
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
        let id = self.string(t, "id");
        let kind = self.string(t, "type");
        let patient = self.text(t, "patient");
        let clinician = self.text(t, "clinician");
        let help = self.optional_text(t, "help");
        let applies_if = self.optional_string(t, "applies_if");
        let group = self.string(t, "group");
        let options: Vec<_> = self
            .tables(t, "option", "a [[question.option]]")
            .iter()
            .map(|o| self.choice(o))
            .collect();
        let unit = self.optional_string(t, "unit");
        let unit_label = self.optional_text(t, "unit_label");
        let unit_label_one = self.optional_text(t, "unit_label_one");
        let min = self.optional_number(t, "min");
        let max = self.optional_number(t, "max");
        Some(raw::Question {
            id: id?,
            kind: kind?,
            patient: patient?,
            clinician: clinician?,
            help: help?,
            applies_if: applies_if?,
            group: group?,
            option: options.into_iter().collect::<Option<_>>()?,
            unit: unit?,
            unit_label: unit_label?,
            unit_label_one: unit_label_one?,
            min: min?,
            max: max?,
        })
    }

    fn choice(&mut self, t: &Table) -> Option<raw::Choice> {
        self.only(t, &["id", "patient", "clinician"]);
        let id = self.string(t, "id");
        let patient = self.text(t, "patient");
        let clinician = self.text(t, "clinician");
        Some(raw::Choice {
            id: id?,
            patient: patient?,
            clinician: clinician?,
        })
    }

    fn criterion(&mut self, t: &Table) -> Option<raw::Criterion> {
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
        let id = self.string(t, "id");
        let kind = self.string(t, "kind");
        let title = self.text(t, "title");
        let rule = self.string(t, "rule");
        let source = self.string(t, "source");
        let reading = self.optional_text(t, "reading");
        let met = self.text(t, "met");
        let not_met = self.text(t, "not_met");
        let unknown = self.text(t, "unknown");
        let lifts_after = match t.get("lifts_after") {
            None => Some(None),
            Some(value) => self
                .table(value, "`lifts_after`")
                .and_then(|l| self.lifts_after(&l))
                .map(Some),
        };
        Some(raw::Criterion {
            id: id?,
            kind: kind?,
            title: title?,
            rule: rule?,
            source: source?,
            reading: reading?,
            met: met?,
            not_met: not_met?,
            unknown: unknown?,
            lifts_after: lifts_after?,
        })
    }

    fn lifts_after(&mut self, t: &Table) -> Option<Spanned<raw::LiftsAfter>> {
        self.only(t, &["question", "at"]);
        let question = self.string(t, "question");
        let at = match t.get("at") {
            Some(value) => self.number(value, "at"),
            None => {
                self.missing(t, "at");
                None
            }
        };
        Some(Spanned::new(
            raw::LiftsAfter {
                question: question?,
                at: at?,
            },
            t.span,
        ))
    }
}

fn list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
