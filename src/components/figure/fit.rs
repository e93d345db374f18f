//! What fits (see `scene::fit`), measured in the browser: the explainer's content width and the
//! interactive figure's. A ResizeObserver watches both; a step change keeps the figure and its
//! width, so it needs no new measurement and draws the right form the first time. Before the
//! app replaces the prerendered page, `measure_fit` reads the same two widths from it, so the
//! first render draws only what fits too.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

use crate::scene::fit::Fit;

/// The explainer's root element, which `figure` sits in.
const EXPLAINER: &str = ".ia";
/// The interactive figure, in the prerendered page as in the app.
const FIGURE: &str = ".ia-step__figure";

/// The fit of the figure at `figure`, starting from `measured` and following every resize of
/// the figure or its explainer. `observe` is false for a figure drawn for the document, which
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
    Fit::default().measured(
        content_width(explainer),
        figure.as_ref().and_then(content_width),
    )
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

/// Widths just measured: the explainer's and the figure's, each if it was among them.
struct Measurement {
    explainer: Option<f64>,
    figure: Option<f64>,
}

impl Reducible for FitState {
    type Action = Measurement;

    fn reduce(self: Rc<Self>, measurement: Measurement) -> Rc<Self> {
        Rc::new(FitState(
            self.0.measured(measurement.explainer, measurement.figure),
        ))
    }
}

/// Watches a figure and its explainer; stops when dropped.
struct FitObserver {
    observer: ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl FitObserver {
    fn start(figure: Element, dispatcher: UseReducerDispatcher<FitState>) -> Option<Self> {
        let explainer = figure.closest(EXPLAINER).ok().flatten()?;
        let watched = figure.clone();
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut measurement = Measurement {
                explainer: None,
                figure: None,
            };
            for entry in entries.iter() {
                let entry: ResizeObserverEntry = entry.unchecked_into();
                let width = Some(entry.content_rect().width());
                if entry.target() == watched {
                    measurement.figure = width;
                } else {
                    measurement.explainer = width;
                }
            }
            dispatcher.dispatch(measurement);
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        // Each observation reports its size once at the start.
        observer.observe(&explainer);
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
