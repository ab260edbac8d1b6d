//! The full result for one person, as the CLI prints it (JSON) and the UI reads it.

use serde::Serialize;

use crate::answers::Answers;
use crate::date::Date;
use crate::evaluation::{
    evaluate, lifts_in, relevance, verdict_once_lifted, Evaluation, Status, Verdict,
};
use crate::text::Lang;
use crate::trial::{CriterionKind, QuestionKind, TimeUnit, Trial};

#[derive(Clone, Debug, Serialize)]
pub struct Report<'t> {
    pub trial: &'t str,
    pub lang: Lang,
    pub verdict: Verdict,
    /// When temporary exclusions rule the person out for now: the verdict once they have lifted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict_once_lifted: Option<Verdict>,
    pub criteria: Vec<CriterionReport<'t>>,
    /// Inclusions and exclusions still unknown.
    pub open_criteria: Vec<&'t str>,
    /// Unanswered questions that could change the verdict, in asking order.
    pub open_questions: Vec<QuestionRef<'t>>,
    /// Questions answered "I'm not sure" that could change the verdict.
    pub ask_your_doctor: Vec<QuestionRef<'t>>,
    /// At-site steps that apply or may apply.
    pub next_steps: Vec<Step<'t>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CriterionReport<'t> {
    pub id: &'t str,
    pub kind: &'static str,
    pub title: &'t str,
    pub status: Status,
    pub explanation: &'t str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<&'t str>,
    /// The registry listing's own words.
    pub source: &'t str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifts: Option<Lifts>,
}

/// When a temporary exclusion lifts.
#[derive(Clone, Debug, Serialize)]
pub struct Lifts {
    pub after: f64,
    pub unit: &'static str,
    /// The day it lifts, when today's date is known and the unit is days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<String>,
}

impl Lifts {
    /// For a temporary exclusion that now applies and would stop applying with time.
    pub fn of(
        trial: &Trial,
        answers: &Answers,
        evaluation: &Evaluation,
        criterion: usize,
        today: Option<Date>,
    ) -> Option<Lifts> {
        let after = lifts_in(trial, answers, evaluation, criterion)?;
        let lifts = trial.criteria.get(criterion)?.lifts_after?;
        let QuestionKind::Elapsed(unit, _) = trial.questions.get(lifts.question)?.kind else {
            return None;
        };
        let on = today
            .filter(|_| unit == TimeUnit::Days && after <= 36_500.0)
            .map(|today| today.add_days(after.ceil() as i64).to_string());
        Some(Lifts {
            after,
            unit: unit.id(),
            on,
        })
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct QuestionRef<'t> {
    pub id: &'t str,
    pub text: &'t str,
}

#[derive(Clone, Debug, Serialize)]
pub struct Step<'t> {
    pub id: &'t str,
    pub text: &'t str,
}

impl<'t> Report<'t> {
    pub fn build(
        trial: &'t Trial,
        answers: &Answers,
        lang: Lang,
        today: Option<Date>,
    ) -> Report<'t> {
        let evaluation = evaluate(trial, answers);
        let relevance = relevance(trial, answers, &evaluation);
        let question_ref = |q: usize| QuestionRef {
            id: &trial.questions[q].id,
            text: trial.questions[q].patient.get(lang),
        };
        let criteria: Vec<CriterionReport> = trial
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let status = evaluation.statuses[i];
                let explanation = match status {
                    Status::Met => &c.met,
                    Status::NotMet => &c.not_met,
                    Status::Unknown => &c.unknown,
                };
                let lifts = Lifts::of(trial, answers, &evaluation, i, today);
                CriterionReport {
                    id: &c.id,
                    kind: c.kind.id(),
                    title: c.title.get(lang),
                    status,
                    explanation: explanation.get(lang),
                    reading: c.reading.as_ref().map(|r| r.get(lang)),
                    source: &c.source,
                    lifts,
                }
            })
            .collect();
        let next_steps = trial
            .criteria
            .iter()
            .zip(&evaluation.statuses)
            .filter(|(c, s)| c.kind == CriterionKind::AtSite && **s != Status::NotMet)
            .map(|(c, s)| Step {
                id: &c.id,
                text: if *s == Status::Met {
                    c.met.get(lang)
                } else {
                    c.unknown.get(lang)
                },
            })
            .collect();
        Report {
            trial: &trial.facts.id,
            lang,
            verdict: evaluation.verdict,
            verdict_once_lifted: (evaluation.verdict == Verdict::NotEligible
                && criteria.iter().any(|c| c.lifts.is_some()))
            .then(|| verdict_once_lifted(trial, answers, &evaluation)),
            criteria,
            open_criteria: evaluation.open(trial).map(|(_, c)| c.id.as_str()).collect(),
            open_questions: relevance.open.iter().map(|&q| question_ref(q)).collect(),
            ask_your_doctor: relevance.unsure.iter().map(|&q| question_ref(q)).collect(),
            next_steps,
        }
    }
}
