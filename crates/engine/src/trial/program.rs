//! Rules compiled to one flat, postfix program per trial, for evaluation.
//!
//! A rule tree scatters its nodes over the heap; evaluating thousands of trials then waits on
//! memory more than it computes. The program keeps every rule of a trial in one contiguous array
//! of small ops, so one trial's evaluation touches a few cache lines. The tree stays for relevance
//! and printing; `tests/soundness.rs` checks the two agree.

use super::{Expr, QuestionIdx};
use crate::rule::CmpOp;
use crate::truth::Truth;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Const(bool),
    Answered(u32),
    YesNo(u32, bool),
    OneOf(u32, u64),
    Compare(u32, CmpOp, f64),
    Not,
    /// Combines the top `n` values.
    And(u32),
    Or(u32),
}

/// A compiled rule: its ops in [`Program`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleRef {
    start: u32,
    end: u32,
}

/// Every rule of a trial, compiled.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Program {
    ops: Vec<Op>,
}

impl Program {
    /// Appends a rule. A definition is text of at most a few gigabytes, so question indexes and
    /// item counts fit in `u32`; they saturate rather than wrap all the same.
    pub fn compile(&mut self, expr: &Expr) -> RuleRef {
        let start = self.ops.len() as u32;
        self.emit(expr);
        RuleRef {
            start,
            end: self.ops.len() as u32,
        }
    }

    fn emit(&mut self, expr: &Expr) {
        let q = |q: &QuestionIdx| u32::try_from(*q).unwrap_or(u32::MAX);
        let n = |items: &[Expr]| u32::try_from(items.len()).unwrap_or(u32::MAX);
        match expr {
            Expr::Const(b) => self.ops.push(Op::Const(*b)),
            Expr::Answered(x) => self.ops.push(Op::Answered(q(x))),
            Expr::YesNo(x, yes) => self.ops.push(Op::YesNo(q(x), *yes)),
            Expr::OneOf(x, set) => self.ops.push(Op::OneOf(q(x), *set)),
            Expr::Compare(x, op, c) => self.ops.push(Op::Compare(q(x), *op, *c)),
            Expr::Not(inner) => {
                self.emit(inner);
                self.ops.push(Op::Not);
            }
            Expr::And(items) => {
                items.iter().for_each(|item| self.emit(item));
                self.ops.push(Op::And(n(items)));
            }
            Expr::Or(items) => {
                items.iter().for_each(|item| self.emit(item));
                self.ops.push(Op::Or(n(items)));
            }
        }
    }

    /// Runs one rule. `leaf` gives the truth of a question's leaf; `stack` is scratch space,
    /// passed in so that one evaluation allocates it once.
    pub fn run(
        &self,
        rule: RuleRef,
        stack: &mut Vec<Truth>,
        leaf: &impl Fn(Leaf) -> Truth,
    ) -> Truth {
        stack.clear();
        let ops = self
            .ops
            .get(rule.start as usize..rule.end as usize)
            .unwrap_or(&[]);
        for op in ops {
            let value = match *op {
                Op::Const(b) => Truth::from_bool(b),
                Op::Answered(q) => leaf(Leaf::Answered(q as usize)),
                Op::YesNo(q, yes) => leaf(Leaf::YesNo(q as usize, yes)),
                Op::OneOf(q, set) => leaf(Leaf::OneOf(q as usize, set)),
                Op::Compare(q, op, c) => leaf(Leaf::Compare(q as usize, op, c)),
                Op::Not => stack.pop().unwrap_or(Truth::Unknown).not(),
                Op::And(n) => fold(stack, n, Truth::True, Truth::and),
                Op::Or(n) => fold(stack, n, Truth::False, Truth::or),
            };
            stack.push(value);
        }
        stack.pop().unwrap_or(Truth::Unknown)
    }
}

/// One comparison, as the evaluator answers it.
#[derive(Clone, Copy, Debug)]
pub enum Leaf {
    Answered(QuestionIdx),
    YesNo(QuestionIdx, bool),
    OneOf(QuestionIdx, u64),
    Compare(QuestionIdx, CmpOp, f64),
}

fn fold(stack: &mut Vec<Truth>, n: u32, unit: Truth, op: fn(Truth, Truth) -> Truth) -> Truth {
    let from = stack.len().saturating_sub(n as usize);
    let value = stack[from..].iter().fold(unit, |acc, t| op(acc, *t));
    stack.truncate(from);
    value
}
