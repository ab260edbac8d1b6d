//! Evaluation: from a trial and a person's answers to a status per criterion, a verdict, and the
//! questions that could still change it.
//!
//! Everything is three-valued: an unanswered question, an "I'm not sure", or a question that does
//! not apply to this person leaves a comparison [`Truth::Unknown`], and `and`/`or`/`not` follow
//! Kleene's strong logic. That makes the verdict *sound*: `likely_eligible` and `not_eligible` hold
//! for every way the open answers could be filled in (tests/soundness.rs proves it by enumeration).

mod evaluate;
mod relevance;

pub use crate::truth::Truth;
pub use evaluate::{evaluate, lifts_in, screen, verdict_once_lifted, Evaluation, Status, Verdict};
pub use relevance::{relevance, Relevance};
