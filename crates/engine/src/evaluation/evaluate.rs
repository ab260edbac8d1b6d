//! Criterion statuses and the verdict.

use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::trial::program::Leaf;
use crate::trial::{Criterion, CriterionKind, Expr, QuestionIdx, Trial};
use crate::truth::Truth;

/// Where one criterion stands for this person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

impl Status {
    fn from_truth(truth: Truth) -> Status {
        match truth {
            Truth::True => Status::Met,
            Truth::False => Status::NotMet,
            Truth::Unknown => Status::Unknown,
        }
    }
}

/// Never "eligible": only the trial team can say that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every inclusion met and every exclusion not met, whatever the open answers turn out to be.
    LikelyEligible,
    /// Some inclusion not met or some exclusion met.
    NotEligible,
    /// Neither yet: some criteria are still open.
    Undetermined,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::LikelyEligible => "likely_eligible",
            Verdict::NotEligible => "not_eligible",
            Verdict::Undetermined => "undetermined",
        }
    }
}

/// The result of evaluating one person's answers against one trial.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Per question: does it apply to this person? Answers to questions that do not are ignored.
    pub applies: Vec<Truth>,
    /// Per criterion, in the trial's order. For an at-site step, `Met` means it applies.
    pub statuses: Vec<Status>,
    pub verdict: Verdict,
}

impl Evaluation {
    /// Inclusions not met and exclusions met: why the person is not eligible.
    pub fn blocking<'a, 't: 'a>(
        &'a self,
        trial: &'t Trial,
    ) -> impl Iterator<Item = (usize, &'t Criterion)> + 'a {
        trial
            .criteria
            .iter()
            .enumerate()
            .filter(|(i, c)| blocks(c.kind, self.statuses[*i]))
    }

    /// Inclusions and exclusions still unknown.
    pub fn open<'a, 't: 'a>(
        &'a self,
        trial: &'t Trial,
    ) -> impl Iterator<Item = (usize, &'t Criterion)> + 'a {
        trial.criteria.iter().enumerate().filter(|(i, c)| {
            c.kind != CriterionKind::AtSite && self.statuses[*i] == Status::Unknown
        })
    }
}

fn blocks(kind: CriterionKind, status: Status) -> bool {
    matches!(
        (kind, status),
        (CriterionKind::Inclusion, Status::NotMet) | (CriterionKind::Exclusion, Status::Met)
    )
}

/// Only the verdict, for screening one person against many trials: the same verdict as
/// [`evaluate`], without the per-criterion statuses, and stopping at the first criterion that
/// rules the person out.
pub fn screen(trial: &Trial, answers: &Answers) -> Verdict {
    let mut stack = Vec::with_capacity(16);
    let applies = applicability(trial, answers, &mut stack);
    let scope = Scope {
        answers,
        applies: &applies,
    };
    let statuses = trial.criterion_rules.iter().map(|rule| {
        Status::from_truth(
            trial
                .program
                .run(*rule, &mut stack, &|leaf| scope.leaf(leaf)),
        )
    });
    verdict(trial.criterion_kinds.iter().copied().zip(statuses))
}

pub fn evaluate(trial: &Trial, answers: &Answers) -> Evaluation {
    // Scratch space for the rules' stacks, shared by every rule of this evaluation.
    let mut stack = Vec::with_capacity(16);
    let applies = applicability(trial, answers, &mut stack);
    let scope = Scope {
        answers,
        applies: &applies,
    };
    let statuses: Vec<Status> = trial
        .criterion_rules
        .iter()
        .map(|rule| {
            Status::from_truth(
                trial
                    .program
                    .run(*rule, &mut stack, &|leaf| scope.leaf(leaf)),
            )
        })
        .collect();
    let verdict = verdict(
        trial
            .criterion_kinds
            .iter()
            .copied()
            .zip(statuses.iter().copied()),
    );
    Evaluation {
        applies,
        statuses,
        verdict,
    }
}

/// The verdict from each criterion's kind and status, stopping at the first that rules the person
/// out: `evaluate` passes the statuses it has kept, `screen` computes them as it goes.
fn verdict(statuses: impl Iterator<Item = (CriterionKind, Status)>) -> Verdict {
    let mut open = false;
    for (kind, status) in statuses {
        if blocks(kind, status) {
            return Verdict::NotEligible;
        }
        open |= kind != CriterionKind::AtSite && status == Status::Unknown;
    }
    if open {
        Verdict::Undetermined
    } else {
        Verdict::LikelyEligible
    }
}

/// Whether each question applies, in asking order: `applies_if` names only earlier questions
/// (the checker enforces it), so one pass suffices.
fn applicability(trial: &Trial, answers: &Answers, stack: &mut Vec<Truth>) -> Vec<Truth> {
    let mut applies = Vec::with_capacity(trial.questions.len());
    for gate in &trial.gate_rules {
        let truth = match gate {
            None => Truth::True,
            Some(rule) => {
                let scope = Scope {
                    answers,
                    applies: &applies,
                };
                trial.program.run(*rule, stack, &|leaf| scope.leaf(leaf))
            }
        };
        applies.push(truth);
    }
    applies
}

/// What a rule can see: the answers, less those to questions that do not apply.
pub(super) struct Scope<'a> {
    pub answers: &'a Answers,
    pub applies: &'a [Truth],
}

