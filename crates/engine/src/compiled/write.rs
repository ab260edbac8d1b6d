//! A [`Trial`] as the compiled format's text (the format: the module's documentation).

use super::{CRITERION_KINDS, HEADER, LANGS, MAX_WHOLE, OPS, SITE_GROUPS, TIME_UNITS};
use crate::text::{Lang, Text};
use crate::trial::{Criterion, Expr, Facts, Group, Question, QuestionKind, Range, Site, Trial};

/// The trial in the compiled format; [`super::read`] gives it back equal.
pub fn write(trial: &Trial) -> String {
    let mut out = Out(HEADER.to_string());
    out.facts(&trial.facts);
    out.list(&trial.questions, Out::question);
    out.list(&trial.criteria, Out::criterion);
    out.0
}

struct Out(String);

/// The index of `value` in `all`; every variant is listed, so it is always found.
fn index<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).unwrap_or(0)
}

impl Out {
    fn num(&mut self, n: u64) {
        self.0.push_str(&n.to_string());
        self.0.push(',');
    }

    fn index<T: PartialEq>(&mut self, all: &[T], value: &T) {
        self.num(index(all, value) as u64);
    }

    fn bool(&mut self, b: bool) {
        self.num(u64::from(b));
    }

    /// A whole number as itself, ended by `.`; any other as its bits.
    fn float(&mut self, f: f64) {
        if f.fract() == 0.0 && f.is_sign_positive() && f <= MAX_WHOLE {
            self.0.push_str(&(f as u64).to_string());
            self.0.push('.');
        } else {
            self.num(f.to_bits());
        }
    }

    /// `"`, the string with `\` and newlines escaped, then a newline: one line each.
    fn str(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                c => self.0.push(c),
            }
        }
        self.0.push('\n');
    }

    /// In every language, in [`Lang::ALL`]'s order: a language the trial lacks is a blank line.
    fn text(&mut self, text: &Text) {
        for lang in Lang::ALL {
            self.str(&text[lang]);
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.num(items.len() as u64);
        for item in items {
            each(self, item);
        }
    }

    fn option<T>(&mut self, value: &Option<T>, each: impl FnOnce(&mut Self, &T)) {
        self.bool(value.is_some());
        if let Some(value) = value {
            each(self, value);
        }
    }

    fn facts(&mut self, facts: &Facts) {
        self.str(&facts.id);
        self.list(&facts.languages, |out, lang| out.index(&LANGS, lang));
        self.str(&facts.eu_ct_number);
        self.str(&facts.protocol_code);
        self.text(&facts.title);
        self.text(&facts.scientific_title);
        self.text(&facts.summary);
        self.text(&facts.phase);
        self.bool(facts.demo);
        self.text(&facts.learn_more);
        self.text(&facts.status.country);
        self.text(&facts.status.status);
        self.str(&facts.status.recruitment_start);
        self.str(&facts.status.read_on);
        self.list(&facts.drugs, |out, drug| {
            out.text(&drug.name);
            out.text(&drug.route);
            out.text(&drug.description);
        });
        self.list(&facts.sites, Out::site);
        self.list(&facts.other_trials, |out, other| {
            out.text(&other.title);
            out.text(&other.status);
        });
    }

    fn site(&mut self, site: &Site) {
        self.str(&site.name);
        self.text(&site.city);
        self.text(&site.country);
        self.index(&SITE_GROUPS, &site.group);
        self.option(&site.status, Out::text);
    }

    fn question(&mut self, question: &Question) {
        self.str(&question.id);
        match &question.kind {
            QuestionKind::YesNo => self.num(0),
            QuestionKind::Choice(choices) => {
                self.num(1);
                self.list(choices, |out, choice| {
                    out.str(&choice.id);
                    out.text(&choice.patient);
                    out.text(&choice.clinician);
                });
            }
            QuestionKind::Number(range) => {
                self.num(2);
                self.range(range);
            }
            QuestionKind::Elapsed(unit, range) => {
                self.num(3);
                self.index(&TIME_UNITS, unit);
                self.range(range);
            }
        }
        self.text(&question.patient);
        self.text(&question.clinician);
        self.option(&question.help, Out::text);
        self.option(&question.applies_if, Out::expr);
        self.index(&Group::ALL, &question.group);
    }

    fn range(&mut self, range: &Range) {
        self.float(range.min);
        self.float(range.max);
        self.str(&range.unit);
        self.text(&range.unit_label);
        self.option(&range.unit_label_one, Out::text);
    }

    fn criterion(&mut self, criterion: &Criterion) {
        self.str(&criterion.id);
        self.index(&CRITERION_KINDS, &criterion.kind);
        self.text(&criterion.title);
        self.expr(&criterion.rule);
        self.str(&criterion.source);
        self.option(&criterion.reading, Out::text);
        self.text(&criterion.met);
        self.text(&criterion.not_met);
        self.text(&criterion.unknown);
        self.option(&criterion.lifts_after, |out, lifts| {
            out.num(lifts.question as u64);
            out.float(lifts.at);
        });
    }

    fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Const(b) => {
                self.num(0);
                self.bool(*b);
            }
            Expr::Answered(q) => {
                self.num(1);
                self.num(*q as u64);
            }
            Expr::YesNo(q, yes) => {
                self.num(2);
                self.num(*q as u64);
                self.bool(*yes);
            }
            Expr::OneOf(q, set) => {
                self.num(3);
                self.num(*q as u64);
                self.num(*set);
            }
            Expr::Compare(q, op, value) => {
                self.num(4);
                self.num(*q as u64);
                self.index(&OPS, op);
                self.float(*value);
            }
            Expr::Not(inner) => {
                self.num(5);
                self.expr(inner);
            }
            Expr::And(items) => {
                self.num(6);
                self.list(items, Out::expr);
            }
            Expr::Or(items) => {
                self.num(7);
                self.list(items, Out::expr);
            }
        }
    }
}
