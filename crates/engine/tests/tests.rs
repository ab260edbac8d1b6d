//! One integration-test binary (as ripgrep does): a module per area.

mod util;

mod answers;
mod architecture;
mod compile;
mod compiled;
mod fixtures;
mod languages;
mod loader;
mod relevance;
mod soundness;
mod tree;
mod truth;
mod vignettes;
