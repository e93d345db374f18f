//! The explainer's side of the embed contract, in the DOM: reporting its height to a framing
//! page, announcing reader events, and accepting the loader's one request. See `embed` for the
//! messages themselves.

use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, MessageEvent, ResizeObserver, Window};

use crate::embed::{Framing, Outgoing, ReaderEvent};

/// The framing window, if the explainer is in an iframe.
pub fn parent(window: &Window) -> Option<Window> {
    let parent = window.parent().ok().flatten()?;
    (parent != *window).then_some(parent)
}

/// Posts the page's height to the framing page whenever it changes, in every resize
/// convention. Does nothing outside an iframe. Lives as long as the page.
pub fn report_height(framing: &Framing) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = parent(&window) else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let framing = framing.clone();
    let target = framing.parent_origin.clone().unwrap_or_else(|| "*".into());
    let mut last = 0;
    let measured = root.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        if height == last || height == 0 {
            return;
        }
        last = height;
        let src = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        for message in framing.height_messages(height, &src) {
            let data = match message {
                Outgoing::Text(text) => JsValue::from_str(&text),
                Outgoing::Amp { height } => amp_message(height),
            };
            let _ = parent.post_message(&data, &target);
        }
    });
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    on_resize.forget();
}

fn amp_message(height: u32) -> JsValue {
    let message = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&message, &key.into(), &value);
    let _ = set("sentinel", "amp".into());
    let _ = set("type", "embed-size".into());
    let _ = set("height", height.into());
    message.into()
}

/// Announces a reader event as a bubbling `inbox-explainer:NAME` CustomEvent on the mount
/// element, and, in an iframe, as a message to the framing page.
pub fn announce(mount: &Element, framing: &Framing, event: &ReaderEvent) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    if let Ok(detail) = js_sys::JSON::parse(&event.detail_json()) {
        init.set_detail(&detail);
    }
    let name = format!("inbox-explainer:{}", event.name());
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(&name, &init) {
        let _ = mount.dispatch_event(&custom);
    }
    if let Some(parent) = web_sys::window().as_ref().and_then(parent) {
        let target = framing.parent_origin.as_deref().unwrap_or("*");
        let _ = parent.post_message(&JsValue::from_str(&event.message()), target);
    }
}

/// Calls `show` with each valid request from the framing page; every other message is ignored.
pub fn listen(
    framing: Framing,
    show: impl Fn(String, Option<String>) + 'static,
) -> Option<EventListener> {
    let window = web_sys::window()?;
    let parent = parent(&window)?;
    Some(EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        if crate::fault::has_failed() {
            return;
        }
        // Compared as plain values: a cross-origin window is not an `instanceof Window` here.
        let from_parent = event
            .source()
            .is_some_and(|source| JsValue::from(source) == JsValue::from(&parent));
        let Some(data) = event.data().as_string() else {
            return;
        };
        if let (true, Some((step, view))) = (from_parent, framing.accept(&event.origin(), &data)) {
            show(step, view);
        }
    }))
}
