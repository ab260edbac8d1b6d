//! A checked trial written out for the web app: `prescreen compile` writes `<id>.<lang>.trial`
//! beside the definition for each of its languages, from the checked [`Trial`] in that language
//! alone ([`Trial::in_language`]: the other languages' texts blank, which the format holds as
//! empty strings).
//!
//! Why: reading and checking TOML is a third of the app's wasm (about 25 KB gzip of the first
//! load). With the trial already checked, the app needs only [`read`], a few hundred bytes. The
//! definition stays the one source: the compiled file is made from it, a test keeps the committed
//! ones what `compile` makes today, and a definition with no compiled file beside it (a registry's
//! drop-in) is still read, by the engine's module, which the app fetches only then.
//!
//! The format, version 1, is the first line `prescreen-trial/1` and then a sequence of values,
//! in the order [`write`] gives them (the fields of [`Trial`], depth first):
//!
//! - a number: decimal digits, then `,`; booleans are 0 and 1; an `f64` is a whole number ended
//!   by `.` (`18.`), or else its bits as a number;
//! - a string: `"`, its text with `\` written `\\` and a newline `\n`, then a newline, so each
//!   string ends a line and diffs stay readable;
//! - a list: its length, then its items; an option: 0, or 1 and the value; an enum: its index.
//!
//! [`read`] takes any text without panicking: whatever is not such a file, is truncated or
//! names a question that is not there, is `None`.

mod read;
mod write;

pub use read::read;
pub use write::write;

use crate::rule::CmpOp;
use crate::trial::{CriterionKind, SiteGroup, TimeUnit};
use crate::Lang;

/// The first line; a change to the format changes its version.
const HEADER: &str = "prescreen-trial/1\n";

/// The largest whole number written as itself: every smaller one is exact in an `f64`.
const MAX_WHOLE: f64 = 9_007_199_254_740_992.0;

/// Deeper rules are refused rather than risking the stack; checked rules nest at most 64 deep.
const MAX_DEPTH: usize = 128;

// Each enum as the index of its variant in these lists.
const LANGS: [Lang; Lang::COUNT] = Lang::ALL;
const SITE_GROUPS: [SiteGroup; 2] = [SiteGroup::Verified, SiteGroup::Other];
const TIME_UNITS: [TimeUnit; 4] = [
    TimeUnit::Days,
    TimeUnit::Weeks,
    TimeUnit::Months,
    TimeUnit::Years,
];
const CRITERION_KINDS: [CriterionKind; 3] = [
    CriterionKind::Inclusion,
    CriterionKind::Exclusion,
    CriterionKind::AtSite,
];
const OPS: [CmpOp; 6] = [
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Gt,
    CmpOp::Ge,
];
