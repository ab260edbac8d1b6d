//! The web app's entry point, built for wasm32 by Trunk (see index.html). Natively it only says
//! how to run the app, so that `cargo build` and `cargo test` cover the whole workspace.

/// A small allocator in place of dlmalloc: less to download (crates/wasm-alloc).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: wasm_alloc::SizeClasses<wasm_alloc::WasmMemory> =
    wasm_alloc::SizeClasses::new(wasm_alloc::WasmMemory);

#[cfg(target_arch = "wasm32")]
fn main() {
    prescreen_app::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prescreen-app runs in the browser: start it with ./scripts/serve.sh");
}
