//! The root component's browser plumbing: keys, swipes, print, motion and focus. What a key or a swipe
//! means is decided in `nav` (plain functions with native tests); these hooks only read the
//! browser's events and hand the result on.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, TouchEvent};
use yew::prelude::*;

use crate::nav::{key_action, swipe_action, Action, KeyPress};

/// Arrow keys, Home, End and Escape, for the explainer that owns them (see `keys_belong_to`).
#[hook]
pub fn use_step_keys(root: NodeRef, rtl: bool, all_steps: bool, dispatch: Callback<Action>) {
    use_effect_with((rtl, all_steps), move |&(rtl, all_steps)| {
        let listener = web_sys::window().map(|window| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&window, "keydown", options, move |event| {
                let Some(root) = root.cast::<Element>() else {
                    return;
                };
                // With every step on show there is no current step to move; a broken
                // explainer reacts to nothing.
                let target = original_target(event);
                if crate::fault::has_failed() || all_steps || !keys_belong_to(&root, target.clone())
                {
                    return;
                }
                let inside = target
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|node| root.contains(Some(&node)));
                let Some(event_key) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let key = event_key.key();
                if let Some(action) = key_action(key_press(event_key, &key, inside), rtl) {
                    if action != Action::CloseDetail {
                        event.prevent_default();
                    }
                    dispatch.emit(action);
                }
            })
        });
        move || drop(listener)
    });
}

/// The touch handlers that turn a sideways swipe into Next or Back.
#[hook]
pub fn use_swipe(
    rtl: bool,
    dispatch: Callback<Action>,
) -> (Callback<TouchEvent>, Callback<TouchEvent>) {
    let touch_start: Rc<RefCell<Option<(i32, i32)>>> = use_mut_ref(|| None);
    let start = {
        let touch_start = touch_start.clone();
        Callback::from(move |event: TouchEvent| {
            *touch_start.borrow_mut() =
                event.touches().get(0).map(|t| (t.client_x(), t.client_y()));
        })
    };
    let end = Callback::from(move |event: TouchEvent| {
        let (Some((x0, y0)), Some(end)) = (
            touch_start.borrow_mut().take(),
            event.changed_touches().get(0),
        ) else {
            return;
        };
        if let Some(action) = swipe_action(end.client_x() - x0, end.client_y() - y0, rtl) {
            dispatch.emit(action);
        }
    });
    (start, end)
}

/// Whether a key press is for this explainer: it happened inside it, or nowhere in particular
/// (focus on the page itself) and this is the page's first explainer. Several explainers on one
/// page therefore never all react to the same key.
fn keys_belong_to(root: &Element, target: Option<web_sys::EventTarget>) -> bool {
    let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
        return false;
    };
    if root.contains(Some(&target)) {
        return true;
    }
    let Some(document) = root.owner_document() else {
        return false;
    };
    let on_page_itself = document.body().is_some_and(|body| target == **body)
        || document
            .document_element()
            .is_some_and(|html| target == *html);
    let first = document.query_selector(".ia").ok().flatten();
    on_page_itself && first.is_some_and(|first| first == *root)
}

/// What a key press means, if anything. Keys typed into form fields, and shortcuts with
/// modifiers, belong to the page, not to the explainer; so do Home and End unless focus is
/// inside the explainer, since on the page itself they scroll the article.
fn key_press<'a>(event: &KeyboardEvent, key: &'a str, inside: bool) -> KeyPress<'a> {
    let typing = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.has_attribute("contenteditable")
        });
    KeyPress {
        key,
        modified: event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
            || event.default_prevented(),
        typing,
        inside,
    }
}

/// Whether the page is being printed: the print layout is the whole-story document, which is
/// rendered from `beforeprint` (the browser lays the page out for print after that event).
#[hook]
pub fn use_printing() -> bool {
    // A page opened straight into print (a print preview of a fresh tab) starts printing.
    // (Never when rendered at build time, where there is no browser to ask.)
    let printing = use_state(|| {
        cfg!(target_arch = "wasm32")
            && web_sys::window()
                .and_then(|window| window.match_media("print").ok().flatten())
                .is_some_and(|query| query.matches())
    });
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let query =
                web_sys::window().and_then(|window| window.match_media("print").ok().flatten());
            let listeners = query.map(|query| {
                let before = {
                    let printing = printing.clone();
                    let window = web_sys::window().expect("a window has a window");
                    EventListener::new(&window, "beforeprint", move |_| printing.set(true))
                };
                // Emulated print media (and some browsers) change the query without the event.
                let change = EventListener::new(&query, "change", move |event| {
                    let matches = event
                        .dyn_ref::<web_sys::MediaQueryListEvent>()
                        .is_some_and(|e| e.matches());
                    if matches {
                        printing.set(true);
                    }
                });
                (before, change)
            });
            move || drop(listeners)
        });
    }
    *printing
}

/// Whether the reader's system asks for reduced motion (never, when rendered at build time,
/// where there is no browser to ask).
pub fn prefers_reduced_motion() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// The focused element, looking inside shadow roots (a directly mounted explainer is in one).
pub fn active_element() -> Option<Element> {
    let mut active = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = active
        .shadow_root()
        .and_then(|shadow| shadow.active_element())
    {
        active = inner;
    }
    Some(active)
}

/// Where an event really started: inside a shadow root, `target` is only its host element.
fn original_target(event: &web_sys::Event) -> Option<web_sys::EventTarget> {
    event
        .composed_path()
        .get(0)
        .dyn_into()
        .ok()
        .or_else(|| event.target())
}
