//! The web app's entry point, built for wasm32 by Trunk (see index.html). Natively it only says
//! how to run the app, so that `cargo build` and `cargo test` cover the whole workspace.

/// Talc in place of Rust's default dlmalloc: 2.1 KB gzip less to download (BENCHMARKS.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    prescreen_app::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prescreen-app runs in the browser: start it with ./scripts/serve.sh");
}
