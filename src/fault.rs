//! What happens when the explainer breaks. A panic is reported once, as one console error, and
//! every explainer on the page falls back to its readable document (the whole explanation,
//! already in the page's HTML) with a short notice; nothing keeps running into the same fault.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the first panic. Event listeners that live outside the explainer's markup check it,
/// so a broken explainer stops reacting instead of failing again on every key press.
static FAILED: AtomicBool = AtomicBool::new(false);

/// The attribute that switches a placeholder to its fallback (see styles/explainer.css).
pub const FAILED_ATTRIBUTE: &str = "data-failed";

pub fn has_failed() -> bool {
    FAILED.load(Ordering::Relaxed)
}

/// Reports the first panic as one console error and shows the fallback. Rust then stops the
/// call with a wasm trap; the page's start script (start.js, mount.js) keeps that trap, the
/// same fault, out of the console once a placeholder is marked failed.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        if !FAILED.swap(true, Ordering::Relaxed) {
            show_fallback();
            web_sys::console::error_1(
                &format!(
                    "inbox-explainer stopped after an internal error; the full text stays on the page. {info}"
                )
                .into(),
            );
        }
    }));
}

/// Marks every explainer placeholder on the page as failed.
pub fn show_fallback() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(placeholders) = document.query_selector_all("[data-inbox-explainer]") {
        for i in 0..placeholders.length() {
            if let Some(element) = placeholders
                .get(i)
                .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
            {
                let _ = element.set_attribute(FAILED_ATTRIBUTE, "");
            }
        }
    }
}
