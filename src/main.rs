//! The explainer's entry point: mounts it on every `[data-inbox-explainer]` element.

#[cfg(target_arch = "wasm32")]
fn main() {
    inbox_explainer::fault::install_panic_hook();
    inbox_explainer::mount::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in the browser: see README.md for the serve command.");
}
