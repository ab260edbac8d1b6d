//! One integration-test binary (as ripgrep does): a module per area.

mod util;

mod cli;
mod fixtures;
mod loader;
mod relevance;
mod soundness;
mod truth;
mod vignettes;
