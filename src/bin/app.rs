//! The web app's entry point, built for wasm32 by Trunk (see index.html). Natively it only says
//! how to run the app, so that `cargo build` and `cargo test` cover the whole package.

/// A small allocator in place of dlmalloc: 4 KB less to download (see src/app/alloc.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: prescreen::app::alloc::SizeClasses<prescreen::app::alloc::WasmMemory> =
    prescreen::app::alloc::SizeClasses::new(prescreen::app::alloc::WasmMemory);

#[cfg(target_arch = "wasm32")]
fn main() {
    prescreen::app::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prescreen-app runs in the browser: start it with ./scripts/serve.sh");
}
