//! `prescreen-engine-js`: the criteria engine for registries that render their own form, as a
//! WebAssembly module with a small JavaScript interface (README.md, "Engine API (JavaScript)").
//! `tools/build-engine.mjs` builds it for the browser after each Trunk build.
//!
//! A binary of its own rather than exports in the library: the web app links the library, and
//! exports there would ship in the app's wasm too. The interface exists only on wasm32; natively
//! this binary just says where it lives, so that `cargo build` and `cargo test` cover the package.

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod shape;

/// Talc in place of Rust's default dlmalloc: 2.1 KB gzip less to download (BENCHMARKS.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// wasm-bindgen runs a binary's `main` when the module is initialised; there is nothing to start.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "prescreen-engine-js is the engine's JavaScript API for the browser: `trunk build` makes \
         engine/prescreen_engine.js (see README.md)"
    );
}
