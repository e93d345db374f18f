//! The root component's browser plumbing: keys, swipes, print, focus and what fits. What a key or a swipe
//! means is decided in `nav` (plain functions with native tests); these hooks only read the
//! browser's events and hand the result on.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, ResizeObserver, ResizeObserverEntry, TouchEvent};
use yew::prelude::*;

use crate::nav::{key_action, swipe_action, Action, KeyPress, State};
use crate::scene::fit::{Fit, Slot};

/// The reader's state, as Yew's reducer holds it.
pub struct Nav(pub State);

impl Reducible for Nav {
    type Action = Action;

    /// The same `Rc` back when nothing changes (Back on the first step, Escape with nothing
    /// open), so Yew skips the render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Nav(next))
        }
    }
}

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
    let printing = use_state(|| false);
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

/// What fits where (see `scene::fit`), measured after every render so the next one draws only
/// the forms on show. The explainer and every interactive diagram in it (those carrying
/// `data-slot`) are observed; a resize re-measures them. A measurement that changes nothing
/// is dropped by the reducer, so no render follows it.
#[hook]
pub fn use_fit(root: NodeRef, measured: Fit) -> Fit {
    let fit = use_reducer_eq(move || FitState(measured));
    let observer: Rc<RefCell<Option<FitObserver>>> = use_mut_ref(|| None);
    {
        let observer = observer.clone();
        let dispatcher = fit.dispatcher();
        // After every render: the diagrams on show are new elements after a step change.
        use_effect(move || {
            let Some(root) = root.cast::<Element>() else {
                return;
            };
            let mut current = observer.borrow_mut();
            if current.is_none() {
                *current = FitObserver::new(root, dispatcher);
            }
            if let Some(observer) = current.as_ref() {
                observer.observe_all();
            }
        });
    }
    use_effect_with((), move |_| {
        move || {
            if let Some(observer) = observer.borrow_mut().take() {
                observer.observer.disconnect();
            }
        }
    });
    fit.0
}

/// What fits in a laid-out explainer (the page's prerendered one, before the app replaces it),
/// measured as the observer would: the explainer's content width and each interactive
/// diagram's, by slot. The app's first render then draws only the forms that fit.
pub fn measure_fit(explainer: &Element) -> Fit {
    let Some(window) = web_sys::window() else {
        return Fit::default();
    };
    let content_width = |element: &Element| {
        let width = element.get_bounding_client_rect().width();
        let Ok(Some(style)) = window.get_computed_style(element) else {
            return width;
        };
        // The browser's parseFloat, which reads "12.5px" as 12.5: Rust's float parser would
        // add kilobytes to the bundle for this one use.
        let px = |property: &str| {
            let value =
                js_sys::parse_float(&style.get_property_value(property).unwrap_or_default());
            if value.is_finite() {
                value
            } else {
                0.0
            }
        };
        width
            - px("padding-left")
            - px("padding-right")
            - px("border-left-width")
            - px("border-right-width")
    };
    let diagrams: Vec<(Slot, f64)> = diagrams_in(explainer)
        .iter()
        .map(|(figure, slot)| (*slot, content_width(figure)))
        .collect();
    Fit::default().measured(Some(content_width(explainer)), &diagrams)
}

#[derive(PartialEq)]
struct FitState(Fit);

/// Widths just measured: the explainer's, if it was among them, and each diagram's by slot.
struct Measurement {
    explainer: Option<f64>,
    diagrams: Vec<(Slot, f64)>,
}

impl Reducible for FitState {
    type Action = Measurement;

    fn reduce(self: Rc<Self>, measurement: Measurement) -> Rc<Self> {
        Rc::new(FitState(
            self.0
                .measured(measurement.explainer, &measurement.diagrams),
        ))
    }
}

struct FitObserver {
    root: Element,
    observer: ResizeObserver,
    /// The diagrams observed, with their slots, as last found.
    observed: RefCell<Vec<(Element, Slot)>>,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl FitObserver {
    fn new(root: Element, dispatcher: UseReducerDispatcher<FitState>) -> Option<Self> {
        let explainer = root.clone();
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut measurement = Measurement {
                explainer: None,
                diagrams: Vec::new(),
            };
            for entry in entries.iter() {
                let entry: ResizeObserverEntry = entry.unchecked_into();
                let width = entry.content_rect().width();
                let target = entry.target();
                if target == explainer {
                    measurement.explainer = Some(width);
                } else if let Some(slot) = slot_of(&target) {
                    measurement.diagrams.push((slot, width));
                }
            }
            dispatcher.dispatch(measurement);
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        Some(FitObserver {
            root,
            observer,
            observed: RefCell::new(Vec::new()),
            _on_resize: on_resize,
        })
    }

    /// Observes the diagrams now in the explainer, and no longer those gone, when they have
    /// changed (a step or view change draws new ones, or moves one to another slot); a render
    /// that keeps them costs nothing. Each new observation reports its size once.
    fn observe_all(&self) {
        let diagrams = diagrams_in(&self.root);
        let mut observed = self.observed.borrow_mut();
        if *observed == diagrams {
            return;
        }
        self.observer.disconnect();
        self.observer.observe(&self.root);
        for (figure, _) in &diagrams {
            self.observer.observe(figure);
        }
        *observed = diagrams;
    }
}

/// The slot an interactive diagram sits in, from its `data-slot`.
fn slot_of(figure: &Element) -> Option<Slot> {
    figure
        .get_attribute("data-slot")
        .as_deref()
        .and_then(Slot::from_name)
}

/// Every interactive diagram in `root`, with its slot.
fn diagrams_in(root: &Element) -> Vec<(Element, Slot)> {
    let Ok(figures) = root.query_selector_all("[data-slot]") else {
        return Vec::new();
    };
    (0..figures.length())
        .filter_map(|i| figures.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|figure| slot_of(&figure).map(|slot| (figure, slot)))
        .collect()
}
