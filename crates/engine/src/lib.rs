//! prescreen: a clinical-trial eligibility pre-screener.
//!
//! The pipeline follows the data (see ARCHITECTURE.md):
//! definition text → [`definition::load`] (parse, then check) → [`trial::Trial`] →
//! [`evaluation::evaluate`] with [`answers::Answers`] → [`evaluation::Evaluation`] → [`report::Report`].
//!
//! Everything here is pure: no I/O, no clock, no web dependencies, and no panic on any input.

pub mod answers;
pub mod compiled;
pub mod date;
pub mod definition;
pub mod diagnostic;
pub mod evaluation;
pub mod generate;
pub mod report;
pub mod rule;
pub mod text;
pub mod trial;
pub mod truth;

pub use answers::{Answer, Answers};
pub use definition::{compile, load};
pub use diagnostic::{Diagnostic, Span};
pub use evaluation::{evaluate, Evaluation, Status, Truth, Verdict};
pub use text::{Lang, Text};
pub use trial::Trial;
