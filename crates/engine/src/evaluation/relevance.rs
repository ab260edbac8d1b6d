//! Which unanswered questions could still change the verdict, so the UI asks only those.

use super::evaluate::{Evaluation, Scope, Verdict};
use crate::answers::Answer;
use crate::answers::Answers;
use crate::trial::{Expr, QuestionIdx, Trial};
use crate::truth::Truth;

/// The questions that still matter, each list in asking order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Relevance {
    /// Not answered yet, and the answer could change the verdict: ask these.
    pub open: Vec<QuestionIdx>,
    /// Answered "I'm not sure", and the answer could change the verdict: ask the doctor about these.
    pub unsure: Vec<QuestionIdx>,
}

impl Relevance {
    /// The next question to ask, if any.
    pub fn next(&self) -> Option<QuestionIdx> {
        self.open.first().copied()
    }
}

/// Once the verdict is settled nothing is relevant: a man is told at once. Otherwise a question is
/// relevant when it is named by a *live* leaf of an open criterion: a leaf whose value is unknown
/// and that no settled sibling overrides (a `false` beside it under `and`, a `true` under `or`).
/// This never misses a question that matters, since settled siblings stay settled whatever the
/// open answers become. A question that may or may not apply also makes the questions its
/// `applies_if` names relevant, since they decide whether it is asked.
pub fn relevance(trial: &Trial, answers: &Answers, evaluation: &Evaluation) -> Relevance {
    if evaluation.verdict != Verdict::Undetermined {
        return Relevance::default();
    }
    let scope = Scope {
        answers,
        applies: &evaluation.applies,
    };
    let mut live = vec![false; trial.questions.len()];
    for (_, criterion) in evaluation.open(trial) {
        mark_live(&scope, &criterion.rule, &mut live);
    }
    // Gates come before the questions they gate, so one backward pass reaches every gate.
    for (q, question) in trial.questions.iter().enumerate().rev() {
        if live[q] && evaluation.applies[q] == Truth::Unknown {
            if let Some(rule) = &question.applies_if {
                mark_live(&scope, rule, &mut live);
            }
        }
    }
    let mut relevance = Relevance::default();
    for (q, &is_live) in live.iter().enumerate() {
        if !is_live || evaluation.applies[q] == Truth::False {
            continue;
        }
        match answers.get(q) {
            None => relevance.open.push(q),
            Some(Answer::Unsure) => relevance.unsure.push(q),
            Some(_) => {}
        }
    }
    relevance
}

fn mark_live(scope: &Scope, expr: &Expr, live: &mut [bool]) {
    if scope.truth(expr) != Truth::Unknown {
        return;
    }
    match expr {
        Expr::Const(_) => {}
        Expr::Answered(q) | Expr::YesNo(q, _) | Expr::OneOf(q, _) | Expr::Compare(q, _, _) => {
            if let Some(slot) = live.get_mut(*q) {
                *slot = true;
            }
        }
        Expr::Not(inner) => mark_live(scope, inner, live),
        Expr::And(items) | Expr::Or(items) => {
            for item in items {
                mark_live(scope, item, live);
            }
        }
    }
}
