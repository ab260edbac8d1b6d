//! One integration-test binary (as ripgrep does): a module per area.

mod util;

mod architecture;
mod compiled;
mod fixtures;
mod languages;
mod loader;
mod relevance;
mod soundness;
mod split;
mod tree;
mod truth;
mod vignettes;
mod write;
