//! The view: components that render the core's state and turn reader input into actions.
//! The root component (`explainer`) owns the state; every view piece is a `#[component]`
//! whose props are what it shows and the typed intents it may send (`actions`).

pub mod actions;
pub mod corrections;
pub mod detail;
pub mod document;
pub mod explainer;
pub mod figure;
pub mod hooks;
pub mod landing;
pub mod progress;
pub mod reading_tools;
pub mod sources;
pub mod step_text;
pub mod surroundings;

#[cfg(all(test, feature = "ssr", not(target_arch = "wasm32")))]
mod snapshot_tests;

pub use explainer::Explainer;

/// `"true"` or `"false"`, for ARIA state attributes.
pub fn aria_bool(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

/// Runs `action` when Enter or Space is pressed: keyboard activation for SVG elements that act
/// as buttons (real buttons get this from the browser).
pub fn on_activate(action: yew::Callback<()>) -> yew::Callback<web_sys::KeyboardEvent> {
    yew::Callback::from(move |event: web_sys::KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            action.emit(());
        }
    })
}
