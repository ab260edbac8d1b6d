//! A checked trial: every name resolved, every type known. The engine and the UI use only this;
//! nothing downstream validates again.

mod one_language;
pub mod program;

use crate::rule::CmpOp;
use crate::text::{Lang, Text};
use program::{Program, RuleRef};

/// Index of a question in [`Trial::questions`], which is also the asking order.
pub type QuestionIdx = usize;

#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    pub facts: Facts,
    pub questions: Vec<Question>,
    pub criteria: Vec<Criterion>,
    /// Every rule compiled for evaluation: the gates of `questions`, then `criteria`, in order.
    pub(crate) program: Program,
    pub(crate) gate_rules: Vec<Option<RuleRef>>,
    pub(crate) criterion_rules: Vec<RuleRef>,
    /// Each criterion's kind, packed, so the verdict reads no more than it needs.
    pub(crate) criterion_kinds: Vec<CriterionKind>,
}

impl Trial {
    pub fn new(facts: Facts, questions: Vec<Question>, criteria: Vec<Criterion>) -> Trial {
        let mut program = Program::default();
        let gate_rules = questions
            .iter()
            .map(|q| q.applies_if.as_ref().map(|rule| program.compile(rule)))
            .collect();
        let criterion_rules = criteria.iter().map(|c| program.compile(&c.rule)).collect();
        let criterion_kinds = criteria.iter().map(|c| c.kind).collect();
        Trial {
            facts,
            questions,
            criteria,
            program,
            gate_rules,
            criterion_rules,
            criterion_kinds,
        }
    }

    pub fn question_index(&self, id: &str) -> Option<QuestionIdx> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// What the registry says about the trial, shown on the start page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub id: String,
    /// The languages the definition file gives its texts in (its `languages` key), or the one of
    /// a compiled trial in one language ([`Trial::in_language`]).
    pub languages: Vec<Lang>,
    pub eu_ct_number: String,
    pub protocol_code: String,
    pub title: Text,
    pub scientific_title: Text,
    pub summary: Text,
    pub phase: Text,
    pub demo: bool,
    pub learn_more: Text,
    pub status: Status,
    pub drugs: Vec<Drug>,
    pub sites: Vec<Site>,
    pub other_trials: Vec<OtherTrial>,
}

