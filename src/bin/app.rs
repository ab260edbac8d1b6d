//! The web app's entry point, built for wasm32 by Trunk (see index.html). Natively it only says
//! how to run the app, so that `cargo build` and `cargo test` cover the whole package.

#[cfg(target_arch = "wasm32")]
fn main() {
    prescreen::app::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prescreen-app runs in the browser: start it with ./scripts/serve.sh");
}
