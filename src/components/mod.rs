//! The view: components that render the core's state and turn reader input into actions.
//! Leaves know only indices and callbacks; the root component owns the state.

pub mod comparison;
pub mod corrections;
pub mod detail;
pub mod document;
pub mod explainer;
pub mod explorer;
pub mod flow_diagram;
pub mod hooks;
pub mod host_page;
pub mod landing;
pub mod progress;
pub mod reading_tools;
pub mod sources;
pub mod step_text;
pub mod timeline;
pub mod view_switch;

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
