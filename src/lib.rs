//! prescreen: a clinical-trial eligibility pre-screener.
//!
//! The pipeline follows the data (see ARCHITECTURE.md):
//! definition text → [`definition::load`] (parse, then check) → [`trial::Trial`] →
//! [`engine::evaluate`] with [`answers::Answers`] → [`engine::Evaluation`] → [`report::Report`].
//!
//! Everything here is pure: no I/O, no clock, no web dependencies, and no panic on any input.

/// A diagnostic's message, written as with `format!`. In the web app's build (the cargo feature
/// `terse-diagnostics`, which only Trunk's build of the app turns on) it is an empty string and its
/// arguments are never evaluated: the ~90 messages and their formatting are ~6 KB gzip of the
/// app's first load, and a reader of the app cannot act on them. Authors read them from
/// `prescreen check`; the app still shows each problem's kind and line:column.
#[cfg(not(feature = "terse-diagnostics"))]
macro_rules! message {
    ($($arg:tt)*) => { format!($($arg)*) };
}
#[cfg(feature = "terse-diagnostics")]
macro_rules! message {
    ($($arg:tt)*) => {{
        if false {
            let _ = format!($($arg)*);
        }
        String::new()
    }};
}

pub mod answers;
pub mod app;
pub mod compiled;
pub mod date;
pub mod definition;
pub mod diagnostic;
pub mod engine;
pub mod generate;
pub mod report;
pub mod rule;
pub mod text;
pub mod trial;

pub use answers::{Answer, Answers};
pub use definition::{compile, load, split};
pub use diagnostic::{Diagnostic, Span};
pub use engine::{evaluate, Evaluation, Status, Truth, Verdict};
pub use text::{Lang, Text};
pub use trial::Trial;
