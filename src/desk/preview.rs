//! The preview's window: the explainer laid out at the width the editor chose, and shown
//! scaled down when the desk's column is narrower, so a 1200 px article can be seen whole
//! beside the editor. The explainer is laid out at the chosen width whatever the scale (a
//! transform changes no layout), so it draws exactly what a reader at that width gets.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};
use yew::prelude::*;

use super::labels::Labels;
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct WindowProps {
    pub labels: std::rc::Rc<Labels>,
    /// The chosen width, in CSS px.
    pub width: u32,
    pub stale: bool,
    pub step: usize,
    pub children: Html,
}

#[component]
pub fn PreviewWindow(props: &WindowProps) -> Html {
    let holder = use_node_ref();
    let frame = use_node_ref();
    let percent = use_state(|| 100u32);
    {
        let (holder, frame, percent) = (holder.clone(), frame.clone(), percent.clone());
        use_effect_with(props.width, move |_| {
            let fit = {
                let (holder, frame) = (holder.clone(), frame.clone());
                move || {
                    let (Some(holder), Some(frame)) =
                        (holder.cast::<HtmlElement>(), frame.cast::<HtmlElement>())
                    else {
                        return;
                    };
                    let room = holder
                        .parent_element()
                        .map_or(0.0, |pane| f64::from(pane.client_width()));
                    let width = f64::from(frame.offset_width());
                    let scale = if width > 0.0 && room > 0.0 {
                        (room / width).min(1.0)
                    } else {
                        1.0
                    };
                    // Set through the CSS object model: the page's policy allows no inline styles.
                    let _ = frame
                        .style()
                        .set_property("transform", &format!("scale({scale})"));
                    let _ = holder.style().set_property(
                        "height",
                        &format!("{}px", f64::from(frame.offset_height()) * scale),
                    );
                    let shown = (scale * 100.0).round() as u32;
                    if *percent != shown {
                        percent.set(shown);
                    }
                }
            };
            fit();
            let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| fit());
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let Some(observer) = &observer {
                if let Some(frame) = frame.cast::<web_sys::Element>() {
                    observer.observe(&frame);
                }
                if let Some(pane) = holder
                    .cast::<web_sys::Element>()
                    .and_then(|h| h.parent_element())
                {
                    observer.observe(&pane);
                }
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    let width_class = match props.width {
        720 => "desk__frame--720",
        1200 => "desk__frame--1200",
        _ => "desk__frame--360",
    };
    html! {
        <>
            if *percent < 100 {
                <p class="desk__scale">{ fill(&props.labels.preview_scaled, &[("width", &props.width.to_string()), ("percent", &percent.to_string())]) }</p>
            }
            <div class="desk__holder" ref={holder}>
                // A window of the chosen width, with the explainer's own page inside.
                <div class={classes!("desk__frame", "page", width_class, props.stale.then_some("desk__frame--stale"))}
                    ref={frame} data-preview-step={props.step.to_string()}>
                    <div class="page__main">{ props.children.clone() }</div>
                </div>
            </div>
        </>
    }
}
