//! Landing on a new step: when the reader changes step and the step's top is out of view,
//! bring its title into the upper part of the screen, whatever the delivery, and move focus to
//! it so keyboard and screen-reader users land in the same place. When the title is already in
//! view nothing moves and focus stays where it was.
//!
//! - On its own page, or mounted directly in an article, the explainer scrolls that page.
//! - In an iframe, its own page is as tall as the explainer and never scrolls; only the framing
//!   page can. An IntersectionObserver (whose implicit root is the top-level viewport, even
//!   across origins) tells whether the title is in view there, and the framing page is asked
//!   to scroll: the loader through `inbox-explainer:scroll`, Pym.js through its own
//!   `scrollToChildPos`.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use super::hooks::prefers_reduced_motion;
use crate::embed::{Framing, Outgoing};

/// Where the step lands: its top (the kicker above the title) this far below the top of the
/// screen. A title already on screen is left alone.
const TITLE_MARGIN: f64 = 12.0;

/// Whether the reader's view began below the step's title when they acted, noted before the
/// step changes: a shorter step that follows can shrink the page, and the browser then scrolls
/// the title back into view itself, which still counts as the page moving under the reader.
pub type TitleWasAbove = Rc<Cell<bool>>;

/// Notes, as the reader acts, whether the current step's title is above the viewport.
pub fn note_title_position(title_ref: &NodeRef, was_above: &TitleWasAbove) {
    if let Some(title) = title_ref.cast::<Element>() {
        was_above.set(title.get_bounding_client_rect().top() < 0.0);
    }
}

#[hook]
pub fn use_step_landing(
    step: usize,
    reduce_motion: bool,
    framing: Option<Framing>,
    step_ref: NodeRef,
    title_ref: NodeRef,
    was_above: TitleWasAbove,
) {
    // The step the explainer opened on is not a change: nothing moves at start.
    let shown = use_mut_ref(|| step);
    use_effect_with(step, move |&step| {
        let was_above = was_above.replace(false);
        if *shown.borrow() != step {
            *shown.borrow_mut() = step;
            if let (Some(section), Some(title)) =
                (step_ref.cast::<Element>(), title_ref.cast::<HtmlElement>())
            {
                land(
                    &section,
                    &title,
                    was_above,
                    reduce_motion,
                    framing.unwrap_or_default(),
                );
            }
        }
    });
}

fn land(
    section: &Element,
    title: &HtmlElement,
    was_above: bool,
    reduce_motion: bool,
    framing: Framing,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let smooth = !reduce_motion && !prefers_reduced_motion();
    match crate::host::parent(&window) {
        None => {
            if was_above || title.get_bounding_client_rect().top() < 0.0 {
                let behavior = if smooth {
                    web_sys::ScrollBehavior::Smooth
                } else {
                    web_sys::ScrollBehavior::Instant
                };
                let options = web_sys::ScrollToOptions::new();
                options.set_top(section.get_bounding_client_rect().top() - TITLE_MARGIN);
                options.set_behavior(behavior);
                window.scroll_by_with_scroll_to_options(&options);
                focus_without_scrolling(title);
            }
        }
        Some(parent) => {
            let title = title.clone();
            let document_top =
                section.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
            let top = (document_top - TITLE_MARGIN).max(0.0) as u32;
            let target = framing.parent_origin.clone().unwrap_or_else(|| "*".into());
            let observed = section.clone();
            let title_offset =
                title.get_bounding_client_rect().top() - section.get_bounding_client_rect().top();
            let seen = Closure::once_into_js(
                move |entries: js_sys::Array, observer: IntersectionObserver| {
                    observer.disconnect();
                    // The title's top is on screen, as on a page of its own. The step is
                    // observed rather than the title: a ratio of the title alone, rounded
                    // across origins, lets it hang a pixel above the screen.
                    let title_top_in_view = entries
                        .get(0)
                        .dyn_into::<IntersectionObserverEntry>()
                        .is_ok_and(|entry| {
                            let (seen, step) =
                                (entry.intersection_rect(), entry.bounding_client_rect());
                            let title_top = step.top() + title_offset;
                            entry.is_intersecting()
                                && seen.top() <= title_top + 0.5
                                && seen.bottom() > title_top
                        });
                    if title_top_in_view {
                        return;
                    }
                    for message in framing.scroll_messages(top, smooth) {
                        if let Outgoing::Text(text) = message {
                            let _ = parent.post_message(&JsValue::from_str(&text), &target);
                        }
                    }
                    focus_without_scrolling(&title);
                },
            );
            if let Ok(observer) = IntersectionObserver::new(seen.unchecked_ref()) {
                observer.observe(&observed);
            }
        }
    }
}

fn focus_without_scrolling(element: &HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}
