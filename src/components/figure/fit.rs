//! What fits (see `scene::fit`), measured in the browser: the interactive figure's content
//! width. A ResizeObserver watches it; a step change keeps the figure and its width, so it
//! needs no new measurement and draws the right form the first time. Before the app replaces
//! the prerendered page, `measure_fit` reads the same width from it, so the first render draws
//! only what fits too.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

use crate::scene::fit::Fit;

/// The interactive figure, in the prerendered page as in the app.
const FIGURE: &str = ".ia-step__figure";

/// The fit of the figure at `figure`, starting from `measured` and following every resize of
/// the figure. `observe` is false for a figure drawn for the document, which
/// the stylesheet fits by itself. A measurement that changes nothing renders nothing.
#[hook]
pub fn use_fit(figure: NodeRef, measured: Fit, observe: bool) -> Fit {
    let fit = use_reducer_eq(move || FitState(measured));
    let dispatcher = fit.dispatcher();
    use_effect_with(observe, move |&observe| {
        let observer = figure
            .cast::<Element>()
            .filter(|_| observe)
            .and_then(|figure| FitObserver::start(figure, dispatcher));
        move || drop(observer)
    });
    fit.0
}

/// What fits in a laid-out explainer (the page's prerendered one, before the app replaces it),
/// measured as the observer would.
pub fn measure_fit(explainer: &Element) -> Fit {
    let figure = explainer.query_selector(FIGURE).ok().flatten();
    Fit::default().measured(figure.as_ref().and_then(content_width))
}

/// An element's content width: its box less padding and borders.
fn content_width(element: &Element) -> Option<f64> {
    let window = web_sys::window()?;
    let width = element.get_bounding_client_rect().width();
    let style = window.get_computed_style(element).ok().flatten()?;
    // The browser's parseFloat, which reads "12.5px" as 12.5: Rust's float parser would add
    // kilobytes to the bundle for this one use.
    let px = |property: &str| {
        let value = js_sys::parse_float(&style.get_property_value(property).unwrap_or_default());
        if value.is_finite() {
            value
        } else {
            0.0
        }
    };
    Some(
        width
            - px("padding-left")
            - px("padding-right")
            - px("border-left-width")
            - px("border-right-width"),
    )
}

#[derive(PartialEq)]
struct FitState(Fit);

impl Reducible for FitState {
    /// The figure's width, just measured.
    type Action = f64;

    fn reduce(self: Rc<Self>, figure_width: f64) -> Rc<Self> {
        Rc::new(FitState(self.0.measured(Some(figure_width))))
    }
}

/// Watches a figure; stops when dropped.
struct FitObserver {
    observer: ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl FitObserver {
    fn start(figure: Element, dispatcher: UseReducerDispatcher<FitState>) -> Option<Self> {
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // Only the figure is watched: its latest entry is its width now.
            if let Some(entry) = entries.iter().last() {
                let entry: ResizeObserverEntry = entry.unchecked_into();
                dispatcher.dispatch(entry.content_rect().width());
            }
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        // The observation reports the figure's size once at the start.
        observer.observe(&figure);
        Some(FitObserver {
            observer,
            _on_resize: on_resize,
        })
    }
}

impl Drop for FitObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