/// Recruitment status exactly as listed, with the day it was read so nobody takes it for live.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub country: Text,
    pub status: Text,
    pub recruitment_start: String,
    pub read_on: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drug {
    pub name: Text,
    pub route: Text,
    pub description: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteGroup {
    Verified,
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub name: String,
    pub city: Text,
    pub country: Text,
    pub group: SiteGroup,
    pub status: Option<Text>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OtherTrial {
    pub title: Text,
    pub status: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub patient: Text,
    pub clinician: Text,
    pub help: Option<Text>,
    /// Ask only when this may hold; for everyone else the answer is ignored.
    pub applies_if: Option<Expr>,
    /// The clinician form's section.
    pub group: Group,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Diagnosis,
    Treatment,
    Fitness,
    Conditions,
    PregnancyConsent,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Diagnosis,
        Group::Treatment,
        Group::Fitness,
        Group::Conditions,
        Group::PregnancyConsent,
    ];

    pub fn from_id(id: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            Group::Diagnosis => "diagnosis",
            Group::Treatment => "treatment",
            Group::Fitness => "fitness",
            Group::Conditions => "conditions",
            Group::PregnancyConsent => "pregnancy_consent",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuestionKind {
    YesNo,
    Choice(Vec<Choice>),
    Number(Range),
    /// How long ago something happened, in `unit`s.
    Elapsed(TimeUnit, Range),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub patient: Text,
    pub clinician: Text,
}

/// The allowed answers of a number, inclusive, with the unit they are in.
#[derive(Clone, Debug, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub unit: String,
    pub unit_label: Text,
    /// The unit for exactly one (`year`), where it differs from `unit_label` (`years`).
    pub unit_label_one: Option<Text>,
}

impl Range {
    /// The unit as shown after `n`: "1 year", "2 years".
    pub fn unit_for(&self, n: f64) -> &Text {
        match &self.unit_label_one {
            Some(one) if n == 1.0 => one,
            _ => &self.unit_label,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Days,
    Weeks,
    Months,
    Years,
}

impl TimeUnit {
    pub fn from_id(id: &str) -> Option<TimeUnit> {
        match id {
            "days" => Some(TimeUnit::Days),
            "weeks" => Some(TimeUnit::Weeks),
            "months" => Some(TimeUnit::Months),
            "years" => Some(TimeUnit::Years),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
            TimeUnit::Months => "months",
            TimeUnit::Years => "years",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriterionKind {
    Inclusion,
    Exclusion,
    /// A step done later at the trial site (a pregnancy test, signing consent): it never blocks.
    AtSite,
}

impl CriterionKind {
    pub fn id(self) -> &'static str {
        match self {
            CriterionKind::Inclusion => "inclusion",
            CriterionKind::Exclusion => "exclusion",
            CriterionKind::AtSite => "at_site",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub kind: CriterionKind,
    /// A short name in plain words, for lists.
    pub title: Text,
    pub rule: Expr,
    /// The registry listing's own words.
    pub source: String,
    /// How the listing's lay wording is read, where it needed reading.
    pub reading: Option<Text>,
    pub met: Text,
    pub not_met: Text,
    pub unknown: Text,
    pub lifts_after: Option<LiftsAfter>,
}

/// A temporary exclusion: it lifts once an elapsed question reaches `at`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiftsAfter {
    pub question: QuestionIdx,
    pub at: f64,
}

/// A rule with its names resolved and its types checked.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Const(bool),
    Answered(QuestionIdx),
    /// A yes/no question's answer is `yes` (true) or `no` (false).
    YesNo(QuestionIdx, bool),
    /// A choice question's answer is one of the options in this bit set.
    OneOf(QuestionIdx, u64),
    /// A number or elapsed question compared with a constant.
    Compare(QuestionIdx, CmpOp, f64),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

impl Expr {
    /// Calls `f` with every question the expression names, in order, repeats included.
    pub fn for_each_question(&self, f: &mut impl FnMut(QuestionIdx)) {
        match self {
            Expr::Const(_) => {}
            Expr::Answered(q) | Expr::YesNo(q, _) | Expr::OneOf(q, _) | Expr::Compare(q, _, _) => {
                f(*q)
            }
            Expr::Not(inner) => inner.for_each_question(f),
            Expr::And(items) | Expr::Or(items) => {
                for item in items {
                    item.for_each_question(f);
                }
            }
        }
    }

    pub fn questions(&self) -> Vec<QuestionIdx> {
        let mut out = Vec::new();
        self.for_each_question(&mut |q| {
            if !out.contains(&q) {
                out.push(q);
            }
        });
        out
    }
}

impl Expr {
    /// The rule written back in the definition language, with question and option ids.
    pub fn to_source(&self, trial: &Trial) -> String {
        let id = |q: &QuestionIdx| trial.questions.get(*q).map_or("?", |q| q.id.as_str());
        let option_ids = |q: &QuestionIdx, set: u64| -> Vec<&str> {
            match trial.questions.get(*q).map(|q| &q.kind) {
                Some(QuestionKind::Choice(options)) => options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| set & (1 << i) != 0)
                    .map(|(_, o)| o.id.as_str())
                    .collect(),
                _ => Vec::new(),
            }
        };
        let group = |items: &[Expr], sep: &str| -> String {
            let parts: Vec<String> = items
                .iter()
                .map(|e| match e {
                    Expr::And(_) | Expr::Or(_) => format!("({})", e.to_source(trial)),
                    _ => e.to_source(trial),
                })
                .collect();
            parts.join(sep)
        };
        match self {
            Expr::Const(b) => b.to_string(),
            Expr::Answered(q) => format!("answered({})", id(q)),
            Expr::YesNo(q, yes) => format!("{} == {}", id(q), if *yes { "yes" } else { "no" }),
            Expr::OneOf(q, set) => match option_ids(q, *set).as_slice() {
                [one] => format!("{} == {one}", id(q)),
                many => format!("{} in [{}]", id(q), many.join(", ")),
            },
            Expr::Compare(q, op, n) => format!("{} {} {n}", id(q), op.symbol()),
            Expr::Not(inner) => match **inner {
                Expr::And(_) | Expr::Or(_) => format!("not ({})", inner.to_source(trial)),
                _ => format!("not {}", inner.to_source(trial)),
            },
            Expr::And(items) => group(items, " and "),
            Expr::Or(items) => group(items, " or "),
        }
    }
}