impl Scope<'_> {
    /// The answer, if there is one that decides anything: not "I'm not sure", and the question
    /// may apply.
    fn known(&self, q: QuestionIdx) -> Option<Answer> {
        if self.applies.get(q).copied().unwrap_or(Truth::False) == Truth::False {
            return None;
        }
        self.answers.get(q).filter(|a| *a != Answer::Unsure)
    }

    /// The truth of one comparison.
    pub fn leaf(&self, leaf: Leaf) -> Truth {
        match leaf {
            Leaf::Answered(q) => match (self.known(q), self.applies.get(q)) {
                (Some(_), _) => Truth::True,
                (None, Some(Truth::False) | None) => Truth::False,
                (None, _) => Truth::Unknown,
            },
            Leaf::YesNo(q, yes) => match self.known(q) {
                Some(Answer::Yes) => Truth::from_bool(yes),
                Some(Answer::No) => Truth::from_bool(!yes),
                _ => Truth::Unknown,
            },
            Leaf::OneOf(q, set) => match self.known(q) {
                Some(Answer::Choice(i)) => Truth::from_bool(i < 64 && set & (1 << i) != 0),
                _ => Truth::Unknown,
            },
            Leaf::Compare(q, op, n) => match self.known(q) {
                Some(Answer::Number(value)) => Truth::from_bool(op.holds(value, n)),
                _ => Truth::Unknown,
            },
        }
    }

    /// The truth of a rule tree; the same as running its compiled program.
    pub fn truth(&self, expr: &Expr) -> Truth {
        match expr {
            Expr::Const(value) => Truth::from_bool(*value),
            Expr::Answered(q) => self.leaf(Leaf::Answered(*q)),
            Expr::YesNo(q, yes) => self.leaf(Leaf::YesNo(*q, *yes)),
            Expr::OneOf(q, set) => self.leaf(Leaf::OneOf(*q, *set)),
            Expr::Compare(q, op, n) => self.leaf(Leaf::Compare(*q, *op, *n)),
            Expr::Not(inner) => self.truth(inner).not(),
            Expr::And(items) => {
                let mut acc = Truth::True;
                for item in items {
                    acc = acc.and(self.truth(item));
                    if acc == Truth::False {
                        break;
                    }
                }
                acc
            }
            Expr::Or(items) => {
                let mut acc = Truth::False;
                for item in items {
                    acc = acc.or(self.truth(item));
                    if acc == Truth::True {
                        break;
                    }
                }
                acc
            }
        }
    }
}

/// For a temporary exclusion that is met: how many units (of its elapsed question) until it lifts.
/// `None` unless the exclusion really stops applying once that time has passed (its rule may have
/// other branches that still hold).
pub fn lifts_in(
    trial: &Trial,
    answers: &Answers,
    evaluation: &Evaluation,
    criterion: usize,
) -> Option<f64> {
    let lifts = trial.criteria.get(criterion)?.lifts_after?;
    if evaluation.statuses.get(criterion) != Some(&Status::Met)
        || evaluation.applies.get(lifts.question) == Some(&Truth::False)
    {
        return None;
    }
    let Some(Answer::Number(elapsed)) = answers.get(lifts.question) else {
        return None;
    };
    if elapsed >= lifts.at {
        return None;
    }
    let mut later = answers.clone();
    later.set(lifts.question, Answer::Number(lifts.at));
    (evaluate(trial, &later).statuses.get(criterion) == Some(&Status::NotMet))
        .then_some(lifts.at - elapsed)
}

/// The verdict once every temporary exclusion that now applies has lifted: whether waiting could
/// change anything at all. Only then may a person be told they may take part later.
/// `evaluation` is that of `answers`, which callers have already.
pub fn verdict_once_lifted(trial: &Trial, answers: &Answers, evaluation: &Evaluation) -> Verdict {
    let mut later = answers.clone();
    for criterion in 0..trial.criteria.len() {
        if let (Some(_), Some(lifts)) = (
            lifts_in(trial, answers, evaluation, criterion),
            trial.criteria[criterion].lifts_after,
        ) {
            later.set(lifts.question, Answer::Number(lifts.at));
        }
    }
    evaluate(trial, &later).verdict
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{definition, Rng, DEEP};
    use crate::trial::QuestionKind;

    /// The compiled program and the rule trees give every criterion the same status.
    #[test]
    fn programs_agree_with_rule_trees() {
        let mut rng = Rng::new(3);
        for seed in 0..60 {
            let trial = crate::load(&definition(seed, DEEP)).expect("valid");
            for _ in 0..40 {
                let mut answers = Answers::new(&trial);
                for (q, question) in trial.questions.iter().enumerate() {
                    let answer = match (rng.below(4), &question.kind) {
                        (0, _) => continue,
                        (1, _) => Answer::Unsure,
                        (_, QuestionKind::YesNo) => [Answer::Yes, Answer::No][rng.below(2)],
                        (_, QuestionKind::Choice(o)) => Answer::Choice(rng.below(o.len()) as u16),
                        (_, _) => Answer::Number(rng.below(101) as f64),
                    };
                    answers.set(q, answer);
                }
                let evaluation = evaluate(&trial, &answers);
                let scope = Scope {
                    answers: &answers,
                    applies: &evaluation.applies,
                };
                let by_tree: Vec<Status> = trial
                    .criteria
                    .iter()
                    .map(|c| Status::from_truth(scope.truth(&c.rule)))
                    .collect();
                assert_eq!(evaluation.statuses, by_tree, "seed {seed}");
                assert_eq!(screen(&trial, &answers), evaluation.verdict, "seed {seed}");
                for (q, question) in trial.questions.iter().enumerate() {
                    let gate = question.applies_if.as_ref().map_or(Truth::True, |rule| {
                        Scope {
                            answers: &answers,
                            applies: &evaluation.applies[..q],
                        }
                        .truth(rule)
                    });
                    assert_eq!(evaluation.applies[q], gate, "seed {seed}, question {q}");
                }
            }
        }
    }
}
